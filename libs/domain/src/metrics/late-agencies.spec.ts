import type { Agency } from '../directory/directory';
import { groupFigures } from '../testing/group-figures';
import { lateAgenciesOf } from './late-agencies';
import { DEFAULT_METRIC_SETTINGS } from './metric-settings';

const settings = DEFAULT_METRIC_SETTINGS;
const window = { from: Date.parse('2026-11-15T17:00:00Z'), to: Date.parse('2026-11-21T05:00:00Z') };

const agency = (code: string, name: string, unitCode: string): Agency => ({
  code,
  name,
  kind: unitCode === 'P' ? 'department' : 'commune_committee',
  unitCode,
});
const agencies = [
  agency('SO-TP', 'Sở Tư pháp', 'P'),
  agency('SO-YT', 'Sở Y tế', 'P'),
  agency('SO-XD', 'Sở Xây dựng', 'P'),
  agency('UBND-C1', 'UBND Xã Một', 'C1'),
  agency('UBND-C2', 'UBND Xã Hai', 'C2'),
  agency('UBND-C3', 'UBND Xã Ba', 'C3'),
];

const group = (resolved: number, onTime: number, overdue: number, oldest: number) =>
  groupFigures(
    { resolved, resolved_on_time: onTime },
    { inProgress: { total: overdue, overdue, oldestOverdueDays: oldest } },
  );

const byAgency = new Map([
  // 24 of 25 on time (96 %) with at least 20 resolved: under the 98.5 % target.
  ['SO-TP', group(25, 24, 0, 0)],
  // Oldest overdue of 6 days: critical from 5.
  ['SO-YT', group(0, 0, 3, 6)],
  // 10 overdue: critical from 10.
  ['UBND-C1', group(4, 4, 10, 1)],
  // Half on time, but fewer than 20 resolved: not judged on its rate.
  ['UBND-C2', group(10, 5, 0, 0)],
  ['UBND-C3', group(0, 0, 1, 2)],
]);

describe('lateAgenciesOf', () => {
  it('flags agencies with overdue dossiers or a low on-time rate, worst first', () => {
    expect(lateAgenciesOf('P', window, agencies, byAgency, settings)).toEqual({
      scope: 'P',
      from: '2026-11-15T17:00:00.000Z',
      to: '2026-11-21T05:00:00.000Z',
      rows: [
        {
          agencyCode: 'UBND-C1',
          name: 'UBND Xã Một',
          unitCode: 'C1',
          overdue: 10,
          oldestOverdueDays: 1,
          onTimeRate: 1,
          resolved: 4,
          severity: 'critical',
        },
        {
          agencyCode: 'SO-YT',
          name: 'Sở Y tế',
          unitCode: 'P',
          overdue: 3,
          oldestOverdueDays: 6,
          onTimeRate: null,
          resolved: 0,
          severity: 'critical',
        },
        {
          agencyCode: 'UBND-C3',
          name: 'UBND Xã Ba',
          unitCode: 'C3',
          overdue: 1,
          oldestOverdueDays: 2,
          onTimeRate: null,
          resolved: 0,
          severity: 'warning',
        },
        {
          agencyCode: 'SO-TP',
          name: 'Sở Tư pháp',
          unitCode: 'P',
          overdue: 0,
          oldestOverdueDays: 0,
          onTimeRate: 0.96,
          resolved: 25,
          severity: 'warning',
        },
      ],
    });
  });

  it('judges only the agencies given, and has no row without figures', () => {
    const communes = agencies.filter((a) => a.unitCode !== 'P');
    const codes = (rows: { agencyCode: string }[]) => rows.map((row) => row.agencyCode);
    expect(codes(lateAgenciesOf('D', window, communes, byAgency, settings).rows)).toEqual([
      'UBND-C1',
      'UBND-C3',
    ]);
    expect(lateAgenciesOf('P', window, agencies, new Map(), settings).rows).toEqual([]);
  });

  it('follows the configured thresholds', () => {
    const lenient = {
      ...settings,
      lateAgency: { onTimeTarget: 0.9, minResolved: 5, criticalOverdue: 2, criticalOldestDays: 30 },
    };
    const rows = lateAgenciesOf('P', window, agencies, byAgency, lenient).rows;
    expect(rows.map((row) => [row.agencyCode, row.severity])).toEqual([
      ['UBND-C1', 'critical'],
      ['SO-YT', 'critical'],
      ['UBND-C3', 'warning'],
      ['UBND-C2', 'warning'],
    ]);
  });
});
