import { formatCount, formatDecimal, formatVnd, type DisplayLocale } from '@ioc/domain/browser';

export type Trend = 'up' | 'down' | 'same';

export interface FigureChange {
  /** `+12`, `−3`, `+1,5` (rate points); null when either side has no data. */
  text: string | null;
  /** The size of the change without its sign (`12`, `1,5`), for screens that show an arrow. */
  amount: string | null;
  trend: Trend | null;
}

const MINUS = '\u2212';
const NO_CHANGE: FigureChange = { text: null, amount: null, trend: null };

function signed(delta: number, write: (size: number) => string): FigureChange {
  const amount = write(Math.abs(delta));
  if (delta > 0) return { text: `+${amount}`, amount, trend: 'up' };
  if (delta < 0) return { text: `${MINUS}${amount}`, amount, trend: 'down' };
  return { text: amount, amount, trend: 'same' };
}

/** A count against the same count in the previous period. */
export function countChange(
  now: number,
  before: number | null,
  locale: DisplayLocale,
): FigureChange {
  if (before === null) return NO_CHANGE;
  return signed(now - before, (size) => formatCount(size, locale));
}

/** An amount in VND against the previous period's (`+12,5 triệu đồng`). */
export function vndChange(now: number, before: number | null, locale: DisplayLocale): FigureChange {
  if (before === null) return NO_CHANGE;
  return signed(now - before, (size) => formatVnd(size, locale));
}

function pointsChange(points: number, locale: DisplayLocale): FigureChange {
  return signed(points, (size) => formatDecimal(size, 1, locale));
}

/** A rate (0–1) against the previous period, in percentage points with one decimal. */
export function rateChange(
  now: number | null,
  before: number | null,
  locale: DisplayLocale,
): FigureChange {
  if (now === null || before === null) return NO_CHANGE;
  return pointsChange(Math.round((now - before) * 1000) / 10, locale);
}

/** A score out of 100 against the previous period, in points with one decimal. */
export function scoreChange(
  now: number | null,
  before: number | null,
  locale: DisplayLocale,
): FigureChange {
  if (now === null || before === null) return NO_CHANGE;
  return pointsChange(Math.round((now - before) * 10) / 10, locale);
}
