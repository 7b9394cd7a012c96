import {
  isLiveError,
  liveRankingOf,
  type DossierRow,
  type LateAgencyRow,
  type MetricsSummary,
  type Ranking,
  type RankingRow,
} from '@ioc/domain';
import { connectLive, subscribe } from '../support/live-client';
import { EVENTS, NOW, TEST_PROCEDURES, WEEK_FROM } from '../support/scenarios/week-of-16-november';
import { RebuildService } from '../../apps/api/src/projection/rebuild.service';
import { messageOf, rowsOf, startTestApp, TestApp } from '../support/test-app';

const week = `from=${encodeURIComponent(WEEK_FROM)}&to=${encodeURIComponent(NOW)}`;

describe('metrics over HTTP, against PostgreSQL', () => {
  let t: TestApp;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await t.importProcedures(TEST_PROCEDURES);
    const ingest = await t.ingest(EVENTS);
    expect(ingest.status).toBe(202);
    expect(ingest.body).toEqual({ accepted: EVENTS.length - 1, duplicates: 1, rejected: [] });
    leader = await t.login('leader');
  });

  afterAll(() => t.close());

  it('computes the province summary of the week exactly', async () => {
    const response = await t.get(`/api/v1/metrics/summary?${week}`, leader);
    expect(response.status).toBe(200);
    const summary = response.body as MetricsSummary;
    expect(summary).toMatchObject({
      scope: '70',
      from: '2026-11-15T17:00:00.000Z',
      to: '2026-11-21T05:00:00.000Z',
      received: { total: 6, online: 3, direct: 2, postal: 1 },
      carriedOver: 1,
      resolved: { total: 4, onTime: 3, early: 3, late: 1 },
      inProgress: { total: 3, overdue: 1, dueSoon: 1, paused: 1 },
      payments: { succeeded: 1, amountVnd: 100000, failed: 0 },
      ratings: { total: 2, satisfied: 1 },
      staffing: { quota: 15, headcount: 14, vacancies: 1, onDuty: 4, inProgressPerOnDuty: 0.75 },
    });
    expect(summary.rates).toEqual({
      onTime: 0.75,
      progress: 5 / 7,
      online: 0.5,
      digitization: 0,
      resultDigitization: 0.25,
      onlinePayment: 0.5,
      satisfaction: 0.5,
      apology: 1,
    });
    // (20·5/7 + 12·1 + 10·0.5 + 22·0 + 18·0.5/0.9) / 82 × 100
    expect(summary.score).toBe(50.35);
  });

  it('leaves out the facts later in the day a window ends in', async () => {
    // Friday 14:30: D7 is resolved (14:00) but not yet rated (15:00). The day's rollup less the
    // last half hour is the cheaper reading here, and it must give the same figures. The instant
    // is before the latest event, so in progress comes from the dossiers' state history: D3
    // overdue, D4 paused, D5 due on Monday, the next working day.
    const to = encodeURIComponent('2026-11-20T14:30:00+07:00');
    const response = await t.get(
      `/api/v1/metrics/summary?from=${encodeURIComponent(WEEK_FROM)}&to=${to}`,
      leader,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      received: { total: 6, online: 3, direct: 2, postal: 1 },
      carriedOver: 1,
      resolved: { total: 4, onTime: 3, early: 3, late: 1 },
      inProgress: { total: 3, overdue: 1, dueSoon: 1, paused: 1 },
      ratings: { total: 1, satisfied: 1 },
    });
  });

  it('counts a fee as paid by `to` only when its payment came before it', async () => {
    // D2 and D3 carry a fee; D3's payment failed at 10:00 and succeeded at 10:05 on Tuesday.
    const onlinePaymentAt = async (to: string) => {
      const window = `from=${encodeURIComponent(WEEK_FROM)}&to=${encodeURIComponent(to)}`;
      const response = await t.get(`/api/v1/metrics/summary?${window}`, leader);
      return (response.body as MetricsSummary).rates.onlinePayment;
    };
    expect(await onlinePaymentAt('2026-11-17T10:02:00+07:00')).toBe(0);
    expect(await onlinePaymentAt('2026-11-17T10:05:00+07:00')).toBe(0);
    expect(await onlinePaymentAt('2026-11-17T10:05:01+07:00')).toBe(0.5);
  });

  it('ranks the districts by score, with their previous rank', async () => {
    const response = await t.get(`/api/v1/rankings?level=district&${week}`, leader);
    expect(response.status).toBe(200);
    const [first, second, ...rest] = rowsOf<RankingRow>(response);
    // Đồng Xoài: (20·4/6 + 12·0.4 + 10·0.5 + 18·1) / 60; Phước Long: (20 + 12) / 72.
    expect(first).toMatchObject({
      rank: 1,
      code: '689',
      score: 76.56,
      received: 5,
      resolved: 3,
      lowSample: true,
    });
    expect(second).toMatchObject({
      rank: 2,
      code: '688',
      score: 44.44,
      received: 1,
      resolved: 1,
      lowSample: true,
    });
    expect(rest).toHaveLength(9);
    expect(rest.every((row) => row.score === null)).toBe(true);
    // The week before holds only D6's receipt in Đồng Xoài: progress 1, online 0 → (20 + 0) / 32.
    expect(first.previousRank).toBe(1);
  });

  it('flags the agency with an overdue dossier', async () => {
    const response = await t.get(`/api/v1/alerts/late-agencies?${week}`, leader);
    expect(rowsOf<LateAgencyRow>(response)).toEqual([
      {
        agencyCode: 'UBND-25195',
        name: 'UBND Phường Tân Phú',
        unitCode: '25195',
        overdue: 1,
        oldestOverdueDays: 2,
        onTimeRate: 2 / 3,
        resolved: 3,
        severity: 'warning',
      },
    ]);
  });

  it('lists overdue and due-soon dossiers with their days overdue', async () => {
    const overdue = await t.get('/api/v1/dossiers?scope=689&status=overdue', leader);
    expect(overdue.body).toEqual({
      total: 1,
      page: 1,
      pageSize: 50,
      rows: [
        {
          dossierId: 'D3',
          procedureCode: 'TEST-P2',
          agencyCode: 'UBND-25195',
          unitCode: '25195',
          channel: 'postal',
          receivedAt: '2026-11-17T02:00:00.000Z',
          dueAt: '2026-11-19T16:59:59.999Z',
          status: 'overdue',
          overdueDays: 2,
          apologized: false,
        },
      ],
    });
    const dueSoon = await t.get('/api/v1/dossiers?status=dueSoon', leader);
    expect(rowsOf<DossierRow>(dueSoon).map((row) => row.dossierId)).toEqual(['D5']);
    const all = await t.get('/api/v1/dossiers?pageSize=2&page=2', leader);
    expect(all.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(rowsOf<DossierRow>(all).map((row) => row.status)).toEqual(['dueSoon']);
  });

  it('keeps a district chief inside their district', async () => {
    const chief = await t.login('chief-688');
    const own = await t.get(`/api/v1/metrics/summary?${week}`, chief);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ scope: '688', received: { total: 1 } });
    for (const path of [
      `/api/v1/metrics/summary?scope=689`,
      `/api/v1/metrics/summary?scope=70`,
      `/api/v1/metrics/summary?agency=UBND-25195`,
      `/api/v1/alerts/late-agencies?scope=689`,
      `/api/v1/dossiers?scope=689`,
    ]) {
      expect((await t.get(path, chief)).status).toBe(403);
    }
    const ranking = await t.get(`/api/v1/rankings?level=district&${week}`, chief);
    expect(rowsOf<RankingRow>(ranking)).toMatchObject([{ code: '688', rank: 2 }]);
  });

  it("ranks a district's communes among themselves on request, as its wall's live snapshot", async () => {
    // SPEC §5's default: Thác Mơ (Phước Long) keeps its province-wide rank, behind Tân Phú.
    const provinceWide = await t.get(`/api/v1/rankings?level=commune&scope=688&${week}`, leader);
    expect(rowsOf<RankingRow>(provinceWide)[0]).toMatchObject({ code: '25216', rank: 2 });
    // ranks=scope: Phước Long's communes ranked 1 to n among themselves.
    const response = await t.get(`/api/v1/rankings?scope=688&ranks=scope&window=week`, leader);
    expect(response.status).toBe(200);
    const own = response.body as Ranking;
    expect(own.level).toBe('commune');
    expect(own.rows[0]).toMatchObject({ code: '25216', rank: 1 });
    expect(own.rows.map((row) => row.rank)).toEqual(own.rows.map((_, i) => i + 1));
    // The live snapshot of Phước Long's wall ("this week" at Saturday noon is the same window).
    const socket = await connectLive(t.url, leader);
    try {
      const snapshot = await subscribe(socket, { scope: '688', window: 'week' });
      if (isLiveError(snapshot)) throw new Error(snapshot.error);
      expect(snapshot.ranking).toEqual(liveRankingOf(own));
    } finally {
      socket.disconnect();
    }
    // A chief's own unit by default; the province's districts at level district.
    const chief = await t.login('chief-688');
    expect((await t.get(`/api/v1/rankings?ranks=scope&window=week`, chief)).body).toEqual(own);
    const districts = await t.get(`/api/v1/rankings?scope=70&ranks=scope&${week}`, leader);
    expect((districts.body as Ranking).rows).toEqual(
      ((await t.get(`/api/v1/rankings?level=district&${week}`, leader)).body as Ranking).rows,
    );
    // Validated: what cannot be ranked within a scope says why.
    for (const [query, message] of [
      ['ranks=scope&level=agency', /not level=agency/],
      ['ranks=scope&kind=department', /kind/],
      ['ranks=scope&scope=688&level=district', /ranked at level commune/],
      ['ranks=everywhere', /ranks/],
    ] as const) {
      const bad = await t.get(`/api/v1/rankings?${query}`, leader);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(message);
    }
    expect((await t.get(`/api/v1/rankings?ranks=scope&scope=689`, chief)).status).toBe(403);
  });

  it('answers 400 for a bad window or scope, 401 without a token', async () => {
    const bad = [
      `from=${encodeURIComponent(NOW)}&to=${encodeURIComponent(WEEK_FROM)}`,
      `from=${encodeURIComponent('2025-01-01T00:00:00+07:00')}&to=${encodeURIComponent(NOW)}`,
      'scope=99999',
      'from=yesterday',
    ];
    for (const query of bad) {
      const response = await t.get(`/api/v1/metrics/summary?${query}`, leader);
      expect(response.status).toBe(400);
      expect(JSON.stringify(messageOf(response))).toMatch(/from|window|scope/);
    }
    expect((await t.http.get('/api/v1/metrics/summary')).status).toBe(401);
  });

  it('rebuilds every derived table from the event log to the same figures', async () => {
    const paths = [
      `/api/v1/metrics/summary?${week}`,
      `/api/v1/rankings?level=agency&${week}`,
      `/api/v1/alerts/late-agencies?${week}`,
      '/api/v1/dossiers?status=inProgress',
      '/api/v1/metrics/daily?days=10',
    ];
    const before = await Promise.all(paths.map((path) => t.get(path, leader)));
    await t.app.get(RebuildService).rebuild();
    const after = await Promise.all(paths.map((path) => t.get(path, leader)));
    after.forEach((response, i) => expect(response.body).toEqual(before[i].body));
  });

  it('documents the API with OpenAPI', async () => {
    const document = await t.http.get('/api/docs-json');
    expect(document.status).toBe(200);
    expect(Object.keys((document.body as { paths: object }).paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/events',
        '/api/v1/metrics/summary',
        '/api/v1/rankings',
        '/api/v1/alerts/late-agencies',
      ]),
    );
    // ranks=scope is a documented parameter of /rankings, with its two values.
    const rankings = (
      document.body as {
        paths: Record<string, { get: { parameters: { name: string; schema?: object }[] } }>;
      }
    ).paths['/api/v1/rankings'].get;
    const ranks = rankings.parameters.find((parameter) => parameter.name === 'ranks');
    expect(JSON.stringify(ranks?.schema)).toContain('"province","scope"');
  });
});
