import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { isIsoWeek } from '@ioc/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentActor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { AccessPolicy } from '../auth/access-policy';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { BriefingPdfService } from './briefing-pdf.service';
import { briefingFileName, BriefingService } from './briefing.service';
import { BRIEFING_SCHEMA, BRIEFING_WEEKS_SCHEMA, REGENERATED_SCHEMA } from './openapi';

const week = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week YYYY-Www, e.g. 2026-W47')
  .refine(isIsoWeek, 'no such ISO week in that year');

class WeekParams extends createZodDto(z.object({ week })) {}

class BriefingQuery extends createZodDto(
  z.object({
    /** A unit code; by default the caller's own unit, or the province. */
    scope: z.string().trim().min(1).max(64).optional(),
    format: z.enum(['json', 'xlsx', 'pdf']).default('json'),
    /** The language of the PDF (the JSON and the XLSX's figures have none). */
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
    private readonly audit: AuditService,
    private readonly pdfs: BriefingPdfService,
  ) {}

  @Roles('admin', 'leader', 'district_chief')
  @Get()
  @ApiOperation({ summary: 'The last complete ISO week and the week still open, local time' })
  @ApiOkResponse({ schema: BRIEFING_WEEKS_SCHEMA })
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
  @ApiProduces(
    'application/json',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
  )
  @ApiOkResponse({
    description:
      'JSON; with format=xlsx the same figures as a workbook (Tóm tắt, Xếp hạng, Cơ quan, Biểu II.06a); ' +
      'with format=pdf the slides printed (16:9 pages, then the form on A4 landscape)',
    schema: BRIEFING_SCHEMA,
  })
  async briefing(
    @CurrentPrincipal() principal: Principal,
    @Param() params: WeekParams,
    @Query() query: BriefingQuery,
  ) {
    const scope = this.access.unitScope(principal, query.scope);
    const briefing = await this.briefings.briefing(params.week, scope);
    if (query.format === 'json') return briefing;
    if (query.format === 'pdf') {
      // The same answer printed: the file's figures are the JSON's (and the screen's).
      return new StreamableFile(await this.pdfs.pdf(briefing, query.lang), {
        type: 'application/pdf',
        disposition: `attachment; filename="${briefingFileName(briefing, 'pdf')}"`,
      });
    }
    return new StreamableFile(await this.briefings.workbook(briefing), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${briefingFileName(briefing, 'xlsx')}"`,
    });
  }

  @Roles('admin')
  @Post(':week/regenerate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Computes a closed week again and replaces the kept briefing (admin, audited)',
  })
  @ApiOkResponse({ schema: REGENERATED_SCHEMA })
  async regenerate(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param() params: WeekParams,
    @Query() query: RegenerateQuery,
  ) {
    const scope = this.access.unitScope(principal, query.scope);
    const result = await this.briefings.regenerate(params.week, scope, actor.name);
    await this.audit.record(actor, {
      action: 'briefing.regenerate',
      target: `${params.week} ${scope}`,
      details: {
        week: params.week,
        scope,
        replacedChecksum: result.replacedChecksum,
        checksum: result.briefing.checksum,
      },
    });
    return result;
  }
}
