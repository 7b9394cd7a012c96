import type { LiveAccessWithdrawn } from '@ioc/domain';
import { connectLive, LiveClient, nextUpdate, subscribe } from '../support/live-client';
import { startTestApp, TestApp } from '../support/test-app';
import { RedisServer } from '../support/topology';
import { TEST_PORTS } from '../support/ports';

/**
 * SPEC §6, issue 11 item 3: access withdrawn ends within seconds, on REST and on sockets already
 * open, on every API instance sharing the database — not when a token expires.
 */
const NOW = '2026-11-20T10:00:00+07:00';
const liveEnv = { LIVE_TICK_MS: '100', LIVE_HEARTBEAT_MS: '400', ACCESS_RECHECK_MS: '1000' };
/** "Within a few seconds": the re-check interval (1 s here, 2 s by default) and some slack. */
const WITHIN_MS = 3_000;

/** Resolves with how long the socket took to be disconnected by the server, and what it was told. */
function cutOff(socket: LiveClient): Promise<{ ms: number; notice: LiveAccessWithdrawn }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let notice: LiveAccessWithdrawn | undefined;
    const timer = setTimeout(() => reject(new Error('still connected')), WITHIN_MS);
    socket.on('withdrawn', (received) => (notice = received));
    socket.on('disconnect', (reason) => {
      clearTimeout(timer);
      if (reason !== 'io server disconnect') return reject(new Error(`disconnected: ${reason}`));
      if (!notice) return reject(new Error('disconnected without a withdrawn notice'));
      resolve({ ms: performance.now() - started, notice });
    });
  });
}

function withdrawnNotice(socket: LiveClient): Promise<LiveAccessWithdrawn> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no withdrawn notice')), WITHIN_MS);
    socket.once('withdrawn', (notice) => {
      clearTimeout(timer);
      resolve(notice);
    });
  });
}

/** No update for the given scope within `ms` (heartbeats would bring one every 400 ms). */
async function silentFor(socket: LiveClient, scope: string, ms: number): Promise<void> {
  await expect(nextUpdate(socket, (snapshot) => snapshot.scope === scope, ms)).rejects.toThrow(
    /no matching update/,
  );
}

describe.each([
  { topology: 'two instances, one database, no Redis (re-checked every second)', redis: false },
  { topology: 'two instances with Redis (told at once; no re-check interval)', redis: true },
])('withdrawn access: $topology', ({ redis }) => {
  let a: TestApp;
  let b: TestApp;
  let redisServer: RedisServer | undefined;
  let admin: string;
  const sockets: LiveClient[] = [];
  const asAdmin = {
    patch: (path: string, body: object) =>
      a.http.patch(path).set('Authorization', `Bearer ${admin}`).send(body),
    post: (path: string, body: object) =>
      a.http.post(path).set('Authorization', `Bearer ${admin}`).send(body),
    delete: (path: string) => a.http.delete(path).set('Authorization', `Bearer ${admin}`),
  };
  const connect = async (app: TestApp, token: string) => {
    const socket = await connectLive(app.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    let env: Record<string, string> = liveEnv;
    if (redis) {
      // A Redis of the test's own, so no other test's instances talk to these.
      redisServer = new RedisServer(TEST_PORTS.revocationRedis + (process.pid % 90));
      await redisServer.start();
      // Only the message between instances can cut a socket within seconds: no re-check runs.
      env = { ...liveEnv, REDIS_URL: redisServer.url, ACCESS_RECHECK_MS: '60000' };
    }
    a = await startTestApp({ now: NOW, env });
    b = await startTestApp({ now: NOW, env, databaseUrl: a.databaseUrl });
    admin = await a.login('admin');
  });

  afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
  afterAll(async () => {
    await b.close();
    await a.close();
    for (const name of ['REDIS_URL', ...Object.keys(liveEnv)]) delete process.env[name];
    await redisServer?.kill();
  });

  it('cuts a revoked wall token on the other instance: REST 401 and the open socket', async () => {
    const issued = await asAdmin.post('/api/v1/admin/keys', { kind: 'wall', name: 'Tường IOC' });
    const { id, key } = issued.body as { id: number; key: string };
    const socket = await connect(b, key);
    await subscribe(socket, { window: 'today' });
    await nextUpdate(socket, () => true, 2_000);

    const cut = cutOff(socket);
    expect((await asAdmin.delete(`/api/v1/admin/keys/${id}`)).status).toBe(200);
    expect((await b.get('/api/v1/metrics/summary', key)).status).toBe(401);
    const { ms, notice } = await cut;
    expect(notice).toEqual({ status: 401, error: 'Your access was withdrawn' });
    expect(ms).toBeLessThan(WITHIN_MS);
    // And it cannot come back.
    await expect(connectLive(b.url, key)).rejects.toThrow(/revoked wall token/);
  });

  it('cuts a disabled user on both instances', async () => {
    const chief = await a.login('chief-690');
    const onA = await connect(a, chief);
    const onB = await connect(b, chief);
    const cuts = [cutOff(onA), cutOff(onB)];
    expect((await asAdmin.patch('/api/v1/admin/users/chief-690', { disabled: true })).status).toBe(
      200,
    );
    expect((await b.get('/api/v1/metrics/summary', chief)).status).toBe(401);
    for (const cut of await Promise.all(cuts)) expect(cut.ms).toBeLessThan(WITHIN_MS);
    await asAdmin.patch('/api/v1/admin/users/chief-690', { disabled: false });
  });

  it('re-scopes a leader made district chief: province refused on REST, and no more province updates', async () => {
    const username = redis ? 'demoted-r' : 'demoted';
    const created = await asAdmin.post('/api/v1/admin/users', {
      username,
      password: 'demo-password',
      role: 'leader',
    });
    expect(created.status).toBe(201);
    const token = await a.login(username, 'demo-password');
    const socket = await connect(b, token);
    await subscribe(socket, { window: 'today' });
    await subscribe(socket, { scope: '689', window: 'today' });
    await nextUpdate(socket, (snapshot) => snapshot.scope === '70', 2_000);

    const notice = withdrawnNotice(socket);
    // Awaited below; a failure before then must fail this test, not crash the run.
    notice.catch(() => undefined);
    const changed = await asAdmin.patch(`/api/v1/admin/users/${username}`, {
      role: 'district_chief',
      unitCode: '689',
    });
    expect(changed.body).toEqual({
      username,
      role: 'district_chief',
      unitCode: '689',
      agencyCode: null,
      disabled: false,
    });
    // REST follows at the next request, on either instance, with the token issued before.
    expect((await b.get('/api/v1/metrics/summary?scope=70', token)).status).toBe(403);
    expect((await b.get('/api/v1/metrics/summary?scope=689', token)).status).toBe(200);
    expect(await notice).toMatchObject({
      status: 403,
      subscription: { scope: '70', window: 'today' },
    });
    await silentFor(socket, '70', 1_500);
    // Its own unit goes on, now with the ranking a chief sees.
    const own = await nextUpdate(socket, (snapshot) => snapshot.scope === '689', 2_000);
    expect(own.scope).toBe('689');
    expect(socket.connected).toBe(true);
  });
});

describe('an expired login token', () => {
  it('is cut from the live stream once it expires, not left streaming', async () => {
    const t = await startTestApp({
      now: NOW,
      env: { ...liveEnv, ACCESS_RECHECK_MS: '500', JWT_TTL_SECONDS: '2' },
    });
    try {
      const token = await t.login('leader');
      const socket = await connectLive(t.url, token);
      await subscribe(socket, { window: 'today' });
      const started = performance.now();
      const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
      expect(reason).toBe('io server disconnect');
      // Two seconds of life, then at most one re-check interval (and some slack).
      expect(performance.now() - started).toBeLessThan(2_000 + WITHIN_MS);
      expect((await t.get('/api/v1/metrics/summary', token)).status).toBe(401);
    } finally {
      for (const name of [...Object.keys(liveEnv), 'JWT_TTL_SECONDS']) delete process.env[name];
      await t.close();
    }
  });
});
