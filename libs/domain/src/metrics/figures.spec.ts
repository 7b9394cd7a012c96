import { zeroCounters } from './counters';
import { groupFigures as group } from '../testing/group-figures';
import { emptyFigures, sumFigures, summaryOf } from './figures';
import { DEFAULT_METRIC_SETTINGS } from './metric-settings';

const settings = DEFAULT_METRIC_SETTINGS;

// Mon 16/11/2026 00:00 to Sat 21/11/2026 12:00, local time.
const window = { from: Date.parse('2026-11-15T17:00:00Z'), to: Date.parse('2026-11-21T05:00:00Z') };

describe('emptyFigures', () => {
  it('is zero everywhere, and a new object each time', () => {
    const empty = emptyFigures();
    expect(empty).toEqual({
      counters: zeroCounters(),
      feeDossiersPaidByTo: 0,
      inProgress: { total: 0, overdue: 0, dueSoon: 0, paused: 0, oldestOverdueDays: 0 },
      staffing: { quota: 0, headcount: 0, onDuty: 0 },
    });
    empty.inProgress.total = 5;
    expect(emptyFigures().inProgress.total).toBe(0);
  });
});

describe('sumFigures', () => {
  it('adds counts and sums, takes the largest oldest overdue, and skips absent groups', () => {
    const a = group(
      { received: 3, received_online: 2, payments_amount_vnd: 100_000 },
      {
        feeDossiersPaidByTo: 1,
        inProgress: { total: 4, overdue: 2, dueSoon: 1, paused: 1, oldestOverdueDays: 6 },
        staffing: { quota: 10, headcount: 9, onDuty: 2 },
      },
    );
    const b = group(
      { received: 2, received_direct: 2, payments_amount_vnd: 50_000 },
      {
        feeDossiersPaidByTo: 2,
        inProgress: { total: 1, overdue: 1, dueSoon: 0, paused: 0, oldestOverdueDays: 2 },
        staffing: { quota: 5, headcount: 5, onDuty: 1 },
      },
    );
    const total = sumFigures([a, undefined, b]);
    expect(total).toEqual({
      counters: {
        ...zeroCounters(),
        received: 5,
        received_online: 2,
        received_direct: 2,
        payments_amount_vnd: 150_000,
      },
      feeDossiersPaidByTo: 3,
      inProgress: { total: 5, overdue: 3, dueSoon: 1, paused: 1, oldestOverdueDays: 6 },
      staffing: { quota: 15, headcount: 14, onDuty: 3 },
    });
    // The groups summed are left as they were.
    expect(a.counters.received).toBe(3);
    expect(sumFigures([])).toEqual(emptyFigures());
  });
});

describe('summaryOf', () => {
  it('gives every metric of SPEC §4, worked out by hand', () => {
    const figures = group(
      {
        received: 10,
        received_online: 4,
        received_direct: 5,
        received_postal: 1,
        digitization_base: 8,
        digitization_full: 6,
        fee_dossiers: 4,
        fee_dossiers_paid: 3,
        resolved: 8,
        resolved_on_time: 6,
        resolved_early: 2,
        resolved_late: 2,
        resolved_result_digitized: 4,
        resolved_late_apologized: 1,
        payments_succeeded: 3,
        payments_amount_vnd: 150_000,
        payments_failed: 1,
        ratings: 5,
        ratings_satisfied: 4,
      },
      {
        feeDossiersPaidByTo: 2,
        inProgress: { total: 4, overdue: 1, dueSoon: 1, paused: 1, oldestOverdueDays: 3 },
        staffing: { quota: 12, headcount: 10, onDuty: 2 },
      },
    );
    const asOf = Date.parse('2026-11-21T05:00:01.500Z');
    expect(
      summaryOf(
        figures,
        5,
        { scope: '689', agency: null, window, asOf, computedAt: asOf + 2_000 },
        settings,
      ),
    ).toEqual({
      scope: '689',
      agency: null,
      from: '2026-11-15T17:00:00.000Z',
      to: '2026-11-21T05:00:00.000Z',
      asOf: '2026-11-21T05:00:01.500Z',
      computedAt: '2026-11-21T05:00:03.500Z',
      received: { total: 10, online: 4, direct: 5, postal: 1 },
      carriedOver: 5,
      resolved: { total: 8, onTime: 6, early: 2, late: 2 },
      inProgress: { total: 4, overdue: 1, dueSoon: 1, paused: 1 },
      rates: {
        onTime: 0.75,
        progress: 0.75, // (6 on time + 4 in progress − 1 overdue) / (8 + 4)
        online: 0.4,
        digitization: 0.75,
        resultDigitization: 0.5,
        onlinePayment: 0.5, // paid by `to`, not ever: 2 of 4
        satisfaction: 0.8,
        apology: 0.5,
      },
      payments: { succeeded: 3, amountVnd: 150_000, failed: 1 },
      ratings: { total: 5, satisfied: 4 },
      staffing: { quota: 12, headcount: 10, vacancies: 2, onDuty: 2, inProgressPerOnDuty: 2 },
      // (20·0.75 + 12·0.4/0.5 + 10·0.5 + 22·0.75/0.8 + 18·0.8/0.9) / 82 = 66.225 / 82
      score: 80.76,
      targets: {
        onTime: { target: 0.985, actual: 0.75, met: false },
        satisfaction: { target: 0.91, actual: 0.8, met: false },
        online: { target: 0.3, actual: 0.4, met: true },
        apology: { target: 1, actual: 0.5, met: false },
      },
    });
  });

  it('has no rates, no score and no target met or missed without data', () => {
    const summary = summaryOf(
      emptyFigures(),
      0,
      { scope: '70', agency: 'SO-TP', window, asOf: window.to, computedAt: window.to },
      settings,
    );
    expect(summary).toMatchObject({
      scope: '70',
      agency: 'SO-TP',
      asOf: '2026-11-21T05:00:00.000Z',
      staffing: { vacancies: 0, inProgressPerOnDuty: null },
      score: null,
      targets: { onTime: { target: 0.985, actual: null, met: null } },
    });
    expect(Object.values(summary.rates).every((value) => value === null)).toBe(true);
  });

  it('follows the configured targets', () => {
    const figures = group({ received: 10, received_online: 2 });
    const summary = (online: number) =>
      summaryOf(
        figures,
        0,
        { scope: '70', agency: null, window, asOf: window.to, computedAt: window.to },
        { ...settings, targets: { ...settings.targets, online } },
      ).targets.online;
    expect(summary(0.2)).toEqual({ target: 0.2, actual: 0.2, met: true });
    expect(summary(0.25)).toEqual({ target: 0.25, actual: 0.2, met: false });
  });
});
