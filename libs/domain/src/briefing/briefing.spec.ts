import type { Unit } from '../directory/directory';
import { canonicalJson, FormCounts, formRowOf, formRowsOf, zeroFormCounts } from './briefing';

const counts = (partial: Partial<FormCounts>): FormCounts => ({ ...zeroFormCounts(), ...partial });

describe('formRowOf', () => {
  it('makes the columns add up, on time meaning on time but not early', () => {
    const row = formRowOf(
      { label: 'Hộ tịch', unitCode: '70', field: 'Hộ tịch', kind: 'field' },
      counts({ online: 3, directOrPostal: 2, carriedOver: 4, early: 2, onTime: 5, late: 1 }),
    );
    expect(row.received).toEqual({ total: 9, online: 3, directOrPostal: 2, carriedOver: 4 });
    expect(row.resolved).toEqual({ total: 6, early: 2, onTime: 3, late: 1 });
  });

  it('counts paused dossiers within the deadline', () => {
    const row = formRowOf(
      { label: 'x', unitCode: '70', field: null, kind: 'scope' },
      counts({ inProgress: 5, overdue: 2 }),
    );
    expect(row.inProgress).toEqual({ total: 5, withinDeadline: 3, overdue: 2 });
  });
});

describe('formRowsOf', () => {
  const units: Unit[] = [
    { code: 'P', name: 'Tỉnh', level: 'province', parentCode: null },
    { code: 'B', name: 'Huyện Bù Đốp', level: 'district', parentCode: 'P' },
    { code: 'A', name: 'Huyện An Lộc', level: 'district', parentCode: 'P' },
    { code: 'B1', name: 'Xã Một', level: 'commune', parentCode: 'B' },
  ];
  const tree = {
    units: new Map(units.map((unit) => [unit.code, unit])),
    subtree: (code: string) =>
      code === 'P' ? ['P', 'B', 'A', 'B1'] : code === 'B' ? ['B', 'B1'] : [code],
  };
  const data = new Map([
    ['P', new Map([['Đất đai', counts({ online: 1 })]])],
    [
      'B1',
      new Map([
        ['Hộ tịch', counts({ online: 2, inProgress: 1 })],
        ['Đất đai', counts({ directOrPostal: 1 })],
        // Only paid or rated this week: nothing to report, no row.
        ['Tư pháp', counts({})],
      ]),
    ],
  ]);

  it('lists the scope, its own desks, then each unit below it in order, each with its fields', () => {
    const rows = formRowsOf('P', tree, data);
    expect(rows.map((row) => [row.kind, row.label, row.received.total])).toEqual([
      ['scope', 'Tỉnh', 4],
      ['own', 'Cấp tỉnh', 1],
      ['field', 'Đất đai', 1],
      ['unit', 'Huyện An Lộc', 0],
      ['unit', 'Huyện Bù Đốp', 3],
      ['field', 'Đất đai', 1],
      ['field', 'Hộ tịch', 2],
    ]);
  });

  it('lists a unit with nothing below it with its fields directly', () => {
    const rows = formRowsOf('B1', tree, data);
    expect(rows.map((row) => [row.kind, row.label])).toEqual([
      ['scope', 'Xã Một'],
      ['field', 'Đất đai'],
      ['field', 'Hộ tịch'],
    ]);
  });
});

describe('canonicalJson', () => {
  it('writes the same figures the same way, whatever the order of their keys', () => {
    const a = { week: '2026-W47', current: { received: { total: 1, online: 0 } }, rows: [2, 1] };
    const b = { rows: [2, 1], current: { received: { online: 0, total: 1 } }, week: '2026-W47' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe(
      '{"current":{"received":{"online":0,"total":1}},"rows":[2,1],"week":"2026-W47"}',
    );
  });
});
