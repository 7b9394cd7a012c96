import type { DossierDetail, DossierPage } from '@ioc/domain/browser';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { ApiError } from '@/api/http';
import type { DossierListParams } from '@/api/workspace-api';
import { useDirectoryStore } from './directory';
import { useDisplayZoneStore } from './display-zone';
import { useSessionStore } from './session';
import type { LoadState } from './workspace';

/** A failed read as a page state: 403 is "no access", 404 and 400 "not found". */
export function loadStateOf(caught: unknown): LoadState {
  if (!(caught instanceof ApiError)) return 'failed';
  if (caught.status === 403) return 'forbidden';
  if (caught.status === 404 || caught.status === 400) return 'notFound';
  if (caught.status === 401) useSessionStore().invalidate();
  return 'failed';
}

/** What every laptop read needs first: the directory's names and the display zone. */
async function prepare(): Promise<void> {
  const session = useSessionStore();
  const displayZone = useDisplayZoneStore();
  await Promise.all([
    useDirectoryStore().load(),
    displayZone.zone ? null : session.api.clientConfig().then(displayZone.adopt),
  ]);
}

/** `/units/:code/dossiers`: one page of a filtered, sorted dossier list. */
export const useDossierListStore = defineStore('dossierList', () => {
  const page = shallowRef<DossierPage | null>(null);
  const state = ref<LoadState>('loading');
  const error = ref<string | null>(null);
  let asked = 0;

  async function load(params: DossierListParams): Promise<void> {
    const at = ++asked;
    state.value = 'loading';
    try {
      await prepare();
      const answer = await useSessionStore().workspaceApi.dossiers(params);
      if (at !== asked) return;
      page.value = answer;
      state.value = 'ready';
      error.value = null;
    } catch (caught) {
      if (at !== asked) return;
      page.value = null;
      state.value = loadStateOf(caught);
      error.value = caught instanceof Error ? caught.message : String(caught);
    }
  }

  return { page, state, error, load };
});

/** `/dossiers/:dossierId`: one dossier's timeline and due-date reasoning. */
export const useDossierStore = defineStore('dossier', () => {
  const dossier = shallowRef<DossierDetail | null>(null);
  const state = ref<LoadState>('loading');
  const error = ref<string | null>(null);

  async function load(dossierId: string): Promise<void> {
    state.value = 'loading';
    dossier.value = null;
    try {
      await prepare();
      dossier.value = await useSessionStore().workspaceApi.dossier(dossierId);
      state.value = 'ready';
      error.value = null;
    } catch (caught) {
      state.value = loadStateOf(caught);
      error.value = caught instanceof Error ? caught.message : String(caught);
    }
  }

  return { dossier, state, error, load };
});
