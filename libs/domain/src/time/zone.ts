import type { LocalDate } from './local-date';

/**
 * Time zones through `Intl` alone, for code that runs in a browser too: no luxon. The API's
 * `LocalClock` answers the same questions with cached offsets, for the thousands of instants it
 * derives a second; zone.spec.ts holds the two together.
 */

/** Whether this runtime knows `zone` as an IANA time zone (`Asia/Ho_Chi_Minh`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// One formatter per zone: a wall asks every second, and building one is the costly part.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `zone`. */
export function localDateOf(instant: number, zone: string): LocalDate {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value.padStart(type === 'year' ? 4 : 2, '0');
  return `${part('year')}-${part('month')}-${part('day')}`;
}
