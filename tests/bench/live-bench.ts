/**
 * Live stream benchmark (issue 3). Prints its figures; see docs/benchmarks.md.
 *
 *   npm run bench:live          (= nest build api && ts-node … tests/bench/live-bench.ts)
 *
 * Every phase starts the built API (dist/apps/api/main.js) as a child process on a fresh
 * database (`ioc_live_bench` on BENCH_DATABASE_URL, else DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres; DEMO=on, SIMULATOR=off, LIVE_TICK_MS 250), so
 * that every phase sees the same data volume, connects its clients, then posts
 * `dossier.received` events dated now at 2,000 events/s (200 every 100 ms, paced on the clock)
 * while real socket.io clients (transports ['websocket']) watch /live. The clients run in worker
 * threads of this process, so that parsing their updates does not delay the ingest pacing.
 *
 * 1. Event-to-screen latency: for every event batch and every client whose room the batch
 *    touches, the time from the POST's send to the first `update` whose summary.received.total
 *    includes the batch (the room's cumulative count when the batch's 202 arrived). p50/p99 over
 *    (client, batch) pairs, the warm-up left out; a pair never seen counts as infinitely late.
 * 2. Work at 0, 10 and 500 clients on the same 10 rooms: the API process's CPU time
 *    (/proc/<pid>/stat utime+stime), the CPU time of the database backends serving it, and the
 *    computations per room per second (distinct `seq` values seen per room).
 * 3. Capacity: clients stepped up (1000, 2000, 3000, …) while p99 stays under 1 s.
 *
 * 4. With LIVE_BENCH_UNITS=168: after the 500-client phase on Bình Phước (11 districts ranked),
 *    the same 500 clients on Đồng Nai 2025 grown to 168 communes (synthetic-province.ts), every
 *    snapshot carrying the 168-row ranking: p99 event-to-screen of both, side by side. Only
 *    phases 1 and 4 run (no capacity steps).
 *
 * Knobs: LIVE_BENCH_RATE (events/s, default 2000), LIVE_BENCH_SECONDS (per phase, default 40),
 * LIVE_BENCH_WARMUP (s, default 5), LIVE_BENCH_STEPS (default 1000,2000,3000,4000,5000,6000,8000),
 * LIVE_BENCH_WORKERS (client threads, default 2), LIVE_BENCH_ROOMS (the first n of the 10 rooms),
 * LIVE_BENCH_DATABASE (default ioc_live_bench), LIVE_BENCH_PORT (first of 300 ports, default
 * `TEST_PORTS.liveBench`).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { binhPhuocDirectory } from '@ioc/domain/demo';
import { syntheticAdditions, syntheticDirectory } from '../support/synthetic-province';
import { backendCpu, BENCH_SERVER, databaseUrl, sql } from './bench-database';
import { cpuMs, loadAverage, machine } from './process-usage';
import { TEST_PORTS } from '../support/ports';

/** A database and ports of its own (LIVE_BENCH_DATABASE, LIVE_BENCH_PORT): the machine is shared. */
const DATABASE = process.env.LIVE_BENCH_DATABASE ?? 'ioc_live_bench';
const BASE_PORT = Number(process.env.LIVE_BENCH_PORT ?? TEST_PORTS.liveBench);
/** Our own range of 300 ports; the next free one if something holds ours (e.g. an outgoing connection). */
let port = BASE_PORT + (process.pid % 300);
const origin = () => `http://127.0.0.1:${port}`;
const base = () => `${origin()}/api/v1`;
const TICK_MS = 250;
const EVERY_MS = 100;
const RATE = Number(process.env.LIVE_BENCH_RATE ?? 2_000);
const BATCH = Math.max(1, Math.round((RATE * EVERY_MS) / 1000));
const SECONDS = Number(process.env.LIVE_BENCH_SECONDS ?? 40);
const WARMUP_S = Number(process.env.LIVE_BENCH_WARMUP ?? 5);
const STEPS = (process.env.LIVE_BENCH_STEPS ?? '1000,2000,3000,4000,5000,6000,8000')
  .split(',')
  .map(Number)
  .filter(Boolean);
const WORKERS = Number(process.env.LIVE_BENCH_WORKERS ?? 2);
/** After the last batch, how long clients may still bring it in. */
const GRACE_MS = 5_000;
/** Latency is also reported per slice of the phase: the live computation's cost grows with the day's events. */
const SEGMENT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Wall-clock milliseconds, comparable between worker threads. */
const now = () => performance.timeOrigin + performance.now();

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (value: number) =>
  Number.isNaN(value) ? '–' : Number.isFinite(value) ? `${Math.round(value)} ms` : '∞';

// ---------------------------------------------------------------------------------------------
// Rooms and events

/** The directory the phases run on: Bình Phước, or Đồng Nai grown to LIVE_BENCH_UNITS communes. */
interface BenchDirectory {
  units: { code: string; level: string; parentCode: string | null }[];
  procedures: { code: string; agencyKind?: string }[];
}
const GROWN_UNITS = process.env.LIVE_BENCH_UNITS ? Number(process.env.LIVE_BENCH_UNITS) : 0;
let demoProvince = 'binh-phuoc-2021';

interface Room {
  scope: string;
  window: 'today' | 'week' | 'month' | 'year';
}
let parentOf = new Map<string, string | null>();
let province = '';
let communes: string[] = [];
let procedures: string[] = [];
let ROOMS: Room[] = [];

function useDirectory(directory: BenchDirectory, name: string): void {
  demoProvince = name;
  const units = directory.units;
  parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
  province = units.find((u) => u.level === 'province')!.code;
  // The units right below the province: districts, or communes in a two-tier province.
  const ranked = units.filter((u) => u.parentCode === province).map((u) => u.code);
  communes = units.filter((u) => u.level === 'commune').map((u) => u.code);
  procedures = directory.procedures
    .filter((p) => p.agencyKind === 'commune_committee')
    .map((p) => p.code);
  /** Room 0 is what the walls watch; the nine others are spread over units and windows. */
  const allRooms: Room[] = [
    { scope: province, window: 'today' },
    { scope: province, window: 'week' },
    { scope: province, window: 'month' },
    { scope: province, window: 'year' },
    { scope: ranked[0], window: 'today' },
    { scope: ranked[1], window: 'today' },
    { scope: ranked[2], window: 'today' },
    { scope: ranked[3], window: 'week' },
    { scope: ranked[4], window: 'month' },
    { scope: ranked[5], window: 'year' },
  ];
  /** LIVE_BENCH_ROOMS=1: every client on the province's today, to see the cost of sending alone. */
  ROOMS = allRooms.slice(0, Number(process.env.LIVE_BENCH_ROOMS ?? allRooms.length));
}
useDirectory(binhPhuocDirectory, 'binh-phuoc-2021');
const roomLabel = (r: Room) => `${r.scope}/${r.window}`;

/** How many clients each room holds at `total` clients: 1 each at 10, else 80 % on room 0. */
function plan(total: number): number[] {
  const counts = ROOMS.map(() => 0);
  if (!total) return counts;
  if (ROOMS.length === 1) return [total];
  const others = total <= ROOMS.length ? total - 1 : Math.round(total / 5);
  for (let i = 0; i < others; i++) counts[1 + (i % (ROOMS.length - 1))]++;
  counts[0] = total - others;
  return counts;
}

const runId = Date.now().toString(36);
let batchNo = 0;

/** One batch of receipts dated now, one after another over the communes of the province. */
function batch(): { events: object[]; perRoom: number[] } {
  const n = batchNo++;
  const at = new Date().toISOString();
  const perRoom = ROOMS.map(() => 0);
  const events = Array.from({ length: BATCH }, (_, i) => {
    const unit = communes[(n * BATCH + i) % communes.length];
    const district = parentOf.get(unit);
    ROOMS.forEach(
      (room, r) =>
        (room.scope === province || room.scope === district || room.scope === unit) && perRoom[r]++,
    );
    return {
      eventId: `live-${runId}-${n}-${i}`,
      type: 'dossier.received',
      occurredAt: at,
      dossierId: `live-${runId}-${n}-${i}`,
      procedureCode: procedures[(n + i) % procedures.length],
      agencyCode: `UBND-${unit}`,
      unitCode: unit,
      channel: i % 3 === 0 ? 'direct' : 'online',
      feeVnd: 0,
      componentsTotal: 2,
      componentsDigitized: 2,
    };
  });
  return { events, perRoom };
}

// ---------------------------------------------------------------------------------------------
// Clients: socket.io-client in worker threads

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { io } = require(workerData.ioPath);
const now = () => performance.timeOrigin + performance.now();
let clients = [];
let recording = false;
let sampled;
let updateBytes = [];
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

function connect(url, token, room, rooms) {
  return new Promise((resolve) => {
    const socket = io(url + '/live', { auth: { token }, transports: ['websocket'], reconnection: false, timeout: 60000 });
    const client = { socket, room, times: [], totals: [], seqs: [], lastSeq: 0, gaps: 0, updates: 0, dropped: false };
    const fail = (why) => { socket.close(); resolve({ ok: false, why: String((why && why.message) || why) }); };
    socket.once('connect_error', fail);
    socket.once('connect', () => {
      socket.timeout(60000).emit('subscribe', rooms[room], (error, snapshot) => {
        if (error || !snapshot || snapshot.error) return fail(error || (snapshot && snapshot.error) || 'no snapshot');
        client.lastSeq = snapshot.seq;
        socket.on('update', (s) => {
          client.updates++;
          // One client per thread weighs what arrives (stringifying for all would load the thread).
          if (recording && client === sampled) updateBytes.push(JSON.stringify(s).length);
          if (s.seq !== client.lastSeq + 1) client.gaps++;
          client.lastSeq = s.seq;
          if (!recording) return;
          client.times.push(now());
          client.totals.push(s.summary.received.total);
          client.seqs.push(s.seq);
        });
        socket.on('disconnect', () => (client.dropped = true));
        if (!sampled && room === 0) sampled = client;
        clients.push(client);
        resolve({ ok: true, size: JSON.stringify(snapshot).length });
      });
    });
  });
}

parentPort.on('message', async (m) => {
  if (m.type === 'connect') {
    const results = [];
    let next = 0;
    await Promise.all(Array.from({ length: m.concurrency }, async () => {
      while (next < m.rooms.length) results.push(await connect(m.url, m.token, m.rooms[next++], m.roomDefs));
    }));
    const failed = results.filter((r) => !r.ok);
    parentPort.postMessage({ type: 'connected', ok: results.length - failed.length, failed: failed.length,
      why: failed.slice(0, 3).map((r) => r.why), size: (results.find((r) => r.ok) || { size: 0 }).size });
  } else if (m.type === 'record') {
    for (const c of clients) { c.times = []; c.totals = []; c.seqs = []; c.gaps = 0; c.updates = 0; }
    updateBytes = [];
    loop.reset();
    recording = true;
    parentPort.postMessage({ type: 'recording' });
  } else if (m.type === 'analyse') {
    recording = false;
    // m.batches: [{ sentAt, targets: cumulative per room at its 202, touches: per room }]
    const latencies = [];
    const segments = [];
    let missed = 0, gaps = 0, updates = 0, dropped = 0;
    const seqsPerRoom = m.bases.map(() => new Set());
    for (const c of clients) {
      gaps += c.gaps; updates += c.updates; if (c.dropped) dropped++;
      for (let i = 0; i < c.seqs.length; i++) if (c.times[i] >= m.from && c.times[i] < m.to) seqsPerRoom[c.room].add(c.seqs[i]);
      let u = 0;
      for (const b of m.batches) {
        if (!b.touches[c.room]) continue;
        // Targets and totals only grow: one pass over the client's updates.
        const target = m.bases[c.room] + b.targets[c.room];
        while (u < c.totals.length && c.totals[u] < target) u++;
        if (u < c.totals.length) {
          latencies.push(Math.max(0, c.times[u] - b.sentAt));
          segments.push(Math.floor((b.sentAt - m.from) / m.segmentMs));
        } else missed++;
      }
    }
    const lat = Float64Array.from(latencies);
    const seg = Uint16Array.from(segments);
    parentPort.postMessage({ type: 'analysed', latencies: lat, segments: seg, missed, gaps, updates, dropped,
      seqsPerRoom: seqsPerRoom.map((s) => s.size), updateBytes, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 },
      [lat.buffer, seg.buffer]);
  } else if (m.type === 'close') {
    for (const c of clients) c.socket.close();
    clients = [];
    sampled = undefined;
    parentPort.postMessage({ type: 'closed' });
  }
});
`;

interface Analysis {
  latencies: Float64Array;
  segments: { p50: number; p99: number }[];
  missed: number;
  gaps: number;
  updates: number;
  dropped: number;
  seqsPerRoom: number[];
  /** Sizes (JSON characters) of the updates one client of room 0 received. */
  updateBytes: number[];
  loopP99: number;
  loopMax: number;
}

class ClientPool {
  private readonly workers: Worker[];
  private counts = ROOMS.map(() => 0);
  snapshotBytes = 0;

  constructor(size: number) {
    const ioPath = require.resolve('socket.io-client');
    this.workers = Array.from(
      { length: size },
      () => new Worker(WORKER_SOURCE, { eval: true, workerData: { ioPath } }),
    );
  }

  get total(): number {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  private ask<T>(worker: Worker, message: object, reply: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const listener = (m: { type: string }) => {
        if (m.type !== reply) return;
        worker.off('message', listener);
        worker.off('error', reject);
        resolve(m as T);
      };
      worker.on('message', listener);
      worker.once('error', reject);
      worker.postMessage(message);
    });
  }

  /** Connects and subscribes clients until there are `total`, spread as plan() says. */
  async grow(total: number, token: string): Promise<{ failed: number; why: string[] }> {
    const target = plan(total);
    const add: number[] = [];
    target.forEach((count, room) => {
      for (let i = this.counts[room]; i < count; i++) add.push(room);
    });
    // Interleaved, so that every worker holds its share of every room.
    const shares = this.workers.map((): number[] => []);
    add.forEach((room, i) => shares[i % shares.length].push(room));
    const results = await Promise.all(
      this.workers.map((worker, w) =>
        this.ask<{ failed: number; why: string[]; size: number }>(
          worker,
          {
            type: 'connect',
            url: origin(),
            token,
            rooms: shares[w],
            roomDefs: ROOMS,
            concurrency: 25,
          },
          'connected',
        ),
      ),
    );
    this.counts = target;
    this.snapshotBytes = Math.max(this.snapshotBytes, ...results.map((r) => r.size));
    return {
      failed: results.reduce((a, r) => a + r.failed, 0),
      why: results.flatMap((r) => r.why),
    };
  }

  async record(): Promise<void> {
    await Promise.all(this.workers.map((w) => this.ask(w, { type: 'record' }, 'recording')));
  }

  async analyse(batches: object[], bases: number[], from: number, to: number): Promise<Analysis> {
    type Reply = Omit<Analysis, 'segments'> & { segments: Uint16Array };
    const message = { type: 'analyse', batches, bases, from, to, segmentMs: SEGMENT_MS };
    const replies = await Promise.all(
      this.workers.map((w) => this.ask<Reply>(w, message, 'analysed')),
    );
    const missed = replies.reduce((a, r) => a + r.missed, 0);
    // A pair never seen counts as infinitely late.
    const all = new Float64Array(replies.reduce((a, r) => a + r.latencies.length, 0) + missed).fill(
      Infinity,
    );
    const bySegment: number[][] = [];
    let offset = 0;
    for (const r of replies) {
      all.set(r.latencies, offset);
      offset += r.latencies.length;
      r.segments.forEach((segment, i) => (bySegment[segment] ??= []).push(r.latencies[i]));
    }
    all.sort();
    return {
      latencies: all,
      segments: [...bySegment].map((values) => {
        const sorted = (values ?? []).sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      }),
      missed,
      gaps: replies.reduce((a, r) => a + r.gaps, 0),
      updates: replies.reduce((a, r) => a + r.updates, 0),
      dropped: replies.reduce((a, r) => a + r.dropped, 0),
      // Every worker holds clients of every room (above 10 clients): the largest count is the room's.
      seqsPerRoom: ROOMS.map((_, room) => Math.max(...replies.map((r) => r.seqsPerRoom[room]))),
      updateBytes: replies.flatMap((r) => r.updateBytes),
      loopP99: Math.max(...replies.map((r) => r.loopP99)),
      loopMax: Math.max(...replies.map((r) => r.loopMax)),
    };
  }

  async closeClients(): Promise<void> {
    await Promise.all(
      this.workers.map((w) => this.ask(w, { type: 'close' }, 'closed').catch(() => undefined)),
    );
    this.counts = ROOMS.map(() => 0);
  }

  async close(): Promise<void> {
    await this.closeClients();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

// ---------------------------------------------------------------------------------------------
// The API and its CPU

async function startApi(): Promise<ChildProcess> {
  await sql(BENCH_SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await sql(BENCH_SERVER, `CREATE DATABASE ${DATABASE}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl(DATABASE),
    DEMO: 'on',
    DEMO_PROVINCE: demoProvince,
    SIMULATOR: 'off',
    LOG_LEVEL: 'warn',
    LIVE_TICK_MS: String(TICK_MS),
  };
  delete env.REDIS_URL; // one instance, in-memory adapter
  port = await freePort(port);
  env.PORT = String(port);
  const api = spawn('node', ['dist/apps/api/main.js'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  api.once('exit', () => (exited = true));
  for (let i = 0; i < 120 && !exited; i++) {
    const up = await fetch(`${base()}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return api;
    await sleep(500);
  }
  await stopApi(api);
  throw new Error(exited ? 'API exited at start' : 'API did not start');
}

async function freePort(from: number): Promise<number> {
  const free = (candidate: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(candidate, () => server.close(() => resolve(true)));
    });
  for (let i = 0; i < 300; i++) {
    const candidate = BASE_PORT + ((from - BASE_PORT + i) % 300);
    if (await free(candidate)) return candidate;
  }
  throw new Error(`no free port in ${BASE_PORT}–${BASE_PORT + 299}`);
}

async function stopApi(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  if (api.exitCode === null && api.signalCode === null) {
    api.kill('SIGKILL');
    await exited;
  }
}

async function login(username = 'leader'): Promise<string> {
  const response = await fetch(`${base()}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!response.ok) throw new Error(`login ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Grows the running Đồng Nai demo to GROWN_UNITS communes, as an operator's import would. */
async function growDirectory(): Promise<void> {
  const response = await fetch(`${base()}/directory/import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await login('admin')}`,
    },
    body: JSON.stringify(syntheticAdditions(GROWN_UNITS)),
  });
  if (!response.ok) throw new Error(`directory import ${response.status}`);
}

function dbCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, value] of after) total += value - (before.get(pid) ?? 0);
  return total;
}

// ---------------------------------------------------------------------------------------------
// One phase: fresh database and API, clients connected, ingest for SECONDS while they watch.

interface PhaseResult {
  clients: number;
  p50: number;
  p99: number;
  max: number;
  pairs: number;
  segments: { p50: number; p99: number }[];
  missed: number;
  gaps: number;
  dropped: number;
  eventsPerSecond: number;
  receivedToday: number;
  apiCpuMsPerS: number;
  dbCpuMsPerS: number;
  benchCpuMsPerS: number;
  computationsPerRoomPerS: number[];
  updatesPerClientPerS: number;
  /** Mean size of an update of room 0, and how much a client of it received per second. */
  updateBytesMean: number;
  bytesPerClientPerS: number;
  loopP99: number;
  loopMax: number;
  postP99: number;
  rejected: number;
  connectSeconds: number;
  load: string;
}

async function phase(pool: ClientPool, clients: number): Promise<PhaseResult | { failed: string }> {
  const api = await startApi();
  try {
    if (demoProvince === 'dong-nai-2025') await growDirectory();
    const token = await login();
    const connectStarted = performance.now();
    const grown = await pool.grow(clients, token);
    if (grown.failed)
      return {
        failed: `${grown.failed} of ${clients} clients failed to connect (${grown.why.join('; ')})`,
      };
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await sleep(2_000);

    // The rooms' counts before: the REST figures, computed as the live snapshots are.
    const bases = await Promise.all(
      ROOMS.map(async (room) => {
        const response = await fetch(
          `${base()}/metrics/summary?scope=${room.scope}&window=${room.window}`,
          {
            headers: { authorization: `Bearer ${token}` },
          },
        );
        if (!response.ok) throw new Error(`summary ${roomLabel(room)}: ${response.status}`);
        return ((await response.json()) as { received: { total: number } }).received.total;
      }),
    );
    await pool.record();
    const recordedFrom = now();

    const committed = ROOMS.map(() => 0);
    const batches: { sentAt: number; targets: number[]; touches: boolean[] }[] = [];
    const postTimes: number[] = [];
    let rejected = 0;
    let accepted = 0;
    let failure: Error | undefined;
    const inFlight = new Set<Promise<void>>();
    const started = now();
    const measureFrom = started + WARMUP_S * 1000;
    let cpuFrom = { api: 0, db: new Map<number, number>(), bench: process.cpuUsage() };
    let sent = 0;
    let measured = false;

    const post = () => {
      const { events, perRoom } = batch();
      const sentAt = now();
      const promise = fetch(`${base()}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'demo-ingest-key' },
        body: JSON.stringify({ events }),
      })
        .then(async (r) => {
          if (r.status !== 202) throw new Error(`ingest ${r.status} ${await r.text()}`);
          const result = (await r.json()) as { accepted: number; rejected: unknown[] };
          accepted += result.accepted;
          rejected += result.rejected.length;
          perRoom.forEach((count, room) => (committed[room] += count));
          postTimes.push(now() - sentAt);
          if (sentAt >= measureFrom)
            batches.push({ sentAt, targets: [...committed], touches: perRoom.map((c) => c > 0) });
        })
        .catch((error: Error) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    };

    // Paced on the clock, not on the answers: a slow answer does not slow the rate down.
    while (now() - started < SECONDS * 1000 && !failure) {
      if (!measured && now() >= measureFrom) {
        measured = true;
        cpuFrom = {
          api: cpuMs(api.pid!),
          db: await backendCpu(DATABASE),
          bench: process.cpuUsage(),
        };
      }
      post();
      await sleep(Math.max(0, started + ++sent * EVERY_MS - now()));
    }
    const ended = now();
    const cpuTo = {
      api: cpuMs(api.pid!),
      db: await backendCpu(DATABASE),
      bench: process.cpuUsage(cpuFrom.bench),
    };
    await Promise.all(inFlight);
    if (failure) throw failure;
    await sleep(GRACE_MS);
    const seconds = (ended - measureFrom) / 1000;
    const recordedSeconds = (now() - recordedFrom) / 1000;
    const result = await pool.analyse(batches, bases, measureFrom, ended);
    postTimes.sort((a, b) => a - b);
    return {
      clients: pool.total,
      p50: percentile(result.latencies, 50),
      p99: percentile(result.latencies, 99),
      max: result.latencies.length ? result.latencies[result.latencies.length - 1] : NaN,
      pairs: result.latencies.length,
      segments: result.segments,
      missed: result.missed,
      gaps: result.gaps,
      dropped: result.dropped,
      eventsPerSecond: accepted / ((ended - started) / 1000),
      receivedToday: bases[0] + committed[0],
      apiCpuMsPerS: (cpuTo.api - cpuFrom.api) / seconds,
      dbCpuMsPerS: dbCpuSince(cpuFrom.db, cpuTo.db) / seconds,
      benchCpuMsPerS: (cpuTo.bench.user + cpuTo.bench.system) / 1000 / seconds,
      computationsPerRoomPerS: result.seqsPerRoom.map((count) => count / seconds),
      updatesPerClientPerS: pool.total
        ? result.updates / pool.total / ((now() - started) / 1000)
        : 0,
      updateBytesMean: sum(result.updateBytes) / result.updateBytes.length,
      // One sampled client per thread, over the whole recording (warm-up and grace included).
      bytesPerClientPerS: sum(result.updateBytes) / WORKERS / recordedSeconds,
      loopP99: result.loopP99,
      loopMax: result.loopMax,
      postP99: percentile(postTimes, 99),
      rejected,
      connectSeconds,
      load: loadAverage(),
    };
  } finally {
    await pool.closeClients();
    await stopApi(api);
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function print(label: string, r: PhaseResult): void {
  const comps = r.computationsPerRoomPerS;
  const lines = [
    `${label}: ${r.clients} clients (connected and subscribed in ${r.connectSeconds.toFixed(1)} s); load ${r.load}`,
    `  latency p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)} over ${r.pairs} (client, batch) pairs` +
      `${r.missed ? `, ${r.missed} never seen (counted ∞)` : ''}; per ${SEGMENT_MS / 1000} s from the end of the warm-up: ` +
      r.segments.map((s) => `${ms(s.p50)}/${ms(s.p99)}`).join(', '),
    `  ingest ${Math.round(r.eventsPerSecond)} events/s (POST p99 ${ms(r.postP99)}${r.rejected ? `, ${r.rejected} rejected` : ''}), ` +
      `${r.receivedToday.toLocaleString('en')} received today at the end`,
    `  CPU: API ${Math.round(r.apiCpuMsPerS)} ms/s (${Math.round((r.apiCpuMsPerS * TICK_MS) / 1000)} ms per ${TICK_MS} ms tick), ` +
      `database backends ${Math.round(r.dbCpuMsPerS)} ms/s, bench process (clients + driver) ${Math.round(r.benchCpuMsPerS)} ms/s`,
    `  computations ${sum(comps).toFixed(2)}/s over ${ROOMS.length} rooms: ${comps.map((c, i) => `${roomLabel(ROOMS[i])} ${c.toFixed(2)}`).join(', ')}`,
    `  updates per client ${r.updatesPerClientPerS.toFixed(2)}/s; seq gaps ${r.gaps}; dropped ${r.dropped}; ` +
      `client threads' event-loop delay p99 ${Math.round(r.loopP99)} ms (max ${Math.round(r.loopMax)} ms)`,
    `  ${roomLabel(ROOMS[0])}: an update ${(r.updateBytesMean / 1000).toFixed(1)} kB on average, ` +
      `${(r.bytesPerClientPerS / 1000).toFixed(1)} kB/s to each client`,
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  console.log(
    `machine: ${machine()}; ` +
      `load average at start ${loadAverage()} (a shared machine: other engineers run tests on it)`,
  );
  console.log(
    `ingest ${(BATCH * 1000) / EVERY_MS} events/s (${BATCH} dossier.received every ${EVERY_MS} ms); LIVE_TICK_MS ${TICK_MS}; ` +
      `${SECONDS} s per phase, each on a fresh database, first ${WARMUP_S} s left out; ${WORKERS} client threads; ` +
      `rooms ${ROOMS.map(roomLabel).join(', ')}`,
  );
  const pool = new ClientPool(WORKERS);
  const results = new Map<number, PhaseResult>();
  const run = async (clients: number, label: string): Promise<PhaseResult | undefined> => {
    const result = await phase(pool, clients);
    if ('failed' in result) {
      console.log(`${label}: ${result.failed}`);
      return undefined;
    }
    print(label, result);
    results.set(clients, result);
    return result;
  };
  try {
    if (GROWN_UNITS) {
      const eleven = await run(500, 'latency at 500 clients, 11 districts ranked');
      useDirectory(syntheticDirectory(GROWN_UNITS), 'dong-nai-2025');
      const grown = await run(500, `latency at 500 clients, ${GROWN_UNITS} communes ranked`);
      console.log(
        `\nsummary: 500 clients, ${RATE} events/s, event-to-screen p99 with 11 ranked units ` +
          `${ms(eleven?.p99 ?? NaN)}, with ${GROWN_UNITS} ${ms(grown?.p99 ?? NaN)} ` +
          `(p50 ${ms(eleven?.p50 ?? NaN)} / ${ms(grown?.p50 ?? NaN)})`,
      );
      return;
    }
    await run(0, 'ingest alone');
    const ten = await run(10, 'work at 10 clients');
    const five = await run(500, 'latency and work at 500 clients');
    let lastUnder = [ten, five].filter((r) => r && r.p99 < 1_000).pop();
    if (five && five.p99 < 1_000) {
      for (const step of STEPS) {
        const result = await run(step, `capacity, ${step} clients`);
        if (!result || result.p99 >= 1_000 || result.dropped) break;
        lastUnder = result;
      }
    }
    const zero = results.get(0);
    console.log('\nsummary');
    if (five) {
      console.log(
        `1. 500 clients, ${RATE} events/s: event-to-screen p50 ${ms(five.p50)}, p99 ${ms(five.p99)} ` +
          `(target p99 < 500 ms: ${five.p99 < 500 ? 'met' : 'NOT met'})`,
      );
    }
    if (ten && five) {
      console.log(
        `2. 0 / 10 / 500 clients: API CPU ${Math.round(zero?.apiCpuMsPerS ?? NaN)} / ${Math.round(ten.apiCpuMsPerS)} / ` +
          `${Math.round(five.apiCpuMsPerS)} ms/s, database ${Math.round(zero?.dbCpuMsPerS ?? NaN)} / ${Math.round(ten.dbCpuMsPerS)} / ` +
          `${Math.round(five.dbCpuMsPerS)} ms/s; computations ${sum(ten.computationsPerRoomPerS).toFixed(2)} → ` +
          `${sum(five.computationsPerRoomPerS).toFixed(2)} /s over ${ROOMS.length} rooms ` +
          `(${roomLabel(ROOMS[0])}: ${ten.computationsPerRoomPerS[0].toFixed(2)} → ${five.computationsPerRoomPerS[0].toFixed(2)} /s)`,
      );
    }
    console.log(
      `3. most clients with p99 under 1 s at ${RATE} events/s: ` +
        (lastUnder
          ? `${lastUnder.clients} (p99 ${ms(lastUnder.p99)})`
          : `none of the steps (10 clients: p99 ${ms(ten?.p99 ?? NaN)})`),
    );
    console.log(`load average at the end ${loadAverage()}`);
  } finally {
    await pool.close().catch(() => undefined);
    await sql(BENCH_SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(
      (error: Error) => console.error(error.message),
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
