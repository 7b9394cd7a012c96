import type { DayOff, DossierDetail, DossierDetailStatus, DueReasoning } from '../contracts/api';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { DossierEvent } from '../events/event-schemas';
import { addDays } from '../time/local-date';
import { DerivationContext, DossierState, eventsInOrder } from './dossier-state';
import { dossierStatusAt } from './dossier-status';

const iso = (instant: number) => new Date(instant).toISOString();
const isoOrNull = (instant: number | null) => (instant === null ? null : iso(instant));

/** Days off listed between receipt and the base due day: a year is plenty for any procedure. */
const MAX_DAYS_LISTED = 400;

/**
 * How a dossier's due date was reached, from its derived state (SPEC §3): the base (the source's
 * `dueAt`, or n working days after the day of receipt, skipping the days off listed), each pause
 * and the working days it added, and the apology's new appointment, which moves nothing. Null
 * while the dossier has no due date (no receipt known).
 */
export function dueReasoningOf(
  state: DossierState,
  context: DerivationContext,
): DueReasoning | null {
  if (!state.received || state.baseDueAt === null || state.dueAt === null) return null;
  const { clock } = context.calendar;
  const receivedOn = clock.dateOf(state.received.at);
  const baseDueOn = clock.dateOf(state.baseDueAt);
  // Each pause moved the due date on; the step after pause i is dueSteps[i + 1].
  const pauses = state.pauses.map((pause, index) => ({
    from: iso(pause.from),
    to: isoOrNull(pause.to),
    workingDays: pause.workingDays,
    dueAt: iso(state.dueSteps[index + 1]?.dueAt ?? state.dueAt!),
  }));
  return {
    base: iso(state.baseDueAt),
    baseFrom: state.baseDueFrom ?? 'calendar',
    processingDays:
      state.baseDueFrom === 'calendar'
        ? (context.processingDays(state.received.procedureCode) ?? null)
        : null,
    receivedOn,
    baseDueOn,
    daysSkipped: daysOffBetween(receivedOn, baseDueOn, context.calendar),
    pauses,
    dueAt: iso(state.dueAt),
    apologyNewDueAt: isoOrNull(state.apologyNewDueAt),
  };
}

/** The days off after `from` up to and including `to` (the days a working-day count skipped). */
export function daysOffBetween(from: string, to: string, calendar: WorkingCalendar): DayOff[] {
  const days: DayOff[] = [];
  const last = to < addDays(from, MAX_DAYS_LISTED) ? to : addDays(from, MAX_DAYS_LISTED);
  for (let day = addDays(from, 1); day <= last; day = addDays(day, 1)) {
    const { working, reason } = calendar.describe(day);
    if (!working) days.push({ date: day, reason });
  }
  return days;
}

/**
 * `GET /dossiers/:dossierId` (SPEC §5): the dossier's fields, its status and days overdue at
 * `now`, how its due date was reached and every accepted event in order. Null when the dossier
 * has no receipt (nothing to show: the API answers 404).
 */
export function dossierDetailOf(
  state: DossierState,
  events: readonly DossierEvent[],
  now: number,
  context: DerivationContext,
): DossierDetail | null {
  const received = state.received;
  const due = dueReasoningOf(state, context);
  if (!received || !due) return null;
  const at = dossierStatusAt(state, now, context.calendar.clock);
  const status: DossierDetailStatus =
    at?.status ??
    (state.resolvedAt !== null && state.resolvedAt < now
      ? 'resolved'
      : state.withdrawnAt !== null && state.withdrawnAt < now
        ? 'withdrawn'
        : 'inProgress');
  return {
    dossierId: state.dossierId,
    procedureCode: received.procedureCode,
    agencyCode: received.agencyCode,
    unitCode: received.unitCode,
    channel: received.channel,
    receivedAt: iso(received.at),
    dueAt: iso(at?.dueAt ?? state.dueAt!),
    status,
    overdueDays: at?.overdueDays ?? 0,
    resolvedAt: isoOrNull(state.resolvedAt),
    withdrawnAt: isoOrNull(state.withdrawnAt),
    outcome: state.outcome,
    onTime: state.onTime,
    apologized: state.apologized,
    due,
    events: eventsInOrder(events),
  };
}
