import { aboveLevel } from '../acr/rate.js';

/** A non-negative decimal: `digits` × 10^`exp`. */
interface Decimal {
  readonly digits: bigint;
  readonly exp: number;
}

/** The shortest decimal that reads back as `v` (finite, ≥ 0): 119 / 4000 → 2975 × 10^-5. */
function decimalOf(v: number): Decimal {
  const [mantissa, e] = v.toExponential().split('e') as [string, string];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string?];
  return { digits: BigInt(whole + fraction), exp: Number(e) - fraction.length };
}

const TEN = /* @__PURE__ */ BigInt(10);
const pow10 = (n: number): bigint => TEN ** BigInt(n);

/** `d` × 10^`shift` as a whole number, rounded half-up, or up (`ceil`) when asked. */
function scaled(d: Decimal, shift: number, ceil: boolean): bigint {
  const k = d.exp + shift;
  if (k >= 0) return d.digits * pow10(k);
  const divisor = pow10(-k);
  const q = d.digits / divisor;
  const rem = d.digits % divisor;
  const up = ceil ? rem > BigInt(0) : rem * BigInt(2) >= divisor;
  return up ? q + BigInt(1) : q;
}

/** The whole number `n` read with `places` decimals: 2975, 2 → `29.75`. */
function fixed(n: bigint, places: number): string {
  const s = n.toString().padStart(places + 1, '0');
  return `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
}

/** `a` × 10^-`places` > `b`, exactly. */
function above(a: bigint, places: number, b: Decimal): boolean {
  const exp = Math.min(-places, b.exp);
  return a * pow10(-places - exp) > b.digits * pow10(b.exp - exp);
}

/**
 * A rate (a share, 0–1) as a percentage with two decimals: `0.02975` → `2.98 %`.
 *
 * Rounding is half-up on the decimal the rate stands for — the shortest decimal that reads
 * back as the same number — so 119 / 4000 = 2.975 % prints `2.98 %`, where binary
 * arithmetic (`(r * 100).toFixed(2)`) would see 2.97499… and print `2.97 %`.
 *
 * Given the alert line (`alertRate`), a rate strictly above it (the ACR alert, A4.20) is
 * never printed as the line's own figure or below it: when two decimals would not show it
 * above the line, it is printed with three decimals, rounded up. With the line at 3 %,
 * 3.004 % prints `3.004 %` and 3.0001 % prints `3.001 %`, never `3.00 %` (the figure of a
 * day exactly at 3 %, which is no alert); 601 / 20,000 = 3.005 % rounds half-up to
 * `3.01 %`. Text and HTML reports print every percentage through this one function.
 */
export function formatPercent(rate: number, alertRate: number | null = null): string {
  if (!Number.isFinite(rate)) return `${rate * 100} %`;
  const sign = rate < 0 ? '-' : '';
  const d = decimalOf(Math.abs(rate));
  const two = scaled(d, 4, false);
  if (alertRate !== null && aboveLevel(rate, alertRate) && alertRate >= 0 && !above(two, 4, decimalOf(alertRate))) {
    return `${sign}${fixed(scaled(d, 5, true), 3)} %`;
  }
  return `${sign}${fixed(two, 2)} %`;
}
