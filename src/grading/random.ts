/**
 * A small seeded generator (mulberry32): grading runs must insert the same orders for the same `--seed`, on every
 * machine and every Node version, which Math.random cannot promise.
 */

/** A function that returns the next number in [0, 1) of a seeded sequence. */
export type Random = () => number;

/** The sequence for a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max]. */
export function integerIn(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A 32-bit hash of a name (FNV-1a), to derive one independent sequence per name from one seed. */
export function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
