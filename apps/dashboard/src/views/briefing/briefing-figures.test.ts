import type { BriefingFormRow } from '@ioc/domain/browser';
import { describe, expect, it } from 'vitest';
import { summaryFixture } from '@/testing/fixtures';
import {
  changeOf,
  formLines,
  headlines,
  movementOf,
  pages,
  type Headline,
} from './briefing-figures';

const figure = (overrides: Partial<Headline>): Headline => ({
  key: 'received',
  kind: 'count',
  better: 'neither',
  current: 10,
  previous: 8,
  ...overrides,
});

describe('changes against the week before', () => {
  it('gives a count its difference, neutral when more is neither good nor bad', () => {
    expect(changeOf(figure({}))).toEqual({ direction: 'up', delta: 2, tone: 'neutral' });
  });

  it('colours by whether more is better: on-time up is good, overdue up is bad', () => {
    expect(changeOf(figure({ better: 'higher', current: 5, previous: 7 }))).toEqual({
      direction: 'down',
      delta: -2,
      tone: 'bad',
    });
    expect(changeOf(figure({ key: 'overdue', better: 'lower', current: 9, previous: 4 }))).toEqual({
      direction: 'up',
      delta: 5,
      tone: 'bad',
    });
    expect(
      changeOf(figure({ key: 'overdue', better: 'lower', current: 1, previous: 4 })).tone,
    ).toBe('good');
  });

  it('moves rates in percentage points, rounded as shown, and says "same" at zero', () => {
    const rate = { kind: 'rate' as const, better: 'higher' as const };
    expect(changeOf(figure({ ...rate, current: 0.9758, previous: 0.9756 })).delta).toBe(0.02);
    expect(changeOf(figure({ ...rate, current: 0.75, previous: 1 })).delta).toBe(-25);
    expect(changeOf(figure({ ...rate, current: 0.5, previous: 0.5 }))).toEqual({
      direction: 'same',
      delta: 0,
      tone: 'neutral',
    });
  });

  it('has no change when either week has no data', () => {
    expect(changeOf(figure({ kind: 'rate', current: null, previous: 0.9 }))).toEqual({
      direction: 'none',
      delta: null,
      tone: 'neutral',
    });
  });

  it('reads the headline figures off both summaries', () => {
    const current = summaryFixture();
    const previous = summaryFixture({ score: null });
    const byKey = Object.fromEntries(headlines(current, previous).map((h) => [h.key, h]));
    expect(byKey.received).toMatchObject({ current: 561578, previous: 561578 });
    expect(byKey.overdue).toMatchObject({ current: 12, better: 'lower' });
    expect(byKey.score).toMatchObject({ current: 76.56, previous: null });
  });
});

describe('ranking movement', () => {
  it('counts places moved up as positive, and none for a unit unranked the week before', () => {
    expect(movementOf({ rank: 1, previousRank: 3 })).toBe(2);
    expect(movementOf({ rank: 4, previousRank: 1 })).toBe(-3);
    expect(movementOf({ rank: 2, previousRank: 2 })).toBe(0);
    expect(movementOf({ rank: 5, previousRank: null })).toBeNull();
  });
});

describe('slide pages', () => {
  it('splits rows evenly, never more than the page holds', () => {
    const rows = Array.from({ length: 95 }, (_, index) => index);
    const split = pages(rows, 12);
    expect(split).toHaveLength(8);
    expect(split.map((page) => page.length)).toEqual([12, 12, 12, 12, 12, 12, 12, 11]);
    expect(split.flat()).toEqual(rows);
    expect(pages([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 12).map((p) => p.length)).toEqual([
      7, 6,
    ]);
    expect(pages([], 12)).toEqual([[]]);
  });
});

describe('the II.06a form as printed', () => {
  const row = (kind: BriefingFormRow['kind'], label: string): BriefingFormRow => ({
    label,
    unitCode: '70',
    field: kind === 'field' ? label : null,
    kind,
    received: { total: 0, online: 0, directOrPostal: 0, carriedOver: 0 },
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    inProgress: { total: 0, withinDeadline: 0, overdue: 0 },
  });

  it('numbers the own desks and the units, not the scope or the fields', () => {
    const lines = formLines([
      row('scope', 'Tỉnh Bình Phước'),
      row('own', 'Cấp tỉnh'),
      row('field', 'Đất đai'),
      row('unit', 'Thành phố Đồng Xoài'),
      row('field', 'Hộ tịch'),
      row('unit', 'Thị xã Phước Long'),
    ]);
    expect(lines.map((line) => [line.row.label, line.number])).toEqual([
      ['Tỉnh Bình Phước', null],
      ['Cấp tỉnh', 1],
      ['Đất đai', null],
      ['Thành phố Đồng Xoài', 2],
      ['Hộ tịch', null],
      ['Thị xã Phước Long', 3],
    ]);
  });
});
