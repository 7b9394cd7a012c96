import {
  COUNTERS,
  Counters,
  edgeReading,
  InProgressFigures,
  LocalClock,
  splitWindow,
  zeroCounters,
} from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Slice, SqlParams, sliceSql } from './slice';

export interface Window {
  from: number;
  to: number;
}

export interface InProgressAt extends InProgressFigures {
  /** Local days from the oldest overdue dossier's due day to the day of the instant. */
  oldestOverdueDays: number;
}

export interface StaffingAt {
  quota: number;
  headcount: number;
  onDuty: number;
}

/** The states a dossier in progress can be in at an instant, as the `dossier` columns name them. */
export const DOSSIER_STATES = ['paused', 'overdue', 'due_soon'] as const;
export type DossierStateName = (typeof DOSSIER_STATES)[number];

const iso = (instant: number) => new Date(instant).toISOString();
const sums = COUNTERS.map((c) => `sum(${c})::float8 AS ${c}`).join(', ');
const rollupTable = (slice: Slice) =>
  slice.by === 'unit' ? 'unit_day_rollup' : 'agency_day_rollup';
const factsIn = (range: Window, params: SqlParams) =>
  `f.at >= ${params.add(iso(range.from))} AND f.at < ${params.add(iso(range.to))}`;

/** The due date in force at instant $T: the last step taken before it (pauses move it). */
export const dueAtSql = (alias: string, instant: string) => `
  CASE WHEN ${alias}.due_steps IS NULL THEN ${alias}.due_at ELSE (
    SELECT to_timestamp((s->>'dueAt')::float8 / 1000) FROM jsonb_array_elements(${alias}.due_steps) s
     WHERE (s->>'from')::float8 < extract(epoch FROM ${instant}::timestamptz) * 1000
     ORDER BY (s->>'from')::float8 DESC LIMIT 1) END`;

/** Reads the derived tables; every figure is keyed by the slice's group ('' when ungrouped). */
@Injectable()
export class MetricsRepository {
  /** Reads under way, by statement and parameters. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly db: DataSource) {}

  /**
   * Runs a read, or joins the identical one already under way: the live stream's windows all end
   * at the same instant, so their in-progress and staffing reads are one. Identical means the
   * same instants to the millisecond. Rows are shared, and read only.
   */
  private query<T>(sql: string, params: readonly unknown[]): Promise<T> {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let read = this.inFlight.get(key) as Promise<T> | undefined;
    if (!read) {
      read = this.db.query<T>(sql, [...params]).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, read);
    }
    return read;
  }

  /**
   * Flow counters of `[from, to)`: whole days from the rollups; each part-day edge from its facts,
   * or as its day's rollup less the facts of the rest of the day when that reads fewer (no fact
   * lies after `horizon`, the latest event derived).
   */
  async counters(
    slice: Slice,
    window: Window,
    clock: LocalClock,
    horizon: number,
  ): Promise<Map<string, Counters>> {
    const { firstDay, endDay, edges } = splitWindow(window, clock);
    const queries: Promise<({ key: string } & Counters)[]>[] = [];
    if (firstDay < endDay) queries.push(this.rollupSums(slice, firstDay, endDay));
    for (const edge of edges) {
      const reading = edgeReading(edge, clock, horizon);
      queries.push(
        reading.wholeDay
          ? this.dayLessFacts(slice, edge.day, reading.facts)
          : this.factSums(slice, reading.facts[0]),
      );
    }
    const byKey = new Map<string, Counters>();
    for (const rows of await Promise.all(queries)) {
      for (const row of rows) {
        const counters = byKey.get(row.key) ?? zeroCounters();
        for (const name of COUNTERS) counters[name] += row[name] ?? 0;
        byKey.set(row.key, counters);
      }
    }
    return byKey;
  }

  /**
   * The latest event instant derived (-Infinity before the first): no fact lies after it, and
   * at or after it what is open now is the state of any instant. Read once per set of figures.
   */
  async latestEventDerived(): Promise<number> {
    // Never joined to a read under way: it must see every projection committed before it.
    const [{ watermark }] = await this.db.query<{ watermark: Date | null }[]>(
      `SELECT watermark FROM projection_state`,
    );
    return watermark?.getTime() ?? -Infinity;
  }

  private rollupSums(slice: Slice, firstDay: string, endDay: string) {
    const params = new SqlParams();
    const s = sliceSql(slice, rollupTable(slice), 'r', params);
    return this.query<({ key: string } & Counters)[]>(
      `SELECT ${s.key} AS key, ${sums} FROM ${s.from}
        WHERE r.day >= ${params.add(firstDay)} AND r.day < ${params.add(endDay)} AND ${s.where}
        GROUP BY 1`,
      params.values,
    );
  }

  private factSums(slice: Slice, range: Window) {
    const params = new SqlParams();
    const s = sliceSql(slice, 'dossier_fact', 'f', params);
    return this.query<({ key: string } & Counters)[]>(
      `SELECT ${s.key} AS key, ${sums} FROM ${s.from}
        WHERE ${factsIn(range, params)} AND ${s.where}
        GROUP BY 1`,
      params.values,
    );
  }

  /** One statement, so the rollup and the facts taken off it are read at the same moment. */
  private dayLessFacts(slice: Slice, day: string, less: readonly Window[]) {
    const params = new SqlParams();
    const r = sliceSql(slice, rollupTable(slice), 'r', params);
    const f = sliceSql(slice, 'dossier_fact', 'f', params);
    const dayRow = `SELECT ${r.key} AS key, ${COUNTERS.map((c) => `r.${c}`).join(', ')}
                      FROM ${r.from} WHERE r.day = ${params.add(day)} AND ${r.where}`;
    const lessRows = less.map(
      (range) => `SELECT ${f.key} AS key, ${COUNTERS.map((c) => `-f.${c}`).join(', ')}
                    FROM ${f.from} WHERE ${factsIn(range, params)} AND ${f.where}`,
    );
    return this.query<({ key: string } & Counters)[]>(
      `SELECT key, ${sums} FROM (${[dayRow, ...lessRows].join(' UNION ALL ')}) AS edge GROUP BY 1`,
      params.values,
    );
  }

  /** Counters per local day in `[firstDay, endDay)`, from the rollups (today's row is live). */
  async daily(slice: Slice, firstDay: string, endDay: string): Promise<Map<string, Counters>> {
    const params = new SqlParams();
    const s = sliceSql(slice, rollupTable(slice), 'r', params);
    const rows = await this.query<(Counters & { key: string })[]>(
      `SELECT to_char(r.day, 'YYYY-MM-DD') AS key, ${sums} FROM ${s.from}
        WHERE r.day >= ${params.add(firstDay)} AND r.day < ${params.add(endDay)} AND ${s.where}
        GROUP BY 1`,
      params.values,
    );
    return new Map(rows.map(({ key, ...counters }) => [key, counters]));
  }

  /**
   * Dossiers in progress at an instant, with how many are paused, overdue and due soon. At or
   * after `horizon` (the latest event derived), the open dossiers' own table answers; before it,
   * the history of each dossier's states does, for the states asked for (the others stay at zero).
   */
  async inProgressAt(
    slice: Slice,
    instant: number,
    zone: string,
    horizon: number,
    states: readonly DossierStateName[] = DOSSIER_STATES,
  ): Promise<Map<string, InProgressAt>> {
    if (instant >= horizon) {
      const rows = await this.openNow(slice, instant, zone);
      return new Map(rows.map((row) => [row.key, row]));
    }
    const [totals, counts] = await Promise.all([
      this.openCountAt(slice, instant, horizon),
      this.statesAt(slice, instant, zone, states),
    ]);
    const byKey = new Map<string, InProgressAt>();
    for (const [key, total] of totals) {
      const { paused = 0, overdue = 0, dueSoon = 0, oldestOverdueDays = 0 } = counts.get(key) ?? {};
      byKey.set(key, { total, paused, overdue, dueSoon, oldestOverdueDays });
    }
    return byKey;
  }

  /** How many dossiers were in progress at an instant (a window's carried-over count). */
  async openCountAt(slice: Slice, instant: number, horizon: number): Promise<Map<string, number>> {
    // At or after the latest event derived, nothing more is known than what is open now.
    const current = instant >= horizon;
    const params = new SqlParams();
    const s = sliceSql(slice, current ? 'open_dossier' : 'dossier', 'd', params);
    // In the past, the open-range index (which carries unit and agency) answers on its own.
    const open = current ? 'true' : `d.open_range @> ${params.add(iso(instant))}::timestamptz`;
    const rows = await this.query<{ key: string; count: number }[]>(
      `SELECT ${s.key} AS key, count(*)::int AS count FROM ${s.from}
        WHERE ${open} AND ${s.where} GROUP BY 1`,
      params.values,
    );
    return new Map(rows.map((row) => [row.key, row.count]));
  }

  private openNow(slice: Slice, instant: number, zone: string) {
    const params = new SqlParams();
    const s = sliceSql(slice, 'open_dossier', 'd', params);
    const at = `${params.add(iso(instant))}::timestamptz`;
    const localDay = (expression: string) =>
      `(${expression} AT TIME ZONE ${params.add(zone)})::date`;
    const overdue = `d.paused_since IS NULL AND d.due_at < ${at}`;
    return this.query<(InProgressAt & { key: string })[]>(
      `SELECT ${s.key} AS key, count(*)::int AS total,
              count(*) FILTER (WHERE d.paused_since IS NOT NULL)::int AS paused,
              count(*) FILTER (WHERE ${overdue})::int AS overdue,
              count(*) FILTER (WHERE d.paused_since IS NULL AND d.due_soon_from <= ${at} AND d.due_at >= ${at})::int AS "dueSoon",
              coalesce(${localDay(at)} - ${localDay(`min(d.due_at) FILTER (WHERE ${overdue})`)}, 0)::int AS "oldestOverdueDays"
         FROM ${s.from} WHERE ${s.where} GROUP BY 1`,
      params.values,
    );
  }

  /**
   * Paused, overdue and due-soon counts at a past instant, each read through its own index over
   * the dossiers that were ever in that state (few, next to all those open).
   */
  private async statesAt(
    slice: Slice,
    instant: number,
    zone: string,
    states: readonly DossierStateName[],
  ) {
    const params = new SqlParams();
    const at = `${params.add(iso(instant))}::timestamptz`;
    const inState = (state: DossierStateName) => {
      const s = sliceSql(slice, 'dossier', 'd', params);
      // The due date in force is read for overdue dossiers only: the oldest of them.
      const due = state === 'overdue' ? dueAtSql('d', at) : 'NULL::timestamptz';
      return `SELECT ${s.key} AS key, '${state}' AS state, ${due} AS due FROM ${s.from}
               WHERE NOT isempty(d.${state}) AND d.${state} @> ${at} AND ${s.where}`;
    };
    const localDay = (expression: string) =>
      `(${expression} AT TIME ZONE ${params.add(zone)})::date`;
    const rows = await this.query<(Omit<InProgressAt, 'total'> & { key: string })[]>(
      `SELECT key,
              count(*) FILTER (WHERE state = 'paused')::int AS paused,
              count(*) FILTER (WHERE state = 'overdue')::int AS overdue,
              count(*) FILTER (WHERE state = 'due_soon')::int AS "dueSoon",
              coalesce(${localDay(at)} - ${localDay('min(due)')}, 0)::int AS "oldestOverdueDays"
         FROM (${states.map(inState).join(' UNION ALL ')}) AS states
        GROUP BY key`,
      params.values,
    );
    return new Map(rows.map((row) => [row.key, row]));
  }

  /**
   * Dossiers received in the window with a fee whose first succeeded payment came at or after
   * `to`: the counters hold "paid ever", and these are not yet paid at `to`.
   */
  async paidAfterWindow(slice: Slice, window: Window): Promise<Map<string, number>> {
    const params = new SqlParams();
    const s = sliceSql(slice, 'dossier', 'd', params);
    const to = params.add(iso(window.to));
    const rows = await this.query<{ key: string; count: number }[]>(
      `SELECT ${s.key} AS key, count(*)::int AS count FROM ${s.from}
        WHERE d.fee_vnd > 0 AND d.first_paid_at >= ${to}::timestamptz
          AND d.received_at >= ${params.add(iso(window.from))} AND d.received_at < ${to}
          AND ${s.where}
        GROUP BY 1`,
      params.values,
    );
    return new Map(rows.map((row) => [row.key, row.count]));
  }

  /** Sums of each agency's latest staffing report at or before the instant. */
  async staffingAt(slice: Slice, instant: number): Promise<Map<string, StaffingAt>> {
    const params = new SqlParams();
    const s = sliceSql(slice, 'agency_staffing', 'a', params);
    const rows = await this.query<(StaffingAt & { key: string })[]>(
      `WITH agency_staffing AS (
         SELECT ag.code AS agency_code, ag.unit_code, r.quota, r.headcount, r.on_duty
           FROM agency ag CROSS JOIN LATERAL (
             SELECT quota, headcount, on_duty FROM staffing_report
              WHERE agency_code = ag.code AND reported_at <= ${params.add(iso(instant))}
              ORDER BY reported_at DESC LIMIT 1) r)
       SELECT ${s.key} AS key, sum(a.quota)::int AS quota, sum(a.headcount)::int AS headcount,
              sum(a.on_duty)::int AS "onDuty"
         FROM ${s.from} WHERE ${s.where} GROUP BY 1`,
      params.values,
    );
    return new Map(rows.map((row) => [row.key, row]));
  }
}
