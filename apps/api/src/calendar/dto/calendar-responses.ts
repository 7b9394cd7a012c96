import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const date = z.string().describe('A local date, 2026-02-16');

export class CalendarDaysResponse extends createZodDto(
  z.object({
    rows: z.array(
      z.object({
        date,
        working: z.boolean(),
        reason: z
          .string()
          .describe('operator, weekday, weekend, public holiday, or the announced day’s name'),
      }),
    ),
  }),
) {}
export class CalendarOverridesResponse extends createZodDto(
  z.object({
    rows: z.array(z.object({ date, working: z.boolean(), note: z.string().nullable() })),
  }),
) {}
export class OverrideSetResponse extends createZodDto(
  z.object({ date, working: z.boolean(), rebuildNeeded: z.literal(true) }),
) {}
export class OverrideRemovedResponse extends createZodDto(
  z.object({ date, removed: z.literal(true), rebuildNeeded: z.literal(true) }),
) {}
