import { WINDOWS } from '@ioc/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { DailySeriesResponse, MetricsSummaryResponse } from './dto/metrics-responses';
import { MetricsService } from './metrics.service';
import { Scopes } from './scopes';

const code = z.string().trim().min(1).max(64);

/** `from` / `to` (ISO-8601 with offset) or a named `window`; default since local midnight until now. */
export const windowQuery = z.object({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  window: z.enum(WINDOWS).optional(),
});

export class SummaryQuery extends createZodDto(
  windowQuery.extend({ scope: code.optional(), agency: code.optional() }),
) {}

class DailyQuery extends createZodDto(
  z.object({
    scope: code.optional(),
    agency: code.optional(),
    days: z.coerce.number().int().min(1).max(400).default(30),
  }),
) {}

@ApiTags('metrics')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly scopes: Scopes,
  ) {}

  /** Every metric of SPEC §4 for a unit and everything below it, or for one agency. */
  @Get('summary')
  @ApiOperation({
    summary: 'Every metric of SPEC §4 for a unit and everything below it, or for one agency',
  })
  @ApiOkResponse({ type: MetricsSummaryResponse })
  summary(@CurrentPrincipal() principal: Principal, @Query() query: SummaryQuery) {
    const { scope, agency, slice } = this.scopes.resolve(principal, query.scope, query.agency);
    return this.metrics.summary(slice, scope, agency, this.metrics.resolveWindow(query));
  }

  /** Received, resolved and payments per local day, the last `days` days up to today. */
  @Get('daily')
  @ApiOperation({ summary: 'Received, resolved and payments per local day, the last `days` days' })
  @ApiOkResponse({ type: DailySeriesResponse })
  daily(@CurrentPrincipal() principal: Principal, @Query() query: DailyQuery) {
    const { scope, slice } = this.scopes.resolve(principal, query.scope, query.agency);
    return this.metrics.daily(slice, scope, query.days);
  }
}
