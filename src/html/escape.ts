/**
 * Escaping for HTML text and attribute values. Every piece of data text in the page
 * (campaign names, call ids, file names, messages from rejected rows) goes through it:
 * a CDR is untrusted input.
 */
import { printable, printableMessage } from '../text/printable.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `text` safe inside HTML or SVG text and inside a quoted attribute value, and shown as
 * it is: markup characters become entities, and controls, line separators and
 * bidirectional overrides, embeddings and isolates are written out visibly (`\u202e`) and
 * backslashes doubled, as in the text report (`printable`), so a value can never reorder
 * the text around it (a campaign name cannot make a table row or a figure read backwards)
 * nor print like another value.
 */
export function escapeHtml(text: unknown): string {
  return entities(printable(String(text)));
}

/**
 * A message built from values already made printable (a warning, a rejected row's
 * message) safe inside HTML, as `escapeHtml` makes a value, but through `printableMessage`:
 * the escapes it already holds (`\u200b`, a value's `\\`) are not written twice.
 */
export function escapeHtmlMessage(text: string): string {
  return entities(printableMessage(text));
}

function entities(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
