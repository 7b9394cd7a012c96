/**
 * Soak of the video wall (issue 4): the built dashboard in headless Chromium against the real
 * API for at least 10 minutes, events posted every second (so the wall updates every second),
 * windows rotating every 30 s. Samples the JS heap (after a forced GC) and DOM node count at the
 * start and the end, and counts long tasks (> 50 ms). Prints a Markdown block for
 * docs/benchmarks.md.
 *
 *   npm run bench:wall                          # 10 minutes
 *   WALL_SOAK_MINUTES=30 npm run bench:wall
 *   WALL_SOAK_PROVINCE=dong-nai-2025 WALL_SOAK_SIZE=3840x2160 npm run bench:wall   # 95 communes
 *   WALL_SOAK_PROVINCE=dong-nai-2025 WALL_SOAK_UNITS=168 WALL_SOAK_SIZE=3840x2160 npm run bench:wall
 *   WALL_SOAK_HEAP_DIFF=1 …   # and what grew, by constructor, between two heap snapshots
 *
 * Needs Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and a PostgreSQL server
 * (WALL_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres).
 */
/// <reference lib="dom" />
import { cpus, loadavg, totalmem } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { DEFAULT_DEMO_PROVINCE, type DemoProvince } from '@ioc/domain/demo';
import { heapByConstructor, heapGrowth } from './heap-summary';
import { startWallStack } from './wall-stack';

const MINUTES = Number(process.env.WALL_SOAK_MINUTES ?? 10);
/** Two whole rotations (4 windows × 30 s): caches filled, every window subscribed once. */
const WARM_UP_MS = Number(process.env.WALL_SOAK_WARMUP_S ?? 240) * 1000;
/** One rotation: every sample is taken on the same window, so they compare. */
const SAMPLE_EVERY_MS = 120_000;
const PORT = Number(process.env.WALL_SOAK_PORT ?? 3901);
const [WIDTH, HEIGHT] = (process.env.WALL_SOAK_SIZE ?? '1920x1080').split('x').map(Number);
const PROVINCE = (process.env.WALL_SOAK_PROVINCE ?? DEFAULT_DEMO_PROVINCE) as DemoProvince;
/** Đồng Nai grown to this many communes (synthetic-province.ts), e.g. 168. */
const UNITS = process.env.WALL_SOAK_UNITS ? Number(process.env.WALL_SOAK_UNITS) : undefined;
/** Also diff two heap snapshots (start, end) by constructor: what grew. */
const HEAP_DIFF = process.env.WALL_SOAK_HEAP_DIFF === '1';

interface Sample {
  minute: number;
  heapMb: number;
  nodes: number;
  listeners: number;
}

interface LongTaskSummary {
  count: number;
  totalMs: number;
  maxMs: number;
  over100: number;
}

declare global {
  interface Window {
    __soak: { longTasks: LongTaskSummary; updates: number };
  }
}

/** Runs in the page before the app: a bounded summary of long tasks and of data updates seen. */
function instrument(): void {
  const soak = { longTasks: { count: 0, totalMs: 0, maxMs: 0, over100: 0 }, updates: 0 };
  window.__soak = soak;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      soak.longTasks.count++;
      soak.longTasks.totalMs += entry.duration;
      soak.longTasks.maxMs = Math.max(soak.longTasks.maxMs, entry.duration);
      if (entry.duration > 100) soak.longTasks.over100++;
    }
  }).observe({ type: 'longtask', buffered: true });
  // Each new "Cập nhật lúc hh:mm:ss" is data arriving.
  let last = '';
  setInterval(() => {
    const text = document.querySelector('[data-testid="freshness-time"]')?.textContent ?? '';
    if (text && text !== last) soak.updates++;
    last = text;
  }, 250);
}

async function sample(cdp: CDPSession, minute: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    minute,
    heapMb: Math.round((metric('JSHeapUsedSize') / 1_048_576) * 100) / 100,
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

const growth = (start: number, end: number) => `${(((end - start) / start) * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  const stack = await startWallStack({
    port: PORT,
    database: 'ioc_wall_soak',
    backfillDays: 60,
    // About as many dossiers a unit as Bình Phước's 11 districts get at 120 a day.
    perDay: PROVINCE === DEFAULT_DEMO_PROVINCE ? 120 : 600,
    province: PROVINCE,
    units: UNITS,
  });
  const browser = await launchChromium();
  let ticks = 0;
  let tickErrors = 0;
  const ticker = setInterval(() => {
    stack
      .tick(2)
      .then(() => ticks++)
      .catch(() => tickErrors++);
  }, 1_000);
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.addInitScript(instrument);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${stack.url}/wall?token=${stack.wallToken}&rotate=30`);
    await page.waitForSelector('[data-testid="freshness"][data-state="live"]', { timeout: 30_000 });

    console.log(`warming up for ${WARM_UP_MS / 1000} s…`);
    await page.waitForTimeout(WARM_UP_MS);
    const started = Date.now();
    const first = await sample(cdp, 0);
    // Taken before the long tasks are counted: a snapshot blocks the page for a while.
    const heapAtStart = HEAP_DIFF ? await heapByConstructor(cdp) : undefined;
    const { updates: updatesAtStart, longTasks: longAtStart } = await page.evaluate(() => {
      const atStart = structuredClone(window.__soak);
      // The longest task of the measured period, not of the page's load during the warm-up.
      window.__soak.longTasks.maxMs = 0;
      return atStart;
    });
    const samples = [first];
    const loadAtStart = loadavg()[0];
    console.log(`minute 0: heap ${first.heapMb} MB, ${first.nodes} nodes`);
    for (let elapsed = SAMPLE_EVERY_MS; elapsed <= MINUTES * 60_000; elapsed += SAMPLE_EVERY_MS) {
      const minute = elapsed / 60_000;
      await page.waitForTimeout(Math.max(0, started + elapsed - Date.now()));
      const next = await sample(cdp, minute);
      samples.push(next);
      console.log(
        `minute ${minute}: heap ${next.heapMb} MB, ${next.nodes} nodes, ${next.listeners} listeners`,
      );
    }
    const elapsedS = (Date.now() - started) / 1000;
    const soak = await page.evaluate(() => structuredClone(window.__soak));
    const long: LongTaskSummary = {
      count: soak.longTasks.count - longAtStart.count,
      totalMs: soak.longTasks.totalMs - longAtStart.totalMs,
      maxMs: soak.longTasks.maxMs,
      over100: soak.longTasks.over100 - longAtStart.over100,
    };
    const freshness = await page.getAttribute('[data-testid="freshness"]', 'data-state');
    const last = samples[samples.length - 1];

    const table = samples
      .map((s) => `| ${s.minute} | ${s.heapMb} | ${s.nodes} | ${s.listeners} |`)
      .join('\n');
    console.log(`
### Video wall soak — ${new Date().toISOString().slice(0, 10)}

- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Chromium ${browser.version()} headless (--disable-gpu), ${WIDTH}×${HEIGHT}
- Wall: ${PROVINCE}${UNITS ? ` grown to ${UNITS} communes` : ''}
- Command: \`WALL_SOAK_MINUTES=${MINUTES} WALL_SOAK_PROVINCE=${PROVINCE}${UNITS ? ` WALL_SOAK_UNITS=${UNITS}` : ''} WALL_SOAK_SIZE=${WIDTH}x${HEIGHT} WALL_SOAK_WARMUP_S=${WARM_UP_MS / 1000} npm run bench:wall\` (API in-process on PostgreSQL, ${ticks} one-second ticks posted, ${tickErrors} failed; windows rotating every 30 s)
- Measured over ${(elapsedS / 60).toFixed(1)} min after a ${WARM_UP_MS / 1000} s warm-up, sampled every ${SAMPLE_EVERY_MS / 1000} s (one whole rotation, so always on the same window); heap after a forced GC
- Machine load (1-minute average) at the start and the end: ${loadAtStart.toFixed(2)} / ${loadavg()[0].toFixed(2)}

| | start | end | growth |
| --- | --- | --- | --- |
| JS heap used (MB) | ${first.heapMb} | ${last.heapMb} | ${growth(first.heapMb, last.heapMb)} |
| DOM nodes | ${first.nodes} | ${last.nodes} | ${growth(first.nodes, last.nodes)} |
| JS event listeners | ${first.listeners} | ${last.listeners} | ${growth(first.listeners, last.listeners)} |

- Data updates seen on screen: ${soak.updates - updatesAtStart} in ${elapsedS.toFixed(0)} s (${((soak.updates - updatesAtStart) / elapsedS).toFixed(2)} a second)
- Long tasks (> 50 ms): ${long.count} (${(long.count / (elapsedS / 60)).toFixed(1)} a minute), ${long.over100} over 100 ms, longest ${long.maxMs.toFixed(0)} ms, ${(long.totalMs / 1000).toFixed(1)} s in all
- Freshness at the end: ${freshness}; console errors: ${consoleErrors.length}

| minute | heap (MB) | nodes | listeners |
| --- | --- | --- | --- |
${table}
`);
    if (heapAtStart) {
      const rows = heapGrowth(heapAtStart, await heapByConstructor(cdp));
      console.log(`What grew most (heap snapshots at minute 0 and at the end, by constructor):

| constructor or (V8 node type) | bytes | objects |
| --- | --- | --- |
${rows.join('\n')}
`);
    }
    if (consoleErrors.length) console.log(consoleErrors.slice(0, 10).join('\n'));
  } finally {
    clearInterval(ticker);
    await browser.close();
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
