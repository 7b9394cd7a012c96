import type {
  DossierListStatus,
  DossierRow,
  DossierSort,
  DossierSortColumn,
  InProgressAt,
  LocalClock,
  LocalDate,
} from '@ioc/domain';
import type { PoolClient } from 'pg';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JoinedReads } from './joined-reads';
import { Slice, SqlParams, sliceSql } from './slice';

/** The states a dossier in progress can be in at an instant, as the `dossier` columns name them. */
export const DOSSIER_STATES = ['paused', 'overdue', 'due_soon'] as const;
export type DossierStateName = (typeof DOSSIER_STATES)[number];

/**
 * What is read of the dossiers in progress: every count and the oldest overdue (`full`), or
 * only what a score needs (`score`: the total and the overdue ones; at a past instant the
 * others stay at zero).
 */
export type InProgressDetail = 'full' | 'score';

/** Dossiers of one unit and field in progress at an instant, and how many were overdue. */
export interface OpenByFieldRow {
  unit: string;
  field: string;
  open: number;
  overdue: number;
}

export type DossierFilter = DossierListStatus;

/** Whether each state holds for a row `d` at the instant `at` (a parameter). */
type StatesSql = Record<DossierStateName, string>;

const iso = (instant: number) => new Date(instant).toISOString();

/**
 * `dossier`: every dossier's history, as the ranges `deriveDossierState` built. It answers for any
 * instant: in progress is the open range, and each state its own range.
 */
const history = {
  open: (at: string) => `d.open_range @> ${at}`,
  states: (at: string): StatesSql => ({
    paused: `d.paused @> ${at}`,
    overdue: `d.overdue @> ${at}`,
    due_soon: `d.due_soon @> ${at}`,
  }),
  /** The due date in force: the last step taken before the instant (pauses move it). */
  dueAt: (at: string) => `
    CASE WHEN d.due_steps IS NULL THEN d.due_at ELSE (
      SELECT to_timestamp((s->>'dueAt')::float8 / 1000) FROM jsonb_array_elements(d.due_steps) s
       WHERE (s->>'from')::float8 < extract(epoch FROM ${at}::timestamptz) * 1000
       ORDER BY (s->>'from')::float8 DESC LIMIT 1) END`,
};

/**
 * `open_dossier`: the dossiers open after every event derived, with their last due date, the
 * start of its due-soon days and their pause, if any. It answers only for instants after the
 * latest event derived, when nothing of their history can change their status but the clock.
 */
const current = {
  states: (at: string): StatesSql => ({
    paused: `d.paused_since IS NOT NULL`,
    overdue: `d.paused_since IS NULL AND d.due_at < ${at}`,
    due_soon: `d.paused_since IS NULL AND d.due_soon_from <= ${at} AND d.due_at >= ${at}`,
  }),
  dueAt: 'd.due_at',
};

/**
 * Whether `open_dossier` answers for the instant, given the latest event derived: only after it,
 * as at the event's own instant a dossier is still as it was before (states are `(from, to]`).
 */
const isCurrent = (instant: number, horizon: number) => instant > horizon;

/** The local day that starts at the instant, if it is a midnight (`in_progress_change` answers). */
function dayStartingAt(instant: number, clock: LocalClock): LocalDate | undefined {
  const day = clock.dateOf(instant);
  return clock.startOfDay(day) === instant ? day : undefined;
}

/** Paused before overdue before due soon, as `dossierStatusAt` decides. */
const statusSql = (states: StatesSql) =>
  `CASE WHEN ${states.paused} THEN 'paused' WHEN ${states.overdue} THEN 'overdue'
        WHEN ${states.due_soon} THEN 'dueSoon' ELSE 'inProgress' END`;

/** Local calendar days from the day of `from` to the day of `to` (`zone` is a parameter). */
const localDaysSql = (from: string, to: string, zone: string) =>
  `(${to} AT TIME ZONE ${zone})::date - (${from} AT TIME ZONE ${zone})::date`;

/**
 * A dossier's status at an instant, in SQL: the mirror of `dossierStatusAt` (libs/domain), held
 * to it by tests/integration/repositories/dossier-status.repository.spec.ts. Counts serve the
 * figures of a window's end; lists serve the dossiers' pages.
 */
@Injectable()
export class DossierStatusRepository {
  private readonly reads: JoinedReads;

  constructor(private readonly db: DataSource) {
    this.reads = new JoinedReads(db);
  }

  /**
   * Dossiers in progress at an instant, with how many are paused, overdue and due soon. After
   * `horizon` (the latest event derived), the open dossiers' own table answers; until it, at a
   * local midnight, the in-progress day changes give the total and, for a score, the overdue
   * count; else the history of each dossier's states does.
   */
  async inProgressAt(
    slice: Slice,
    instant: number,
    clock: LocalClock,
    horizon: number,
    detail: InProgressDetail = 'full',
  ): Promise<Map<string, InProgressAt>> {
    if (isCurrent(instant, horizon)) {
      const rows = await this.countsNow(slice, instant, clock.zone);
      return new Map(rows.map(({ key, ...counts }) => [key, counts]));
    }
    const day = dayStartingAt(instant, clock);
    if (day !== undefined && detail === 'score') {
      const counts = await this.countsAtDayStart(slice, day);
      return new Map(
        [...counts].map(([key, { total, overdue }]) => [
          key,
          { total, overdue, paused: 0, dueSoon: 0, oldestOverdueDays: 0 },
        ]),
      );
    }
    const [totals, counts] = await Promise.all([
      this.openCountAt(slice, instant, clock, horizon),
      this.statesAt(slice, instant, clock.zone, detail),
    ]);
    const byKey = new Map<string, InProgressAt>();
    for (const [key, total] of totals) {
      const { paused = 0, overdue = 0, dueSoon = 0, oldestOverdueDays = 0 } = counts.get(key) ?? {};
      byKey.set(key, { total, paused, overdue, dueSoon, oldestOverdueDays });
    }
    return byKey;
  }

  /** How many dossiers were in progress at an instant (a window's carried-over count). */
  async openCountAt(
    slice: Slice,
    instant: number,
    clock: LocalClock,
    horizon: number,
  ): Promise<Map<string, number>> {
    const now = isCurrent(instant, horizon);
    const day = now ? undefined : dayStartingAt(instant, clock);
    if (day !== undefined) {
      const counts = await this.countsAtDayStart(slice, day);
      return new Map([...counts].map(([key, { total }]) => [key, total]));
    }
    const params = new SqlParams();
    const s = sliceSql(slice, now ? 'open_dossier' : 'dossier', 'd', params);
    // In the past, the open-range index (which carries unit and agency) answers on its own.
    const open = now ? 'true' : history.open(`${params.add(iso(instant))}::timestamptz`);
    const rows = await this.reads.query<{ key: string; count: number }[]>(
      `SELECT ${s.key} AS key, count(*)::int AS count FROM ${s.from}
        WHERE ${open} AND ${s.where} GROUP BY 1`,
      params.values,
    );
    return new Map(rows.map((row) => [row.key, row.count]));
  }

  /**
   * Dossiers in progress, and overdue, at the first instant of a local day: the day changes of
   * every day before it summed, rows of days and units however many dossiers were open.
   */
  private async countsAtDayStart(slice: Slice, day: LocalDate) {
    const params = new SqlParams();
    const s = sliceSql(slice, 'in_progress_change', 'd', params);
    const rows = await this.reads.query<{ key: string; total: number; overdue: number }[]>(
      `SELECT ${s.key} AS key, sum(d.in_progress)::int AS total, sum(d.overdue)::int AS overdue
         FROM ${s.from} WHERE d.day < ${params.add(day)}::date AND ${s.where}
        GROUP BY 1 HAVING sum(d.in_progress) <> 0`,
      params.values,
    );
    return new Map(rows.map(({ key, ...counts }) => [key, counts]));
  }

  /**
   * Dossiers in progress at an instant per unit and field (lĩnh vực) of the procedure, and how
   * many of them were overdue: the national form's carried-over and in-progress columns.
   */
  async openByFieldAt(slice: Slice, instant: number): Promise<OpenByFieldRow[]> {
    const params = new SqlParams();
    const s = sliceSql(slice, 'dossier', 'd', params);
    const at = `${params.add(iso(instant))}::timestamptz`;
    return this.reads.query<OpenByFieldRow[]>(
      `SELECT d.unit_code AS unit, coalesce(p.field, d.procedure_code) AS field,
              count(*)::int AS open, count(*) FILTER (WHERE ${history.states(at).overdue})::int AS overdue
         FROM ${s.from} LEFT JOIN procedure p ON p.code = d.procedure_code
        WHERE ${history.open(at)} AND ${s.where}
        GROUP BY 1, 2`,
      params.values,
    );
  }

  private countsNow(slice: Slice, instant: number, zone: string) {
    const params = new SqlParams();
    const s = sliceSql(slice, 'open_dossier', 'd', params);
    const at = `${params.add(iso(instant))}::timestamptz`;
    const states = current.states(at);
    const oldestDue = `min(${current.dueAt}) FILTER (WHERE ${states.overdue})`;
    return this.reads.query<(InProgressAt & { key: string })[]>(
      `SELECT ${s.key} AS key, count(*)::int AS total,
              count(*) FILTER (WHERE ${states.paused})::int AS paused,
              count(*) FILTER (WHERE ${states.overdue})::int AS overdue,
              count(*) FILTER (WHERE ${states.due_soon})::int AS "dueSoon",
              coalesce(${localDaysSql(oldestDue, at, params.add(zone))}, 0)::int AS "oldestOverdueDays"
         FROM ${s.from} WHERE ${s.where} GROUP BY 1`,
      params.values,
    );
  }

  /**
   * Paused, overdue and due-soon counts at a past instant (a score: overdue only), each read
   * through its own partial index over the dossiers that were ever in that state (few, next to
   * all those open).
   */
  private async statesAt(slice: Slice, instant: number, zone: string, detail: InProgressDetail) {
    const params = new SqlParams();
    const at = `${params.add(iso(instant))}::timestamptz`;
    const states = history.states(at);
    const names: readonly DossierStateName[] = detail === 'full' ? DOSSIER_STATES : ['overdue'];
    const inState = (state: DossierStateName) => {
      const s = sliceSql(slice, 'dossier', 'd', params);
      // The due date in force is read for overdue dossiers only: the oldest of them.
      const due =
        state === 'overdue' && detail === 'full' ? history.dueAt(at) : 'NULL::timestamptz';
      // The index's own condition comes first, so the planner may use the partial index.
      return `SELECT ${s.key} AS key, '${state}' AS state, ${due} AS due FROM ${s.from}
               WHERE NOT isempty(d.${state}) AND ${states[state]} AND ${s.where}`;
    };
    const rows = await this.reads.query<(Omit<InProgressAt, 'total'> & { key: string })[]>(
      `SELECT key,
              count(*) FILTER (WHERE state = 'paused')::int AS paused,
              count(*) FILTER (WHERE state = 'overdue')::int AS overdue,
              count(*) FILTER (WHERE state = 'due_soon')::int AS "dueSoon",
              coalesce(${localDaysSql('min(due)', at, params.add(zone))}, 0)::int AS "oldestOverdueDays"
         FROM (${names.map(inState).join(' UNION ALL ')}) AS states
        GROUP BY key`,
      params.values,
    );
    return new Map(rows.map((row) => [row.key, row]));
  }

  /** A page of the dossiers in progress at an instant that match, in the order asked for. */
  async page(
    slice: Slice,
    criteria: DossierListCriteria,
    page: number,
    pageSize: number,
  ): Promise<{ total: number; rows: DossierRow[] }> {
    const list = listSql(slice, criteria);
    const limit = `LIMIT ${list.params.add(pageSize)} OFFSET ${list.params.add((page - 1) * pageSize)}`;
    // Ordered by status and due date only: the page is taken from the narrow rows, and only its
    // rows are read from `dossier` (not every overdue dossier of a district).
    const sql = list.narrowOrder
      ? `SELECT * FROM (${list.withFields(`(SELECT *, count(*) OVER ()::int AS total
                          FROM (${list.narrow}) AS n ${list.orderBy} ${limit})`)}) AS listed
          ${list.orderBy}`
      : `SELECT *, count(*) OVER ()::int AS total FROM (${list.sql}) AS listed
          ${list.orderBy} ${limit}`;
    const rows = await this.db.query<(DossierRowSql & { total: number })[]>(
      sql,
      list.params.values,
    );
    const total = rows[0]?.total ?? (page > 1 ? await this.count(slice, criteria) : 0);
    return { total, rows: rows.map(({ total: _total, ...row }) => dossierRowOf(row)) };
  }

  /**
   * Every matching dossier, in the order asked for, in batches read through a cursor on a
   * connection of its own: a download of any size holds one batch at a time.
   */
  async *all(
    slice: Slice,
    criteria: DossierListCriteria,
    batchRows = 2_000,
  ): AsyncGenerator<DossierRow[]> {
    const list = listSql(slice, criteria);
    const reader = this.db.createQueryRunner();
    const client = (await reader.connect()) as PoolClient;
    try {
      await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
      await client.query(
        `DECLARE dossier_list NO SCROLL CURSOR FOR ${list.sql} ${list.orderBy}`,
        list.params.values,
      );
      for (;;) {
        const { rows } = await client.query<DossierRowSql>(
          `FETCH FORWARD ${batchRows} FROM dossier_list`,
        );
        if (rows.length === 0) break;
        yield rows.map(dossierRowOf);
      }
    } finally {
      await client.query(`ROLLBACK`).catch(() => undefined);
      await reader.release();
    }
  }

  /** The total when the page asked for lies past the end. */
  private async count(slice: Slice, criteria: DossierListCriteria): Promise<number> {
    const list = listSql(slice, criteria);
    const rows = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM (${list.sql}) AS listed`,
      list.params.values,
    );
    return rows[0].total;
  }
}

/** What a list of dossiers holds: those in progress at `instant` that match every criterion. */
export interface DossierListCriteria {
  filter: DossierFilter;
  instant: number;
  /** The zone of local days (`overdueDays`, `dueOn`). */
  zone: string;
  /** Only those whose due date in force falls on this local day (YYYY-MM-DD). */
  dueOn?: string;
  /** Only those whose code starts with this. */
  codePrefix?: string;
  /** Most urgent first (earliest due date) unless told otherwise; the code breaks ties. */
  sort?: readonly DossierSort[];
  /** The latest event derived: after it, the open dossiers' own table answers. */
  horizon?: number;
}

type DossierRowSql = Omit<DossierRow, 'receivedAt' | 'dueAt'> & {
  receivedAt: Date | string;
  dueAt: Date | string;
};

const dossierRowOf = (row: DossierRowSql): DossierRow => ({
  ...row,
  receivedAt: new Date(row.receivedAt).toISOString(),
  dueAt: new Date(row.dueAt).toISOString(),
});

/** The output column of each sortable field (the names of `DossierRow`, quoted). */
const SORT_SQL: Record<DossierSortColumn, string> = {
  dossierId: '"dossierId"',
  procedureCode: '"procedureCode"',
  agencyCode: '"agencyCode"',
  unitCode: '"unitCode"',
  channel: 'channel',
  receivedAt: '"receivedAt"',
  dueAt: '"dueAt"',
  status: 'status',
  overdueDays: '"overdueDays"',
  apologized: 'apologized',
};

const DEFAULT_SORT: readonly DossierSort[] = [{ column: 'dueAt', direction: 'asc' }];

/** Escapes LIKE's wildcards, so a code prefix matches literally. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The rows of a dossier list (without order), and its ORDER BY: a dossier in progress at the
 * instant, its due date in force then, its status and its days overdue (the mirror of
 * `dossierStatusAt`).
 */
export function listSql(slice: Slice, criteria: DossierListCriteria) {
  const params = new SqlParams();
  // After the latest event derived, the narrow open-dossier table answers (every live screen).
  const now = criteria.horizon !== undefined && isCurrent(criteria.instant, criteria.horizon);
  const s = sliceSql(slice, now ? 'open_dossier' : 'dossier', 'd', params);
  const at = `${params.add(iso(criteria.instant))}::timestamptz`;
  const tz = params.add(criteria.zone);
  const states = now ? current.states(at) : history.states(at);
  const conditions = [filterSql(criteria.filter, states), s.where];
  if (!now) conditions.unshift(history.open(at));
  if (criteria.codePrefix !== undefined) {
    conditions.push(`d.dossier_id LIKE ${params.add(likePrefix(criteria.codePrefix))}`);
  }
  const dueOn =
    criteria.dueOn === undefined
      ? ''
      : `WHERE (o.due AT TIME ZONE ${tz})::date = ${params.add(criteria.dueOn)}::date`;
  // Which dossiers, their due date in force, status and days overdue (narrow rows)…
  const narrow = `
    SELECT o.dossier_id AS "dossierId", o.due AS "dueAt", o.status,
           CASE WHEN o.status = 'overdue' THEN ${localDaysSql('o.due', at, tz)} ELSE 0 END::int AS "overdueDays"
      FROM (
        SELECT d.dossier_id, ${now ? current.dueAt : history.dueAt(at)} AS due, ${statusSql(states)} AS status
          FROM ${s.from}
         WHERE ${conditions.join(' AND ')}) AS o
     ${dueOn}`;
  // …then their fields, by primary key.
  const withFields = (rows: string) => `
    SELECT n.*, x.procedure_code AS "procedureCode", x.agency_code AS "agencyCode",
           x.unit_code AS "unitCode", x.channel, x.received_at AS "receivedAt",
           coalesce(x.apologized_at <= ${at}, false) AS apologized
      FROM ${rows} AS n JOIN dossier x ON x.dossier_id = n."dossierId"`;
  const sort = criteria.sort?.length ? criteria.sort : DEFAULT_SORT;
  const keys = sort.map(
    ({ column, direction }) => `${SORT_SQL[column]} ${direction.toUpperCase()}`,
  );
  // The code last, so that equal keys keep one order from page to page.
  if (!sort.some(({ column }) => column === 'dossierId')) keys.push('"dossierId" ASC');
  return {
    sql: withFields(`(${narrow})`),
    narrow,
    withFields,
    /** Whether the order needs none of the fields read from `dossier`. */
    narrowOrder: sort.every(({ column }) => NARROW_SORT.has(column)),
    params,
    orderBy: `ORDER BY ${keys.join(', ')}`,
  };
}

/** The sortable columns of the narrow rows of a list (see listSql). */
const NARROW_SORT = new Set<DossierSortColumn>(['dossierId', 'dueAt', 'status', 'overdueDays']);

function filterSql(filter: DossierFilter, states: StatesSql): string {
  if (filter === 'inProgress') return 'true';
  return { overdue: states.overdue, dueSoon: states.due_soon, paused: states.paused }[filter];
}
