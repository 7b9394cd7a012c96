/// <reference lib="dom" />
/**
 * The video wall of a two-tier province in Debian's Chromium: Đồng Nai 2025 (95 communes and
 * wards), then the same province grown to 168 (Hồ Chí Minh City's count) with made-up communes.
 * At every wall size: nothing overlapping or cut, no text under 20 px a 1080 lines, a unit with
 * too few dossiers never ranked, the late agencies as two lists agreeing with the API; a
 * commune's own wall names it and hides the map cleanly (it has no children). One app and one
 * page for the whole file: the sizes are viewports of the same page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LateAgencies, MetricsSummary, Ranking } from '@ioc/domain';
import { startWallStack, type WallStack } from '../bench/wall-stack';
import { buildDashboard } from '../support/build-dashboard';
import { launchChromium } from '../support/chromium';
import { syntheticAdditions, syntheticDirectory } from '../support/synthetic-province';
import { expectHonestRanking } from '../support/wall-checks';
import { measureWallLayout, minimumTextPx, WALL_FITS } from '../support/wall-layout';
import { adminToken, postEvents, WallTraffic } from '../support/wall-traffic';
import { TEST_PORTS } from '../support/ports';

jest.setTimeout(240_000);

const SCREENSHOTS = join(__dirname, 'screenshots');
const SIZES = [
  [1920, 1080],
  [3840, 1080],
  [3840, 2160],
  [7680, 2160],
] as const;
/** A ward of Đồng Nai (two tiers: no children of its own). */
const BIEN_HOA = '26068';

describe('video wall of a two-tier province (Đồng Nai 2025, then 168 communes)', () => {
  let stack: WallStack;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  async function rest<T>(path: string): Promise<T> {
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      headers: { Authorization: `Bearer ${stack.wallToken}` },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  async function open(query: string, size: readonly [number, number]): Promise<void> {
    await page.setViewportSize({ width: size[0], height: size[1] });
    await page.goto(`${stack.url}/wall?token=${stack.wallToken}&rotate=0&${query}`);
    await page.waitForSelector('[data-testid="freshness"][data-state="live"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="ranking-lines"] .line', { timeout: 20_000 });
    // The fonts, the map and a live update or two.
    await page.waitForTimeout(2_500);
  }

  async function expectFits(name: string, height: number): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    const layout = await measureWallLayout(page, minimumTextPx(height));
    expect(layout).toMatchObject(WALL_FITS);
    expect(layout.rootFontSize).toBe(height / 54);
  }

  /** Both lists as the API's rows say: overdue now worst first, below target lowest first. */
  async function expectLateLists(window: string): Promise<void> {
    const [late, summary] = await Promise.all([
      rest<LateAgencies>(`/alerts/late-agencies?window=${window}`),
      rest<MetricsSummary>(`/metrics/summary?window=${window}`),
    ]);
    const shown = {
      overdue: await page.$$eval('[data-testid="late-overdue"] > li', (rows) =>
        rows.map((row) => row.getAttribute('data-code')),
      ),
      below: await page.$$eval('[data-testid="late-below"] > li', (rows) =>
        rows.map((row) => row.getAttribute('data-code')),
      ),
    };
    const overdue = late.rows.filter((row) => row.overdue > 0).map((row) => row.agencyCode);
    const target = summary.targets.onTime.target;
    const below = late.rows
      .filter((row) => row.onTimeRate !== null && row.onTimeRate < target)
      .sort((a, b) => a.onTimeRate! - b.onTimeRate! || b.resolved - a.resolved)
      .map((row) => row.agencyCode);
    expect(overdue.length + below.length).toBeGreaterThan(0);
    // The worst that fit, in order; the first is always there when there is one.
    expect(shown.overdue).toEqual(overdue.slice(0, shown.overdue.length));
    expect(shown.below).toEqual(below.slice(0, shown.below.length));
    if (overdue.length) expect(shown.overdue.length).toBeGreaterThan(0);
    if (below.length) expect(shown.below.length).toBeGreaterThan(0);
  }

  beforeAll(async () => {
    buildDashboard();
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await startWallStack({
      port: TEST_PORTS.wallProvinces,
      database: 'ioc_wall_e2e_two_tiers',
      province: 'dong-nai-2025',
      backfillDays: 35,
      perDay: 400,
    });
    browser = await launchChromium();
    page = await browser.newPage({ locale: 'vi-VN' });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it.each(SIZES)(
    'fits 95 communes at %i×%i, ranked honestly, late agencies in two lists',
    async (width, height) => {
      await open('window=month', [width, height]);
      await expectFits(`wall-dong-nai-${width}x${height}`, height);
      const ranking = await rest<Ranking>('/rankings?level=district&window=month');
      expect(ranking.rows).toHaveLength(95);
      await expectHonestRanking(page, ranking);
      await expectLateLists('month');
      // Every commune has its cell; a real map would replace the schematic.
      expect(await page.$$eval('[data-testid="map-table"] tbody tr', (rows) => rows.length)).toBe(
        95,
      );
    },
  );

  it('lists the units with too few dossiers apart on a morning, none of them ranked', async () => {
    await open('window=today', [1920, 1080]);
    await expectFits('wall-dong-nai-today-1920x1080', 1080);
    const ranking = await rest<Ranking>('/rankings?level=district&window=today');
    expect(ranking.rows.some((row) => row.lowSample)).toBe(true);
    await expectHonestRanking(page, ranking);
  });

  it('is not cut in English', async () => {
    await open('window=month&lang=en', [1920, 1080]);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="tile-received"] h3')?.textContent === 'Received',
    );
    await expectFits('wall-dong-nai-en-1920x1080', 1080);
    await page.goto(`${stack.url}/wall?rotate=0&lang=vi`);
  });

  it('names a ward on its own wall and hides the map cleanly: it has no children', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${stack.url}/wall?token=${stack.wallToken}&rotate=0&scope=${BIEN_HOA}`);
    await page.waitForSelector('[data-testid="map-none"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="wall-unit"]')).toBe('Phường Biên Hòa');
    expect(await page.textContent('[data-testid="ranking-none"]')).toContain(
      'Đơn vị không có cấp dưới',
    );
    expect(await page.textContent('body')).not.toContain('Đang tải bản đồ');
    await expectFits('wall-dong-nai-ward-1920x1080', 1080);
  });

  it('fits 168 communes at 3840×2160, paging the ranking', async () => {
    const admin = await adminToken(stack.url);
    const response = await fetch(`${stack.url}/api/v1/directory/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin}` },
      body: JSON.stringify(syntheticAdditions(168)),
    });
    expect(response.status).toBe(201);
    const traffic = new WallTraffic(syntheticDirectory(168), 11, 'grown');
    await postEvents(stack.url, traffic.backfill(Date.now(), 35, 400));
    // In the first days of a month the weeks before fall outside it: enough of today's dossiers
    // that most communes reach the sample minimum (30) whatever the date.
    await postEvents(stack.url, traffic.backfill(Date.now(), 0, 168 * 40));
    await open('window=month', [3840, 2160]);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="map-table"] tbody tr').length === 168,
    );
    await expectFits('wall-168-3840x2160', 2160);
    const ranking = await rest<Ranking>('/rankings?level=district&window=month');
    expect(ranking.rows).toHaveLength(168);
    await expectHonestRanking(page, ranking);
    // The pager turns every few seconds: read the page number and its median line at one instant.
    await page.waitForFunction(
      () =>
        /Trang 1\/\d+/.test(
          document.querySelector('[data-testid="ranking-pager"]')?.textContent ?? '',
        ) && document.querySelectorAll('[data-testid="ranking-median"]').length === 1,
      undefined,
      { timeout: 30_000 },
    );
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
