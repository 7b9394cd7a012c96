import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageOf } from '../../common/page-schema';
import { AUDIT_ACTIONS } from '../audit-entry';

export class AuditPageResponse extends createZodDto(
  pageOf(
    z.object({
      id: z.number().int(),
      at: z.string().describe('ISO instant (UTC)'),
      actor: z.string().describe('A username, or cli:<system user> for a command on the server'),
      action: z.enum(AUDIT_ACTIONS),
      target: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
      clientAddress: z.string().nullable(),
    }),
  ),
) {}
