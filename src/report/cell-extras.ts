/**
 * The report's per-cell evidence besides the ACR counts, as a vector of numbers: flags by
 * kind (`FLAG_KINDS` order), AMD evidence (A2.24, `AMD_FIELDS` order), silent calls with
 * the CLI withheld (A2.13), silent or abandoned calls at unsociable hours (A2.11) and
 * silent or abandoned calls with the CLI withheld (A2.13: "in any case of misuse").
 */
import { FLAG_KINDS } from './flag-kinds.js';
import { AMD_FIELDS } from './sections/amd.js';

/** Where the AMD counters start. */
export const EXTRA_AMD: number = /* @__PURE__ */ (() => FLAG_KINDS.length)();
/** Silent calls with the CLI withheld (A2.13). */
export const EXTRA_SILENT_CLI_WITHHELD: number = /* @__PURE__ */ (() => EXTRA_AMD + AMD_FIELDS.length)();
/** Silent or abandoned calls at unsociable hours (A2.11). */
export const EXTRA_MISUSE_UNSOCIABLE: number = /* @__PURE__ */ (() => EXTRA_SILENT_CLI_WITHHELD + 1)();
/**
 * Silent or abandoned calls with the CLI withheld (A2.13): the `cliWithheld` flags the CLI
 * rule marks `aggravated`. NaN in a cell read from stored data that predates it: unknown.
 */
export const EXTRA_MISUSE_CLI_WITHHELD: number = /* @__PURE__ */ (() => EXTRA_MISUSE_UNSOCIABLE + 1)();
/** Numbers per cell. */
export const EXTRA_STRIDE: number = /* @__PURE__ */ (() => EXTRA_MISUSE_CLI_WITHHELD + 1)();

/** A vector store of `EXTRA_STRIDE` numbers per slot, grown on demand. */
export interface ExtrasStore {
  /** The vectors: slot `s` starts at `s * EXTRA_STRIDE`. Read it again after `ensure`. */
  data(): Float64Array;
  /** Makes room for slot `slot`. */
  ensure(slot: number): void;
}

/** An empty `ExtrasStore`. */
export function createExtrasStore(): ExtrasStore {
  let data = new Float64Array(16 * EXTRA_STRIDE);
  return {
    data: () => data,
    ensure(slot) {
      if ((slot + 1) * EXTRA_STRIDE <= data.length) return;
      const grown = new Float64Array(Math.max(data.length * 2, (slot + 1) * EXTRA_STRIDE));
      grown.set(data);
      data = grown;
    },
  };
}

/** Adds `n` numbers of `from` at `fromAt` into `to` at `toAt`. */
export function addVector(to: Float64Array, toAt: number, from: ArrayLike<number>, fromAt: number, n = EXTRA_STRIDE): void {
  for (let i = 0; i < n; i++) to[toAt + i]! += from[fromAt + i]!;
}
