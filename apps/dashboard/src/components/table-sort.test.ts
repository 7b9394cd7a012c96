import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './table-sort';

const rows = [
  { name: 'Đồng Xoài', rate: 0.9 },
  { name: 'Bù Đăng', rate: null },
  { name: 'Dồng Phú', rate: 0.95 },
  { name: 'Lộc Ninh', rate: 0.9 },
];

describe('sortRows', () => {
  it('sorts numbers either way, no data last, ties in their first order', () => {
    expect(sortRows(rows, (r) => r.rate, 'desc').map((r) => r.name)).toEqual([
      'Dồng Phú',
      'Đồng Xoài',
      'Lộc Ninh',
      'Bù Đăng',
    ]);
    expect(sortRows(rows, (r) => r.rate, 'asc').map((r) => r.name)).toEqual([
      'Đồng Xoài',
      'Lộc Ninh',
      'Dồng Phú',
      'Bù Đăng',
    ]);
  });

  it('sorts names in Vietnamese order', () => {
    expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual([
      'Bù Đăng',
      'Dồng Phú',
      'Đồng Xoài',
      'Lộc Ninh',
    ]);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts a new one in its natural order', () => {
    expect(nextSort({ key: 'rank', direction: 'asc' }, 'rank', 'asc')).toEqual({
      key: 'rank',
      direction: 'desc',
    });
    expect(nextSort({ key: 'rank', direction: 'asc' }, 'score', 'desc')).toEqual({
      key: 'score',
      direction: 'desc',
    });
  });
});
