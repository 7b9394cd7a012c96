import type { DailyFigures } from '@ioc/domain/browser';
import { formatLocalDay } from '@ioc/domain/browser';
import { useLocale } from '@/i18n';

/**
 * The latest holiday in the days shown, named in the panel's corner ("Nghỉ 24/11: Ngày …", or
 * "Nghỉ lễ 24/11" where the name does not fit): its shaded day then reads as a day off, not a
 * collapse. Weekends are only shaded.
 */
export function useHolidayNote() {
  const { t } = useLocale();
  return (days: readonly DailyFigures[]): { note: string; shortNote: string } | undefined => {
    const holiday = [...days]
      .reverse()
      .find((day) => day.dayOff !== null && day.dayOff !== 'weekend');
    if (!holiday) return undefined;
    const name =
      holiday.dayOff === 'public holiday' || holiday.dayOff === 'operator'
        ? t('trends.dayOff')
        : holiday.dayOff!;
    const day = formatLocalDay(holiday.date);
    return {
      note: t('trends.holiday', { day, name }),
      shortNote: t('trends.holidayShort', { day }),
    };
  };
}
