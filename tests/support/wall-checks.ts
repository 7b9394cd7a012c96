/// <reference lib="dom" />
/** Checks of what the wall says, shared by the wall's browser tests of both demo provinces. */
import type { Page } from 'playwright-core';
import type { Ranking } from '@ioc/domain';

/**
 * The ranking panel as a leader reads it: a unit with too few dossiers is never among the ranked
 * rows (so never first), only named apart; the ranked rows come in the API's order.
 */
export async function expectHonestRanking(page: Page, ranking: Ranking): Promise<void> {
  const shown = await page.$$eval('[data-testid="ranking-lines"] .row', (rows) =>
    rows.map((row) => [row.getAttribute('data-code'), Number(row.getAttribute('data-rank'))]),
  );
  const lowSample = new Set(ranking.rows.filter((row) => row.lowSample).map((row) => row.code));
  expect(shown.filter(([code]) => lowSample.has(code as string))).toEqual([]);
  const rankOf = new Map(ranking.rows.map((row) => [row.code, row.rank]));
  for (const [code, rank] of shown) expect(rankOf.get(code as string)).toBe(rank);
  const named = await page.$$eval('[data-low-sample="true"]', (units) =>
    units.map((unit) => unit.getAttribute('data-code')),
  );
  expect(named.every((code) => lowSample.has(code!))).toBe(true);
}
