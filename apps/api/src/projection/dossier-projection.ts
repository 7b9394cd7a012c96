import {
  COUNTERS,
  DossierEvent,
  DossierState,
  deriveDossierState,
  firstDueSoonDay,
  WorkingCalendar,
} from '@ioc/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { DirectoryService } from '../directory/directory.service';
import { multirangeLiteral, rangeLiteral } from './pg-ranges';

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

// One writer at a time re-derives dossiers, across every API instance: a dossier's state is
// read, derived and written back whole, and two writers must not interleave on it.
const PROJECTION_LOCK = 7_340_001;

const REPLACE_OPEN = `
  INSERT INTO open_dossier (dossier_id, unit_code, agency_code, paused_since, due_soon_from, due_at)
  SELECT dossier_id, unit_code, agency_code, paused_since, due_soon_from, due_at
    FROM jsonb_to_recordset($1::jsonb) AS r(dossier_id text, unit_code text, agency_code text,
      paused_since timestamptz, due_soon_from timestamptz, due_at timestamptz)`;

const isoOrNull = (instant: number | null) =>
  instant === null ? null : new Date(instant).toISOString();

/**
 * Keeps the derived tables current: re-derives whole dossiers from all their events (so the order
 * events arrive in never matters) and moves their facts in the day rollups by the difference.
 */
@Injectable()
export class DossierProjection {
  constructor(
    private readonly calendar: CalendarService,
    private readonly directory: DirectoryService,
  ) {}

  /** Takes the projection lock until the end of the caller's transaction. */
  async lock(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [PROJECTION_LOCK]);
  }

  /** Must run in a transaction holding the projection lock. */
  async project(tx: EntityManager, dossierIds: readonly string[]): Promise<DossierState[]> {
    if (dossierIds.length === 0) return [];
    const rows = await tx.query<{ dossier_id: string; payload: DossierEvent }[]>(
      `SELECT dossier_id, payload FROM event WHERE dossier_id = ANY($1::text[])`,
      [dossierIds],
    );
    const latestEvent = rows.reduce(
      (latest, row) => Math.max(latest, Date.parse(row.payload.occurredAt)),
      0,
    );
    const eventsByDossier = new Map<string, DossierEvent[]>();
    for (const row of rows) {
      const events = eventsByDossier.get(row.dossier_id) ?? [];
      events.push(row.payload);
      eventsByDossier.set(row.dossier_id, events);
    }
    const context = {
      calendar: this.calendar.current,
      processingDays: (code: string) => this.directory.current.procedures.get(code)?.processingDays,
    };
    const states = [...eventsByDossier].map(([id, events]) =>
      deriveDossierState(id, events, context),
    );
    const counted = states.filter((state) => state.received && state.open);

    if (counted.length) await tx.query(UPSERT_DOSSIERS, [JSON.stringify(counted.map(dossierRow))]);
    await tx.query(REMOVE_FACTS, [dossierIds, -1]);
    const facts = counted.flatMap((state) => this.factRows(state));
    if (facts.length) await tx.query(ADD_FACTS, [JSON.stringify(facts), 1]);

    await tx.query(`DELETE FROM open_dossier WHERE dossier_id = ANY($1::text[])`, [dossierIds]);
    const open = counted.filter((state) => state.open!.upper === null);
    const calendar = this.calendar.current;
    if (open.length)
      await tx.query(REPLACE_OPEN, [JSON.stringify(open.map((state) => openRow(state, calendar)))]);
    if (latestEvent) {
      await tx.query(`UPDATE projection_state SET watermark = greatest(watermark, $1)`, [
        new Date(latestEvent).toISOString(),
      ]);
    }
    return states;
  }

  private factRows(state: DossierState) {
    const received = state.received!;
    const clock = this.calendar.current.clock;
    return state.facts.map((fact, seq) => ({
      dossier_id: state.dossierId,
      seq,
      at: new Date(fact.at).toISOString(),
      day: clock.dateOf(fact.at),
      agency_code: received.agencyCode,
      unit_code: received.unitCode,
      ...fact.counters,
    }));
  }
}

function dossierRow(state: DossierState) {
  const received = state.received!;
  return {
    dossier_id: state.dossierId,
    procedure_code: received.procedureCode,
    agency_code: received.agencyCode,
    unit_code: received.unitCode,
    channel: received.channel,
    received_at: isoOrNull(received.at),
    due_at: isoOrNull(state.dueAt),
    // Only dossiers whose due date moved need the history of due dates.
    due_steps: state.dueSteps.length > 1 ? state.dueSteps : null,
    resolved_at: isoOrNull(state.resolvedAt),
    withdrawn_at: isoOrNull(state.withdrawnAt),
    fee_vnd: received.feeVnd,
    first_paid_at: isoOrNull(state.firstPaidAt),
    open_range: rangeLiteral(state.open!),
    paused: multirangeLiteral(state.paused),
    overdue: multirangeLiteral(state.overdue),
    due_soon: multirangeLiteral(state.dueSoon),
  };
}

/** A dossier still open after all its events: what "in progress now" needs, and no more. */
function openRow(state: DossierState, calendar: WorkingCalendar) {
  const received = state.received!;
  const lastPause = state.paused.at(-1);
  const { clock } = calendar;
  return {
    dossier_id: state.dossierId,
    unit_code: received.unitCode,
    agency_code: received.agencyCode,
    paused_since: lastPause && lastPause.upper === null ? isoOrNull(lastPause.lower) : null,
    due_soon_from: isoOrNull(
      clock.startOfDay(firstDueSoonDay(clock.dateOf(state.dueAt!), calendar)),
    ),
    due_at: isoOrNull(state.dueAt),
  };
}
