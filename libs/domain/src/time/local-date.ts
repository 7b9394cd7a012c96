import { DateTime } from 'luxon';

/** A calendar day in the display zone, as `YYYY-MM-DD`. */
export type LocalDate = string;

export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

/** Days since 1970-01-01 of a calendar date; calendar arithmetic needs no zone. */
export function toEpochDay(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function fromEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const weekday = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Monday of the ISO week that holds the date. */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Converts between instants (epoch milliseconds) and calendar days of one time zone. */
export class LocalClock {
  // Zone offsets only change on quarter hours, so one look-up serves a whole quarter; this keeps
  // deriving thousands of due dates a second cheap.
  private readonly offsets = new Map<number, number>();
  private readonly dayStarts = new Map<LocalDate, number>();
  private readonly dayEnds = new Map<LocalDate, number>();
  // Local days by epoch day: the days met are few, the instants asked about many.
  private readonly dates = new Map<number, LocalDate>();

  constructor(readonly zone: string = DEFAULT_ZONE) {
    if (!DateTime.local().setZone(zone).isValid) throw new Error(`Unknown time zone "${zone}"`);
  }

  dateOf(instant: number): LocalDate {
    const epochDay = Math.floor((instant + this.offsetAt(instant)) / DAY_MS);
    let date = this.dates.get(epochDay);
    if (date === undefined) {
      date = fromEpochDay(epochDay);
      this.dates.set(epochDay, date);
    }
    return date;
  }

  startOfDay(date: LocalDate): number {
    let start = this.dayStarts.get(date);
    if (start === undefined) {
      start = DateTime.fromISO(date, { zone: this.zone }).startOf('day').toMillis();
      this.dayStarts.set(date, start);
    }
    return start;
  }

  /** 23:59:59.999 local: the last instant a due date on that day allows. */
  endOfDay(date: LocalDate): number {
    let end = this.dayEnds.get(date);
    if (end === undefined) {
      end = this.startOfDay(addDays(date, 1)) - 1;
      this.dayEnds.set(date, end);
    }
    return end;
  }

  /** Milliseconds since local midnight, so an instant can be moved to another day at the same time. */
  timeOfDay(instant: number): number {
    return instant - this.startOfDay(this.dateOf(instant));
  }

  /** Monday of the ISO week that holds the date. */
  startOfWeek(date: LocalDate): LocalDate {
    return startOfWeek(date);
  }

  startOfMonth(date: LocalDate): LocalDate {
    return `${date.slice(0, 7)}-01`;
  }

  startOfYear(date: LocalDate): LocalDate {
    return `${date.slice(0, 4)}-01-01`;
  }

  private offsetAt(instant: number): number {
    const quarter = Math.floor(instant / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = DateTime.fromMillis(quarter * QUARTER_HOUR_MS, { zone: this.zone }).offset * 60_000;
      this.offsets.set(quarter, offset);
    }
    return offset;
  }
}
