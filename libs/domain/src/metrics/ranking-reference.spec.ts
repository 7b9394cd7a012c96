import type { RankingRow } from '../contracts/api';
import { median, rankingReferenceOf } from './ranking-reference';

const row = (
  rank: number,
  score: number | null,
  online: number | null,
  lowSample = false,
): RankingRow => ({
  rank,
  previousRank: null,
  previousScore: null,
  code: `U${rank}`,
  name: `Unit ${rank}`,
  score,
  lowSample,
  received: lowSample ? 5 : 100,
  resolved: 0,
  inProgress: 0,
  overdue: 0,
  rates: {
    onTime: null,
    progress: null,
    online,
    digitization: null,
    resultDigitization: null,
    onlinePayment: null,
    satisfaction: null,
    apology: null,
  },
  components:
    online === null
      ? {}
      : { online: { rate: online, points: score ?? 0, weight: 12, fullAt: 0.5 } },
});

describe('rankingReferenceOf', () => {
  it('gives the number ranked, the first row and the medians of the rows with a sample', () => {
    const rows = [
      row(1, 90, 0.45),
      row(2, 80, 0.4),
      row(3, 60, 0.3),
      row(4, 50, null),
      row(5, 100, 0.5, true),
    ];
    expect(rankingReferenceOf(rows)).toEqual({
      ranked: 5,
      best: { code: 'U1', name: 'Unit 1', score: 90, components: rows[0].components },
      // Scores 90, 80, 60, 50 (the low sample's 100 left out); online 45 %, 40 %, 30 %.
      median: { score: 70, rates: { online: 0.4 } },
    });
  });

  it('takes every row when none has a sample, and says nothing of an empty ranking', () => {
    expect(rankingReferenceOf([row(1, 80, 0.2, true), row(2, 40, null, true)]).median).toEqual({
      score: 60,
      rates: { online: 0.2 },
    });
    expect(rankingReferenceOf([])).toEqual({
      ranked: 0,
      best: null,
      median: { score: null, rates: {} },
    });
    expect(median([3, 1, 2])).toBe(2);
  });
});
