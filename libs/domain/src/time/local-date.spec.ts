import {
  addDays,
  daysBetween,
  fromEpochDay,
  isoWeekday,
  LocalClock,
  startOfWeek,
  toEpochDay,
} from './local-date';

const ms = (iso: string) => Date.parse(iso);

describe('epoch days', () => {
  it('counts days since 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2021-02-08')).toBe(18666);
    expect(toEpochDay('2026-02-14')).toBe(20498);
  });

  it('turns epoch days back into dates', () => {
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(-1)).toBe('1969-12-31');
    expect(fromEpochDay(18666)).toBe('2021-02-08');
    expect(fromEpochDay(toEpochDay('2024-02-29'))).toBe('2024-02-29');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2021-02-08', 0)).toBe('2021-02-08');
    expect(addDays('2021-02-08', 366)).toBe('2022-02-09');
  });

  it('counts the days between two dates, signed', () => {
    expect(daysBetween('2021-02-08', '2021-02-17')).toBe(9);
    expect(daysBetween('2021-02-17', '2021-02-08')).toBe(-9);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-03-07', '2025-03-07')).toBe(0);
  });

  it('gives the ISO weekday, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2025-03-03')).toBe(1); // Monday
    expect(isoWeekday('2025-03-07')).toBe(5); // Friday
    expect(isoWeekday('2025-03-08')).toBe(6); // Saturday
    expect(isoWeekday('2025-03-09')).toBe(7); // Sunday
    expect(isoWeekday('2021-02-12')).toBe(5); // mùng 1 Tết Tân Sửu
    expect(isoWeekday('1970-01-01')).toBe(4); // Thursday
  });

  it('finds the Monday of a date’s ISO week, across a month and a year', () => {
    expect(startOfWeek('2025-03-09')).toBe('2025-03-03'); // Sunday → the Monday before
    expect(startOfWeek('2025-03-03')).toBe('2025-03-03');
    expect(startOfWeek('2026-11-01')).toBe('2026-10-26');
    expect(startOfWeek('2026-01-01')).toBe('2025-12-29');
  });
});

describe('LocalClock', () => {
  const clock = new LocalClock();

  it('defaults to Asia/Ho_Chi_Minh and refuses an unknown zone', () => {
    expect(clock.zone).toBe('Asia/Ho_Chi_Minh');
    expect(() => new LocalClock('Asia/Atlantis')).toThrow('Unknown time zone "Asia/Atlantis"');
  });

  it('gives the local day of an instant (UTC+7), not the UTC day', () => {
    expect(clock.dateOf(ms('2021-02-07T16:59:59.999Z'))).toBe('2021-02-07');
    expect(clock.dateOf(ms('2021-02-07T17:00:00.000Z'))).toBe('2021-02-08');
    expect(clock.dateOf(ms('2021-02-08T23:59:59.999+07:00'))).toBe('2021-02-08');
    expect(clock.dateOf(ms('2021-02-09T00:00:00+07:00'))).toBe('2021-02-09');
  });

  it('gives the first and last instants of a local day', () => {
    expect(clock.startOfDay('2021-02-08')).toBe(ms('2021-02-08T00:00:00.000+07:00'));
    expect(clock.startOfDay('2021-02-08')).toBe(1612717200000);
    expect(clock.endOfDay('2021-02-08')).toBe(ms('2021-02-08T23:59:59.999+07:00'));
    expect(clock.endOfDay('2021-02-08')).toBe(1612803599999);
    expect(clock.endOfDay('2024-12-31')).toBe(ms('2024-12-31T23:59:59.999+07:00'));
  });

  it('gives the milliseconds since local midnight', () => {
    expect(clock.timeOfDay(ms('2025-03-07T16:00:00+07:00'))).toBe(16 * 3_600_000);
    expect(clock.timeOfDay(ms('2025-03-07T00:00:00+07:00'))).toBe(0);
    expect(clock.timeOfDay(ms('2025-03-07T23:59:59.999+07:00'))).toBe(86_399_999);
    // 02:30 UTC is 09:30 in Hà Nội.
    expect(clock.timeOfDay(ms('2025-03-07T02:30:00Z'))).toBe(9.5 * 3_600_000);
  });

  it('finds the start of the week (Monday), month and year', () => {
    expect(clock.startOfWeek('2025-03-09')).toBe('2025-03-03'); // Sunday → Monday before
    expect(clock.startOfWeek('2025-03-03')).toBe('2025-03-03');
    expect(clock.startOfWeek('2026-01-01')).toBe('2025-12-29');
    expect(clock.startOfMonth('2021-02-16')).toBe('2021-02-01');
    expect(clock.startOfYear('2021-02-16')).toBe('2021-01-01');
  });

  it('works in another zone when asked', () => {
    const utc = new LocalClock('UTC');
    expect(utc.dateOf(ms('2021-02-07T17:00:00.000Z'))).toBe('2021-02-07');
    expect(utc.startOfDay('2021-02-08')).toBe(ms('2021-02-08T00:00:00Z'));
  });
});
