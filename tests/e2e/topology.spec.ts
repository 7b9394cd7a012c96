import { Client } from 'pg';
import { cloneTemplate } from '../support/test-database';
import { ApiInstance, buildApi, startTopology, Topology, waitFor } from '../support/topology';
import { IngestLoop, post, receipts, Wall } from '../support/topology-traffic';
import { TEST_PORTS } from '../support/ports';

/**
 * The production topology (docker-compose.yml) proven on loopback: two built API instances
 * behind Debian's nginx running deploy/nginx.conf, socket.io between them through a Redis of the
 * test's own, one PostgreSQL database. Then the faults an operator meets: the database cut under
 * ingest, an instance killed under ingest, Redis stopped and started.
 */

const BASE = TEST_PORTS.topology;
/** A wall shows an event ingested anywhere within this (SPEC: live within a second). */
const LIVE_MS = 1_000;
/** The longest time between two updates of a wall (LIVE_HEARTBEAT_MS's default). */
const HEARTBEAT_MS = 10_000;

jest.setTimeout(180_000);

let topology: Topology;
let drop: () => Promise<void>;
let databaseUrl: string;
let adminToken: string;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function login(instance: ApiInstance): Promise<string> {
  const response = await fetch(`${instance.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function issueWallToken(instance: ApiInstance): Promise<{ id: number; key: string }> {
  const response = await fetch(`${instance.url}/api/v1/admin/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ kind: 'wall', name: `Topology wall ${Date.now()}` }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; key: string };
}

/** The instance nginx gave the wall(s) to, by each instance's own count of live clients. */
async function holderOf(clients: number): Promise<[ApiInstance, ApiInstance]> {
  const [a, b] = topology.instances;
  let counts: number[] = [];
  await waitFor('the wall counted by one instance', async () => {
    counts = await Promise.all([a, b].map((i) => i.metric('ioc_live_clients')));
    return counts.includes(clients);
  });
  return counts[0] === clients ? [a, b] : [b, a];
}

/** Which of `eventIds` the database holds, read on the server itself (not through the relay). */
async function stored(eventIds: string[]): Promise<Set<string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ event_id: string }>(
      'SELECT event_id FROM event WHERE event_id = ANY($1)',
      [eventIds],
    );
    return new Set(rows.map((row) => row.event_id));
  } finally {
    await client.end();
  }
}

async function expectAllKept(acknowledged: string[]): Promise<void> {
  const kept = await stored(acknowledged);
  expect(acknowledged.filter((id) => !kept.has(id))).toEqual([]);
}

/** Posts `n` receipts through `instance` and answers the count the wall must reach. */
async function ingestThrough(instance: { url: string }, wall: Wall, n = 5): Promise<number> {
  const before = wall.received;
  const answer = await post(instance.url, receipts(n));
  expect(answer.status).toBe(202);
  return before + n;
}

beforeAll(async () => {
  // The instances run what the Dockerfile runs: the built API, from the current sources.
  buildApi();
  const database = await cloneTemplate(process.env.IOC_TEST_SERVER_URL!);
  ({ url: databaseUrl, drop } = database);
  topology = await startTopology({ base: BASE, databaseUrl });
  adminToken = await login(topology.instances[0]);
}, 240_000);

afterAll(async () => {
  await topology?.close();
  await drop?.();
});

describe('two instances behind nginx (deploy/nginx.conf)', () => {
  let wall: Wall;
  let wallToken: string;

  beforeAll(async () => {
    wallToken = (await issueWallToken(topology.instances[0])).key;
    wall = new Wall(topology.nginx.url, wallToken);
    await wall.ready();
  });

  afterAll(() => wall?.close());

  it('serves the API through nginx, and keeps /metrics private', async () => {
    expect((await fetch(`${topology.nginx.url}/api/v1/client-config`)).status).toBe(200);
    expect((await fetch(`${topology.nginx.url}/metrics`)).status).toBe(404);
  });

  it('shows a wall on one instance the events ingested through the other within a second', async () => {
    const [holder, other] = await holderOf(1);
    for (let i = 0; i < 3; i++) {
      const total = await ingestThrough(other, wall);
      expect(await wall.shows(total, LIVE_MS)).toBeLessThan(LIVE_MS);
    }
    // And the other way round: the holder's own events.
    const total = await ingestThrough(holder, wall);
    expect(await wall.shows(total, LIVE_MS)).toBeLessThan(LIVE_MS);
  });

  it('keeps a wall on long polling (a proxy that drops WebSocket) on one instance', async () => {
    // socket.io's polling is many requests: nginx's ip_hash must send them all to one instance.
    const polling = new Wall(topology.nginx.url, wallToken, { transports: ['polling'] });
    try {
      await polling.ready();
      expect(polling.socket.io.engine.transport.name).toBe('polling');
      const [, other] = await holderOf(2);
      for (let i = 0; i < 3; i++) {
        const total = await ingestThrough(other, polling);
        // Long polling adds a request's round trip to each update: a little slower than WebSocket.
        await polling.shows(total, 3 * LIVE_MS);
      }
      expect(polling.connections).toBe(1);
    } finally {
      polling.close();
    }
  });

  it('cuts a revoked wall token on both instances within seconds, and refuses it after', async () => {
    const issued = await issueWallToken(topology.instances[0]);
    const throughNginx = new Wall(topology.nginx.url, issued.key);
    await throughNginx.ready();
    const [holder, other] = await holderOf(2);
    const direct = new Wall(other.url, issued.key);
    try {
      await direct.ready();
      const revoked = await fetch(`${holder.url}/api/v1/admin/keys/${issued.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(revoked.status).toBe(200);
      await waitFor('both walls cut', () => !!(throughNginx.closedBy && direct.closedBy), 3_000);
      for (const instance of topology.instances) {
        const rest = await fetch(`${instance.url}/api/v1/metrics/summary?window=today`, {
          headers: { authorization: `Bearer ${issued.key}` },
        });
        expect(rest.status).toBe(401);
      }
      const again = new Wall(topology.nginx.url, issued.key, { reconnection: false });
      const refused = await new Promise<string>((done) =>
        again.socket.once('connect_error', (e) => done(e.message)),
      );
      again.close();
      expect(refused).toMatch(/revoked/i);
    } finally {
      throughNginx.close();
      direct.close();
    }
  });

  it('logs each request once as a JSON line: method, route, status, time, ISO instant', async () => {
    const [a] = topology.instances;
    const probe = `probe-${Date.now()}`;
    const from = a.log.length;
    // A kiosk link's token is in its query: it must not reach the log.
    expect((await fetch(`${a.url}/api/v1/client-config?token=wall_${probe}`)).status).toBe(200);
    expect((await fetch(`${a.url}/api/v1/no-such-route-${probe}`)).status).toBe(404);
    await sleep(200);
    const lines = a.log.slice(from).filter((line) => line.req);
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain(`wall_${probe}`);
    expect(lines[0]).toMatchObject({
      level: 'info',
      route: '/api/v1/client-config',
      req: { method: 'GET', path: '/api/v1/client-config' },
      res: { statusCode: 200 },
      msg: expect.stringMatching(/^GET \/api\/v1\/client-config 200 \d+ ms$/) as string,
    });
    expect(lines[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(typeof lines[0].responseTime).toBe('number');
    expect(lines[1]).toMatchObject({
      level: 'warn',
      route: 'unmatched',
      res: { statusCode: 404 },
      msg: expect.stringMatching(
        new RegExp(`^GET /api/v1/no-such-route-${probe} 404 \\d+ ms$`),
      ) as string,
    });
    // Nothing in the log but JSON lines (the simulator's and Nest's included).
    expect(a.log.filter((line) => line.level === 'raw')).toEqual([]);
  });
});

describe('Redis stopped and started', () => {
  it('keeps each instance serving its own screens, then delivers across instances again', async () => {
    const token = (await issueWallToken(topology.instances[0])).key;
    const [a, b] = topology.instances;
    const walls = [new Wall(a.url, token), new Wall(b.url, token)];
    try {
      await Promise.all(walls.map((wall) => wall.ready()));
      await topology.redis.kill('SIGKILL');
      for (const [instance, wall] of [
        [a, walls[0]],
        [b, walls[1]],
      ] as const) {
        const total = await ingestThrough(instance, wall);
        // Either instance's projector may derive these events, and without Redis the other is
        // not told: its walls then catch up at the heartbeat (LIVE_HEARTBEAT_MS, 10 s).
        await wall.shows(total, HEARTBEAT_MS + 2 * LIVE_MS);
      }
      expect(a.pid && b.pid).toBeTruthy();
      await topology.redis.start();
      // Rejoined: events through B reach the wall on A again.
      await waitFor(
        'cross-instance delivery after Redis returned',
        async () => {
          const total = await ingestThrough(b, walls[0], 1);
          await walls[0].shows(total, LIVE_MS);
          return true;
        },
        20_000,
      );
    } finally {
      walls.forEach((wall) => wall.close());
    }
  });
});

describe('the database cut under ingest', () => {
  it('answers no 500, keeps every acknowledged event and resumes by itself', async () => {
    const [a, b] = topology.instances;
    let turn = 0;
    const loop = new IngestLoop(() => (turn++ % 2 ? a.url : b.url)).start();
    await sleep(1_500);
    await topology.database.stop();
    await sleep(3_000);
    await topology.database.start();
    // Resumed: acknowledged again through both instances.
    const before = loop.acknowledged.length;
    await waitFor(
      'ingest acknowledged again',
      () => loop.acknowledged.length > before + 100,
      30_000,
    );
    await loop.stop();

    const refused = [...loop.statuses.keys()].filter((status) => status !== 202);
    // The cut was felt (else this test proves nothing), and answered as unavailable, for a while.
    expect(refused).toEqual([503]);
    expect(loop.withoutRetryAfter).toBe(0);
    expect(a.pid && b.pid).toBeTruthy();
    await expectAllKept(loop.acknowledged);
  });
});

describe('an instance killed under ingest', () => {
  it('keeps the wall live on the other, loses no acknowledged event, and comes back', async () => {
    const token = (await issueWallToken(topology.instances[0])).key;
    const wall = new Wall(topology.nginx.url, token);
    try {
      await wall.ready();
      const [holder, other] = await holderOf(1);
      // Through nginx, so after the kill it sends the posts to the instance left.
      const loop = new IngestLoop(() => topology.nginx.url).start();
      await sleep(1_500);
      const connections = wall.connections;
      await holder.kill('SIGKILL');
      await waitFor(
        'the wall reconnected through nginx',
        () => wall.connections > connections,
        15_000,
      );
      const total = await ingestThrough(other, wall);
      await wall.shows(total, 3 * LIVE_MS);
      await sleep(1_500);
      await loop.stop();
      expect(loop.count(202)).toBeGreaterThan(20);
      await expectAllKept(loop.acknowledged);

      // Restarted (as docker-compose's restart policy does), it serves again.
      await holder.start();
      expect((await post(holder.url, receipts(3))).status).toBe(202);
    } finally {
      wall.close();
    }
  });
});
