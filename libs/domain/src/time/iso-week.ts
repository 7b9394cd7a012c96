import { addDays, isoWeekday, LocalDate, startOfWeek } from './local-date';
import { localDateOf } from './zone';

/**
 * ISO-8601 weeks (`2026-W48`): Monday to Sunday, week 1 being the week that holds 4 January (so
 * the one with the year's first Thursday). Calendar arithmetic only, no zone: the instants of a
 * week's bounds are the API's business (`isoWeekWindow`), the dashboard needs only the names.
 */
export type IsoWeek = string;

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Thrown for a week that cannot be read; the message says why. */
export class IsoWeekError extends Error {
  override readonly name = 'IsoWeekError';
}

/** The year and number of a valid ISO week, or an IsoWeekError that says what is wrong. */
export function parseIsoWeek(value: string): { year: number; week: number } {
  const match = ISO_WEEK.exec(value);
  if (!match) throw new IsoWeekError(`week: must be an ISO week YYYY-Www, e.g. 2026-W47`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > isoWeeksInYear(year)) {
    throw new IsoWeekError(`week: ${year} has weeks 01 to ${isoWeeksInYear(year)}, not ${week}`);
  }
  return { year, week };
}

export function isIsoWeek(value: string): boolean {
  try {
    parseIsoWeek(value);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoWeek(year: number, week: number): IsoWeek {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week a calendar day belongs to: the week-year is that of the week's Thursday. */
export function isoWeekOf(date: LocalDate): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const january1 = `${thursday.slice(0, 4)}-01-01`;
  const dayOfYear = (Date.parse(thursday) - Date.parse(january1)) / 86_400_000;
  return formatIsoWeek(year, Math.floor(dayOfYear / 7) + 1);
}

/** 53 when 28 December (always in the year's last week) falls in week 53, else 52. */
export function isoWeeksInYear(year: number): number {
  const december28 = `${String(year).padStart(4, '0')}-12-28`;
  const thursday = addDays(december28, 4 - isoWeekday(december28));
  const dayOfYear =
    (Date.parse(thursday) - Date.parse(`${String(year).padStart(4, '0')}-01-01`)) / 86_400_000;
  return Math.floor(dayOfYear / 7) + 1;
}

/** The Monday that starts the week. */
export function mondayOfIsoWeek(week: IsoWeek): LocalDate {
  const { year, week: number } = parseIsoWeek(week);
  const week1Monday = startOfWeek(`${String(year).padStart(4, '0')}-01-04`);
  return addDays(week1Monday, 7 * (number - 1));
}

/** The seven days of the week, Monday first. */
export function daysOfIsoWeek(week: IsoWeek): LocalDate[] {
  const monday = mondayOfIsoWeek(week);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The week `weeks` weeks after (or, negative, before) `week`. */
export function addIsoWeeks(week: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOf(addDays(mondayOfIsoWeek(week), 7 * weeks));
}

export function previousIsoWeek(week: IsoWeek): IsoWeek {
  return addIsoWeeks(week, -1);
}

/** The week that holds the local day of `instant` in `zone` (still open at that instant). */
export function isoWeekAt(instant: number, zone: string): IsoWeek {
  return isoWeekOf(localDateOf(instant, zone));
}

/** The last week that had ended by `instant` in `zone`: on a Monday morning, last week. */
export function lastCompleteIsoWeek(instant: number, zone: string): IsoWeek {
  return previousIsoWeek(isoWeekAt(instant, zone));
}
