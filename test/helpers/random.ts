/** A small seeded random generator (mulberry32): generated sheets are the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random multiple of `step` in [lo, hi]. */
export function pick(rand: () => number, lo: number, hi: number, step = 0.5): number {
  const n = Math.floor((hi - lo) / step);
  return Math.round((lo + Math.floor(rand() * (n + 1)) * step) * 1e6) / 1e6;
}
