import { COUNTERS, type IngestResult } from '@ioc/domain';
import { DataSource } from 'typeorm';
import { RebuildService } from '../../apps/api/src/projection/rebuild.service';
import {
  apologized,
  atCommune,
  local,
  payment,
  paused,
  rating,
  received,
  resolved,
  resumed,
  withdrawn,
} from '../support/events';
import { EVENTS, NOW, TEST_PROCEDURES } from '../support/scenarios/week-of-16-november';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §7: every derived table can be rebuilt from the event log. A rebuild (one pass over the
 * log, COPY, rollups summed at the end) must leave exactly the tables the live projection left
 * after deriving the same events as they arrived, in several requests and out of order, with
 * the same dossiers set aside.
 */
const tanPhu = atCommune('25195', 'TEST-P2');
const tienThanh = atCommune('25204', 'TEST-P5');
const thacMo = atCommune('25216', 'TEST-P2');

/** What the live projection derives first; the week's scenario, then later arrivals. */
const REQUESTS: object[][] = [
  EVENTS,
  [
    resumed('D4', '2026-11-20T10:00:00'),
    // D8 as first sent: received on Friday; the source's own due date wins over the calendar's.
    received('D8', '2026-11-20T09:00:00', {
      ...tienThanh,
      channel: 'online',
      dueAt: local('2026-11-27T17:00:00'),
    }),
    received('D9', '2026-11-17T08:30:00', { ...thacMo, channel: 'direct', feeVnd: 50_000 }),
    withdrawn('D9', '2026-11-18T08:30:00'),
    received('D10', '2026-11-16T14:00:00', {
      ...thacMo,
      channel: 'online',
      feeVnd: 100_000,
      componentsTotal: 3,
      componentsDigitized: 3,
    }),
    payment('D10', '2026-11-16T14:10:00', 'PAY-10A', 100_000, 'failed'),
    payment('D10', '2026-11-16T14:20:00', 'PAY-10B', 100_000, 'succeeded'),
    received('D11', '2026-11-16T08:00:00', { ...tanPhu, channel: 'direct' }),
    paused('D11', '2026-11-16T15:00:00'),
    resumed('D11', '2026-11-17T09:00:00'),
    paused('D11', '2026-11-19T10:00:00'),
  ],
  [
    // D8's earlier receipt arrives late: the earliest wins, and its facts move to Thursday.
    received('D8', '2026-11-19T16:00:00', { ...tienThanh, channel: 'postal' }),
    resolved('D5', '2026-11-20T16:00:00', { resultDigitized: true }),
    rating('D10', '2026-11-19T09:00:00', 1),
    rating('D10', '2026-11-19T09:05:00', 4),
    resumed('D11', '2026-11-20T08:00:00'),
    apologized('D11', '2026-11-20T08:30:00', '2026-11-24T17:00:00'),
    resolved('D11', '2026-11-20T11:00:00'),
  ],
  // Due at the end of 2099 and paused for a century: its due date leaves the calendar's years.
  [
    received('BEYOND', '2026-11-18T10:00:00', {
      ...tanPhu,
      channel: 'online',
      dueAt: local('2099-12-31T17:00:00'),
    }),
    paused('BEYOND', '2026-11-19T10:00:00'),
    resumed('BEYOND', '2099-12-30T10:00:00'),
  ],
];

// More ratings than a dossier's facts are numbered with (32,767): the database refuses its rows.
const TOO_MANY_RATINGS = 33_000;

describe('rebuild', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await t.importProcedures(TEST_PROCEDURES);
    db = t.app.get(DataSource);
    for (const events of REQUESTS) expect((await t.ingest(events)).status).toBe(202);
    await t.ingest([received('RATED', '2026-11-17T09:30:00', { ...tanPhu, channel: 'online' })]);
    const ratings = Array.from({ length: TOO_MANY_RATINGS }, () =>
      rating('RATED', '2026-11-17T11:00:00', 5),
    );
    for (let start = 0; start < ratings.length; start += 5_000) {
      expect((await t.ingest(ratings.slice(start, start + 5_000))).status).toBe(202);
    }
  });

  afterAll(() => t.close());

  /** Every derived table, row for row, in a stable order. */
  async function derivedTables() {
    const rows = (sql: string) =>
      db.query<{ row: Record<string, unknown> }[]>(sql).then((result) => result.map((r) => r.row));
    return {
      dossier: await rows(`SELECT to_jsonb(d) AS row FROM dossier d ORDER BY dossier_id`),
      dossierFact: await rows(
        `SELECT to_jsonb(f) AS row FROM dossier_fact f ORDER BY dossier_id, seq`,
      ),
      unitDayRollup: await rows(
        `SELECT to_jsonb(r) AS row FROM unit_day_rollup r ORDER BY day, unit_code`,
      ),
      agencyDayRollup: await rows(
        `SELECT to_jsonb(r) AS row FROM agency_day_rollup r ORDER BY day, agency_code`,
      ),
      inProgressChange: await rows(
        `SELECT to_jsonb(c) AS row FROM in_progress_change c ORDER BY day, unit_code, agency_code`,
      ),
      openDossier: await rows(`SELECT to_jsonb(o) AS row FROM open_dossier o ORDER BY dossier_id`),
      staffingReport: await rows(
        `SELECT to_jsonb(s) AS row FROM staffing_report s ORDER BY event_id`,
      ),
      setAside: await rows(
        `SELECT to_jsonb(s) - 'set_aside_at' AS row FROM set_aside_dossier s ORDER BY dossier_id`,
      ),
    };
  }

  const isZero = (row: Record<string, unknown>) => COUNTERS.every((c) => Number(row[c]) === 0);

  it('derives exactly the tables the live projection derived from the same events', async () => {
    const live = await derivedTables();
    expect(live.dossier.map((row) => row.dossier_id)).toEqual([
      'D1',
      'D10',
      'D11',
      'D2',
      'D3',
      'D4',
      'D5',
      'D6',
      'D7',
      'D8',
      'D9',
    ]);
    expect(live.setAside.map((row) => [row.dossier_id, row.reason])).toEqual([
      ['BEYOND', expect.stringMatching(/^derivation failed: working days are known from 1990/)],
      ['RATED', expect.stringMatching(/^storage refused it: .*smallint/)],
    ]);

    const report = await t.app.get(RebuildService).rebuild();
    expect(report.dossiers).toBe(13);
    expect(report.setAside.map((dossier) => dossier.dossierId).sort()).toEqual(['BEYOND', 'RATED']);
    const rebuilt = await derivedTables();

    expect(rebuilt.dossier).toEqual(live.dossier);
    // D8 as its earliest receipt has it: Thursday 16:00 (+07:00), by post.
    const d8 = rebuilt.dossier.find((row) => row.dossier_id === 'D8')!;
    expect([d8.channel, Date.parse(String(d8.received_at))]).toEqual([
      'postal',
      Date.parse('2026-11-19T16:00:00+07:00'),
    ]);
    // D11's letter of apology, kept on the dossier for the lists of overdue dossiers.
    const d11 = rebuilt.dossier.find((row) => row.dossier_id === 'D11')!;
    expect(Date.parse(String(d11.apologized_at))).toBe(Date.parse('2026-11-20T08:30:00+07:00'));
    expect(rebuilt.dossierFact).toEqual(live.dossierFact);
    expect(rebuilt.openDossier).toEqual(live.openDossier);
    expect(rebuilt.staffingReport).toEqual(live.staffingReport);
    expect(rebuilt.setAside).toEqual(live.setAside);
    // The live projection moves a day's rollup by differences: a day whose last fact moved away
    // (D8's receipt, from Friday to Thursday) keeps a row of zeros, which sums the same. A
    // rebuild writes only days that have facts.
    expect(live.unitDayRollup.filter(isZero).map((row) => [row.day, row.unit_code])).toEqual([
      ['2026-11-20', '25204'],
    ]);
    expect(rebuilt.unitDayRollup).toEqual(live.unitDayRollup.filter((row) => !isZero(row)));
    expect(rebuilt.agencyDayRollup).toEqual(live.agencyDayRollup.filter((row) => !isZero(row)));
    // The same for the in-progress day changes, where a day's +1 and -1 may also meet in one row.
    const noChange = (row: Record<string, unknown>) =>
      Number(row.in_progress) === 0 && Number(row.overdue) === 0;
    expect(live.inProgressChange.length).toBeGreaterThan(0);
    expect(rebuilt.inProgressChange.filter((row) => !noChange(row))).toEqual(
      live.inProgressChange.filter((row) => !noChange(row)),
    );
  });

  it('leaves statistics of the tables it filled, and the projector goes on from there', async () => {
    const [facts] = await db.query<{ reltuples: number; count: number }[]>(
      `SELECT reltuples::int AS reltuples, (SELECT count(*)::int FROM dossier_fact) AS count
         FROM pg_class WHERE relname = 'dossier_fact'`,
    );
    expect(facts.reltuples).toBe(facts.count);
    const answer = await t.ingest([resolved('D3', '2026-11-21T09:00:00')]);
    expect((answer.body as IngestResult).accepted).toBe(1);
    const [d3] = await db.query<{ resolved_at: Date }[]>(
      `SELECT resolved_at FROM dossier WHERE dossier_id = 'D3'`,
    );
    expect(d3.resolved_at.toISOString()).toBe('2026-11-21T02:00:00.000Z');
  });
});
