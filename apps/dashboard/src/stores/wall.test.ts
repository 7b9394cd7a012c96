import {
  liveRankingOf,
  type DailyFigures,
  type LiveSnapshot,
  type LiveUpdate,
} from '@ioc/domain/browser';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadApi } from '@/api/read-api';
import type { LiveSocket } from '@/live/live-client';
import { lateAgenciesFixture, rankingFixture, summaryFixture } from '@/testing/fixtures';
import { useDisplayZoneStore } from './display-zone';
import { useWallStore } from './wall';

/** A socket that never connects: the wall lives on REST. */
const silentSocket = {
  connected: false,
  on() {
    return this;
  },
  removeAllListeners() {
    return this;
  },
  disconnect() {
    return this;
  },
} as unknown as LiveSocket;

/** A socket that connects and answers `subscribe` with `snapshot`; `update` pushes one more. */
function liveSocket(snapshot: LiveSnapshot) {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const socket = {
    connected: true,
    on(event: string, handler: (...args: unknown[]) => void) {
      handlers.set(event, handler);
      if (event === 'connect') queueMicrotask(() => handler());
      return socket;
    },
    timeout: () => socket,
    emit(event: string, _request: unknown, ack?: (error: null, answer: LiveSnapshot) => void) {
      if (event === 'subscribe') ack?.(null, snapshot);
      return socket;
    },
    removeAllListeners: () => socket,
    disconnect: () => socket,
  };
  return {
    socket: socket as unknown as LiveSocket,
    update: (update: LiveUpdate) => handlers.get('update')?.(update),
  };
}

const day = (date: string, received: number): DailyFigures => ({
  date,
  dayOff: null,
  received,
  resolved: 0,
  resolvedOnTime: 0,
  paymentsSucceeded: 0,
  paymentsAmountVnd: 0,
});

/** The read API of a server whose display zone is `zone`; records the days asked for. */
function serverIn(zone: string) {
  const daysAskedFor: number[] = [];
  const scopesAskedFor: (string | undefined)[] = [];
  const periodsAskedFor: { from: string; to: string; scope?: string }[] = [];
  const rankingsAskedFor: (string | undefined)[] = [];
  /** The live window's end: moved by a test to let "today" grow. */
  const live = { to: '2026-11-23T03:00:00.000Z' };
  const api: ReadApi = {
    clientConfig: () => Promise.resolve({ zone }),
    daily: (days, scope) => {
      daysAskedFor.push(days);
      scopesAskedFor.push(scope);
      return Promise.resolve({
        scope: '70',
        from: '2026-09-27T17:00:00.000Z',
        to: '2026-11-22T20:00:00.000Z',
        days: [day('2026-11-21', 300), day('2026-11-22', 100)],
      });
    },
    // "Today" began at 17:00 UTC on 22/11: midnight of the 23rd in Vietnam, noon of the 22nd in
    // New York.
    summary: () =>
      Promise.resolve(summaryFixture({ from: '2026-11-22T17:00:00.000Z', to: live.to })),
    summaryOver: (period, scope) => {
      periodsAskedFor.push({ ...period, scope });
      return Promise.resolve(
        summaryFixture({ ...period, received: { ...summaryFixture().received, total: 500000 } }),
      );
    },
    ownRanking: (_window, scope) => {
      rankingsAskedFor.push(scope);
      return Promise.resolve(rankingFixture());
    },
    lateAgencies: () => Promise.resolve(lateAgenciesFixture()),
    units: () => Promise.resolve({ rows: [] }),
    login: () => Promise.reject(new Error('not used')),
    briefing: () => Promise.reject(new Error('not used')),
    briefingWeeks: () => Promise.reject(new Error('not used')),
    briefingFile: () => Promise.reject(new Error('not used')),
  };
  return { api, daysAskedFor, scopesAskedFor, periodsAskedFor, rankingsAskedFor, live };
}

describe('wall store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    globalThis.localStorage.clear();
    // Sunday 22/11/2026 20:00 UTC: Monday 03:00 in Vietnam, Sunday 15:00 in New York.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-11-22T20:00:00Z'));
  });

  afterEach(() => {
    useWallStore().stop();
    vi.useRealTimers();
  });

  it.each([
    // 8 whole weeks and Monday to Sunday of this one; "today" is the 22nd: it is the last bar.
    ['America/New_York', 63, 561578],
    // 8 whole weeks and Monday 23/11; "today" is the 23rd: the series ends the day before.
    ['Asia/Ho_Chi_Minh', 57, 100],
  ])(
    "takes the display zone from the server and counts the trends' days in it (%s)",
    async (zone, daysWanted, lastBar) => {
      const { api, daysAskedFor } = serverIn(zone);
      const wall = useWallStore();
      wall.start({ api, token: 'wall_x', socketFactory: () => silentSocket });
      await vi.waitFor(() => expect(daysAskedFor).toEqual([daysWanted]));
      await vi.waitFor(() => expect(wall.view?.summary.received.total).toBe(561578));
      expect(useDisplayZoneStore().zone).toBe(zone);
      expect(globalThis.localStorage.getItem('ioc.zone')).toBe(zone);
      expect(wall.dailyFigures.map((d) => [d.date, d.received])).toEqual([
        ['2026-11-21', 300],
        ['2026-11-22', lastBar],
      ]);
    },
  );

  it("charts a unit's own days on its own wall, the province's on the province's", async () => {
    const { api, scopesAskedFor } = serverIn('Asia/Ho_Chi_Minh');
    const wall = useWallStore();
    wall.start({ api, token: 'wall_x', scope: '25216', socketFactory: () => silentSocket });
    await vi.waitFor(() => expect(scopesAskedFor).toEqual(['25216']));
    wall.stop();
    wall.start({ api, token: 'wall_x', socketFactory: () => silentSocket });
    await vi.waitFor(() => expect(scopesAskedFor).toEqual(['25216', undefined]));
  });

  it('compares each window with the period of the same length just before, read rarely', async () => {
    const { api, periodsAskedFor, rankingsAskedFor, live } = serverIn('Asia/Ho_Chi_Minh');
    const wall = useWallStore();
    wall.start({
      api,
      token: 'wall_x',
      scope: '689',
      socketFactory: () => silentSocket,
      timers: { pollMs: 20 },
    });
    // Today from midnight (17:00 UTC) to 03:00: the ten hours before midnight, of the same unit.
    await vi.waitFor(() => expect(wall.previous?.received.total).toBe(500000));
    expect(periodsAskedFor[0]).toEqual({
      from: '2026-11-22T07:00:00.000Z',
      to: '2026-11-22T17:00:00.000Z',
      scope: '689',
    });
    // Its own wall ranks the unit's children, over REST as live.
    expect(rankingsAskedFor).toContain('689');
    // Polled again and again: each window's previous period is read once while it still fits
    // (the fake server's windows all begin at midnight).
    await vi.waitFor(() => expect(periodsAskedFor).toHaveLength(4));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(periodsAskedFor).toHaveLength(4);
    // Twenty minutes later (more than 2 % of ten hours), the longer period is read.
    live.to = '2026-11-23T03:20:00.000Z';
    await vi.waitFor(() =>
      expect(periodsAskedFor.map((period) => period.from)).toContain('2026-11-22T06:40:00.000Z'),
    );
  });

  it('keeps the live ranking it holds while updates carry only the counts', async () => {
    const { api } = serverIn('Asia/Ho_Chi_Minh');
    const asOf = (second: number) => `2026-11-22T20:00:0${second}.000Z`;
    const ranking = liveRankingOf(rankingFixture());
    const live = liveSocket({
      seq: 1,
      scope: '70',
      window: 'today',
      asOf: asOf(1),
      summary: summaryFixture({ asOf: asOf(1) }),
      rankingSeq: 4,
      ranking,
      lateAgencies: lateAgenciesFixture(),
    });
    const wall = useWallStore();
    wall.start({ api, token: 'wall_x', socketFactory: () => live.socket });
    await vi.waitFor(() => expect(wall.link).toBe('subscribed'));

    const counted = summaryFixture({ asOf: asOf(2) });
    counted.received = { ...counted.received, total: counted.received.total + 1 };
    live.update({
      seq: 2,
      scope: '70',
      window: 'today',
      asOf: asOf(2),
      summary: counted,
      rankingSeq: 4,
      ranking: null,
      lateAgencies: lateAgenciesFixture(),
    });
    expect(wall.view?.summary.received.total).toBe(counted.received.total);
    expect(wall.view?.ranking).toEqual(ranking);

    const reordered = { ...ranking, rows: [...ranking.rows].reverse() };
    live.update({
      seq: 3,
      scope: '70',
      window: 'today',
      asOf: asOf(3),
      summary: summaryFixture({ asOf: asOf(3) }),
      rankingSeq: 5,
      ranking: reordered,
      lateAgencies: lateAgenciesFixture(),
    });
    expect(wall.view?.ranking).toEqual(reordered);
  });
});
