import type { Unit } from '../directory/directory';
import { groupFigures as group } from '../testing/group-figures';
import { SMALL_PROVINCE } from '../testing/small-province';
import { DEFAULT_METRIC_SETTINGS } from './metric-settings';
import { rankingOf, UnitTree, unitRankingOf } from './rankings';

const settings = DEFAULT_METRIC_SETTINGS;

// Mon 16/11/2026 00:00 to Mon 23/11/2026 00:00, local time: the week before starts on 9/11.
const window = { from: Date.parse('2026-11-15T17:00:00Z'), to: Date.parse('2026-11-22T17:00:00Z') };

/** Rank, code and previous rank of each row, in order. */
const summary = (rows: { rank: number; code: string; previousRank: number | null }[]) =>
  rows.map((row) => [row.rank, row.code, row.previousRank]);

describe('rankingOf', () => {
  const candidates = [
    { code: 'A', name: 'Sở Tư pháp' },
    { code: 'B', name: 'Sở Y tế' },
    { code: 'C', name: 'Sở Xây dựng' },
    { code: 'D', name: 'Ban Dân tộc' },
  ];
  const current = new Map([
    // (20·1 + 12·1) / 32: 100.
    ['A', group({ received: 40, received_online: 20, resolved: 10, resolved_on_time: 10 })],
    // Progress (3 + 2 − 1) / (4 + 2), online 0: 20·(2/3) / 32 = 41.67.
    [
      'B',
      group(
        { received: 10, resolved: 4, resolved_on_time: 3, resolved_late: 1 },
        { inProgress: { total: 2, overdue: 1 } },
      ),
    ],
    // 100 as well, and the same on-time rate: the name decides, T before X.
    ['C', group({ received: 30, received_online: 15, resolved: 10, resolved_on_time: 10 })],
  ]);
  const before = new Map([
    ['A', group({ received: 1, resolved: 1, resolved_late: 1 })],
    ['B', group({ received: 5, received_online: 5, resolved: 1, resolved_on_time: 1 })],
  ]);

  it('ranks by score, then on-time rate, then name, with the rank in the window before', () => {
    const ranking = rankingOf(
      'agency',
      'department',
      window,
      candidates,
      current,
      before,
      settings,
    );
    expect(ranking).toMatchObject({
      level: 'agency',
      kind: 'department',
      from: '2026-11-15T17:00:00.000Z',
      to: '2026-11-22T17:00:00.000Z',
      previousFrom: '2026-11-08T17:00:00.000Z',
    });
    // Before: B 100, A 0, then C and D without data, by name (B before S).
    expect(summary(ranking.rows)).toEqual([
      [1, 'A', 2],
      [2, 'C', 4],
      [3, 'B', 1],
      [4, 'D', 3],
    ]);
    expect(ranking.rows.map((row) => [row.code, row.score, row.lowSample])).toEqual([
      ['A', 100, false],
      ['C', 100, false], // 30 received: not fewer than 30
      ['B', 41.67, true],
      ['D', null, true],
    ]);
  });

  it('gives each row its figures and rates', () => {
    const ranking = rankingOf('agency', null, window, candidates, current, before, settings);
    expect(ranking.kind).toBeNull();
    expect(ranking.rows[2]).toEqual({
      rank: 3,
      previousRank: 1,
      // Before: its one dossier resolved on time, all five online: full marks.
      previousScore: 100,
      code: 'B',
      name: 'Sở Y tế',
      score: 41.67,
      lowSample: true,
      received: 10,
      resolved: 4,
      inProgress: 2,
      overdue: 1,
      rates: {
        onTime: 0.75,
        progress: 4 / 6,
        online: 0,
        digitization: null,
        resultDigitization: 0,
        onlinePayment: null,
        satisfaction: null,
        apology: 0,
      },
      // 100·20·(4/6) / 32 = 41.6667, online nothing: the score's 41.67 is all progress.
      components: {
        progress: { rate: 4 / 6, points: 41.67, weight: 20, fullAt: 1 },
        online: { rate: 0, points: 0, weight: 12, fullAt: 0.5 },
      },
    });
    expect(ranking.rows[3]).toMatchObject({
      code: 'D',
      received: 0,
      inProgress: 0,
      score: null,
      components: {},
    });
  });

  it('follows the configured low-sample minimum', () => {
    const ranking = rankingOf('agency', null, window, candidates, current, before, {
      ...settings,
      lowSampleMinReceived: 10,
    });
    expect(ranking.rows.map((row) => [row.code, row.lowSample])).toEqual([
      ['A', false],
      ['C', false],
      ['B', false],
      ['D', true],
    ]);
  });
});

/** A unit tree as the directory holds it. */
function treeOf(units: Unit[]): UnitTree {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const subtree = (code: string): string[] => [
    code,
    ...units.filter((unit) => unit.parentCode === code).flatMap((unit) => subtree(unit.code)),
  ];
  const province = units.find((unit) => unit.parentCode === null)!;
  return {
    units: byCode,
    rankedUnitLevel: units.find((unit) => unit.parentCode === province.code)!.level,
    subtree,
  };
}

describe('unitRankingOf', () => {
  const threeTiers = treeOf(SMALL_PROVINCE.units);
  const byUnit = new Map([
    ['C1', group({ received: 20, received_online: 10, resolved: 5, resolved_on_time: 5 })],
    [
      'C2',
      group({
        received: 15,
        received_online: 1,
        resolved: 5,
        resolved_on_time: 3,
        resolved_late: 2,
      }),
    ],
    // Dossiers received at the district's own desk count for the district.
    ['D1', group({ received: 5, received_online: 5 })],
    ['C3', group({ received: 10, received_online: 10, resolved: 2, resolved_on_time: 2 })],
  ]);

  it('ranks the districts on their subtrees’ sums', () => {
    const ranking = unitRankingOf('district', window, threeTiers, byUnit, new Map(), settings);
    expect(ranking).toMatchObject({ level: 'district', kind: null });
    // D1: 40 received, 16 online, 8 of 10 on time: (20·0.8 + 12·0.4/0.5) / 32 = 80.
    // D2: (20·1 + 12·1) / 32 = 100, but from 10 dossiers, under the minimum of 30: after D1.
    // Before, neither had data: by name, Hai before Một.
    expect(ranking.rows.map((row) => [row.rank, row.code, row.score, row.previousRank])).toEqual([
      [1, 'D1', 80, 2],
      [2, 'D2', 100, 1],
    ]);
    expect(ranking.rows[1]).toMatchObject({ received: 10, lowSample: true });
    expect(ranking.rows[0]).toMatchObject({ received: 40, resolved: 10, lowSample: false });
  });

  it('ranks the communes on their own figures', () => {
    const ranking = unitRankingOf('commune', window, threeTiers, byUnit, new Map(), settings);
    // C2: (20·0.6 + 12·(1/15)/0.5) / 32 = 42.5; C1 and C3 100 and all on time: Ba before Một.
    expect(ranking.rows.map((row) => [row.rank, row.code, row.score])).toEqual([
      [1, 'C3', 100],
      [2, 'C1', 100],
      [3, 'C2', 42.5],
    ]);
  });

  it("ranks a district's own communes among themselves, for the district's own wall", () => {
    const before = new Map([['C1', group({ received: 20, resolved: 5, resolved_on_time: 4 })]]);
    const ranking = unitRankingOf('commune', window, threeTiers, byUnit, before, settings, 'D1');
    expect(ranking.level).toBe('commune');
    // C2 (42.5) is ranked second of D1's two, not third of the province's three; C1 had 50 before
    // (4 of 5 on time, none of 20 online: (20·0.8 + 12·0) / 32).
    expect(
      ranking.rows.map((row) => [
        row.rank,
        row.code,
        row.score,
        row.previousRank,
        row.previousScore,
      ]),
    ).toEqual([
      [1, 'C1', 100, 1, 50],
      [2, 'C2', 42.5, 2, null],
    ]);
    // A commune has no children: nothing to rank.
    expect(
      unitRankingOf('commune', window, threeTiers, byUnit, before, settings, 'C1').rows,
    ).toEqual([]);
  });

  it('ranks the communes as the level below the province in a two-tier province', () => {
    const twoTiers = treeOf([
      { code: 'P', name: 'Tỉnh Thử', level: 'province', parentCode: null },
      { code: 'C1', name: 'Xã Một', level: 'commune', parentCode: 'P' },
      { code: 'C2', name: 'Xã Hai', level: 'commune', parentCode: 'P' },
    ]);
    const ranking = unitRankingOf('district', window, twoTiers, byUnit, byUnit, settings);
    expect(ranking.level).toBe('district');
    expect(summary(ranking.rows)).toEqual([
      [1, 'C1', 1],
      [2, 'C2', 2],
    ]);
  });

  it('never ranks a low-sample commune first, in the window or the one before', () => {
    const twoTiers = treeOf([
      { code: 'P', name: 'Tỉnh Thử', level: 'province', parentCode: null },
      { code: 'X1', name: 'Phường Biên Hòa', level: 'commune', parentCode: 'P' },
      { code: 'X2', name: 'Xã Đak Lua', level: 'commune', parentCode: 'P' },
      { code: 'X3', name: 'Xã Tân Phú', level: 'commune', parentCode: 'P' },
    ]);
    const current = new Map([
      // Progress (36 + 10 − 2) / (40 + 10) = 0.88, online 0.5: (20·0.88 + 12) / 32 = 92.5.
      [
        'X1',
        group(
          { received: 60, received_online: 30, resolved: 40, resolved_on_time: 36 },
          { inProgress: { total: 10, overdue: 2 } },
        ),
      ],
      // (20 + 12) / 32 = 100, from 8 dossiers.
      ['X2', group({ received: 8, received_online: 8, resolved: 5, resolved_on_time: 5 })],
      // Online 0.2 of 0.5: (20 + 12·0.4) / 32 = 77.5, from 30 dossiers: enough.
      ['X3', group({ received: 30, received_online: 6, resolved: 20, resolved_on_time: 20 })],
    ]);
    const before = new Map([
      // 100 from 25 dossiers.
      ['X1', group({ received: 25, received_online: 25, resolved: 10, resolved_on_time: 10 })],
      // Progress 0.9, online 0.25 of 0.5: (18 + 6) / 32 = 75, from 40.
      [
        'X2',
        group({
          received: 40,
          received_online: 10,
          resolved: 30,
          resolved_on_time: 27,
          resolved_late: 3,
        }),
      ],
    ]);
    const ranking = unitRankingOf('district', window, twoTiers, current, before, settings);
    // Before: X2 (75) alone had enough; then X1 (100) and X3 (no data).
    expect(
      ranking.rows.map((row) => [row.rank, row.code, row.score, row.previousRank, row.lowSample]),
    ).toEqual([
      [1, 'X1', 92.5, 2, false],
      [2, 'X3', 77.5, 3, false],
      [3, 'X2', 100, 1, true],
    ]);
  });
});
