import { groupFigures } from '@ioc/domain/testing';
import { BadRequestException } from '@nestjs/common';
import { readSide } from '../testing/service-fakes';

// Saturday 21/11/2026 12:00 local; the week since Monday 16/11 00:00 local.
const NOW = '2026-11-21T12:00:00+07:00';
const week = { from: Date.parse('2026-11-15T17:00:00Z'), to: Date.parse('2026-11-21T05:00:00Z') };
const weekBefore = { from: Date.parse('2026-11-10T05:00:00Z'), to: week.from };
const HORIZON = Date.parse('2026-11-21T04:59:00Z');

async function start() {
  const read = await readSide({ now: NOW });
  read.metricsRepository.horizon = HORIZON;
  read.figures([
    {
      unitCode: 'C1',
      agencyCode: 'UBND-C1',
      window: week,
      counters: { received: 4, received_online: 2, fee_dossiers: 2, fee_dossiers_paid: 2 },
      paidAfterWindow: 1,
      inProgress: { total: 2, overdue: 1, oldestOverdueDays: 3 },
      staffing: { quota: 5, headcount: 4, onDuty: 1 },
      carriedOver: 2,
    },
    { unitCode: 'C2', agencyCode: 'UBND-C2', window: week, counters: { received: 1 } },
    // Only dossiers in progress, or only a staffing report: a group all the same.
    { unitCode: 'C3', agencyCode: 'UBND-C3', window: week, inProgress: { total: 1 } },
    {
      unitCode: 'P',
      agencyCode: 'SO-TP',
      window: week,
      staffing: { quota: 10, headcount: 10, onDuty: 3 },
      carriedOver: 7,
    },
    { unitCode: 'C1', agencyCode: 'UBND-C1', window: weekBefore, counters: { received: 9 } },
  ]);
  return read;
}

describe('MetricsService', () => {
  describe('resolveWindow and instant', () => {
    it('default to since local midnight until now, and read a named window up to now', async () => {
      const { metrics } = await start();
      expect(metrics.resolveWindow({})).toEqual({
        from: Date.parse('2026-11-20T17:00:00Z'),
        to: week.to,
      });
      expect(metrics.resolveWindow({ window: 'week' })).toEqual(week);
      expect(metrics.instant(undefined)).toBe(week.to);
      expect(metrics.instant('2026-11-20T00:00:00Z')).toBe(Date.parse('2026-11-20T00:00:00Z'));
    });

    it('answer a window or an instant that cannot be read with a 400 that says why', async () => {
      const { metrics } = await start();
      const badRequest = (read: () => unknown) => {
        try {
          read();
        } catch (error) {
          return error instanceof BadRequestException && error.message;
        }
        return 'no error';
      };
      expect(badRequest(() => metrics.resolveWindow({ from: 'yesterday' }))).toBe(
        'from: must be an ISO-8601 date-time with offset, e.g. 2026-11-21T00:00:00+07:00',
      );
      expect(badRequest(() => metrics.resolveWindow({ from: '2026-11-22T00:00:00Z' }))).toBe(
        'from: must not be after to',
      );
      expect(badRequest(() => metrics.instant('21/11/2026'))).toMatch(/^to: must be an ISO-8601/);
    });
  });

  describe('figures', () => {
    it('puts together each group’s counters, fees paid by the end, in progress and staffing', async () => {
      const { metrics } = await start();
      const figures = await metrics.figures({ by: 'unit', grouped: true }, week);
      expect(figures).toEqual(
        new Map([
          [
            'C1',
            groupFigures(
              { received: 4, received_online: 2, fee_dossiers: 2, fee_dossiers_paid: 2 },
              {
                // Paid ever, less those first paid after the window: 2 − 1.
                feeDossiersPaidByTo: 1,
                inProgress: { total: 2, overdue: 1, oldestOverdueDays: 3 },
                staffing: { quota: 5, headcount: 4, onDuty: 1 },
              },
            ),
          ],
          ['C2', groupFigures({ received: 1 })],
          ['C3', groupFigures({}, { inProgress: { total: 1 } })],
          ['P', groupFigures({}, { staffing: { quota: 10, headcount: 10, onDuty: 3 } })],
        ]),
      );
    });

    it('reads in progress at the window’s end, from the latest event derived, in the calendar’s zone', async () => {
      const { metrics, statusRepository, metricsRepository } = await start();
      const slice = { by: 'agency', grouped: true } as const;
      await metrics.figures(slice, week);
      expect(statusRepository.calls).toEqual([
        {
          method: 'inProgressAt',
          args: [slice, week.to, 'Asia/Ho_Chi_Minh', HORIZON, 'full'],
        },
      ]);
      expect(metricsRepository.calls.map((call) => call.method).sort()).toEqual([
        'counters',
        'latestEventDerived',
        'paidAfterWindow',
        'staffingAt',
      ]);
    });

    it('reads only what a score needs: overdue of the states, and no staffing', async () => {
      const { metrics, statusRepository, metricsRepository } = await start();
      const figures = await metrics.figures({ by: 'unit', grouped: true }, week, 'score');
      expect(statusRepository.calls[0].args[4]).toBe('score');
      expect(metricsRepository.calls.map((call) => call.method)).not.toContain('staffingAt');
      // A group with nothing but a staffing report is not read at all.
      expect([...figures.keys()].sort()).toEqual(['C1', 'C2', 'C3']);
    });
  });

  describe('summary', () => {
    it('sums the scope’s figures with its carried-over count, true as of now', async () => {
      const { metrics } = await start();
      const summary = await metrics.summary(
        { by: 'unit', units: ['D1', 'C1', 'C2'] },
        'D1',
        null,
        week,
      );
      expect(summary).toMatchObject({
        scope: 'D1',
        agency: null,
        from: '2026-11-15T17:00:00.000Z',
        to: '2026-11-21T05:00:00.000Z',
        asOf: '2026-11-21T05:00:00.000Z',
        received: { total: 5, online: 2, direct: 0, postal: 0 },
        carriedOver: 2,
        inProgress: { total: 2, overdue: 1, dueSoon: 0, paused: 0 },
        staffing: { quota: 5, headcount: 4, vacancies: 1, onDuty: 1, inProgressPerOnDuty: 2 },
      });
      expect(summary.rates).toMatchObject({ online: 0.4, onlinePayment: 0.5 });
    });

    it('is all zeros and no data for a scope without figures, true as of now for a past window', async () => {
      const { metrics } = await start();
      const summary = await metrics.summary(
        { by: 'agency', agencies: ['SO-YT'] },
        'P',
        'SO-YT',
        weekBefore,
      );
      expect(summary).toMatchObject({
        agency: 'SO-YT',
        to: '2026-11-15T17:00:00.000Z',
        asOf: '2026-11-21T05:00:00.000Z',
        carriedOver: 0,
        score: null,
      });
      expect(summary.received.total).toBe(0);
    });

    it('is true as of the oldest event not yet derived, not as of the clock, while the figures lag', async () => {
      const { metrics, projectionRepository } = await start();
      projectionRepository.queueAgeMs = 90_000;
      const summary = await metrics.summary({ by: 'unit' }, 'P', null, week);
      expect(summary.asOf).toBe('2026-11-21T04:58:30.000Z');
      expect(summary.computedAt).toBe('2026-11-21T05:00:00.000Z');
    });
  });

  it('counts the carried over at the window’s start, from the latest event derived', async () => {
    const { metrics, statusRepository } = await start();
    const slice = { by: 'unit', grouped: true } as const;
    expect(await metrics.carriedOver(slice, week)).toEqual(
      new Map([
        ['C1', 2],
        ['P', 7],
      ]),
    );
    expect(statusRepository.calls).toEqual([
      { method: 'openCountAt', args: [slice, week.from, 'Asia/Ho_Chi_Minh', HORIZON] },
    ]);
  });

  it('reads the province’s figures by unit and by agency, and carried over by unit', async () => {
    const { metrics } = await start();
    const province = await metrics.provinceFigures(week);
    expect(province.window).toBe(week);
    expect([...province.byUnit.keys()].sort()).toEqual(['C1', 'C2', 'C3', 'P']);
    expect([...province.byAgency.keys()].sort()).toEqual([
      'SO-TP',
      'UBND-C1',
      'UBND-C2',
      'UBND-C3',
    ]);
    expect(province.carriedOverByUnit).toEqual(
      new Map([
        ['C1', 2],
        ['P', 7],
      ]),
    );
  });

  it('gives every local day of a trend, zero where nothing happened', async () => {
    const { metrics, metricsRepository } = await start();
    metricsRepository.days = [
      { day: '2026-11-19', unitCode: 'C1', agencyCode: 'UBND-C1', counters: { received: 3 } },
      { day: '2026-11-21', unitCode: 'C1', agencyCode: 'UBND-C1', counters: { resolved: 2 } },
      { day: '2026-11-21', unitCode: 'C3', agencyCode: 'UBND-C3', counters: { resolved: 5 } },
      { day: '2026-11-18', unitCode: 'C1', agencyCode: 'UBND-C1', counters: { received: 8 } },
    ];
    const slice = { by: 'unit', units: ['D1', 'C1', 'C2'] } as const;
    const day = (date: string, received: number, resolved: number, dayOff: string | null) => ({
      date,
      received,
      resolved,
      resolvedOnTime: 0,
      paymentsSucceeded: 0,
      paymentsAmountVnd: 0,
      dayOff,
    });
    // Thursday, Friday, and Saturday 21/11: a weekend day, so the chart shades it.
    expect(await metrics.daily(slice, 'D1', 3)).toEqual({
      scope: 'D1',
      from: '2026-11-18T17:00:00.000Z',
      to: '2026-11-21T17:00:00.000Z',
      days: [
        day('2026-11-19', 3, 0, null),
        day('2026-11-20', 0, 0, null),
        day('2026-11-21', 0, 2, 'weekend'),
      ],
    });
    expect(metricsRepository.calls.at(-1)).toEqual({
      method: 'daily',
      args: [slice, '2026-11-19', '2026-11-22'],
    });
  });
});
