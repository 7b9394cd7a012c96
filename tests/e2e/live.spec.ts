import { isLiveError, liveRankingOf, LiveSnapshot, LiveUpdate, Ranking } from '@ioc/domain';
import { binhPhuocDirectory } from '@ioc/domain/demo';
import { atCommune, received, resolved, testProcedure } from '../support/events';
import { connectLive, LiveClient, nextUpdate, subscribe } from '../support/live-client';
import { TEST_PORTS } from '../support/ports';
import { startTestApp, TestApp } from '../support/test-app';
import { RedisServer } from '../support/topology';

const NOW = '2026-11-20T10:00:00+07:00';
const ONE_DAY_PROCEDURE = testProcedure('TEST-P1', 1);
const tanPhu = atCommune('25195', ONE_DAY_PROCEDURE.code);
const liveEnv = { LIVE_TICK_MS: '100', LIVE_HEARTBEAT_MS: '400', LIVE_RANKING_MS: '300' };

function snapshotOf(response: LiveSnapshot | { error: string }): LiveSnapshot {
  if (isLiveError(response as LiveSnapshot))
    throw new Error(`refused: ${JSON.stringify(response)}`);
  return response as LiveSnapshot;
}

describe('live stream /live', () => {
  let t: TestApp;
  let leader: string;
  const sockets: LiveClient[] = [];
  const connect = async (token: string, app = t) => {
    const socket = await connectLive(app.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: NOW, env: liveEnv });
    await t.importProcedures([ONE_DAY_PROCEDURE]);
    leader = await t.login('leader');
  });

  afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
  afterAll(() => t.close());

  it('refuses a connection without a valid token', async () => {
    await expect(connectLive(t.url, 'not-a-token')).rejects.toThrow(/Invalid or expired/);
  });

  it('answers subscribe with a snapshot equal to the REST figures', async () => {
    await t.ingest([received('L1', '2026-11-20T08:00:00', { ...tanPhu, channel: 'online' })]);
    const socket = await connect(leader);
    const snapshot = snapshotOf(await subscribe(socket, { window: 'today' }));
    const summary = await t.get('/api/v1/metrics/summary?window=today', leader);
    const ranking = await t.get('/api/v1/rankings?level=district&window=today', leader);
    const alerts = await t.get('/api/v1/alerts/late-agencies?window=today', leader);
    expect(snapshot).toMatchObject({ scope: '70', window: 'today' });
    expect(snapshot.summary).toEqual(summary.body);
    expect(snapshot.ranking).toEqual(liveRankingOf(ranking.body as Ranking));
    expect(snapshot.rankingSeq).toBeGreaterThanOrEqual(1);
    expect(snapshot.lateAgencies).toEqual(alerts.body);
  });

  it('sends the ranking only when it changed, and to whoever joins', async () => {
    const districtOf = (update: { ranking: LiveSnapshot['ranking'] | null }) =>
      update.ranking?.rows.find((row) => row.code === '689');
    const socket = await connect(leader);
    const first = snapshotOf(await subscribe(socket, { window: 'today' }));
    const updates: LiveUpdate[] = [];
    socket.on('update', (update) => updates.push(update));
    // Nothing changed: the heartbeats bring the counts again, not the ranking.
    await nextUpdate(socket, (u) => u.seq === first.seq + 2, 2_000);
    expect(updates.map((u) => [u.ranking, u.rankingSeq])).toEqual([
      [null, first.rankingSeq],
      [null, first.rankingSeq],
    ]);

    // Two receipts in Tân Phú's district, a moment apart: its row's count changes twice.
    const received689 = districtOf(first)!.received;
    await t.ingest([received('LR1', '2026-11-20T09:55:00', { ...tanPhu, channel: 'online' })]);
    await t.ingest([received('LR2', '2026-11-20T09:56:00', { ...tanPhu, channel: 'online' })]);
    const changed = await nextUpdate(socket, (u) => districtOf(u)?.received === received689 + 2);
    // A ranking sent is a new one (rankingSeq + 1); in between, updates name the one still held.
    let held = first.rankingSeq;
    for (const update of updates) {
      expect(update.rankingSeq).toBe(update.ranking ? held + 1 : held);
      held = update.rankingSeq;
    }
    expect(changed.ranking).toEqual(
      liveRankingOf(
        (await t.get('/api/v1/rankings?level=district&window=today', leader)).body as Ranking,
      ),
    );

    // A newcomer gets the whole snapshot, the ranking the room holds included.
    const newcomer = snapshotOf(await subscribe(await connect(leader), { window: 'today' }));
    expect(newcomer.rankingSeq).toBeGreaterThanOrEqual(changed.rankingSeq);
    expect(districtOf(newcomer)!.received).toBe(received689 + 2);
  });

  it('rejects a malformed subscription with a reason', async () => {
    const socket = await connect(leader);
    const refusal = await subscribe(socket, { window: 'decade' as never });
    expect(isLiveError(refusal) && refusal.status).toBe(400);
    expect(isLiveError(refusal) && refusal.error).toMatch(/window/);
    expect(await subscribe(socket, { scope: 'nowhere', window: 'today' })).toMatchObject({
      status: 400,
    });
  });

  it('pushes an accepted event within a second, seq rising by one', async () => {
    const socket = await connect(leader);
    const first = snapshotOf(await subscribe(socket, { window: 'today' }));
    const started = Date.now();
    const update = nextUpdate(
      socket,
      (s) => s.summary.received.total === first.summary.received.total + 1,
      1_000,
    );
    // Not waiting for the projection: the stream must bring it all the same.
    await t.ingest([received('L2', '2026-11-20T09:00:00', { ...tanPhu, channel: 'direct' })], {
      wait: false,
    });
    const snapshot = await update;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(snapshot.seq).toBeGreaterThan(first.seq);

    const seqs: number[] = [];
    socket.on('update', (s) => seqs.push(s.seq));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(seqs.length).toBeGreaterThanOrEqual(2);
    seqs.forEach((seq, i) => i > 0 && expect(seq).toBe(seqs[i - 1] + 1));
  });

  it('shows no gap to a room when others subscribe to it while events arrive', async () => {
    const watcher = await connect(leader);
    const seqs = [snapshotOf(await subscribe(watcher, { window: 'week' })).seq];
    watcher.on('update', (s) => seqs.push(s.seq));
    for (let n = 0; n < 5; n++) {
      // The room is out of date when each newcomer arrives: its snapshot is computed for them.
      await t.ingest([received(`LJ${n}`, '2026-11-20T09:50:00', { ...tanPhu, channel: 'direct' })]);
      const newcomers = await Promise.all([connect(leader), connect(leader)]);
      const answers = await Promise.all(
        newcomers.map(async (socket) => snapshotOf(await subscribe(socket, { window: 'week' }))),
      );
      expect(new Set(answers.map((s) => s.summary.received.total)).size).toBe(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seqs.length).toBeGreaterThanOrEqual(5);
    seqs.forEach((seq, i) => i > 0 && expect(seq).toBe(seqs[i - 1] + 1));
  });

  it('is whole again after a gap or a reconnect by subscribing again', async () => {
    const socket = await connect(leader);
    const before = snapshotOf(await subscribe(socket, { window: 'today' }));
    socket.disconnect();
    await t.ingest([resolved('L1', '2026-11-20T09:30:00')]);
    socket.connect();
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const after = snapshotOf(await subscribe(socket, { window: 'today' }));
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(after.summary.resolved.total).toBe(before.summary.resolved.total + 1);
    expect(after.summary).toEqual(
      (await t.get('/api/v1/metrics/summary?window=today', leader)).body,
    );
    // Whatever updates were missed, the answer carries the ranking whole.
    expect(after.ranking).toEqual(
      liveRankingOf(
        (await t.get('/api/v1/rankings?level=district&window=today', leader)).body as Ranking,
      ),
    );
  });

  it('keeps a district chief inside their district', async () => {
    const chief = await t.login('chief-688');
    const socket = await connect(chief);
    expect(await subscribe(socket, { scope: '689', window: 'today' })).toMatchObject({
      status: 403,
    });
    expect(await subscribe(socket, { scope: '70', window: 'today' })).toMatchObject({
      status: 403,
    });
    const own = snapshotOf(await subscribe(socket, { window: 'today' }));
    expect(own.scope).toBe('688');
    const received: LiveUpdate[] = [];
    socket.on('update', (s) => received.push(s));
    const leaderSocket = await connect(leader);
    await subscribe(leaderSocket, { scope: '689', window: 'today' });
    await t.ingest([received_('L3')]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(received.length).toBeGreaterThan(0);
    // The district's own wall ranks its communes among themselves, 1 to n.
    const communes = binhPhuocDirectory.units
      .filter((unit) => unit.parentCode === '688')
      .map((unit) => unit.code);
    expect(communes.length).toBeGreaterThan(1);
    for (const snapshot of [own, ...received]) {
      expect(snapshot.scope).toBe('688');
      if (snapshot.ranking) {
        expect(snapshot.ranking.rows.map((row) => row.code).sort()).toEqual(communes.sort());
        expect(snapshot.ranking.rows.map((row) => row.rank)).toEqual(communes.map((_, i) => i + 1));
      }
      expect(
        snapshot.lateAgencies.rows.every(
          (row) => row.unitCode.startsWith('25') || row.unitCode === '688',
        ),
      ).toBe(true);
    }
  });

  it('moves with the clock: overdue by time and the day rolling over at midnight', async () => {
    // L4 is due at the end of Monday 23/11 (1 working day after Friday 20/11).
    await t.ingest([received('L4', '2026-11-20T09:45:00', { ...tanPhu, channel: 'online' })]);
    const socket = await connect(leader);
    const friday = snapshotOf(await subscribe(socket, { window: 'today' }));
    expect(friday.summary.received.total).toBeGreaterThan(0);
    expect(friday.summary.inProgress.overdue).toBe(0);

    t.clock.set('2026-11-24T00:00:05+07:00');
    const tuesday = await nextUpdate(
      socket,
      (s) => s.summary.from.startsWith('2026-11-23T17:00'),
      2_000,
    );
    expect(tuesday.summary.received.total).toBe(0);
    expect(tuesday.summary.inProgress.overdue).toBeGreaterThanOrEqual(1);
    t.clock.set(NOW);
  });
});

function received_(id: string) {
  return received(id, '2026-11-20T09:50:00', { ...tanPhu, channel: 'online' });
}

describe('live stream after a projection pass', () => {
  it('computes the rooms at once, not at the next tick of the rhythm', async () => {
    // Ticks at most every 5 s: waiting for the rhythm would take 2.5 s on average. No heartbeat
    // within the test: its tick would rightly hold the next one back for 5 s.
    const t = await startTestApp({
      now: NOW,
      env: { LIVE_TICK_MS: '5000', LIVE_HEARTBEAT_MS: '60000' },
    });
    try {
      await t.importProcedures([ONE_DAY_PROCEDURE]);
      // A first ingest and pass, so that what is timed below is not the app warming up.
      await t.ingest([received('LP0', '2026-11-20T09:20:00', { ...tanPhu, channel: 'online' })]);
      const socket = await connectLive(t.url, await t.login('leader'));
      const first = snapshotOf(await subscribe(socket, { window: 'today' }));
      const shown: number[] = [];
      for (const id of ['LP1', 'LP2']) {
        // Each event comes 5 s after the last computation, when a tick may start at once.
        await new Promise((resolve) => setTimeout(resolve, 5_100));
        const before = first.summary.received.total + shown.length;
        const update = nextUpdate(socket, (u) => u.summary.received.total === before + 1, 5_000);
        const started = Date.now();
        await t.ingest([received(id, '2026-11-20T09:20:00', { ...tanPhu, channel: 'online' })], {
          wait: false,
        });
        await update;
        shown.push(Date.now() - started);
      }
      expect(Math.max(...shown)).toBeLessThan(1_000);
      socket.disconnect();
    } finally {
      await t.close();
    }
  });
});

describe('two API instances on Redis', () => {
  it('delivers an event ingested through one to a client of the other', async () => {
    // A Redis of the test's own, as the revocation and data-changes suites have: on the machine's,
    // shared with whatever else runs beside it, the update failed to come in two CI runs of three
    // (which message disturbed it was not found).
    const redisServer = new RedisServer(TEST_PORTS.liveRedis);
    await redisServer.start();
    // A heartbeat longer than the test: the update can only come from the other instance's signal.
    // Its speed (SPEC: within a second) is the benchmarks' to measure.
    const redis = {
      LIVE_TICK_MS: '100',
      LIVE_HEARTBEAT_MS: '60000',
      REDIS_URL: redisServer.url,
    };
    const first = await startTestApp({ now: NOW, env: redis });
    const second = await startTestApp({ now: NOW, env: redis, databaseUrl: first.databaseUrl });
    try {
      await first.importProcedures([ONE_DAY_PROCEDURE]);
      const token = await second.login('leader');
      const socket = await connectLive(second.url, token);
      const before = snapshotOf(await subscribe(socket, { window: 'today' }));
      const update = nextUpdate(
        socket,
        (s) => s.summary.received.total === before.summary.received.total + 1,
        5_000,
      );
      await first.ingest(
        [received('R1', '2026-11-20T09:10:00', { ...tanPhu, channel: 'online' })],
        { wait: false },
      );
      expect((await update).summary.received.total).toBe(before.summary.received.total + 1);
      socket.disconnect();
    } finally {
      await second.close();
      await first.close();
      await redisServer.kill();
    }
  });
});
