/**
 * Escaping for HTML text and attribute values. Every piece of data text in the page
 * (campaign names, call ids, file names, messages from rejected rows) goes through it:
 * a CDR is untrusted input.
 */
import { printable } from '../text/printable.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `text` safe inside HTML or SVG text and inside a quoted attribute value, and shown as
 * it is: markup characters become entities, and controls, line separators and
 * bidirectional overrides, embeddings and isolates are written out visibly (`\u202e`), as
 * in the text report (`printable`), so a value can never reorder the text around it
 * (a campaign name cannot make a table row or a figure read backwards).
 */
export function escapeHtml(text: unknown): string {
  return printable(String(text)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
