import Holidays from 'date-holidays';
import { addDays, daysBetween, isoWeekday, LocalDate, LocalClock } from '../time/local-date';
import announced from './vn-civil-service-calendar.json';

/** An operator's correction of one day: a holiday added (`working: false`) or removed / made up. */
export interface CalendarOverride {
  date: LocalDate;
  working: boolean;
  note?: string;
}

/** One day as the calendar sees it (WorkingCalendar.describe). */
export interface CalendarDay {
  date: LocalDate;
  working: boolean;
  reason: string;
  note?: string;
}

interface AnnouncedYear {
  daysOff: { date: string; name: string }[];
  workingDays: { date: string; name: string }[];
  sources: string[];
}

const announcedYears = (announced as { years: Record<string, AnnouncedYear> }).years;

/**
 * The years the calendar answers for: events lie within 2000–2100 (SPEC §3), and due dates and
 * pauses may carry past the end by a century at most. Beyond them is an error, not a long walk.
 */
const MIN_YEAR = 1990;
const MAX_YEAR = 2150;

// The lunar holidays cost the library milliseconds a year: computed once per process and zone,
// whatever the number of calendars (each operator's override makes a new one).
const publicHolidays = new Holidays('VN', { types: ['public'] });
const libraryDaysOffByZone = new Map<string, Map<number, Map<LocalDate, string>>>();

/** The library's public holidays of a year, as local days with their names (Tết spans several). */
function libraryDaysOff(clock: LocalClock, year: number): Map<LocalDate, string> {
  let byYear = libraryDaysOffByZone.get(clock.zone);
  if (!byYear) {
    libraryDaysOffByZone.set(clock.zone, (byYear = new Map<number, Map<LocalDate, string>>()));
  }
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const holiday of publicHolidays.getHolidays(year)) {
      const last = clock.dateOf(holiday.end.getTime() - 1);
      for (let day = clock.dateOf(holiday.start.getTime()); day <= last; day = addDays(day, 1)) {
        if (!days.has(day)) days.set(day, holiday.name);
      }
    }
    byYear.set(year, days);
  }
  return days;
}

/** One year's days by day of the year (1-based): working or not, and working days up to each. */
interface YearTable {
  working: Uint8Array;
  upTo: Uint32Array;
  total: number;
  /** Each day as a date, so that a day of the year becomes a date without arithmetic. */
  dates: LocalDate[];
}

/** Where a date lies in the year tables. */
interface YearDay {
  year: number;
  dayOfYear: number;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function yearDayOf(date: LocalDate): YearDay {
  const year = Number(date.slice(0, 4));
  return { year, dayOfYear: daysBetween(`${date.slice(0, 4)}-01-01`, date) + 1 };
}

function dayOfYearToDate(year: number, dayOfYear: number): LocalDate {
  return addDays(`${String(year).padStart(4, '0')}-01-01`, dayOfYear - 1);
}

/** The first index whose running count reaches `count` (the counts never decrease). */
function firstIndexReaching(upTo: Uint32Array, count: number): number {
  let low = 1;
  let high = upTo.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (upTo[middle] >= count) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The years for which the government's civil-service calendar ships as data. */
export const ANNOUNCED_CALENDAR_YEARS = Object.keys(announcedYears).map(Number).sort();

/**
 * Working days of Vietnam's civil service (ngày làm việc): Monday to Friday, less the public
 * holidays of `date-holidays`, less the days off the government announces each year (the long Tết
 * break, the day beside 2/9, compensatory and swapped days), plus the weekend days announced as
 * make-up working days; operators' overrides win over both.
 */
export class WorkingCalendar {
  private readonly overrides: Map<LocalDate, boolean>;
  private readonly overrideNotes: Map<LocalDate, string>;
  private readonly years = new Map<number, YearTable>();
  // Every day of the years built, by date: a due date is a few look-ups, with no date arithmetic
  // (a rebuild asks millions of times about a few hundred days).
  private readonly yearDays = new Map<LocalDate, YearDay>();

  constructor(
    readonly clock: LocalClock,
    overrides: readonly CalendarOverride[] = [],
  ) {
    this.overrides = new Map(overrides.map((o) => [o.date, o.working]));
    this.overrideNotes = new Map(
      overrides.flatMap((o) => (o.note ? [[o.date, o.note] as const] : [])),
    );
  }

  isWorkingDay(date: LocalDate): boolean {
    const { year, dayOfYear } = this.yearDayOf(date);
    return this.yearTable(year).working[dayOfYear] === 1;
  }

  /** The n-th working day after `date` (n ≥ 1); n = 0 returns the date itself. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (n <= 0) return date;
    const start = this.yearDayOf(date);
    let year = start.year;
    // Working days wanted, counted from the start of `year`: whole years are skipped by their totals.
    let wanted = this.yearTable(year).upTo[start.dayOfYear] + n;
    for (let table = this.yearTable(year); wanted > table.total; table = this.yearTable(++year)) {
      wanted -= table.total;
    }
    const table = this.yearTable(year);
    return table.dates[firstIndexReaching(table.upTo, wanted)];
  }

  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  previousWorkingDay(date: LocalDate): LocalDate {
    const start = this.yearDayOf(date);
    let year = start.year;
    let before = this.yearTable(year).upTo[start.dayOfYear] - (this.isWorkingDay(date) ? 1 : 0);
    while (before === 0) before = this.yearTable(--year).total;
    const table = this.yearTable(year);
    return table.dates[firstIndexReaching(table.upTo, before)];
  }

  /** Working days in [from, to], both days included: the days a pause "touched". */
  workingDaysTouched(from: LocalDate, to: LocalDate): number {
    if (to < from) return 0;
    const start = this.yearDayOf(from);
    const end = this.yearDayOf(to);
    let count = this.yearTable(end.year).upTo[end.dayOfYear];
    for (let year = start.year; year < end.year; year++) count += this.yearTable(year).total;
    const startTable = this.yearTable(start.year);
    return count - startTable.upTo[start.dayOfYear] + startTable.working[start.dayOfYear];
  }

  /**
   * Builds the year tables of [fromYear, toYear] a year at a time, yielding between years, so
   * that a span of decades met later costs look-ups, not a pause of the process.
   */
  async prepareYears(fromYear: number, toYear: number): Promise<void> {
    for (let year = Math.max(fromYear, MIN_YEAR); year <= Math.min(toYear, MAX_YEAR); year++) {
      if (this.years.has(year)) continue;
      this.yearTable(year);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /**
   * Why a day is off or on, for the operators' calendar screen: `reason` is `operator`, an
   * announced day's name, `public holiday` (named in `note`), `weekend` or `weekday`; an
   * operator's day carries their note.
   */
  describe(date: LocalDate): CalendarDay {
    const override = this.overrides.get(date);
    if (override !== undefined) {
      const note = this.overrideNotes.get(date);
      return { date, working: override, reason: 'operator', ...(note ? { note } : {}) };
    }
    const year = announcedYears[date.slice(0, 4)];
    const announcedOff = year?.daysOff.find((d) => d.date === date);
    if (announcedOff) return { date, working: false, reason: announcedOff.name };
    const announcedOn = year?.workingDays.find((d) => d.date === date);
    if (announcedOn) return { date, working: true, reason: announcedOn.name };
    const holiday = libraryDaysOff(this.clock, Number(date.slice(0, 4))).get(date);
    if (holiday) return { date, working: false, reason: 'public holiday', note: holiday };
    const weekend = isoWeekday(date) >= 6;
    return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday' };
  }

  /** Where a date lies in the year tables; its year's table is built if it was not yet. */
  private yearDayOf(date: LocalDate): YearDay {
    let yearDay = this.yearDays.get(date);
    if (!yearDay) {
      // A date not written as the tables write it (or of a year not built yet) is worked out.
      yearDay = yearDayOf(date);
      this.yearTable(yearDay.year);
    }
    return yearDay;
  }

  /** The year's working days, built once: any span is then a few look-ups, never a walk. */
  private yearTable(year: number): YearTable {
    let table = this.years.get(year);
    if (!table) {
      if (year < MIN_YEAR || year > MAX_YEAR) {
        throw new RangeError(`working days are known from ${MIN_YEAR} to ${MAX_YEAR}, not ${year}`);
      }
      const length = isLeapYear(year) ? 366 : 365;
      const working = new Uint8Array(length + 1);
      const upTo = new Uint32Array(length + 1);
      const dates: LocalDate[] = [''];
      for (let day = 1; day <= length; day++) {
        const date = dayOfYearToDate(year, day);
        dates.push(date);
        this.yearDays.set(date, { year, dayOfYear: day });
        working[day] = this.computeWorkingDay(date) ? 1 : 0;
        upTo[day] = upTo[day - 1] + working[day];
      }
      table = { working, upTo, total: upTo[length], dates };
      this.years.set(year, table);
    }
    return table;
  }

  private computeWorkingDay(date: LocalDate): boolean {
    const override = this.overrides.get(date);
    if (override !== undefined) return override;
    const year = announcedYears[date.slice(0, 4)];
    if (year?.workingDays.some((d) => d.date === date)) return true;
    if (year?.daysOff.some((d) => d.date === date)) return false;
    return isoWeekday(date) <= 5 && !this.libraryDayOff(date);
  }

  private libraryDayOff(date: LocalDate): boolean {
    return libraryDaysOff(this.clock, Number(date.slice(0, 4))).has(date);
  }
}
