import { groupFigures } from '@ioc/domain/testing';
import { FakeFigures, readSide } from '../testing/service-fakes';
import { AlertsService } from './alerts.service';

// Saturday 21/11/2026 12:00 local; the week since Monday 16/11 00:00 local.
const NOW = '2026-11-21T12:00:00+07:00';
const week = { from: Date.parse('2026-11-15T17:00:00Z'), to: Date.parse('2026-11-21T05:00:00Z') };

const late = (
  unitCode: string,
  agencyCode: string,
  resolved: number,
  onTime: number,
  overdue: number,
  oldest: number,
): FakeFigures => ({
  unitCode,
  agencyCode,
  window: week,
  counters: { resolved, resolved_on_time: onTime },
  inProgress: { total: overdue, overdue, oldestOverdueDays: oldest },
});
const FIGURES = [
  // 24 of 25 on time: under the 98.5 % target with at least 20 resolved.
  late('P', 'SO-TP', 25, 24, 0, 0),
  // Oldest overdue 6 days: critical from 5.
  late('P', 'SO-YT', 0, 0, 3, 6),
  // 10 overdue: critical from 10.
  late('C1', 'UBND-C1', 4, 4, 10, 1),
  // Half on time but fewer than 20 resolved: not late.
  late('C2', 'UBND-C2', 10, 5, 0, 0),
  late('C3', 'UBND-C3', 0, 0, 1, 2),
];

async function start() {
  const read = await readSide({ now: NOW });
  read.figures(FIGURES);
  return { service: new AlertsService(read.metrics, read.directory, read.config), read };
}

const flagged = (rows: { agencyCode: string; severity: string; overdue: number }[]) =>
  rows.map((row) => [row.agencyCode, row.severity, row.overdue]);

describe('AlertsService', () => {
  it('flags the province’s late agencies, worst first, from every agency’s figures', async () => {
    const { service, read } = await start();
    const alerts = await service.lateAgencies('P', week);
    expect(alerts).toMatchObject({
      scope: 'P',
      from: '2026-11-15T17:00:00.000Z',
      to: '2026-11-21T05:00:00.000Z',
    });
    expect(flagged(alerts.rows)).toEqual([
      ['UBND-C1', 'critical', 10],
      ['SO-YT', 'critical', 3],
      ['UBND-C3', 'warning', 1],
      ['SO-TP', 'warning', 0],
    ]);
    // Every state, at the window's end: overdue and the oldest overdue come from there.
    expect(read.statusRepository.calls[0].args).toEqual([
      { by: 'agency', grouped: true, agencies: undefined },
      week.to,
      'Asia/Ho_Chi_Minh',
      Number.NEGATIVE_INFINITY,
      'full',
    ]);
  });

  it('judges only the agencies of a district’s subtree, and reads theirs alone', async () => {
    const { service, read } = await start();
    const alerts = await service.lateAgencies('D1', week);
    expect(flagged(alerts.rows)).toEqual([['UBND-C1', 'critical', 10]]);
    expect(read.statusRepository.calls[0].args[0]).toEqual({
      by: 'agency',
      grouped: true,
      agencies: ['UBND-D1', 'UBND-C1', 'UBND-C2'],
    });
  });

  it('judges a scope’s agencies from figures at hand, leaving out those outside it', async () => {
    const { service, read } = await start();
    const byAgency = new Map([
      ['UBND-C3', groupFigures({}, { inProgress: { total: 1, overdue: 1, oldestOverdueDays: 2 } })],
      ['UBND-C1', groupFigures({}, { inProgress: { total: 10, overdue: 10 } })],
    ]);
    expect(flagged(service.lateAgenciesOf('D2', week, byAgency).rows)).toEqual([
      ['UBND-C3', 'warning', 1],
    ]);
    expect(read.statusRepository.calls).toEqual([]);
  });
});
