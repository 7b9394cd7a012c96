import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** OpenAPI schemas of the briefing's answers (the contract: libs/domain contracts/briefing.ts). */

const instant = { type: 'string', format: 'date-time' } as const;
const integer = { type: 'integer' } as const;
const rate = { type: 'number', nullable: true, description: '0 to 1; null for no data' } as const;
const object = (properties: Record<string, SchemaObject>, description?: string): SchemaObject => ({
  type: 'object',
  properties,
  ...(description ? { description } : {}),
});
const integers = (...names: string[]) => object(Object.fromEntries(names.map((n) => [n, integer])));

const SUMMARY = object(
  {
    scope: { type: 'string' },
    from: instant,
    to: instant,
    asOf: instant,
    received: integers('total', 'online', 'direct', 'postal'),
    carriedOver: integer,
    resolved: integers('total', 'onTime', 'early', 'late'),
    inProgress: integers('total', 'overdue', 'dueSoon', 'paused'),
    rates: object(
      Object.fromEntries(
        [
          'onTime',
          'progress',
          'online',
          'digitization',
          'resultDigitization',
          'onlinePayment',
          'satisfaction',
          'apology',
        ].map((name) => [name, rate]),
      ),
    ),
    score: { type: 'number', nullable: true },
  },
  'As GET /metrics/summary for the week',
);

const WEEK_CALENDAR = object({
  week: { type: 'string', example: '2026-W47' },
  workingDays: integer,
  kind: { type: 'string', enum: ['normal', 'holiday', 'tet'] },
  daysOff: {
    type: 'array',
    items: object({ date: { type: 'string' }, reason: { type: 'string' } }),
  },
  makeUpDays: {
    type: 'array',
    items: object({ date: { type: 'string' }, reason: { type: 'string' } }),
  },
});

const FORM_ROW = object(
  {
    label: { type: 'string' },
    unitCode: { type: 'string' },
    field: { type: 'string', nullable: true, description: 'The field (lĩnh vực) of a field row' },
    kind: { type: 'string', enum: ['scope', 'own', 'unit', 'field'] },
    received: integers('total', 'online', 'directOrPostal', 'carriedOver'),
    resolved: integers('total', 'early', 'onTime', 'late'),
    inProgress: integers('total', 'withinDeadline', 'overdue'),
  },
  'Biểu II.06a: received.total = online + directOrPostal + carriedOver; resolved.total = ' +
    'early + onTime + late (onTime: on time, not early); inProgress.total = withinDeadline + overdue',
);

export const BRIEFING_SCHEMA: SchemaObject = object({
  week: { type: 'string', example: '2026-W47' },
  scope: { type: 'string' },
  scopeName: { type: 'string' },
  from: instant,
  to: instant,
  previousWeek: { type: 'string' },
  frozenAt: { ...instant, nullable: true, description: 'null: the week is open, computed live' },
  checksum: { type: 'string', description: 'sha256 of the canonical JSON of the figures' },
  eventsSinceFrozen: {
    type: 'integer',
    nullable: true,
    description: 'Events stored since frozenAt that occurred before the week’s end',
  },
  definitionsVersion: integer,
  current: SUMMARY,
  previous: SUMMARY,
  workingDays: integers('current', 'previous'),
  calendar: object({ current: WEEK_CALENDAR, previous: WEEK_CALENDAR }),
  ranking: object({
    level: { type: 'string', enum: ['district', 'commune'] },
    rows: {
      type: 'array',
      items: object(
        {
          rank: integer,
          previousRank: { type: 'integer', nullable: true },
          code: { type: 'string' },
          name: { type: 'string' },
          score: { type: 'number', nullable: true },
        },
        'As a GET /rankings row; previousRank is the week before',
      ),
    },
  }),
  targets: {
    type: 'array',
    items: object({
      name: { type: 'string', enum: ['onTime', 'satisfaction', 'online', 'apology'] },
      target: { type: 'number' },
      value: rate,
      met: { type: 'boolean', nullable: true },
    }),
  },
  lateAgencies: object({
    rows: { type: 'array', items: object({}, 'As a GET /alerts/late-agencies row') },
  }),
  trend: {
    type: 'array',
    items: object({
      week: { type: 'string' },
      from: instant,
      to: instant,
      received: integer,
      resolved: integer,
      onTimeRate: rate,
      onlineShare: rate,
      workingDays: integer,
      kind: { type: 'string', enum: ['normal', 'holiday', 'tet'] },
    }),
  },
  form: object({ rows: { type: 'array', items: FORM_ROW } }),
});

export const BRIEFING_WEEKS_SCHEMA: SchemaObject = object({
  lastComplete: { type: 'string', example: '2026-W47' },
  open: { type: 'string', example: '2026-W48' },
});

export const REGENERATED_SCHEMA: SchemaObject = object({
  briefing: BRIEFING_SCHEMA,
  replacedChecksum: { type: 'string', nullable: true },
});
