import { addDays, isoWeekday, startOfWeek, type LocalDate } from '@ioc/domain/browser';

/** An ISO week, `2026-W47`: weeks start on Monday, week 1 holds the year's first Thursday. */
export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week a local day falls in; around New Year it may belong to the other year. */
export function isoWeekOf(day: LocalDate): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear =
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week (`2026-W01` → `2025-12-29`). */
export function mondayOfWeek(week: string): LocalDate {
  const match = ISO_WEEK.exec(week);
  if (!match) throw new Error(`Not an ISO week: ${week}`);
  // 4 January is always in week 1.
  return addDays(startOfWeek(`${match[1]}-01-04`), (Number(match[2]) - 1) * 7);
}

/** The week `offset` weeks after (negative: before) `week`. */
export function shiftWeek(week: string, offset: number): string {
  return isoWeekOf(addDays(mondayOfWeek(week), offset * 7));
}

/** The last week that has ended on `today` (the week before the current one). */
export function lastCompleteWeek(today: LocalDate): string {
  return isoWeekOf(addDays(startOfWeek(today), -7));
}
