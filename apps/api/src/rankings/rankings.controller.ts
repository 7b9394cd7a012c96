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
  windowQuery
    .extend({
      /** Default `district`; with `ranks=scope`, the level the scope's children are ranked at. */
      level: z.enum(['district', 'commune', 'agency']).optional(),
      kind: z
        .enum(['department', 'district_committee', 'commune_committee', 'vertical'])
        .optional(),
      /** Only the rows inside this unit; their ranks stay province-wide (unless `ranks=scope`). */
      scope: z.string().trim().min(1).max(64).optional(),
      /**
       * `province` (default, SPEC §5): ranks stay province-wide. `scope`: the units right below
       * `scope` ranked among themselves, 1 to n, as the live snapshot of a unit's own wall.
       */
      ranks: z.enum(['province', 'scope']).default('province'),
      format: z.enum(DOWNLOAD_FORMATS).optional(),
    })
    .refine((query) => query.ranks === 'province' || query.level !== 'agency', {
      message: 'ranks=scope ranks the units right below a unit: not level=agency',
      path: ['ranks'],
    })
    .refine((query) => query.ranks === 'province' || query.kind === undefined, {
      message: 'ranks=scope ranks units: kind (of agencies) does not apply',
      path: ['kind'],
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
      'scope: only the rows inside that unit, ranks staying province-wide. ranks=scope: the ' +
      'units right below scope (default the caller’s unit) ranked among themselves, 1 to n, as ' +
      'the live snapshot of that unit’s wall ranks them (level, if given, must be theirs). ' +
      'Each row carries ' +
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
    const window = this.metrics.resolveWindow(query);
    const level = query.level ?? 'district';
    const ranking =
      query.ranks === 'scope'
        ? await this.rankings.ownRanking(principal, query.level, window, query.scope)
        : await this.rankings.ranking(principal, level, query.kind, window, query.scope);
    if (!query.format) return ranking;
    return this.exports.download(
      query.format,
      {
        spec: rankingTable(ranking.level),
        rows: [ranking.rows],
        fileName: this.exports.fileName(
          'xep-hang',
          ranking.level,
          query.kind,
          query.scope ?? principal.unitCode ?? principal.agencyCode,
        ),
      },
      response,
    );
  }
}
