import { parseIsoWeek, type Briefing } from '@ioc/domain/browser';
import { computed, type Ref } from 'vue';
import { useLocale } from '@/i18n';
import { useFormat } from '@/i18n/format';
import { lastInstant } from './briefing-figures';

/** "Tuần 48/2026" and "23/11/2026 – 29/11/2026" (Monday to Sunday, in the display zone). */
export function useWeekLabel(briefing: Ref<Briefing | null>) {
  const { t } = useLocale();
  const f = useFormat();
  const title = computed(() => {
    if (!briefing.value) return '';
    const { week, year } = parseIsoWeek(briefing.value.week);
    return t('briefing.weekLabel', { week, year });
  });
  const range = computed(() => {
    if (!briefing.value) return '';
    return t('briefing.weekRange', {
      from: f.date(briefing.value.from),
      to: f.date(lastInstant(briefing.value.to)),
    });
  });
  return { title, range };
}
