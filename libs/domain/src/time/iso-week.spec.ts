import {
  addIsoWeeks,
  daysOfIsoWeek,
  formatIsoWeek,
  isIsoWeek,
  isoWeekAt,
  isoWeekOf,
  isoWeeksInYear,
  lastCompleteIsoWeek,
  mondayOfIsoWeek,
  parseIsoWeek,
  previousIsoWeek,
} from './iso-week';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('ISO weeks', () => {
  it('names the week of a day by its Thursday, across a year end', () => {
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
    // 1–3 January 2021 (Friday to Sunday) belong to 2020's week 53.
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2021-01-04')).toBe('2021-W01');
    // 29 December 2025 (Monday) starts 2026's week 1.
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
  });

  it('knows which years have 53 weeks', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(isoWeeksInYear(2032)).toBe(53);
  });

  it('finds the Monday and the seven days of a week', () => {
    expect(mondayOfIsoWeek('2021-W01')).toBe('2021-01-04');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(daysOfIsoWeek('2026-W53')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('steps back and forth across year ends', () => {
    expect(previousIsoWeek('2021-W01')).toBe('2020-W53');
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
    expect(addIsoWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addIsoWeeks('2026-W48', -7)).toBe('2026-W41');
  });

  it('parses, formats and refuses what is not a week', () => {
    expect(parseIsoWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(formatIsoWeek(2021, 1)).toBe('2021-W01');
    expect(isIsoWeek('2020-W53')).toBe(true);
    expect(isIsoWeek('2021-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-48')).toBe(false);
    expect(isIsoWeek('2026-W4')).toBe(false);
    expect(() => parseIsoWeek('2021-W53')).toThrow('2021 has weeks 01 to 52, not 53');
  });

  it('takes the week of an instant in local time: Sunday 23:30 UTC is Monday in Vietnam', () => {
    // 2026-11-29T17:30Z is Monday 30 November 00:30 local.
    expect(isoWeekAt(Date.parse('2026-11-29T17:30:00Z'), ZONE)).toBe('2026-W49');
    expect(lastCompleteIsoWeek(Date.parse('2026-11-29T17:30:00Z'), ZONE)).toBe('2026-W48');
    // Sunday 29 November 23:59 local: week 48 is still open, week 47 is the last complete one.
    expect(lastCompleteIsoWeek(Date.parse('2026-11-29T16:59:00Z'), ZONE)).toBe('2026-W47');
  });
});
