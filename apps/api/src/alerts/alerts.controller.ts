import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AccessPolicy } from '../auth/access-policy';
import { CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { windowQuery } from '../metrics/metrics.controller';
import { MetricsService } from '../metrics/metrics.service';
import { AlertsService } from './alerts.service';

class AlertsQuery extends createZodDto(
  windowQuery.extend({ scope: z.string().trim().min(1).max(64).optional() }),
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
  ) {}

  @Get('late-agencies')
  lateAgencies(@CurrentPrincipal() principal: Principal, @Query() query: AlertsQuery) {
    const scope = this.access.unitScope(principal, query.scope);
    return this.alerts.lateAgencies(scope, this.metrics.resolveWindow(query));
  }
}
