import { liveRankingOf, type LiveSnapshot, type LiveUpdate } from '@ioc/domain/browser';
import { describe, expect, it, vi } from 'vitest';
import { lateAgenciesFixture, rankingFixture, summaryFixture } from '@/testing/fixtures';
import { LiveClient, type LinkState, type LiveSocket } from './live-client';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket to drive LiveClient. */
class FakeSocket {
  connected = false;
  active = true;
  readonly handlers = new Map<string, Handler>();
  readonly emitted: { event: string; payload: unknown; ack?: Handler }[] = [];

  on(event: string, handler: Handler) {
    this.handlers.set(event, handler);
    return this;
  }
  timeout() {
    return this;
  }
  emit(event: string, payload: unknown, ack?: Handler) {
    this.emitted.push({ event, payload, ack });
    return this;
  }
  connect() {
    this.fire('connect');
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true;
    this.handlers.get(event)?.(...args);
  }
  subscribes() {
    return this.emitted.filter((e) => e.event === 'subscribe');
  }
}

function snapshot(
  seq: number,
  window: LiveSnapshot['window'] = 'today',
  rankingSeq = 1,
): LiveSnapshot {
  return {
    seq,
    scope: '70',
    window,
    asOf: new Date(1_800_000_000_000 + seq * 1000).toISOString(),
    summary: summaryFixture(),
    rankingSeq,
    ranking: liveRankingOf(rankingFixture()),
    lateAgencies: lateAgenciesFixture(),
  };
}

/** An update that names the ranking of `rankingSeq` and does not carry it. */
function withoutRanking(seq: number, rankingSeq = 1): LiveUpdate {
  return { ...snapshot(seq, 'today', rankingSeq), ranking: null };
}

function setup() {
  const socket = new FakeSocket();
  const snapshots: LiveSnapshot[] = [];
  const states: LinkState[] = [];
  const client = new LiveClient({
    token: 'wall_x',
    window: 'today',
    handlers: { snapshot: (s) => snapshots.push(s), state: (s) => states.push(s) },
    socketFactory: (namespace, options) => {
      expect(namespace).toBe('/live');
      expect(options.auth).toEqual({ token: 'wall_x' });
      return socket as unknown as LiveSocket;
    },
    retryAfterRefusalMs: 1_000,
  });
  client.start();
  return { socket, client, snapshots, states };
}

describe('LiveClient', () => {
  it('subscribes on connect and takes the acknowledgement as the first snapshot', () => {
    const { socket, snapshots, states } = setup();
    socket.fire('connect');
    const [subscribe] = socket.subscribes();
    expect(subscribe.payload).toEqual({ scope: undefined, window: 'today' });
    subscribe.ack?.(null, snapshot(5));
    expect(snapshots.map((s) => s.seq)).toEqual([5]);
    expect(states).toEqual(['connecting', 'subscribed']);
  });

  it('passes updates that follow by one and asks again after a gap', () => {
    const { socket, snapshots } = setup();
    socket.fire('connect');
    socket.subscribes()[0].ack?.(null, snapshot(5));
    socket.fire('update', snapshot(6));
    socket.fire('update', snapshot(6)); // duplicate
    socket.fire('update', snapshot(9)); // gap
    expect(snapshots.map((s) => s.seq)).toEqual([5, 6]);
    expect(socket.subscribes()).toHaveLength(2);
    socket.subscribes()[1].ack?.(null, snapshot(9));
    socket.fire('update', snapshot(10));
    expect(snapshots.map((s) => s.seq)).toEqual([5, 6, 9, 10]);
  });

  it('keeps the ranking it holds while updates carry none, and takes a new one when sent', () => {
    const { socket, snapshots } = setup();
    socket.fire('connect');
    const first = snapshot(5);
    socket.subscribes()[0].ack?.(null, first);
    socket.fire('update', withoutRanking(6));
    const changed = snapshot(7, 'today', 2);
    changed.ranking = { ...changed.ranking, rows: changed.ranking.rows.slice(0, 1) };
    socket.fire('update', changed);
    socket.fire('update', withoutRanking(8, 2));
    expect(snapshots.map((s) => [s.seq, s.rankingSeq, s.ranking.rows.length])).toEqual([
      [5, 1, first.ranking.rows.length],
      [6, 1, first.ranking.rows.length],
      [7, 2, 1],
      [8, 2, 1],
    ]);
    expect(snapshots[1].ranking).toBe(first.ranking);
    expect(socket.subscribes()).toHaveLength(1);
  });

  it('asks again when an update names a ranking it does not hold', () => {
    const { socket, snapshots } = setup();
    socket.fire('connect');
    socket.subscribes()[0].ack?.(null, snapshot(5));
    socket.fire('update', withoutRanking(6, 2));
    expect(snapshots.map((s) => s.seq)).toEqual([5]);
    expect(socket.subscribes()).toHaveLength(2);
  });

  it('moves its subscription when the window changes and ignores the old window', () => {
    const { socket, client, snapshots } = setup();
    socket.fire('connect');
    socket.subscribes()[0].ack?.(null, snapshot(5));
    client.setWindow('year');
    expect(socket.emitted.find((e) => e.event === 'unsubscribe')?.payload).toEqual({
      scope: undefined,
      window: 'today',
    });
    socket.fire('update', snapshot(6, 'today'));
    socket.subscribes()[1].ack?.(null, snapshot(1, 'year'));
    socket.fire('update', snapshot(2, 'year'));
    expect(snapshots.map((s) => `${s.window}:${s.seq}`)).toEqual(['today:5', 'year:1', 'year:2']);
  });

  it('resubscribes after a reconnect', () => {
    const { socket, snapshots, states } = setup();
    socket.fire('connect');
    socket.subscribes()[0].ack?.(null, snapshot(5));
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    socket.subscribes()[1].ack?.(null, snapshot(1));
    expect(snapshots.map((s) => s.seq)).toEqual([5, 1]);
    expect(states).toEqual(['connecting', 'subscribed', 'disconnected', 'subscribed']);
  });

  it('tries again later when the server refuses the connection', () => {
    vi.useFakeTimers();
    try {
      const { socket, states } = setup();
      socket.active = false;
      socket.fire('connect_error', new Error('Invalid namespace'));
      expect(states).toContain('refused');
      expect(socket.subscribes()).toHaveLength(0);
      vi.advanceTimersByTime(1_000);
      expect(socket.subscribes()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports an error answer instead of a snapshot', () => {
    const { socket, snapshots, states } = setup();
    socket.fire('connect');
    socket.subscribes()[0].ack?.(null, { error: 'scope: forbidden', status: 403 });
    expect(snapshots).toHaveLength(0);
    expect(states).toContain('refused');
  });

  it('gives up for good when the server withdraws the credential, and says so', () => {
    vi.useFakeTimers();
    try {
      const { socket, states } = setup();
      socket.fire('connect');
      socket.subscribes()[0].ack?.(null, snapshot(5));
      socket.fire('withdrawn', { status: 401, error: 'Unknown or revoked wall token' });
      socket.fire('disconnect', 'io server disconnect');
      vi.advanceTimersByTime(60_000);
      expect(states.at(-1)).toBe('refused');
      expect(socket.connected).toBe(false);
      expect(socket.subscribes()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
