/** Small factories for ingest events in integration tests: times are local (+07:00). */
let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;
/** A local wall-clock time (`2026-11-20T09:00:00`) as an instant with Vietnam's offset. */
export const local = (time: string) => `${time}+07:00`;

/** A procedure of the test field, due `processingDays` working days after receipt. */
export function testProcedure(
  code: string,
  processingDays: number,
  extra?: { feeVnd?: number; onlineLevel?: 'full' | 'partial' | 'none' },
) {
  return {
    code,
    name: `Thủ tục kiểm thử ${processingDays} ngày`,
    field: 'Kiểm thử',
    processingDays,
    onlineLevel: 'full',
    feeVnd: 0,
    ...extra,
  };
}

/** The codes of a dossier received at a commune's people's committee (UBND xã/phường). */
export function atCommune(unitCode: string, procedureCode: string) {
  return { unitCode, agencyCode: `UBND-${unitCode}`, procedureCode };
}

export function received(
  dossierId: string,
  at: string,
  fields: {
    procedureCode: string;
    agencyCode: string;
    unitCode: string;
    channel: 'online' | 'direct' | 'postal';
    feeVnd?: number;
    componentsTotal?: number;
    componentsDigitized?: number;
    dueAt?: string;
  },
) {
  return {
    eventId: nextId('rcv'),
    type: 'dossier.received',
    occurredAt: local(at),
    dossierId,
    ...fields,
  };
}

export function resolved(dossierId: string, at: string, extra: { resultDigitized?: boolean } = {}) {
  return {
    eventId: nextId('res'),
    type: 'dossier.resolved',
    occurredAt: local(at),
    dossierId,
    outcome: 'approved',
    ...extra,
  };
}

export function paused(dossierId: string, at: string) {
  return { eventId: nextId('pau'), type: 'dossier.paused', occurredAt: local(at), dossierId };
}

export function resumed(dossierId: string, at: string) {
  return { eventId: nextId('rsm'), type: 'dossier.resumed', occurredAt: local(at), dossierId };
}

export function withdrawn(dossierId: string, at: string) {
  return { eventId: nextId('wdr'), type: 'dossier.withdrawn', occurredAt: local(at), dossierId };
}

export function apologized(dossierId: string, at: string, newDueAt: string) {
  return {
    eventId: nextId('apo'),
    type: 'dossier.apologized',
    occurredAt: local(at),
    dossierId,
    newDueAt: local(newDueAt),
  };
}

export function payment(
  dossierId: string,
  at: string,
  paymentId: string,
  amountVnd: number,
  status: 'succeeded' | 'failed',
) {
  return {
    eventId: nextId('pay'),
    type: 'payment.completed',
    occurredAt: local(at),
    dossierId,
    paymentId,
    amountVnd,
    status,
  };
}

export function rating(dossierId: string, at: string, score: number) {
  return {
    eventId: nextId('rat'),
    type: 'rating.submitted',
    occurredAt: local(at),
    dossierId,
    score,
  };
}

export function staffing(
  agencyCode: string,
  at: string,
  quota: number,
  headcount: number,
  onDuty: number,
) {
  return {
    eventId: nextId('stf'),
    type: 'staffing.reported',
    occurredAt: local(at),
    agencyCode,
    quota,
    headcount,
    onDuty,
  };
}
