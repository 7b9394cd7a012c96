import { z } from 'zod';

/** Most events a single ingest request may carry. */
export const MAX_EVENTS_PER_REQUEST = 5000;

const id = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(64, `${what} must be at most 64 characters`);

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 date-time with a time zone offset, e.g. 2026-11-21T08:30:00+07:00',
});

const count = z.number().int('must be a whole number').nonnegative('must not be negative');
const vnd = z.number().int('must be a whole number of đồng').nonnegative('must not be negative');

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
  method: z.string().max(64).optional(),
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

export type EventValidation = { ok: true; event: IngestEvent } | { ok: false; errors: string[] };

/** Validates one event on its own, with reasons a source system's developer can act on. */
export function validateEvent(raw: unknown): EventValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ['event must be a JSON object'] };
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(schemasByType, type)) {
    return { ok: false, errors: [`type: must be one of ${EVENT_TYPES.join(', ')}`] };
  }
  const result = schemasByType[type as EventType].safeParse(raw);
  if (result.success) return { ok: true, event: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  };
}

export function isDossierEvent(event: IngestEvent): event is DossierEvent {
  return event.type !== 'staffing.reported';
}
