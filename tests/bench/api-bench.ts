/**
 * Ingest throughput and read latency of the API (issue 2). Prints its figures; see
 * docs/benchmarks.md. Needs the built app (`npm run build`) and a PostgreSQL server:
 * BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 */
import { cpus, totalmem } from 'node:os';
import { Client } from 'pg';
import { binhPhuocDirectory as directory } from '@ioc/domain/demo';
import { BENCH_SERVER, databaseUrl, sql } from './bench-database';
import { addDossiers, percentile, startApi } from './bench-dossiers';
import { TEST_PORTS } from '../support/ports';

const DATABASE = 'ioc_bench';
const PORT = TEST_PORTS.apiBench + (process.pid % 500);
const BASE = `http://127.0.0.1:${PORT}/api/v1`;
const INGEST_BATCHES = Number(process.env.BENCH_INGEST_BATCHES ?? 120);
const BATCH = 1_000;
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 60);
const DOSSIER_STEPS = (process.env.BENCH_DOSSIERS ?? '1000000,5000000').split(',').map(Number);

const communes = directory.units.filter((u) => u.level === 'commune').map((u) => u.code);
const procedures = directory.procedures
  .filter((p) => p.agencyKind === 'commune_committee')
  .map((p) => p.code);

/** 1,000 events: 500 receipts and the resolutions of the 500 dossiers received just before. */
function batch(n: number): object[] {
  const events: object[] = [];
  const base = Date.parse('2026-01-05T08:00:00+07:00') + n * 60_000;
  for (let i = 0; i < BATCH / 2; i++) {
    const unit = communes[(n * 7 + i) % communes.length];
    events.push({
      eventId: `bench-r-${n}-${i}`,
      type: 'dossier.received',
      occurredAt: new Date(base + i).toISOString(),
      dossierId: `bench-${n}-${i}`,
      procedureCode: procedures[i % procedures.length],
      agencyCode: `UBND-${unit}`,
      unitCode: unit,
      channel: i % 3 === 0 ? 'direct' : 'online',
      feeVnd: i % 4 === 0 ? 50_000 : 0,
      componentsTotal: 3,
      componentsDigitized: 3,
    });
    if (n > 0) {
      events.push({
        eventId: `bench-s-${n - 1}-${i}`,
        type: 'dossier.resolved',
        occurredAt: new Date(base + 30_000 + i).toISOString(),
        dossierId: `bench-${n - 1}-${i}`,
        outcome: 'approved',
        resultDigitized: true,
      });
    } else {
      events.push({
        eventId: `bench-x-${i}`,
        type: 'rating.submitted',
        occurredAt: new Date(base).toISOString(),
        dossierId: `bench-0-${i}`,
        score: 5,
      });
    }
  }
  return events;
}

async function benchIngest(): Promise<void> {
  const batches = Array.from({ length: INGEST_BATCHES }, (_, n) => batch(n));
  const post = (events: object[]) =>
    fetch(`${BASE}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-ingest-key' },
      body: JSON.stringify({ events }),
    }).then(async (r) => {
      if (r.status !== 202) throw new Error(`ingest ${r.status} ${await r.text()}`);
      return (await r.json()) as { accepted: number };
    });
  await post(batches[0]); // warm-up
  let accepted = 0;
  const started = performance.now();
  const concurrency = 4;
  let next = 1;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const result = await post(batches[next++]);
        accepted += result.accepted;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const throughput = accepted / seconds;

  // The raw ceiling: the same rows, multi-row INSERT straight through pg, no API in between.
  const client = new Client({ connectionString: databaseUrl(DATABASE) });
  await client.connect();
  await client.query(`CREATE TABLE raw_event (LIKE event INCLUDING ALL)`);
  const rawStarted = performance.now();
  let rawRows = 0;
  for (const events of batches.slice(1)) {
    const values: unknown[] = [];
    const rows = (
      events as { eventId: string; type: string; occurredAt: string; dossierId: string }[]
    ).map((e, i) => {
      values.push(e.eventId, e.type, e.occurredAt, e.dossierId, JSON.stringify(e));
      return `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`;
    });
    await client.query(
      `INSERT INTO raw_event (event_id, type, occurred_at, dossier_id, payload) VALUES ${rows.join(', ')}`,
      values,
    );
    rawRows += events.length;
  }
  const rawThroughput = rawRows / ((performance.now() - rawStarted) / 1000);
  await client.query(`DROP TABLE raw_event`);
  await client.end();
  console.log(
    `ingest over HTTP: ${accepted} events in ${seconds.toFixed(1)} s = ${Math.round(throughput)} events/s ` +
      `(batches of ${BATCH}, ${concurrency} in flight); raw multi-row INSERT ceiling ${Math.round(rawThroughput)} rows/s; ` +
      `ratio ${((100 * throughput) / rawThroughput).toFixed(0)} %`,
  );
}

async function benchQueries(dossiers: number): Promise<void> {
  const login = await fetch(`${BASE}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader', password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const to = new Date().toISOString();
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const window = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  for (const [name, path] of [
    ['summary (province, year)', `/metrics/summary?${window}`],
    ['summary (district, year)', `/metrics/summary?scope=689&${window}`],
    ['ranking (districts, year)', `/rankings?level=district&${window}`],
    ['late agencies (year)', `/alerts/late-agencies?${window}`],
  ]) {
    const samples: number[] = [];
    for (let i = 0; i < QUERY_RUNS + 5; i++) {
      const started = performance.now();
      const response = await fetch(`${BASE}${path}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      if (i >= 5) samples.push(performance.now() - started);
    }
    console.log(
      `${dossiers.toLocaleString('en')} dossiers — ${name}: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${QUERY_RUNS} runs)`,
    );
  }
}

async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; server ${new URL(BENCH_SERVER).host}`,
  );
  await sql(BENCH_SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await sql(BENCH_SERVER, `CREATE DATABASE ${DATABASE}`);
  const api = await startApi(DATABASE, PORT);
  try {
    await benchIngest();
    let loaded = 0;
    for (const target of DOSSIER_STEPS.filter(Boolean)) {
      const started = performance.now();
      await addDossiers(DATABASE, loaded + 1, target - loaded);
      loaded = target;
      console.log(
        `loaded ${target.toLocaleString('en')} dossiers in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      await benchQueries(target);
    }
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
