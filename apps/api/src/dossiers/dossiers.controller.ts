import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { MetricsService } from '../metrics/metrics.service';
import { Scopes } from '../metrics/scopes';
import { DossierStatusRepository } from '../metrics/dossier-status.repository';

const code = z.string().trim().min(1).max(64);

class DossierQuery extends createZodDto(
  z.object({
    scope: code.optional(),
    agency: code.optional(),
    status: z.enum(['overdue', 'dueSoon', 'inProgress']).default('inProgress'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    /** The instant to list at (ISO-8601 with offset); default now. */
    to: z.string().max(40).optional(),
  }),
) {}

@ApiTags('dossiers')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly dossiers: DossierStatusRepository,
    private readonly scopes: Scopes,
    private readonly metrics: MetricsService,
    private readonly calendar: CalendarService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: DossierQuery) {
    const { slice } = this.scopes.resolve(principal, query.scope, query.agency);
    const to = this.metrics.instant(query.to);
    const page = await this.dossiers.page(
      slice,
      query.status,
      to,
      this.calendar.clock.zone,
      query.page,
      query.pageSize,
    );
    return { total: page.total, page: query.page, pageSize: query.pageSize, rows: page.rows };
  }
}
