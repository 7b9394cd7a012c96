import { Client } from 'pg';
import { received, testProcedure } from '../support/events';
import { connectLive, nextUpdate, subscribe } from '../support/live-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Freshness tells the truth (issue 7): while the figures stop following the events, `asOf` on
 * REST and on the live stream stays at the instant they are true to, and health says how far
 * behind they are. The projection is held up by holding its lock from another connection.
 */
const NOW = '2026-11-20T17:00:00+07:00';
const PROCEDURE = testProcedure('TEST-FRESH', 2);
const PROJECTION_LOCK = 7_340_001;

describe('freshness of the figures', () => {
  let t: TestApp;
  let leader: string;
  let blocker: Client;

  beforeAll(async () => {
    // A heartbeat every half second: time alone then reaches the live screens quickly.
    t = await startTestApp({ now: NOW, env: { LIVE_HEARTBEAT_MS: '500' } });
    leader = await t.login('leader');
    await t.importProcedures([PROCEDURE]);
    blocker = new Client({ connectionString: t.databaseUrl });
    await blocker.connect();
  });

  afterAll(async () => {
    await blocker.end();
    await t.close();
  });

  const lagOf = (summary: { asOf: string; computedAt: string }) =>
    Date.parse(summary.computedAt) - Date.parse(summary.asOf);

  it('keeps asOf at the oldest event not derived while the projection is held up, then catches up', async () => {
    const before = await t.get('/api/v1/metrics/summary?scope=689', leader);
    expect(lagOf(before.body)).toBe(0);
    const live = await connectLive(t.url, leader);
    const first = await subscribe(live, { scope: '689', window: 'today' });
    expect('summary' in first && lagOf(first.summary)).toBe(0);

    await blocker.query('SELECT pg_advisory_lock($1)', [PROJECTION_LOCK]);
    try {
      const event = received('FRESH-1', '2026-11-20T09:00:00', {
        unitCode: '25195',
        agencyCode: 'UBND-25195',
        procedureCode: PROCEDURE.code,
        channel: 'online',
      });
      expect((await t.ingest([event], { wait: false })).body.accepted).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      const stale = await t.get('/api/v1/metrics/summary?scope=689', leader);
      expect(stale.body.received.total).toBe(0);
      expect(lagOf(stale.body)).toBeGreaterThanOrEqual(1_400);
      const health = await t.http.get('/api/v1/health');
      expect(health.body.projection).toMatchObject({ queued: 1, setAside: 0 });
      expect(health.body.projection.oldestQueuedSeconds).toBeGreaterThanOrEqual(1.4);
      // The live stream's heartbeat carries the same truth.
      const heartbeat = await nextUpdate(live, (snapshot) => lagOf(snapshot.summary) >= 1_400);
      expect(heartbeat.summary.received.total).toBe(0);
      expect(heartbeat.asOf).toBe(heartbeat.summary.asOf);
    } finally {
      await blocker.query('SELECT pg_advisory_unlock($1)', [PROJECTION_LOCK]);
    }

    // The projector's next pass derives it: the figures follow again.
    let caughtUp = await t.get('/api/v1/metrics/summary?scope=689', leader);
    for (let tries = 0; tries < 50 && caughtUp.body.received.total === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      caughtUp = await t.get('/api/v1/metrics/summary?scope=689', leader);
    }
    expect(caughtUp.body.received.total).toBe(1);
    expect(lagOf(caughtUp.body)).toBe(0);
    expect((await t.http.get('/api/v1/health')).body.projection).toMatchObject({ queued: 0 });
    live.close();
  });
});
