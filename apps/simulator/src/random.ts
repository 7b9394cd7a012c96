import { RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/** FNV-1a over the key's text, then four splitmix32 rounds: a well-spread 128-bit state. */
function stateOf(key: readonly (string | number)[]): number[] {
  const text = key.join('/');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    hash = (hash + 0x9e3779b9) | 0;
    let z = hash;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    words.push((z ^ (z >>> 16)) | 0);
  }
  // xoroshiro must not start from an all-zero state.
  if (!words.some((word) => word !== 0)) words[0] = 1;
  return words;
}

/**
 * A seeded stream of random numbers: the same key always gives the same numbers, so every part of
 * the simulated province (a day, a dossier, an agency's staffing) is drawn from a stream of its own
 * and can be regenerated alone.
 */
export class Random {
  private readonly generator: RandomGenerator;

  constructor(...key: (string | number)[]) {
    this.generator = xoroshiro128plus.fromState(stateOf(key));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return (this.generator.unsafeNext() >>> 0) / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return unsafeUniformIntDistribution(min, max, this.generator);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal around a median: most draws near it, a long tail above. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Failures before the first success, each try succeeding with `probability`. */
  geometric(probability: number): number {
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - probability));
  }
}

/** Items drawn in proportion to their weights, in O(log n) a draw. */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  readonly weights: readonly number[];
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weightOf: (item: T) => number,
  ) {
    this.weights = items.map((item) => Math.max(0, weightOf(item)));
    let total = 0;
    for (const weight of this.weights) {
      total += weight;
      this.cumulative.push(total);
    }
    if (!(total > 0)) throw new Error('A weighted table needs at least one positive weight');
    this.total = total;
  }

  draw(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low];
  }
}
