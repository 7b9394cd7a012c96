import type { RankingReference, RankingRow } from '../contracts/api';
import { SCORE_COMPONENTS } from './metric-settings';

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * What a ranking's rows are measured against (a unit's "rank and why"): the number ranked, the
 * first row, and the median score and component rates of the rows with a real sample.
 */
export function rankingReferenceOf(rows: readonly RankingRow[]): RankingReference {
  const sampled = rows.some((row) => !row.lowSample) ? rows.filter((row) => !row.lowSample) : rows;
  const rates: RankingReference['median']['rates'] = {};
  for (const component of SCORE_COMPONENTS) {
    const value = median(sampled.flatMap((row) => row.components[component]?.rate ?? []));
    if (value !== null) rates[component] = value;
  }
  const first = rows.find((row) => row.rank === 1) ?? null;
  return {
    ranked: rows.length,
    best: first && {
      code: first.code,
      name: first.name,
      score: first.score,
      components: first.components,
    },
    median: { score: median(sampled.flatMap((row) => row.score ?? [])), rates },
  };
}
