import { previousWindow } from '@ioc/domain';
import { ForbiddenException } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { FakeFigures, readSide } from '../testing/service-fakes';
import { RankingsService } from './rankings.service';

// Saturday 21/11/2026 12:00 local; the week since Monday 16/11 00:00 local.
const NOW = '2026-11-21T12:00:00+07:00';
const week = { from: Date.parse('2026-11-15T17:00:00Z'), to: Date.parse('2026-11-21T05:00:00Z') };
const before = previousWindow(week);
const leader: Principal = { name: 'leader', role: 'leader', unitCode: null, agencyCode: null };
const chiefOfD1: Principal = {
  name: 'chief-D1',
  role: 'district_chief',
  unitCode: 'D1',
  agencyCode: null,
};

const at = (unitCode: string, agencyCode: string) => ({ unitCode, agencyCode });
const FIGURES: FakeFigures[] = [
  {
    ...at('C1', 'UBND-C1'),
    window: week,
    counters: { received: 20, received_online: 10, resolved: 5, resolved_on_time: 5 },
  },
  {
    ...at('C2', 'UBND-C2'),
    window: week,
    counters: {
      received: 15,
      received_online: 1,
      resolved: 5,
      resolved_on_time: 3,
      resolved_late: 2,
    },
  },
  // Received at the district's own desk: the district's, not a commune's.
  { ...at('D1', 'UBND-D1'), window: week, counters: { received: 5, received_online: 5 } },
  {
    ...at('C3', 'UBND-C3'),
    window: week,
    counters: { received: 10, received_online: 10, resolved: 2, resolved_on_time: 2 },
  },
  {
    ...at('P', 'SO-TP'),
    window: week,
    counters: { received: 40, received_online: 20, resolved: 10, resolved_on_time: 10 },
  },
  {
    ...at('P', 'SO-YT'),
    window: week,
    counters: { received: 10, resolved: 4, resolved_on_time: 3, resolved_late: 1 },
    inProgress: { total: 2, overdue: 1 },
  },
  // The week before.
  {
    ...at('C1', 'UBND-C1'),
    window: before,
    counters: { received: 1, resolved: 1, resolved_late: 1 },
  },
  {
    ...at('C3', 'UBND-C3'),
    window: before,
    counters: { received: 5, received_online: 5, resolved: 1, resolved_on_time: 1 },
  },
  {
    ...at('P', 'SO-YT'),
    window: before,
    counters: { received: 5, received_online: 5, resolved: 1, resolved_on_time: 1 },
  },
  { ...at('P', 'SO-TP'), window: before, counters: { received: 1, resolved: 1, resolved_late: 1 } },
];

async function start() {
  const read = await readSide({ now: NOW });
  read.figures(FIGURES);
  const service = new RankingsService(read.metrics, read.directory, read.access, read.config);
  return { service, read };
}

/** Rank, code, score, previous rank and low sample of each row, in order. */
const rows = (ranking: {
  rows: {
    rank: number;
    code: string;
    score: number | null;
    previousRank: number | null;
    lowSample: boolean;
  }[];
}) => ranking.rows.map((row) => [row.rank, row.code, row.score, row.previousRank, row.lowSample]);

describe('RankingsService', () => {
  it('ranks the districts on their subtrees’ figures, with their ranks the week before', async () => {
    const { service } = await start();
    const ranking = await service.ranking(leader, 'district', undefined, week);
    expect(ranking).toMatchObject({
      level: 'district',
      kind: null,
      from: '2026-11-15T17:00:00.000Z',
      to: '2026-11-21T05:00:00.000Z',
      previousFrom: '2026-11-10T05:00:00.000Z',
    });
    // D1: 40 received, 16 online, 8 of 10 on time: (20·0.8 + 12·0.8) / 32 = 80. D2: 100, but
    // from 10 dossiers (under 30): a low sample comes after every unit with enough. The week
    // before both were low samples (1 and 5 dossiers), so the score decided: D2 100, D1 0.
    expect(rows(ranking)).toEqual([
      [1, 'D1', 80, 2, false],
      [2, 'D2', 100, 1, true],
    ]);
    expect(ranking.rows[0]).toMatchObject({ received: 40, resolved: 10, inProgress: 0 });
  });

  it('ranks the communes on their own figures', async () => {
    const { service } = await start();
    const ranking = await service.ranking(leader, 'commune', undefined, week);
    // C2: (20·0.6 + 12·(1/15)/0.5) / 32 = 42.5; C1 and C3 tie on score and on-time: Ba before Một.
    expect(rows(ranking)).toEqual([
      [1, 'C3', 100, 1, true],
      [2, 'C1', 100, 2, true],
      [3, 'C2', 42.5, 3, true],
    ]);
  });

  it('reads only what a score needs, for the window and the one before', async () => {
    const { service, read } = await start();
    await service.fullRanking('district', undefined, week);
    expect(read.statusRepository.calls.map((call) => call.args)).toEqual([
      [
        { by: 'unit', grouped: true },
        week.to,
        'Asia/Ho_Chi_Minh',
        Number.NEGATIVE_INFINITY,
        'score',
      ],
      [
        { by: 'unit', grouped: true },
        before.to,
        'Asia/Ho_Chi_Minh',
        Number.NEGATIVE_INFINITY,
        'score',
      ],
    ]);
    const methods = read.metricsRepository.calls.map((call) => call.method);
    expect(methods).not.toContain('staffingAt');
  });

  it('ranks the agencies of one kind only, reading theirs alone', async () => {
    const { service, read } = await start();
    const ranking = await service.ranking(leader, 'agency', 'department', week);
    expect(ranking.kind).toBe('department');
    // Sở Tư pháp: (20 + 12) / 32; Sở Y tế: 20·(3 + 2 − 1)/(4 + 2) / 32 = 41.67.
    expect(rows(ranking)).toEqual([
      [1, 'SO-TP', 100, 2, false],
      [2, 'SO-YT', 41.67, 1, true],
    ]);
    expect(ranking.rows[1]).toMatchObject({ inProgress: 2, overdue: 1 });
    expect(read.statusRepository.calls[0].args[0]).toEqual({
      by: 'agency',
      grouped: true,
      agencies: ['SO-TP', 'SO-YT'],
    });
  });

  it('ranks every agency without a kind, each read on its own', async () => {
    const { service, read } = await start();
    // Four at 100: on time all (Sở before UBND, Ba before Một), then UBND Huyện Một, which
    // resolved nothing; then 42.5 and 41.67.
    const ranking = await service.ranking(leader, 'agency', undefined, week);
    expect(ranking.rows.map((row) => row.code)).toEqual([
      'SO-TP',
      'UBND-C3',
      'UBND-C1',
      'UBND-D1',
      'UBND-C2',
      'SO-YT',
    ]);
    expect(read.statusRepository.calls[0].args[0]).toEqual({ by: 'agency', grouped: true });
  });

  it('shows a district chief the rows of their own district only, with province-wide ranks', async () => {
    const { service } = await start();
    const districts = await service.ranking(chiefOfD1, 'district', undefined, week);
    expect(rows(districts)).toEqual([[1, 'D1', 80, 2, false]]);
    const agencies = await service.ranking(chiefOfD1, 'agency', undefined, week);
    expect(agencies.rows.map((row) => [row.rank, row.code])).toEqual([
      [3, 'UBND-C1'],
      [4, 'UBND-D1'],
      [5, 'UBND-C2'],
    ]);
  });

  it('keeps only the rows inside a scope, with their province-wide ranks', async () => {
    const { service } = await start();
    // Communes: C3, C1, C2 (all low samples, by score and name); D1 holds C1 and C2.
    const communes = await service.ranking(leader, 'commune', undefined, week, 'D1');
    expect(rows(communes)).toEqual([
      [2, 'C1', 100, 2, true],
      [3, 'C2', 42.5, 3, true],
    ]);
    const agencies = await service.ranking(leader, 'agency', undefined, week, 'D1');
    expect(agencies.rows.map((row) => [row.rank, row.code])).toEqual([
      [3, 'UBND-C1'],
      [4, 'UBND-D1'],
      [5, 'UBND-C2'],
    ]);
    const districts = await service.ranking(leader, 'district', undefined, week, 'D2');
    expect(rows(districts)).toEqual([[2, 'D2', 100, 1, true]]);
    const whole = await service.ranking(leader, 'district', undefined, week, 'P');
    expect(whole.rows.map((row) => row.code)).toEqual(['D1', 'D2']);
    const ofChief = await service.ranking(chiefOfD1, 'commune', undefined, week, 'C1');
    expect(rows(ofChief)).toEqual([[2, 'C1', 100, 2, true]]);
  });

  it('refuses a scope that is unknown or outside the caller’s unit', async () => {
    const { service } = await start();
    await expect(service.ranking(leader, 'commune', undefined, week, 'X9')).rejects.toThrow(
      'scope: unknown unit code "X9"',
    );
    await expect(
      service.ranking(chiefOfD1, 'commune', undefined, week, 'D2'),
    ).rejects.toBeInstanceOf(ForbiddenException);
  });
});
