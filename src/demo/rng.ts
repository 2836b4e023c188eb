/** A small seeded generator (mulberry32): the same seed always builds the same fleet. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  /** A UUID-shaped id, deterministic for the seed. */
  uuid(): string
}

const HEX_DIGITS = '0123456789abcdef'

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  // One digit a draw, as before (the same seed keeps the same ids); a lookup and a plain
  // loop rather than an array per id: the App Store's seed makes thousands at every boot.
  const hex = (n: number) => {
    let digits = ''
    for (let i = 0; i < n; i++) digits += HEX_DIGITS[Math.floor(next() * 16)]
    return digits
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    chance: (p) => next() < p,
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
  }
}
