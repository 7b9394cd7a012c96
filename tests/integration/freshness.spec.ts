import type { IngestResult, MetricsSummary } from '@ioc/domain';
import { Client } from 'pg';
import { received, testProcedure } from '../support/events';
import { PROJECTION_LOCK } from '../../apps/api/src/projection/projection.repository';
import { connectLive, nextUpdate, subscribe } from '../support/live-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Freshness tells the truth (issue 7): while the figures stop following the events, `asOf` on
 * REST and on the live stream stays at the instant they are true to, and health says how far
 * behind they are. The projection is held up by holding its lock from another connection, as a long
 * transaction or a stuck instance would.
 */
const NOW = '2026-11-20T17:00:00+07:00';
const PROCEDURE = testProcedure('TEST-FRESH', 2);

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

  const lagOf = (summary: MetricsSummary) =>
    Date.parse(summary.computedAt) - Date.parse(summary.asOf);

  async function summary(): Promise<MetricsSummary> {
    const response = await t.get('/api/v1/metrics/summary?scope=689', leader);
    expect(response.status).toBe(200);
    return response.body as MetricsSummary;
  }

  async function projectionHealth() {
    const response = await t.http.get('/api/v1/health');
    return (response.body as { projection: { queued: number; oldestQueuedSeconds: number } })
      .projection;
  }

  it('keeps asOf at the oldest event not derived while the projection is held up, then catches up', async () => {
    expect(lagOf(await summary())).toBe(0);
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
      expect(((await t.ingest([event], { wait: false })).body as IngestResult).accepted).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      const stale = await summary();
      expect(stale.received.total).toBe(0);
      expect(lagOf(stale)).toBeGreaterThanOrEqual(1_400);
      const health = await projectionHealth();
      expect(health.queued).toBe(1);
      expect(health.oldestQueuedSeconds).toBeGreaterThanOrEqual(1.4);
      // The live stream's heartbeat carries the same truth.
      const heartbeat = await nextUpdate(live, (snapshot) => lagOf(snapshot.summary) >= 1_400);
      expect(heartbeat.summary.received.total).toBe(0);
      expect(heartbeat.asOf).toBe(heartbeat.summary.asOf);
    } finally {
      await blocker.query('SELECT pg_advisory_unlock($1)', [PROJECTION_LOCK]);
    }

    // The projector's next pass derives it: the figures follow again.
    let caughtUp = await summary();
    for (let tries = 0; tries < 50 && caughtUp.received.total === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      caughtUp = await summary();
    }
    expect(caughtUp.received.total).toBe(1);
    expect(lagOf(caughtUp)).toBe(0);
    expect((await projectionHealth()).queued).toBe(0);
    live.close();
  });
});
