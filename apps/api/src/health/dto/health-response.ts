import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class HealthResponse extends createZodDto(
  z.object({
    status: z.enum(['ok', 'degraded']),
    time: z.string(),
    database: z.object({ status: z.literal('up'), latencyMs: z.number() }),
    projection: z.object({
      status: z.enum(['following', 'lagging']),
      queued: z.number().int(),
      oldestQueuedSeconds: z.number(),
      figuresAsOf: z.string(),
      setAside: z.number().int(),
    }),
  }),
) {}
