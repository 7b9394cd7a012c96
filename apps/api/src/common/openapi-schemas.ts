import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const INSTANT_SCHEMA = { type: 'string', format: 'date-time' } as const;

/** The window an answer covers: `[from, to)`. */
export const WINDOW_PROPERTIES: Record<string, SchemaObject> = {
  from: INSTANT_SCHEMA,
  to: INSTANT_SCHEMA,
};
