/**
 * Rebuild throughput (issue 7): re-derives every dossier of an event log as `npm run rebuild` does,
 * beside the raw ceiling of reading that log, in the same run. Prints its figures; see
 * docs/benchmarks.md. Needs the built API (`nest build api`) and a PostgreSQL server:
 * BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 *
 * The log is the product's simulator's (realistic lifecycles over the demo province, validated
 * as ingest validates them), stored with big INSERT … SELECT statements from jsonb, in a
 * database per size (`ioc_bench_rebuild_<dossiers>`) that later runs reuse.
 *
 * Knobs: REBUILD_BENCH_DOSSIERS (default 1,000,000), REBUILD_BENCH_FRESH=1 (generate the log again).
 */
import {
  addDays,
  directorySchema,
  IngestEvent,
  isDossierEvent,
  LocalClock,
  validateEvent,
  WorkingCalendar,
} from '@ioc/domain';
import { binhPhuocDirectory as demoDirectory } from '@ioc/domain/demo';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { SimulatedStream } from '../../apps/simulator/src/simulated-stream';
import { SEED_FIGURES } from '../../apps/simulator/src/seed-figures';
import { backendCpu, BENCH_SERVER, databaseUrl, sql } from './bench-database';
import { cpuMs, loadAverage, machine, peakRssBytes } from './process-usage';

const DOSSIERS = Number(process.env.REBUILD_BENCH_DOSSIERS ?? 1_000_000);
const DATABASE = `ioc_bench_rebuild_${DOSSIERS}`;
const LOG_URL = databaseUrl(DATABASE);
/** Issue 7: 5 million dossiers re-derived in under 10 minutes, at least 50,000 events/s. */
const TARGET_EVENTS_PER_S = 50_000;
const TARGET_DOSSIERS = 5_000_000;
const TARGET_SECONDS = 600;

// What the stored log is a function of: a database made with other values is made again.
const LOG_VERSION = 1;
const SEED = 7;
const GENESIS_DAY = '2025-06-01';
/** The log spans about 13 months: the scale is set so that they hold the dossiers asked for. */
const SPAN_DAYS = 395;
const INSERT_BATCH = 20_000;
const FETCH_ROWS = 10_000;
const SAMPLE_MS = 250;

const directory = directorySchema.parse(demoDirectory);
const calendar = new WorkingCalendar(new LocalClock('Asia/Ho_Chi_Minh'));

interface StoredLog {
  version: number;
  dossiers: number;
  dossierEvents: number;
  otherEvents: number;
  from: string;
  to: string;
  seed: number;
  scale: number;
}

const count = (n: number) => Math.round(n).toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (n: number, ms: number) => (n * 1000) / ms;

/**
 * The simulated province's events in order of occurrence, from genesis until the receipt of
 * dossier number DOSSIERS + 1: that instant is the log's end, so the last weeks' dossiers are
 * still open, as on any real day. Every dossier's receipt is its first event, so every event
 * before that instant belongs to one of the `dossiers` dossiers.
 */
function* simulatedLog(scale: number, end: { at: number }): Generator<IngestEvent> {
  const { clock } = calendar;
  const stream = new SimulatedStream({
    seed: SEED,
    scale,
    directory,
    calendar,
    genesis: clock.startOfDay(GENESIS_DAY),
  });
  let received = 0;
  for (let day = GENESIS_DAY; ; day = addDays(day, 1)) {
    const from = clock.startOfDay(day);
    for (const event of stream.eventsBetween(from, clock.startOfDay(addDays(day, 1)))) {
      if (event.type === 'dossier.received' && ++received > DOSSIERS) {
        end.at = Date.parse(event.occurredAt);
        return;
      }
      yield event;
    }
  }
}

async function storedLog(): Promise<StoredLog | undefined> {
  const [row] = await sql<{ comment: string | null }>(
    BENCH_SERVER,
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
    [DATABASE],
  );
  if (!row?.comment) return undefined;
  const log = JSON.parse(row.comment) as StoredLog;
  return log.version === LOG_VERSION && log.dossiers === DOSSIERS && log.seed === SEED
    ? log
    : undefined;
}

/** Schema and demo directory as the product makes them: the built API's `migrate` command. */
async function migrate(): Promise<void> {
  const migrating = spawn('node', ['dist/apps/api/main.js', 'migrate'], {
    env: { ...process.env, DATABASE_URL: LOG_URL, DEMO: 'on', SIMULATOR: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => migrating.once('exit', resolve));
  if (code !== 0) throw new Error(`migrate exited with ${code}`);
}

/** A fresh database holding the simulated log of DOSSIERS dossiers, and nothing derived. */
async function prepareLog(): Promise<StoredLog> {
  await sql(BENCH_SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await sql(BENCH_SERVER, `CREATE DATABASE ${DATABASE}`);
  await migrate();
  const started = performance.now();
  const scale = (DOSSIERS * 365) / (SEED_FIGURES.receivedPerYear * SPAN_DAYS);
  const end = { at: NaN };
  const client = new Client({ connectionString: LOG_URL });
  await client.connect();
  let dossierEvents = 0;
  let otherEvents = 0;
  try {
    // As ingest stores them: the validated event is the payload.
    const insert = (events: IngestEvent[]) =>
      client.query(
        `INSERT INTO event (event_id, type, occurred_at, dossier_id, payload)
         SELECT e->>'eventId', e->>'type', (e->>'occurredAt')::timestamptz, e->>'dossierId', e
           FROM jsonb_array_elements($1::jsonb) AS e`,
        [JSON.stringify(events)],
      );
    let inFlight: Promise<unknown> = Promise.resolve();
    let batch: IngestEvent[] = [];
    for (const event of simulatedLog(scale, end)) {
      const checked = validateEvent(event);
      if (!checked.ok) throw new Error(`${event.eventId}: ${checked.errors.join('; ')}`);
      batch.push(checked.event);
      if (isDossierEvent(event)) dossierEvents++;
      else otherEvents++;
      if (batch.length === INSERT_BATCH) {
        // One statement in flight while the next batch is simulated.
        await inFlight;
        inFlight = insert(batch);
        batch = [];
      }
    }
    await inFlight;
    if (batch.length) await insert(batch);
    // As autovacuum would have done to a log that grew over months.
    await client.query(`VACUUM ANALYZE event`);
  } finally {
    await client.end();
  }
  const log: StoredLog = {
    version: LOG_VERSION,
    dossiers: DOSSIERS,
    dossierEvents,
    otherEvents,
    from: GENESIS_DAY,
    to: new Date(end.at).toISOString(),
    seed: SEED,
    scale: Number(scale.toFixed(4)),
  };
  // Written last: a preparation cut short is never reused.
  await sql(BENCH_SERVER, `COMMENT ON DATABASE ${DATABASE} IS '${JSON.stringify(log)}'`);
  const ms = performance.now() - started;
  console.log(
    `prepared the log in ${seconds(ms)} (${count(perSecond(dossierEvents + otherEvents, ms))} events/s simulated, validated and stored)`,
  );
  return log;
}

/**
 * The raw ceiling: every dossier event of the log read in the order a rebuild needs them (each
 * dossier's events together), through a server-side cursor, each payload JSON-parsed into Node.
 */
async function readCeiling(): Promise<{ events: number; ms: number; plan: string }> {
  const client = new Client({ connectionString: LOG_URL });
  await client.connect();
  try {
    const query = `SELECT dossier_id, payload FROM event WHERE dossier_id IS NOT NULL ORDER BY dossier_id`;
    await client.query('BEGIN');
    const plan = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN DECLARE log CURSOR FOR ${query}`,
    );
    const started = performance.now();
    await client.query(`DECLARE log NO SCROLL CURSOR FOR ${query}`);
    let events = 0;
    let lastDossier = '';
    for (;;) {
      const { rows } = await client.query<{ dossier_id: string; payload: IngestEvent }>(
        `FETCH FORWARD ${FETCH_ROWS} FROM log`,
      );
      if (!rows.length) break;
      for (const row of rows) {
        // Touch the parsed payload, and check the order a rebuild relies on.
        if (row.payload.eventId === undefined || row.dossier_id < lastDossier) {
          throw new Error(`unexpected row ${JSON.stringify(row)}`);
        }
        lastDossier = row.dossier_id;
      }
      events += rows.length;
    }
    const ms = performance.now() - started;
    await client.query('COMMIT');
    return { events, ms, plan: plan.rows[0]['QUERY PLAN'] };
  } finally {
    await client.end();
  }
}

interface RebuildRun {
  ms: number;
  /** Dossiers per second between consecutive progress lines of its log. */
  paces: number[];
  /** The rebuild's own timer, from its log, when it prints one. */
  serviceMs: number | undefined;
  peakRss: number;
  cpuMs: number;
  databaseCpuMs: number;
}

/** `npm run rebuild` without the build: the built API's `rebuild` command, in a process of its own. */
async function rebuild(): Promise<RebuildRun> {
  const started = performance.now();
  const child = spawn('node', ['dist/apps/api/main.js', 'rebuild'], {
    env: { ...process.env, DATABASE_URL: LOG_URL, DEMO: 'on', SIMULATOR: 'off', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = child.pid!;
  let serviceMs: number | undefined;
  // Its progress, as it logs it: dossiers done, and when.
  let previous = { done: 0, at: started };
  const paces: number[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    let message: string;
    try {
      const { msg } = JSON.parse(line) as { msg?: string };
      message = msg ?? '';
    } catch {
      message = line;
    }
    if (!/rebuil|dossiers derived from/i.test(message)) return;
    const now = performance.now();
    const progress = /Rebuilt ([\d,]+) dossiers so far/.exec(message);
    let pace = '';
    if (progress) {
      const done = Number(progress[1].replaceAll(',', ''));
      paces.push(perSecond(done - previous.done, now - previous.at));
      pace = ` (${count(paces.at(-1)!)} dossiers/s since the last line)`;
      previous = { done, at: now };
    }
    console.log(`    ${seconds(now - started).padStart(8)}  ${message}${pace}`);
    const finished = /Rebuild finished in ([\d.]+) s/.exec(message);
    if (finished) serviceMs = Number(finished[1]) * 1000;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let peakRss = 0;
  let processCpu = 0;
  const backends = new Map<number, number>();
  let running = true;
  void exited.then(() => (running = false));
  // Sampled until the process is gone: its last quarter second may be missed.
  while (running) {
    peakRss = Math.max(peakRss, peakRssBytes(pid));
    processCpu = Math.max(processCpu, cpuMs(pid));
    for (const [backend, used] of await backendCpu(DATABASE)) {
      backends.set(backend, Math.max(used, backends.get(backend) ?? 0));
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, SAMPLE_MS))]);
  }
  const code = await exited;
  if (code !== 0) throw new Error(`rebuild exited with ${code}`);
  return {
    ms: performance.now() - started,
    paces,
    serviceMs,
    peakRss,
    cpuMs: processCpu,
    databaseCpuMs: [...backends.values()].reduce((a, b) => a + b, 0),
  };
}

async function main(): Promise<void> {
  if (!Number.isInteger(DOSSIERS) || DOSSIERS <= 0) {
    throw new Error('REBUILD_BENCH_DOSSIERS must be a positive whole number');
  }
  const [server] = await sql<{ version: string }>(
    BENCH_SERVER,
    `SELECT current_setting('server_version') AS version`,
  );
  console.log(
    `machine: ${machine()}; PostgreSQL ${server.version} at ${new URL(BENCH_SERVER).host}; ` +
      `load average at start ${loadAverage()}`,
  );
  const reused = process.env.REBUILD_BENCH_FRESH ? undefined : await storedLog();
  const log = reused ?? (await prepareLog());
  console.log(
    `log (${DATABASE}, ${reused ? 'reused' : 'made now'}): ${count(log.dossiers)} dossiers, ` +
      `${count(log.dossierEvents)} dossier events (${(log.dossierEvents / log.dossiers).toFixed(2)} a dossier) ` +
      `and ${count(log.otherEvents)} staffing reports, ${log.from} to ${log.to.slice(0, 10)} ` +
      `(simulator seed ${log.seed}, scale ${log.scale})`,
  );

  const ceiling = await readCeiling();
  if (ceiling.events !== log.dossierEvents) {
    throw new Error(`the log holds ${ceiling.events} dossier events, not ${log.dossierEvents}`);
  }
  const ceilingRate = perSecond(ceiling.events, ceiling.ms);
  console.log(
    `(a) raw ceiling: read ${count(ceiling.events)} dossier events ordered by dossier (cursor, ` +
      `${count(FETCH_ROWS)} a fetch, payloads JSON-parsed) in ${seconds(ceiling.ms)} = ${count(ceilingRate)} events/s` +
      `\n    plan: ${ceiling.plan}`,
  );

  console.log(`(b) rebuild: node dist/apps/api/main.js rebuild`);
  const run = await rebuild();
  const [derived] = await sql<{ dossiers: string; facts: string; open: string }>(
    LOG_URL,
    `SELECT (SELECT count(*) FROM dossier) AS dossiers, (SELECT count(*) FROM dossier_fact) AS facts,
            (SELECT count(*) FROM open_dossier) AS open`,
  );
  if (Number(derived.dossiers) !== log.dossiers) {
    throw new Error(`the rebuild derived ${derived.dossiers} dossiers of ${log.dossiers}`);
  }
  const rate = perSecond(log.dossierEvents, run.ms);
  const dossierRate = perSecond(log.dossiers, run.ms);
  console.log(
    `    ${count(log.dossierEvents)} events of ${count(log.dossiers)} dossiers in ${seconds(run.ms)} ` +
      `(the rebuild's own timer: ${run.serviceMs === undefined ? '–' : seconds(run.serviceMs)}; the rest is the ` +
      `application's start and stop) = ${count(rate)} events/s, ${count(dossierRate)} dossiers/s\n` +
      `    derived: ${count(Number(derived.dossiers))} dossiers, ${count(Number(derived.facts))} facts, ` +
      `${count(Number(derived.open))} open\n` +
      `    peak RSS of the rebuilding process ${(run.peakRss / 2 ** 20).toFixed(0)} MiB; CPU: the process ` +
      `${seconds(run.cpuMs)} (${((100 * run.cpuMs) / run.ms).toFixed(0)} % of a core), its database backends ` +
      `${seconds(run.databaseCpuMs)} (${((100 * run.databaseCpuMs) / run.ms).toFixed(0)} % of a core)`,
  );
  if (run.paces.length > 1) {
    console.log(
      `    pace, first to last progress line of its log: ${count(run.paces[0])} → ${count(run.paces.at(-1)!)} dossiers/s`,
    );
  }
  const projectedS = TARGET_DOSSIERS / dossierRate;
  // A pace that falls as the derived tables grow makes the average an optimistic projection.
  const falling = run.paces.length > 1 && run.paces.at(-1)! < run.paces[0];
  console.log(
    `(c) rebuild / raw ceiling: ${((100 * rate) / ceilingRate).toFixed(1)} %\n` +
      `target ≥ ${count(TARGET_EVENTS_PER_S)} events/s: ${rate >= TARGET_EVENTS_PER_S ? 'met' : 'NOT met'} ` +
      `(${count(rate)}); ${count(TARGET_DOSSIERS)} dossiers at this run's average rate: ${(projectedS / 60).toFixed(1)} min` +
      `${falling ? ' or more (its pace fell as the tables grew)' : ''} ` +
      `(target < ${TARGET_SECONDS / 60} min: ${projectedS < TARGET_SECONDS ? 'met' : 'NOT met'})\n` +
      `load average at the end ${loadAverage()}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
