import { DOWNLOAD_FORMATS } from '@ioc/domain';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { ExportsService } from '../exports/exports.service';
import { DOWNLOAD_RESPONSES } from '../exports/openapi';
import { rankingTable } from '../exports/tables';
import { windowQuery } from '../metrics/metrics.controller';
import { MetricsService } from '../metrics/metrics.service';
import { RANKING_SCHEMA } from './openapi';
import { RankingsService } from './rankings.service';

class RankingQuery extends createZodDto(
  windowQuery.extend({
    level: z.enum(['district', 'commune', 'agency']).default('district'),
    kind: z.enum(['department', 'district_committee', 'commune_committee', 'vertical']).optional(),
    /** Only the rows inside this unit; their ranks stay province-wide. */
    scope: z.string().trim().min(1).max(64).optional(),
    format: z.enum(DOWNLOAD_FORMATS).optional(),
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
    private readonly exports: ExportsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Units or agencies ranked by score, with the rank in the window just before',
    description:
      'scope: only the rows inside that unit, ranks staying province-wide. Each row carries ' +
      'components (rate, points, weight, fullAt per score component). A district chief sees ' +
      'the rows of their unit; an agency head, level=agency only, their own row.',
  })
  @ApiOkResponse({ description: 'The ranking', schema: RANKING_SCHEMA })
  @DOWNLOAD_RESPONSES()
  async ranking(
    @CurrentPrincipal() principal: Principal,
    @Query() query: RankingQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const ranking = await this.rankings.ranking(
      principal,
      query.level,
      query.kind,
      this.metrics.resolveWindow(query),
      query.scope,
    );
    if (!query.format) return ranking;
    return this.exports.download(
      query.format,
      {
        spec: rankingTable(query.level),
        rows: [ranking.rows],
        fileName: this.exports.fileName(
          'xep-hang',
          query.level,
          query.kind,
          query.scope ?? principal.unitCode ?? principal.agencyCode,
        ),
      },
      response,
    );
  }
}
