// A small seeded PRNG (mulberry32) and helpers, so that the same seed always gives the same data.

export type Random = () => number;

/** mulberry32: fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max]. */
export function int(rnd: Random, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

export function pick<T>(rnd: Random, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

/** Picks by weight: `[[value, weight], …]`. */
export function weighted<T>(rnd: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = rnd() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices[choices.length - 1][0];
}

const ROCKET_ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A Meteor-style 17-character id, as Rocket.Chat uses for users. */
export function meteorId(rnd: Random): string {
  const base = ROCKET_ID_ALPHABET.length;
  let id = '';
  let pool = 0;
  let left = 0;
  for (let i = 0; i < 17; i++) {
    if (left === 0) {
      pool = Math.floor(rnd() * 4294967296); // 32 random bits give 5 base-54 digits (54^5 < 2^32)
      left = 5;
    }
    id += ROCKET_ID_ALPHABET[pool % base];
    pool = Math.floor(pool / base);
    left--;
  }
  return id;
}

/** A 24-hex-digit Mongo ObjectId-like string, as Rocket.Chat uses for departments. */
export function objectId(rnd: Random): string {
  let id = '';
  for (let i = 0; i < 24; i++) id += Math.floor(rnd() * 16).toString(16);
  return id;
}
