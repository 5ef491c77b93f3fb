/**
 * Text from the data (call ids, campaign and call-centre names, file names, messages that
 * quote a received value) made safe to print for a person: every character that would act
 * on a terminal or a log instead of showing is written out visibly, so a value can never
 * start a new line, forge a row of a table, move the cursor, set a window title or reorder
 * the text around it.
 *
 * Escaped: the C0 controls (U+0000–U+001F, newline and tab included), DEL (U+007F), the
 * C1 controls (U+0080–U+009F: CSI, OSC, ST …), the line and paragraph separators
 * (U+2028, U+2029), every invisible format character (Unicode category Cf): the
 * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), the soft hyphen U+00AD, the zero-width space, non-joiner
 * and joiner (U+200B–U+200D), the word joiner and invisible operators (U+2060–U+2064),
 * U+206A–U+206F, the zero-width no-break space U+FEFF, the tag characters
 * (U+E0000–U+E007F) and the rest of Cf — so two ids that differ only by an invisible
 * character never print alike — and lone surrogates. Newline, carriage return and tab are
 * written `\n`, `\r`, `\t`; every other one `\u` and four hex digits (ESC is `\u001b`; a
 * character beyond U+FFFF as its two UTF-16 code units, U+E0041 as `\udb40\udc41`). The
 * backslash itself is written `\\`, so the escaping is one-to-one: the text `\u200b` in a
 * value prints as `\\u200b`, never like a real U+200B.
 * Everything else, other scripts and emoji included, is kept as it is (an emoji sequence
 * joined by U+200D, or a flag made of tag characters, shows its joiners and tags escaped).
 *
 * `printableMessage` is the last step before a message or a line built from such values
 * (an error message, a warning) is printed: it escapes what acts but leaves backslashes as
 * they are, so the escapes already written in it are not written twice.
 */

/** One character that acts instead of showing (see the module comment); `g` for replacing. */
const UNPRINTABLE_G = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu; // Cs: with `u`, a surrogate matches only when lone
/** The same, for a test (no `lastIndex` state). */
const UNPRINTABLE = /* @__PURE__ */ (() => new RegExp(UNPRINTABLE_G.source, 'u'))();
/** What `printable` escapes: those, and the backslash (so that no value prints like another's escape). */
const ESCAPED_G = /[\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** The same, for a test. */
const ESCAPED = /* @__PURE__ */ (() => new RegExp(ESCAPED_G.source, 'u'))();

/** The short escapes; the rest are `\uXXXX`. */
const SHORT: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** What `clipPrintable` never cuts through: an escape written by `printable` (a pair's two at once), a surrogate pair, else one code unit. */
const TOKEN = /\\\\|\\ud[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2}|\\u[0-9a-f]{4}|\\[nrt]|[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g;

/** The mark of a value cut short. */
export const ELLIPSIS = '\u2026';

function hex4(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
}

/** One matched character (one code unit, or a surrogate pair beyond U+FFFF) written out. */
function escapeOne(c: string): string {
  return SHORT[c] ?? (c.length === 1 ? hex4(c.charCodeAt(0)) : hex4(c.charCodeAt(0)) + hex4(c.charCodeAt(1)));
}

/**
 * Cuts already-printable `text` (the output of `printable`, or a line built from such
 * values) to at most `maxLength` UTF-16 code units, ending it with `…` when it was longer.
 * It cuts between whole code points and never inside an escape (`\u001b`, `\n`, `\\`), so a cut
 * never leaves half an escape or half a surrogate pair.
 */
export function clipPrintable(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength < 1) return '';
  const room = maxLength - ELLIPSIS.length;
  let out = '';
  for (const [token] of text.matchAll(TOKEN)) {
    if (out.length + token.length > room) break;
    out += token;
  }
  return out + ELLIPSIS;
}

/**
 * `text` with every control, separator and bidirectional-formatting character written out
 * visibly (`\u001b`, `\n`; see the module comment), and its backslashes doubled (`\\`), so
 * two different values never print alike; cut to `maxLength` code units with `…` when
 * given (see `clipPrintable`). Use it on every value from the data that a person reads on
 * a terminal or in a log: `formatReport` and the `dialguard audit` command do. JSON output
 * needs no such step (`JSON.stringify` escapes controls itself).
 */
export function printable(text: string, maxLength = Infinity): string {
  const escaped = ESCAPED.test(text) ? text.replace(ESCAPED_G, escapeOne) : text;
  return maxLength === Infinity ? escaped : clipPrintable(escaped, maxLength);
}

/**
 * A message or line built from values already made `printable` (an error message, a
 * warning), made safe to print: every character that acts is written out as `printable`
 * writes it, but backslashes are left as they are, so the escapes the message already
 * holds are not written twice (`printable` would turn its `\u200b` into `\\u200b`). Cut to
 * `maxLength` code units with `…` when given. A value put in the message raw keeps its
 * backslashes: pass values through `printable` first.
 */
export function printableMessage(text: string, maxLength = Infinity): string {
  const escaped = UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE_G, escapeOne) : text;
  return maxLength === Infinity ? escaped : clipPrintable(escaped, maxLength);
}
