/**
 * A span of time in epoch milliseconds; `null` bounds are unbounded. Stored as PostgreSQL
 * `tstzrange` / `tstzmultirange`, so "in progress / paused / overdue at instant T" is a
 * containment test the database can index.
 */
export interface TimeRange {
  lower: number;
  upper: number | null;
  lowerInclusive: boolean;
  upperInclusive: boolean;
}

/** `(lower, upper]`: the convention for states entered and left by events. */
export function afterUntil(lower: number, upper: number | null): TimeRange {
  return { lower, upper, lowerInclusive: false, upperInclusive: upper !== null };
}

export function rangeContains(range: TimeRange, instant: number): boolean {
  const aboveLower = range.lowerInclusive ? instant >= range.lower : instant > range.lower;
  if (!aboveLower) return false;
  if (range.upper === null) return true;
  return range.upperInclusive ? instant <= range.upper : instant < range.upper;
}

export function isEmptyRange(range: TimeRange): boolean {
  if (range.upper === null) return false;
  if (range.lower < range.upper) return false;
  return !(range.lower === range.upper && range.lowerInclusive && range.upperInclusive);
}

export function anyContains(ranges: readonly TimeRange[], instant: number): boolean {
  return ranges.some((range) => rangeContains(range, instant));
}
