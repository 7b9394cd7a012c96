import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageOf } from '../../common/page-schema';

export class SetAsidePageResponse extends createZodDto(
  pageOf(
    z.object({
      dossierId: z.string(),
      reason: z.string(),
      eventIds: z.array(z.string()),
      setAsideAt: z.string(),
    }),
  ),
) {}
