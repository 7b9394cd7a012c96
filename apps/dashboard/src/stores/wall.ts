import {
  WINDOWS,
  type DailySeries,
  type LateAgencies,
  type LiveSnapshot,
  type MetricsSummary,
  type LiveRanking,
  type WindowName,
} from '@ioc/domain/browser';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError } from '@/api/http';
import type { ReadApi, UnitRow } from '@/api/read-api';
import { LiveClient, type LinkState, type SocketFactory } from '@/live/live-client';
import { useDisplayZoneStore } from './display-zone';
import { freshnessAt, STALE_AFTER_MS, trueAt } from './freshness';
import { previousStillFits, previousWindowParams } from './previous-window';
import { daysForWeeks, weeklyOnTime, withLiveToday } from './trend-series';

/** What one window shows; replaced whole on every update (never deep-reactive). */
export interface WindowView {
  window: WindowName;
  asOf: string;
  summary: MetricsSummary;
  ranking: LiveRanking;
  lateAgencies: LateAgencies;
  source: 'live' | 'rest';
}

export interface WallTimers {
  /** REST polling while the live stream is not there. */
  pollMs: number;
  /** The daily series (trends) is refreshed this often. */
  dailyMs: number;
  /** The units directory and the client config are asked again this often until they load. */
  retryMs: number;
}

const DEFAULT_TIMERS: WallTimers = { pollMs: 5_000, dailyMs: 60_000, retryMs: 10_000 };
/** Whole weeks of history for the weekly on-time chart; the daily charts show the last 30 days. */
const TREND_WEEKS = 8;
export const DAILY_CHART_DAYS = 30;
const TREND_REFRESH_MS = 10_000;

export interface WallStartOptions {
  api: ReadApi;
  token: string;
  /** A unit's own wall (`/wall?scope=CODE`); default the caller's own unit, or the province. */
  scope?: string;
  window?: WindowName;
  onUnauthorized?: () => void;
  socketFactory?: SocketFactory;
  timers?: Partial<WallTimers>;
}

/**
 * The video wall's data: fed by the live socket when it is there, by REST polling when it is
 * not, and by REST for the slower daily series. Holds a bounded amount: one view per window.
 */
export const useWallStore = defineStore('wall', () => {
  const window = ref<WindowName>('today');
  const views = shallowRef<Partial<Record<WindowName, WindowView>>>({});
  /**
   * Each window's previous period (the same length just before), read over REST: it is past, so
   * it is read when a window first shows and again only when the live window has outgrown it.
   */
  const previousSummaries = shallowRef<Partial<Record<WindowName, MetricsSummary>>>({});
  const daily = shallowRef<DailySeries | null>(null);
  const units = shallowRef<readonly UnitRow[]>([]);
  const link = ref<LinkState | 'idle'>('idle');
  const lastDataAt = ref<number | null>(null);
  const downSince = ref<number | null>(null);
  const now = ref(Date.now());
  const displayZone = useDisplayZoneStore();

  let api: ReadApi | undefined;
  let live: LiveClient | undefined;
  let onUnauthorized: (() => void) | undefined;
  let timers: WallTimers = DEFAULT_TIMERS;
  const intervals: ReturnType<typeof setInterval>[] = [];
  let directoryRetry: ReturnType<typeof setTimeout> | undefined;
  let clientConfigRetry: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  let requestedScope: string | undefined;
  let lastResyncAt = 0;
  const previousReads = new Map<WindowName, number>();
  let started = false;

  const view = computed(() => views.value[window.value]);
  const previous = computed(() => previousSummaries.value[window.value]);
  const freshness = computed(() =>
    freshnessAt(now.value, { lastDataAt: lastDataAt.value, downSince: downSince.value }),
  );
  const province = computed(() => units.value.find((unit) => unit.level === 'province') ?? null);
  /** The unit the wall is about: the one its data says, else the one asked for, else the province. */
  const scopeUnit = computed(() => {
    const code = view.value?.summary.scope ?? requestedScope;
    return units.value.find((unit) => unit.code === code) ?? (code ? null : province.value);
  });
  /** The units ranked on the wall: the scope's children (districts, or communes). */
  const rankedUnits = computed(() => {
    const code = scopeUnit.value?.code;
    return code ? units.value.filter((unit) => unit.parentCode === code) : [];
  });
  /**
   * Today's summary for the trend charts, taken at most every 10 s: the last bar need not tick
   * every second, and three charts redrawn every second cost the wall frames for nothing.
   */
  const trendToday = shallowRef<MetricsSummary | undefined>();
  /** The daily series with today from the live summary; it is fetched once the zone is known. */
  const trendDays = computed(() => {
    const days = daily.value?.days ?? [];
    const zone = displayZone.zone;
    return zone ? withLiveToday(days, trendToday.value, zone) : days;
  });
  const dailyFigures = computed(() => trendDays.value.slice(-DAILY_CHART_DAYS));
  const weeklyRates = computed(() => weeklyOnTime(trendDays.value));

  function markUp(summary: MetricsSummary): void {
    lastDataAt.value = trueAt(summary, Date.now());
    downSince.value = null;
  }

  function markDown(): void {
    downSince.value ??= Date.now();
  }

  /** Keeps the newest data per window: a late REST answer never overwrites a newer snapshot. */
  function putView(next: WindowView): void {
    const current = views.value[next.window];
    if (current && Date.parse(current.asOf) > Date.parse(next.asOf)) return;
    views.value = { ...views.value, [next.window]: next };
    const held = trendToday.value;
    if (
      next.window === 'today' &&
      (!held ||
        held.from !== next.summary.from ||
        Date.parse(next.asOf) - Date.parse(held.asOf) >= TREND_REFRESH_MS)
    ) {
      trendToday.value = next.summary;
    }
    markUp(next.summary);
    void loadPrevious(next.window);
  }

  /** The previous period of a window, unless the one held still compares fairly. */
  async function loadPrevious(wanted: WindowName): Promise<void> {
    const current = views.value[wanted]?.summary;
    const held = previousSummaries.value[wanted];
    if (!api || !current || (held && previousStillFits(held, current))) return;
    // One read at a time per window; a failed one is tried again after the retry delay.
    const lastRead = previousReads.get(wanted);
    if (lastRead !== undefined && Date.now() - lastRead < timers.retryMs) return;
    previousReads.set(wanted, Date.now());
    try {
      const before = await api.summaryOver(
        previousWindowParams(current.from, current.to),
        requestedScope,
      );
      if (!started) return;
      previousSummaries.value = { ...previousSummaries.value, [wanted]: before };
      previousReads.delete(wanted);
    } catch (error) {
      failed(error);
    }
  }

  function onSnapshot(snapshot: LiveSnapshot): void {
    putView({
      window: snapshot.window,
      asOf: snapshot.asOf,
      summary: snapshot.summary,
      ranking: snapshot.ranking,
      lateAgencies: snapshot.lateAgencies,
      source: 'live',
    });
  }

  function onLinkState(state: LinkState): void {
    const wasDown = downSince.value !== null;
    link.value = state;
    if (state === 'disconnected') {
      markDown();
      void poll();
    } else if (state === 'refused') {
      // The server is there but has no stream for us: REST carries the wall meanwhile.
      void poll();
    } else if (state === 'subscribed' && wasDown) {
      void loadDaily();
    }
  }

  function failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) {
      onUnauthorized?.();
      return;
    }
    markDown();
  }

  /** REST, for the current window (or another one, to warm the cache before it rotates in). */
  async function poll(force = false, wanted: WindowName = window.value): Promise<void> {
    if (!api || polling) return;
    if (!force && link.value === 'subscribed') return;
    polling = true;
    try {
      // The units right below the scope ranked among themselves, as the live snapshot has them.
      const [summary, ranking, lateAgencies] = await Promise.all([
        api.summary(wanted, requestedScope),
        api.ownRanking(wanted, requestedScope),
        api.lateAgencies(wanted, requestedScope),
      ]);
      putView({
        window: wanted,
        asOf: summary.asOf,
        summary,
        ranking,
        lateAgencies,
        source: 'rest',
      });
    } catch (error) {
      failed(error);
    } finally {
      polling = false;
    }
  }

  /**
   * Every tick: a stream that is subscribed but silent for longer than a heartbeat is asked
   * again, and REST fills in meanwhile, so the wall never freezes on a stuck stream.
   */
  function watchdog(): void {
    now.value = Date.now();
    const silent = lastDataAt.value !== null && now.value - lastDataAt.value >= STALE_AFTER_MS;
    if (link.value === 'subscribed' && silent && now.value - lastResyncAt >= timers.pollMs) {
      lastResyncAt = now.value;
      live?.resync();
      void poll(true);
    }
  }

  /** Each window once, so rotating to it never shows an empty screen while it subscribes. */
  async function warmCache(): Promise<void> {
    for (const name of WINDOWS) {
      if (!started) return;
      if (!views.value[name]) await poll(true, name);
    }
  }

  async function loadDaily(): Promise<void> {
    const zone = displayZone.zone;
    if (!api || !zone) return;
    try {
      // A unit's own wall charts that unit's days, not the province's.
      daily.value = await api.daily(daysForWeeks(Date.now(), TREND_WEEKS, zone), requestedScope);
    } catch (error) {
      failed(error);
    }
  }

  async function loadUnits(): Promise<void> {
    if (!api) return;
    try {
      units.value = (await api.units()).rows;
    } catch (error) {
      failed(error);
      directoryRetry = setTimeout(() => void loadUnits(), timers.retryMs);
    }
  }

  /** The server's display zone, then the daily series, whose weeks and days are in it. */
  async function loadClientConfig(): Promise<void> {
    if (!api) return;
    try {
      displayZone.adopt(await api.clientConfig());
    } catch (error) {
      failed(error);
      clientConfigRetry = setTimeout(() => void loadClientConfig(), timers.retryMs);
      return;
    }
    await loadDaily();
  }

  function start(options: WallStartOptions): void {
    if (started) stop();
    started = true;
    api = options.api;
    onUnauthorized = options.onUnauthorized;
    timers = { ...DEFAULT_TIMERS, ...options.timers };
    requestedScope = options.scope;
    previousSummaries.value = {};
    previousReads.clear();
    if (options.window) window.value = options.window;
    live = new LiveClient({
      token: options.token,
      scope: options.scope,
      window: window.value,
      handlers: { snapshot: onSnapshot, state: onLinkState },
      socketFactory: options.socketFactory,
    });
    live.start();
    // REST answers first while the socket connects, so the wall is never blank.
    void poll().then(warmCache);
    void loadClientConfig();
    void loadUnits();
    intervals.push(
      setInterval(watchdog, 1_000),
      setInterval(() => void poll(), timers.pollMs),
      setInterval(() => void loadDaily(), timers.dailyMs),
    );
  }

  function stop(): void {
    started = false;
    live?.stop();
    live = undefined;
    intervals.splice(0).forEach(clearInterval);
    clearTimeout(directoryRetry);
    clearTimeout(clientConfigRetry);
  }

  function setWindow(next: WindowName): void {
    if (!WINDOWS.includes(next) || next === window.value) return;
    window.value = next;
    live?.setWindow(next);
    // The cached view of that window shows at once; fresh data follows.
    if (link.value !== 'subscribed') void poll();
  }

  return {
    window,
    views,
    view,
    previous,
    daily,
    dailyFigures,
    weeklyRates,
    units,
    province,
    scopeUnit,
    rankedUnits,
    link,
    lastDataAt,
    downSince,
    now,
    freshness,
    start,
    stop,
    setWindow,
  };
});
