import { COUNTERS, DossierEvent } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The rows that stand for one derived dossier in the derived tables. */
export interface DerivedRows {
  dossierId: string;
  /** Null for a dossier not counted (no receipt yet, or no due date can be had). */
  dossier: Record<string, unknown> | null;
  facts: Record<string, unknown>[];
  /** Null unless the dossier is still open after all its events. */
  open: Record<string, unknown> | null;
}

/** A dossier that could not be derived, kept aside with why and from which events. */
export interface SetAsideDossier {
  dossierId: string;
  reason: string;
  eventIds: string[];
}

export interface SetAsideRow extends SetAsideDossier {
  setAsideAt: string;
}

export interface QueueStatus {
  /** Dossiers whose events are stored and not derived yet. */
  length: number;
  /** How long the oldest of them has waited, in milliseconds (0 when the queue is empty). */
  oldestAgeMs: number;
}

const COUNTER_LIST = COUNTERS.join(', ');
const COUNTER_TYPES = COUNTERS.map(
  (c) => `${c} ${c === 'payments_amount_vnd' ? 'bigint' : 'integer'}`,
).join(', ');
const signed = COUNTERS.map((c) => `$2 * ${c} AS ${c}`).join(', ');
const summed = COUNTERS.map((c) => `sum(${c})`).join(', ');
const rollupUpdate = (table: string) =>
  COUNTERS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

/** Adds (sign 1) or takes away (sign -1) a set of facts from both day rollups. */
function rollupStatement(factsCte: string): string {
  return `
    WITH facts AS (${factsCte}),
    delta AS (SELECT day, agency_code, unit_code, ${signed} FROM facts),
    by_unit AS (
      INSERT INTO unit_day_rollup (day, unit_code, ${COUNTER_LIST})
      SELECT day, unit_code, ${summed} FROM delta GROUP BY day, unit_code
      ON CONFLICT (day, unit_code) DO UPDATE SET ${rollupUpdate('unit_day_rollup')}
    )
    INSERT INTO agency_day_rollup (day, agency_code, ${COUNTER_LIST})
    SELECT day, agency_code, ${summed} FROM delta GROUP BY day, agency_code
    ON CONFLICT (day, agency_code) DO UPDATE SET ${rollupUpdate('agency_day_rollup')}`;
}

const REMOVE_FACTS = rollupStatement(
  `DELETE FROM dossier_fact WHERE dossier_id = ANY($1::text[]) RETURNING *`,
);
const ADD_FACTS = rollupStatement(`
  INSERT INTO dossier_fact (dossier_id, seq, at, day, agency_code, unit_code, ${COUNTER_LIST})
  SELECT dossier_id, seq, at, day, agency_code, unit_code, ${COUNTERS.map((c) => `coalesce(${c}, 0)`).join(', ')}
    FROM jsonb_to_recordset($1::jsonb)
      AS r(dossier_id text, seq smallint, at timestamptz, day date, agency_code text, unit_code text, ${COUNTER_TYPES})
  RETURNING *`);

const DOSSIER_COLUMNS = `dossier_id, procedure_code, agency_code, unit_code, channel, received_at, due_at, due_steps,
  resolved_at, withdrawn_at, fee_vnd, first_paid_at, open_range, paused, overdue, due_soon`;
const UPSERT_DOSSIERS = `
  INSERT INTO dossier (${DOSSIER_COLUMNS})
  SELECT ${DOSSIER_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(
    dossier_id text, procedure_code text, agency_code text, unit_code text, channel text,
    received_at timestamptz, due_at timestamptz, due_steps jsonb, resolved_at timestamptz,
    withdrawn_at timestamptz, fee_vnd bigint, first_paid_at timestamptz, open_range tstzrange,
    paused tstzmultirange, overdue tstzmultirange, due_soon tstzmultirange)
  ON CONFLICT (dossier_id) DO UPDATE SET ${DOSSIER_COLUMNS.split(',')
    .slice(1)
    .map((c) => `${c.trim()} = excluded.${c.trim()}`)
    .join(', ')}`;

const INSERT_OPEN = `
  INSERT INTO open_dossier (dossier_id, unit_code, agency_code, paused_since, due_soon_from, due_at)
  SELECT dossier_id, unit_code, agency_code, paused_since, due_soon_from, due_at
    FROM jsonb_to_recordset($1::jsonb) AS r(dossier_id text, unit_code text, agency_code text,
      paused_since timestamptz, due_soon_from timestamptz, due_at timestamptz)`;

// One writer at a time re-derives dossiers, across every API instance: a dossier's state is
// read, derived and written back whole, and two writers must not interleave on it.
export const PROJECTION_LOCK = 7_340_001;

/**
 * The projection's storage: the queue of dossiers to derive, the derived tables (dossier state,
 * facts, day rollups, open dossiers), the watermark, and the dossiers set aside.
 */
@Injectable()
export class ProjectionRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Takes the projection lock until the end of the caller's transaction. */
  async lock(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [PROJECTION_LOCK]);
  }

  /**
   * Runs `work` so that, if it fails, only what it wrote is undone and the transaction goes on.
   */
  async isolated<T>(tx: EntityManager, work: () => Promise<T>): Promise<T> {
    await tx.query(`SAVEPOINT isolated`);
    try {
      const result = await work();
      await tx.query(`RELEASE SAVEPOINT isolated`);
      return result;
    } catch (error) {
      await tx.query(`ROLLBACK TO SAVEPOINT isolated`);
      await tx.query(`RELEASE SAVEPOINT isolated`);
      throw error;
    }
  }

  /**
   * Queues dossiers for the projector, in the transaction that stores their events. An already
   * queued dossier keeps its place and the instant it was first queued (the figures are behind
   * since then), but its row is locked: a projector pass cannot take it before these events are
   * committed (the pass skips locked rows, or this waits and queues anew).
   */
  async queue(tx: EntityManager, dossierIds: readonly string[]): Promise<void> {
    if (dossierIds.length === 0) return;
    await tx.query(
      `INSERT INTO pending_dossier (dossier_id) SELECT unnest($1::text[])
       ON CONFLICT (dossier_id) DO UPDATE SET queued_at = pending_dossier.queued_at`,
      // The same order in every transaction: overlapping batches wait for each other, never deadlock.
      [[...dossierIds].sort()],
    );
  }

  /** Takes up to `limit` queued dossiers, oldest first, skipping those being queued right now. */
  async takeQueued(tx: EntityManager, limit: number): Promise<string[]> {
    // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count].
    const rows = await tx.query<{ dossier_id: string }[]>(
      `WITH taken AS (
         DELETE FROM pending_dossier WHERE dossier_id IN (
           SELECT dossier_id FROM pending_dossier ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING dossier_id)
       SELECT dossier_id FROM taken`,
      [limit],
    );
    return rows.map((row) => row.dossier_id);
  }

  /** How long the oldest queued dossier has waited, in milliseconds; 0 when none waits. */
  async oldestQueuedAgeMs(): Promise<number> {
    const [row] = await this.db.query<{ age_ms: number | null }[]>(
      `SELECT (extract(epoch FROM now() - min(queued_at)) * 1000)::float8 AS age_ms FROM pending_dossier`,
    );
    return Math.max(0, row.age_ms ?? 0);
  }

  async queueStatus(): Promise<QueueStatus> {
    const [row] = await this.db.query<{ length: number; oldest_age_ms: number | null }[]>(
      `SELECT count(*)::int AS length,
              (extract(epoch FROM now() - min(queued_at)) * 1000)::float8 AS oldest_age_ms
         FROM pending_dossier`,
    );
    return { length: row.length, oldestAgeMs: Math.max(0, row.oldest_age_ms ?? 0) };
  }

  /** Every event of these dossiers, by dossier. */
  async eventsOf(
    tx: EntityManager,
    dossierIds: readonly string[],
  ): Promise<Map<string, DossierEvent[]>> {
    const rows = await tx.query<{ dossier_id: string; payload: DossierEvent }[]>(
      `SELECT dossier_id, payload FROM event WHERE dossier_id = ANY($1::text[])`,
      [dossierIds],
    );
    const byDossier = new Map<string, DossierEvent[]>();
    for (const row of rows) {
      const events = byDossier.get(row.dossier_id) ?? [];
      events.push(row.payload);
      byDossier.set(row.dossier_id, events);
    }
    return byDossier;
  }

  /** Every dossier the log knows, in a stable order. */
  async allDossierIds(): Promise<string[]> {
    const rows = await this.db.query<{ dossier_id: string }[]>(
      `SELECT DISTINCT dossier_id FROM event WHERE dossier_id IS NOT NULL ORDER BY dossier_id`,
    );
    return rows.map((row) => row.dossier_id);
  }

  /**
   * Replaces what the derived tables hold of these dossiers with their new rows, and moves the
   * day rollups by the difference. A dossier given no rows is taken out of the figures.
   */
  async replaceDerived(tx: EntityManager, derived: readonly DerivedRows[]): Promise<void> {
    if (derived.length === 0) return;
    const ids = derived.map((rows) => rows.dossierId);
    const dossiers = derived.flatMap((rows) => (rows.dossier ? [rows.dossier] : []));
    const facts = derived.flatMap((rows) => rows.facts);
    const open = derived.flatMap((rows) => (rows.open ? [rows.open] : []));
    const uncounted = derived.flatMap((rows) => (rows.dossier ? [] : [rows.dossierId]));
    if (dossiers.length) await tx.query(UPSERT_DOSSIERS, [JSON.stringify(dossiers)]);
    if (uncounted.length)
      await tx.query(`DELETE FROM dossier WHERE dossier_id = ANY($1::text[])`, [uncounted]);
    await tx.query(REMOVE_FACTS, [ids, -1]);
    if (facts.length) await tx.query(ADD_FACTS, [JSON.stringify(facts), 1]);
    await tx.query(`DELETE FROM open_dossier WHERE dossier_id = ANY($1::text[])`, [ids]);
    if (open.length) await tx.query(INSERT_OPEN, [JSON.stringify(open)]);
  }

  /** Takes dossiers out of every derived table and the rollups. */
  async removeDerived(tx: EntityManager, dossierIds: readonly string[]): Promise<void> {
    if (dossierIds.length === 0) return;
    await tx.query(REMOVE_FACTS, [dossierIds, -1]);
    await tx.query(`DELETE FROM open_dossier WHERE dossier_id = ANY($1::text[])`, [dossierIds]);
    await tx.query(`DELETE FROM dossier WHERE dossier_id = ANY($1::text[])`, [dossierIds]);
  }

  /** The latest event instant derived only ever rises. */
  async raiseWatermark(tx: EntityManager, instant: number): Promise<void> {
    await tx.query(`UPDATE projection_state SET watermark = greatest(watermark, $1)`, [
      new Date(instant).toISOString(),
    ]);
  }

  /** Records dossiers set aside (again, with the latest reason) and forgets those derived now. */
  async recordSetAside(
    tx: EntityManager,
    setAside: readonly SetAsideDossier[],
    derivedIds: readonly string[],
  ): Promise<void> {
    if (derivedIds.length) {
      await tx.query(`DELETE FROM set_aside_dossier WHERE dossier_id = ANY($1::text[])`, [
        derivedIds,
      ]);
    }
    if (setAside.length === 0) return;
    await tx.query(
      `INSERT INTO set_aside_dossier (dossier_id, reason, event_ids)
       SELECT "dossierId", reason, ARRAY(SELECT jsonb_array_elements_text("eventIds"))
         FROM jsonb_to_recordset($1::jsonb) AS r("dossierId" text, reason text, "eventIds" jsonb)
       ON CONFLICT (dossier_id) DO UPDATE
         SET reason = excluded.reason, event_ids = excluded.event_ids, set_aside_at = now()`,
      [JSON.stringify(setAside)],
    );
  }

  async setAsideCount(): Promise<number> {
    const [row] = await this.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM set_aside_dossier`,
    );
    return row.count;
  }

  /** The dossiers set aside, latest first. */
  async listSetAside(limit: number, offset: number): Promise<SetAsideRow[]> {
    const rows = await this.db.query<
      { dossier_id: string; reason: string; event_ids: string[]; set_aside_at: Date }[]
    >(
      `SELECT dossier_id, reason, event_ids, set_aside_at FROM set_aside_dossier
        ORDER BY set_aside_at DESC, dossier_id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map((row) => ({
      dossierId: row.dossier_id,
      reason: row.reason,
      eventIds: row.event_ids,
      setAsideAt: row.set_aside_at.toISOString(),
    }));
  }

  /** Empties every derived table, to derive them all again from the log. */
  async truncateDerived(tx: EntityManager): Promise<void> {
    await tx.query(
      `TRUNCATE dossier, dossier_fact, unit_day_rollup, agency_day_rollup, staffing_report,
                pending_dossier, open_dossier, set_aside_dossier`,
    );
    // Staffing reports are derived too: one row per report event.
    await tx.query(
      `INSERT INTO staffing_report (event_id, agency_code, reported_at, quota, headcount, on_duty, streamlined, recruited)
       SELECT event_id, payload->>'agencyCode', occurred_at, (payload->>'quota')::int, (payload->>'headcount')::int,
              (payload->>'onDuty')::int, (payload->>'streamlined')::int, (payload->>'recruited')::int
         FROM event WHERE type = 'staffing.reported'`,
    );
  }
}
