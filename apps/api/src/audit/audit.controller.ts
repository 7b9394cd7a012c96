import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../auth/principal';
import { AUDIT_ACTIONS } from './audit-entry';
import { AuditService } from './audit.service';
import { AuditPageResponse } from './dto/audit-response';

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO instant like 2026-11-20T08:00:00+07:00',
});

class AuditQuery extends createZodDto(
  z
    .object({
      action: z.enum(AUDIT_ACTIONS).optional(),
      actor: z.string().trim().min(1).max(100).optional(),
      from: instant.optional(),
      to: instant.optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(100),
    })
    .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
      message: 'must be on or after from',
      path: ['to'],
    }),
) {}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log: who did what to the administration, when and from where',
    description:
      'Latest first, by page; filtered by action, actor (a username, or `cli:<system user>` for ' +
      'commands run on the server) and a time range (`from` included, `to` excluded).',
  })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() query: AuditQuery) {
    const { page, pageSize, ...filter } = query;
    return this.audit.list(filter, page, pageSize);
  }
}
