import { PRINTED_BRIEFING_GLOBAL, type DisplayLocale, type PrintedBriefing } from '@ioc/domain';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Route } from 'playwright-core';

/** The origin the print page is loaded from: served from the built files, never the network. */
const PRINT_ORIGIN = 'http://briefing.print';
/** A slide is 1920 × 1080 CSS px (the root's 20 px × 96 × 54 rem). */
const SLIDE_VIEWPORT = { width: 1920, height: 1080 };
const RENDER_TIMEOUT_MS = 30_000;
/** A browser kept this long after its last file: Monday's downloads come in a burst. */
const IDLE_CLOSE_MS = 60_000;
/** Headless, and nothing reaching off the host (a closed network refuses it anyway). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
};

export interface BriefingPrinterOptions {
  /** The built dashboard (`dist/dashboard`). */
  dashboardDir: string;
  /** Debian's Chromium; the production image installs it. */
  chromiumPath: string;
  /** Renders at once; more wait their turn (each page takes a core and ~100 MB). */
  concurrency?: number;
  /** How long the browser outlives its last file (default a minute). */
  idleCloseMs?: number;
}

/**
 * Prints the briefing's slide view to PDF in headless Chromium: the same Vue page a leader
 * presents, fed the frozen figures directly (it fetches nothing, so the file equals the screen),
 * its charts in SVG (vectors), its text real text in the bundled Be Vietnam Pro, embedded.
 * Each slide is a 16:9 page of 1920 × 1080 px, then the II.06a form on A4 landscape pages.
 * One browser serves a burst of files (each in its own context) and is closed a minute after the
 * last: nothing lingers between Mondays.
 */
export class BriefingPrinter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private browser: Promise<Browser> | null = null;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: BriefingPrinterOptions) {}

  /** Whether this machine can print at all (the built dashboard and Chromium are there). */
  missing(): string | null {
    if (!existsSync(join(this.options.dashboardDir, 'index.html')))
      return `the built dashboard (${this.options.dashboardDir}): npm run build:dashboard`;
    if (!existsSync(this.options.chromiumPath))
      return `Chromium (${this.options.chromiumPath}): apt-get install chromium`;
    return null;
  }

  async print(printed: PrintedBriefing, locale: DisplayLocale): Promise<Buffer> {
    await this.turn();
    clearTimeout(this.idleTimer);
    let context: BrowserContext | undefined;
    try {
      context = await (
        await this.launched()
      ).newContext({
        viewport: SLIDE_VIEWPORT,
        locale: locale === 'vi' ? 'vi-VN' : 'en-GB',
        timezoneId: printed.zone,
        serviceWorkers: 'block',
      });
      await context.route('**/*', (route) => this.serve(route));
      await context.addInitScript(
        ([name, value]) => {
          (globalThis as Record<string, unknown>)[name] = value;
        },
        [PRINTED_BRIEFING_GLOBAL, printed] as const,
      );
      const page = await context.newPage();
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      const week = encodeURIComponent(printed.briefing.week);
      await page.goto(`${PRINT_ORIGIN}/briefing/${week}?print=1&lang=${locale}`);
      await page.waitForSelector('[data-testid="slides"][data-ready="true"]');
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await context?.close().catch(() => undefined);
      this.release();
    }
  }

  /** Closes the browser now (the application's shutdown). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const browser = this.browser;
    this.browser = null;
    await (await browser?.catch(() => null))?.close();
  }

  private launched(): Promise<Browser> {
    if (!this.browser) {
      const launching = chromium.launch({
        executablePath: this.options.chromiumPath,
        args: CHROMIUM_FLAGS,
        timeout: RENDER_TIMEOUT_MS,
      });
      this.browser = launching;
      // A browser that died or failed to start is started afresh by the next file.
      launching.then(
        (browser) => browser.on('disconnected', () => this.forget(launching)),
        () => this.forget(launching),
      );
    }
    return this.browser;
  }

  private forget(browser: Promise<Browser>): void {
    if (this.browser === browser) this.browser = null;
  }

  /** The page's own files from disk; anything else (another host, the API) is refused. */
  private async serve(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.origin !== PRINT_ORIGIN) return route.abort('blockedbyclient');
    const root = normalize(this.options.dashboardDir);
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    const inside = file.startsWith(root + sep) && extname(file) !== '';
    const path = inside && existsSync(file) ? file : join(root, 'index.html');
    if (url.pathname.startsWith('/api/')) return route.abort('blockedbyclient');
    await route.fulfill({
      status: 200,
      contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      body: await readFile(path),
    });
  }

  private async turn(): Promise<void> {
    if (this.running < (this.options.concurrency ?? 1)) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) return next();
    this.running--;
    if (this.running === 0) {
      this.idleTimer = setTimeout(
        () => void this.close(),
        this.options.idleCloseMs ?? IDLE_CLOSE_MS,
      );
      this.idleTimer.unref();
    }
  }
}
