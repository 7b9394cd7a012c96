import {
  bestScoreGainOf,
  type Ranking,
  type RankingRow,
  type ScoreComponents,
  type ScoreGain,
} from '@ioc/domain/browser';

export type ScoreComponent = keyof ScoreComponents;

/** The score's components in the order of the national index (SPEC §4). */
export const COMPONENT_ORDER = [
  'progress',
  'online',
  'onlinePayment',
  'digitization',
  'satisfaction',
] as const satisfies readonly ScoreComponent[];

export interface ComponentMedian {
  rate: number;
  points: number;
}

/** Where a unit or agency stands in its ranking, and why. */
export interface RankContext {
  row: RankingRow | null;
  /**
   * How many are ranked, the best row and the medians: only when the caller sees the whole
   * ranking (a leader); a chief sees their own rows only, with their province-wide ranks.
   */
  total: number | null;
  best: RankingRow | null;
  median: Partial<Record<ScoreComponent, ComponentMedian>>;
  /** The change that would gain the most points. */
  gain: ScoreGain | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Medians of each component's rate and points over the rows that have it. */
export function componentMedians(
  rows: RankingRow[],
): Partial<Record<ScoreComponent, ComponentMedian>> {
  const medians: Partial<Record<ScoreComponent, ComponentMedian>> = {};
  const components = new Set(
    rows.flatMap((row) => Object.keys(row.components) as ScoreComponent[]),
  );
  for (const component of components) {
    const parts = rows.flatMap((row) => {
      const part = row.components[component];
      return part ? [part] : [];
    });
    if (parts.length === 0) continue;
    medians[component] = {
      rate: median(parts.map((part) => part.rate)),
      points: median(parts.map((part) => part.points)),
    };
  }
  return medians;
}

/** `code`'s place in `ranking`; `whole` says the caller sees every row of it. */
export function rankContextOf(ranking: Ranking, code: string, whole: boolean): RankContext {
  const row = ranking.rows.find((candidate) => candidate.code === code) ?? null;
  const ranked = ranking.rows;
  return {
    row,
    total: whole ? ranked.length : null,
    best: whole ? (ranked.find((candidate) => candidate.rank === 1) ?? null) : null,
    median: whole ? componentMedians(ranked) : {},
    gain: row ? bestScoreGainOf(row.components) : null,
  };
}
