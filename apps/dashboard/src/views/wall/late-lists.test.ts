import type { LateAgencyRow } from '@ioc/domain/browser';
import { describe, expect, it } from 'vitest';
import { overduePages } from './late-lists';

const row = (agencyCode: string, severity: 'critical' | 'warning'): LateAgencyRow => ({
  agencyCode,
  name: agencyCode,
  unitCode: '70',
  overdue: 1,
  oldestOverdueDays: 1,
  onTimeRate: null,
  resolved: 0,
  severity,
});
const codes = (pages: LateAgencyRow[][]) => pages.map((page) => page.map((r) => r.agencyCode));

describe('overdue pages', () => {
  it('is one page when every row fits', () => {
    expect(codes(overduePages([row('A', 'critical'), row('B', 'warning')], 4))).toEqual([
      ['A', 'B'],
    ]);
  });

  it('keeps the critical agencies on every page and pages the warnings below them', () => {
    const rows = [
      row('C1', 'critical'),
      row('C2', 'critical'),
      ...['W1', 'W2', 'W3', 'W4', 'W5'].map((code) => row(code, 'warning')),
    ];
    expect(codes(overduePages(rows, 4))).toEqual([
      ['C1', 'C2', 'W1', 'W2'],
      ['C1', 'C2', 'W3', 'W4'],
      ['C1', 'C2', 'W5'],
    ]);
  });

  it('pages the critical ones too, worst first, when they alone fill a page', () => {
    const rows = [...['C1', 'C2', 'C3'].map((code) => row(code, 'critical')), row('W1', 'warning')];
    expect(codes(overduePages(rows, 2))).toEqual([
      ['C1', 'C2'],
      ['C3', 'W1'],
    ]);
  });
});
