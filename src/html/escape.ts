/**
 * Escaping for HTML text and attribute values. Every piece of data text in the page
 * (campaign names, call ids, file names, messages from rejected rows) goes through it:
 * a CDR is untrusted input.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe inside HTML or SVG text and inside a quoted attribute value. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
