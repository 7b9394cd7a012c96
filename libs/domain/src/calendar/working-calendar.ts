import Holidays from 'date-holidays';
import { addDays, isoWeekday, LocalDate, LocalClock } from '../time/local-date';
import announced from './vn-civil-service-calendar.json';

/** An operator's correction of one day: a holiday added (`working: false`) or removed / made up. */
export interface CalendarOverride {
  date: LocalDate;
  working: boolean;
  note?: string;
}

interface AnnouncedYear {
  daysOff: { date: string; name: string }[];
  workingDays: { date: string; name: string }[];
  sources: string[];
}

const announcedYears = (announced as { years: Record<string, AnnouncedYear> }).years;

/** The years for which the government's civil-service calendar ships as data. */
export const ANNOUNCED_CALENDAR_YEARS = Object.keys(announcedYears).map(Number).sort();

/**
 * Working days of Vietnam's civil service (ngày làm việc): Monday to Friday, less the public
 * holidays of `date-holidays`, less the days off the government announces each year (the long Tết
 * break, the day beside 2/9, compensatory and swapped days), plus the weekend days announced as
 * make-up working days; operators' overrides win over both.
 */
export class WorkingCalendar {
  private readonly holidays = new Holidays('VN');
  private readonly libraryDaysOff = new Map<number, Set<LocalDate>>();
  private readonly overrides: Map<LocalDate, boolean>;
  private readonly cache = new Map<LocalDate, boolean>();

  constructor(
    readonly clock: LocalClock,
    overrides: readonly CalendarOverride[] = [],
  ) {
    this.overrides = new Map(overrides.map((o) => [o.date, o.working]));
  }

  isWorkingDay(date: LocalDate): boolean {
    let working = this.cache.get(date);
    if (working === undefined) {
      working = this.computeWorkingDay(date);
      this.cache.set(date, working);
    }
    return working;
  }

  /** The n-th working day after `date` (n ≥ 1); n = 0 returns the date itself. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    let day = date;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted++;
    }
    return day;
  }

  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  previousWorkingDay(date: LocalDate): LocalDate {
    let day = addDays(date, -1);
    while (!this.isWorkingDay(day)) day = addDays(day, -1);
    return day;
  }

  /** Working days in [from, to], both days included: the days a pause "touched". */
  workingDaysTouched(from: LocalDate, to: LocalDate): number {
    let count = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  /** Why a day is off or on, for the operators' calendar screen. */
  describe(date: LocalDate): { date: LocalDate; working: boolean; reason: string } {
    const override = this.overrides.get(date);
    if (override !== undefined) return { date, working: override, reason: 'operator' };
    const year = announcedYears[date.slice(0, 4)];
    const announcedOff = year?.daysOff.find((d) => d.date === date);
    if (announcedOff) return { date, working: false, reason: announcedOff.name };
    const announcedOn = year?.workingDays.find((d) => d.date === date);
    if (announcedOn) return { date, working: true, reason: announcedOn.name };
    if (this.libraryDayOff(date)) return { date, working: false, reason: 'public holiday' };
    const weekend = isoWeekday(date) >= 6;
    return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday' };
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
    const year = Number(date.slice(0, 4));
    let days = this.libraryDaysOff.get(year);
    if (!days) {
      days = new Set();
      for (const holiday of this.holidays.getHolidays(year)) {
        if (holiday.type !== 'public') continue;
        // A holiday may span days (the library's Tết entry does): list each of them.
        const last = this.clock.dateOf(holiday.end.getTime() - 1);
        for (
          let day = this.clock.dateOf(holiday.start.getTime());
          day <= last;
          day = addDays(day, 1)
        ) {
          days.add(day);
        }
      }
      this.libraryDaysOff.set(year, days);
    }
    return days.has(date);
  }
}
