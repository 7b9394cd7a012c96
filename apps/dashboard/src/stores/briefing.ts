import { PRINTED_BRIEFING_GLOBAL, type Briefing, type PrintedBriefing } from '@ioc/domain/browser';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '@/api/http';
import type { ReadApi } from '@/api/read-api';
import { useDisplayZoneStore } from './display-zone';

/** The figures the server put into the page it prints (briefing PDF), if this is that page. */
export function printedBriefing(): PrintedBriefing | null {
  const value = (globalThis as Record<string, unknown>)[PRINTED_BRIEFING_GLOBAL];
  return value && typeof value === 'object' ? (value as PrintedBriefing) : null;
}

/**
 * One week's briefing as the API froze it: the screen shows exactly these figures, and the PDF
 * and XLSX downloads are the same week's file, so nothing here recomputes a figure.
 */
export const useBriefingStore = defineStore('briefing', () => {
  const briefing = ref<Briefing | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  let request = 0;

  const scopeName = computed(() => briefing.value?.scopeName ?? '');

  /** The display zone first: every day on the page is the server's, not the laptop's. */
  async function loadZone(api: ReadApi): Promise<string | null> {
    const zones = useDisplayZoneStore();
    if (zones.zone) return zones.zone;
    try {
      zones.adopt(await api.clientConfig());
    } catch {
      return null;
    }
    return zones.zone;
  }

  /** The print page: the server's frozen figures and zone; nothing is fetched. */
  function adoptPrinted(printed: PrintedBriefing): void {
    request++;
    useDisplayZoneStore().adopt({ zone: printed.zone });
    briefing.value = printed.briefing;
    error.value = null;
    loading.value = false;
  }

  async function load(api: ReadApi, week: string, scope?: string): Promise<void> {
    const id = ++request;
    loading.value = true;
    error.value = null;
    try {
      const result = await api.briefing(week, scope);
      if (id === request) briefing.value = result;
    } catch (failure) {
      if (id !== request) return;
      briefing.value = null;
      error.value = failure instanceof ApiError ? failure : new ApiError(0, String(failure));
    } finally {
      if (id === request) loading.value = false;
    }
  }

  return { briefing, scopeName, loading, error, load, loadZone, adoptPrinted };
});
