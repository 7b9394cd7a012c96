import type { DailyFigures } from '@ioc/domain/browser';
import { formatLocalDay } from '@ioc/domain/browser';
import { useLocale } from '@/i18n';

/**
 * The latest holiday in the days shown, named in the panel's corner ("Nghỉ 24/11: Ngày …"):
 * its shaded day then reads as a day off, not a collapse. Weekends are only shaded.
 */
export function useHolidayNote() {
  const { t } = useLocale();
  return (days: readonly DailyFigures[]): string | undefined => {
    const holiday = [...days]
      .reverse()
      .find((day) => day.dayOff !== null && day.dayOff !== 'weekend');
    if (!holiday) return undefined;
    const name =
      holiday.dayOff === 'public holiday' || holiday.dayOff === 'operator'
        ? t('trends.dayOff')
        : holiday.dayOff!;
    return t('trends.holiday', { day: formatLocalDay(holiday.date), name });
  };
}
