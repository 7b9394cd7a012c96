import type { LateAgencies, MetricsSummary, Ranking } from '@ioc/domain/browser';

const target = (target: number, actual: number | null) => ({
  target,
  actual,
  met: actual === null ? null : actual >= target,
});

/** A province summary with round, recognisable figures. */
export function summaryFixture(overrides: Partial<MetricsSummary> = {}): MetricsSummary {
  return {
    scope: '70',
    agency: null,
    from: '2026-11-20T17:00:00.000Z',
    to: '2026-11-21T03:42:05.000Z',
    asOf: '2026-11-21T03:42:05.000Z',
    computedAt: '2026-11-21T03:42:05.000Z',
    received: { total: 561578, online: 300000, direct: 250000, postal: 11578 },
    carriedOver: 1234,
    resolved: { total: 5000, onTime: 4899, early: 4000, late: 101 },
    inProgress: { total: 900, overdue: 12, dueSoon: 40, paused: 3 },
    rates: {
      onTime: 0.9798,
      progress: 0.99,
      online: 0.5342,
      digitization: 0.8,
      resultDigitization: null,
      onlinePayment: 0.75,
      satisfaction: null,
      apology: 1,
    },
    payments: { succeeded: 2048, amountVnd: 109_456_000_000, failed: 5 },
    ratings: { total: 0, satisfied: 0 },
    staffing: {
      quota: 3762,
      headcount: 3584,
      vacancies: 178,
      onDuty: 313,
      inProgressPerOnDuty: 2.9,
    },
    score: 76.56,
    targets: {
      onTime: target(0.985, 0.9798),
      satisfaction: target(0.91, null),
      online: target(0.3, 0.5342),
      apology: target(1, 1),
    },
    ...overrides,
  };
}

export function rankingFixture(): Ranking {
  const rates = summaryFixture().rates;
  // Digitisation is every unit's weakest: 53,8 % of 80 % full marks.
  const components = {
    progress: { rate: 0.97, points: 20, weight: 20, fullAt: 1 },
    online: { rate: 0.4, points: 9.6, weight: 12, fullAt: 0.5 },
    digitization: { rate: 0.538, points: 14.8, weight: 22, fullAt: 0.8 },
  };
  return {
    level: 'district',
    kind: null,
    from: '2026-11-20T17:00:00.000Z',
    to: '2026-11-21T03:42:05.000Z',
    previousFrom: '2026-11-20T06:17:55.000Z',
    rows: [
      {
        rank: 1,
        previousRank: 3,
        previousScore: 83.64,
        code: '689',
        name: 'Thành phố Đồng Xoài',
        score: 86.04,
        lowSample: false,
        received: 120,
        resolved: 100,
        inProgress: 30,
        overdue: 0,
        rates,
        components,
      },
      {
        rank: 2,
        previousRank: 1,
        previousScore: 88,
        code: '688',
        name: 'Thị xã Phước Long',
        score: 80.5,
        lowSample: true,
        received: 12,
        resolved: 10,
        inProgress: 3,
        overdue: 0,
        rates,
        components,
      },
      {
        rank: 3,
        previousRank: 3,
        previousScore: 61.2,
        code: '691',
        name: 'Huyện Bù Gia Mập',
        score: 61.2,
        lowSample: false,
        received: 80,
        resolved: 60,
        inProgress: 20,
        overdue: 2,
        rates,
        components,
      },
      {
        rank: 4,
        previousRank: null,
        previousScore: null,
        code: '693',
        name: 'Huyện Bù Đốp',
        score: null,
        lowSample: true,
        received: 0,
        resolved: 0,
        inProgress: 0,
        overdue: 0,
        rates,
        components,
      },
    ],
  };
}

export function lateAgenciesFixture(): LateAgencies {
  return {
    scope: '70',
    from: '2026-11-20T17:00:00.000Z',
    to: '2026-11-21T03:42:05.000Z',
    rows: [
      {
        agencyCode: 'UBND-25195',
        name: 'UBND Phường Tân Phú',
        unitCode: '25195',
        overdue: 14,
        oldestOverdueDays: 9,
        onTimeRate: 0.6667,
        resolved: 30,
        severity: 'critical',
      },
      {
        agencyCode: 'STP',
        name: 'Sở Tư pháp',
        unitCode: '70',
        overdue: 2,
        oldestOverdueDays: 1,
        onTimeRate: null,
        resolved: 0,
        severity: 'warning',
      },
    ],
  };
}
