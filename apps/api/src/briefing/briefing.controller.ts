import { Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isIsoWeek } from '@ioc/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AccessPolicy } from '../auth/access-policy';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import type { Response } from 'express';
import { BriefingPdfService } from './briefing-pdf.service';
import { BriefingService } from './briefing.service';

const week = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week YYYY-Www, e.g. 2026-W47')
  .refine(isIsoWeek, 'no such ISO week in that year');

class WeekParams extends createZodDto(z.object({ week })) {}

class BriefingQuery extends createZodDto(
  z.object({
    /** A unit code; by default the caller's own unit, or the province. */
    scope: z.string().trim().min(1).max(64).optional(),
    format: z.enum(['json', 'pdf']).default('json'),
    /** The language of a file (the PDF); the JSON has none. */
    lang: z.enum(['vi', 'en']).default('vi'),
  }),
) {}

class RegenerateQuery extends createZodDto(
  z.object({ scope: z.string().trim().min(1).max(64).optional() }),
) {}

/**
 * The weekly briefing (SPEC §5): leaders for any unit, district chiefs for their own unit and
 * those below it (the province's is a 403 for them). Agency heads and wall tokens have none:
 * SPEC §8 gives the briefing to leaders and chiefs.
 */
@ApiTags('briefings')
@ApiBearerAuth()
@Controller('briefings')
export class BriefingController {
  constructor(
    private readonly briefings: BriefingService,
    private readonly access: AccessPolicy,
    private readonly pdfs: BriefingPdfService,
  ) {}

  @Roles('admin', 'leader', 'district_chief')
  @Get()
  @ApiOperation({ summary: 'The last complete ISO week and the week still open, local time' })
  weeks() {
    const lastComplete = this.briefings.lastCompleteWeek();
    return { lastComplete, open: this.briefings.openWeek() };
  }

  @Roles('admin', 'leader', 'district_chief')
  @Get(':week')
  @ApiOperation({
    summary: 'The weekly briefing of an ISO week against the week before',
    description:
      'A closed week is computed once and kept (frozenAt, checksum; eventsSinceFrozen counts the ' +
      'events stored since that occurred before its end); the open week is live (frozenAt null).',
  })
  @ApiOkResponse({ description: 'See the Briefing schema (libs/domain contracts/briefing.ts)' })
  async briefing(
    @CurrentPrincipal() principal: Principal,
    @Param() params: WeekParams,
    @Query() query: BriefingQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const scope = this.access.unitScope(principal, query.scope);
    const briefing = await this.briefings.briefing(params.week, scope);
    if (query.format === 'json') return briefing;
    // The same answer printed: the file's figures are the JSON's (and the screen's).
    const pdf = await this.pdfs.pdf(briefing, query.lang);
    response.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="giao-ban-${briefing.week}-${briefing.scope}.pdf"`,
    });
    return new StreamableFile(pdf);
  }

  @Roles('admin')
  @Post(':week/regenerate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Computes a closed week again and replaces the kept briefing (admin)' })
  async regenerate(
    @CurrentPrincipal() principal: Principal,
    @Param() params: WeekParams,
    @Query() query: RegenerateQuery,
  ) {
    const scope = this.access.unitScope(principal, query.scope);
    return this.briefings.regenerate(params.week, scope, principal.name);
  }
}
