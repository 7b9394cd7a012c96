import type { ScoreComponents } from '../contracts/api';
import { SCORE_COMPONENTS, type ScoreComponent } from './metric-settings';

/** What raising one score component to full marks would do to a unit's score ("rank and why"). */
export interface ScoreGain {
  component: ScoreComponent;
  /** The component's rate now, and the rate at which it earns full marks. */
  rate: number;
  targetRate: number;
  /** Points the score would gain, in hundredths as the score is shown: `scoreAfter − score`. */
  gain: number;
  score: number;
  scoreAfter: number;
}

/** The score as `scoreBreakdownOf` writes it: 100 × Σ wᵢ·min(1, rateᵢ / fullᵢ) / Σ wᵢ, in hundredths. */
const scoreOf = (earned: number, weights: number) => Math.round((10_000 * earned) / weights) / 100;

/**
 * For each component below full marks, the points the score would gain if that component alone
 * reached full marks (the score is linear in each rate up to `fullAt`, so full marks is the only
 * step), most points first; ties in the order of SCORE_COMPONENTS. From a ranking row's
 * `components`, so the screen computes it with the figures it shows.
 */
export function scoreGainsOf(components: ScoreComponents): ScoreGain[] {
  const parts = SCORE_COMPONENTS.flatMap((component) => {
    const part = components[component];
    if (!part) return [];
    return [{ component, ...part, earned: part.weight * Math.min(1, part.rate / part.fullAt) }];
  });
  const weights = parts.reduce((total, part) => total + part.weight, 0);
  if (weights === 0) return [];
  const earned = parts.reduce((total, part) => total + part.earned, 0);
  const score = scoreOf(earned, weights);
  return parts
    .filter((part) => part.rate < part.fullAt)
    .map((part) => {
      const scoreAfter = scoreOf(earned - part.earned + part.weight, weights);
      return {
        component: part.component,
        rate: part.rate,
        targetRate: part.fullAt,
        gain: Math.round((scoreAfter - score) * 100) / 100,
        score,
        scoreAfter,
      };
    })
    .sort((a, b) => b.gain - a.gain);
}

/** The single change that would gain the most points, or null when every component is full. */
export function bestScoreGainOf(components: ScoreComponents): ScoreGain | null {
  return scoreGainsOf(components)[0] ?? null;
}
