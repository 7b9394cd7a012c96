import type { LateAgencyRow, Rates } from '../contracts/api';
import { zeroCounters } from './counters';
import { DEFAULT_METRIC_SETTINGS, MetricSettings } from './metric-settings';
import {
  assignRanks,
  isLateAgency,
  lateAgencyOrder,
  lateAgencySeverity,
  Rankable,
  rankOrder,
  rate,
  ratesOf,
  scoreBreakdownOf,
  scoreOf,
  WindowFigures,
} from './metrics';

const settings = DEFAULT_METRIC_SETTINGS;

const noRates: Rates = {
  onTime: null,
  progress: null,
  online: null,
  digitization: null,
  resultDigitization: null,
  onlinePayment: null,
  satisfaction: null,
  apology: null,
};

function figures(
  counters: Partial<WindowFigures['counters']>,
  rest: Partial<Omit<WindowFigures, 'counters'>> = {},
) {
  return {
    counters: { ...zeroCounters(), ...counters },
    feeDossiersPaidByTo: 0,
    inProgress: { total: 0, overdue: 0, dueSoon: 0, paused: 0 },
    ...rest,
  } satisfies WindowFigures;
}

describe('rate', () => {
  it('is the quotient, and null for a zero denominator', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(1);
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 0)).toBeNull();
  });
});

describe('ratesOf', () => {
  it('is "no data" everywhere for an empty window', () => {
    expect(ratesOf(figures({}))).toEqual(noRates);
  });

  it('computes every rate from the window figures', () => {
    const rates = ratesOf(
      figures(
        {
          received: 40,
          received_online: 14,
          received_direct: 20,
          received_postal: 6,
          digitization_base: 30,
          digitization_full: 27,
          fee_dossiers: 20,
          fee_dossiers_paid: 18,
          resolved: 25,
          resolved_on_time: 20,
          resolved_early: 7,
          resolved_late: 5,
          resolved_result_digitized: 10,
          resolved_late_apologized: 4,
          ratings: 10,
          ratings_satisfied: 9,
        },
        { feeDossiersPaidByTo: 15, inProgress: { total: 15, overdue: 3, dueSoon: 2, paused: 1 } },
      ),
    );
    expect(rates).toEqual({
      onTime: 0.8, // 20 / 25
      progress: 0.8, // (20 + 15 − 3) / (25 + 15)
      online: 0.35, // 14 / 40
      digitization: 0.9, // 27 / 30
      resultDigitization: 0.4, // 10 / 25
      onlinePayment: 0.75, // paid by `to` 15 / 20, not the 18 paid at any time
      satisfaction: 0.9, // 9 / 10
      apology: 0.8, // 4 / 5
    });
  });

  it('keeps zero denominators null beside rates that have data', () => {
    const rates = ratesOf(
      figures(
        { received: 4, received_direct: 4 },
        { inProgress: { total: 4, overdue: 1, dueSoon: 0, paused: 1 } },
      ),
    );
    expect(rates).toEqual({
      onTime: null,
      progress: 0.75, // (0 + 4 − 1) / (0 + 4)
      online: 0, // 0 of 4 online is data: 0 %
      digitization: null,
      resultDigitization: null,
      onlinePayment: null,
      satisfaction: null,
      apology: null,
    });
  });

  it('has an apology rate only with late resolutions', () => {
    expect(ratesOf(figures({ resolved: 3, resolved_on_time: 3 })).apology).toBeNull();
    expect(ratesOf(figures({ resolved: 3, resolved_on_time: 1, resolved_late: 2 })).apology).toBe(
      0,
    );
    expect(
      ratesOf(
        figures({
          resolved: 3,
          resolved_on_time: 1,
          resolved_late: 2,
          resolved_late_apologized: 1,
        }),
      ).apology,
    ).toBe(0.5);
  });

  it('counts progress from in-progress dossiers alone when nothing was resolved', () => {
    const rates = ratesOf(
      figures({}, { inProgress: { total: 2, overdue: 2, dueSoon: 0, paused: 0 } }),
    );
    expect(rates.progress).toBe(0);
    expect(rates.onTime).toBeNull();
  });
});

describe('scoreOf', () => {
  const rates: Rates = {
    ...noRates,
    onTime: 0.8,
    progress: 0.8,
    online: 0.35,
    digitization: 0.9,
    onlinePayment: 0.75,
    satisfaction: 0.9,
  };

  it('weights each component against its full-marks rate, capped at full marks', () => {
    // 20·0.8 + 12·(0.35/0.5) + 10·0.75 + 22·min(1, 0.9/0.8) + 18·(0.9/0.9) = 71.9 of 82.
    expect(scoreOf(rates, settings)).toBe(87.68);
  });

  it('leaves a component without data out of both sums', () => {
    // Without online payment: 16 + 8.4 + 22 + 18 = 64.4 of 72.
    expect(scoreOf({ ...rates, onlinePayment: null }, settings)).toBe(89.44);
    // A zero rate is data and scores zero: 64.4 of 82.
    expect(scoreOf({ ...rates, onlinePayment: 0 }, settings)).toBe(78.54);
  });

  it('is computed from one component alone, and null when none has data', () => {
    expect(scoreOf({ ...noRates, satisfaction: 0.45 }, settings)).toBe(50);
    expect(scoreOf({ ...noRates, progress: 2 / 3 }, settings)).toBe(66.67);
    expect(scoreOf(noRates, settings)).toBeNull();
    // Rates that are not score components do not make a score.
    expect(
      scoreOf({ ...noRates, onTime: 1, resultDigitization: 1, apology: 1 }, settings),
    ).toBeNull();
  });

  it('is 100 at or above every full-marks rate and 0 at zero', () => {
    expect(
      scoreOf(
        {
          ...noRates,
          progress: 1,
          online: 0.5,
          onlinePayment: 1,
          digitization: 0.8,
          satisfaction: 0.9,
        },
        settings,
      ),
    ).toBe(100);
    expect(
      scoreOf(
        { ...noRates, progress: 1, online: 1, onlinePayment: 1, digitization: 1, satisfaction: 1 },
        settings,
      ),
    ).toBe(100);
    expect(
      scoreOf(
        { ...noRates, progress: 0, online: 0, onlinePayment: 0, digitization: 0, satisfaction: 0 },
        settings,
      ),
    ).toBe(0);
  });

  it('follows configured weights and thresholds', () => {
    const custom: MetricSettings = {
      ...settings,
      score: {
        ...settings.score,
        progress: { weight: 1, fullAt: 0.5 },
        online: { weight: 3, fullAt: 1 },
      },
    };
    // (1·1 + 3·0.25) / 4 = 0.4375.
    expect(scoreOf({ ...noRates, progress: 0.6, online: 0.25 }, custom)).toBe(43.75);
  });
});

describe('scoreBreakdownOf', () => {
  it('gives each component with data its rate, weight, full marks and points', () => {
    const rates = {
      ...noRates,
      onTime: 0.75,
      progress: 5 / 7,
      online: 0.5,
      digitization: 0,
      onlinePayment: 0.5,
      satisfaction: 0.5,
    };
    // Out of 82 weights: progress 100·20·(5/7)/82 = 17.4216, online 100·12/82 = 14.6341,
    // payment 100·5/82 = 6.0976, digitisation 0, satisfaction 100·18·(0.5/0.9)/82 = 12.1951;
    // 50.3484 in all, shown and ranked as 50.35. Floors 17.42 + 14.63 + 6.09 + 0 + 12.19 = 50.33:
    // the two hundredths left go to the largest remainders, payment (.76) and satisfaction (.51).
    expect(scoreBreakdownOf(rates, settings)).toEqual({
      score: 50.35,
      components: {
        progress: { rate: 5 / 7, points: 17.42, weight: 20, fullAt: 1 },
        online: { rate: 0.5, points: 14.63, weight: 12, fullAt: 0.5 },
        onlinePayment: { rate: 0.5, points: 6.1, weight: 10, fullAt: 1 },
        digitization: { rate: 0, points: 0, weight: 22, fullAt: 0.8 },
        satisfaction: { rate: 0.5, points: 12.2, weight: 18, fullAt: 0.9 },
      },
    });
    expect(scoreOf(rates, settings)).toBe(50.35);
  });

  it('apportions the points so that they add up to the score, not to a rounding of it', () => {
    // Out of 54: progress 100·10/54 = 18.5185, online 100·12/54 = 22.2222, digitisation
    // 100·22·(0.75/0.8)/54 = 38.1944; 78.9352 → 78.94. Rounded one by one they would add up to
    // 78.93; by largest remainder (.85, then .44) progress and digitisation take a hundredth.
    const { score, components } = scoreBreakdownOf(
      { ...noRates, progress: 0.5, online: 0.5, digitization: 0.75 },
      settings,
    );
    expect(score).toBe(78.94);
    expect(components).toEqual({
      progress: { rate: 0.5, points: 18.52, weight: 20, fullAt: 1 },
      online: { rate: 0.5, points: 22.22, weight: 12, fullAt: 0.5 },
      digitization: { rate: 0.75, points: 38.2, weight: 22, fullAt: 0.8 },
    });
  });

  it('breaks a tie of remainders in the components’ order, and caps a rate at full marks', () => {
    const even: MetricSettings = {
      ...settings,
      score: {
        ...settings.score,
        progress: { weight: 1, fullAt: 1 },
        online: { weight: 1, fullAt: 0.5 },
        onlinePayment: { weight: 1, fullAt: 1 },
      },
    };
    // Three thirds of 100: 33.33 each and one hundredth over, to the first.
    const { score, components } = scoreBreakdownOf(
      { ...noRates, progress: 1, online: 0.9, onlinePayment: 1 },
      even,
    );
    expect(score).toBe(100);
    expect(Object.values(components).map((c) => c.points)).toEqual([33.34, 33.33, 33.33]);
    expect(components.online).toEqual({ rate: 0.9, points: 33.33, weight: 1, fullAt: 0.5 });
  });

  it('has no component without data, and none at all without a score', () => {
    expect(scoreBreakdownOf(noRates, settings)).toEqual({ score: null, components: {} });
    expect(scoreBreakdownOf({ ...noRates, satisfaction: 0.45 }, settings)).toEqual({
      score: 50,
      components: { satisfaction: { rate: 0.45, points: 50, weight: 18, fullAt: 0.9 } },
    });
  });
});

describe('assignRanks and rankOrder', () => {
  const row = (
    code: string,
    name: string,
    score: number | null,
    onTime: number | null,
    lowSample = false,
  ): Rankable => ({
    code,
    name,
    score,
    lowSample,
    rates: { onTime },
  });

  it('ranks by score, then on-time rate, then name, with no data last', () => {
    const rows = [
      row('A', 'Sở Y tế', 80, 0.9),
      row('B', 'Sở Tư pháp', 80, 0.95),
      row('C', 'Sở Giáo dục và Đào tạo', 80, 0.9),
      row('D', 'Sở Công Thương', null, 1),
      row('E', 'Sở Xây dựng', 92.5, 0.5),
      row('F', 'Sở Nội vụ', 80, null),
    ];
    const ranked = assignRanks(rows);
    expect(ranked.map((r) => [r.rank, r.code])).toEqual([
      [1, 'E'],
      [2, 'B'],
      [3, 'C'],
      [4, 'A'],
      [5, 'F'],
      [6, 'D'],
    ]);
    expect(ranked[0]).toEqual({ ...rows[4], rank: 1 });
    // The input is left as it was.
    expect(rows.map((r) => r.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('puts the low-sample rows after all the others, in the same order among themselves', () => {
    const ranked = assignRanks([
      row('A', 'Xã An Phước', 100, 1, true),
      row('B', 'Phường Biên Hòa', 71.5, 0.97),
      row('C', 'Xã Cẩm Mỹ', null, null, true),
      row('D', 'Xã Định Quán', 88.2, 0.99),
      row('E', 'Xã Đak Lua', 100, 0.5, true),
      row('F', 'Phường Long Khánh', 35, 0.2, true),
      row('G', 'Xã Tân Phú', 40, 0.8),
    ]);
    // Enough dossiers: D 88.2, B 71.5, G 40. Then the low samples by the same rules: A and E
    // both at 100, A on time more often; F 35; C without data.
    expect(ranked.map((r) => [r.rank, r.code])).toEqual([
      [1, 'D'],
      [2, 'B'],
      [3, 'G'],
      [4, 'A'],
      [5, 'E'],
      [6, 'F'],
      [7, 'C'],
    ]);
    expect(rankOrder(row('A', 'A', 100, 1, true), row('B', 'B', 0, 0))).toBeGreaterThan(0);
    expect(rankOrder(row('B', 'B', 0, 0), row('A', 'A', 100, 1, true))).toBeLessThan(0);
  });

  it('compares names in Vietnamese order (D before Đ), then by code', () => {
    const ranked = assignRanks([
      row('X2', 'Đông Hà', 70, 0.9),
      row('X1', 'Dương Kinh', 70, 0.9),
      row('X4', 'Ea Kar', 70, 0.9),
      row('X3', 'Đông Hà', 70, 0.9),
    ]);
    expect(ranked.map((r) => `${r.rank} ${r.name} ${r.code}`)).toEqual([
      '1 Dương Kinh X1',
      '2 Đông Hà X2',
      '3 Đông Hà X3',
      '4 Ea Kar X4',
    ]);
  });

  it('orders two rows consistently', () => {
    const better = row('A', 'A', 90, 0.5);
    const worse = row('B', 'B', 89.99, 1);
    expect(rankOrder(better, worse)).toBeLessThan(0);
    expect(rankOrder(worse, better)).toBeGreaterThan(0);
    expect(rankOrder(better, better)).toBe(0);
    expect(rankOrder(row('A', 'A', null, null), row('B', 'B', 0, null))).toBeGreaterThan(0);
  });
});

describe('isLateAgency', () => {
  it('flags any overdue dossier in progress, whatever the on-time rate', () => {
    expect(isLateAgency(1, null, 0, settings)).toBe(true);
    expect(isLateAgency(1, 1, 100, settings)).toBe(true);
  });

  it('flags an on-time rate below 98.5 % with at least 20 resolved', () => {
    expect(isLateAgency(0, 0.98, 20, settings)).toBe(true);
    expect(isLateAgency(0, 0.9849, 200, settings)).toBe(true);
    expect(isLateAgency(0, 0.985, 200, settings)).toBe(false);
    expect(isLateAgency(0, 0.5, 19, settings)).toBe(false);
    expect(isLateAgency(0, null, 25, settings)).toBe(false);
    expect(isLateAgency(0, 1, 25, settings)).toBe(false);
  });

  it('follows configured thresholds', () => {
    const lenient: MetricSettings = {
      ...settings,
      lateAgency: { ...settings.lateAgency, onTimeTarget: 0.9, minResolved: 5 },
    };
    expect(isLateAgency(0, 0.95, 5, lenient)).toBe(false);
    expect(isLateAgency(0, 0.8, 5, lenient)).toBe(true);
    expect(isLateAgency(0, 0.8, 4, lenient)).toBe(false);
  });
});

describe('lateAgencySeverity', () => {
  it('is critical from 10 overdue dossiers or an oldest one of 5 days', () => {
    expect(lateAgencySeverity(10, 0, settings)).toBe('critical');
    expect(lateAgencySeverity(9, 4, settings)).toBe('warning');
    expect(lateAgencySeverity(1, 5, settings)).toBe('critical');
    expect(lateAgencySeverity(1, 4, settings)).toBe('warning');
    expect(lateAgencySeverity(0, 0, settings)).toBe('warning');
    expect(lateAgencySeverity(25, 30, settings)).toBe('critical');
  });

  it('follows configured thresholds', () => {
    const strict: MetricSettings = {
      ...settings,
      lateAgency: { ...settings.lateAgency, criticalOverdue: 3, criticalOldestDays: 2 },
    };
    expect(lateAgencySeverity(3, 0, strict)).toBe('critical');
    expect(lateAgencySeverity(2, 2, strict)).toBe('critical');
    expect(lateAgencySeverity(2, 1, strict)).toBe('warning');
  });
});

describe('lateAgencyOrder', () => {
  const agency = (
    agencyCode: string,
    overdue: number,
    oldestOverdueDays: number,
    severity = lateAgencySeverity(overdue, oldestOverdueDays, settings),
  ): LateAgencyRow => ({
    agencyCode,
    name: `Agency ${agencyCode}`,
    unitCode: 'HT',
    overdue,
    oldestOverdueDays,
    onTimeRate: 0.9,
    resolved: 30,
    severity,
  });

  it('puts critical first, then more overdue, then the oldest, then by code', () => {
    const rows = [
      agency('W1', 2, 1), // warning
      agency('C1', 10, 0), // critical by count
      agency('W2', 9, 4), // warning
      agency('C2', 1, 7), // critical by age
      agency('C3', 10, 3), // critical by count
      agency('W4', 0, 0), // warning: on-time rate only
      agency('W3', 2, 1), // warning, tie with W1
    ];
    expect(
      rows
        .sort(lateAgencyOrder)
        .map((r) => `${r.agencyCode} ${r.severity} ${r.overdue}/${r.oldestOverdueDays}`),
    ).toEqual([
      'C3 critical 10/3',
      'C1 critical 10/0',
      'C2 critical 1/7',
      'W2 warning 9/4',
      'W1 warning 2/1',
      'W3 warning 2/1',
      'W4 warning 0/0',
    ]);
  });
});
