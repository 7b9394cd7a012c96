import {
  isLiveError,
  liveRankingOf,
  type DossierRow,
  type LateAgencyRow,
  type LiveRankingRow,
  type MetricsSummary,
  type Ranking,
  type RankingRow,
} from '@ioc/domain';
import { connectLive, subscribe } from '../support/live-client';
import {
  BIEN_HOA,
  BINH_PHUOC,
  DAI_PHUOC,
  EVENTS,
  METRIC_SETTINGS,
  NOW,
  PROCEDURES,
  TRAN_BIEN,
  WEEK_FROM,
} from '../support/scenarios/dong-nai-week';
import { rowsOf, startTestApp, TestApp } from '../support/test-app';

const week = `from=${encodeURIComponent(WEEK_FROM)}&to=${encodeURIComponent(NOW)}`;

/** Rank, code, score, previous rank and low sample of each row, in order. */
const places = (rows: LiveRankingRow[]) =>
  rows.map((row) => [row.rank, row.code, row.score, row.previousRank, row.lowSample]);

/**
 * SPEC §4 and §5 on a two-tier province (Đồng Nai since 1 July 2025): every metric for a ward and
 * for the province, and the communes ranked right below the province, over HTTP and PostgreSQL.
 * The scenario (tests/support/scenarios/dong-nai-week.ts) says what each dossier does.
 */
describe('a two-tier province over HTTP: Đồng Nai, the week of 16 November', () => {
  let t: TestApp;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({
      now: NOW,
      env: { DEMO_PROVINCE: 'dong-nai-2025', METRIC_SETTINGS },
    });
    await t.importProcedures(PROCEDURES);
    const ingest = await t.ingest(EVENTS);
    expect(ingest.body).toEqual({ accepted: EVENTS.length, duplicates: 0, rejected: [] });
    leader = await t.login('leader');
  });

  afterAll(() => t.close());

  it('computes every metric of a ward exactly', async () => {
    const response = await t.get(`/api/v1/metrics/summary?scope=${BIEN_HOA}&${week}`, leader);
    expect(response.status).toBe(200);
    const summary = response.body as MetricsSummary;
    // Received A1–A5 and A7 (A5 for Sở Tài chính, at the ward's desk); A6 carried over.
    // Resolved A1 (early), A6 (early), A2 (late); open A3, A4 (overdue), A5 (due Monday, the
    // next working day), A7 (paused). The later staffing report of Friday replaces Monday's.
    expect(summary).toMatchObject({
      scope: BIEN_HOA,
      received: { total: 6, online: 3, direct: 2, postal: 1 },
      carriedOver: 1,
      resolved: { total: 3, onTime: 2, early: 2, late: 1 },
      inProgress: { total: 4, overdue: 1, dueSoon: 1, paused: 1 },
      payments: { succeeded: 2, amountVnd: 200000, failed: 1 },
      ratings: { total: 2, satisfied: 1 },
      staffing: { quota: 100, headcount: 93, vacancies: 7, onDuty: 6, inProgressPerOnDuty: 4 / 6 },
    });
    expect(summary.rates).toEqual({
      onTime: 2 / 3,
      // (2 on time + 4 in progress − 1 overdue) / (3 resolved + 4 in progress)
      progress: 5 / 7,
      online: 0.5,
      // A1 all 3 components, A2 1 of 2.
      digitization: 0.5,
      resultDigitization: 1 / 3,
      // Fees on A1, A2, A4; A1 and A2 paid.
      onlinePayment: 2 / 3,
      satisfaction: 0.5,
      apology: 1,
    });
    // (20·5/7 + 12·1 + 10·2/3 + 22·0.5/0.8 + 18·0.5/0.9) / 82 = 56.7024 / 82.
    expect(summary.score).toBe(69.15);
  });

  it('sums the communes into the province', async () => {
    const response = await t.get(`/api/v1/metrics/summary?${week}`, leader);
    const summary = response.body as MetricsSummary;
    expect(summary).toMatchObject({
      scope: '75',
      received: { total: 14, online: 8, direct: 5, postal: 1 },
      carriedOver: 2,
      resolved: { total: 10, onTime: 8, early: 5, late: 2 },
      inProgress: { total: 6, overdue: 2, dueSoon: 1, paused: 1 },
      payments: { succeeded: 2, amountVnd: 200000, failed: 1 },
      ratings: { total: 5, satisfied: 4 },
      // Biên Hòa 100/93/6, Trấn Biên 90/85/4, Bình Phước 80/80/3, Sở Tài chính 60/55/2.
      staffing: { quota: 330, headcount: 313, vacancies: 17, onDuty: 15, inProgressPerOnDuty: 0.4 },
    });
    expect(summary.rates).toEqual({
      onTime: 0.8,
      progress: 12 / 16,
      online: 8 / 14,
      // A1, B1, B2, D1, D2 of the 6 with components (A2 not).
      digitization: 5 / 6,
      resultDigitization: 0.5,
      onlinePayment: 2 / 3,
      satisfaction: 0.8,
      // A2 apologised for, C1 not.
      apology: 0.5,
    });
    // (20·0.75 + 12 + 10·2/3 + 22 + 18·0.8/0.9) / 82 = 71.6667 / 82.
    expect(summary.score).toBe(87.4);
  });

  it('counts a dossier for the desk that received it, and for the agency that handles it', async () => {
    const department = await t.get(`/api/v1/metrics/summary?agency=STC&${week}`, leader);
    expect(department.body).toMatchObject({
      agency: 'STC',
      received: { total: 1, online: 1 },
      inProgress: { total: 1, overdue: 0, dueSoon: 1, paused: 0 },
      staffing: { quota: 60, headcount: 55, vacancies: 5, onDuty: 2, inProgressPerOnDuty: 0.5 },
    });
    const dueSoon = await t.get('/api/v1/dossiers?status=dueSoon', leader);
    expect(rowsOf<DossierRow>(dueSoon)).toMatchObject([
      { dossierId: 'A5', agencyCode: 'STC', unitCode: BIEN_HOA, status: 'dueSoon' },
    ]);
    const overdue = await t.get('/api/v1/dossiers?status=overdue', leader);
    expect(rowsOf<DossierRow>(overdue).map((row) => [row.dossierId, row.overdueDays])).toEqual([
      ['C2', 3],
      ['A4', 1],
    ]);
  });

  it('flags the communes’ late committees, the oldest overdue first', async () => {
    const response = await t.get(`/api/v1/alerts/late-agencies?${week}`, leader);
    expect(rowsOf<LateAgencyRow>(response)).toEqual([
      {
        agencyCode: `UBND-${BINH_PHUOC}`,
        name: 'UBND Phường Bình Phước',
        unitCode: BINH_PHUOC,
        overdue: 1,
        oldestOverdueDays: 3,
        onTimeRate: 2 / 3,
        resolved: 3,
        severity: 'warning',
      },
      {
        agencyCode: `UBND-${BIEN_HOA}`,
        name: 'UBND Phường Biên Hòa',
        unitCode: BIEN_HOA,
        overdue: 1,
        oldestOverdueDays: 1,
        onTimeRate: 2 / 3,
        resolved: 3,
        severity: 'warning',
      },
    ]);
  });

  it('ranks the 95 communes right below the province, a low sample never first', async () => {
    const response = await t.get(`/api/v1/rankings?level=district&${week}`, leader);
    expect(response.status).toBe(200);
    const ranking = response.body as Ranking;
    expect(ranking.rows).toHaveLength(95);
    // Trấn Biên 100 and Biên Hòa 69.15 from enough dossiers, Bình Phước: (20·0.5 + 12·(2/3)) /
    // 32 = 56.25. Đại Phước's 100 comes from 2 dossiers, under the minimum of 3: after them.
    // The window before: Trấn Biên 62.5 from 3; then the low samples, Đại Phước 100 from 1,
    // Biên Hòa and Bình Phước 62.5 from 1 each (in progress, none resolved: Biên before Bình).
    expect(places(ranking.rows.slice(0, 4))).toEqual([
      [1, TRAN_BIEN, 100, 1, false],
      [2, BIEN_HOA, 69.15, 3, false],
      [3, BINH_PHUOC, 56.25, 4, false],
      [4, DAI_PHUOC, 100, 2, true],
    ]);
    expect(ranking.rows.slice(4).every((row) => row.score === null && row.lowSample)).toBe(true);
    expect(ranking.rows.map((row) => row.rank)).toEqual(ranking.rows.map((_, i) => i + 1));
    // The communes are the level right below: level=commune is the same ranking.
    const communes = await t.get(`/api/v1/rankings?level=commune&${week}`, leader);
    expect((communes.body as Ranking).rows).toEqual(ranking.rows);
  });

  it('says what each score is made of, in points that add up to the score', async () => {
    const response = await t.get(`/api/v1/rankings?${week}`, leader);
    const [tranBien, bienHoa, binhPhuoc] = (response.body as Ranking).rows;
    // Out of 72 (no fee, no payment rate): 27.78 + 16.67 + 30.55 + 25 = 100, the hundredths
    // left over going to the largest remainders (.78, .67), not to digitisation's .56.
    expect(tranBien.components).toEqual({
      progress: { rate: 1, points: 27.78, weight: 20, fullAt: 1 },
      online: { rate: 2 / 3, points: 16.67, weight: 12, fullAt: 0.5 },
      digitization: { rate: 1, points: 30.55, weight: 22, fullAt: 0.8 },
      satisfaction: { rate: 1, points: 25, weight: 18, fullAt: 0.9 },
    });
    // Out of 82: 1742.16, 1463.41, 813.01, 1676.83, 1219.51 hundredths; 6915 in all, so
    // digitisation (.83) and satisfaction (.51) take the two hundredths left.
    expect(bienHoa.components).toEqual({
      progress: { rate: 5 / 7, points: 17.42, weight: 20, fullAt: 1 },
      online: { rate: 0.5, points: 14.63, weight: 12, fullAt: 0.5 },
      onlinePayment: { rate: 2 / 3, points: 8.13, weight: 10, fullAt: 1 },
      digitization: { rate: 0.5, points: 16.77, weight: 22, fullAt: 0.8 },
      satisfaction: { rate: 0.5, points: 12.2, weight: 18, fullAt: 0.9 },
    });
    expect(binhPhuoc.components).toEqual({
      progress: { rate: 0.5, points: 31.25, weight: 20, fullAt: 1 },
      online: { rate: 1 / 3, points: 25, weight: 12, fullAt: 0.5 },
    });
  });

  it('keeps the rows inside a scope, with their province-wide ranks', async () => {
    const ward = await t.get(`/api/v1/rankings?scope=${BIEN_HOA}&${week}`, leader);
    expect(places(rowsOf<RankingRow>(ward))).toEqual([[2, BIEN_HOA, 69.15, 3, false]]);
    // Its committee: A1–A4, A6, A7 (A5 is Sở Tài chính's). Progress (2 + 3 − 1) / 6, online
    // 2/5: (20·2/3 + 12·0.8 + 10·2/3 + 22·0.625 + 18·0.5/0.9) / 82 = 65.06. Ahead of it only
    // Trấn Biên's committee; Sở Tài chính (100 from 1) is a low sample, in the province.
    const agencies = await t.get(`/api/v1/rankings?level=agency&scope=${BIEN_HOA}&${week}`, leader);
    expect(places(rowsOf<RankingRow>(agencies))).toEqual([
      [2, `UBND-${BIEN_HOA}`, 65.06, 3, false],
    ]);
    const all = await t.get(`/api/v1/rankings?level=agency&${week}`, leader);
    const agencyRows = rowsOf<RankingRow>(all);
    expect(places(agencyRows.slice(0, 4))).toEqual([
      [1, `UBND-${TRAN_BIEN}`, 100, 1, false],
      [2, `UBND-${BIEN_HOA}`, 65.06, 3, false],
      [3, `UBND-${BINH_PHUOC}`, 56.25, 4, false],
      // Two low samples at 100: Đại Phước's all on time, Sở Tài chính's with nothing resolved.
      [4, `UBND-${DAI_PHUOC}`, 100, 2, true],
    ]);
    expect(agencyRows[4]).toMatchObject({ rank: 5, code: 'STC', score: 100, lowSample: true });
    expect((await t.get(`/api/v1/rankings?scope=99999&${week}`, leader)).status).toBe(400);
  });

  it('keeps a commune’s chief to their own row and scope', async () => {
    const chief = await t.login(`chief-${BINH_PHUOC}`);
    const own = await t.get(`/api/v1/rankings?${week}`, chief);
    expect(places(rowsOf<RankingRow>(own))).toEqual([[3, BINH_PHUOC, 56.25, 4, false]]);
    expect((await t.get(`/api/v1/rankings?scope=${BIEN_HOA}&${week}`, chief)).status).toBe(403);
    expect((await t.get(`/api/v1/metrics/summary?scope=75&${week}`, chief)).status).toBe(403);
  });

  it('streams the same ranking live', async () => {
    const socket = await connectLive(t.url, leader);
    try {
      // "This week" at Saturday noon is the window above; the window before is as long.
      const snapshot = await subscribe(socket, { scope: '75', window: 'week' });
      if (isLiveError(snapshot)) throw new Error(snapshot.error);
      const rest = await t.get(`/api/v1/rankings?${week}`, leader);
      expect(snapshot.ranking).toEqual(liveRankingOf(rest.body as Ranking));
      expect(places(snapshot.ranking.rows.slice(0, 1))).toEqual([[1, TRAN_BIEN, 100, 1, false]]);
    } finally {
      socket.disconnect();
    }
  });
});
