import {
  COUNTERS,
  Counters,
  edgeReading,
  LocalClock,
  splitWindow,
  StaffingAt,
  TimeWindow,
  zeroCounters,
} from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JoinedReads } from './joined-reads';
import { Slice, SqlParams, sliceSql } from './slice';

/** One unit's and field's flow columns of the national form (see FormCounts). */
export interface FormFlowRow {
  unit: string;
  field: string;
  online: number;
  directOrPostal: number;
  early: number;
  onTime: number;
  late: number;
}

const iso = (instant: number) => new Date(instant).toISOString();
const sums = COUNTERS.map((c) => `sum(${c})::float8 AS ${c}`).join(', ');
const rollupTable = (slice: Slice) =>
  slice.by === 'unit' ? 'unit_day_rollup' : 'agency_day_rollup';
const factsIn = (range: TimeWindow, params: SqlParams) =>
  `f.at >= ${params.add(iso(range.from))} AND f.at < ${params.add(iso(range.to))}`;

/** Reads the derived tables; every figure is keyed by the slice's group ('' when ungrouped). */
@Injectable()
export class MetricsRepository {
  private readonly reads: JoinedReads;

  constructor(private readonly db: DataSource) {
    this.reads = new JoinedReads(db);
  }

  /**
   * Flow counters of `[from, to)`: whole days from the rollups; each part-day edge from its facts,
   * or as its day's rollup less the facts of the rest of the day when that reads fewer (no fact
   * lies after `horizon`, the latest event derived).
   */
  async counters(
    slice: Slice,
    window: TimeWindow,
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
   * after it what is open now is the state of any instant. Read once per set of figures.
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
    return this.reads.query<({ key: string } & Counters)[]>(
      `SELECT ${s.key} AS key, ${sums} FROM ${s.from}
        WHERE r.day >= ${params.add(firstDay)} AND r.day < ${params.add(endDay)} AND ${s.where}
        GROUP BY 1`,
      params.values,
    );
  }

  private factSums(slice: Slice, range: TimeWindow) {
    const params = new SqlParams();
    const s = sliceSql(slice, 'dossier_fact', 'f', params);
    return this.reads.query<({ key: string } & Counters)[]>(
      `SELECT ${s.key} AS key, ${sums} FROM ${s.from}
        WHERE ${factsIn(range, params)} AND ${s.where}
        GROUP BY 1`,
      params.values,
    );
  }

  /** One statement, so the rollup and the facts taken off it are read at the same moment. */
  private dayLessFacts(slice: Slice, day: string, less: readonly TimeWindow[]) {
    const params = new SqlParams();
    const r = sliceSql(slice, rollupTable(slice), 'r', params);
    const f = sliceSql(slice, 'dossier_fact', 'f', params);
    const dayRow = `SELECT ${r.key} AS key, ${COUNTERS.map((c) => `r.${c}`).join(', ')}
                      FROM ${r.from} WHERE r.day = ${params.add(day)} AND ${r.where}`;
    const lessRows = less.map(
      (range) => `SELECT ${f.key} AS key, ${COUNTERS.map((c) => `-f.${c}`).join(', ')}
                    FROM ${f.from} WHERE ${factsIn(range, params)} AND ${f.where}`,
    );
    return this.reads.query<({ key: string } & Counters)[]>(
      `SELECT key, ${sums} FROM (${[dayRow, ...lessRows].join(' UNION ALL ')}) AS edge GROUP BY 1`,
      params.values,
    );
  }

  /** Counters per local day in `[firstDay, endDay)`, from the rollups (today's row is live). */
  async daily(slice: Slice, firstDay: string, endDay: string): Promise<Map<string, Counters>> {
    const params = new SqlParams();
    const s = sliceSql(slice, rollupTable(slice), 'r', params);
    const rows = await this.reads.query<(Counters & { key: string })[]>(
      `SELECT to_char(r.day, 'YYYY-MM-DD') AS key, ${sums} FROM ${s.from}
        WHERE r.day >= ${params.add(firstDay)} AND r.day < ${params.add(endDay)} AND ${s.where}
        GROUP BY 1`,
      params.values,
    );
    return new Map(rows.map(({ key, ...counters }) => [key, counters]));
  }

  /**
   * The flow columns of the national form (Biểu II.06a) per unit and field (lĩnh vực) of the
   * procedure, from the same facts the rollups sum: so a scope's rows add up to its summary.
   */
  async formFlowByField(slice: Slice, window: TimeWindow): Promise<FormFlowRow[]> {
    const params = new SqlParams();
    const s = sliceSql(slice, 'dossier_fact', 'f', params);
    return this.reads.query<FormFlowRow[]>(
      `SELECT f.unit_code AS unit, coalesce(p.field, d.procedure_code) AS field,
              sum(f.received_online)::int AS online,
              sum(f.received_direct + f.received_postal)::int AS "directOrPostal",
              sum(f.resolved_early)::int AS early, sum(f.resolved_on_time)::int AS "onTime",
              sum(f.resolved_late)::int AS late
         FROM ${s.from} JOIN dossier d ON d.dossier_id = f.dossier_id
         LEFT JOIN procedure p ON p.code = d.procedure_code
        WHERE ${factsIn(window, params)} AND ${s.where}
        GROUP BY 1, 2`,
      params.values,
    );
  }

  /**
   * Dossiers received in the window with a fee whose first succeeded payment came at or after
   * `to`: the counters hold "paid ever", and these are not yet paid at `to`.
   */
  async paidAfterWindow(slice: Slice, window: TimeWindow): Promise<Map<string, number>> {
    const params = new SqlParams();
    const s = sliceSql(slice, 'dossier', 'd', params);
    const to = params.add(iso(window.to));
    const rows = await this.reads.query<{ key: string; count: number }[]>(
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
    const rows = await this.reads.query<(StaffingAt & { key: string })[]>(
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
