/**
 * The district chief's workspace (issue 9) on the generated dossiers of `npm run bench`: the
 * API calls behind the screen of the largest district, timed as its chief, and the XLSX download
 * of a long list (time, rows and the API process's peak memory). Prints its figures; see
 * docs/benchmarks.md. Needs the built app (`npm run build`) and a PostgreSQL server
 * (BENCH_DATABASE_URL, else DATABASE_URL, else the local one). BENCH_DOSSIERS sets the size
 * (default 5,000,000).
 */
import { writeFileSync } from 'node:fs';
import { binhPhuocDirectory as directory } from '@ioc/domain/demo';
import { BENCH_SERVER, sql } from './bench-database';
import { addDossiers, percentile, startApi } from './bench-dossiers';
import { loadAverage, machine, peakRssBytes } from './process-usage';
import { TEST_PORTS } from '../support/ports';

const DATABASE = 'ioc_workspace_bench';
const PORT = TEST_PORTS.workspaceBench + (process.pid % 90);
const BASE = `http://127.0.0.1:${PORT}/api/v1`;
const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 5_000_000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 60);
const MiB = 2 ** 20;

/** The district whose subtree holds the most commune committees (the generated desks). */
function largestDistrict(): string {
  const communes = new Map<string, number>();
  for (const unit of directory.units) {
    if (unit.level === 'commune' && unit.parentCode)
      communes.set(unit.parentCode, (communes.get(unit.parentCode) ?? 0) + 1);
  }
  return [...communes.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

async function login(username: string): Promise<string> {
  const response = await fetch(`${BASE}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function get(path: string, token: string): Promise<Response> {
  const response = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function timeCalls(token: string, calls: [string, string][]): Promise<void> {
  for (const [name, path] of calls) {
    const samples: number[] = [];
    for (let i = 0; i < QUERY_RUNS + 5; i++) {
      const started = performance.now();
      await (await get(path, token)).arrayBuffer();
      if (i >= 5) samples.push(performance.now() - started);
    }
    console.log(
      `${name}: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${QUERY_RUNS} runs)`,
    );
  }
}

/** Downloads a list as a file, reading the body as it comes; the API's peak RSS meanwhile. */
async function timeDownload(pid: number, token: string, path: string): Promise<void> {
  const before = peakRssBytes(pid);
  // Resets the process's peak resident set size (VmHWM) to now, so the peak is the download's.
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const baseline = peakRssBytes(pid);
  const started = performance.now();
  const response = await get(path, token);
  let firstByte = 0;
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    firstByte ||= performance.now() - started;
    bytes += chunk.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = peakRssBytes(pid);
  console.log(
    `${path}: ${(bytes / MiB).toFixed(1)} MiB in ${seconds.toFixed(1)} s, first byte after ` +
      `${firstByte.toFixed(0)} ms; API RSS ${(baseline / MiB).toFixed(0)} MiB before, peak during ` +
      `${(peak / MiB).toFixed(0)} MiB (+${((peak - baseline) / MiB).toFixed(0)} MiB); peak since ` +
      `start ${(before / MiB).toFixed(0)} MiB`,
  );
}

async function main(): Promise<void> {
  console.log(`machine: ${machine()}; server ${new URL(BENCH_SERVER).host}; load ${loadAverage()}`);
  // BENCH_REUSE=1 measures again on the database a previous run loaded (it takes a while).
  if (!process.env.BENCH_REUSE) {
    await sql(BENCH_SERVER, `DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await sql(BENCH_SERVER, `CREATE DATABASE ${DATABASE}`);
  }
  const api = await startApi(DATABASE, PORT);
  try {
    if (!process.env.BENCH_REUSE) {
      const loadStarted = performance.now();
      await addDossiers(DATABASE, 1, DOSSIERS);
      console.log(
        `loaded ${DOSSIERS.toLocaleString('en')} dossiers in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s; load ${loadAverage()}`,
      );
    }
    const district = largestDistrict();
    const chief = await login(`chief-${district}`);
    const leader = await login('leader');
    const { nextWorkingDay } = (await (await get('/calendar/next-working-day', chief)).json()) as {
      nextWorkingDay: string;
    };
    const overdue = (await (await get(`/dossiers?status=overdue&pageSize=1`, chief)).json()) as {
      total: number;
    };
    console.log(`district ${district}: ${overdue.total.toLocaleString('en')} overdue dossiers`);
    await timeCalls(chief, [
      ['summary (district, today)', `/metrics/summary?window=today`],
      ['summary (district, month)', `/metrics/summary?window=month`],
      [
        'ranking with scope (districts, month)',
        `/rankings?level=district&scope=${district}&window=month`,
      ],
      ['ranking of its agencies (month)', `/rankings?level=agency&scope=${district}&window=month`],
      ['late agencies (district, month)', `/alerts/late-agencies?window=month`],
      ['overdue, first page, worst first', `/dossiers?status=overdue&sort=overdueDays:desc`],
      [`due on the next working day (${nextWorkingDay})`, `/dossiers?dueOn=${nextWorkingDay}`],
      ['code prefix', `/dossiers?q=gen-12`],
    ]);
    console.log(`load ${loadAverage()}`);
    await timeDownload(api.pid!, chief, `/dossiers?status=overdue&format=xlsx`);
    const province = (await (await get(`/dossiers?status=overdue&pageSize=1`, leader)).json()) as {
      total: number;
    };
    console.log(`province: ${province.total.toLocaleString('en')} overdue dossiers`);
    await timeDownload(api.pid!, leader, `/dossiers?status=overdue&format=xlsx`);
    await timeDownload(api.pid!, leader, `/dossiers?status=overdue&format=csv`);
    console.log(`load ${loadAverage()}`);
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
