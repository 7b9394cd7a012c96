import {
  bestScoreGainOf,
  type Ranking,
  type RankingReference,
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

/** Where a unit or agency stands in its ranking, and why. */
export interface RankContext {
  row: RankingRow | null;
  /** How many are ranked province-wide ("of N"); null when the API did not say. */
  total: number | null;
  best: RankingReference['best'];
  /** The province median of each component's rate (rows without a low sample). */
  medianRates: RankingReference['median']['rates'];
  /** The change that would gain the most points. */
  gain: ScoreGain | null;
}

/**
 * The points a rate earns in `row`'s score (the same weights as its own components): what the
 * median unit's rate would be worth to this one.
 */
export function pointsAt(row: RankingRow, component: ScoreComponent, rate: number): number | null {
  const part = row.components[component];
  if (!part) return null;
  const weights = COMPONENT_ORDER.reduce((sum, c) => sum + (row.components[c]?.weight ?? 0), 0);
  return weights > 0 ? (100 * part.weight * Math.min(1, rate / part.fullAt)) / weights : null;
}

/** `code`'s place in `ranking`, beside the whole ranking's reference (N, best, medians). */
export function rankContextOf(ranking: Ranking, code: string): RankContext {
  const row = ranking.rows.find((candidate) => candidate.code === code) ?? null;
  return {
    row,
    total: ranking.reference?.ranked ?? null,
    best: ranking.reference?.best ?? null,
    medianRates: ranking.reference?.median.rates ?? {},
    gain: row ? bestScoreGainOf(row.components) : null,
  };
}
