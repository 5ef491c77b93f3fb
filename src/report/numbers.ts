/**
 * Counts and figures as the text and HTML reports print them (no locale: the same on every
 * host). Both reports print through these, so a number reads the same in each.
 */

/** A whole number with thousands separators: 12345 → `12,345` (rounded when not whole). */
export function formatCount(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) out += (i > 0 && (s.length - i) % 3 === 0 ? ',' : '') + s[i];
  return (n < 0 && s !== '0' ? '-' : '') + out;
}

/**
 * A figure that may be fractional, such as x of the ACR (the A3.6 estimate): a whole number
 * as a count (`392`, `1,000`), any other with two decimals (`3.96`, `0.00` for 0.003) — never
 * a bare `0` for a figure that is not zero.
 */
export function formatFigure(n: number): string {
  return Number.isInteger(n) ? formatCount(n) : n.toFixed(2);
}
