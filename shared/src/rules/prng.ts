// CALC-1: a tiny, well-known PRNG so a draw can be re-run anywhere (browser, server, a notebook)
// from its seed alone. xmur3 turns the seed string into 32-bit state; mulberry32 generates.
// Both are public-domain one-liners (bryc/code, "PRNGs"); changing them changes every draw, so
// any change must bump the algorithm version recorded with each draw.

/** xmur3: a 32-bit hash of a string (used to seed, and to fingerprint inputs). */
export function hashString(s: string): number {
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i += 1) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: uniform floats in [0, 1) from a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded by a string (e.g. "2026-pangting|<department id>"). */
export function rngFromSeed(seed: string): () => number {
  return mulberry32(hashString(seed));
}

/** Fisher-Yates on a copy. */
export function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = a[i] as T;
    a[i] = a[j] as T;
    a[j] = tmp;
  }
  return a;
}

/** An 8-hex-digit fingerprint of a string, for recording what a draw was computed from. */
export function fingerprint(s: string): string {
  return hashString(s).toString(16).padStart(8, '0');
}
