import { WorkingCalendar } from '../calendar/working-calendar';
import type { DossierEvent, DossierReceived, IngestEvent } from '../events/event-schemas';
import { Counters, SATISFIED_MIN_SCORE } from '../metrics/counters';
import type { LocalDate } from '../time/local-date';
import { afterUntil, isEmptyRange, TimeRange } from './time-range';

export type Channel = DossierReceived['channel'];

export interface PaymentState {
  paymentId: string;
  status: 'succeeded' | 'failed';
  amountVnd: number;
  at: number;
}

/** One dossier's metric contributions at one instant. */
export interface DossierFact {
  at: number;
  counters: Partial<Counters>;
}

export interface DossierState {
  dossierId: string;
  /** Null until the `dossier.received` event is known: the dossier is not counted before. */
  received: {
    at: number;
    procedureCode: string;
    agencyCode: string;
    unitCode: string;
    channel: Channel;
    componentsTotal: number | null;
    componentsDigitized: number | null;
    feeVnd: number;
  } | null;
  /** The due date before any pause: the source's `dueAt`, else from the working-day calendar. */
  baseDueAt: number | null;
  /** Where `baseDueAt` came from. */
  baseDueFrom: 'source' | 'calendar' | null;
  /** Each pause of the clock, and the working days it moved the due date on (0 while open). */
  pauses: { from: number; to: number | null; workingDays: number }[];
  /** The due date after every pause so far. */
  dueAt: number | null;
  /** Each due date and the instant it took effect (receipt, then each pause's end). */
  dueSteps: { from: number; dueAt: number }[];
  resolvedAt: number | null;
  outcome: 'approved' | 'rejected' | null;
  resultDigitized: boolean;
  withdrawnAt: number | null;
  apologized: boolean;
  /** When the first letter of apology was sent: a list at an earlier instant shows none. */
  apologizedAt: number | null;
  /** The latest apology's new appointment date. */
  apologyNewDueAt: number | null;
  onTime: boolean | null;
  early: boolean | null;
  payments: PaymentState[];
  /** First succeeded payment, for "paid by `to`". */
  firstPaidAt: number | null;
  ratings: { at: number; score: number }[];
  /** When the dossier is in progress: `(received, resolved or withdrawn]`. */
  open: TimeRange | null;
  paused: TimeRange[];
  overdue: TimeRange[];
  dueSoon: TimeRange[];
  facts: DossierFact[];
}

export interface DerivationContext {
  calendar: WorkingCalendar;
  /** Processing days (working days) of a procedure; undefined for an unknown code. */
  processingDays: (procedureCode: string) => number | undefined;
}

// Equal instants are applied in the natural order of a dossier's life.
const EVENT_ORDER: Record<DossierEvent['type'], number> = {
  'dossier.received': 0,
  'dossier.paused': 1,
  'dossier.resumed': 2,
  'dossier.apologized': 3,
  'payment.completed': 4,
  'rating.submitted': 5,
  'dossier.resolved': 6,
  'dossier.withdrawn': 7,
};

const at = (event: IngestEvent) => Date.parse(event.occurredAt);

/** A dossier's events in the order its state applies them: `occurredAt`, then life order. */
export function eventsInOrder<Event extends DossierEvent>(events: readonly Event[]): Event[] {
  return [...events].sort(
    (a, b) =>
      at(a) - at(b) ||
      EVENT_ORDER[a.type] - EVENT_ORDER[b.type] ||
      a.eventId.localeCompare(b.eventId),
  );
}

/**
 * A dossier's state is a function of the set of its events ordered by `occurredAt`, whatever order
 * they arrived in. Rules beyond SPEC §3, written down in docs/architecture.md:
 * - the earliest `received` wins; the first `resolved` or `withdrawn` after it ends the dossier;
 * - lifecycle events dated before the receipt or at/after the end change nothing;
 * - a payment is one `paymentId`; a succeeded event wins over failed ones (a retry that worked);
 * - each rating counts.
 */
export function deriveDossierState(
  dossierId: string,
  events: readonly DossierEvent[],
  context: DerivationContext,
): DossierState {
  // The same eventId again is a duplicate and changes nothing (SPEC §3): the first copy stands.
  const unique = new Map<string, DossierEvent>();
  for (const event of events) if (!unique.has(event.eventId)) unique.set(event.eventId, event);
  const sorted = eventsInOrder([...unique.values()]);
  const state: DossierState = {
    dossierId,
    received: null,
    baseDueAt: null,
    baseDueFrom: null,
    pauses: [],
    dueAt: null,
    dueSteps: [],
    resolvedAt: null,
    outcome: null,
    resultDigitized: false,
    withdrawnAt: null,
    apologized: false,
    apologizedAt: null,
    apologyNewDueAt: null,
    onTime: null,
    early: null,
    payments: [],
    firstPaidAt: null,
    ratings: [],
    open: null,
    paused: [],
    overdue: [],
    dueSoon: [],
    facts: [],
  };

  const payments = new Map<string, PaymentState>();
  const pauses: { start: number; end: number | null }[] = [];
  let end: number | null = null;

  for (const event of sorted) {
    const time = at(event);
    switch (event.type) {
      case 'payment.completed': {
        const known = payments.get(event.paymentId);
        if (!known || known.status !== 'succeeded') {
          payments.set(event.paymentId, {
            paymentId: event.paymentId,
            status: event.status,
            amountVnd: event.amountVnd,
            at: time,
          });
        }
        continue;
      }
      case 'rating.submitted':
        state.ratings.push({ at: time, score: event.score });
        continue;
      case 'dossier.apologized':
        state.apologized = true;
        state.apologizedAt ??= time;
        state.apologyNewDueAt = Date.parse(event.newDueAt);
        continue;
      case 'dossier.received':
        if (!state.received) state.received = receivedOf(event, time);
        continue;
    }
    if (!state.received || time < state.received.at || (end !== null && time >= end)) continue;
    const openPause = pauses.at(-1)?.end === null ? pauses.at(-1) : undefined;
    switch (event.type) {
      case 'dossier.paused':
        if (!openPause) pauses.push({ start: time, end: null });
        break;
      case 'dossier.resumed':
        if (openPause) openPause.end = time;
        break;
      case 'dossier.resolved':
        end = time;
        state.resolvedAt = time;
        state.outcome = event.outcome;
        state.resultDigitized = event.resultDigitized === true;
        break;
      case 'dossier.withdrawn':
        end = time;
        state.withdrawnAt = time;
        break;
    }
  }
  // A pause dated at the very instant the dossier ends is at the end, so it changes nothing.
  while (end !== null && pauses.length && pauses[pauses.length - 1].start >= end) pauses.pop();
  // A dossier that ends while paused is paused until its end.
  const lastPause = pauses.at(-1);
  if (lastPause && lastPause.end === null && end !== null) lastPause.end = end;

  state.payments = [...payments.values()];
  const succeeded = state.payments.filter((p) => p.status === 'succeeded').map((p) => p.at);
  state.firstPaidAt = succeeded.length ? Math.min(...succeeded) : null;

  if (state.received) {
    const base = baseDueAt(firstReceived(sorted), state.received, context);
    if (base !== null) {
      state.baseDueFrom = firstReceived(sorted).dueAt ? 'source' : 'calendar';
      buildTimeline(state, base, pauses, end, context.calendar);
    }
  }
  state.facts = factsOf(state);
  return state;
}

function firstReceived(sorted: readonly DossierEvent[]): DossierReceived {
  return sorted.find((e) => e.type === 'dossier.received') as DossierReceived;
}

function receivedOf(event: DossierReceived, time: number): NonNullable<DossierState['received']> {
  return {
    at: time,
    procedureCode: event.procedureCode,
    agencyCode: event.agencyCode,
    unitCode: event.unitCode,
    channel: event.channel,
    componentsTotal: event.componentsTotal ?? null,
    componentsDigitized: event.componentsDigitized ?? null,
    feeVnd: event.feeVnd ?? 0,
  };
}

/** The source's `dueAt` wins; else the end of the n-th working day after the day of receipt. */
function baseDueAt(
  received: DossierReceived,
  state: NonNullable<DossierState['received']>,
  { calendar, processingDays }: DerivationContext,
): number | null {
  if (received.dueAt) return Date.parse(received.dueAt);
  const days = processingDays(state.procedureCode);
  if (days === undefined) return null;
  const receivedOn = calendar.clock.dateOf(state.at);
  return calendar.clock.endOfDay(calendar.addWorkingDays(receivedOn, days));
}

/** Moves a due instant on by n working days, keeping its time of day. */
export function shiftDue(due: number, workingDays: number, calendar: WorkingCalendar): number {
  if (workingDays === 0) return due;
  const { clock } = calendar;
  const day = calendar.addWorkingDays(clock.dateOf(due), workingDays);
  return clock.startOfDay(day) + clock.timeOfDay(due);
}

/** The first local day on which a dossier due on `dueDay` counts as "due soon". */
export function firstDueSoonDay(dueDay: LocalDate, calendar: WorkingCalendar): LocalDate {
  // Due today, or due on the next working day: from the working day before (and the days off
  // between) when the due day is a working day.
  return calendar.isWorkingDay(dueDay) ? calendar.previousWorkingDay(dueDay) : dueDay;
}

function buildTimeline(
  state: DossierState,
  baseDue: number,
  pauses: readonly { start: number; end: number | null }[],
  end: number | null,
  calendar: WorkingCalendar,
): void {
  const receivedAt = state.received!.at;
  state.baseDueAt = baseDue;
  state.open = afterUntil(receivedAt, end);

  let due = baseDue;
  let cursor = receivedAt;
  state.dueSteps.push({ from: receivedAt, dueAt: due });
  const active = (upper: number | null) => {
    if (upper !== null && upper <= cursor) return;
    addActiveSegment(state, cursor, upper, due, calendar);
  };
  for (const pause of pauses) {
    active(pause.start);
    state.paused.push(afterUntil(pause.start, pause.end));
    if (pause.end === null) {
      state.pauses.push({ from: pause.start, to: null, workingDays: 0 });
      state.dueAt = due;
      return;
    }
    const { clock } = calendar;
    const touched = calendar.workingDaysTouched(clock.dateOf(pause.start), clock.dateOf(pause.end));
    state.pauses.push({ from: pause.start, to: pause.end, workingDays: touched });
    due = shiftDue(due, touched, calendar);
    cursor = pause.end;
    state.dueSteps.push({ from: cursor, dueAt: due });
  }
  active(end);
  state.dueAt = due;

  if (state.resolvedAt !== null) {
    state.onTime = state.resolvedAt <= due;
    state.early =
      state.onTime && calendar.clock.dateOf(state.resolvedAt) < calendar.clock.dateOf(due);
  }
}

/** Overdue and due-soon spans of an active (not paused) stretch `(from, to]` with one due date. */
function addActiveSegment(
  state: DossierState,
  from: number,
  to: number | null,
  due: number,
  calendar: WorkingCalendar,
): void {
  if (to === null || to > due) state.overdue.push(afterUntil(Math.max(from, due), to));

  const { clock } = calendar;
  const dueSoonStart = clock.startOfDay(firstDueSoonDay(clock.dateOf(due), calendar));
  const dueSoon: TimeRange = {
    lower: Math.max(from, dueSoonStart),
    lowerInclusive: dueSoonStart > from,
    upper: to === null ? due : Math.min(due, to),
    upperInclusive: true,
  };
  if (!isEmptyRange(dueSoon)) state.dueSoon.push(dueSoon);
}

function factsOf(state: DossierState): DossierFact[] {
  const received = state.received;
  if (!received) return [];
  const facts: DossierFact[] = [];
  const digitizable = (received.componentsTotal ?? 0) > 0;
  facts.push({
    at: received.at,
    counters: {
      received: 1,
      [`received_${received.channel}`]: 1,
      digitization_base: digitizable ? 1 : 0,
      digitization_full:
        digitizable && (received.componentsDigitized ?? 0) >= (received.componentsTotal ?? 0)
          ? 1
          : 0,
      fee_dossiers: received.feeVnd > 0 ? 1 : 0,
      fee_dossiers_paid: received.feeVnd > 0 && state.firstPaidAt !== null ? 1 : 0,
    },
  });
  if (state.resolvedAt !== null && state.onTime !== null) {
    const late = !state.onTime;
    facts.push({
      at: state.resolvedAt,
      counters: {
        resolved: 1,
        resolved_on_time: state.onTime ? 1 : 0,
        resolved_early: state.early ? 1 : 0,
        resolved_late: late ? 1 : 0,
        resolved_result_digitized: state.resultDigitized ? 1 : 0,
        resolved_late_apologized: late && state.apologized ? 1 : 0,
      },
    });
  }
  for (const payment of state.payments) {
    const succeeded = payment.status === 'succeeded';
    facts.push({
      at: payment.at,
      counters: succeeded
        ? { payments_succeeded: 1, payments_amount_vnd: payment.amountVnd }
        : { payments_failed: 1 },
    });
  }
  for (const rating of state.ratings) {
    facts.push({
      at: rating.at,
      counters: { ratings: 1, ratings_satisfied: rating.score >= SATISFIED_MIN_SCORE ? 1 : 0 },
    });
  }
  return facts;
}
