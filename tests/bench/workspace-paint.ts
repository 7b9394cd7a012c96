/// <reference lib="dom" />
/**
 * First meaningful paint of a district chief's workspace (issue 9) in Debian's Chromium: the
 * built dashboard served by the real app, on an existing database with its events projected
 * (WORKSPACE_DATABASE_URL, e.g. the demo database the simulator filled). The district with the
 * most dossiers received this year is opened as its chief, RUNS times, each in a fresh browser
 * context (nothing cached but the browser's own files). Prints, per run and as median / p95:
 * first contentful paint, the moment the figures, rank and overdue list are all drawn
 * ("meaningful"), and the API calls behind the screen (Resource Timing).
 *
 *   npm run build:dashboard
 *   WORKSPACE_DATABASE_URL=postgres://… npx ts-node --transpile-only -r tsconfig-paths/register \
 *     tests/bench/workspace-paint.ts
 */
import { Client } from 'pg';
import type { Ranking } from '@ioc/domain';
import { launchChromium } from '../support/chromium';
import { machine } from './process-usage';
import { TEST_PORTS } from '../support/ports';

const DATABASE_URL = process.env.WORKSPACE_DATABASE_URL;
const RUNS = Number(process.env.WORKSPACE_RUNS ?? 15);
const PORT = Number(process.env.WORKSPACE_PORT ?? TEST_PORTS.workspacePaint);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number) => `${Math.round(value)} ms`;

async function databaseSize(): Promise<{ events: number; dossiers: number; open: number }> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const count = async (table: string) =>
      Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    return {
      events: await count('event'),
      dossiers: await count('dossier'),
      open: await count('open_dossier'),
    };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  if (!DATABASE_URL)
    throw new Error('WORKSPACE_DATABASE_URL: the database to open the workspace on');
  Object.assign(process.env, {
    DATABASE_URL,
    PORT: String(PORT),
    DEMO: 'on',
    SIMULATOR: 'off',
    LOG_LEVEL: 'warn',
  });
  // Loaded after the environment is set: the app reads its configuration once, at start.
  const { createApp } = await import('../../apps/api/src/main');
  const app = await createApp();
  await app.listen(PORT, '127.0.0.1');
  const base = `http://127.0.0.1:${PORT}`;
  const browser = await launchChromium();
  try {
    const login = async (username: string) => {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'demo' }),
      });
      return (await response.json()) as { accessToken: string; role: string; unitCode: string };
    };
    const leader = await login('leader');
    const ranking = (await (
      await fetch(`${base}/api/v1/rankings?level=district&window=year`, {
        headers: { Authorization: `Bearer ${leader.accessToken}` },
      })
    ).json()) as Ranking;
    const largest = [...ranking.rows].sort((a, b) => b.received - a.received)[0];
    if (!largest) throw new Error('no district in the ranking');
    const size = await databaseSize();
    console.log(
      `database: ${size.events} events, ${size.dossiers} dossiers (${size.open} open); ` +
        `largest district ${largest.code} ${largest.name}: ${largest.received} received this year`,
    );

    const chief = await login(`chief-${largest.code}`);
    const session = JSON.stringify({
      token: chief.accessToken,
      role: chief.role,
      unitCode: chief.unitCode,
      agencyCode: null,
      username: `chief-${largest.code}`,
    });
    const fcp: number[] = [];
    const meaningful: number[] = [];
    const apiCalls = new Map<string, number[]>();
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'vi-VN',
      });
      // Signed in already, as after the login form: the paint of the workspace alone.
      await context.addInitScript((stored) => {
        localStorage.setItem('ioc.session', stored);
        localStorage.setItem('ioc.zone', 'Asia/Ho_Chi_Minh');
      }, session);
      const page = await context.newPage();
      await page.goto(`${base}/units/${largest.code}`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="figures"]') !== null &&
          document.querySelector('[data-testid="rank"]') !== null &&
          document.querySelector('[data-testid="overdue-total"]') !== null,
        undefined,
        { timeout: 60_000, polling: 'raf' },
      );
      const timing = await page.evaluate(() => ({
        drawn: performance.now(),
        fcp:
          performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')
            ?.startTime ?? NaN,
        api: performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/v1/'))
          .map((e) => ({ name: e.name, duration: e.duration })),
      }));
      fcp.push(timing.fcp);
      meaningful.push(timing.drawn);
      for (const call of timing.api) {
        const url = new URL(call.name);
        const key = `${url.pathname.replace('/api/v1', '')}${url.searchParams.get('status') ? `?status=${url.searchParams.get('status')}` : ''}${url.searchParams.get('level') ? `?level=${url.searchParams.get('level')}` : ''}`;
        apiCalls.set(key, [...(apiCalls.get(key) ?? []), call.duration]);
      }
      console.log(
        `run ${run + 1}: FCP ${ms(timing.fcp)}, figures + rank + overdue ${ms(timing.drawn)}`,
      );
      await context.close();
    }
    console.log(`\n${machine()}`);
    console.log(`runs: ${RUNS}, 1440×900, a fresh browser context each`);
    console.log(
      `first contentful paint: median ${ms(percentile(fcp, 50))}, p95 ${ms(percentile(fcp, 95))}`,
    );
    console.log(
      `first meaningful paint (figures, rank, overdue list drawn): median ${ms(percentile(meaningful, 50))}, p95 ${ms(percentile(meaningful, 95))}`,
    );
    console.log('API calls behind the screen (browser-side duration):');
    for (const [key, durations] of [...apiCalls.entries()].sort()) {
      console.log(
        `  ${key.padEnd(40)} n=${durations.length} median ${ms(percentile(durations, 50))} p99 ${ms(percentile(durations, 99))}`,
      );
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
