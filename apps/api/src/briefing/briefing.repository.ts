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
      `INSERT INTO briefing_snapshot (week, scope, ${COLUMNS}, events_counted_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
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
      `INSERT INTO briefing_snapshot (week, scope, ${COLUMNS}, events_counted_until, regenerated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)
       ON CONFLICT (week, scope) DO UPDATE SET
         figures = excluded.figures, checksum = excluded.checksum,
         definitions_version = excluded.definitions_version, frozen_at = excluded.frozen_at,
         events_before = excluded.events_before, events_counted_until = excluded.events_before,
         events_counted = 0, regenerated_by = excluded.regenerated_by
       RETURNING ${COLUMNS}`,
      [...this.values(week, scope, snapshot), regeneratedBy],
    );
    return snapshotOf(row);
  }

  /**
   * Events stored after the briefing was frozen whose instant lies before `before` (the week's
   * end): each would change what it says now. Within `units` (their dossiers', and their
   * agencies' staffing reports), or everywhere. The count of events stored more than a minute
   * ago (their transactions long committed) is kept with the briefing and moved on at each
   * request, so a request reads only the events stored since the one before, whatever the age
   * of the week.
   */
  async eventsSinceFrozen(
    week: string,
    scope: string,
    before: number,
    units: readonly string[] | undefined,
  ): Promise<number> {
    const [kept] = await this.db.query<{ since: Date; counted: number; settled: Date }[]>(
      `SELECT events_counted_until AS since, events_counted AS counted,
              now() - interval '1 minute' AS settled
         FROM briefing_snapshot WHERE week = $1 AND scope = $2`,
      [week, scope],
    );
    if (!kept) return 0;
    let { counted, since } = kept;
    if (kept.settled > since) {
      counted += await this.countEvents(since, kept.settled, before, units);
      await this.db.query(
        `UPDATE briefing_snapshot SET events_counted = $3, events_counted_until = $4
          WHERE week = $1 AND scope = $2 AND events_counted_until = $5`,
        [week, scope, counted, kept.settled, since],
      );
      since = kept.settled;
    }
    return counted + (await this.countEvents(since, null, before, units));
  }

  /** Events stored in `[from, until)` (or since `from`) whose instant lies before `before`. */
  private async countEvents(
    from: Date,
    until: Date | null,
    before: number,
    units: readonly string[] | undefined,
  ): Promise<number> {
    const params: unknown[] = [from, until, new Date(before).toISOString()];
    const inScope = units
      ? `AND coalesce(
           (SELECT d.unit_code FROM dossier d WHERE d.dossier_id = e.dossier_id),
           (SELECT a.unit_code FROM agency a WHERE a.code = e.payload->>'agencyCode')
         ) = ANY($4::text[])`
      : '';
    if (units) params.push(units);
    const [row] = await this.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM event e
        WHERE e.ingested_at >= $1 AND ($2::timestamptz IS NULL OR e.ingested_at < $2)
          AND e.occurred_at < $3::timestamptz ${inScope}`,
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
