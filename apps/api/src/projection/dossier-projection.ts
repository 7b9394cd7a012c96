import {
  DerivationContext,
  DossierEvent,
  DossierState,
  deriveDossierState,
  firstDueSoonDay,
  WorkingCalendar,
} from '@ioc/domain';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { DirectoryService } from '../directory/directory.service';
import { multirangeLiteral, rangeLiteral } from './pg-ranges';
import { DerivedRows, ProjectionRepository, SetAsideDossier } from './projection.repository';

export interface ProjectionOutcome {
  derived: number;
  setAside: SetAsideDossier[];
}

/** What deriving a set of dossiers gave: their rows, those set aside, and the latest event used. */
export interface DerivedBatch {
  derived: DerivedRows[];
  setAside: SetAsideDossier[];
  /** The latest `occurredAt` among the derived dossiers' events; -Infinity when none. */
  latestEvent: number;
}

/** Dossiers derived between two turns of the event loop. */
const YIELD_EVERY = 200;

/** Writes derived rows in the caller's transaction, or throws what the database refused. */
type RowsWriter = (rows: readonly DerivedRows[]) => Promise<void>;

const isoOrNull = (instant: number | null) =>
  instant === null ? null : new Date(instant).toISOString();

/**
 * PostgreSQL's classes of errors that a dossier's own data causes (data exceptions, integrity
 * violations, program limits): retrying cannot help, so the dossier is set aside. Any other
 * failure (a lost connection, say) fails the pass, which is retried whole.
 */
function isCausedByData(error: unknown): boolean {
  const state = (error as { code?: unknown }).code;
  return typeof state === 'string' && /^(22|23|54)/.test(state);
}

/**
 * Keeps the derived tables current: re-derives whole dossiers from all their events (so the order
 * events arrive in never matters) and moves their facts in the day rollups by the difference.
 * A dossier that cannot be derived or written is set aside, and never holds up the others.
 * A full rebuild takes the same steps over the whole log: {@link derive}, {@link appendIsolated}.
 */
@Injectable()
export class DossierProjection {
  private readonly logger = new Logger(DossierProjection.name);

  constructor(
    private readonly repository: ProjectionRepository,
    private readonly calendar: CalendarService,
    private readonly directory: DirectoryService,
  ) {}

  /** The calendar and procedures in force now; a rebuild keeps one for all its dossiers. */
  context(): DerivationContext {
    const procedures = this.directory.current.procedures;
    return {
      calendar: this.calendar.current,
      processingDays: (code: string) => procedures.get(code)?.processingDays,
    };
  }

  /** Must run in a transaction holding the projection lock. */
  async project(tx: EntityManager, dossierIds: readonly string[]): Promise<ProjectionOutcome> {
    if (dossierIds.length === 0) return { derived: 0, setAside: [] };
    const eventsByDossier = await this.repository.eventsOf(tx, dossierIds);
    const { derived, setAside, latestEvent } = await this.derive(
      eventsByDossier,
      this.context(),
      dossierIds,
    );
    await this.writeIsolated(tx, derived, eventsByDossier, setAside, (rows) =>
      this.repository.replaceDerived(tx, rows),
    );
    const setAsideIds = new Set(setAside.map((dossier) => dossier.dossierId));
    // A dossier set aside counts in no figure until it can be derived again.
    await this.repository.removeDerived(tx, [...setAsideIds]);
    await this.repository.recordSetAside(
      tx,
      setAside,
      dossierIds.filter((id) => !setAsideIds.has(id)),
    );
    if (Number.isFinite(latestEvent)) await this.repository.raiseWatermark(tx, latestEvent);
    if (setAside.length) {
      this.logger.warn(
        `Set aside ${setAside.length} dossier(s) that cannot be derived: ${setAside
          .slice(0, 5)
          .map((dossier) => `${dossier.dossierId} (${dossier.reason})`)
          .join('; ')}`,
      );
    }
    return { derived: dossierIds.length - setAside.length, setAside };
  }

  /**
   * Derives each dossier (by default every one of `eventsByDossier`, a dossier without events
   * included) into its rows; one whose derivation throws is set aside with the reason.
   */
  async derive(
    eventsByDossier: Map<string, DossierEvent[]>,
    context: DerivationContext,
    dossierIds: Iterable<string> = eventsByDossier.keys(),
  ): Promise<DerivedBatch> {
    await prepareCalendar(context.calendar, eventsByDossier);
    const batch: DerivedBatch = { derived: [], setAside: [], latestEvent: -Infinity };
    let sinceYield = 0;
    for (const dossierId of dossierIds) {
      // Lets the database's answers in meanwhile: a rebuild's writes go on while it derives.
      if (++sinceYield === YIELD_EVERY) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const events = eventsByDossier.get(dossierId) ?? [];
      try {
        batch.derived.push(
          rowsOf(deriveDossierState(dossierId, events, context), context.calendar),
        );
        for (const event of events)
          batch.latestEvent = Math.max(batch.latestEvent, Date.parse(event.occurredAt));
      } catch (error) {
        batch.setAside.push(
          setAsideOf(dossierId, events, `derivation failed: ${messageOf(error)}`),
        );
      }
    }
    return batch;
  }

  /**
   * Appends derived rows to the tables a rebuild emptied (no rollups: they are summed at its
   * end). Must run in the rebuild's transaction; what the database refuses is set aside.
   */
  appendIsolated(
    tx: EntityManager,
    derived: readonly DerivedRows[],
    eventsByDossier: Map<string, DossierEvent[]>,
    setAside: SetAsideDossier[],
  ): Promise<void> {
    return this.writeIsolated(tx, derived, eventsByDossier, setAside, (rows) =>
      this.repository.appendDerived(tx, rows),
    );
  }

  /**
   * Writes all the rows at once; when the data of some dossier makes the database refuse them,
   * halves the set until each refused dossier is alone, and sets those aside. Each try runs in
   * a savepoint of the caller's transaction, so a refusal undoes only that try.
   */
  private async writeIsolated(
    tx: EntityManager,
    derived: readonly DerivedRows[],
    eventsByDossier: Map<string, DossierEvent[]>,
    setAside: SetAsideDossier[],
    write: RowsWriter,
  ): Promise<void> {
    if (derived.length === 0) return;
    try {
      await this.repository.isolated(tx, () => write(derived));
    } catch (error) {
      if (!isCausedByData(error)) throw error;
      if (derived.length === 1) {
        const { dossierId } = derived[0];
        const events = eventsByDossier.get(dossierId) ?? [];
        setAside.push(setAsideOf(dossierId, events, `storage refused it: ${messageOf(error)}`));
        return;
      }
      const half = derived.length >> 1;
      await this.writeIsolated(tx, derived.slice(0, half), eventsByDossier, setAside, write);
      await this.writeIsolated(tx, derived.slice(half), eventsByDossier, setAside, write);
    }
  }
}

/**
 * Works out the holidays of every year these events span (and as many again after them, where
 * pauses move due dates) a year at a time, letting other work in between: a dossier paused for
 * decades then costs look-ups, not a pause of the whole process.
 */
async function prepareCalendar(
  calendar: WorkingCalendar,
  eventsByDossier: Map<string, DossierEvent[]>,
): Promise<void> {
  let first = Infinity;
  let last = -Infinity;
  for (const events of eventsByDossier.values()) {
    for (const event of events) {
      const year = new Date(event.occurredAt).getUTCFullYear();
      first = Math.min(first, year);
      last = Math.max(last, year);
    }
  }
  if (Number.isFinite(first)) await calendar.prepareYears(first - 1, last + (last - first) + 1);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function setAsideOf(dossierId: string, events: DossierEvent[], reason: string): SetAsideDossier {
  return { dossierId, reason, eventIds: events.map((event) => event.eventId).sort() };
}

/** A derived dossier as rows of the derived tables; throws on what no row can hold. */
function rowsOf(state: DossierState, calendar: WorkingCalendar): DerivedRows {
  const counted = state.received !== null && state.open !== null;
  return {
    dossierId: state.dossierId,
    dossier: counted ? dossierRow(state) : null,
    facts: counted ? factRows(state, calendar) : [],
    open: counted && state.open!.upper === null ? openRow(state, calendar) : null,
  };
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
    apologized_at: isoOrNull(state.apologizedAt),
  };
}

function factRows(state: DossierState, calendar: WorkingCalendar) {
  const received = state.received!;
  return state.facts.map((fact, seq) => ({
    dossier_id: state.dossierId,
    seq,
    at: new Date(fact.at).toISOString(),
    day: calendar.clock.dateOf(fact.at),
    agency_code: received.agencyCode,
    unit_code: received.unitCode,
    ...fact.counters,
  }));
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
