import { addDays, WINDOWS, type LocalDate, type WindowName } from '@ioc/domain/browser';
import type { WindowParams } from '@/api/workspace-api';

/** The period a workspace shows: a named window ending now, or whole local days. */
export type WindowChoice =
  { kind: 'named'; name: WindowName } | { kind: 'range'; from: LocalDate; to: LocalDate };

/** The read API's longest window (MAX_WINDOW_DAYS). */
const MAX_RANGE_DAYS = 400;
const DAY_MS = 86_400_000;
const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const TODAY: WindowChoice = { kind: 'named', name: 'today' };

const isLocalDay = (value: unknown): value is LocalDate =>
  typeof value === 'string' && LOCAL_DAY.test(value) && !Number.isNaN(Date.parse(value));

/** Days from `from` to `to`, both counted. */
const daysSpanned = (from: LocalDate, to: LocalDate) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** Whether a custom range can be asked for: real days, in order, at most 400 of them. */
export function isValidRange(from: unknown, to: unknown): boolean {
  if (!isLocalDay(from) || !isLocalDay(to)) return false;
  const days = daysSpanned(from, to);
  return days >= 1 && days <= MAX_RANGE_DAYS;
}

/** The period in a page's query (`?window=week`, `?from=2026-11-01&to=2026-11-15`); default today. */
export function windowFromQuery(query: Record<string, unknown>): WindowChoice {
  const { window, from, to } = query;
  if (isValidRange(from, to))
    return { kind: 'range', from: from as LocalDate, to: to as LocalDate };
  if (typeof window === 'string' && (WINDOWS as readonly string[]).includes(window)) {
    return { kind: 'named', name: window as WindowName };
  }
  return TODAY;
}

/** The query a period is kept in, so a deep link reopens it; today needs none. */
export function windowToQuery(choice: WindowChoice): Record<string, string> {
  if (choice.kind === 'range') return { from: choice.from, to: choice.to };
  return choice.name === 'today' ? {} : { window: choice.name };
}

/** The UTC offset of `zone` at an instant, in milliseconds (Vietnam: +7 h). */
function zoneOffsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local day begins in `zone`. */
export function startOfLocalDay(day: LocalDate, zone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const guess = midnightUtc - zoneOffsetMs(midnightUtc, zone);
  // A second pass settles a day whose offset differs from the day before's (a DST change).
  return midnightUtc - zoneOffsetMs(guess, zone);
}

/**
 * What the read API is asked for: a named window, or the range's first day's start up to the
 * end of its last day (or now, if that is sooner: the figures of a day still running).
 */
export function windowParams(choice: WindowChoice, zone: string, now: number): WindowParams {
  if (choice.kind === 'named') return { window: choice.name };
  const from = startOfLocalDay(choice.from, zone);
  const to = Math.min(now, startOfLocalDay(addDays(choice.to, 1), zone));
  return { from: new Date(from).toISOString(), to: new Date(Math.max(from, to)).toISOString() };
}
