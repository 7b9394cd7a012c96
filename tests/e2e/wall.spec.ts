/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The video wall (issue 4) in Debian's Chromium, against the built dashboard served by the real
 * API: figures equal to the REST API, live updates within a second, the stale indicator when
 * the API goes away, no console errors, no request off the host, screenshots at wall sizes.
 */
import type { DailySeries, LateAgencies, MetricsSummary, Ranking } from '@ioc/domain';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import directory from '@ioc/domain/directory/demo/binh-phuoc.directory.json';
import {
  formatCount,
  formatDecimal,
  formatRate,
  formatVnd,
} from '../../libs/domain/src/format/display-format';
import { daysForWeeks, weeklyOnTime } from '../../apps/dashboard/src/stores/trend-series';
import { createApp } from '../../apps/api/src/main';
import { cloneTemplate } from '../support/test-database';
import { issueWallToken, localIso, postEvents, WallTraffic } from '../support/wall-traffic';
import { TcpProxy } from './support/tcp-proxy';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '../..');
const SCREENSHOTS = join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NO_DATA = 'chưa có dữ liệu';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface ConsoleError {
  at: number;
  text: string;
}

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const rateText = (rate: number | null) => (rate === null ? `— ${NO_DATA}` : formatRate(rate));

interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/**
 * The API as `npm start` builds it (NestFactory, not the testing module, whose ServeStaticModule
 * gets no HTTP adapter at compile time and serves no files), on a fresh clone of the test
 * template, with the machine's clock: the wall lives in real time.
 */
async function startApi(): Promise<RunningApi> {
  const serverUrl = process.env.IOC_TEST_SERVER_URL;
  if (!serverUrl)
    throw new Error('IOC_TEST_SERVER_URL is not set: run through Jest (global setup)');
  const database = await cloneTemplate(serverUrl);
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    DEMO: 'on',
    SIMULATOR: 'off',
    LOG_LEVEL: 'warn',
    LIVE_TICK_MS: '100',
    LIVE_HEARTBEAT_MS: '2000',
  });
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

describe('video wall /wall', () => {
  let t: RunningApi;
  let proxy: TcpProxy;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let wallToken: string;
  let traffic: WallTraffic;
  const requests: string[] = [];
  const consoleErrors: ConsoleError[] = [];
  /** While the API is away on purpose, failed loads are expected in the console. */
  const outages: { from: number; to: number }[] = [];

  const wallUrl = (query = 'rotate=0') =>
    `http://127.0.0.1:${proxy.port}/wall?token=${wallToken}&${query}`;

  async function rest<T>(path: string): Promise<T> {
    const response = await fetch(`${t.url}/api/v1${path}`, {
      headers: { Authorization: `Bearer ${wallToken}` },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  function watch(target: Page): void {
    target.on('request', (request) => requests.push(request.url()));
    target.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push({ at: Date.now(), text: message.text() });
    });
    target.on('pageerror', (error) =>
      consoleErrors.push({ at: Date.now(), text: `pageerror: ${error.message}` }),
    );
  }

  /** The wall is up: live, with the figures, the ranking and the map drawn. */
  async function waitForWall(target: Page): Promise<void> {
    await target.waitForSelector('[data-testid="freshness"][data-state="live"]', {
      timeout: 20_000,
    });
    await target.waitForFunction(
      () =>
        document.querySelector('[data-testid="tile-received-value"]')?.textContent?.trim() !==
          '—' &&
        document.querySelectorAll('[data-testid="race-table"] tbody tr').length > 0 &&
        document.querySelectorAll('[data-testid="trend-daily-table"] tbody tr').length > 0 &&
        document.querySelector('[data-testid="map-chart"]')?.getAttribute('data-schematic') ===
          'true',
      undefined,
      { timeout: 20_000 },
    );
  }

  async function tileTexts(target: Page): Promise<Record<string, string>> {
    return target.$$eval('[data-testid^="tile-"]', (elements) =>
      Object.fromEntries(
        elements.map((element) => [
          element.getAttribute('data-testid'),
          (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ]),
      ),
    );
  }

  beforeAll(async () => {
    // The browser tests drive the built app: build it from the current sources.
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'apps/dashboard/vite.config.ts',
        '--logLevel',
        'warn',
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
    mkdirSync(SCREENSHOTS, { recursive: true });

    t = await startApi();
    traffic = new WallTraffic(directory, 11, 'e2e');
    await postEvents(t.url, traffic.backfill(Date.now(), 63, 60));
    wallToken = await issueWallToken(t.url);
    proxy = new TcpProxy(Number(new URL(t.url).port));
    await proxy.start();

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
    watch(page);
    await page.goto(wallUrl());
    await waitForWall(page).catch(async (error: Error) => {
      const state = await page.evaluate(
        () =>
          document.querySelector('[data-testid="wall"]')?.outerHTML.slice(0, 2_000) ??
          document.body.outerHTML.slice(0, 2_000),
      );
      throw new Error(
        `${error.message}\nconsole: ${JSON.stringify(consoleErrors)}\nurl: ${page.url()}\n${state}`,
      );
    });
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.stop();
    await t?.close();
  });

  it('opens with a wall token from the URL and keeps it out of the address bar', async () => {
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    expect(page.url()).toContain('/wall');
  });

  it('shows every headline tile equal to the REST API', async () => {
    const s = await rest<MetricsSummary>('/metrics/summary?window=today');
    const tiles = await tileTexts(page);
    const expected: Record<string, string> = {
      'tile-received-value': formatCount(s.received.total),
      'tile-received-online': formatCount(s.received.online),
      'tile-received-direct': formatCount(s.received.direct),
      'tile-received-postal': formatCount(s.received.postal),
      'tile-resolved-value': formatCount(s.resolved.total),
      'tile-resolved-onTime': formatCount(s.resolved.onTime),
      'tile-resolved-late': formatCount(s.resolved.late),
      'tile-resolved-early': formatCount(s.resolved.early),
      'tile-inProgress-value': formatCount(s.inProgress.total),
      'tile-inProgress-overdue': formatCount(s.inProgress.overdue),
      'tile-inProgress-dueSoon': formatCount(s.inProgress.dueSoon),
      'tile-inProgress-paused': formatCount(s.inProgress.paused),
      'tile-onTimeRate-value': rateText(s.rates.onTime),
      'tile-onTimeRate-target': formatRate(s.targets.onTime.target, 'vi', 1),
      'tile-online-value': rateText(s.rates.online),
      'tile-digitization-value': rateText(s.rates.digitization),
      'tile-digitization-result': formatRate(s.rates.resultDigitization),
      'tile-payments-value': formatVnd(s.payments.amountVnd),
      'tile-payments-succeeded': formatCount(s.payments.succeeded),
      'tile-payments-rate': formatRate(s.rates.onlinePayment),
      'tile-satisfaction-value': rateText(s.rates.satisfaction),
      'tile-satisfaction-ratings': formatCount(s.ratings.total),
      'tile-staffing-quota': formatCount(s.staffing.quota),
      'tile-staffing-headcount': formatCount(s.staffing.headcount),
      'tile-staffing-onDuty': formatCount(s.staffing.onDuty),
      'tile-score-value': s.score === null ? '—' : `${formatDecimal(s.score, 1)} /100`,
    };
    const shown = Object.fromEntries(Object.keys(expected).map((key) => [key, tiles[key]]));
    expect(shown).toEqual(expected);
    // The demo data has something in every tile: none of them is a dash.
    expect(s.received.total).toBeGreaterThan(0);
    expect(s.payments.succeeded).toBeGreaterThan(0);
    const badge =
      s.targets.onTime.met === null ? undefined : s.targets.onTime.met ? 'Đạt' : 'Không đạt';
    expect(tiles['tile-onTimeRate-badge']).toBe(badge);
    expect(normalise(await page.textContent('[data-testid="freshness-time"]'))).toMatch(
      /^Cập nhật lúc \d\d:\d\d:\d\d$/,
    );
  });

  it('ranks the districts, colours the map and lists late agencies as the REST API does', async () => {
    const ranking = await rest<Ranking>('/rankings?level=district&window=today');
    const late = await rest<LateAgencies>('/alerts/late-agencies?window=today');
    const raceRows = await page.$$eval('[data-testid="race-table"] tbody tr', (rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
    expect(raceRows).toEqual(
      ranking.rows.map((row) => [
        String(row.rank),
        row.name,
        formatDecimal(row.score, 1),
        row.previousRank === null ? '–' : String(row.previousRank),
      ]),
    );
    expect(ranking.rows).toHaveLength(11);

    const mapRows = await page.$$eval('[data-testid="map-table"] tbody tr', (rows) =>
      rows.map((row) => [
        row.getAttribute('data-code'),
        row.querySelectorAll('td')[1]?.textContent?.trim(),
      ]),
    );
    const scoreOf = new Map(ranking.rows.map((row) => [row.code, formatDecimal(row.score, 1)]));
    expect(mapRows).toHaveLength(11);
    for (const [code, score] of mapRows) expect(score).toBe(scoreOf.get(code!));
    expect(await page.textContent('body')).toContain('Sơ đồ minh hoạ (không theo tỉ lệ)');

    const lateRows = await page.$$eval('[data-testid="late-list"] > li.row', (rows) =>
      rows.map((row) => [
        row.getAttribute('data-code'),
        row.getAttribute('data-severity'),
        row.querySelector('[data-field="overdue"]')?.textContent?.trim(),
      ]),
    );
    expect(late.rows.length).toBeGreaterThan(0);
    expect(lateRows).toEqual(
      late.rows.slice(0, 20).map((row) => [row.agencyCode, row.severity, formatCount(row.overdue)]),
    );
    if (late.rows.length > 20) {
      expect(normalise(await page.textContent('[data-testid="late-more"]'))).toBe(
        `và ${late.rows.length - 20} cơ quan khác`,
      );
    }
  });

  it('draws the trends from the daily series: 30 days, weekly on-time rate, payments', async () => {
    const daily = await rest<DailySeries>('/metrics/daily?days=30');
    const shownDays = await page.$$eval('[data-testid="trend-daily-table"] tbody tr', (rows) =>
      rows.map((row) => [
        row.getAttribute('data-date'),
        row.querySelector('[data-field="received"]')?.textContent,
        row.querySelector('[data-field="resolved"]')?.textContent,
      ]),
    );
    expect(shownDays).toEqual(
      daily.days.map((day) => [day.date, formatCount(day.received), formatCount(day.resolved)]),
    );
    const shownPayments = await page.$$eval(
      '[data-testid="trend-payments-table"] tbody tr',
      (rows) =>
        rows.map((row) => [
          row.getAttribute('data-date'),
          row.querySelector('[data-field="count"]')?.textContent,
          row.querySelector('[data-field="amount"]')?.textContent,
        ]),
    );
    expect(shownPayments).toEqual(
      daily.days.map((day) => [
        day.date,
        formatCount(day.paymentsSucceeded),
        formatVnd(day.paymentsAmountVnd),
      ]),
    );

    const long = await rest<DailySeries>(`/metrics/daily?days=${daysForWeeks(Date.now(), 8)}`);
    const shownWeeks = await page.$$eval('[data-testid="trend-weekly-table"] tbody tr', (rows) =>
      rows.map((row) => [
        row.getAttribute('data-week'),
        row.querySelector('[data-field="rate"]')?.textContent,
      ]),
    );
    expect(shownWeeks).toEqual(
      weeklyOnTime(long.days).map((week) => [week.weekStart, formatRate(week.onTimeRate)]),
    );
    expect(shownWeeks).toHaveLength(9);

    // Every chart is drawn: a canvas with a size in each.
    for (const id of [
      'race-chart',
      'map-chart',
      'trend-daily-chart',
      'trend-weekly-chart',
      'trend-payments-chart',
    ]) {
      const size = await page.$eval(`[data-testid="${id}"] canvas`, (canvas) => [
        (canvas as HTMLCanvasElement).width,
        (canvas as HTMLCanvasElement).height,
      ]);
      expect(size[0]).toBeGreaterThan(100);
      expect(size[1]).toBeGreaterThan(100);
    }
  });

  it('shows an ingested event within a second', async () => {
    const before = await rest<MetricsSummary>('/metrics/summary?window=today');
    const expected = formatCount(before.received.total + 1);
    const agency = directory.agencies.find((a) => a.kind === 'commune_committee')!;
    const started = Date.now();
    await postEvents(
      t.url,
      [
        {
          eventId: `e2e-live-${started}`,
          type: 'dossier.received',
          occurredAt: localIso(started - 1_000),
          dossierId: `e2e-live-${started}`,
          procedureCode: directory.procedures[0].code,
          agencyCode: agency.code,
          unitCode: agency.unitCode,
          channel: 'online',
        },
      ],
      { wait: false },
    );
    await page.waitForFunction(
      (text) =>
        (document.querySelector('[data-testid="tile-received-value"]')?.textContent ?? '')
          .replace(/\s+/g, ' ')
          .trim() === text,
      expected,
      { timeout: 1_000, polling: 'raf' },
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('switches windows by key and by button, showing that window’s figures', async () => {
    await page.keyboard.press('2');
    await page.waitForSelector('[data-testid="window-week"][aria-pressed="true"]');
    const week = await rest<MetricsSummary>('/metrics/summary?window=week');
    await page.waitForFunction(
      (text) =>
        document.querySelector('[data-testid="tile-received-value"]')?.textContent?.trim() === text,
      formatCount(week.received.total),
      { timeout: 5_000 },
    );
    await page.click('[data-testid="window-year"]');
    const year = await rest<MetricsSummary>('/metrics/summary?window=year');
    await page.waitForFunction(
      (text) =>
        document.querySelector('[data-testid="tile-resolved-value"]')?.textContent?.trim() === text,
      formatCount(year.resolved.total),
      { timeout: 5_000 },
    );
    await page.keyboard.press('1');
    await page.waitForSelector('[data-testid="window-today"][aria-pressed="true"]');
  });

  it('rotates the windows by itself on a timer set in the URL', async () => {
    const rotating = await context.newPage();
    watch(rotating);
    await rotating.goto(wallUrl('rotate=2'));
    await waitForWall(rotating);
    // Every 2 s: today → week → month → year → today. A slow start may land anywhere in the
    // 8-second cycle, so week comes within one cycle, and month 2 s after it.
    await rotating.waitForSelector('[data-testid="window-week"][aria-pressed="true"]', {
      timeout: 12_000,
    });
    await rotating.waitForSelector('[data-testid="window-month"][aria-pressed="true"]', {
      timeout: 6_000,
    });
    await rotating.close();
  });

  it('speaks English on the switch and Vietnamese again', async () => {
    await page.keyboard.press('l');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="tile-received"] h3')?.textContent === 'Received',
    );
    expect(normalise(await page.textContent('[data-testid="freshness-time"]'))).toMatch(
      /^Updated at \d\d:\d\d:\d\d$/,
    );
    await page.keyboard.press('l');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="tile-received"] h3')?.textContent === 'Tiếp nhận',
    );
  });

  it('turns amber when the API goes away, red after 30 s, and live again when it returns', async () => {
    const shownBefore = normalise(await page.textContent('[data-testid="tile-received-value"]'));
    const timeBefore = normalise(await page.textContent('[data-testid="freshness-time"]'));
    const outage = { from: Date.now(), to: Infinity };
    outages.push(outage);
    await proxy.stop();
    await page.waitForSelector('[data-testid="freshness"][data-state="stale"]', { timeout: 3_000 });
    // The last data stays on screen, with its time.
    expect(normalise(await page.textContent('[data-testid="tile-received-value"]'))).toBe(
      shownBefore,
    );
    expect(normalise(await page.textContent('[data-testid="freshness-time"]'))).toBe(timeBefore);
    await page.waitForSelector('[data-testid="freshness"][data-state="cut"]', { timeout: 35_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'wall-1920x1080-cut.png') });
    expect(normalise(await page.textContent('[data-testid="tile-received-value"]'))).toBe(
      shownBefore,
    );

    await proxy.start();
    await page.waitForSelector('[data-testid="freshness"][data-state="live"]', { timeout: 15_000 });
    outage.to = Date.now() + 1_000;
    // Resynced: the figures are today's again, as the API has them.
    const s = await rest<MetricsSummary>('/metrics/summary?window=today');
    await page.waitForFunction(
      (text) =>
        document.querySelector('[data-testid="tile-received-value"]')?.textContent?.trim() === text,
      formatCount(s.received.total),
      { timeout: 5_000 },
    );
    expect(normalise(await page.textContent('[data-testid="freshness-time"]'))).not.toBe(
      timeBefore,
    );
  });

  it.each([
    [1920, 1080],
    [3840, 1080],
    [3840, 2160],
  ])(
    'lays out at %i×%i in real pixels, nothing cut or overlapping, with the bundled font',
    async (width, height) => {
      const wall = await context.newPage();
      watch(wall);
      await wall.setViewportSize({ width, height });
      await wall.goto(wallUrl());
      await waitForWall(wall);
      // A few live seconds, so the bars have raced and the screen is as people see it.
      for (let second = 0; second < 3; second++) {
        await postEvents(t.url, traffic.tick(Date.now(), 3), { wait: false });
        await wall.waitForTimeout(1_000);
      }
      // Let the last race animation and reorder settle: the picture is of the wall at rest.
      await wall.waitForTimeout(2_000);
      await wall.screenshot({ path: join(SCREENSHOTS, `wall-${width}x${height}.png`) });

      const layout = await wall.evaluate(() => {
        const rect = (element: Element) => element.getBoundingClientRect();
        const panels = [
          ...document.querySelectorAll(
            '.area-header, .area-tiles .tile, .area-race, .area-map, .area-late, .area-trends > *',
          ),
        ];
        const boxes = panels.map((panel) => ({
          name: panel.className,
          ...(rect(panel).toJSON() as DOMRect),
        }));
        const overlaps: string[] = [];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            if (
              a.left < b.right - 1 &&
              b.left < a.right - 1 &&
              a.top < b.bottom - 1 &&
              b.top < a.bottom - 1
            )
              overlaps.push(`${a.name} × ${b.name}`);
          }
        }
        const outside = boxes
          .filter(
            (box) =>
              box.left < 0 ||
              box.top < 0 ||
              box.right > innerWidth + 0.5 ||
              box.bottom > innerHeight + 0.5,
          )
          .map((box) => box.name);
        // A figure wider than its tile would be cut: its box must hold it.
        const clipped = [
          ...document.querySelectorAll('.tile .value, .tile dd, .tile h3, .area-header h1'),
        ]
          .filter((element) => element.scrollWidth > element.clientWidth + 1)
          .map(
            (element) =>
              element.closest('[data-testid]')?.getAttribute('data-testid') ?? element.className,
          );
        const fonts = [...document.fonts].filter(
          (face) => face.family.replace(/"/g, '') === 'Be Vietnam Pro' && face.status === 'loaded',
        ).length;
        return {
          overlaps,
          outside,
          clipped,
          fonts,
          rootFontSize: parseFloat(getComputedStyle(document.documentElement).fontSize),
          scrolls:
            document.documentElement.scrollWidth > innerWidth ||
            document.documentElement.scrollHeight > innerHeight,
          transformed: getComputedStyle(document.querySelector('.wall')!).transform,
          bodyFont: getComputedStyle(document.body).fontFamily,
          smallestText: Math.min(
            ...[...document.querySelectorAll('.wall *')]
              .filter(
                (e) =>
                  e.childNodes.length &&
                  [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
              )
              .filter((e) => !e.closest('.sr-only'))
              .map((e) => parseFloat(getComputedStyle(e).fontSize)),
          ),
        };
      });
      expect(layout).toMatchObject({
        overlaps: [],
        outside: [],
        clipped: [],
        scrolls: false,
        transformed: 'none',
      });
      expect(layout.bodyFont).toContain('Be Vietnam Pro');
      expect(layout.fonts).toBeGreaterThan(0);
      // Real pixels: the type grows with the screen (20 px a rem at 1080 lines, 40 px at 2160).
      expect(layout.rootFontSize).toBe(height / 54);
      // Readable from 5 m: nothing smaller than 14 px on a 1080-line wall, 28 px on a 2160-line one.
      expect(layout.smallestText).toBeGreaterThanOrEqual((14 * height) / 1080);
      await wall.close();
    },
  );

  it('made no request off this host and logged no console error', () => {
    const foreign = requests.filter((url) => {
      const parsed = new URL(url);
      return !['data:', 'blob:'].includes(parsed.protocol) && !LOCAL_HOSTS.has(parsed.hostname);
    });
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    const unexpected = consoleErrors.filter(
      (error) => !outages.some((outage) => error.at >= outage.from && error.at <= outage.to),
    );
    expect(unexpected).toEqual([]);
  });
});
