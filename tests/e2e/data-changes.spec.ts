import type { LiveSnapshot } from '@ioc/domain';
import { atCommune, received, testProcedure } from '../support/events';
import { connectLive, LiveClient, nextUpdate, subscribe } from '../support/live-client';
import { parsePrometheus, valueOf } from '../support/prometheus';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 11 item 2, Redis lost: two instances that share nothing but PostgreSQL (no Redis, as when
 * it is gone) still tell each other of data changes at once (LISTEN/NOTIFY): an event ingested
 * through one shows on a wall of the other within a tick, not at its next heartbeat.
 */
const NOW = '2026-11-20T10:00:00+07:00';
const PROCEDURE = testProcedure('CHANGES-P1', 3);
// A heartbeat far beyond the test: only the notification can bring the update in time.
const liveEnv = { LIVE_TICK_MS: '100', LIVE_HEARTBEAT_MS: '60000' };
const WITHIN_MS = 2_000;
/** How long the test waits for the update at all: well under the heartbeat. */
const LIVE_WAIT_MS = 20_000;

describe('data changes between instances without Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let wall: LiveClient | undefined;

  beforeAll(async () => {
    a = await startTestApp({ now: NOW, env: liveEnv });
    b = await startTestApp({ now: NOW, env: liveEnv, databaseUrl: a.databaseUrl });
    await a.importProcedures([PROCEDURE]);
  });

  afterAll(async () => {
    wall?.disconnect();
    await b.close();
    await a.close();
    for (const name of Object.keys(liveEnv)) delete process.env[name];
  });

  it('shows an event ingested through A on a wall of B within seconds, not at the heartbeat', async () => {
    wall = await connectLive(b.url, await b.login('leader'));
    const first = (await subscribe(wall, { window: 'today' })) as LiveSnapshot;
    const before = first.summary.received.total;

    const where = atCommune('25195', PROCEDURE.code);
    const events = ['CHG-1', 'CHG-2'].map((id) =>
      received(id, '2026-11-20T09:30:00', { ...where, channel: 'online' }),
    );
    // Watched from before the ingest; without the notification it would come at the heartbeat.
    const shown = nextUpdate(
      wall,
      (snapshot) => snapshot.summary.received.total === before + 2,
      LIVE_WAIT_MS,
    );
    // Answered once A's projector has derived them: the change is A's to announce.
    expect((await a.ingest(events)).body).toMatchObject({ accepted: 2 });
    const acknowledged = performance.now();
    expect((await shown).scope).toBe(first.scope);
    expect(performance.now() - acknowledged).toBeLessThan(WITHIN_MS);

    // What an operator scrapes: A told, B heard, both listening.
    const metricsOf = async (t: TestApp) => parsePrometheus((await t.http.get('/metrics')).text);
    const [onA, onB] = await Promise.all([metricsOf(a), metricsOf(b)]);
    const notifications = 'ioc_live_change_notifications_total';
    expect(valueOf(onA, notifications, { direction: 'sent' })).toBeGreaterThan(0);
    expect(valueOf(onB, notifications, { direction: 'received' })).toBeGreaterThan(0);
    // An instance ignores its own notifications.
    expect(valueOf(onA, notifications, { direction: 'received' })).toBe(0);
    for (const samples of [onA, onB])
      expect(valueOf(samples, 'ioc_live_changes_listening')).toBe(1);
  });
});
