import { ref } from 'vue';
import { ApiError } from '@/api/http';
import { useLocale } from '@/i18n';
import { useFormat } from '@/i18n/format';

/**
 * One administrative act at a time from a panel: busy while it runs, then a notice on success or
 * the server's reason on failure (announced to screen readers by the panel's live region).
 */
export function useAct() {
  const { t } = useLocale();
  const format = useFormat();
  const busy = ref(false);
  const error = ref<string | null>(null);
  const notice = ref<string | null>(null);

  async function act(work: () => Promise<unknown>, done?: string): Promise<boolean> {
    busy.value = true;
    error.value = null;
    notice.value = null;
    try {
      await work();
      notice.value = done ?? null;
      return true;
    } catch (caught) {
      error.value = t('admin.failed', { message: reasonOf(caught) });
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** Why it failed, in the screen's language where the API gave a reason. */
  function reasonOf(caught: unknown): string {
    if (!(caught instanceof ApiError))
      return caught instanceof Error ? caught.message : String(caught);
    if (caught.status === 0) return t('login.unreachable');
    if (caught.reason) {
      const { name, params } = caught.reason;
      // A calendar day (YYYY-MM-DD) at its noon: the same day in any display zone.
      const date = params.date && format.date(`${params.date}T12:00:00Z`);
      return t(`admin.errors.${name}`, date ? { ...params, date } : params);
    }
    return caught.message;
  }

  return { busy, error, notice, act };
}
