import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { confinedUnit, CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { DirectoryService } from './directory.service';
import {
  AgenciesResponse,
  DirectoryImportBody,
  DirectoryImportedResponse,
  DirectoryImportPreviewResponse,
  ProceduresResponse,
  UnitsResponse,
} from './dto/directory-dtos';
import { DirectorySection, SECTIONS } from './import-preview';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  @Roles(...READERS)
  @Get('units')
  @ApiOperation({ summary: 'Administrative units the caller may see (a chief: their own subtree)' })
  @ApiOkResponse({ type: UnitsResponse })
  units(@CurrentPrincipal() principal: Principal) {
    const snapshot = this.directory.current;
    const codes = this.visibleUnitCodes(principal);
    return { rows: [...snapshot.units.values()].filter((u) => !codes || codes.has(u.code)) };
  }

  @Roles(...READERS)
  @Get('agencies')
  @ApiOperation({ summary: 'Agencies the caller may see' })
  @ApiOkResponse({ type: AgenciesResponse })
  agencies(@CurrentPrincipal() principal: Principal) {
    const codes = this.visibleUnitCodes(principal);
    return {
      rows: [...this.directory.current.agencies.values()].filter(
        (a) => !codes || codes.has(a.unitCode),
      ),
    };
  }

  @Roles(...READERS)
  @Get('procedures')
  @ApiOperation({ summary: 'Administrative procedures, with processing days and fees' })
  @ApiOkResponse({ type: ProceduresResponse })
  procedures() {
    return { rows: [...this.directory.current.procedures.values()] };
  }

  /** A dry run of `POST import`: every problem row by row, and what would change. */
  @Roles('admin')
  @Post('import/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a JSON import without writing anything',
    description:
      '`{ valid, rows, problems: [ { section, row, code, reason, field, params, message } ], changes: { units: ' +
      '{ added, changed: [ { code, fields } ], unchanged }, agencies, procedures } }`. An import ' +
      'adds and updates by code, it never removes an entry.',
  })
  @ApiBody({ type: DirectoryImportBody })
  @ApiOkResponse({ type: DirectoryImportPreviewResponse })
  preview(@Body() body: unknown) {
    return this.directory.preview(body);
  }

  /** JSON `{ units, agencies, procedures }`; entries are added or updated by code. */
  @Roles('admin')
  @Post('import')
  @ApiOperation({
    summary: 'Import units, agencies and procedures (JSON), added or updated by code',
  })
  @ApiBody({ type: DirectoryImportBody })
  @ApiCreatedResponse({ type: DirectoryImportedResponse })
  async import(@Body() body: unknown, @CurrentActor() actor: AuditActor) {
    const counts = await this.directory.import(body);
    await this.audit.record(actor, {
      action: 'directory.import',
      details: { format: 'json', ...counts },
    });
    return counts;
  }

  /** A dry run of `POST import/:section`; problems carry the CSV line. */
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @Post('import/:section/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check one section as CSV without writing anything' })
  @ApiOkResponse({ type: DirectoryImportPreviewResponse })
  previewCsv(
    @Param('section') section: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ) {
    return this.directory.previewCsv(csvSection(section), csvBody(contentType, body));
  }

  /** One section as CSV with a header row named like the JSON fields. */
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @Post('import/:section')
  @ApiOperation({ summary: 'Import one section as CSV (units, agencies or procedures)' })
  @ApiCreatedResponse({ type: DirectoryImportedResponse })
  async importCsv(
    @Param('section') section: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @CurrentActor() actor: AuditActor,
  ) {
    const counts = await this.directory.importCsv(csvSection(section), csvBody(contentType, body));
    await this.audit.record(actor, {
      action: 'directory.import',
      target: section,
      details: { format: 'csv', ...counts },
    });
    return counts;
  }

  /** A district chief, or a wall bound to a scope, sees that subtree only. */
  private visibleUnitCodes(principal: Principal): Set<string> | undefined {
    const confined = confinedUnit(principal);
    return confined === null ? undefined : new Set(this.directory.current.subtree(confined));
  }
}

function csvSection(section: string): DirectorySection {
  const known = SECTIONS.find((name) => name === section);
  if (!known) throw new BadRequestException(`section: must be one of ${SECTIONS.join(', ')}`);
  return known;
}

function csvBody(contentType: string | undefined, body: unknown): string {
  if (!contentType?.startsWith('text/csv') || typeof body !== 'string') {
    throw new BadRequestException('Send the CSV with Content-Type: text/csv');
  }
  return body;
}
