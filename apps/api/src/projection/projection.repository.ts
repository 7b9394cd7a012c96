import { COUNTERS, DossierEvent } from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import {
  MOVE_REPLACED_CHANGES,
  REMOVE_CHANGES,
  SUM_IN_PROGRESS_CHANGES,
} from './in-progress-changes';

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

const DOSSIER_COLUMN_NAMES = [
  'dossier_id',
  'procedure_code',
  'agency_code',
  'unit_code',
  'channel',
  'received_at',
  'due_at',
  'due_steps',
  'resolved_at',
  'withdrawn_at',
  'fee_vnd',
  'first_paid_at',
  'open_range',
  'paused',
  'overdue',
  'due_soon',
  'apologized_at',
];
const DOSSIER_COLUMNS = DOSSIER_COLUMN_NAMES.join(', ');
/**
 * Writes the new rows of dossiers (`$3`, JSON) over their stored ones, and moves the in-progress
 * day changes by the difference between the two (`$1` every replaced dossier's id, `$2` the zone):
 * one statement, so the stored rows are read once.
 */
const REPLACE_DOSSIERS = `
  WITH new_dossier AS MATERIALIZED (
    SELECT ${DOSSIER_COLUMNS} FROM jsonb_to_recordset($3::jsonb) AS r(
      dossier_id text, procedure_code text, agency_code text, unit_code text, channel text,
      received_at timestamptz, due_at timestamptz, due_steps jsonb, resolved_at timestamptz,
      withdrawn_at timestamptz, fee_vnd bigint, first_paid_at timestamptz, open_range tstzrange,
      paused tstzmultirange, overdue tstzmultirange, due_soon tstzmultirange, apologized_at timestamptz)),
  upserted AS (
    INSERT INTO dossier (${DOSSIER_COLUMNS}) SELECT ${DOSSIER_COLUMNS} FROM new_dossier
    ON CONFLICT (dossier_id) DO UPDATE SET ${DOSSIER_COLUMN_NAMES.slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')})
  ${MOVE_REPLACED_CHANGES}`;

const INSERT_OPEN = `
  INSERT INTO open_dossier (dossier_id, unit_code, agency_code, paused_since, due_soon_from, due_at)
  SELECT dossier_id, unit_code, agency_code, paused_since, due_soon_from, due_at
    FROM jsonb_to_recordset($1::jsonb) AS r(dossier_id text, unit_code text, agency_code text,
      paused_since timestamptz, due_soon_from timestamptz, due_at timestamptz)`;

const FACT_COLUMNS = ['dossier_id', 'seq', 'at', 'day', 'agency_code', 'unit_code', ...COUNTERS];
const OPEN_COLUMNS = [
  'dossier_id',
  'unit_code',
  'agency_code',
  'paused_since',
  'due_soon_from',
  'due_at',
];
// A fact carries only the counters it moves; the others are 0.
const FACT_DEFAULTS: Record<string, unknown> = Object.fromEntries(COUNTERS.map((c) => [c, 0]));
const NO_DEFAULTS: Record<string, unknown> = {};

/** Events read from the log at a time; a dossier cut by the end of a fetch waits for the next. */
const LOG_FETCH_ROWS = 10_000;

const COPY_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

const SEPARATORS = /[\\\t\n\r]/;

/** A value in COPY's text format: \N for null, JSON for objects, separators escaped. */
function copyField(value: unknown): string {
  // Numbers need no escape; most fields are counters.
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return SEPARATORS.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : text;
}

/** Rows as COPY text, one line each, fields in the order of `columns`. */
function copyText(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  defaults: Record<string, unknown>,
): Buffer {
  const missing = columns.map((column) => copyField(defaults[column]));
  const lines = new Array<string>(rows.length + 1);
  const fields = new Array<string>(columns.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < columns.length; c++) {
      const value = row[columns[c]];
      fields[c] = value === undefined ? missing[c] : copyField(value);
    }
    lines[r] = fields.join('\t');
  }
  lines[rows.length] = '';
  return Buffer.from(lines.join('\n'));
}

/** The pg client under a TypeORM transaction, for what TypeORM does not speak (COPY). */
async function clientOf(tx: EntityManager): Promise<PoolClient> {
  if (!tx.queryRunner) throw new Error('COPY needs the entity manager of a transaction');
  return (await tx.queryRunner.connect()) as PoolClient;
}

/** A string as an SQL literal, for the statements that take no parameters. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** COPY of rows into a table; sent whole once the server is ready, so it needs no further turn. */
async function copyInto(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  defaults = NO_DEFAULTS,
): Promise<void> {
  if (rows.length === 0) return;
  const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  copy.end(copyText(rows, columns, defaults));
  await finished(copy);
}

// On the database's clock, so the app's clock may differ from it; null for an empty queue.
const OLDEST_QUEUED_AGE_MS = `(extract(epoch FROM now() - min(queued_at)) * 1000)::float8`;
const ageMs = (measured: number | null) => Math.max(0, measured ?? 0);

// One writer at a time re-derives dossiers, across every API instance: a dossier's state is
// read, derived and written back whole, and two writers must not interleave on it.
export const PROJECTION_LOCK = 7_340_001;

/**
 * The projection's storage: the queue of dossiers to derive, the derived tables (dossier state,
 * facts, day rollups, in-progress day changes, open dossiers), the watermark, and the dossiers
 * set aside.
 */
@Injectable()
export class ProjectionRepository {
  constructor(
    private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

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

  /**
   * Reclaims the rows passes deleted from the queue. Left to autovacuum (which may be off, or a
   * minute away, and then lets them pile up), they slow down every later pass that takes from the
   * queue and every read of its age. Outside any transaction; skipped if another is at it. The
   * queue keeps its empty pages (migration QueueWithoutTruncation): giving them back would wait
   * for the writers.
   */
  async vacuumQueue(): Promise<void> {
    await this.db.query(`VACUUM (SKIP_LOCKED) pending_dossier`);
  }

  /** How long the oldest queued dossier has waited, in milliseconds; 0 when none waits. */
  async oldestQueuedAgeMs(): Promise<number> {
    const [row] = await this.db.query<{ age_ms: number | null }[]>(
      `SELECT ${OLDEST_QUEUED_AGE_MS} AS age_ms FROM pending_dossier`,
    );
    return ageMs(row.age_ms);
  }

  async queueStatus(): Promise<QueueStatus> {
    const [row] = await this.db.query<{ length: number; age_ms: number | null }[]>(
      `SELECT count(*)::int AS length, ${OLDEST_QUEUED_AGE_MS} AS age_ms FROM pending_dossier`,
    );
    return { length: row.length, oldestAgeMs: ageMs(row.age_ms) };
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

  /**
   * Replaces what the derived tables hold of these dossiers with their new rows, and moves the
   * day rollups and in-progress day changes by the difference (a late event changes the past's
   * counts too). A dossier given no rows is taken out of the figures.
   */
  async replaceDerived(tx: EntityManager, derived: readonly DerivedRows[]): Promise<void> {
    if (derived.length === 0) return;
    const ids = derived.map((rows) => rows.dossierId);
    const dossiers = derived.flatMap((rows) => (rows.dossier ? [rows.dossier] : []));
    const facts = derived.flatMap((rows) => rows.facts);
    const open = derived.flatMap((rows) => (rows.open ? [rows.open] : []));
    const uncounted = derived.flatMap((rows) => (rows.dossier ? [] : [rows.dossierId]));
    await tx.query(REPLACE_DOSSIERS, [ids, this.config.zone, JSON.stringify(dossiers)]);
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
    await tx.query(REMOVE_CHANGES, [dossierIds, this.config.zone]);
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

  /**
   * Every dossier event of the log, each dossier's events together, in batches of whole
   * dossiers: read through a cursor in dossier order, on a connection of its own that sees the
   * log as `tx` sees it now (call it after emptying the derived tables, so that any event it
   * does not see waits for `tx` to queue its dossier). The next fetch runs while a batch is used.
   */
  async *dossierLog(tx: EntityManager): AsyncGenerator<Map<string, DossierEvent[]>> {
    const [{ snapshot }] = await tx.query<{ snapshot: string }[]>(
      `SELECT pg_export_snapshot() AS snapshot`,
    );
    const reader = this.db.createQueryRunner();
    const client = (await reader.connect()) as PoolClient;
    const fetch = () => {
      const rows = client
        .query<[string, DossierEvent]>({
          text: `FETCH FORWARD ${LOG_FETCH_ROWS} FROM dossier_log`,
          rowMode: 'array',
        })
        .then((result) => result.rows);
      rows.catch(() => undefined); // awaited in its turn; not an unhandled rejection meanwhile
      return rows;
    };
    let next: Promise<[string, DossierEvent][]> | undefined;
    try {
      await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
      await client.query(`SET TRANSACTION SNAPSHOT ${literal(snapshot)}`);
      await client.query(
        `DECLARE dossier_log NO SCROLL CURSOR FOR
           SELECT dossier_id, payload FROM event WHERE dossier_id IS NOT NULL ORDER BY dossier_id`,
      );
      next = fetch();
      let batch = new Map<string, DossierEvent[]>();
      for (;;) {
        const rows = await next;
        if (rows.length === 0) break;
        next = fetch();
        for (const [dossierId, payload] of rows) {
          const events = batch.get(dossierId);
          if (events) events.push(payload);
          else batch.set(dossierId, [payload]);
        }
        // The last dossier may go on in the next fetch: it starts the next batch.
        const [last] = rows[rows.length - 1];
        const rest = batch.get(last)!;
        batch.delete(last);
        if (batch.size) yield batch;
        batch = new Map([[last, rest]]);
      }
      if (batch.size) yield batch;
    } finally {
      await next?.catch(() => undefined);
      await client.query(`ROLLBACK`).catch(() => undefined);
      await reader.release();
    }
  }

  /**
   * Appends derived rows to the tables a rebuild emptied, with COPY: dossiers, facts and open
   * dossiers, not the rollups (see {@link sumRollups}). Throws what the database refuses.
   */
  async appendDerived(tx: EntityManager, derived: readonly DerivedRows[]): Promise<void> {
    const client = await clientOf(tx);
    const dossiers: Record<string, unknown>[] = [];
    const facts: Record<string, unknown>[] = [];
    const open: Record<string, unknown>[] = [];
    for (const rows of derived) {
      if (rows.dossier) dossiers.push(rows.dossier);
      for (const fact of rows.facts) facts.push(fact);
      if (rows.open) open.push(rows.open);
    }
    await copyInto(client, 'dossier', DOSSIER_COLUMN_NAMES, dossiers);
    await copyInto(client, 'dossier_fact', FACT_COLUMNS, facts, FACT_DEFAULTS);
    await copyInto(client, 'open_dossier', OPEN_COLUMNS, open);
  }

  /**
   * Both day rollups summed from every fact at once, and the in-progress day changes from every
   * dossier, into the tables a rebuild emptied.
   */
  async sumRollups(tx: EntityManager): Promise<void> {
    // Enough to group a year of days by unit or agency in memory (4 MB spills to disk).
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    for (const [table, key] of [
      ['unit_day_rollup', 'unit_code'],
      ['agency_day_rollup', 'agency_code'],
    ]) {
      await tx.query(
        `INSERT INTO ${table} (day, ${key}, ${COUNTER_LIST})
         SELECT day, ${key}, ${summed} FROM dossier_fact GROUP BY day, ${key}`,
      );
    }
    await tx.query(SUM_IN_PROGRESS_CHANGES('$1'), [this.config.zone]);
  }

  /**
   * Statistics of the tables a rebuild filled. Without them the planner guesses, and the
   * projector's removal of a pass's facts by dossier scans the whole fact table until
   * autovacuum comes by (docs/benchmarks.md).
   */
  async analyzeDerived(tx: EntityManager): Promise<void> {
    await tx.query(
      `ANALYZE dossier, dossier_fact, open_dossier, unit_day_rollup, agency_day_rollup,
               in_progress_change, staffing_report`,
    );
  }

  /** Empties every derived table, to derive them all again from the log. */
  async truncateDerived(tx: EntityManager): Promise<void> {
    await tx.query(
      `TRUNCATE dossier, dossier_fact, unit_day_rollup, agency_day_rollup, in_progress_change,
                staffing_report, pending_dossier, open_dossier, set_aside_dossier`,
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
