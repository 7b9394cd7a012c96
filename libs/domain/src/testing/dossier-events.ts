/**
 * Small factories for hand-built dossier event histories in unit specs. Every factory takes the
 * instant as `at` (ISO-8601 with offset) and fills the rest with plain defaults; each call gets a
 * fresh `eventId` unless one is given, so "the same event twice" is the same object repeated.
 */
import { WorkingCalendar } from '../calendar/working-calendar';
import type { CalendarOverride } from '../calendar/working-calendar';
import type { DossierEvent, DossierReceived } from '../events/event-schemas';
import { deriveDossierState } from '../dossiers/dossier-state';
import type { DerivationContext, DossierState } from '../dossiers/dossier-state';
import { LocalClock } from '../time/local-date';

type EventOf<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;
type Fields<T extends DossierEvent['type']> = Omit<
  EventOf<T>,
  'type' | 'occurredAt' | 'eventId' | 'dossierId'
>;
type Options<T extends DossierEvent['type'], Required extends keyof Fields<T> = never> = {
  at: string;
  eventId?: string;
  dossierId?: string;
} & Partial<Fields<T>> &
  Pick<Fields<T>, Required>;

export const DOSSIER_ID = 'HS-2021-000001';

let sequence = 0;

function event<T extends DossierEvent['type']>(
  type: T,
  { at, eventId, dossierId, ...fields }: { at: string; eventId?: string; dossierId?: string },
): EventOf<T> {
  return {
    eventId: eventId ?? `${type}#${++sequence}`,
    type,
    occurredAt: at,
    dossierId: dossierId ?? DOSSIER_ID,
    ...fields,
  } as EventOf<T>;
}

export function received(options: Options<'dossier.received'>): DossierReceived {
  return event('dossier.received', {
    procedureCode: 'TTHC-3D',
    agencyCode: 'SO-TP',
    unitCode: 'HT',
    channel: 'online',
    ...options,
  });
}

export const paused = (options: Options<'dossier.paused'>) => event('dossier.paused', options);
export const resumed = (options: Options<'dossier.resumed'>) => event('dossier.resumed', options);
export const withdrawn = (options: Options<'dossier.withdrawn'>) =>
  event('dossier.withdrawn', options);

export const resolved = (options: Options<'dossier.resolved'>) =>
  event('dossier.resolved', { outcome: 'approved', ...options });

export const apologized = (options: Options<'dossier.apologized', 'newDueAt'>) =>
  event('dossier.apologized', options);

export const paid = (options: Options<'payment.completed', 'paymentId' | 'status'>) =>
  event('payment.completed', { amountVnd: 50_000, ...options });

export const rated = (options: Options<'rating.submitted', 'score'>) =>
  event('rating.submitted', options);

/** Processing days (working days) of the procedures the specs use. */
export const PROCESSING_DAYS: Record<string, number> = {
  'TTHC-0D': 0,
  'TTHC-1D': 1,
  'TTHC-2D': 2,
  'TTHC-3D': 3,
  'TTHC-5D': 5,
  'TTHC-10D': 10,
};

export function derivationContext(overrides: readonly CalendarOverride[] = []): DerivationContext {
  return {
    calendar: new WorkingCalendar(new LocalClock(), overrides),
    processingDays: (code) => PROCESSING_DAYS[code],
  };
}

const shippedCalendarContext = derivationContext();

/** The state of `DOSSIER_ID` from its events, with the procedures above and the shipped calendar. */
export function deriveDossier(...events: DossierEvent[]): DossierState {
  return deriveDossierState(DOSSIER_ID, events, shippedCalendarContext);
}

/** Epoch milliseconds of an ISO instant, so expectations read as dates. */
export const ms = (iso: string): number => {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`Not an instant: ${iso}`);
  return value;
};
