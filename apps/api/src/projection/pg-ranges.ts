import type { TimeRange } from '@ioc/domain';

const iso = (instant: number) => `"${new Date(instant).toISOString()}"`;

/** A PostgreSQL `tstzrange` literal. */
export function rangeLiteral(range: TimeRange): string {
  const upper = range.upper === null ? '' : iso(range.upper);
  return `${range.lowerInclusive ? '[' : '('}${iso(range.lower)},${upper}${range.upperInclusive ? ']' : ')'}`;
}

/** A PostgreSQL `tstzmultirange` literal. */
export function multirangeLiteral(ranges: readonly TimeRange[]): string {
  return `{${ranges.map(rangeLiteral).join(',')}}`;
}
