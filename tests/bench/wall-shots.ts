/**
 * Screenshots of a running wall at the wall sizes, to look at by hand:
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register tests/bench/wall-shots.ts URL OUT_PREFIX [window]
 */
import { launchChromium } from '../support/chromium';

export const WALL_SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 7680, height: 2160 },
] as const;

async function main(): Promise<void> {
  const [url, prefix, window = 'today'] = process.argv.slice(2);
  if (!url || !prefix) throw new Error('usage: wall-shots.ts URL OUT_PREFIX [window]');
  const browser = await launchChromium();
  try {
    for (const size of WALL_SIZES) {
      const page = await browser.newPage({ viewport: size });
      const separator = url.includes('?') ? '&' : '?';
      await page.goto(`${url}${separator}rotate=0&window=${window}`);
      await page.waitForSelector('[data-testid="wall"]');
      await page.waitForTimeout(4_000);
      const path = `${prefix}-${size.width}x${size.height}.png`;
      await page.screenshot({ path });
      console.log(path);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
