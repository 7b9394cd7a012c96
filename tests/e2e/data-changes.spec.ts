import type { LiveSnapshot } from '@ioc/domain';
import { atCommune, received, testProcedure } from '../support/events';
import { connectLive, LiveClient, nextUpdate, subscribe } from '../support/live-client';
import { parsePrometheus, valueOf } from '../support/prometheus';
import { startTestApp, TestApp } from '../support/test-app';
import { RedisServer } from '../support/topology';
import { TEST_PORTS } from '../support/ports';

/**
 * Issue 11 item 2, Redis lost: two instances that share nothing but PostgreSQL (no Redis at all, or
 * a Redis that went away under them) still tell each other of data changes at once (LISTEN/NOTIFY):
 * an event ingested through one shows on a wall of the other within a tick, not at its next
 * heartbeat. And an instance whose Redis is gone still shuts down.
 */
const NOW = '2026-11-20T10:00:00+07:00';
const PROCEDURE = testProcedure('CHANGES-P1', 3);
// A heartbeat far beyond the test: only the notification can bring the update in time.
const liveEnv = { LIVE_TICK_MS: '100', LIVE_HEARTBEAT_MS: '60000' };
const WITHIN_MS = 2_000;
/** How long the test waits for the update at all: well under the heartbeat. */
const LIVE_WAIT_MS = 20_000;

/** Closing both instances: well under the hook's timeout, so a close that hangs fails the test. */
const CLOSE_WITHIN_MS = 10_000;

describe.each([
  { redis: 'none', title: 'no Redis configured' },
  { redis: 'lost', title: 'their Redis stopped' },
])('data changes between instances: $title', ({ redis }) => {
  let a: TestApp;
  let b: TestApp;
  let redisServer: RedisServer | undefined;
  let wall: LiveClient | undefined;

  beforeAll(async () => {
    let env: Record<string, string> = liveEnv;
    if (redis === 'lost') {
      // A Redis of the test's own, stopped once both instances are up on it.
      redisServer = new RedisServer(TEST_PORTS.dataChangesRedis + (process.pid % 90));
      await redisServer.start();
      env = { ...liveEnv, REDIS_URL: redisServer.url };
    }
    a = await startTestApp({ now: NOW, env });
    b = await startTestApp({ now: NOW, env, databaseUrl: a.databaseUrl });
    await a.importProcedures([PROCEDURE]);
    await redisServer?.kill('SIGKILL');
  });

  afterAll(async () => {
    wall?.disconnect();
    const closing = Promise.all([b.close(), a.close()]);
    const started = performance.now();
    await closing;
    for (const name of ['REDIS_URL', ...Object.keys(liveEnv)]) delete process.env[name];
    expect(performance.now() - started).toBeLessThan(CLOSE_WITHIN_MS);
  }, 2 * CLOSE_WITHIN_MS);

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
