/// <reference lib="dom" />
/**
 * The weekly briefing (issue 10) in Debian's Chromium and as the PDF the API prints, over the
 * hand-made weeks of tests/support/scenarios/briefing-weeks.ts on the real application: the
 * slides turned with the keyboard and a click, the week and scope on every page, nothing
 * scrolling inside a slide; the PDF read back with `pdftotext` (its diacritics, and every figure
 * of the II.06a form equal to the JSON's), its page sizes with `pdfinfo`, its pages rendered to
 * PNG with `pdftoppm`; screenshots of the report page and the slides for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatCount, formColumns, PRINTED_BRIEFING_GLOBAL, type Briefing } from '@ioc/domain';
import { launchChromium } from '../support/chromium';
import { sampleBriefing } from '../support/briefing-sample';
import {
  BRIEFING_PROCEDURES,
  EVENTS,
  NOW,
  OPEN_WEEK,
  WEEK,
} from '../support/scenarios/briefing-weeks';
import { messageOf, startTestApp, withTestApp, type TestApp } from '../support/test-app';
import { buildDashboard } from '../support/build-dashboard';

jest.setTimeout(180_000);

const SCREENSHOTS = join(__dirname, 'screenshots');
/** A 16:9 page of 1920 × 1080 CSS px is 1440 × 810 pt; A4 landscape is 841.89 × 595.28 pt. */
const SLIDE_PAGE = '1440 x 810 pts';
const A4_LANDSCAPE = /^841\.\d+ x 59[45]\.\d+ pts \(A4\)$/;

const normalise = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What overflows inside the slide on screen: an element whose content is taller or wider than it. */
function overflowingParts(page: Page) {
  return page.$$eval('[data-testid="slide"], [data-testid="slide-body"]', (elements) =>
    elements
      .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      .map(
        (el) =>
          `${el.getAttribute('data-testid')}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
      ),
  );
}

async function slideState(page: Page) {
  return {
    page: normalise(await page.textContent('[data-testid="slide-page"]')),
    week: normalise(await page.textContent('[data-testid="slide-week"]')),
    scope: normalise(await page.textContent('[data-testid="slide-scope"]')),
    kind: await page.getAttribute('[data-testid="slide"]', 'data-kind'),
    overflowing: await overflowingParts(page),
  };
}

describe('weekly briefing: slides in Chromium and the printed PDF', () => {
  let t: TestApp;
  let leader: string;
  let briefing: Briefing;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let work: string;
  /** Errors and warnings in the page's console (a CSP refusal, a failed request, a Vue warning). */
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    mkdirSync(SCREENSHOTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
    t = await startTestApp({ now: NOW });
    await t.importProcedures(BRIEFING_PROCEDURES);
    const ingest = await t.ingest(EVENTS);
    expect(ingest.body).toMatchObject({ accepted: EVENTS.length, rejected: [] });
    leader = await t.login('leader');
    const answer = await t.get(`/api/v1/briefings/${WEEK}`, leader);
    expect(answer.status).toBe(200);
    briefing = answer.body as Briefing;

    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'vi-VN',
      // Not the server's zone: the week's days must still be Vietnam's.
      timezoneId: 'America/New_York',
    });
    await context.addInitScript((token) => {
      localStorage.setItem(
        'ioc.session',
        JSON.stringify({ token, role: 'leader', unitCode: null }),
      );
      localStorage.setItem('ioc.locale', 'vi');
    }, leader);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        consoleProblems.push(message.text());
    });
    page.on('pageerror', (error) => consoleProblems.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('turns the slides with the arrows, Page Up/Down and a click, with the week and scope on every page', async () => {
    await page.goto(`${t.url}/briefing/${WEEK}?slides=1`);
    await page.waitForSelector('[data-testid="slides"][data-ready="true"]');
    const first = await slideState(page);
    const total = Number(/\/(\d+)$/.exec(first.page)?.[1]);
    // Headline, the ranking (11 districts: one page), worst agencies, trend, the form's pages.
    expect(total).toBeGreaterThanOrEqual(5);
    expect(first).toMatchObject({ page: `Trang 1/${total}`, kind: 'headline', overflowing: [] });
    expect(first.week).toBe('Tuần 47/2026 16/11/2026 – 22/11/2026');
    expect(first.scope).toBe(briefing.scopeName);
    await page.screenshot({ path: join(SCREENSHOTS, 'briefing-slide-1.png') });

    const seen = [first.kind];
    for (let index = 2; index <= total; index++) {
      await page.keyboard.press(index % 2 === 0 ? 'ArrowRight' : 'PageDown');
      const state = await slideState(page);
      expect(state).toMatchObject({
        page: `Trang ${index}/${total}`,
        week: first.week,
        scope: first.scope,
        overflowing: [],
      });
      seen.push(state.kind);
      await page.screenshot({ path: join(SCREENSHOTS, `briefing-slide-${index}.png`) });
    }
    expect(seen.slice(0, 4)).toEqual(['headline', 'ranking', 'worst', 'trend']);
    expect(seen.slice(4).every((kind) => kind === 'form')).toBe(true);
    // The last page stays the last.
    await page.keyboard.press('ArrowRight');
    expect((await slideState(page)).page).toBe(`Trang ${total}/${total}`);

    await page.keyboard.press('PageUp');
    expect((await slideState(page)).page).toBe(`Trang ${total - 1}/${total}`);
    await page.keyboard.press('ArrowLeft');
    expect((await slideState(page)).page).toBe(`Trang ${total - 2}/${total}`);
    await page.keyboard.press('Home');
    await page.mouse.click(1500, 600);
    expect((await slideState(page)).page).toBe(`Trang 2/${total}`);
    await page.mouse.click(100, 600);
    expect((await slideState(page)).page).toBe(`Trang 1/${total}`);

    // No scrollbar anywhere: the page itself does not scroll either.
    const scrolls = await page.evaluate(() => ({
      height: document.scrollingElement!.scrollHeight - innerHeight,
      width: document.scrollingElement!.scrollWidth - innerWidth,
    }));
    expect(scrolls).toEqual({ height: 0, width: 0 });

    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="briefing-report"]');
    expect(new URL(page.url()).searchParams.has('slides')).toBe(false);
  });

  it('pages the 95 communes of Đồng Nai without anything overflowing a slide', async () => {
    const printed = sampleBriefing('dong-nai-2025');
    const sample = await context.newPage();
    await sample.addInitScript(
      ([name, value]) => ((globalThis as Record<string, unknown>)[name] = value),
      [PRINTED_BRIEFING_GLOBAL, printed] as const,
    );
    // The print page lays every slide out at 1920 × 1080, as the PDF has them.
    await sample.goto(`${t.url}/briefing/${printed.briefing.week}?print=1`);
    await sample.waitForSelector('[data-testid="slides"][data-ready="true"]');
    const kinds = await sample.$$eval('[data-testid="slide"]', (slides) =>
      slides.map((slide) => slide.getAttribute('data-kind')),
    );
    // 95 communes at 12 a slide: 8 ranking slides; 96 form lines (the province first): 8 more.
    expect(kinds.filter((kind) => kind === 'ranking')).toHaveLength(8);
    expect(kinds.filter((kind) => kind === 'form')).toHaveLength(8);
    expect(await overflowingParts(sample)).toEqual([]);
    const shownCommunes = await sample.$$eval('[data-kind="ranking"] tbody tr', (rows) =>
      rows.map((row) => row.getAttribute('data-code')),
    );
    expect(shownCommunes).toEqual(printed.briefing.ranking.rows.map((row) => row.code));
    await sample.close();
  });

  it('shows the report page at laptop sizes, the frozen state told plainly', async () => {
    for (const [width, height] of [
      [1440, 900],
      [1366, 768],
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${t.url}/briefing/${WEEK}`);
      await page.waitForSelector('[data-testid="briefing-report"]');
      await page.waitForSelector('[data-testid="trend-chart"] svg');
      expect(normalise(await page.textContent('[data-testid="week-title"]'))).toBe(
        'Tuần 47/2026 16/11/2026 – 22/11/2026',
      );
      expect(normalise(await page.textContent('[data-testid="freeze-status"]'))).toContain(
        'Số liệu đã chốt lúc',
      );
      // Nothing wider than the laptop's screen.
      expect(
        await page.evaluate(() => document.querySelector('.briefing')!.scrollWidth),
      ).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS, `briefing-report-${width}x${height}.png`) });
      // The page scrolls inside its own box (the app's body does not): the rest, further down.
      await page.$eval('.briefing', (box) => box.scrollTo(0, box.scrollHeight));
      await page.screenshot({
        path: join(SCREENSHOTS, `briefing-report-${width}x${height}-end.png`),
      });
    }
    // The open week says it is live, and is the last week offered.
    await page.goto(`${t.url}/briefing/${OPEN_WEEK}`);
    await page.waitForSelector('[data-testid="briefing-report"]');
    expect(normalise(await page.textContent('[data-testid="freeze-status"]'))).toContain(
      'Tuần đang diễn ra: số liệu trực tiếp',
    );
    expect(await page.$('[data-testid="week-next"]')).toBeNull();
    // The downloads are the API's files of this week and scope, under their names.
    await page.goto(`${t.url}/briefing/${WEEK}`);
    await page.waitForSelector('[data-testid="briefing-report"]');
    for (const format of ['pdf', 'xlsx']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`[data-testid="download-${format}"]`),
      ]);
      expect(download.suggestedFilename()).toBe(`bao-cao-tuan-${WEEK}-${briefing.scope}.${format}`);
      expect(await download.failure()).toBeNull();
    }
    // In English too, with every word translated.
    await page.goto(`${t.url}/briefing/${WEEK}?lang=en&slides=1`);
    await page.waitForSelector('[data-testid="slides"][data-ready="true"]');
    expect(normalise(await page.textContent('[data-testid="slide-week"]'))).toBe(
      'Week 47, 2026 16/11/2026 – 22/11/2026',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'briefing-slide-1-en.png') });
    await page.evaluate(() => localStorage.setItem('ioc.locale', 'vi'));
    expect(consoleProblems).toEqual([]);
    // `/briefing` opens the last complete week.
    await page.goto(`${t.url}/briefing`);
    await page.waitForURL(`**/briefing/${WEEK}`);
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('prints the same figures as the JSON into a PDF: 16:9 slides, then the form on A4 landscape', async () => {
    const started = Date.now();
    const response = await fetch(`${t.url}/api/v1/briefings/${WEEK}?format=pdf`, {
      headers: { Authorization: `Bearer ${leader}` },
    });
    const pdf = Buffer.from(await response.arrayBuffer());
    const elapsed = Date.now() - started;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-tuan-${WEEK}-${briefing.scope}.pdf"`,
    );
    const file = join(work, 'briefing.pdf');
    writeFileSync(file, pdf);
    console.log(`briefing PDF: ${elapsed} ms, ${pdf.length} bytes`);

    // Page sizes: every slide 16:9, then A4 landscape.
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100', file], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((match) => match[1].trim());
    const slides = sizes.filter((size) => size === SLIDE_PAGE).length;
    expect(slides).toBeGreaterThanOrEqual(5);
    expect(sizes.slice(0, slides).every((size) => size === SLIDE_PAGE)).toBe(true);
    expect(sizes.length).toBeGreaterThan(slides);
    expect(sizes.slice(slides).every((size) => A4_LANDSCAPE.test(size))).toBe(true);

    // Only the bundled face, embedded: no fallback font, so no empty boxes.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatch(/^[A-Z]{6}\+BeVietnamPro-\w+\s/);
      expect(font.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }

    // Real text, diacritics and all, and the frozen week's checksum as the screen shows it.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const words of [
      'Tiếp nhận',
      'Đúng hạn',
      'Đã giải quyết',
      'Tỉ lệ đúng hạn',
      'Xếp hạng',
      briefing.scopeName,
    ])
      expect(text).toContain(words);
    expect(text).toContain(`Mã kiểm tra ${briefing.checksum.slice(0, 12)}`);

    // Every row of the form on the A4 pages, its eleven figures as the JSON has them, in order.
    const a4 = execFileSync('pdftotext', ['-layout', '-f', String(slides + 1), file, '-'], {
      encoding: 'utf8',
    }).split('\n');
    let line = 0;
    for (const row of briefing.form.rows) {
      const figures = formColumns(row).map((value) => escape(formatCount(value)));
      const pattern = new RegExp(`${escape(row.label)}\\s+${figures.join('\\s+')}\\s*$`);
      const found = a4.findIndex((candidate, index) => index >= line && pattern.test(candidate));
      expect({ row: row.label, found: found >= 0 }).toEqual({ row: row.label, found: true });
      line = found + 1;
    }

    // The pages as a person sees them.
    execFileSync('pdftoppm', ['-png', '-r', '50', file, join(SCREENSHOTS, 'briefing-pdf')]);
  });

  it('refuses a format it does not make, and says what is missing when Chromium is not there', async () => {
    const unknown = await t.get(`/api/v1/briefings/${WEEK}?format=docx`, leader);
    expect(unknown.status).toBe(400);
    await withTestApp(
      { now: NOW, env: { CHROMIUM_PATH: join(work, 'no-chromium') } },
      async (other) => {
        const answer = await other.get(
          `/api/v1/briefings/${WEEK}?format=pdf`,
          await other.login('leader'),
        );
        expect(answer.status).toBe(503);
        expect(messageOf(answer)).toBe(
          `The PDF cannot be made here: Chromium (${join(work, 'no-chromium')}): apt-get install chromium`,
        );
      },
    );
  });
});
