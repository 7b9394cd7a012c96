import { formatCount, formatDecimal, type DisplayLocale } from '@ioc/domain/browser';

export type Trend = 'up' | 'down' | 'same';

export interface FigureChange {
  /** `+12`, `−3`, `+1,5` (rate points); null when either side has no data. */
  text: string | null;
  trend: Trend | null;
}

const MINUS = '\u2212';

function signed(delta: number, written: string): string {
  if (delta > 0) return `+${written}`;
  if (delta < 0) return `${MINUS}${written}`;
  return written;
}

/** A count against the same count in the previous period. */
export function countChange(
  now: number,
  before: number | null,
  locale: DisplayLocale,
): FigureChange {
  if (before === null) return { text: null, trend: null };
  const delta = now - before;
  return {
    text: signed(delta, formatCount(Math.abs(delta), locale)),
    trend: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same',
  };
}

function pointsChange(points: number, locale: DisplayLocale): FigureChange {
  return {
    text: signed(points, formatDecimal(Math.abs(points), 1, locale)),
    trend: points > 0 ? 'up' : points < 0 ? 'down' : 'same',
  };
}

/** A rate (0–1) against the previous period, in percentage points with one decimal. */
export function rateChange(
  now: number | null,
  before: number | null,
  locale: DisplayLocale,
): FigureChange {
  if (now === null || before === null) return { text: null, trend: null };
  return pointsChange(Math.round((now - before) * 1000) / 10, locale);
}

/** A score out of 100 against the previous period, in points with one decimal. */
export function scoreChange(
  now: number | null,
  before: number | null,
  locale: DisplayLocale,
): FigureChange {
  if (now === null || before === null) return { text: null, trend: null };
  return pointsChange(Math.round((now - before) * 10) / 10, locale);
}
