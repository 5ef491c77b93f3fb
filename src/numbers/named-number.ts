/**
 * The number a string names, however a dialler's records write it: plainly
 * (`01632 960001`), as a `tel:` or `sip:` URI, or as a SIP caller id (`"Unit 5"
 * <sip:01632960001@host>`), with or without an extension. The one reading shared by
 * `numberKey` (A1.21, A2.9: which calls are to one number, which CLIs are one) and the CLI
 * rule (A1.20, A2.14: is the presented number valid and basic rate).
 */
import { splitExtension } from './extension.js';

/** What a written number names (A1.20, A2.9). */
export interface NamedNumber {
  /**
   * The number as written, without a caller id's display name and brackets, a URI's scheme,
   * host and parameters, or an extension: `'+44-1632-960001'` for
   * `tel:+44-1632-960001;ext=12`. The string itself when it has none of these. It may hold
   * no digit (`'alice'` for `sip:alice@host`).
   */
  readonly number: string;
  /** The extension's digits (`';ext=12'`, `' x12'`, `' ext. 12'`, `'#12'` all give `'12'`), or `null`. */
  readonly extension: string | null;
}

/**
 * The address of a SIP name-addr (RFC 3261 §25.1: `"Name" <address>`, `Name <address>`,
 * `<address>`), as diallers and switches write a caller id: what is inside the `<…>` that
 * ends it; `raw` itself when it does not end in one.
 */
function addressOf(raw: string): string {
  const text = raw.trim();
  if (!text.endsWith('>')) return raw;
  const open = text.lastIndexOf('<');
  return open < 0 ? raw : text.slice(open + 1, -1);
}

const URI_SCHEME = /^(?:tel|sips?):/i;

/**
 * The user part of a `tel:` (RFC 3966) or `sip:`/`sips:` (RFC 3261) URI, as a dialler's
 * records may write it (`tel:+44-1632-960001;ext=12`, `sip:01632960001@10.0.0.1:5060;user=phone`):
 * what follows the scheme, before the host (`@…`), with its parameters (`;ext=12`); `null`
 * for a string that is not such a URI.
 */
function uriUserPart(address: string): string | null {
  const inner = address.trim();
  const scheme = URI_SCHEME.exec(inner);
  if (scheme === null) return null;
  const rest = inner.slice(scheme[0].length);
  const at = rest.indexOf('@');
  return at < 0 ? rest : rest.slice(0, at);
}

/** A number written plainly, cut at an extension marker if it ends in one (`splitExtension`). */
function plainNumber(text: string): NamedNumber {
  return splitExtension(text) ?? { number: text, extension: null };
}

/** A URI user part read as a number: before its first `;`, with the value of an `ext=` parameter (RFC 3966 §5.1.2), or cut at a marker as a plain number is. */
function uriNumber(user: string): NamedNumber {
  const parts = user.split(';');
  let extension: string | null = null;
  for (let i = 1; i < parts.length && extension === null; i++) {
    const p = parts[i]!.trim();
    if (p.length > 4 && p.slice(0, 4).toLowerCase() === 'ext=') extension = p.slice(4).trim();
  }
  if (extension !== null) return { number: parts[0]!, extension };
  return plainNumber(parts[0]!);
}

/**
 * The number `raw` names (A1.20, A2.9): the address of a SIP caller id
 * (`"Name" <address>`; the display name's digits never count), then the user part of a
 * `tel:`/`sip:`/`sips:` URI (a host's or port's digits never count; `;ext=` gives the
 * extension, other parameters are dropped), then a plain number cut at an extension
 * marker (`splitExtension`: `x`, `ext`, `ext.`, `extension`, `#`, `;ext=`). A string that
 * is none of these names itself, with no extension. Never throws; linear in the length of `raw`.
 */
export function namedNumber(raw: string): NamedNumber {
  const address = addressOf(raw);
  const user = uriUserPart(address);
  return user === null ? plainNumber(address) : uriNumber(user);
}
