import {
  formatCount,
  formatDate,
  formatDecimal,
  formatRate,
  formatTime,
  formatVnd,
  formatWeekday,
  NO_DATA,
} from '@ioc/domain/browser';
import { storeToRefs } from 'pinia';
import { useDisplayZoneStore } from '@/stores/display-zone';
import { useLocale } from './index';

/**
 * The shared vi-VN / English formatters, bound to the language on screen and to the server's
 * display zone. Until the server has said its zone, a time or a day shows as "—", not a guess.
 */
export function useFormat() {
  const { locale } = useLocale();
  const { zone } = storeToRefs(useDisplayZoneStore());
  const inZone = (write: (zone: string) => string) => (zone.value ? write(zone.value) : NO_DATA);
  return {
    count: (value: number) => formatCount(value, locale.value),
    rate: (value: number | null, digits = 2) => formatRate(value, locale.value, digits),
    decimal: (value: number | null, digits = 1) => formatDecimal(value, digits, locale.value),
    vnd: (value: number) => formatVnd(value, locale.value),
    time: (instant: string | number) => inZone((z) => formatTime(instant, z, locale.value)),
    date: (instant: string | number) => inZone((z) => formatDate(instant, z, locale.value)),
    weekday: (instant: string | number) => inZone((z) => formatWeekday(instant, z, locale.value)),
  };
}
