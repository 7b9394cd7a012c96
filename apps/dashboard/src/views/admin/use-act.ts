import { ref } from 'vue';
import { ApiError } from '@/api/http';
import { useLocale } from '@/i18n';

/**
 * One administrative act at a time from a panel: busy while it runs, then a notice on success or
 * the server's reason on failure (announced to screen readers by the panel's live region).
 */
export function useAct() {
  const { t } = useLocale();
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
      const message = caught instanceof Error ? caught.message : String(caught);
      error.value = t('admin.failed', {
        message:
          caught instanceof ApiError && caught.status === 0 ? t('login.unreachable') : message,
      });
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, notice, act };
}
