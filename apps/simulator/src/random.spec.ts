import { Random, WeightedTable } from './random';

const draws = (random: Random, n = 5) => Array.from({ length: n }, () => random.next());

describe('Random', () => {
  it('gives the same numbers for the same key, other numbers for another', () => {
    expect(draws(new Random(2021, 'dossier', '2026-03-10', 7))).toEqual(
      draws(new Random(2021, 'dossier', '2026-03-10', 7)),
    );
    expect(draws(new Random(2021, 'dossier', '2026-03-10', 8))).not.toEqual(
      draws(new Random(2021, 'dossier', '2026-03-10', 7)),
    );
  });

  it('stays within its ranges', () => {
    const random = new Random('ranges');
    const ints = Array.from({ length: 2000 }, () => random.int(1, 3));
    expect(new Set(ints)).toEqual(new Set([1, 2, 3]));
    for (const value of draws(random, 2000)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('WeightedTable', () => {
  it('draws items in proportion to their weights, never a weightless one', () => {
    const table = new WeightedTable(['rare', 'never', 'common'], (item) =>
      item === 'common' ? 9 : item === 'rare' ? 1 : 0,
    );
    const random = new Random('weights');
    const counts = { rare: 0, never: 0, common: 0 };
    for (let i = 0; i < 10_000; i++) counts[table.draw(random) as keyof typeof counts]++;
    expect(counts.never).toBe(0);
    expect(counts.common / 10_000).toBeCloseTo(0.9, 1);
  });

  it('refuses a table with nothing to draw', () => {
    expect(() => new WeightedTable(['a'], () => 0)).toThrow(/positive weight/);
  });
});
