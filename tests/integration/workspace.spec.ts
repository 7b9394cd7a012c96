import {
  isLiveError,
  type DossierDetail,
  type DossierPage,
  type LateAgencies,
  type LiveError,
  type LiveSnapshot,
  type LoginAnswer,
  type ProcedureLoads,
  type Ranking,
} from '@ioc/domain';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { apologized, local, paused, received, resolved, testProcedure } from '../support/events';
import { connectLive, LiveClient, subscribe } from '../support/live-client';
import { messageOf, rowsOf, startTestApp, TestApp } from '../support/test-app';

/**
 * The district chief's and the agency head's workspace API (SPEC §5, §6) on Bình Phước 2021: the
 * dossier list with dueOn, q and sort, one dossier with its due-date reasoning, the next working
 * day, and every download, each held to the caller's scope on REST, in files and on the socket.
 */
const NOW = local('2026-11-20T17:00:00'); // Friday
const DONG_XOAI = '689';
const PHUOC_LONG = '688';
const TAN_PHU = '25195'; // a ward of Đồng Xoài
const JUSTICE = 'STP'; // Sở Tư pháp, a provincial department

const TWO_DAYS = 'TT-WS-2D';
const ONE_DAY = 'TT-WS-1D';
const at = (unitCode: string, agencyCode: string) => ({
  unitCode,
  agencyCode,
  procedureCode: TWO_DAYS,
  channel: 'online' as const,
});

// Two working days after the day of receipt, due at 23:59:59.999 local.
const EVENTS = [
  // Due Wed 18: overdue 2 days on Friday.
  received('WS-01', '2026-11-16T09:00:00', at(TAN_PHU, `UBND-${TAN_PHU}`)),
  // Due Fri 20 (today): due soon.
  received('WS-02', '2026-11-18T10:00:00', at(DONG_XOAI, `UBND-${DONG_XOAI}`)),
  // Due Mon 23, the next working day: due soon.
  received('WS-03', '2026-11-19T10:00:00', at(DONG_XOAI, `UBND-${DONG_XOAI}`)),
  // Another district: overdue, never a Đồng Xoài chief's.
  received('WS-04', '2026-11-16T09:00:00', at(PHUOC_LONG, `UBND-${PHUOC_LONG}`)),
  // The department's own desk: overdue 2 days.
  received('WS-05', '2026-11-16T11:00:00', at('70', JUSTICE)),
  // Received at Đồng Xoài's desk for the department: due Thu 19, overdue 1 day; both see it.
  received('WS-06', '2026-11-17T09:00:00', at(DONG_XOAI, JUSTICE)),
  // Its letter of apology, with a new appointment on Tuesday.
  apologized('WS-06', '2026-11-20T08:00:00', '2026-11-24T17:00:00'),
  // Paused on Tuesday and still waiting for the applicant.
  received('WS-07', '2026-11-16T09:30:00', at(DONG_XOAI, `UBND-${DONG_XOAI}`)),
  paused('WS-07', '2026-11-17T10:00:00'),
  // Resolved on time: in no list of dossiers in progress.
  received('WS-08', '2026-11-16T10:00:00', at(DONG_XOAI, `UBND-${DONG_XOAI}`)),
  resolved('WS-08', '2026-11-17T15:00:00'),
  // Another procedure, due Tue 17 and resolved late on Thursday.
  received('WS-09', '2026-11-16T09:00:00', {
    ...at(DONG_XOAI, `UBND-${DONG_XOAI}`),
    procedureCode: ONE_DAY,
  }),
  resolved('WS-09', '2026-11-19T15:00:00'),
];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A binary answer collected whole (supertest leaves unknown types unparsed). */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The first sheet of an XLSX answer, read back with exceljs. */
async function firstSheetOf(response: request.Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook.worksheets[0];
}

describe('the workspace API: dossiers, downloads and scopes of chiefs and agency heads', () => {
  let t: TestApp;
  let leader: string;
  let chief: string;
  let head: string;
  const sockets: LiveClient[] = [];

  const download = (path: string, token: string) =>
    t.http.get(path).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary);
  const page = async (path: string, token: string) => {
    const response = await t.get(path, token);
    expect(response.status).toBe(200);
    return response.body as DossierPage;
  };
  const ids = (list: DossierPage) => list.rows.map((row) => row.dossierId);

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await t.importProcedures([testProcedure(TWO_DAYS, 2), testProcedure(ONE_DAY, 1)]);
    const ingest = await t.ingest(EVENTS);
    expect(ingest.body).toEqual({ accepted: EVENTS.length, duplicates: 0, rejected: [] });
    [leader, chief, head] = await Promise.all([
      t.login('leader'),
      t.login(`chief-${DONG_XOAI}`),
      t.login(`head-${JUSTICE}`),
    ]);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  describe('agency heads', () => {
    it('are seeded for every provincial department, and told where to land at login', async () => {
      const users = rowsOf<{ username: string; role: string; agencyCode: string | null }>(
        await t.get('/api/v1/admin/users', await t.login('admin')),
      );
      const heads = users.filter((user) => user.role === 'agency_head');
      expect(heads).toHaveLength(20);
      expect(heads).toContainEqual(
        expect.objectContaining({ username: `head-${JUSTICE}`, agencyCode: JUSTICE }),
      );
      const login = await t.http
        .post('/api/v1/auth/login')
        .send({ username: `head-${JUSTICE}`, password: 'demo' });
      expect(login.body).toEqual({
        accessToken: expect.any(String) as string,
        role: 'agency_head',
        unitCode: null,
        agencyCode: JUSTICE,
      } satisfies LoginAnswer);
      const chiefLogin = await t.http
        .post('/api/v1/auth/login')
        .send({ username: `chief-${DONG_XOAI}`, password: 'demo' });
      expect(chiefLogin.body).toMatchObject({
        role: 'district_chief',
        unitCode: DONG_XOAI,
        agencyCode: null,
      });
    });

    it('are created by an administrator only with a known agency', async () => {
      const admin = await t.login('admin');
      const create = (body: object) =>
        t.http.post('/api/v1/admin/users').set('Authorization', `Bearer ${admin}`).send(body);
      const user = { username: 'head.nv', password: 'mật khẩu dài', role: 'agency_head' };
      for (const agencyCode of [undefined, 'NOPE']) {
        const refused = await create({ ...user, agencyCode });
        expect([refused.status, messageOf(refused)]).toEqual([
          400,
          'agencyCode: an agency head needs a known agency code',
        ]);
      }
      expect((await create({ ...user, agencyCode: 'SNV' })).status).toBe(201);
      const login = await t.http.post('/api/v1/auth/login').send(user);
      expect(login.body).toMatchObject({ role: 'agency_head', agencyCode: 'SNV' });
    });

    it('read their agency’s figures and nothing else (403)', async () => {
      const summary = await t.get('/api/v1/metrics/summary?window=week', head);
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({
        scope: '70',
        agency: JUSTICE,
        received: { total: 2 },
        inProgress: { total: 2, overdue: 2 },
      });
      // Their agency's unit (the province, for a department) still gives their agency's figures.
      const province = await t.get('/api/v1/metrics/summary?window=week&scope=70', head);
      expect(province.body).toMatchObject({ scope: '70', agency: JUSTICE, received: { total: 2 } });
      for (const path of [
        `/api/v1/metrics/summary?scope=${DONG_XOAI}`,
        '/api/v1/metrics/summary?agency=SNV',
        '/api/v1/rankings?level=district',
        '/api/v1/rankings?level=agency&scope=689',
        '/api/v1/alerts/late-agencies?scope=689',
        '/api/v1/dossiers?agency=SNV',
        `/api/v1/dossiers?scope=${DONG_XOAI}`,
        `/api/v1/dossiers?scope=${DONG_XOAI}&format=csv`,
      ]) {
        const response = await t.get(path, head);
        expect([path, response.status]).toEqual([path, 403]);
      }
    });

    it('see their own row of the agencies’ ranking, with its province-wide rank, and their alert', async () => {
      const ranking = (await t.get('/api/v1/rankings?level=agency&kind=department', head))
        .body as Ranking;
      expect(ranking.rows.map((row) => row.code)).toEqual([JUSTICE]);
      const everyDepartment = (await t.get('/api/v1/rankings?level=agency&kind=department', leader))
        .body as Ranking;
      expect(everyDepartment.rows).toHaveLength(20);
      expect(ranking.rows[0]).toEqual(everyDepartment.rows.find((row) => row.code === JUSTICE));

      // Rank of N, beside the best and the median: from the whole ranking, not only their row.
      expect(ranking.reference).toEqual(everyDepartment.reference);
      expect(ranking.reference).toMatchObject({
        ranked: 20,
        best: { code: everyDepartment.rows[0].code },
      });
      const districts = (await t.get('/api/v1/rankings?level=district', chief)).body as Ranking;
      expect(districts.rows.map((row) => row.code)).toEqual([DONG_XOAI]);
      expect(districts.reference?.ranked).toBe(11);

      const alerts = (await t.get('/api/v1/alerts/late-agencies', head)).body as LateAgencies;
      expect(alerts.rows).toEqual([
        expect.objectContaining({ agencyCode: JUSTICE, overdue: 2, oldestOverdueDays: 2 }),
      ]);
    });
  });

  describe('GET /dossiers', () => {
    it('keeps a chief to their district and an agency head to their agency', async () => {
      expect(ids(await page('/api/v1/dossiers?status=overdue', chief))).toEqual(['WS-01', 'WS-06']);
      expect(ids(await page('/api/v1/dossiers?status=overdue', head))).toEqual(['WS-05', 'WS-06']);
      expect(ids(await page('/api/v1/dossiers?status=overdue', leader))).toEqual([
        'WS-01',
        'WS-04',
        'WS-05',
        'WS-06',
      ]);
      expect((await t.get(`/api/v1/dossiers?scope=${PHUOC_LONG}`, chief)).status).toBe(403);
      expect((await t.get(`/api/v1/dossiers?agency=UBND-${PHUOC_LONG}`, chief)).status).toBe(403);
    });

    it('lists every status, the dossiers due on a day, by code prefix, in the order asked for', async () => {
      const list = await page(`/api/v1/dossiers?status=dueSoon`, chief);
      expect(list.rows.map((row) => [row.dossierId, row.status, row.dueAt])).toEqual([
        ['WS-02', 'dueSoon', new Date(local('2026-11-20T23:59:59.999')).toISOString()],
        ['WS-03', 'dueSoon', new Date(local('2026-11-23T23:59:59.999')).toISOString()],
      ]);
      expect(ids(await page('/api/v1/dossiers?status=paused', chief))).toEqual(['WS-07']);
      // Due on the next working day: Friday's is Monday.
      const next = await t.get('/api/v1/calendar/next-working-day', chief);
      expect(next.body).toEqual({ date: '2026-11-20', nextWorkingDay: '2026-11-23' });
      expect(ids(await page('/api/v1/dossiers?dueOn=2026-11-23', chief))).toEqual(['WS-03']);
      expect(ids(await page('/api/v1/dossiers?dueOn=2026-11-20', chief))).toEqual(['WS-02']);
      // Earliest due first: WS-07 is paused with Wednesday's due date, as WS-01.
      expect(ids(await page('/api/v1/dossiers?q=WS-0', chief))).toEqual([
        'WS-01',
        'WS-07',
        'WS-06',
        'WS-02',
        'WS-03',
      ]);
      expect(ids(await page('/api/v1/dossiers?q=WS-03', chief))).toEqual(['WS-03']);
      // A wildcard in the prefix is a character like any other.
      expect((await page('/api/v1/dossiers?q=WS_0', chief)).total).toBe(0);
      const sorted = await page('/api/v1/dossiers?sort=overdueDays:desc,receivedAt:desc', chief);
      expect(sorted.rows.map((row) => [row.dossierId, row.overdueDays])).toEqual([
        ['WS-01', 2],
        ['WS-06', 1],
        ['WS-03', 0],
        ['WS-02', 0],
        ['WS-07', 0],
      ]);
      const paged = await page('/api/v1/dossiers?sort=dossierId:desc&page=2&pageSize=2', chief);
      expect([paged.total, ids(paged)]).toEqual([5, ['WS-03', 'WS-02']]);
    });

    it('says which dossiers had a letter of apology by the instant listed, and sorts by it', async () => {
      const now = await page('/api/v1/dossiers?status=overdue&sort=apologized:desc', head);
      expect(now.rows.map((row) => [row.dossierId, row.apologized])).toEqual([
        ['WS-06', true],
        ['WS-05', false],
      ]);
      // Before the letter (Friday 08:00), the same dossier was overdue without one.
      const before = await page(
        `/api/v1/dossiers?status=overdue&to=${encodeURIComponent(local('2026-11-20T07:00:00'))}`,
        head,
      );
      expect(before.rows.map((row) => [row.dossierId, row.apologized])).toEqual([
        ['WS-05', false],
        ['WS-06', false],
      ]);
    });

    it('says what is wrong with a bad status, day, prefix or sort (400)', async () => {
      for (const [query, says] of [
        ['status=late', 'status'],
        ['dueOn=23/11/2026', 'dueOn'],
        ['q=%00WS', 'q'],
        ['sort=name', 'sort by dossierId'],
        ['sort=dueAt:up', 'sort by dossierId'],
        ['format=pdf', 'format'],
      ]) {
        const response = await t.get(`/api/v1/dossiers?${query}`, chief);
        expect([query, response.status]).toEqual([query, 400]);
        expect(JSON.stringify(response.body)).toContain(says);
      }
    });
  });

  describe('GET /dossiers/by-procedure', () => {
    const loads = async (query: string, token: string) => {
      const response = await t.get(`/api/v1/dossiers/by-procedure?${query}`, token);
      expect([query, response.status]).toEqual([query, 200]);
      return response.body as ProcedureLoads;
    };

    it('counts a chief’s dossiers by procedure: in progress at the end, resolved in the window', async () => {
      const week = await loads('window=week', chief);
      expect(week).toMatchObject({ scope: DONG_XOAI, agency: null });
      expect(week.rows).toEqual([
        {
          procedureCode: TWO_DAYS,
          procedureName: expect.any(String) as string,
          inProgress: 5,
          overdue: 2,
          dueSoon: 2,
          paused: 1,
          oldestOverdueDays: 2,
          resolved: 1,
          resolvedOnTime: 1,
          onTimeRate: 1,
        },
        {
          procedureCode: ONE_DAY,
          procedureName: expect.any(String) as string,
          inProgress: 0,
          overdue: 0,
          dueSoon: 0,
          paused: 0,
          oldestOverdueDays: 0,
          resolved: 1,
          resolvedOnTime: 0,
          onTimeRate: 0,
        },
      ]);
      // The same in-progress counts as the dossier list's, status by status.
      for (const status of ['inProgress', 'overdue', 'dueSoon', 'paused'] as const) {
        const list = await page(`/api/v1/dossiers?status=${status}`, chief);
        expect([status, list.total]).toEqual([status, week.rows[0][status]]);
      }
      // Today nothing was resolved: no on-time rate, not 0 %.
      const today = await loads('window=today', chief);
      expect(today.rows.map((row) => [row.procedureCode, row.resolved, row.onTimeRate])).toEqual([
        [TWO_DAYS, 0, null],
      ]);
      // At Tuesday noon, by the history: WS-01, WS-08 (resolved that afternoon) and WS-09 due
      // soon (due Tuesday or Wednesday), WS-07 paused, WS-06 just received.
      const tuesday = await loads(
        `from=${encodeURIComponent(local('2026-11-16T00:00:00'))}&to=${encodeURIComponent(local('2026-11-17T12:00:00'))}`,
        chief,
      );
      expect(tuesday.rows).toMatchObject([
        { procedureCode: TWO_DAYS, inProgress: 4, overdue: 0, dueSoon: 2, paused: 1, resolved: 0 },
        { procedureCode: ONE_DAY, inProgress: 1, overdue: 0, dueSoon: 1, resolved: 0 },
      ]);
    });

    it('holds a chief to their unit and an agency head to their agency (403), and checks what it takes', async () => {
      const own = await loads('window=week', head);
      expect(own).toMatchObject({ agency: JUSTICE });
      expect(own.rows.map((row) => [row.procedureCode, row.inProgress, row.overdue])).toEqual([
        [TWO_DAYS, 2, 2],
      ]);
      const phuocLong = await loads(`scope=${PHUOC_LONG}&window=week`, leader);
      expect(phuocLong.rows.map((row) => [row.procedureCode, row.overdue])).toEqual([
        [TWO_DAYS, 1],
      ]);
      for (const [path, token] of [
        [`scope=${PHUOC_LONG}`, chief],
        [`agency=UBND-${PHUOC_LONG}`, chief],
        [`scope=${PHUOC_LONG}&format=csv`, chief],
        ['agency=SNV', head],
        [`scope=${DONG_XOAI}`, head],
      ]) {
        const response = await t.get(`/api/v1/dossiers/by-procedure?${path}`, token);
        expect([path, response.status]).toEqual([path, 403]);
      }
      for (const [query, says] of [
        ['window=decade', 'window'],
        ['format=pdf', 'format'],
        [
          `from=${encodeURIComponent(local('2026-11-20T00:00:00'))}&to=${encodeURIComponent(local('2026-11-19T00:00:00'))}`,
          'from',
        ],
        ['scope=NOPE', 'NOPE'],
      ]) {
        const response = await t.get(`/api/v1/dossiers/by-procedure?${query}`, leader);
        expect([query, response.status]).toEqual([query, 400]);
        expect(JSON.stringify(response.body)).toContain(says);
      }
    });

    it('downloads the same rows as CSV and XLSX, the rate as a percentage', async () => {
      const json = await loads('window=week', chief);
      const csv = await download('/api/v1/dossiers/by-procedure?window=week&format=csv', chief);
      expect(csv.headers['content-disposition']).toBe(
        `attachment; filename="theo-thu-tuc-${DONG_XOAI}-2026-11-20.csv"`,
      );
      const lines = (csv.body as Buffer).toString('utf8').trimEnd().split('\n');
      expect(lines[0]).toBe(
        '\uFEFFMã thủ tục,Tên thủ tục,Đang giải quyết,Quá hạn,Sắp đến hạn,Tạm dừng,' +
          'Quá hạn lâu nhất (ngày),Đã giải quyết,Giải quyết đúng hạn,Tỉ lệ đúng hạn',
      );
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
        json.rows.map((row) => row.procedureCode),
      );
      const xlsx = await download('/api/v1/dossiers/by-procedure?window=week&format=xlsx', chief);
      const sheet = await firstSheetOf(xlsx);
      expect(sheet.name).toBe('Theo thủ tục');
      expect(sheet.rowCount).toBe(1 + json.rows.length);
      const second = sheet.getRow(3);
      expect([second.getCell(1).value, second.getCell(8).value, second.getCell(10).value]).toEqual([
        ONE_DAY,
        1,
        0,
      ]);
      expect(second.getCell(10).numFmt).toBe('0.00%');
    });
  });

  describe('GET /dossiers/:dossierId', () => {
    it('shows a dossier, its status now, how its due date was reached and its events', async () => {
      const response = await t.get('/api/v1/dossiers/WS-07', chief);
      expect(response.status).toBe(200);
      const detail = response.body as DossierDetail;
      const iso = (time: string) => new Date(local(time)).toISOString();
      expect(detail).toEqual({
        dossierId: 'WS-07',
        procedureCode: TWO_DAYS,
        agencyCode: `UBND-${DONG_XOAI}`,
        unitCode: DONG_XOAI,
        channel: 'online',
        receivedAt: iso('2026-11-16T09:30:00'),
        dueAt: iso('2026-11-18T23:59:59.999'),
        status: 'paused',
        overdueDays: 0,
        resolvedAt: null,
        withdrawnAt: null,
        outcome: null,
        onTime: null,
        apologized: false,
        due: {
          base: iso('2026-11-18T23:59:59.999'),
          baseFrom: 'calendar',
          processingDays: 2,
          receivedOn: '2026-11-16',
          baseDueOn: '2026-11-18',
          daysSkipped: [],
          pauses: [
            {
              from: iso('2026-11-17T10:00:00'),
              to: null,
              workingDays: 0,
              dueAt: iso('2026-11-18T23:59:59.999'),
            },
          ],
          dueAt: iso('2026-11-18T23:59:59.999'),
          apologyNewDueAt: null,
        },
        events: [
          expect.objectContaining({
            type: 'dossier.received',
            occurredAt: local('2026-11-16T09:30:00'),
          }),
          expect.objectContaining({
            type: 'dossier.paused',
            occurredAt: local('2026-11-17T10:00:00'),
          }),
        ],
      });
      const weekend = (await t.get('/api/v1/dossiers/WS-03', chief)).body as DossierDetail;
      expect(weekend.due.daysSkipped).toEqual([
        { date: '2026-11-21', reason: 'weekend' },
        { date: '2026-11-22', reason: 'weekend' },
      ]);
      const done = (await t.get('/api/v1/dossiers/WS-08', chief)).body as DossierDetail;
      expect(done).toMatchObject({ status: 'resolved', onTime: true, overdueDays: 0 });
    });

    it('is a 404 when unknown or outside the caller’s scope, whoever asks', async () => {
      expect((await t.get('/api/v1/dossiers/WS-04', chief)).status).toBe(404);
      expect((await t.get('/api/v1/dossiers/WS-01', head)).status).toBe(404);
      expect((await t.get('/api/v1/dossiers/WS-06', head)).status).toBe(200);
      expect((await t.get('/api/v1/dossiers/WS-06', chief)).status).toBe(200);
      const unknown = await t.get('/api/v1/dossiers/NO-SUCH', leader);
      expect([unknown.status, messageOf(unknown)]).toEqual([404, 'No dossier "NO-SUCH"']);
    });
  });

  describe('downloads', () => {
    it('gives a chief every overdue dossier of their district as XLSX, dates as dates', async () => {
      const json = await page('/api/v1/dossiers?status=overdue', chief);
      const response = await download('/api/v1/dossiers?status=overdue&format=xlsx', chief);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="ho-so-${DONG_XOAI}-overdue-2026-11-20.xlsx"`,
      );
      const sheet = await firstSheetOf(response);
      expect(sheet.name).toBe('Hồ sơ');
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        'Mã hồ sơ',
        'Mã thủ tục',
        'Cơ quan xử lý',
        'Đơn vị tiếp nhận',
        'Kênh tiếp nhận',
        'Thời điểm tiếp nhận',
        'Hạn giải quyết',
        'Trạng thái',
        'Số ngày quá hạn',
        'Đã xin lỗi',
      ]);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.rowCount).toBe(1 + json.rows.length);
      // Local wall-clock times as Excel dates (no zone): Mon 16/11 09:00 reads 09:00.
      const first = sheet.getRow(2);
      expect(first.getCell(1).value).toBe('WS-01');
      expect(first.getCell(6).value).toEqual(new Date('2026-11-16T09:00:00Z'));
      expect(first.getCell(6).numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(first.getCell(7).value).toEqual(new Date('2026-11-18T23:59:59.999Z'));
      expect([first.getCell(8).value, first.getCell(9).value]).toEqual(['Quá hạn', 2]);
      const codes = [2, 3].map((row) => sheet.getRow(row).getCell(1).value);
      expect(codes).toEqual(ids(json));
      // WS-01 had no apology, WS-06 had one: as the JSON rows say.
      expect(json.rows.map((row) => row.apologized)).toEqual([false, true]);
      expect([2, 3].map((row) => sheet.getRow(row).getCell(10).value)).toEqual(['Không', 'Có']);
    });

    it('writes CSV in UTF-8 with a BOM, every row, and the agency head’s own dossiers only', async () => {
      const response = await download('/api/v1/dossiers?format=csv', head);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="ho-so-${JUSTICE}-inProgress-2026-11-20.csv"`,
      );
      const text = (response.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFFMã hồ sơ,Mã thủ tục,Cơ quan xử lý')).toBe(true);
      expect(text.trim().split('\n').slice(1)).toEqual([
        `WS-05,${TWO_DAYS},${JUSTICE},70,Trực tuyến,2026-11-16 11:00,2026-11-18 23:59,Quá hạn,2,Không`,
        `WS-06,${TWO_DAYS},${JUSTICE},${DONG_XOAI},Trực tuyến,2026-11-17 09:00,2026-11-19 23:59,Quá hạn,1,Có`,
      ]);
    });

    it('downloads every row of a list, not one page', async () => {
      const response = await download('/api/v1/dossiers?pageSize=1&format=csv', leader);
      const lines = (response.body as Buffer).toString('utf8').trim().split('\n');
      expect(lines).toHaveLength(1 + 7);
    });

    it('downloads rankings with rates as percentages, and late agencies, within the scope', async () => {
      const json = (await t.get('/api/v1/rankings?level=district&window=week', chief))
        .body as Ranking;
      const response = await download(
        '/api/v1/rankings?level=district&window=week&format=xlsx',
        chief,
      );
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="xep-hang-district-${DONG_XOAI}-2026-11-20.xlsx"`,
      );
      const sheet = await firstSheetOf(response);
      expect(sheet.rowCount).toBe(1 + json.rows.length);
      const header = sheet.getRow(1).values as unknown[];
      const onTime = header.indexOf('Tỉ lệ đúng hạn');
      const row = sheet.getRow(2);
      expect([row.getCell(1).value, row.getCell(3).value]).toEqual([json.rows[0].rank, DONG_XOAI]);
      expect(row.getCell(onTime).value).toBe(json.rows[0].rates.onTime);
      expect(row.getCell(onTime).numFmt).toBe('0.00%');

      const alerts = await download('/api/v1/alerts/late-agencies?format=csv', chief);
      // trimEnd: trim() would take the byte-order mark away too.
      const lines = (alerts.body as Buffer).toString('utf8').trimEnd().split('\n');
      expect(lines[0]).toBe(
        '\uFEFFMã cơ quan,Tên cơ quan,Đơn vị,Hồ sơ quá hạn,Quá hạn lâu nhất (ngày),Tỉ lệ đúng hạn,Đã giải quyết,Mức độ',
      );
      // Đồng Xoài's own agencies only (the department's dossier at its desk is the province's).
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([`UBND-${TAN_PHU}`]);
      const outside = await download('/api/v1/alerts/late-agencies?scope=70&format=xlsx', chief);
      expect(outside.status).toBe(403);
    });
  });

  it('documents the endpoints it serves in OpenAPI, downloads included', async () => {
    const document = (await t.http.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { summary?: string; responses: object }>>;
    };
    for (const path of [
      '/api/v1/dossiers',
      '/api/v1/dossiers/{dossierId}',
      '/api/v1/dossiers/by-procedure',
      '/api/v1/rankings',
      '/api/v1/alerts/late-agencies',
      '/api/v1/calendar/next-working-day',
    ]) {
      expect([path, document.paths[path]?.get?.summary]).toEqual([path, expect.any(String)]);
    }
    expect(JSON.stringify(document.paths['/api/v1/dossiers'].get.responses)).toContain(XLSX);
    expect(JSON.stringify(document.paths['/api/v1/dossiers/{dossierId}'].get.responses)).toContain(
      'apologyNewDueAt',
    );
  });

  describe('the live stream', () => {
    const connect = async (token: string) => {
      const socket = await connectLive(t.url, token);
      sockets.push(socket);
      return socket;
    };

    it('sends an agency head their agency’s figures only, and refuses any other scope', async () => {
      const socket = await connect(head);
      const snapshot = (await subscribe(socket, { window: 'week' })) as LiveSnapshot;
      expect(isLiveError(snapshot)).toBe(false);
      expect(snapshot.summary).toMatchObject({
        agency: JUSTICE,
        received: { total: 2 },
        inProgress: { overdue: 2 },
      });
      expect(snapshot.ranking.rows.map((row) => row.code)).toEqual([JUSTICE]);
      expect(snapshot.lateAgencies.rows.map((row) => row.agencyCode)).toEqual([JUSTICE]);
      for (const request of [
        { window: 'week' as const, scope: DONG_XOAI },
        { window: 'week' as const, agency: 'SNV' },
      ]) {
        const refused = (await subscribe(socket, request)) as LiveError;
        expect(refused.status).toBe(403);
      }
    });

    it('lets a chief watch an agency of their district, not one outside it', async () => {
      const socket = await connect(chief);
      const own = (await subscribe(socket, {
        window: 'week',
        agency: `UBND-${DONG_XOAI}`,
      })) as LiveSnapshot;
      expect(own.summary).toMatchObject({ agency: `UBND-${DONG_XOAI}`, inProgress: { total: 3 } });
      expect(own.ranking.rows.every((row) => row.code.startsWith('UBND-'))).toBe(true);
      const refused = (await subscribe(socket, { window: 'week', agency: JUSTICE })) as LiveError;
      expect(refused.status).toBe(403);
    });
  });
});
