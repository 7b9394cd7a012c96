/**
 * How figures are written for people (SPEC §1): `vi-VN` by default — `561.578`, `97,98 %`,
 * `109,5 tỷ đồng`, `10:42:05`, `21/11/2026` — or English. Times and days are in the zone the
 * caller gives, the server's display zone (TZ_DISPLAY), never the machine's.
 * Pure `Intl`, no framework: the dashboard, the briefing exports and the tests share it.
 */

export type DisplayLocale = 'vi' | 'en';

/** What a missing figure (a rate with a zero denominator) shows: never 0 %. */
export const NO_DATA = '—';

const INTL_LOCALE: Record<DisplayLocale, string> = { vi: 'vi-VN', en: 'en-GB' };

// Intl formatters are costly to build and a wall formats every second: keep one per shape.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: DisplayLocale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(
  locale: DisplayLocale,
  zone: string,
  shape: 'time' | 'date' | 'weekday',
): Intl.DateTimeFormat {
  const key = `${locale}:${zone}:${shape}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const,
      date: { day: '2-digit', month: '2-digit', year: 'numeric' } as const,
      weekday: { weekday: 'long' } as const,
    }[shape];
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: zone });
    dateFormats.set(key, format);
  }
  return format;
}

/** A whole count: `561.578` (vi), `561,578` (en). */
export function formatCount(value: number, locale: DisplayLocale = 'vi'): string {
  return numberFormat(locale, 0).format(value);
}

/** A decimal with fixed digits: `76,6`. */
export function formatDecimal(
  value: number | null,
  fractionDigits: number,
  locale: DisplayLocale = 'vi',
): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return numberFormat(locale, fractionDigits).format(value);
}

/** A rate from 0 to 1: `97,98 %` (vi), `97.98%` (en); `null` ("no data") is `—`. */
export function formatRate(
  rate: number | null,
  locale: DisplayLocale = 'vi',
  fractionDigits = 2,
): string {
  if (rate === null || !Number.isFinite(rate)) return NO_DATA;
  const percent = numberFormat(locale, fractionDigits).format(rate * 100);
  return locale === 'vi' ? `${percent} %` : `${percent}%`;
}

const VND_STEPS: { size: number; vi: string; en: string }[] = [
  { size: 1e12, vi: 'nghìn tỷ đồng', en: 'trillion VND' },
  { size: 1e9, vi: 'tỷ đồng', en: 'billion VND' },
  { size: 1e6, vi: 'triệu đồng', en: 'million VND' },
];
const VND: Record<DisplayLocale, string> = { vi: 'đồng', en: 'VND' };

/**
 * An amount in VND in words, one decimal: `850.000 đồng`, `6,0 triệu đồng`, `109,5 tỷ đồng`,
 * `1,2 nghìn tỷ đồng`; English `6.0 million VND`.
 */
export function formatVnd(amount: number, locale: DisplayLocale = 'vi'): string {
  const sign = amount < 0 ? '-' : '';
  const absolute = Math.abs(amount);
  for (let index = 0; index < VND_STEPS.length; index++) {
    const step = VND_STEPS[index];
    if (absolute < step.size) continue;
    const scaled = Math.round((absolute / step.size) * 10) / 10;
    // 999,96 triệu rounds to 1.000,0 triệu: say 1,0 tỷ instead.
    const bigger = VND_STEPS[index - 1];
    if (bigger && scaled * step.size >= bigger.size) {
      return `${sign}${numberFormat(locale, 1).format(1)} ${bigger[locale]}`;
    }
    return `${sign}${numberFormat(locale, 1).format(scaled)} ${step[locale]}`;
  }
  return `${sign}${formatCount(absolute, locale)} ${VND[locale]}`;
}

/**
 * What an axis of amounts counts in: the largest of nghìn tỷ, tỷ and triệu đồng that `amount`
 * reaches, else đồng. 3,1 tỷ gives `{ size: 1e9, unit: 'tỷ đồng' }`.
 */
export function vndScale(
  amount: number,
  locale: DisplayLocale = 'vi',
): { size: number; unit: string } {
  const step = VND_STEPS.find(({ size }) => Math.abs(amount) >= size);
  return step ? { size: step.size, unit: step[locale] } : { size: 1, unit: VND[locale] };
}

/** The time of day in `zone`: `10:42:05`. */
export function formatTime(
  instant: string | number | Date,
  zone: string,
  locale: DisplayLocale = 'vi',
): string {
  return dateFormat(locale, zone, 'time').format(new Date(instant));
}

/** The calendar day in `zone`: `21/11/2026`. */
export function formatDate(
  instant: string | number | Date,
  zone: string,
  locale: DisplayLocale = 'vi',
): string {
  return dateFormat(locale, zone, 'date').format(new Date(instant));
}

/** Day and month only: `21/11` (vi-VN's own short form is `21-11`; the wall keeps slashes). */
export function formatDayMonth(
  instant: string | number | Date,
  zone: string,
  locale: DisplayLocale = 'vi',
): string {
  const parts = dateFormat(locale, zone, 'date').formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}`;
}

/** The weekday's name in `zone`: `Thứ Bảy`, `Saturday`. */
export function formatWeekday(
  instant: string | number | Date,
  zone: string,
  locale: DisplayLocale = 'vi',
): string {
  const name = dateFormat(locale, zone, 'weekday').format(new Date(instant));
  return name.charAt(0).toLocaleUpperCase(INTL_LOCALE[locale]) + name.slice(1);
}

/** A local calendar day `YYYY-MM-DD` as `21/11` (no zone arithmetic: it is already a day). */
export function formatLocalDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${date}/${month}`;
}
