import type { DossierRow } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dueAtSql } from '../metrics/metrics.repository';
import { Slice, SqlParams, sliceSql } from '../metrics/slice';

export type DossierFilter = 'overdue' | 'dueSoon' | 'inProgress';

@Injectable()
export class DossiersRepository {
  constructor(private readonly db: DataSource) {}

  /** Dossiers in progress at an instant, most urgent first (earliest due date). */
  async page(
    slice: Slice,
    filter: DossierFilter,
    instant: number,
    zone: string,
    page: number,
    pageSize: number,
  ): Promise<{ total: number; rows: DossierRow[] }> {
    const params = new SqlParams();
    const s = sliceSql(slice, 'dossier', 'd', params);
    const at = `${params.add(new Date(instant).toISOString())}::timestamptz`;
    const tz = params.add(zone);
    const condition = filterSql(filter, at);
    const rows = await this.db.query<(DossierRow & { total: number })[]>(
      `SELECT dossier_id AS "dossierId", procedure_code AS "procedureCode", agency_code AS "agencyCode",
              unit_code AS "unitCode", channel, received_at AS "receivedAt", due AS "dueAt", status,
              CASE WHEN status = 'overdue' THEN ((${at} AT TIME ZONE ${tz})::date - (due AT TIME ZONE ${tz})::date)
                   ELSE 0 END::int AS "overdueDays",
              count(*) OVER ()::int AS total
         FROM (
           SELECT d.*, ${dueAtSql('d', at)} AS due,
                  CASE WHEN d.paused @> ${at} THEN 'paused' WHEN d.overdue @> ${at} THEN 'overdue'
                       WHEN d.due_soon @> ${at} THEN 'dueSoon' ELSE 'inProgress' END AS status
             FROM ${s.from}
            WHERE d.open_range @> ${at} AND ${condition} AND ${s.where}) AS open_dossiers
        ORDER BY due, dossier_id
        LIMIT ${params.add(pageSize)} OFFSET ${params.add((page - 1) * pageSize)}`,
      params.values,
    );
    const total = rows[0]?.total ?? (page > 1 ? await this.count(slice, filter, instant) : 0);
    return {
      total,
      rows: rows.map(({ total: _total, ...row }) => ({
        ...row,
        receivedAt: new Date(row.receivedAt).toISOString(),
        dueAt: new Date(row.dueAt).toISOString(),
      })),
    };
  }

  /** The total when the page asked for lies past the end. */
  private async count(slice: Slice, filter: DossierFilter, instant: number): Promise<number> {
    const params = new SqlParams();
    const at = `${params.add(new Date(instant).toISOString())}::timestamptz`;
    const s = sliceSql(slice, 'dossier', 'd', params);
    const rows = await this.db.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM ${s.from}
        WHERE d.open_range @> ${at} AND ${filterSql(filter, at)} AND ${s.where}`,
      params.values,
    );
    return rows[0].total;
  }
}

function filterSql(filter: DossierFilter, at: string): string {
  return { overdue: `d.overdue @> ${at}`, dueSoon: `d.due_soon @> ${at}`, inProgress: 'true' }[
    filter
  ];
}
