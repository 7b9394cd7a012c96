import { describe, expect, it } from 'vitest';
import { isoWeekOf, lastCompleteWeek, mondayOfWeek, shiftWeek } from './iso-week';

describe('ISO weeks on the briefing screen', () => {
  it('gives the week of a day, across a year end', () => {
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2021-01-04')).toBe('2021-W01');
  });

  it('finds the Monday of a week', () => {
    expect(mondayOfWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayOfWeek('2021-W06')).toBe('2021-02-08');
    expect(() => mondayOfWeek('2021-6')).toThrow('Not an ISO week');
  });

  it('steps to the week before and after, across a 53-week year', () => {
    expect(shiftWeek('2021-W01', -1)).toBe('2020-W53');
    expect(shiftWeek('2020-W53', 1)).toBe('2021-W01');
    expect(shiftWeek('2026-W48', -8)).toBe('2026-W40');
  });

  it('takes the last complete week as the one before today’s', () => {
    expect(lastCompleteWeek('2026-11-30')).toBe('2026-W48'); // a Monday
    expect(lastCompleteWeek('2026-11-29')).toBe('2026-W47'); // a Sunday
    expect(lastCompleteWeek('2026-01-01')).toBe('2025-W52');
  });
});
