/**
 * The weekly briefing on a big database (issue 10): the province's briefing of the last complete
 * week as JSON cold (the first request computes and freezes it) and warm, as XLSX, the open week
 * live, and the API's peak memory. Prints its figures; see docs/benchmarks.md. Needs the built
 * API (`nest build api`). The database (BENCH_DOSSIERS dossiers, default 5,000,000, loaded as
 * `npm run bench` loads them) is kept between runs; BENCH_RELOAD=1 loads it again.
 */
import { ChildProcess } from 'node:child_process';
import { lastCompleteIsoWeek, isoWeekAt } from '@ioc/domain';
import { BENCH_SERVER, databaseUrl, sql } from './bench-database';
import { addDossiers, percentile, startApi } from './bench-dossiers';
import { loadAverage, machine, peakRssBytes } from './process-usage';
import { TEST_PORTS } from '../support/ports';

const DATABASE = 'ioc_bench_briefing';
const PORT = Number(process.env.BENCH_PORT ?? TEST_PORTS.briefingBench);
const BASE = `http://127.0.0.1:${PORT}/api/v1`;
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 5_000_000);
const LOAD_STEP = 1_000_000;
const WARM_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 60);
const ZONE = 'Asia/Ho_Chi_Minh';

async function stopApi(api: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  await exited;
}

async function loadedDossiers(): Promise<number> {
  const [exists] = await sql<{ found: boolean }>(
    BENCH_SERVER,
    `SELECT count(*) > 0 AS found FROM pg_database WHERE datname = $1`,
    [DATABASE],
  );
  if (!exists.found) return -1;
  const [row] = await sql<{ count: number }>(
    databaseUrl(DATABASE),
    `SELECT count(*)::int AS count FROM dossier WHERE dossier_id LIKE 'gen-%'`,
  ).catch(() => [{ count: -1 }]);
  return row.count;
}

/** A fresh database, migrated by the API itself, then the dossiers in steps of a million. */
async function load(): Promise<void> {
  await sql(BENCH_SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await sql(BENCH_SERVER, `CREATE DATABASE ${DATABASE}`);
  await stopApi(await startApi(DATABASE, PORT));
  const started = performance.now();
  for (let from = 1; from <= DOSSIERS; from += LOAD_STEP) {
    await addDossiers(DATABASE, from, Math.min(LOAD_STEP, DOSSIERS - from + 1));
    console.log(`loaded ${Math.min(from + LOAD_STEP - 1, DOSSIERS).toLocaleString('en')} dossiers`);
  }
  console.log(`load: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function timed(path: string, token: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${Buffer.from(body).toString()}`);
  return { ms: performance.now() - started, bytes: body.byteLength };
}

async function series(name: string, path: string, token: string, runs: number): Promise<void> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const run = await timed(path, token);
    samples.push(run.ms);
    bytes = run.bytes;
  }
  console.log(
    `${name}: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms, ` +
      `max ${Math.max(...samples).toFixed(1)} ms (${runs} runs, ${(bytes / 1024).toFixed(0)} KiB)`,
  );
}

async function main(): Promise<void> {
  console.log(`machine: ${machine()}; server ${new URL(BENCH_SERVER).host}; load ${loadAverage()}`);
  if (process.env.BENCH_RELOAD === '1' || (await loadedDossiers()) !== DOSSIERS) await load();
  // Each run measures a first request: what an earlier run froze is forgotten.
  await sql(databaseUrl(DATABASE), `TRUNCATE briefing_snapshot`);
  await sql(databaseUrl(DATABASE), `VACUUM ANALYZE`);
  const api = await startApi(DATABASE, PORT);
  try {
    const login = await fetch(`${BASE}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'demo' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const week = lastCompleteIsoWeek(Date.now(), ZONE);
    const open = isoWeekAt(Date.now(), ZONE);
    console.log(`${DOSSIERS.toLocaleString('en')} dossiers; week ${week}; load ${loadAverage()}`);
    for (const scope of ['70', '689']) {
      const cold = await timed(`/briefings/${week}?scope=${scope}`, accessToken);
      console.log(`JSON cold (computes and freezes), scope ${scope}: ${cold.ms.toFixed(0)} ms`);
    }
    await series('JSON warm (frozen), province', `/briefings/${week}`, accessToken, WARM_RUNS);
    await series(
      'JSON warm (frozen), district 689',
      `/briefings/${week}?scope=689`,
      accessToken,
      WARM_RUNS,
    );
    await series('XLSX (frozen), province', `/briefings/${week}?format=xlsx`, accessToken, 20);
    await series(`JSON live (open week ${open}), province`, `/briefings/${open}`, accessToken, 10);
    console.log(
      `API peak RSS: ${(peakRssBytes(api.pid ?? 0) / 2 ** 20).toFixed(0)} MiB; load ${loadAverage()}`,
    );
  } finally {
    await stopApi(api);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
