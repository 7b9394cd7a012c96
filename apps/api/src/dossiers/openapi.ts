import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { INSTANT_SCHEMA as instant, WINDOW_PROPERTIES } from '../common/openapi-schemas';

const text = { type: 'string' } as const;
const day = { type: 'string', format: 'date' } as const;
const integer = { type: 'integer' } as const;

const DOSSIER_ROW_PROPERTIES: Record<string, SchemaObject> = {
  dossierId: text,
  procedureCode: text,
  agencyCode: { ...text, description: 'The agency that handles it' },
  unitCode: { ...text, description: 'The unit whose desk received it (its scope)' },
  channel: { type: 'string', enum: ['online', 'direct', 'postal'] },
  receivedAt: instant,
  dueAt: { ...instant, description: 'The due date in force at the instant listed' },
  status: { type: 'string', enum: ['inProgress', 'overdue', 'dueSoon', 'paused'] },
  overdueDays: {
    ...integer,
    description: 'Local calendar days from the due day; 0 unless overdue',
  },
  apologized: {
    type: 'boolean',
    description: 'A letter of apology (dossier.apologized) had been sent by the instant listed',
  },
};

export const DOSSIER_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['total', 'page', 'pageSize', 'rows'],
  properties: {
    total: integer,
    page: integer,
    pageSize: integer,
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: Object.keys(DOSSIER_ROW_PROPERTIES),
        properties: DOSSIER_ROW_PROPERTIES,
      },
    },
  },
};

export const DOSSIER_DETAIL_SCHEMA: SchemaObject = {
  type: 'object',
  required: [...Object.keys(DOSSIER_ROW_PROPERTIES), 'due', 'events'],
  properties: {
    ...DOSSIER_ROW_PROPERTIES,
    status: {
      type: 'string',
      enum: ['inProgress', 'overdue', 'dueSoon', 'paused', 'resolved', 'withdrawn'],
      description: 'At now',
    },
    resolvedAt: { ...instant, nullable: true },
    withdrawnAt: { ...instant, nullable: true },
    outcome: { type: 'string', enum: ['approved', 'rejected'], nullable: true },
    onTime: { type: 'boolean', nullable: true },
    due: {
      type: 'object',
      description: 'How the due date was reached (SPEC §3)',
      properties: {
        base: { ...instant, description: 'Before any pause' },
        baseFrom: { type: 'string', enum: ['source', 'calendar'] },
        processingDays: { ...integer, nullable: true },
        receivedOn: day,
        baseDueOn: day,
        daysSkipped: {
          type: 'array',
          description: 'Days off the working-day count skipped (weekends, holidays, days off)',
          items: { type: 'object', properties: { date: day, reason: text } },
        },
        pauses: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              from: instant,
              to: { ...instant, nullable: true },
              workingDays: integer,
              dueAt: { ...instant, description: 'The due date after this pause' },
            },
          },
        },
        dueAt: instant,
        apologyNewDueAt: { ...instant, nullable: true },
      },
    },
    events: {
      type: 'array',
      description: 'Every accepted event, by occurredAt, as sent',
      items: {
        type: 'object',
        required: ['eventId', 'type', 'occurredAt'],
        properties: { eventId: text, type: text, occurredAt: instant },
        additionalProperties: true,
      },
    },
  },
};

const count = { type: 'integer', minimum: 0 } as const;

export const PROCEDURE_LOADS_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['scope', 'agency', 'from', 'to', 'rows'],
  properties: {
    scope: text,
    agency: { ...text, nullable: true },
    ...WINDOW_PROPERTIES,
    rows: {
      type: 'array',
      description: 'The most overdue first, then the most in progress, then by code',
      items: {
        type: 'object',
        properties: {
          procedureCode: text,
          procedureName: text,
          inProgress: { ...count, description: 'In progress at `to`' },
          overdue: count,
          dueSoon: count,
          paused: count,
          oldestOverdueDays: { ...count, description: 'The largest overdueDays; 0 when none' },
          resolved: { ...count, description: 'Resolved in [from, to)' },
          resolvedOnTime: count,
          onTimeRate: { type: 'number', nullable: true, description: 'null: none resolved' },
        },
      },
    },
  },
};
