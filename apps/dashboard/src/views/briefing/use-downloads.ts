import { ref } from 'vue';
import { ApiError } from '@/api/http';
import { useSessionStore } from '@/stores/session';

/** The week's PDF and XLSX, fetched with the session's token and handed to the browser as a file. */
export function useDownloads() {
  const session = useSessionStore();
  const busy = ref<'pdf' | 'xlsx' | null>(null);
  const failure = ref<string | null>(null);

  async function download(week: string, format: 'pdf' | 'xlsx', scope: string): Promise<void> {
    busy.value = format;
    failure.value = null;
    try {
      const file = await session.api.briefingFile(week, format, scope);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file.blob);
      link.download = file.fileName ?? `bao-cao-tuan-${week}-${scope}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      failure.value = error instanceof ApiError ? error.message : String(error);
    } finally {
      busy.value = null;
    }
  }

  return { busy, failure, download };
}
