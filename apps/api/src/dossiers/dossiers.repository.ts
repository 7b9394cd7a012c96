import type { DossierEvent, ProcedureLoadRow, TimeWindow } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DossierListCriteria, listSql } from '../metrics/dossier-status.repository';
import { Slice, sliceSql } from '../metrics/slice';

type ProcedureLoadSql = Omit<ProcedureLoadRow, 'onTimeRate'>;

/** One dossier's accepted events, from the log (the source of truth), and loads by procedure. */
@Injectable()
export class DossiersRepository {
  constructor(private readonly db: DataSource) {}

  async eventsOf(dossierId: string): Promise<DossierEvent[]> {
    const rows = await this.db.query<{ payload: DossierEvent }[]>(
      `SELECT payload FROM event WHERE dossier_id = $1`,
      [dossierId],
    );
    return rows.map((row) => row.payload);
  }

  /**
   * The dossiers of a slice by procedure, counted in SQL: those in progress at the window's end,
   * by status as the dossier list derives it (the one mirror of `dossierStatusAt`), and those
   * resolved in the window, from their resolution facts (on time as the projection decided).
   * The most overdue first, then the most in progress, then by code.
   */
  async procedureLoads(
    slice: Slice,
    inProgress: DossierListCriteria,
    window: TimeWindow,
  ): Promise<ProcedureLoadSql[]> {
    const list = listSql(slice, inProgress);
    const { params } = list;
    const facts = sliceSql(slice, 'dossier_fact', 'f', params);
    const from = `${params.add(new Date(window.from).toISOString())}::timestamptz`;
    const to = `${params.add(new Date(window.to).toISOString())}::timestamptz`;
    return this.db.query<ProcedureLoadSql[]>(
      `WITH open AS (
         SELECT "procedureCode" AS code, count(*)::int AS open,
                count(*) FILTER (WHERE status = 'overdue')::int AS overdue,
                count(*) FILTER (WHERE status = 'dueSoon')::int AS due_soon,
                count(*) FILTER (WHERE status = 'paused')::int AS paused,
                max("overdueDays")::int AS oldest
           FROM (${list.sql}) AS listed GROUP BY 1),
       done AS (
         SELECT x.procedure_code AS code, sum(f.resolved)::int AS resolved,
                sum(f.resolved_on_time)::int AS on_time
           FROM ${facts.from} JOIN dossier x ON x.dossier_id = f.dossier_id
          WHERE f.at >= ${from} AND f.at < ${to} AND f.resolved > 0 AND ${facts.where}
          GROUP BY 1)
       SELECT code AS "procedureCode", coalesce(p.name, code) AS "procedureName",
              coalesce(open.open, 0) AS "inProgress", coalesce(open.overdue, 0) AS overdue,
              coalesce(open.due_soon, 0) AS "dueSoon", coalesce(open.paused, 0) AS paused,
              coalesce(open.oldest, 0) AS "oldestOverdueDays",
              coalesce(done.resolved, 0) AS resolved, coalesce(done.on_time, 0) AS "resolvedOnTime"
         FROM open FULL JOIN done USING (code) LEFT JOIN procedure p USING (code)
        ORDER BY overdue DESC, "inProgress" DESC, code`,
      params.values,
    );
  }
}
