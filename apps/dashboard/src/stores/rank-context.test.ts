import type { Ranking, RankingRow } from '@ioc/domain/browser';
import { describe, expect, it } from 'vitest';
import { pointsAt, rankContextOf } from './rank-context';

const rates = {
  onTime: 1,
  progress: 1,
  online: 0.25,
  digitization: 0.8,
  resultDigitization: null,
  onlinePayment: null,
  satisfaction: null,
  apology: null,
};
const row = (code: string, rank: number): RankingRow => ({
  rank,
  previousRank: null,
  previousScore: null,
  code,
  name: `Unit ${code}`,
  score: 80,
  lowSample: false,
  received: 100,
  resolved: 90,
  inProgress: 10,
  overdue: 0,
  rates,
  components: {
    progress: { rate: 1, points: 37.04, weight: 20, fullAt: 1 },
    online: { rate: 0.25, points: 11.11, weight: 12, fullAt: 0.5 },
    digitization: { rate: 0.8, points: 40.74, weight: 22, fullAt: 0.8 },
  },
});

describe('rank and why', () => {
  const ranking: Ranking = {
    level: 'district',
    kind: null,
    from: '2026-11-01T00:00:00Z',
    to: '2026-11-02T00:00:00Z',
    previousFrom: '2026-10-31T00:00:00Z',
    rows: [row('689', 3)],
    reference: {
      ranked: 11,
      best: { code: '688', name: 'Unit 688', score: 95, components: {} },
      median: { score: 70, rates: { online: 0.4 } },
    },
  };

  it("reads N, the best and the medians from the whole ranking's reference", () => {
    const context = rankContextOf(ranking, '689');
    expect(context.row?.rank).toBe(3);
    expect(context.total).toBe(11);
    expect(context.best?.code).toBe('688');
    expect(context.medianRates).toEqual({ online: 0.4 });
  });

  it('names the change worth the most points: online share to full marks', () => {
    expect(rankContextOf(ranking, '689').gain).toMatchObject({
      component: 'online',
      targetRate: 0.5,
    });
  });

  it('has no place for a code outside the rows, and no N without a reference', () => {
    expect(rankContextOf({ ...ranking, reference: undefined }, '689').total).toBeNull();
    expect(rankContextOf(ranking, '690').row).toBeNull();
  });

  it("writes a median rate in this unit's points", () => {
    // 12 of 54 weight points, at 0.4 / 0.5 of full marks: 100 × 12 × 0.8 / 54.
    expect(pointsAt(row('689', 3), 'online', 0.4)).toBeCloseTo(17.78, 2);
    expect(pointsAt(row('689', 3), 'satisfaction', 0.9)).toBeNull();
  });
});
