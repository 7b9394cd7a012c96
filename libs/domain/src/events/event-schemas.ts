import { z } from 'zod';

/** Most events a single ingest request may carry. */
export const MAX_EVENTS_PER_REQUEST = 5000;

/** The span every instant of an event must lie in (SPEC §3): outside it, a source's clock is wrong. */
export const EARLIEST_INSTANT = '2000-01-01T00:00:00Z';
export const LATEST_INSTANT = '2100-01-01T00:00:00Z';
/** Largest amount in VND and largest count an event may carry (SPEC §3). */
export const MAX_AMOUNT_VND = 1e15;
export const MAX_COUNT = 1e6;

// C0 and C1 control characters (NUL included): no source has a reason to send them, and
// PostgreSQL refuses NUL in text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const noControlCharacters = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .refine(
      (value) => !CONTROL_CHARACTERS.test(value),
      `${what} must not contain control characters`,
    );

const id = (what: string) =>
  noControlCharacters(what)
    .trim()
    .min(1, `${what} must not be empty`)
    .max(64, `${what} must be at most 64 characters`);

// Real zone offsets run from −12:00 to +14:00.
const OFFSET = /(Z|[+-](\d{2}):(\d{2}))$/;
const validOffset = (value: string) => {
  const [, zulu, hours, minutes] = OFFSET.exec(value) ?? [];
  if (zulu === 'Z') return true;
  const total = Number(hours) * 60 + Number(minutes);
  return Number(minutes) < 60 && (value.at(-6) === '+' ? total <= 14 * 60 : total <= 12 * 60);
};
const instant = z.iso
  .datetime({
    offset: true,
    // The checks below read the value as a date-time: they run only on one.
    abort: true,
    error: 'must be an ISO-8601 date-time with a time zone offset, e.g. 2026-11-21T08:30:00+07:00',
  })
  .refine(validOffset, {
    error: 'the time zone offset must lie between -12:00 and +14:00',
    abort: true,
  })
  .refine((value) => {
    const time = Date.parse(value);
    return time >= Date.parse(EARLIEST_INSTANT) && time < Date.parse(LATEST_INSTANT);
  }, 'must lie between 2000-01-01 and 2100-01-01');

const count = z
  .number()
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(MAX_COUNT, `must not exceed ${MAX_COUNT.toLocaleString('en')}`);
const vnd = z
  .number()
  .int('must be a whole number of đồng')
  .nonnegative('must not be negative')
  .max(MAX_AMOUNT_VND, 'must not exceed 10^15 VND');

const common = {
  eventId: id('eventId'),
  occurredAt: instant,
};

const dossierEvent = { ...common, dossierId: id('dossierId') };

export const dossierReceivedSchema = z
  .object({
    ...dossierEvent,
    type: z.literal('dossier.received'),
    procedureCode: id('procedureCode'),
    agencyCode: id('agencyCode'),
    unitCode: id('unitCode'),
    channel: z.enum(['online', 'direct', 'postal']),
    dueAt: instant.optional(),
    componentsTotal: count.optional(),
    componentsDigitized: count.optional(),
    feeVnd: vnd.optional(),
  })
  .refine((e) => e.componentsDigitized === undefined || e.componentsTotal !== undefined, {
    message: 'componentsDigitized needs componentsTotal',
    path: ['componentsDigitized'],
  })
  .refine(
    (e) => e.componentsDigitized === undefined || e.componentsDigitized <= (e.componentsTotal ?? 0),
    {
      message: 'componentsDigitized must not exceed componentsTotal',
      path: ['componentsDigitized'],
    },
  )
  .refine((e) => e.dueAt === undefined || Date.parse(e.dueAt) >= Date.parse(e.occurredAt), {
    message: 'dueAt must not be before occurredAt',
    path: ['dueAt'],
  });

export const dossierPausedSchema = z.object({ ...dossierEvent, type: z.literal('dossier.paused') });
export const dossierResumedSchema = z.object({
  ...dossierEvent,
  type: z.literal('dossier.resumed'),
});
export const dossierResolvedSchema = z.object({
  ...dossierEvent,
  type: z.literal('dossier.resolved'),
  outcome: z.enum(['approved', 'rejected']),
  resultDigitized: z.boolean().optional(),
});
export const dossierWithdrawnSchema = z.object({
  ...dossierEvent,
  type: z.literal('dossier.withdrawn'),
});
export const dossierApologizedSchema = z.object({
  ...dossierEvent,
  type: z.literal('dossier.apologized'),
  newDueAt: instant,
});
export const paymentCompletedSchema = z.object({
  ...dossierEvent,
  type: z.literal('payment.completed'),
  paymentId: id('paymentId'),
  amountVnd: vnd,
  status: z.enum(['succeeded', 'failed']),
  method: noControlCharacters('method').max(64, 'method must be at most 64 characters').optional(),
});
export const ratingSubmittedSchema = z.object({
  ...dossierEvent,
  type: z.literal('rating.submitted'),
  score: z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
});
export const staffingReportedSchema = z
  .object({
    ...common,
    type: z.literal('staffing.reported'),
    agencyCode: id('agencyCode'),
    quota: count,
    headcount: count,
    onDuty: count,
    streamlined: count.optional(),
    recruited: count.optional(),
  })
  .refine((e) => e.onDuty <= e.headcount, {
    message: 'onDuty must not exceed headcount',
    path: ['onDuty'],
  });

const schemasByType = {
  'dossier.received': dossierReceivedSchema,
  'dossier.paused': dossierPausedSchema,
  'dossier.resumed': dossierResumedSchema,
  'dossier.resolved': dossierResolvedSchema,
  'dossier.withdrawn': dossierWithdrawnSchema,
  'dossier.apologized': dossierApologizedSchema,
  'payment.completed': paymentCompletedSchema,
  'rating.submitted': ratingSubmittedSchema,
  'staffing.reported': staffingReportedSchema,
} as const;

export type EventType = keyof typeof schemasByType;
export const EVENT_TYPES = Object.keys(schemasByType) as EventType[];

export type DossierReceived = z.infer<typeof dossierReceivedSchema>;
export type DossierResolved = z.infer<typeof dossierResolvedSchema>;
export type DossierApologized = z.infer<typeof dossierApologizedSchema>;
export type PaymentCompleted = z.infer<typeof paymentCompletedSchema>;
export type RatingSubmitted = z.infer<typeof ratingSubmittedSchema>;
export type StaffingReported = z.infer<typeof staffingReportedSchema>;
export type IngestEvent = {
  [T in EventType]: z.infer<(typeof schemasByType)[T]>;
}[EventType];
export type DossierEvent = Exclude<IngestEvent, StaffingReported>;

/**
 * Why an event was rejected, in a few words an operator can count by (the errors say the rest):
 * not a JSON object, no known `type`, fields that break its schema, or codes the directory does
 * not know (checked by the API against its directory).
 */
export const REJECTION_REASONS = [
  'not_an_object',
  'unknown_type',
  'invalid_fields',
  'unknown_code',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type EventValidation =
  { ok: true; event: IngestEvent } | { ok: false; reason: RejectionReason; errors: string[] };

/** Validates one event on its own, with reasons a source system's developer can act on. */
export function validateEvent(raw: unknown): EventValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not_an_object', errors: ['event must be a JSON object'] };
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(schemasByType, type)) {
    return {
      ok: false,
      reason: 'unknown_type',
      errors: [`type: must be one of ${EVENT_TYPES.join(', ')}`],
    };
  }
  const result = schemasByType[type as EventType].safeParse(raw);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    reason: 'invalid_fields',
    errors: result.error.issues.map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  };
}

export function isDossierEvent(event: IngestEvent): event is DossierEvent {
  return event.type !== 'staffing.reported';
}
