/// <reference lib="dom" />
/**
 * The laptop workspace (issue 9) in Debian's Chromium, against the built dashboard served by the
 * real API on its own database: a district chief lands on their unit, sees the overdue list the
 * API gives, downloads it as XLSX (read back with exceljs) and CSV, is refused another unit,
 * follows a dossier that turns up overdue without a reload and signs out; a leader reaches a
 * unit from the search box; an agency head lands on their agency. axe-core finds no serious or
 * critical violation. Screenshots of every screen, both themes, 1440×900 and 1366×768.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DossierPage, ProcedureLoads } from '@ioc/domain';
import { launchChromium } from '../support/chromium';
import { local, received } from '../support/events';
import { startTestApp, type TestApp } from '../support/test-app';
import { buildDashboard } from '../support/build-dashboard';
import { seriousViolations, signIn, tableDossiers } from './support/workspace-browser';

jest.setTimeout(240_000);

const SCREENSHOTS = join(__dirname, 'screenshots');
/** A Wednesday, 10:00 in Vietnam: today is 25/11, the next working day 26/11. */
const NOW = '2026-11-25T10:00:00+07:00';
const CHIEF_UNIT = '689'; // Thành phố Đồng Xoài
const CHIEF_UNIT_NAME = 'Thành phố Đồng Xoài';
const COMMUNE = '25195'; // a ward of Đồng Xoài
const OTHER_UNIT = '695'; // Huyện Đồng Phú
const OTHER_UNIT_NAME = 'Huyện Đồng Phú';
const DEPARTMENT = 'STP'; // Sở Tư pháp
const PROCEDURE = '2.001610';
const OVERDUE_SORT = 'overdueDays:desc,dueAt:asc,dossierId:asc';
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
] as const;

const at = (unitCode: string, agencyCode: string) => ({
  unitCode,
  agencyCode,
  procedureCode: PROCEDURE,
  channel: 'direct' as const,
});
/** A cell of the workbook as text: the files hold strings and numbers only. */
const cellText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const due = (day: string) => local(`${day}T23:59:59`);

/** Overdue by 15, 5 and 1 days, due today, due tomorrow, due later; another unit; a department. */
const EVENTS = [
  received('WS-OVR-15', '2026-11-02T09:00:00', {
    ...at(CHIEF_UNIT, `UBND-${CHIEF_UNIT}`),
    dueAt: due('2026-11-10'),
  }),
  {
    eventId: 'ws-apology-15',
    type: 'dossier.apologized',
    occurredAt: local('2026-11-12T09:00:00'),
    dossierId: 'WS-OVR-15',
    newDueAt: due('2026-11-30'),
  },
  received('WS-OVR-05', '2026-11-12T09:00:00', {
    ...at(COMMUNE, `UBND-${COMMUNE}`),
    dueAt: due('2026-11-20'),
  }),
  received('WS-OVR-01', '2026-11-16T09:00:00', {
    ...at(CHIEF_UNIT, `UBND-${CHIEF_UNIT}`),
    dueAt: due('2026-11-24'),
  }),
  received('WS-TODAY-1', '2026-11-20T09:00:00', {
    ...at(CHIEF_UNIT, `UBND-${CHIEF_UNIT}`),
    dueAt: due('2026-11-25'),
  }),
  received('WS-NEXT-1', '2026-11-21T09:00:00', {
    ...at(COMMUNE, `UBND-${COMMUNE}`),
    dueAt: due('2026-11-26'),
  }),
  received('WS-LATER-1', '2026-11-24T09:00:00', {
    ...at(CHIEF_UNIT, `UBND-${CHIEF_UNIT}`),
    dueAt: due('2026-12-10'),
  }),
  received('WS-OTHER-1', '2026-11-03T09:00:00', {
    ...at(OTHER_UNIT, `UBND-${OTHER_UNIT}`),
    dueAt: due('2026-11-13'),
  }),
  received('WS-DEPT-1', '2026-11-04T09:00:00', {
    ...at('70', DEPARTMENT),
    dueAt: due('2026-11-18'),
  }),
  received('WS-TODAY-0', '2026-11-25T08:00:00', { ...at(CHIEF_UNIT, `UBND-${CHIEF_UNIT}`) }),
];

describe('laptop workspace', () => {
  let t: TestApp;
  let browser: Browser;
  const consoleErrors: string[] = [];

  async function newPage(
    size: { width: number; height: number } = SIZES[0],
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: size,
      locale: 'vi-VN',
      // Not the server's zone: the days on screen must still be Vietnam's.
      timezoneId: 'Europe/Paris',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      // A refused read (403, 404) is expected where the test asks for one.
      if (message.type() === 'error' && !/status of 40[34]/.test(message.text())) {
        consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    return { context, page };
  }

  async function api<T>(path: string, username: string): Promise<T> {
    const response = await t.get(`/api/v1${path}`, await t.login(username));
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.body as T;
  }

  async function waitForWorkspace(page: Page, testId = 'unit-workspace'): Promise<void> {
    await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: 20_000 });
    await page.waitForSelector('[data-testid="live-state"][data-state="subscribed"]', {
      timeout: 20_000,
    });
  }

  async function shot(page: Page, name: string): Promise<void> {
    const size = page.viewportSize();
    const theme = await page.evaluate(() => document.documentElement.dataset.theme ?? 'none');
    await page.screenshot({
      path: join(SCREENSHOTS, `workspace-${name}-${theme}-${size?.width}x${size?.height}.png`),
      fullPage: true,
    });
  }

  beforeAll(async () => {
    buildDashboard();
    mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp({ now: NOW, env: { LIVE_TICK_MS: '100' } });
    const answer = await t.ingest(EVENTS);
    expect(answer.body).toMatchObject({ accepted: EVENTS.length, rejected: [] });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    expect(consoleErrors).toEqual([]);
    consoleErrors.length = 0;
  });

  describe.each(SIZES)('a district chief at $width×$height', (size) => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await newPage(size));
      await signIn(page, t.url, `chief-${CHIEF_UNIT}`);
    });

    afterAll(async () => context?.close());

    it('lands on their unit, named in the header, in the light theme', async () => {
      expect(new URL(page.url()).pathname).toBe(`/units/${CHIEF_UNIT}`);
      await waitForWorkspace(page);
      expect(await page.textContent('[data-testid="page-heading"]')).toContain(CHIEF_UNIT_NAME);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    });

    it('lists the overdue dossiers the API gives, worst first', async () => {
      const fromApi = await api<DossierPage>(
        `/dossiers?scope=${CHIEF_UNIT}&status=overdue&sort=${OVERDUE_SORT}&pageSize=50`,
        `chief-${CHIEF_UNIT}`,
      );
      expect(fromApi.rows.map((row) => row.dossierId)).toEqual([
        'WS-OVR-15',
        'WS-OVR-05',
        'WS-OVR-01',
      ]);
      const shown = await tableDossiers(page, 'overdue-table');
      expect(shown).toEqual(
        fromApi.rows.map((row) => ({
          dossierId: row.dossierId,
          overdueDays: String(row.overdueDays),
        })),
      );
      expect(await page.textContent('[data-testid="overdue-total"]')).toBe(String(fromApi.total));
      // Whether the letter of apology went out, as the API says: only WS-OVR-15's did.
      expect(await page.textContent('[data-testid="overdue-table"] thead')).toContain('Đã xin lỗi');
      const apologies = await page.$$eval('[data-testid="overdue-table"] tbody tr', (rows) =>
        rows.map((row) => row.querySelectorAll('td')[6]?.textContent?.trim()),
      );
      expect(apologies).toEqual(fromApi.rows.map((row) => (row.apologized ? 'Có' : 'Không')));
      expect(apologies).toEqual(['Có', 'Không', 'Không']);
    });

    it('shows its rank of N, beside the best unit and the province median, and what to improve', async () => {
      expect((await page.textContent('[data-testid="rank-position"]'))?.trim()).toMatch(
        /^Hạng \d+\/11$/,
      );
      const components = await page.textContent('[data-testid="rank-components"] thead');
      expect(components).toContain('Dẫn đầu');
      expect(components).toContain('Trung vị toàn tỉnh');
      expect(await page.textContent('[data-testid="rank-gain"]')).toMatch(
        /→ .* sẽ thêm [\d,]+ điểm/,
      );
    });

    it('lists what falls due today and on the next working day', async () => {
      expect((await tableDossiers(page, 'due-today-table')).map((r) => r.dossierId)).toEqual([
        'WS-TODAY-1',
      ]);
      expect((await tableDossiers(page, 'due-next-table')).map((r) => r.dossierId)).toEqual([
        'WS-NEXT-1',
      ]);
      expect(await page.textContent('[data-testid="due-next"] h2')).toContain('26/11/2026');
    });

    it('shows no data of another unit, nor any outside their own', async () => {
      const text = await page.textContent('body');
      expect(text).not.toContain('WS-OTHER-1');
      expect(text).not.toContain('WS-DEPT-1');
      expect(text).not.toContain('WS-LATER-1'); // in progress, but neither overdue nor due soon
    });

    it('sorts its child units by a column from the keyboard', async () => {
      const names = () =>
        page.$$eval('[data-testid="children-table"] tbody tr', (rows) =>
          rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.trim() ?? ''),
        );
      const heading = '[data-testid="children-table"] button[data-sort-key="name"]';
      await page.focus(heading);
      await page.keyboard.press('Enter');
      const ascending = await names();
      expect(ascending.length).toBeGreaterThan(1);
      expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'vi')));
      expect(
        await page.$eval('[data-testid="children-table"] th[aria-sort]', (th) =>
          th.getAttribute('aria-sort'),
        ),
      ).toBe('ascending');
      await page.keyboard.press('Enter');
      expect(await names()).toEqual([...ascending].reverse());
    });

    it('has no serious or critical accessibility violation, in either theme', async () => {
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'unit');
      await page.click('[data-testid="theme-switch"]');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'unit');
      await page.click('[data-testid="theme-switch"]');
    });
  });

  describe('a district chief at work', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await newPage());
      await signIn(page, t.url, `chief-${CHIEF_UNIT}`);
      await waitForWorkspace(page);
    });

    afterAll(async () => context?.close());

    it('downloads the overdue list as XLSX equal to the list', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid="overdue-download"] [data-format="xlsx"]'),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download.path());
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as unknown[]).map(cellText);
      const codeColumn = headers.indexOf('Mã hồ sơ');
      const daysColumn = headers.indexOf('Số ngày quá hạn');
      expect(codeColumn).toBeGreaterThan(0);
      const rows: { dossierId: string; overdueDays: string }[] = [];
      sheet.eachRow((row, index) => {
        if (index === 1) return;
        rows.push({
          dossierId: cellText(row.getCell(codeColumn).value),
          overdueDays: cellText(row.getCell(daysColumn).value),
        });
      });
      expect(rows).toEqual(await tableDossiers(page, 'overdue-table'));
    });

    it('downloads it as CSV with a byte-order mark, the same codes', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid="overdue-download"] [data-format="csv"]'),
      ]);
      const bytes = readFileSync(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const codes = bytes
        .toString('utf8')
        .slice(1)
        .split(/\r?\n/)
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(',')[0].replace(/"/g, ''));
      expect(codes).toEqual(
        (await tableDossiers(page, 'overdue-table')).map((row) => row.dossierId),
      );
    });

    it('sees a dossier that turns up overdue without a reload', async () => {
      const answer = await t.ingest([
        received('WS-LIVE-1', '2026-11-03T09:00:00', {
          ...at(COMMUNE, `UBND-${COMMUNE}`),
          dueAt: due('2026-11-19'),
        }),
      ]);
      expect(answer.body).toMatchObject({ accepted: 1 });
      await page.waitForSelector('[data-testid="overdue-table"] tr[data-dossier="WS-LIVE-1"]', {
        timeout: 10_000,
      });
      expect((await tableDossiers(page, 'overdue-table')).map((r) => r.dossierId)).toEqual([
        'WS-OVR-15',
        'WS-LIVE-1',
        'WS-OVR-05',
        'WS-OVR-01',
      ]);
    });

    it('opens the full list from a deep link that survives a reload, and a dossier from it', async () => {
      await page.goto(`${t.url}/units/${CHIEF_UNIT}/dossiers?status=overdue&q=WS-OVR`);
      await page.waitForSelector('[data-testid="list-table"] tbody tr');
      await page.reload();
      await page.waitForSelector('[data-testid="list-table"] tbody tr');
      expect((await tableDossiers(page, 'list-table')).map((r) => r.dossierId)).toEqual([
        'WS-OVR-15',
        'WS-OVR-05',
        'WS-OVR-01',
      ]);
      expect(await page.inputValue('[data-testid="filter-q"]')).toBe('WS-OVR');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'dossiers');

      await page.click('[data-testid="list-table"] a:text("WS-OVR-15")');
      await page.waitForSelector('[data-testid="due-reasoning"]');
      expect(new URL(page.url()).pathname).toBe('/dossiers/WS-OVR-15');
      const reasoning = await page.textContent('[data-testid="due-reasoning"]');
      expect(reasoning).toContain('10/11/2026 23:59');
      expect(reasoning).toContain('30/11/2026'); // the apology's new appointment
      expect(await page.$$eval('[data-testid="timeline"] tbody tr', (rows) => rows.length)).toBe(2);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'dossier');
      // Back to the list as it was filtered.
      await page.click('[data-testid="dossier-back"]');
      await page.waitForURL((url) => url.pathname === `/units/${CHIEF_UNIT}/dossiers`);
      expect(new URL(page.url()).searchParams.get('q')).toBe('WS-OVR');
    });

    it('is told "no access" for another unit, and shown none of its data', async () => {
      await page.goto(`${t.url}/units/${OTHER_UNIT}`);
      await page.waitForSelector('[data-testid="no-access"]');
      const text = await page.textContent('body');
      expect(text).not.toContain(OTHER_UNIT_NAME);
      expect(text).not.toContain('WS-OTHER-1');
      expect(await page.$('[data-testid="figures"]')).toBeNull();
      await shot(page, 'no-access');
      await page.goto(`${t.url}/dossiers/WS-OTHER-1`);
      await page.waitForSelector('[data-testid="not-found"], [data-testid="no-access"]');
      expect(await page.textContent('body')).not.toContain(OTHER_UNIT_NAME);
    });

    it('signs out: back to the login page, the token gone', async () => {
      await page.goto(`${t.url}/units/${CHIEF_UNIT}`);
      await waitForWorkspace(page);
      await page.click('[data-testid="sign-out"]');
      await page.waitForURL((url) => url.pathname === '/login');
      expect(await page.evaluate(() => localStorage.getItem('ioc.session'))).toBeNull();
      await page.goto(`${t.url}/units/${CHIEF_UNIT}`);
      await page.waitForURL((url) => url.pathname === '/login');
    });
  });

  it('a leader reaches a unit from the search box, and goes back', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, t.url, 'leader');
      expect(new URL(page.url()).pathname).toBe('/wall');
      await page.goto(`${t.url}/units/70`);
      await waitForWorkspace(page);
      await page.fill('[data-testid="directory-search"]', 'dong xoai');
      await page.press('[data-testid="directory-search"]', 'Enter');
      await page.waitForURL((url) => url.pathname === `/units/${CHIEF_UNIT}`);
      await waitForWorkspace(page);
      expect(await page.textContent('[data-testid="page-heading"]')).toContain(CHIEF_UNIT_NAME);
      // A leader sees the whole ranking: "of N", the best unit and the median.
      expect(await page.textContent('[data-testid="rank-position"]')).toMatch(/Hạng \d+\/11/);
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/units/70');
    } finally {
      await context.close();
    }
  });

  describe('a leader on a laptop, from the wall to a unit or an agency and back', () => {
    let context: BrowserContext;
    let page: Page;

    /** The wall is up and live: figures, the ranking and the map drawn. */
    async function waitForWall(): Promise<void> {
      await page.waitForSelector('[data-testid="freshness"][data-state="live"]', {
        timeout: 20_000,
      });
      await page.waitForSelector('[data-testid="ranking-lines"] a.name', { timeout: 20_000 });
      await page.waitForSelector('[data-testid="map-chart"] canvas', { timeout: 20_000 });
    }

    /** Back to the wall, by the browser's back button: live again, its ranking drawn. */
    async function backToWall(): Promise<void> {
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/wall');
      await waitForWall();
    }

    beforeAll(async () => {
      ({ context, page } = await newPage(SIZES[0]));
      await signIn(page, t.url, 'leader');
      expect(new URL(page.url()).pathname).toBe('/wall');
      await waitForWall();
    });

    afterAll(async () => context?.close());

    it('reaches a unit of the ranking from the keyboard, and comes back to a live wall', async () => {
      const first = page.locator('[data-testid="ranking-lines"] a.name').first();
      const href = await first.getAttribute('href');
      expect(href).toMatch(/^\/units\/\d+$/);
      // Large enough to click on a laptop, inside the 1440×900 screen.
      const box = await first.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(16);
      expect(box!.y + box!.height).toBeLessThanOrEqual(900);
      // Tab reaches it: every link before it is passed over, none traps the focus.
      let reached = false;
      for (let press = 0; press < 80 && !reached; press++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          (target) => document.activeElement?.getAttribute('href') === target,
          href,
        );
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === href);
      await waitForWorkspace(page);
      await backToWall();
    });

    it('reaches a unit from the map, and the wall again from the shell’s link', async () => {
      const canvas = (await page
        .locator('[data-testid="map-chart"] canvas')
        .first()
        .boundingBox())!;
      // A unit's shape lies under some point of a grid over the map; the sea around it does not.
      for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7]) {
        for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
          if (new URL(page.url()).pathname !== '/wall') break;
          await page.mouse.click(canvas.x + canvas.width * fx, canvas.y + canvas.height * fy);
          await page.waitForTimeout(150);
        }
      }
      expect(new URL(page.url()).pathname).toMatch(/^\/units\/\d+$/);
      await waitForWorkspace(page);
      await page.click('nav a[href="/wall"]');
      await page.waitForURL((url) => url.pathname === '/wall');
      await waitForWall();
    });

    it('reaches a late agency, and comes back', async () => {
      const late = page.locator('[data-testid="late-overdue"] a.name').first();
      const href = (await late.getAttribute('href'))!;
      expect(href).toMatch(/^\/agencies\//);
      await late.click();
      await page.waitForURL((url) => url.pathname === href);
      await waitForWorkspace(page, 'agency-workspace');
      await backToWall();
    });
  });

  it('an administrator lands on /admin (SPEC §8), with no redirect loop', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, t.url, 'admin');
      expect(new URL(page.url()).pathname).toBe('/admin');
      await page.waitForSelector('[data-testid="sign-out"]');
    } finally {
      await context.close();
    }
  });

  it.each(SIZES)('an agency head lands on their agency at $width×$height', async (size) => {
    const { context, page } = await newPage(size);
    try {
      await signIn(page, t.url, `head-${DEPARTMENT}`);
      expect(new URL(page.url()).pathname).toBe(`/agencies/${DEPARTMENT}`);
      await waitForWorkspace(page, 'agency-workspace');
      expect((await tableDossiers(page, 'overdue-table')).map((r) => r.dossierId)).toEqual([
        'WS-DEPT-1',
      ]);
      expect(await page.textContent('body')).not.toContain('WS-OVR-15');
      // By procedure, as the API counts it over the period on screen (today).
      const loads = await api<ProcedureLoads>(
        `/dossiers/by-procedure?agency=${DEPARTMENT}&window=today`,
        `head-${DEPARTMENT}`,
      );
      expect(loads.rows).toMatchObject([{ procedureCode: PROCEDURE, inProgress: 1, overdue: 1 }]);
      const procedureRows = await page.$$eval('[data-testid="procedures-table"] tbody tr', (rows) =>
        rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent?.trim())),
      );
      expect(procedureRows).toEqual([
        [loads.rows[0].procedureName, '1', '1', '0', '0', '7', '0', '—'],
      ]);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'agency');
      await page.click('[data-testid="theme-switch"]');
      await shot(page, 'agency');
    } finally {
      await context.close();
    }
  });

  describe.each(SIZES)('every screen in both themes at $width×$height', (size) => {
    it.each(['light', 'dark'])('%s', async (theme) => {
      const { context, page } = await newPage(size);
      try {
        const open = async (path: string, ready: string) => {
          await page.goto(`${t.url}${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
          await page.waitForSelector(ready, { timeout: 20_000 });
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        };
        await signIn(page, t.url, `chief-${CHIEF_UNIT}`);
        await open(`/units/${CHIEF_UNIT}`, '[data-testid="live-state"][data-state="subscribed"]');
        await shot(page, 'unit');
        await open(`/units/${COMMUNE}`, '[data-testid="live-state"][data-state="subscribed"]');
        // A commune has no units below it: a plain line, not an empty table.
        expect(await page.$('[data-testid="children-table"]')).toBeNull();
        await shot(page, 'commune');
        await open(`/units/${CHIEF_UNIT}/dossiers?status=inProgress`, '[data-testid="list-table"]');
        await shot(page, 'dossiers');
        await open('/dossiers/WS-OVR-15', '[data-testid="due-reasoning"]');
        await shot(page, 'dossier');
        await open(`/units/${OTHER_UNIT}`, '[data-testid="no-access"]');
        await shot(page, 'no-access');
        await page.click('[data-testid="sign-out"]');
        await page.waitForURL((url) => url.pathname === '/login');
        await shot(page, 'login');
        await signIn(page, t.url, 'leader');
        await open(`/units/${CHIEF_UNIT}`, '[data-testid="live-state"][data-state="subscribed"]');
        await shot(page, 'unit-leader');
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
