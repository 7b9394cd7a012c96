import { computed, onBeforeUnmount, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useWorkspaceStore, type WorkspaceTarget } from '@/stores/workspace';
import {
  windowFromQuery,
  windowParams,
  windowToQuery,
  type WindowChoice,
} from '@/stores/workspace-window';
import { useDisplayZoneStore } from '@/stores/display-zone';

/**
 * What the unit and agency pages share: the target and the period come from the URL (a deep
 * link reopens the same view), the workspace store follows them, and closes when the page goes.
 */
export function useWorkspacePage(kind: WorkspaceTarget['kind']) {
  const route = useRoute();
  const router = useRouter();
  const workspace = useWorkspaceStore();
  const displayZone = useDisplayZoneStore();

  const code = computed(() => String(route.params.code ?? ''));
  const choice = computed(() => windowFromQuery(route.query));

  watch(
    [code, choice],
    ([nextCode, nextChoice]) => {
      if (nextCode) void workspace.open({ kind, code: nextCode }, nextChoice);
    },
    { immediate: true, deep: true },
  );

  onBeforeUnmount(() => workspace.close());

  function choose(next: WindowChoice): void {
    void router.replace({ query: windowToQuery(next) });
  }

  /** The period's parameters for downloads: the same window the page shows. */
  const windowForDownloads = computed(() =>
    displayZone.zone ? windowParams(choice.value, displayZone.zone, Date.now()) : {},
  );

  return { code, choice, choose, workspace, windowForDownloads };
}
