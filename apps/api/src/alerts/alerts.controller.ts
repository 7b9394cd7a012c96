import { DOWNLOAD_FORMATS } from '@ioc/domain';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AccessPolicy } from '../auth/access-policy';
import { CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { ExportsService } from '../exports/exports.service';
import { DOWNLOAD_RESPONSES } from '../exports/openapi';
import { LATE_AGENCY_TABLE } from '../exports/tables';
import { windowQuery } from '../metrics/metrics.controller';
import { MetricsService } from '../metrics/metrics.service';
import { AlertsService } from './alerts.service';
import { LATE_AGENCIES_SCHEMA } from './openapi';

class AlertsQuery extends createZodDto(
  windowQuery.extend({
    scope: z.string().trim().min(1).max(64).optional(),
    format: z.enum(DOWNLOAD_FORMATS).optional(),
  }),
) {}

@ApiTags('alerts')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly metrics: MetricsService,
    private readonly access: AccessPolicy,
    private readonly exports: ExportsService,
  ) {}

  @Get('late-agencies')
  @ApiOperation({
    summary: 'Late-running agencies of a unit’s subtree, worst first (SPEC §4)',
    description:
      'Flagged when an agency has overdue dossiers now, or an on-time rate under target with ' +
      'enough resolved. An agency head gets their own agency only (when it is flagged).',
  })
  @ApiOkResponse({ description: 'The flagged agencies', schema: LATE_AGENCIES_SCHEMA })
  @DOWNLOAD_RESPONSES()
  async lateAgencies(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AlertsQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const window = this.metrics.resolveWindow(query);
    const { scope, agency } =
      principal.role === 'agency_head'
        ? this.access.ownAgency(principal, query.scope, undefined)
        : { scope: this.access.unitScope(principal, query.scope), agency: undefined };
    const alerts = await this.alerts.lateAgencies(scope, window, agency);
    if (!query.format) return alerts;
    return this.exports.download(
      query.format,
      {
        spec: LATE_AGENCY_TABLE,
        rows: [alerts.rows],
        fileName: this.exports.fileName('co-quan-cham-muon', agency ?? scope),
      },
      response,
    );
  }
}
