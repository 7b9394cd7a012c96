import { Briefing, BriefingFormRow, canonicalJson, RankingRow } from '@ioc/domain';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import {
  BRIEFING_PROCEDURES,
  EVENTS,
  LATE_EVENT,
  NOW,
  OPEN_WEEK,
  PREVIOUS_WEEK,
  WEEK,
} from '../support/scenarios/briefing-weeks';
import { BriefingService } from '../../apps/api/src/briefing/briefing.service';
import { messageOf, rowsOf, startTestApp, TestApp } from '../support/test-app';

/** The figures a checksum is of: the answer less what is not frozen with them. */
function checksumOfAnswer(briefing: Briefing): string {
  const {
    frozenAt: _frozenAt,
    checksum: _checksum,
    eventsSinceFrozen: _events,
    definitionsVersion: _version,
    ...figures
  } = briefing;
  return createHash('sha256').update(canonicalJson(figures)).digest('hex');
}

const formRow = (rows: BriefingFormRow[], kind: string, unitCode: string, field: string | null) =>
  rows.find((row) => row.kind === kind && row.unitCode === unitCode && row.field === field);

describe('weekly briefing over HTTP, against PostgreSQL', () => {
  let t: TestApp;
  let leader: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await t.importProcedures(BRIEFING_PROCEDURES);
    const ingest = await t.ingest(EVENTS);
    expect(ingest.body).toMatchObject({ accepted: EVENTS.length, rejected: [] });
    leader = await t.login('leader');
    admin = await t.login('admin');
  });

  afterAll(() => t.close());

  const briefingOf = async (week: string, token = leader, query = '') => {
    const response = await t.get(`/api/v1/briefings/${week}${query}`, token);
    expect(response.status).toBe(200);
    return response.body as Briefing;
  };

  it('names the last complete week and the open one', async () => {
    const response = await t.get('/api/v1/briefings', leader);
    expect(response.body).toEqual({ lastComplete: WEEK, open: OPEN_WEEK });
  });

  it('computes both weeks of the province exactly', async () => {
    const briefing = await briefingOf(WEEK);
    expect(briefing).toMatchObject({
      week: WEEK,
      scope: '70',
      from: '2026-11-15T17:00:00.000Z',
      to: '2026-11-22T17:00:00.000Z',
      previousWeek: PREVIOUS_WEEK,
      workingDays: { current: 5, previous: 5 },
    });
    expect(briefing.current).toMatchObject({
      received: { total: 6, online: 3, direct: 2, postal: 1 },
      carriedOver: 2,
      resolved: { total: 4, onTime: 3, early: 1, late: 1 },
      inProgress: { total: 3, overdue: 1, paused: 1 },
    });
    expect(briefing.current.rates).toMatchObject({ onTime: 0.75, online: 0.5 });
    expect(briefing.previous).toMatchObject({
      from: '2026-11-08T17:00:00.000Z',
      received: { total: 3, online: 2, direct: 1, postal: 0 },
      carriedOver: 0,
      resolved: { total: 1, onTime: 1, early: 1, late: 0 },
      inProgress: { total: 2, overdue: 0 },
    });
    expect(briefing.targets).toEqual([
      { name: 'onTime', target: 0.985, value: 0.75, met: false },
      { name: 'satisfaction', target: 0.91, value: null, met: null },
      { name: 'online', target: 0.3, value: 0.5, met: true },
      { name: 'apology', target: 1, value: 0, met: false },
    ]);
    expect(briefing.calendar.current).toMatchObject({ kind: 'normal', daysOff: [] });
  });

  it('fills in the national form: the scope, its own desks, each unit, each field; the columns add up', async () => {
    const { form } = await briefingOf(WEEK);
    const rows = form.rows;
    expect(rows[0]).toEqual({
      label: 'Tỉnh Bình Phước',
      unitCode: '70',
      field: null,
      kind: 'scope',
      received: { total: 8, online: 3, directOrPostal: 3, carriedOver: 2 },
      resolved: { total: 4, early: 1, onTime: 2, late: 1 },
      inProgress: { total: 3, withinDeadline: 2, overdue: 1 },
    });
    expect(rows[1]).toMatchObject({ label: 'Cấp tỉnh', kind: 'own', unitCode: '70' });
    expect(rows[1].received).toEqual({ total: 1, online: 1, directOrPostal: 0, carriedOver: 0 });
    expect(rows[2]).toMatchObject({ label: 'Đất đai', kind: 'field', unitCode: '70' });
    expect(formRow(rows, 'unit', '689', null)).toMatchObject({
      label: 'Thành phố Đồng Xoài',
      received: { total: 4, online: 1, directOrPostal: 2, carriedOver: 1 },
      resolved: { total: 2, early: 0, onTime: 2, late: 0 },
      inProgress: { total: 1, withinDeadline: 1, overdue: 0 },
    });
    expect(formRow(rows, 'field', '689', 'Hộ tịch')).toMatchObject({
      received: { total: 3, online: 1, directOrPostal: 1, carriedOver: 1 },
      resolved: { total: 2, early: 0, onTime: 2, late: 0 },
      inProgress: { total: 1, withinDeadline: 1, overdue: 0 },
    });
    expect(formRow(rows, 'field', '689', 'Đất đai')).toMatchObject({
      received: { total: 1, online: 0, directOrPostal: 1, carriedOver: 0 },
      resolved: { total: 0 },
      inProgress: { total: 0 },
    });
    expect(formRow(rows, 'unit', '688', null)).toMatchObject({
      received: { total: 3, online: 1, directOrPostal: 1, carriedOver: 1 },
      resolved: { total: 2, early: 1, onTime: 0, late: 1 },
      inProgress: { total: 1, withinDeadline: 0, overdue: 1 },
    });
    // Every unit right below the province has its row; the empty ones have no field rows.
    expect(rows.filter((row) => row.kind === 'unit')).toHaveLength(11);
    expect(rows.filter((row) => row.kind === 'field')).toHaveLength(5);
    for (const row of rows) {
      const { received, resolved, inProgress } = row;
      expect(received.total).toBe(received.online + received.directOrPostal + received.carriedOver);
      expect(resolved.total).toBe(resolved.early + resolved.onTime + resolved.late);
      expect(inProgress.total).toBe(inProgress.withinDeadline + inProgress.overdue);
    }
    // The scope is its own desks plus its units; each of those, its fields.
    const sum = (picked: BriefingFormRow[]) =>
      picked.reduce((total, row) => total + row.received.total + row.resolved.total, 0);
    const parents = rows.filter((row) => row.kind === 'own' || row.kind === 'unit');
    expect(sum(parents)).toBe(rows[0].received.total + rows[0].resolved.total);
    for (const parent of parents) {
      const index = rows.indexOf(parent);
      const next = rows.findIndex((row, i) => i > index && row.kind !== 'field');
      const fields = rows.slice(index + 1, next === -1 ? undefined : next);
      if (fields.length > 0)
        expect(sum(fields)).toBe(parent.received.total + parent.resolved.total);
    }
  });

  it('ranks the districts with their rank of the week before, as /rankings does', async () => {
    const { ranking } = await briefingOf(WEEK);
    expect(ranking.level).toBe('district');
    expect(ranking.rows).toHaveLength(11);
    const previous = await t.get(
      `/api/v1/rankings?level=district&from=${encodeURIComponent('2026-11-09T00:00:00+07:00')}&to=${encodeURIComponent('2026-11-16T00:00:00+07:00')}`,
      leader,
    );
    const previousRanks = new Map(rowsOf<RankingRow>(previous).map((row) => [row.code, row.rank]));
    for (const row of ranking.rows) expect(row.previousRank).toBe(previousRanks.get(row.code));
    expect(ranking.rows.find((row) => row.code === '688')).toMatchObject({
      received: 2,
      resolved: 2,
      overdue: 1,
    });
  });

  it('lists the late-running agencies and the 8 weeks of the trend', async () => {
    const briefing = await briefingOf(WEEK);
    expect(briefing.lateAgencies.rows).toEqual([
      expect.objectContaining({
        agencyCode: 'UBND-25216',
        overdue: 1,
        oldestOverdueDays: 4,
        severity: 'warning',
      }),
    ]);
    expect(briefing.trend.map((week) => week.week)).toEqual([
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
    ]);
    // No day off from W40 to W47 of 2026: five working days each (kinds are weekCalendar's spec).
    expect(briefing.trend.map((week) => [week.workingDays, week.kind])).toEqual(
      Array.from({ length: 8 }, () => [5, 'normal']),
    );
    expect(briefing.trend[0]).toMatchObject({ received: 0, onTimeRate: null, onlineShare: null });
    expect(briefing.trend[6]).toMatchObject({ received: 3, resolved: 1, onTimeRate: 1 });
    expect(briefing.trend[6].onlineShare).toBeCloseTo(2 / 3, 12);
    expect(briefing.trend[7]).toMatchObject({
      week: WEEK,
      received: 6,
      resolved: 4,
      onTimeRate: 0.75,
      onlineShare: 0.5,
    });
  });

  it('freezes a closed week: a late event changes nothing but is counted; an admin regenerates', async () => {
    const frozen = await briefingOf(WEEK);
    expect(frozen.frozenAt).toBe(new Date(NOW).toISOString());
    expect(frozen.eventsSinceFrozen).toBe(0);
    expect(frozen.definitionsVersion).toBe(1);
    expect(frozen.checksum).toBe(checksumOfAnswer(frozen));

    expect((await t.ingest([LATE_EVENT])).status).toBe(202);
    // The live figures of the week take the event in...
    const window = `from=${encodeURIComponent(frozen.from)}&to=${encodeURIComponent(frozen.to)}`;
    const live = await t.get(`/api/v1/metrics/summary?${window}`, leader);
    expect(live.body).toMatchObject({ resolved: { total: 5 } });
    // ...the frozen briefing does not, and says that one event came since.
    const after = await briefingOf(WEEK);
    expect(after.current.resolved.total).toBe(4);
    expect(after.eventsSinceFrozen).toBe(1);
    expect(after.checksum).toBe(frozen.checksum);
    expect(after.frozenAt).toBe(frozen.frozenAt);

    // Minutes later the count is kept with the briefing, and the next requests do not count again.
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE event SET ingested_at = ingested_at - interval '5 minutes'`);
      await db.query(
        `UPDATE briefing_snapshot SET events_before = events_before - interval '5 minutes',
                events_counted_until = events_counted_until - interval '5 minutes'`,
      );
      expect((await briefingOf(WEEK)).eventsSinceFrozen).toBe(1);
      expect((await briefingOf(WEEK)).eventsSinceFrozen).toBe(1);
      const { rows } = await db.query<{ counted: number }>(
        `SELECT events_counted AS counted FROM briefing_snapshot WHERE week = $1 AND scope = '70'`,
        [WEEK],
      );
      expect(rows).toEqual([{ counted: 1 }]);
    } finally {
      await db.end();
    }

    const regenerate = (token: string) =>
      t.http.post(`/api/v1/briefings/${WEEK}/regenerate`).set('Authorization', `Bearer ${token}`);
    expect((await regenerate(leader)).status).toBe(403);
    const regenerated = await regenerate(admin);
    expect(regenerated.status).toBe(200);
    const body = regenerated.body as { briefing: Briefing; replacedChecksum: string };
    expect(body.replacedChecksum).toBe(frozen.checksum);
    expect(body.briefing.current.resolved.total).toBe(5);
    expect(body.briefing.checksum).not.toBe(frozen.checksum);
    expect(body.briefing.checksum).toBe(checksumOfAnswer(body.briefing));
    const kept = await briefingOf(WEEK);
    expect(kept).toMatchObject({ eventsSinceFrozen: 0, checksum: body.briefing.checksum });
    const audit = await t.get('/api/v1/admin/audit?action=briefing.regenerate', admin);
    expect(rowsOf(audit)).toEqual([
      expect.objectContaining({
        actor: 'admin',
        action: 'briefing.regenerate',
        target: `${WEEK} 70`,
        details: {
          week: WEEK,
          scope: '70',
          replacedChecksum: frozen.checksum,
          checksum: body.briefing.checksum,
        },
      }),
    ]);
  });

  it('freezes a week once when its first requests come together', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => t.get(`/api/v1/briefings/${PREVIOUS_WEEK}`, leader)),
    );
    const checksums = new Set(answers.map((answer) => (answer.body as Briefing).checksum));
    expect(checksums.size).toBe(1);
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ week: string; frozen: number }>(
        `SELECT week, count(*)::int AS frozen FROM briefing_snapshot WHERE scope = '70' GROUP BY week ORDER BY week`,
      );
      expect(rows).toEqual([
        { week: PREVIOUS_WEEK, frozen: 1 },
        { week: WEEK, frozen: 1 },
      ]);
    } finally {
      await db.end();
    }
  });

  it('computes the open week live and says so', async () => {
    const open = await briefingOf(OPEN_WEEK);
    expect(open).toMatchObject({ week: OPEN_WEEK, frozenAt: null, eventsSinceFrozen: null });
    // So far: from Monday 00:00 to now, Monday 08:00.
    expect([open.from, open.to]).toEqual(['2026-11-22T17:00:00.000Z', new Date(NOW).toISOString()]);
    expect(open.checksum).toBe(checksumOfAnswer(open));
    // Tuesday 24/11 is Ngày Văn hóa Việt Nam: four working days, marked as a holiday week.
    expect(open.workingDays).toEqual({ current: 4, previous: 5 });
    expect(open.calendar.current).toMatchObject({
      kind: 'holiday',
      daysOff: [{ date: '2026-11-24', reason: 'Ngày Văn hóa Việt Nam (24/11)' }],
    });
  });

  it("gives a district chief their own unit's briefing, and a 403 for the province's", async () => {
    const chief = await t.login('chief-689');
    const own = await briefingOf(WEEK, chief);
    expect(own.scope).toBe('689');
    expect(own.form.rows[0]).toMatchObject({
      kind: 'scope',
      unitCode: '689',
      received: { total: 4, online: 1, directOrPostal: 2, carriedOver: 1 },
    });
    expect(own.ranking.level).toBe('commune');
    expect(own.ranking.rows.map((row) => row.code)).toContain('25195');
    expect(own.ranking.rows.every((row) => ['688', '25216'].indexOf(row.code) === -1)).toBe(true);
    expect((await t.get(`/api/v1/briefings/${WEEK}?scope=70`, chief)).status).toBe(403);
    expect((await t.get(`/api/v1/briefings/${WEEK}?scope=688`, chief)).status).toBe(403);
    // The leader opening the same scope gets the same kept briefing.
    expect((await briefingOf(WEEK, leader, '?scope=689')).checksum).toBe(own.checksum);
  });

  it('refuses a week that does not exist or has not started, and an unknown scope', async () => {
    const no53 = await t.get('/api/v1/briefings/2025-W53', leader);
    expect(no53.status).toBe(400);
    expect(JSON.stringify(no53.body)).toContain('no such ISO week');
    const future = await t.get('/api/v1/briefings/2026-W50', leader);
    expect(future.status).toBe(400);
    expect(messageOf(future)).toBe('week: 2026-W50 has not started yet');
    expect((await t.get('/api/v1/briefings/last-week', leader)).status).toBe(400);
    expect((await t.get(`/api/v1/briefings/${WEEK}?scope=nowhere`, leader)).status).toBe(400);
    expect((await t.get(`/api/v1/briefings/${WEEK}?format=doc`, leader)).status).toBe(400);
  });

  it("freezes last week's briefings of the province and of each unit right below it (Monday's job)", async () => {
    const scopes = await t.app.get(BriefingService).freezeLastWeek();
    expect(scopes).toHaveLength(12);
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ frozen: number }>(
        `SELECT count(*)::int AS frozen FROM briefing_snapshot WHERE week = $1`,
        [WEEK],
      );
      expect(rows).toEqual([{ frozen: 12 }]);
    } finally {
      await db.end();
    }
  });

  it('writes the XLSX from the same figures: summary, ranking, agencies and the form with merged headers and formulas', async () => {
    const json = await briefingOf(WEEK);
    const response = await t.http
      .get(`/api/v1/briefings/${WEEK}?format=xlsx`)
      .set('Authorization', `Bearer ${leader}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="bao-cao-tuan-${WEEK}-70.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(response.body as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tóm tắt',
      'Xếp hạng',
      'Cơ quan',
      'Biểu II.06a',
    ]);

    const summary = workbook.getWorksheet('Tóm tắt')!;
    const summaryRow = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (!found && row.getCell(1).value === label) found = row;
      });
      if (!found) throw new Error(`no row ${label}`);
      return found;
    };
    const receivedRow = summaryRow('Hồ sơ tiếp nhận');
    expect(receivedRow.getCell(2).value).toBe(json.current.received.total);
    expect(receivedRow.getCell(3).value).toBe(json.previous.received.total);
    expect(receivedRow.getCell(4).value).toEqual({
      formula: `B${receivedRow.number}-C${receivedRow.number}`,
      result: json.current.received.total - json.previous.received.total,
    });
    const onTimeRow = summaryRow('Tỉ lệ đúng hạn');
    expect(onTimeRow.getCell(2).value).toBe(json.current.rates.onTime);
    expect(onTimeRow.getCell(2).numFmt).toBe('0.00%');
    // Satisfaction has no data either week: empty cells, no change.
    const satisfied = summaryRow('Tỉ lệ hài lòng');
    expect([satisfied.getCell(2).value, satisfied.getCell(4).value]).toEqual([null, null]);
    expect(summaryRow('Số ngày làm việc').getCell(2).value).toBe(5);

    const ranking = workbook.getWorksheet('Xếp hạng')!;
    expect(ranking.getRow(1).getCell(1).value).toBe('Hạng');
    expect(ranking.rowCount).toBe(1 + json.ranking.rows.length);
    const first = json.ranking.rows[0];
    expect(ranking.getRow(2).getCell(1).value).toBe(first.rank);
    expect(ranking.getRow(2).getCell(4).value).toBe(first.code);
    // exceljs reads a cached 0 back as no result, though the file holds <v>0</v>.
    const movement = ranking.getRow(2).getCell(3).value as ExcelJS.CellFormulaValue;
    expect({ ...movement, result: movement.result ?? 0 }).toEqual({
      formula: 'B2-A2',
      result: first.previousRank! - first.rank,
    });

    const agencies = workbook.getWorksheet('Cơ quan')!;
    expect(agencies.getRow(2).values).toEqual([
      undefined,
      'UBND-25216',
      expect.any(String),
      '25216',
      1,
      4,
      0.5,
      2,
      'Cảnh báo',
    ]);

    const form = workbook.getWorksheet('Biểu II.06a')!;
    let header = 0;
    form.eachRow((row) => {
      if (header === 0 && row.getCell(1).value === 'STT') header = row.number;
    });
    expect(header).toBeGreaterThan(0);
    // Merged as printed: STT and the label over three rows, the groups across their columns.
    expect(form.getCell(`A${header + 2}`).master.address).toBe(`A${header}`);
    expect(form.getCell(`F${header}`).master.address).toBe(`C${header}`);
    expect(form.getCell(`M${header}`).master.address).toBe(`G${header}`);
    expect(form.getCell(`C${header + 2}`).master.address).toBe(`C${header + 1}`);
    expect(form.getCell(`F${header + 1}`).master.address).toBe(`D${header + 1}`);
    expect(form.getCell(`J${header + 1}`).master.address).toBe(`G${header + 1}`);
    expect(form.getCell(`M${header + 1}`).master.address).toBe(`K${header + 1}`);
    expect(form.getCell(`G${header + 1}`).value).toBe('Số hồ sơ đã giải quyết');
    expect(form.getCell(`C${header + 3}`).value).toBe('(3)=(4)+(5)+(6)');
    const scopeLine = header + 4;
    const { received, resolved, inProgress } = json.form.rows[0];
    expect(form.getRow(scopeLine).values).toEqual([
      undefined,
      '',
      'Tỉnh Bình Phước',
      { formula: `D${scopeLine}+E${scopeLine}+F${scopeLine}`, result: received.total },
      received.carriedOver,
      received.online,
      received.directOrPostal,
      { formula: `H${scopeLine}+I${scopeLine}+J${scopeLine}`, result: resolved.total },
      resolved.early,
      resolved.onTime,
      resolved.late,
      { formula: `L${scopeLine}+M${scopeLine}`, result: inProgress.total },
      inProgress.withinDeadline,
      inProgress.overdue,
    ]);
    expect(received).toEqual({ total: 8, online: 3, directOrPostal: 3, carriedOver: 2 });
    expect(form.rowCount).toBe(scopeLine - 1 + json.form.rows.length);
    expect(form.getCell(`B${scopeLine + 1}`).value).toBe('Cấp tỉnh');
    expect(form.getCell(`A${scopeLine + 1}`).value).toBe(1);
    expect(form.getCell(`A${scopeLine + 2}`).value).toBe('1.1');
  });

  it("names a chief's XLSX after their unit", async () => {
    const chief = await t.login('chief-689');
    const response = await t.get(`/api/v1/briefings/${WEEK}?format=xlsx`, chief);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="bao-cao-tuan-${WEEK}-689.xlsx"`,
    );
  });

  it('documents the briefing endpoints and their answer in OpenAPI', async () => {
    interface Operation {
      summary?: string;
      responses: Record<string, { content: Record<string, { schema: { properties: object } }> }>;
    }
    const document = (await t.http.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, Operation>>;
    };
    const briefing = document.paths['/api/v1/briefings/{week}'].get;
    expect(briefing.summary).toContain('weekly briefing');
    const schema = briefing.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['frozenAt', 'checksum', 'eventsSinceFrozen', 'form', 'trend']),
    );
    expect(document.paths['/api/v1/briefings/{week}/regenerate'].post.summary).toContain('admin');
  });
});
