import {
  dossierApologizedSchema,
  dossierPausedSchema,
  dossierReceivedSchema,
  dossierResolvedSchema,
  dossierResumedSchema,
  dossierWithdrawnSchema,
  MAX_EVENTS_PER_REQUEST,
  paymentCompletedSchema,
  ratingSubmittedSchema,
  staffingReportedSchema,
} from '@ioc/domain';
import { getSchemaPath } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

// One schema per event type, straight from the zod schemas ingest validates with (SPEC §3).
export class DossierReceivedEvent extends createZodDto(dossierReceivedSchema) {}
export class DossierPausedEvent extends createZodDto(dossierPausedSchema) {}
export class DossierResumedEvent extends createZodDto(dossierResumedSchema) {}
export class DossierResolvedEvent extends createZodDto(dossierResolvedSchema) {}
export class DossierWithdrawnEvent extends createZodDto(dossierWithdrawnSchema) {}
export class DossierApologizedEvent extends createZodDto(dossierApologizedSchema) {}
export class PaymentCompletedEvent extends createZodDto(paymentCompletedSchema) {}
export class RatingSubmittedEvent extends createZodDto(ratingSubmittedSchema) {}
export class StaffingReportedEvent extends createZodDto(staffingReportedSchema) {}

export const EVENT_DTOS = [
  DossierReceivedEvent,
  DossierPausedEvent,
  DossierResumedEvent,
  DossierResolvedEvent,
  DossierWithdrawnEvent,
  DossierApologizedEvent,
  PaymentCompletedEvent,
  RatingSubmittedEvent,
  StaffingReportedEvent,
];

/** `{ events: [...] }`, each event one of the types; invalid ones are rejected one by one. */
export const INGEST_BODY_SCHEMA = {
  type: 'object',
  required: ['events'],
  properties: {
    events: {
      type: 'array',
      maxItems: MAX_EVENTS_PER_REQUEST,
      items: { oneOf: EVENT_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })) },
    },
  },
};

export class IngestResponse extends createZodDto(
  z.object({
    accepted: z.number().int().describe('Events stored now'),
    duplicates: z.number().int().describe('Events already stored (same eventId): not stored twice'),
    rejected: z.array(
      z.object({
        index: z.number().int().describe('Position in the request'),
        eventId: z.string().nullable(),
        errors: z.array(z.string()),
      }),
    ),
  }),
) {}
