/**
 * A seeded pseudo-random generator (mulberry32) with the few distributions the simulator
 * needs. Same seed → same numbers, on every machine: the simulation is reproducible.
 *
 * `fork(...keys)` derives an independent stream from the seed and some keys (a number's
 * index and attempt, say), so two campaign configurations run on the same seed meet the
 * same recipients behaving the same way ("common random numbers"): differences between
 * the runs come from the dialler, not from luck.
 */

/** A stream of seeded random numbers. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Whole number in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** Exponential with the given mean. */
  exp(mean: number): number;
  /** Log-normal with the given median and shape `sigma` (the spread of the log). */
  logNormal(median: number, sigma: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An independent stream derived from this stream's seed and `keys`. */
  fork(...keys: readonly number[]): Rng;
}

/** 32-bit mix of a seed with keys (a murmur3-style finaliser per key). */
export function mix(seed: number, ...keys: readonly number[]): number {
  let h = seed >>> 0;
  for (const k of keys) {
    h = Math.imul(h ^ (k >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * A seeded stream (mulberry32). A class rather than closures: the simulator forks two
 * streams per call, and a class's methods are shared, not rebuilt each time.
 */
class Mulberry32 implements Rng {
  private state: number;
  constructor(private readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next());
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  exp(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }
  logNormal(median: number, sigma: number): number {
    // Box–Muller; 1 - next() keeps the logarithm finite.
    const u = 1 - this.next();
    const v = this.next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  fork(...keys: readonly number[]): Rng {
    return new Mulberry32(mix(this.seed, ...keys));
  }
}

/** A seeded stream of random numbers. */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}
