import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAct, AuditActor, AuditEntry, AuditFilter } from './audit-entry';

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  async insert(actor: AuditActor, act: AuditAct): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor, action, target, details, client_address)
       VALUES ($1, $2, $3, $4, $5)`,
      [actor.name, act.action, act.target ?? null, act.details ?? {}, actor.address],
    );
  }

  /** The entries that match, latest first, and how many match in all. */
  async list(
    filter: AuditFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; rows: AuditEntry[] }> {
    const where = `WHERE ($1::text IS NULL OR action = $1)
        AND ($2::text IS NULL OR actor = $2)
        AND ($3::timestamptz IS NULL OR at >= $3)
        AND ($4::timestamptz IS NULL OR at < $4)`;
    const parameters = [
      filter.action ?? null,
      filter.actor ?? null,
      filter.from ?? null,
      filter.to ?? null,
    ];
    const [counted, rows] = await Promise.all([
      this.db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM audit_log ${where}`,
        parameters,
      ),
      this.db.query<AuditEntry[]>(
        `SELECT id::int AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, action, target, details,
                client_address AS "clientAddress"
           FROM audit_log ${where}
          ORDER BY at DESC, id DESC
          LIMIT $5 OFFSET $6`,
        [...parameters, limit, offset],
      ),
    ]);
    return { total: counted[0].total, rows };
  }
}
