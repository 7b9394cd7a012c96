import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { WINDOW_PROPERTIES } from '../common/openapi-schemas';

export const LATE_AGENCIES_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    scope: { type: 'string' },
    ...WINDOW_PROPERTIES,
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          agencyCode: { type: 'string' },
          name: { type: 'string' },
          unitCode: { type: 'string' },
          overdue: { type: 'integer' },
          oldestOverdueDays: { type: 'integer' },
          onTimeRate: { type: 'number', nullable: true },
          resolved: { type: 'integer' },
          severity: { type: 'string', enum: ['warning', 'critical'] },
        },
      },
    },
  },
};
