import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DossierProjection } from './dossier-projection';

const CHUNK = 2_000;

/**
 * Rebuilds every derived table from the event log, so a corrected definition or a new holiday
 * applies to the past too (`npm run rebuild`). Ingest waits on the projection lock meanwhile.
 */
@Injectable()
export class RebuildService {
  private readonly logger = new Logger(RebuildService.name);

  constructor(
    private readonly db: DataSource,
    private readonly projection: DossierProjection,
  ) {}

  async rebuild(): Promise<{ dossiers: number }> {
    const started = Date.now();
    const ids: string[] = (
      await this.db.query<{ dossier_id: string }[]>(
        `SELECT DISTINCT dossier_id FROM event WHERE dossier_id IS NOT NULL ORDER BY dossier_id`,
      )
    ).map((row) => row.dossier_id);
    await this.db.transaction(async (tx) => {
      await this.projection.lock(tx);
      await tx.query(
        `TRUNCATE dossier, dossier_fact, unit_day_rollup, agency_day_rollup, staffing_report, pending_dossier, open_dossier`,
      );
      await tx.query(
        `INSERT INTO staffing_report (event_id, agency_code, reported_at, quota, headcount, on_duty, streamlined, recruited)
         SELECT event_id, payload->>'agencyCode', occurred_at, (payload->>'quota')::int, (payload->>'headcount')::int,
                (payload->>'onDuty')::int, (payload->>'streamlined')::int, (payload->>'recruited')::int
           FROM event WHERE type = 'staffing.reported'`,
      );
      for (let start = 0; start < ids.length; start += CHUNK) {
        await this.projection.project(tx, ids.slice(start, start + CHUNK));
        const done = Math.min(start + CHUNK, ids.length);
        if (done % (CHUNK * 25) === 0 || done === ids.length) {
          this.logger.log(
            `Rebuilt ${done.toLocaleString('en')} / ${ids.length.toLocaleString('en')} dossiers`,
          );
        }
      }
    });
    this.logger.log(`Rebuild finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { dossiers: ids.length };
  }
}
