/**
 * Production topology benchmark (issue 11). Prints its figures; see docs/benchmarks.md.
 *
 *   npm run bench:topology   (= nest build api && ts-node … tests/bench/topology-bench.ts)
 *
 * Two phases in one run, each on a fresh database (`ioc_topology_bench` on BENCH_DATABASE_URL,
 * else DATABASE_URL, else the local server), DEMO=on, SIMULATOR=off, LOG_LEVEL=warn:
 *
 * 1. one instance: the built API alone (no Redis, no nginx), clients and ingest straight to it;
 * 2. two instances: the topology the e2e test proves (tests/support/topology.ts): Debian's nginx
 *    running deploy/nginx.conf, two built API instances, a Redis of the benchmark's own. Walls and
 *    source systems come from different loopback networks (127.0.x.y), as walls in different
 *    offices would, so nginx's ip_hash spreads them over the two instances. At KILL_AT of the
 *    phase one instance is killed (SIGKILL); its walls reconnect through nginx to the other.
 *
 * In each phase TOPOLOGY_BENCH_CLIENTS socket.io clients (WebSocket, in worker threads) watch the
 * province's today, while `dossier.received` events dated now are posted at
 * TOPOLOGY_BENCH_RATE events/s (a batch every 100 ms). Event-to-screen: for every acknowledged
 * batch and every client, the time from the POST's send to the first update whose
 * summary.received.total reaches the count of receipts acknowledged when the batch's 202 arrived;
 * p50/p99 over (client, batch) pairs after the warm-up, a pair never seen counting as infinitely
 * late. Errors: answers other than 202 and requests with no answer. Lost: acknowledged events the
 * database does not hold at the end.
 *
 * Knobs: TOPOLOGY_BENCH_SECONDS (per phase, default 300), TOPOLOGY_BENCH_RATE (default 4000),
 * TOPOLOGY_BENCH_CLIENTS (default 1000), TOPOLOGY_BENCH_WARMUP (s, default 10),
 * TOPOLOGY_BENCH_KILL_AT (fraction of phase 2, default 0.6; 0 for no kill),
 * TOPOLOGY_BENCH_WORKERS (client threads, default 2), TOPOLOGY_BENCH_PHASES (default `one,two`),
 * TOPOLOGY_BENCH_MIX (`receipts`, the default: every event a new dossier; or `lifecycle`: half
 * receipts, half resolutions of the oldest of 20,000 open dossiers).
 * Ports `TEST_PORTS.topologyBench` … + 5.
 */
import { request as httpRequest, Agent } from 'node:http';
import { Worker } from 'node:worker_threads';
import { ApiInstance, startTopology, Topology } from '../support/topology';
import { DEMO_INGEST_KEY, receipts, resolutions } from '../support/topology-traffic';
import { BENCH_SERVER, databaseUrl, sql } from './bench-database';
import { loadAverage, machine } from './process-usage';
import { TEST_PORTS } from '../support/ports';

const DATABASE = 'ioc_topology_bench';
const BASE_PORT = TEST_PORTS.topologyBench;
const SECONDS = Number(process.env.TOPOLOGY_BENCH_SECONDS ?? 300);
const RATE = Number(process.env.TOPOLOGY_BENCH_RATE ?? 4_000);
const CLIENTS = Number(process.env.TOPOLOGY_BENCH_CLIENTS ?? 1_000);
const WARMUP_S = Number(process.env.TOPOLOGY_BENCH_WARMUP ?? 10);
const KILL_AT = Number(process.env.TOPOLOGY_BENCH_KILL_AT ?? 0.6);
const WORKERS = Number(process.env.TOPOLOGY_BENCH_WORKERS ?? 2);
const PHASES = (process.env.TOPOLOGY_BENCH_PHASES ?? 'one,two').split(',');
/**
 * `receipts`: every event a new dossier (the open stock grows by the whole rate). `lifecycle`:
 * receipts until OPEN_STOCK dossiers are open, then half receipts, half resolutions of the
 * oldest, as a province's desks run (the stock stays put).
 */
const MIX = process.env.TOPOLOGY_BENCH_MIX ?? 'receipts';
const OPEN_STOCK = 20_000;
const EVERY_MS = 100;
const BATCH = Math.max(1, Math.round((RATE * EVERY_MS) / 1000));
/** After the last batch, how long clients may still bring it in. */
const GRACE_MS = 5_000;
/** Walls and source systems on this many loopback networks (127.0.1.1 … 127.0.n.1). */
const NETWORKS = 16;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** Wall-clock milliseconds, comparable between worker threads. */
const now = () => performance.timeOrigin + performance.now();
const networkAddress = (i: number) => `127.0.${1 + (i % NETWORKS)}.1`;

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (value: number) =>
  Number.isNaN(value) ? '–' : Number.isFinite(value) ? `${Math.round(value)} ms` : '∞';

// ---------------------------------------------------------------------------------------------
// Walls: socket.io-client in worker threads, reconnecting and subscribing again by themselves

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { io } = require(workerData.ioPath);
const now = () => performance.timeOrigin + performance.now();
let clients = [];

function connect(url, token, localAddress) {
  return new Promise((resolve) => {
    const socket = io(url + '/live', { auth: { token }, transports: ['websocket'], localAddress,
      reconnectionDelay: 500, reconnectionDelayMax: 2000, timeout: 60000 });
    const client = { socket, times: [], totals: [], connects: 0, ready: false };
    const show = (s) => { client.times.push(now()); client.totals.push(s.summary.received.total); };
    socket.on('connect', () => {
      client.connects++;
      socket.timeout(60000).emit('subscribe', { window: 'today' }, (error, snapshot) => {
        if (error || !snapshot || snapshot.error) return client.ready || resolve(false);
        show(snapshot);
        if (!client.ready) { client.ready = true; resolve(true); }
      });
    });
    socket.on('update', show);
    clients.push(client);
  });
}

parentPort.on('message', async (m) => {
  if (m.type === 'connect') {
    let ok = 0, next = 0;
    await Promise.all(Array.from({ length: 25 }, async () => {
      while (next < m.addresses.length) if (await connect(m.url, m.token, m.addresses[next++])) ok++;
    }));
    parentPort.postMessage({ type: 'connected', ok, failed: m.addresses.length - ok });
  } else if (m.type === 'analyse') {
    // m.batches in the order their 202s came: targets only grow, one pass per client.
    const latencies = [];
    // Each batch's latest screen among this thread's walls (Infinity: one never showed it).
    const slowest = new Float64Array(m.batches.length);
    let missed = 0, reconnected = 0;
    for (const c of clients) {
      if (c.connects > 1) reconnected++;
      let u = 0;
      m.batches.forEach((b, i) => {
        while (u < c.totals.length && c.totals[u] < b.target) u++;
        const latency = u < c.totals.length ? Math.max(0, c.times[u] - b.sentAt) : Infinity;
        slowest[i] = Math.max(slowest[i], latency);
        if (b.sentAt < m.from) return;
        if (latency < Infinity) latencies.push(latency);
        else missed++;
      });
    }
    const lat = Float64Array.from(latencies);
    parentPort.postMessage({ type: 'analysed', latencies: lat, slowest, missed, reconnected }, [lat.buffer, slowest.buffer]);
  } else if (m.type === 'close') {
    for (const c of clients) c.socket.close();
    clients = [];
    parentPort.postMessage({ type: 'closed' });
  }
});
`;

class Walls {
  private readonly workers = Array.from(
    { length: WORKERS },
    () =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { ioPath: require.resolve('socket.io-client') },
      }),
  );

  private ask<T>(worker: Worker, message: object, reply: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const listener = (m: { type: string }) => {
        if (m.type !== reply) return;
        worker.off('message', listener);
        resolve(m as T);
      };
      worker.on('message', listener);
      worker.once('error', reject);
      worker.postMessage(message);
    });
  }

  async connect(url: string, token: string, spread: boolean): Promise<number> {
    const addresses = Array.from({ length: CLIENTS }, (_, i) =>
      spread ? networkAddress(i) : '127.0.0.1',
    );
    const replies = await Promise.all(
      this.workers.map((worker, w) =>
        this.ask<{ failed: number }>(
          worker,
          { type: 'connect', url, token, addresses: addresses.filter((_, i) => i % WORKERS === w) },
          'connected',
        ),
      ),
    );
    return replies.reduce((sum, r) => sum + r.failed, 0);
  }

  async analyse(batches: Batch[], from: number, until = Infinity) {
    type Reply = {
      latencies: Float64Array;
      slowest: Float64Array;
      missed: number;
      reconnected: number;
    };
    const window = batches.filter((b) => b.sentAt < until);
    const replies = await Promise.all(
      this.workers.map((w) =>
        this.ask<Reply>(w, { type: 'analyse', batches: window, from }, 'analysed'),
      ),
    );
    const missed = replies.reduce((a, r) => a + r.missed, 0);
    const all = new Float64Array(replies.reduce((a, r) => a + r.latencies.length, 0) + missed).fill(
      Infinity,
    );
    let offset = 0;
    for (const r of replies) {
      all.set(r.latencies, offset);
      offset += r.latencies.length;
    }
    all.sort();
    const slowest = window.map((batch, i) => ({
      batch,
      screenMs: Math.max(...replies.map((r) => r.slowest[i])),
    }));
    return {
      p50: percentile(all, 50),
      p99: percentile(all, 99),
      pairs: all.length,
      missed,
      reconnected: replies.reduce((a, r) => a + r.reconnected, 0),
      slowest: slowest.filter(({ batch }) => batch.sentAt >= from),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.ask(w, { type: 'close' }, 'closed')));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

// ---------------------------------------------------------------------------------------------
// Source systems: a batch every 100 ms, each from the next loopback network

interface Batch {
  sentAt: number;
  /** When its 202 came. */
  acknowledgedAt: number;
  /** Receipts acknowledged when this batch's 202 arrived (its own included). */
  target: number;
}

const agents = new Map<string, Agent>();
function postFrom(address: string, url: string, body: string): Promise<number> {
  let agent = agents.get(address);
  if (!agent) agents.set(address, (agent = new Agent({ keepAlive: true, localAddress: address })));
  return new Promise((resolve) => {
    const request = httpRequest(
      `${url}/api/v1/events`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-api-key': DEMO_INGEST_KEY },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.once('error', () => resolve(0));
    request.once('timeout', () => request.destroy());
    request.end(body);
  });
}

async function ingest(url: string, spread: boolean, seconds: number, onTick?: (t: number) => void) {
  const batches: Batch[] = [];
  const acknowledged: string[] = [];
  let receiptsAcknowledged = 0;
  /** Dossiers received and acknowledged, not resolved yet, oldest first. */
  const open: string[] = [];
  const statuses = new Map<number, number>();
  const inFlight = new Set<Promise<void>>();
  const started = now();
  for (let tick = 0; now() - started < seconds * 1000; tick++) {
    onTick?.(now() - started);
    const lifecycle = MIX === 'lifecycle';
    // Receipts alone until the open stock is there, then as many resolutions as receipts.
    const stocked = lifecycle && open.length > OPEN_STOCK;
    const received = receipts(stocked ? Math.ceil(BATCH / 2) : BATCH);
    const closing = stocked ? open.splice(0, BATCH - received.length) : [];
    const events = [...received, ...resolutions(closing)];
    const sentAt = now();
    const sent = postFrom(
      spread ? networkAddress(tick) : '127.0.0.1',
      url,
      JSON.stringify({ events }),
    ).then((status) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status !== 202) {
        open.unshift(...closing); // resolved later, by another batch
        return;
      }
      acknowledged.push(...events.map((e) => e.eventId));
      receiptsAcknowledged += received.length;
      if (lifecycle) open.push(...received.map((e) => e.dossierId));
      batches.push({ sentAt, acknowledgedAt: now(), target: receiptsAcknowledged });
    });
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
    // Paced on the clock: a slow answer does not slow the sending.
    await sleep(Math.max(0, started + (tick + 1) * EVERY_MS - now()));
  }
  await Promise.all(inFlight);
  return { batches, acknowledged, statuses, started };
}

// ---------------------------------------------------------------------------------------------

async function freshDatabase(): Promise<string> {
  await sql(BENCH_SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await sql(BENCH_SERVER, `CREATE DATABASE ${DATABASE}`);
  return databaseUrl(DATABASE);
}

async function lost(acknowledged: string[]): Promise<number> {
  const stored = new Set(
    (await sql<{ event_id: string }>(databaseUrl(DATABASE), 'SELECT event_id FROM event')).map(
      (row) => row.event_id,
    ),
  );
  return acknowledged.filter((id) => !stored.has(id)).length;
}

async function wallToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const issued = await fetch(`${url}/api/v1/admin/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ kind: 'wall', name: 'Topology benchmark' }),
  });
  return ((await issued.json()) as { key: string }).key;
}

const ENV = { LOG_LEVEL: 'warn', INGEST_RATE_LIMIT: '1000' };

/** Where an instance's time went: projection passes and live ticks, and the queue left. */
async function workDone(instance: ApiInstance): Promise<string> {
  const histogram = async (name: string) => {
    const count = await instance.metric(`${name}_count`);
    const sum = await instance.metric(`${name}_sum`);
    return `${count} (mean ${ms(count ? (sum * 1000) / count : NaN)}, ${Math.round(sum)} s in all)`;
  };
  return (
    `projection passes ${await histogram('ioc_projection_pass_duration_seconds')}, ` +
    `live ticks ${await histogram('ioc_live_tick_duration_seconds')}, ` +
    `queue left ${await instance.metric('ioc_projection_queue_dossiers')} dossiers ` +
    `(oldest ${await instance.metric('ioc_projection_queue_oldest_seconds')} s)`
  );
}

/**
 * The batches whose last wall saw them latest, by when they were sent in the phase: how long
 * their POST took to be acknowledged tells a slow ingest from a slow projection or tick.
 */
function slowestMoments(batches: { batch: Batch; screenMs: number }[], started: number): string {
  return [...batches]
    .sort((a, b) => b.screenMs - a.screenMs)
    .slice(0, 5)
    .map(
      ({ batch, screenMs }) =>
        `${((batch.sentAt - started) / 1000).toFixed(1)} s (202 after ${ms(batch.acknowledgedAt - batch.sentAt)}, last wall ${ms(screenMs)})`,
    )
    .join(', ');
}

async function phase(label: string, two: boolean): Promise<void> {
  const databaseUrlOfPhase = await freshDatabase();
  let topology: Topology | undefined;
  let single: ApiInstance | undefined;
  let url: string;
  if (two) {
    topology = await startTopology({ base: BASE_PORT, databaseUrl: databaseUrlOfPhase, env: ENV });
    url = topology.nginx.url;
  } else {
    single = new ApiInstance('api', BASE_PORT + 5, {
      ...ENV,
      DATABASE_URL: databaseUrlOfPhase,
      DEMO: 'on',
      SIMULATOR: 'off',
    });
    await single.start();
    url = single.url;
  }
  const walls = new Walls();
  try {
    const token = await wallToken(two ? topology!.instances[0].url : url);
    const failed = await walls.connect(url, token, two);
    const spread = two
      ? await Promise.all(topology!.instances.map((i) => i.metric('ioc_live_clients')))
      : [CLIENTS - failed];
    console.log(
      `\n${label}: ${CLIENTS - failed} walls connected (${failed} failed; per instance ${spread.join(' / ')})`,
    );
    let killedAt = Infinity;
    let killing: Promise<void> | undefined;
    const run = await ingest(url, two, SECONDS, (t) => {
      if (two && KILL_AT > 0 && !killing && t >= KILL_AT * SECONDS * 1000) {
        killedAt = now();
        killing = topology!.instances[0].kill('SIGKILL');
      }
    });
    await killing;
    await sleep(GRACE_MS);
    const from = run.started + WARMUP_S * 1000;
    const steady = await walls.analyse(run.batches, from, killedAt);
    const errors = [...run.statuses].filter(([status]) => status !== 202);
    const sent = [...run.statuses.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  ${SECONDS} s at ${RATE} events/s (${BATCH} a batch, ${MIX}): ${run.acknowledged.length} events acknowledged in ${run.statuses.get(202) ?? 0}/${sent} batches; ` +
        `errors ${errors.map(([s, n]) => `${s || 'no answer'}×${n}`).join(', ') || 'none'}`,
    );
    console.log(
      `  event-to-screen${killedAt < Infinity ? ' before the kill' : ''}: p50 ${ms(steady.p50)}, p99 ${ms(steady.p99)} over ${steady.pairs} (wall, batch) pairs, ${steady.missed} never shown`,
    );
    console.log(`  slowest batches: ${slowestMoments(steady.slowest, run.started)}`);
    if (killedAt < Infinity) {
      const after = await walls.analyse(
        run.batches.filter((b) => b.sentAt >= killedAt),
        killedAt,
      );
      const settled = await walls.analyse(
        run.batches.filter((b) => b.sentAt >= killedAt + 10_000),
        killedAt + 10_000,
      );
      console.log(
        `  api-1 killed (SIGKILL) at ${Math.round((killedAt - run.started) / 1000)} s: ${after.reconnected} walls reconnected; ` +
          `event-to-screen after it p50 ${ms(after.p50)}, p99 ${ms(after.p99)} (${after.missed} never shown); from 10 s after it p50 ${ms(settled.p50)}, p99 ${ms(settled.p99)}`,
      );
    }
    for (const instance of two ? topology!.instances.slice(1) : [single!])
      console.log(`  ${instance.name}: ${await workDone(instance)}`);
    console.log(
      `  acknowledged events lost: ${await lost(run.acknowledged)}; load ${loadAverage()}`,
    );
  } finally {
    await walls.close();
    await topology?.close();
    await single?.kill();
    for (const agent of agents.values()) agent.destroy();
    agents.clear();
  }
}

async function main(): Promise<void> {
  // The single instance uses socket.io's in-memory adapter; the topology sets its own Redis.
  delete process.env.REDIS_URL;
  // Production servers vacuum by themselves; a CI server may not (this machine's does not).
  const [{ autovacuum }] = await sql<{ autovacuum: string }>(BENCH_SERVER, 'SHOW autovacuum');
  console.log(`Topology benchmark — ${machine()}; PostgreSQL autovacuum ${autovacuum}`);
  console.log(
    `${CLIENTS} walls, ${RATE} events/s (${MIX}) for ${SECONDS} s a phase (warm-up ${WARMUP_S} s)`,
  );
  if (PHASES.includes('one')) await phase('one instance (no nginx, no Redis)', false);
  if (PHASES.includes('two')) await phase('two instances behind nginx with Redis', true);
  await sql(BENCH_SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
