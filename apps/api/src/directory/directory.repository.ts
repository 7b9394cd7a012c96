import type { Agency, Directory, Procedure, Unit } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Directory entries may carry `demo: true` when their name was generated for the demo. */
type Demo = { demo?: boolean };

@Injectable()
export class DirectoryRepository {
  constructor(private readonly db: DataSource) {}

  async load(): Promise<Directory> {
    const [units, agencies, procedures] = await Promise.all([
      this.db.query<Unit[]>(
        `SELECT code, name, level, parent_code AS "parentCode" FROM unit ORDER BY code`,
      ),
      this.db.query<Agency[]>(
        `SELECT code, name, kind, unit_code AS "unitCode" FROM agency ORDER BY code`,
      ),
      this.db.query<Procedure[]>(
        `SELECT code, name, field, processing_days AS "processingDays", online_level AS "onlineLevel",
                fee_vnd::float8 AS "feeVnd", agency_kind AS "agencyKind", agency_code AS "agencyCode"
           FROM procedure ORDER BY code`,
      ),
    ]);
    return {
      units,
      agencies,
      procedures: procedures.map((p) => ({
        ...p,
        agencyKind: p.agencyKind ?? undefined,
        agencyCode: p.agencyCode ?? undefined,
      })),
    };
  }

  async isEmpty(): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM unit LIMIT 1`);
    return rows.length === 0;
  }

  /** Inserts or updates every entry, in one transaction. */
  async upsert(directory: Directory): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.upsertRows(
        tx,
        'unit',
        ['code', 'name', 'level', 'parent_code', 'demo'],
        directory.units,
        (u: Unit & Demo) => [u.code, u.name, u.level, u.parentCode, u.demo ?? false],
      );
      await this.upsertRows(
        tx,
        'agency',
        ['code', 'name', 'kind', 'unit_code', 'demo'],
        directory.agencies,
        (a: Agency & Demo) => [a.code, a.name, a.kind, a.unitCode, a.demo ?? false],
      );
      await this.upsertRows(
        tx,
        'procedure',
        [
          'code',
          'name',
          'field',
          'processing_days',
          'online_level',
          'fee_vnd',
          'agency_kind',
          'agency_code',
          'demo',
        ],
        directory.procedures,
        (p: Procedure & Demo) => [
          p.code,
          p.name,
          p.field,
          p.processingDays,
          p.onlineLevel,
          p.feeVnd,
          p.agencyKind ?? null,
          p.agencyCode ?? null,
          p.demo ?? false,
        ],
      );
    });
  }

  private async upsertRows<T>(
    tx: EntityManager,
    table: string,
    columns: string[],
    rows: readonly T[],
    values: (row: T) => unknown[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const updates = columns
      .slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    // jsonb_to_recordset keeps one parameter whatever the number of rows.
    const records = rows.map((row) =>
      Object.fromEntries(columns.map((c, i) => [c, values(row)[i]])),
    );
    const types = columns.map((c) => `${c} ${columnType(c)}`).join(', ');
    await tx.query(
      `INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${types})
       ON CONFLICT (code) DO UPDATE SET ${updates}`,
      [JSON.stringify(records)],
    );
  }
}

function columnType(column: string): string {
  if (column === 'demo') return 'boolean';
  if (column === 'processing_days') return 'integer';
  if (column === 'fee_vnd') return 'bigint';
  return 'text';
}
