import {
  formatCount,
  formatDate,
  formatDecimal,
  formatRate,
  formatTime,
  formatVnd,
  formatWeekday,
} from '@ioc/domain/browser';
import { useLocale } from './index';

/** The shared vi-VN / English formatters, bound to the language on screen. */
export function useFormat() {
  const { locale } = useLocale();
  return {
    count: (value: number) => formatCount(value, locale.value),
    rate: (value: number | null, digits = 2) => formatRate(value, locale.value, digits),
    decimal: (value: number | null, digits = 1) => formatDecimal(value, digits, locale.value),
    vnd: (value: number) => formatVnd(value, locale.value),
    time: (instant: string | number) => formatTime(instant, locale.value),
    date: (instant: string | number) => formatDate(instant, locale.value),
    weekday: (instant: string | number) => formatWeekday(instant, locale.value),
  };
}
