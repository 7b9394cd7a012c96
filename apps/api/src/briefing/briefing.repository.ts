import type { BriefingFigures } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A briefing kept once its week was over. */
export interface BriefingSnapshot {
  figures: BriefingFigures;
  checksum: string;
  definitionsVersion: number;
  frozenAt: number;
  /** Every event stored before this (database) instant is in the figures. */
  eventsBefore: Date;
}

interface SnapshotRow {
  figures: BriefingFigures;
  checksum: string;
  definitions_version: number;
  frozen_at: Date;
  events_before: Date;
}

const snapshotOf = (row: SnapshotRow): BriefingSnapshot => ({
  figures: row.figures,
  checksum: row.checksum,
  definitionsVersion: row.definitions_version,
  frozenAt: row.frozen_at.getTime(),
  eventsBefore: row.events_before,
});

const COLUMNS = 'figures, checksum, definitions_version, frozen_at, events_before';

/** The frozen briefings, and the events stored after one was frozen. */
@Injectable()
export class BriefingRepository {
  constructor(private readonly db: DataSource) {}

  async find(week: string, scope: string): Promise<BriefingSnapshot | null> {
    const [row] = await this.db.query<SnapshotRow[]>(
      `SELECT ${COLUMNS} FROM briefing_snapshot WHERE week = $1 AND scope = $2`,
      [week, scope],
    );
    return row ? snapshotOf(row) : null;
  }

  /**
   * The database instant before which every stored event has been derived: the oldest still
   * queued for the projection, or now. Read before the figures, so they hold every event before it.
   */
  async derivedBefore(): Promise<Date> {
    const [row] = await this.db.query<{ before: Date }[]>(
      `SELECT coalesce((SELECT min(queued_at) FROM pending_dossier), now()) AS before`,
    );
    return row.before;
  }

  /**
   * Keeps the week's briefing unless one is kept already (another request or instance froze it
   * first), and answers the one kept: a week is frozen once.
   */
  async freeze(week: string, scope: string, snapshot: BriefingSnapshot): Promise<BriefingSnapshot> {
    const inserted = await this.db.query<SnapshotRow[]>(
      `INSERT INTO briefing_snapshot (week, scope, ${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (week, scope) DO NOTHING
       RETURNING ${COLUMNS}`,
      this.values(week, scope, snapshot),
    );
    if (inserted[0]) return snapshotOf(inserted[0]);
    const kept = await this.find(week, scope);
    if (!kept) throw new Error(`briefing ${week} ${scope} vanished while it was frozen`);
    return kept;
  }

  /** Replaces the kept briefing (an administrator's regeneration), saying who asked for it. */
  async replace(
    week: string,
    scope: string,
    snapshot: BriefingSnapshot,
    regeneratedBy: string,
  ): Promise<BriefingSnapshot> {
    const [row] = await this.db.query<SnapshotRow[]>(
      `INSERT INTO briefing_snapshot (week, scope, ${COLUMNS}, regenerated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (week, scope) DO UPDATE SET
         figures = excluded.figures, checksum = excluded.checksum,
         definitions_version = excluded.definitions_version, frozen_at = excluded.frozen_at,
         events_before = excluded.events_before, regenerated_by = excluded.regenerated_by
       RETURNING ${COLUMNS}`,
      [...this.values(week, scope, snapshot), regeneratedBy],
    );
    return snapshotOf(row);
  }

  /**
   * Events stored at or after `since` whose instant lies before `before` (the week's end): each
   * one would change a briefing frozen at `since`. Within `units` (their dossiers', and their
   * agencies' staffing reports), or everywhere.
   */
  async eventsStoredSince(
    since: Date,
    before: number,
    units: readonly string[] | undefined,
  ): Promise<number> {
    const params: unknown[] = [since, new Date(before).toISOString()];
    const inScope = units
      ? `AND coalesce(
           (SELECT d.unit_code FROM dossier d WHERE d.dossier_id = e.dossier_id),
           (SELECT a.unit_code FROM agency a WHERE a.code = e.payload->>'agencyCode')
         ) = ANY($3::text[])`
      : '';
    if (units) params.push(units);
    const [row] = await this.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM event e
        WHERE e.ingested_at >= $1 AND e.occurred_at < $2::timestamptz ${inScope}`,
      params,
    );
    return row.count;
  }

  private values(week: string, scope: string, snapshot: BriefingSnapshot): unknown[] {
    return [
      week,
      scope,
      JSON.stringify(snapshot.figures),
      snapshot.checksum,
      snapshot.definitionsVersion,
      new Date(snapshot.frozenAt).toISOString(),
      snapshot.eventsBefore,
    ];
  }
}
