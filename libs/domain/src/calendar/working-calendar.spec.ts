import { addDays, isoWeekday, LocalClock } from '../time/local-date';
import announced from './vn-civil-service-calendar.json';
import { ANNOUNCED_CALENDAR_YEARS, WorkingCalendar } from './working-calendar';

type AnnouncedDay = { date: string; name: string };
const years = (
  announced as { years: Record<string, { daysOff: AnnouncedDay[]; workingDays: AnnouncedDay[] }> }
).years;
const announcedName = (date: string) =>
  [...years[date.slice(0, 4)].daysOff, ...years[date.slice(0, 4)].workingDays].find(
    (d) => d.date === date,
  )?.name;

/** Each day of [from, to] with its working flag, for compact exact expectations. */
function workingFlags(
  calendar: WorkingCalendar,
  from: string,
  to: string,
): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  for (let day = from; day <= to; day = addDays(day, 1)) flags[day] = calendar.isWorkingDay(day);
  return flags;
}

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar(new LocalClock());

  describe('isWorkingDay', () => {
    it('is Monday to Friday in an ordinary week', () => {
      expect(workingFlags(calendar, '2025-03-03', '2025-03-09')).toEqual({
        '2025-03-03': true,
        '2025-03-04': true,
        '2025-03-05': true,
        '2025-03-06': true,
        '2025-03-07': true,
        '2025-03-08': false,
        '2025-03-09': false,
      });
    });

    it('keeps 1/9/2025 and 2/9/2025 (National Day and the day before it) off', () => {
      expect(workingFlags(calendar, '2025-08-29', '2025-09-03')).toEqual({
        '2025-08-29': true,
        '2025-08-30': false,
        '2025-08-31': false,
        '2025-09-01': false,
        '2025-09-02': false,
        '2025-09-03': true,
      });
    });

    it('makes Saturday 26/4/2025 a working day, as the announced calendar says, and 2/5/2025 a day off', () => {
      expect(years['2025'].workingDays.map((d) => d.date)).toContain('2025-04-26');
      expect(isoWeekday('2025-04-26')).toBe(6);
      expect(workingFlags(calendar, '2025-04-25', '2025-05-05')).toEqual({
        '2025-04-25': true,
        '2025-04-26': true, // thứ Bảy làm bù
        '2025-04-27': false,
        '2025-04-28': true,
        '2025-04-29': true,
        '2025-04-30': false,
        '2025-05-01': false,
        '2025-05-02': false, // nghỉ hoán đổi
        '2025-05-03': false,
        '2025-05-04': false,
        '2025-05-05': true,
      });
    });

    it('keeps Tết Tân Sửu 10–16/2/2021 off', () => {
      expect(workingFlags(calendar, '2021-02-09', '2021-02-17')).toEqual({
        '2021-02-09': true,
        '2021-02-10': false,
        '2021-02-11': false,
        '2021-02-12': false,
        '2021-02-13': false,
        '2021-02-14': false,
        '2021-02-15': false,
        '2021-02-16': false,
        '2021-02-17': true,
      });
    });

    it('keeps Tết Bính Ngọ 14–22/2/2026 off', () => {
      expect(workingFlags(calendar, '2026-02-13', '2026-02-23')).toEqual({
        '2026-02-13': true,
        '2026-02-14': false,
        '2026-02-15': false,
        '2026-02-16': false,
        '2026-02-17': false,
        '2026-02-18': false,
        '2026-02-19': false,
        '2026-02-20': false,
        '2026-02-21': false,
        '2026-02-22': false,
        '2026-02-23': true,
      });
    });

    it('honours the 2026 swaps: 2/1 off, Saturday 10/1 worked', () => {
      expect(calendar.isWorkingDay('2026-01-01')).toBe(false);
      expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
      expect(calendar.isWorkingDay('2026-01-10')).toBe(true);
      expect(calendar.isWorkingDay('2026-01-11')).toBe(false);
    });

    it('agrees with every day the announced calendar lists', () => {
      for (const [year, { daysOff, workingDays }] of Object.entries(years)) {
        for (const { date } of daysOff)
          expect([year, date, calendar.isWorkingDay(date)]).toEqual([year, date, false]);
        for (const { date } of workingDays)
          expect([year, date, calendar.isWorkingDay(date)]).toEqual([year, date, true]);
      }
    });

    it('falls back on the holiday library for a year without announced data (2030)', () => {
      expect(ANNOUNCED_CALENDAR_YEARS).not.toContain(2030);
      expect(calendar.isWorkingDay('2030-01-01')).toBe(false); // Tết Dương lịch, Tuesday
      expect(calendar.isWorkingDay('2030-01-02')).toBe(true);
      // The library's Tết entry spans 1–5/2/2030 (Friday to Tuesday): every day of it is off.
      expect(workingFlags(calendar, '2030-01-31', '2030-02-06')).toEqual({
        '2030-01-31': true,
        '2030-02-01': false,
        '2030-02-02': false,
        '2030-02-03': false,
        '2030-02-04': false,
        '2030-02-05': false,
        '2030-02-06': true,
      });
      expect(calendar.isWorkingDay('2030-04-12')).toBe(false); // Giỗ Tổ Hùng Vương, Friday
      expect(calendar.isWorkingDay('2030-04-30')).toBe(false);
      expect(calendar.isWorkingDay('2030-05-01')).toBe(false);
      expect(calendar.isWorkingDay('2030-09-02')).toBe(false);
      expect(calendar.isWorkingDay('2030-09-03')).toBe(true);
    });

    it('ignores the library’s observances (e.g. 8/3, 20/11)', () => {
      expect(calendar.isWorkingDay('2021-03-08')).toBe(true);
      expect(calendar.isWorkingDay('2025-11-20')).toBe(true);
    });

    it('ships the announced years as data', () => {
      expect(ANNOUNCED_CALENDAR_YEARS).toEqual(expect.arrayContaining([2021, 2025, 2026]));
      expect(ANNOUNCED_CALENDAR_YEARS).toEqual([...ANNOUNCED_CALENDAR_YEARS].sort((a, b) => a - b));
    });
  });

  describe('operator overrides', () => {
    const overridden = new WorkingCalendar(new LocalClock(), [
      { date: '2025-03-12', working: false, note: 'bão số 3' },
      { date: '2025-09-01', working: true },
      { date: '2025-03-15', working: true },
      { date: '2025-04-26', working: false },
    ]);

    it('adds a day off on a weekday', () => {
      expect(calendar.isWorkingDay('2025-03-12')).toBe(true);
      expect(overridden.isWorkingDay('2025-03-12')).toBe(false);
      expect(overridden.describe('2025-03-12')).toEqual({
        date: '2025-03-12',
        working: false,
        reason: 'operator',
        note: 'bão số 3',
      });
    });

    it('removes an announced day off', () => {
      expect(overridden.isWorkingDay('2025-09-01')).toBe(true);
      expect(overridden.isWorkingDay('2025-09-02')).toBe(false);
      expect(overridden.describe('2025-09-01')).toEqual({
        date: '2025-09-01',
        working: true,
        reason: 'operator',
      });
    });

    it('makes a weekend day a working day, and wins over an announced make-up day', () => {
      expect(overridden.isWorkingDay('2025-03-15')).toBe(true);
      expect(overridden.isWorkingDay('2025-04-26')).toBe(false);
    });

    it('moves the working-day arithmetic with it', () => {
      expect(calendar.addWorkingDays('2025-03-10', 3)).toBe('2025-03-13');
      expect(overridden.addWorkingDays('2025-03-10', 3)).toBe('2025-03-14');
      expect(overridden.workingDaysTouched('2025-03-10', '2025-03-16')).toBe(5); // 10, 11, 13, 14, Sat 15
    });
  });

  describe('working-day arithmetic', () => {
    it('counts the n-th working day after a date', () => {
      expect(calendar.addWorkingDays('2025-03-03', 0)).toBe('2025-03-03');
      expect(calendar.addWorkingDays('2025-03-08', 0)).toBe('2025-03-08');
      expect(calendar.addWorkingDays('2025-03-03', 5)).toBe('2025-03-10');
      expect(calendar.addWorkingDays('2021-02-08', 3)).toBe('2021-02-18'); // 9, 17, 18
      expect(calendar.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26'); // Saturday make-up
      expect(calendar.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
      expect(calendar.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23'); // 13, 23
    });

    it('finds the next and previous working days across weekends and Tết', () => {
      expect(calendar.nextWorkingDay('2025-03-07')).toBe('2025-03-10');
      expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
      expect(calendar.nextWorkingDay('2021-02-09')).toBe('2021-02-17');
      expect(calendar.previousWorkingDay('2025-03-10')).toBe('2025-03-07');
      expect(calendar.previousWorkingDay('2026-02-23')).toBe('2026-02-13');
      expect(calendar.previousWorkingDay('2021-02-17')).toBe('2021-02-09');
      expect(calendar.previousWorkingDay('2025-04-28')).toBe('2025-04-26');
    });

    it('counts the working days a span touches, both ends included', () => {
      expect(calendar.workingDaysTouched('2025-03-07', '2025-03-07')).toBe(1);
      expect(calendar.workingDaysTouched('2025-03-08', '2025-03-09')).toBe(0);
      expect(calendar.workingDaysTouched('2025-03-07', '2025-03-10')).toBe(2); // Fri, Mon
      expect(calendar.workingDaysTouched('2025-03-03', '2025-03-16')).toBe(10);
      expect(calendar.workingDaysTouched('2021-02-09', '2021-02-17')).toBe(2);
      expect(calendar.workingDaysTouched('2021-02-05', '2021-02-17')).toBe(4); // 5, 8, 9, 17
      expect(calendar.workingDaysTouched('2026-02-13', '2026-02-23')).toBe(2);
      expect(calendar.workingDaysTouched('2025-03-10', '2025-03-07')).toBe(0);
    });

    it('crosses year ends: the last working day of a year, the first of the next', () => {
      expect(calendar.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02'); // 1/1 off
      expect(calendar.previousWorkingDay('2025-01-02')).toBe('2024-12-31');
      expect(calendar.workingDaysTouched('2024-12-31', '2025-01-02')).toBe(2);
    });

    it('agrees with a day-by-day walk over several years, from any starting day', () => {
      const walkAdd = (date: string, n: number) => {
        let day = date;
        for (let counted = 0; counted < n;)
          if (calendar.isWorkingDay((day = addDays(day, 1)))) counted++;
        return day;
      };
      const walkTouched = (from: string, to: string) => {
        let count = 0;
        for (let day = from; day <= to; day = addDays(day, 1))
          if (calendar.isWorkingDay(day)) count++;
        return count;
      };
      const mismatches: string[] = [];
      for (let day = '2020-12-20'; day <= '2021-01-20'; day = addDays(day, 1)) {
        for (const n of [1, 3, 250, 800]) {
          if (calendar.addWorkingDays(day, n) !== walkAdd(day, n))
            mismatches.push(`add ${day} ${n}`);
        }
        for (const to of ['2021-02-17', '2023-06-30']) {
          if (calendar.workingDaysTouched(day, to) !== walkTouched(day, to))
            mismatches.push(`touched ${day}…${to}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('counts a pause of a century, and refuses the years it does not know', () => {
      const touched = calendar.workingDaysTouched('2000-01-01', '2099-12-31');
      expect(touched).toBeGreaterThan(24_000); // about 247 working days a year
      expect(touched).toBeLessThan(25_500);
      expect(calendar.addWorkingDays('2000-01-03', touched - 1)).toBe(
        calendar.previousWorkingDay('2100-01-01'),
      );
      expect(() => calendar.addWorkingDays('2149-06-01', 1_000)).toThrow(RangeError);
    });
  });

  describe('describe', () => {
    it('names the reason a day is off or on', () => {
      expect(calendar.describe('2025-03-07')).toEqual({
        date: '2025-03-07',
        working: true,
        reason: 'weekday',
      });
      expect(calendar.describe('2025-03-08')).toEqual({
        date: '2025-03-08',
        working: false,
        reason: 'weekend',
      });
      expect(calendar.describe('2025-09-02')).toEqual({
        date: '2025-09-02',
        working: false,
        reason: announcedName('2025-09-02'),
      });
      expect(calendar.describe('2025-09-02').reason).toMatch(/Quốc khánh/);
      expect(calendar.describe('2025-04-26')).toEqual({
        date: '2025-04-26',
        working: true,
        reason: announcedName('2025-04-26'),
      });
      expect(calendar.describe('2030-09-02')).toEqual({
        date: '2030-09-02',
        working: false,
        reason: 'public holiday',
        note: 'Quốc khánh',
      });
    });

    it('agrees with isWorkingDay on every day of 2020–2027', () => {
      const disagreements: string[] = [];
      for (let day = '2020-01-01'; day <= '2027-12-31'; day = addDays(day, 1)) {
        if (calendar.describe(day).working !== calendar.isWorkingDay(day)) disagreements.push(day);
      }
      expect(disagreements).toEqual([]);
    });
  });
});
