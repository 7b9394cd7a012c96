import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { windowQuery } from '../metrics/metrics.controller';
import { MetricsService } from '../metrics/metrics.service';
import { RankingsService } from './rankings.service';

class RankingQuery extends createZodDto(
  windowQuery.extend({
    level: z.enum(['district', 'commune', 'agency']).default('district'),
    kind: z.enum(['department', 'district_committee', 'commune_committee', 'vertical']).optional(),
    /** Only the rows inside this unit; their ranks stay province-wide. */
    scope: z.string().trim().min(1).max(64).optional(),
  }),
) {}

@ApiTags('rankings')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('rankings')
export class RankingsController {
  constructor(
    private readonly rankings: RankingsService,
    private readonly metrics: MetricsService,
  ) {}

  @Get()
  ranking(@CurrentPrincipal() principal: Principal, @Query() query: RankingQuery) {
    return this.rankings.ranking(
      principal,
      query.level,
      query.kind,
      this.metrics.resolveWindow(query),
      query.scope,
    );
  }
}
