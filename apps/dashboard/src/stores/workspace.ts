import {
  type DossierPage,
  type LiveSnapshot,
  type MetricsSummary,
  type ProcedureLoads,
  type RankingLevel,
  type RankingRow,
} from '@ioc/domain/browser';
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { DossierListParams, SummaryParams, WindowParams } from '@/api/workspace-api';
import { LiveClient, type LinkState } from '@/live/live-client';
import { useDirectoryStore } from './directory';
import { loadStateOf } from './dossiers';
import { useDisplayZoneStore } from './display-zone';
import { rankContextOf, type RankContext } from './rank-context';
import { useSessionStore } from './session';
import { previousWindowParams } from './previous-window';
import { TODAY, windowParams, type WindowChoice } from './workspace-window';

/** The page of a unit (and everything below it) or of one agency. */
export interface WorkspaceTarget {
  kind: 'unit' | 'agency';
  code: string;
}

export type LoadState = 'loading' | 'ready' | 'forbidden' | 'notFound' | 'failed';

/** Overdue dossiers shown on the workspace; the full list is one click away. */
const LIST_PAGE_SIZE = 50;
/** Tables (rankings) follow live updates, but at most this often: they are heavier. */
const TABLE_REFRESH_MS = 20_000;
const LIST_REFRESH_DEBOUNCE_MS = 300;

export const OVERDUE_SORT = 'overdueDays:desc,dueAt:asc,dossierId:asc';
export const DUE_SORT = 'dueAt:asc,dossierId:asc';

/** Query parameters that select the target's dossiers and figures. */
export function targetParams(target: WorkspaceTarget): { scope?: string; agency?: string } {
  return target.kind === 'unit' ? { scope: target.code } : { agency: target.code };
}

/** The level a unit is ranked at, and the level of the units right below it (none: a commune). */
export function rankingLevels(
  level: 'province' | 'district' | 'commune' | undefined,
  childLevel: 'district' | 'commune' | undefined,
): { own: RankingLevel | null; children: RankingLevel | null } {
  if (level === 'province') return { own: null, children: childLevel ?? null };
  if (level === 'district') return { own: 'district', children: childLevel ?? null };
  if (level === 'commune') return { own: 'commune', children: null };
  return { own: null, children: null };
}

/** Whether the counts behind the dossier lists moved: then the lists are read again. */
export function listCountsChanged(before: MetricsSummary | null, after: MetricsSummary): boolean {
  if (!before) return true;
  const a = before.inProgress;
  const b = after.inProgress;
  return a.total !== b.total || a.overdue !== b.overdue || a.dueSoon !== b.dueSoon;
}

/**
 * One workspace (SPEC §8 `/units/:code`, `/agencies/:code`): the figures of the period and the
 * period before, rank and why, agencies and child units, overdue and due-soon dossiers; kept live
 * through the socket, scoped to the unit (or the agency).
 */
export const useWorkspaceStore = defineStore('workspace', () => {
  const session = useSessionStore();
  const directory = useDirectoryStore();
  const displayZone = useDisplayZoneStore();

  const target = ref<WorkspaceTarget | null>(null);
  const choice = ref<WindowChoice>(TODAY);
  const state = ref<LoadState>('loading');
  const error = ref<string | null>(null);
  const link = ref<LinkState>('connecting');
  const summary = shallowRef<MetricsSummary | null>(null);
  const previous = shallowRef<MetricsSummary | null>(null);
  const rank = shallowRef<RankContext | null>(null);
  const agencies = shallowRef<RankingRow[]>([]);
  const children = shallowRef<RankingRow[] | null>(null);
  const overdue = shallowRef<DossierPage | null>(null);
  const dueToday = shallowRef<DossierPage | null>(null);
  const dueNext = shallowRef<DossierPage | null>(null);
  const procedures = shallowRef<ProcedureLoads | null>(null);
  const today = ref<string | null>(null);
  const nextWorkingDay = ref<string | null>(null);

  let live: LiveClient | null = null;
  let generation = 0;
  let listTimer: ReturnType<typeof setTimeout> | undefined;
  let lastTableRefresh = 0;

  const api = () => session.workspaceApi;

  function failWith(caught: unknown): void {
    state.value = loadStateOf(caught);
    error.value = caught instanceof Error ? caught.message : String(caught);
  }

  async function zone(): Promise<string> {
    if (!displayZone.zone) displayZone.adopt(await session.api.clientConfig());
    return displayZone.zone!;
  }

  async function currentWindow(): Promise<WindowParams> {
    return windowParams(choice.value, await zone(), Date.now());
  }

  async function loadLists(at: number): Promise<void> {
    const current = target.value;
    if (!current) return;
    const scope = targetParams(current);
    const days = await api().nextWorkingDay();
    const list = (params: DossierListParams) =>
      api().dossiers({ ...scope, pageSize: LIST_PAGE_SIZE, ...params });
    const [overdueList, todayList, nextList, byProcedure] = await Promise.all([
      list({ status: 'overdue', sort: OVERDUE_SORT }),
      list({ status: 'dueSoon', dueOn: days.date, sort: DUE_SORT }),
      list({ status: 'dueSoon', dueOn: days.nextWorkingDay, sort: DUE_SORT }),
      // An agency's dossiers by procedure, counted by the API over the period on screen.
      current.kind === 'agency'
        ? currentWindow().then((window) => api().byProcedure({ ...scope, ...window }))
        : null,
    ]);
    if (at !== generation) return;
    procedures.value = byProcedure;
    today.value = days.date;
    nextWorkingDay.value = days.nextWorkingDay;
    overdue.value = overdueList;
    dueToday.value = todayList;
    dueNext.value = nextList;
  }

  async function loadTables(at: number, window: WindowParams): Promise<void> {
    const current = target.value;
    if (!current) return;
    lastTableRefresh = Date.now();
    if (current.kind === 'agency') {
      const agency = directory.agencies.get(current.code);
      const ranking = await api().ranking({ level: 'agency', kind: agency?.kind, ...window });
      if (at !== generation) return;
      rank.value = rankContextOf(ranking, current.code);
      return;
    }
    const unit = directory.units.get(current.code);
    const childLevel = directory.childrenOf(current.code)[0]?.level;
    const levels = rankingLevels(
      unit?.level,
      childLevel === 'district' || childLevel === 'commune' ? childLevel : undefined,
    );
    const [ownRanking, agencyRanking, childRanking] = await Promise.all([
      levels.own ? api().ranking({ level: levels.own, ...window }) : null,
      api().ranking({ level: 'agency', scope: current.code, ...window }),
      levels.children
        ? api().ranking({ level: levels.children, scope: current.code, ...window })
        : null,
    ]);
    if (at !== generation) return;
    rank.value = ownRanking ? rankContextOf(ownRanking, current.code) : null;
    agencies.value = agencyRanking.rows;
    children.value = childRanking
      ? childRanking.rows.filter(
          (row) => directory.units.get(row.code)?.parentCode === current.code,
        )
      : null;
  }

  async function loadPrevious(
    at: number,
    current: WorkspaceTarget,
    now: MetricsSummary,
  ): Promise<void> {
    try {
      const before = await api().summary({
        ...targetParams(current),
        ...previousWindowParams(now.from, now.to),
      });
      if (at === generation) previous.value = before;
    } catch {
      // Without the period before the figures stand alone; the next load asks again.
    }
  }

  async function load(): Promise<void> {
    const at = ++generation;
    const current = target.value;
    if (!current) return;
    state.value = 'loading';
    error.value = null;
    try {
      await directory.load();
      const window = await currentWindow();
      const params: SummaryParams = { ...targetParams(current), ...window };
      const now = await api().summary(params);
      if (at !== generation) return;
      summary.value = now;
      previous.value = null;
      // The comparison comes when it comes: the period before ends in the past, where counts
      // take longer to read, and the figures, rank and lists must not wait for it.
      void loadPrevious(at, current, now);
      await Promise.all([loadTables(at, window), loadLists(at)]);
      if (at !== generation) return;
      state.value = 'ready';
    } catch (caught) {
      if (at === generation) failWith(caught);
    }
  }

  function scheduleLists(): void {
    clearTimeout(listTimer);
    listTimer = setTimeout(() => {
      loadLists(generation).catch(() => undefined);
    }, LIST_REFRESH_DEBOUNCE_MS);
  }

  function onSnapshot(snapshot: LiveSnapshot): void {
    if (state.value !== 'ready') return;
    const named = choice.value.kind === 'named' && choice.value.name === snapshot.window;
    const before = summary.value;
    if (named) summary.value = snapshot.summary;
    if (listCountsChanged(before, snapshot.summary)) scheduleLists();
    if (named && Date.now() - lastTableRefresh > TABLE_REFRESH_MS) {
      void currentWindow()
        .then((window) => loadTables(generation, window))
        .catch(() => undefined);
    }
  }

  function connect(): void {
    live?.stop();
    const current = target.value;
    if (!current || !session.token) return;
    live = new LiveClient({
      token: session.token,
      window: choice.value.kind === 'named' ? choice.value.name : 'today',
      ...(current.kind === 'unit' ? { scope: current.code } : { agency: current.code }),
      handlers: {
        snapshot: onSnapshot,
        state: (next) => (link.value = next),
        withdrawn: (notice) => {
          if (notice.status === 401) session.invalidate();
        },
      },
    });
    live.start();
  }

  /** Opens a workspace (or another period of it) and keeps it live. */
  async function open(next: WorkspaceTarget, period: WindowChoice): Promise<void> {
    const sameTarget =
      target.value?.kind === next.kind && target.value.code === next.code && live !== null;
    target.value = next;
    choice.value = period;
    if (!sameTarget) {
      summary.value = null;
      previous.value = null;
      rank.value = null;
      agencies.value = [];
      children.value = null;
      overdue.value = dueToday.value = dueNext.value = null;
      procedures.value = null;
    }
    await load();
    if (state.value !== 'ready') {
      live?.stop();
      live = null;
      return;
    }
    if (!sameTarget) connect();
    else live?.setWindow(period.kind === 'named' ? period.name : 'today');
  }

  function close(): void {
    generation++;
    clearTimeout(listTimer);
    live?.stop();
    live = null;
    target.value = null;
  }

  return {
    target,
    choice,
    state,
    error,
    link,
    summary,
    previous,
    rank,
    agencies,
    children,
    overdue,
    dueToday,
    dueNext,
    procedures,
    today,
    nextWorkingDay,
    open,
    close,
    reload: load,
  };
});
