import {
  DOSSIER_LIST_STATUSES,
  DOSSIER_SORT_COLUMNS,
  DossierSort,
  DossierSortColumn,
  DOWNLOAD_FORMATS,
} from '@ioc/domain';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { DOWNLOAD_RESPONSES } from '../exports/openapi';
import { ExportsService } from '../exports/exports.service';
import { DOSSIER_TABLE, PROCEDURE_LOAD_TABLE } from '../exports/tables';
import { windowQuery } from '../metrics/metrics.controller';
import { MetricsService } from '../metrics/metrics.service';
import { DOSSIER_DETAIL_SCHEMA, DOSSIER_PAGE_SCHEMA, PROCEDURE_LOADS_SCHEMA } from './openapi';
import { DossiersService } from './dossiers.service';

const code = z.string().trim().min(1).max(64);

/** `column` or `column:asc|desc`, comma-separated: `overdueDays:desc,dueAt`. */
const sortList = z
  .string()
  .max(300)
  .transform((value, context): DossierSort[] => {
    const sort: DossierSort[] = [];
    for (const part of value.split(',')) {
      const [column, direction = 'asc', ...rest] = part.trim().split(':');
      if (
        !DOSSIER_SORT_COLUMNS.includes(column as DossierSortColumn) ||
        !['asc', 'desc'].includes(direction) ||
        rest.length
      ) {
        context.addIssue({
          code: 'custom',
          message: `"${part}": sort by ${DOSSIER_SORT_COLUMNS.join(', ')}, each optionally :asc or :desc`,
        });
        return z.NEVER;
      }
      sort.push({ column: column as DossierSortColumn, direction: direction as 'asc' | 'desc' });
    }
    return sort;
  });

class DossierQuery extends createZodDto(
  z.object({
    scope: code.optional(),
    agency: code.optional(),
    status: z.enum(DOSSIER_LIST_STATUSES).default('inProgress'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    /** The instant to list at (ISO-8601 with offset); default now. */
    to: z.string().max(40).optional(),
    dueOn: z.iso.date({ error: 'must be a local day like 2026-11-23' }).optional(),
    q: z
      .string()
      .trim()
      .min(1)
      .max(64)
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters')
      .optional(),
    sort: sortList.optional(),
    format: z.enum(DOWNLOAD_FORMATS).optional(),
  }),
) {}

class ByProcedureQuery extends createZodDto(
  windowQuery.extend({
    scope: code.optional(),
    agency: code.optional(),
    format: z.enum(DOWNLOAD_FORMATS).optional(),
  }),
) {}

const dossierId = z
  .string()
  .min(1)
  .max(64)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters');

class DossierParams extends createZodDto(z.object({ dossierId })) {}

@ApiTags('dossiers')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly dossiers: DossiersService,
    private readonly exports: ExportsService,
    private readonly metrics: MetricsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Dossiers in progress in a scope (a unit and everything below it, or one agency): a page ' +
      'as JSON, or every row as CSV / XLSX with format=',
    description:
      'status: inProgress (all of them), overdue, dueSoon or paused; dueOn: due on that local ' +
      'day (for "due on the next working day", ask GET /calendar/next-working-day first); q: ' +
      'code prefix; sort: columns of a row, each :asc or :desc (default dueAt:asc, the code ' +
      'breaking ties). A district chief is held to their unit, an agency head to their agency.',
  })
  @ApiOkResponse({ description: 'A page of dossiers', schema: DOSSIER_PAGE_SCHEMA })
  @DOWNLOAD_RESPONSES()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DossierQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!query.format) return this.dossiers.list(principal, query);
    const { scope, rows } = await this.dossiers.all(principal, query);
    return this.exports.download(
      query.format,
      {
        spec: DOSSIER_TABLE,
        rows,
        fileName: this.exports.fileName(
          'ho-so',
          scope.agency ?? scope.scope,
          query.status,
          query.dueOn && `han-${query.dueOn}`,
        ),
      },
      response,
    );
  }

  // Declared before `:dossierId`, which would otherwise take "by-procedure" for a dossier code.
  @Get('by-procedure')
  @ApiOperation({
    summary:
      'Dossiers of a scope (a unit and everything below it, or one agency) by procedure: in ' +
      'progress at `to`, overdue, due soon, paused, resolved in the window and on time',
    description:
      'Window as GET /metrics/summary (from, to or window). Every procedure with a dossier in ' +
      'progress or resolved, the most overdue first; format=csv|xlsx downloads the same rows. ' +
      'A district chief is held to their unit, an agency head to their agency.',
  })
  @ApiOkResponse({ description: 'Loads by procedure', schema: PROCEDURE_LOADS_SCHEMA })
  @DOWNLOAD_RESPONSES()
  async byProcedure(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ByProcedureQuery,
    @Res({ passthrough: true }) response: Response,
  ) {
    const window = this.metrics.resolveWindow(query);
    const { scope, loads } = await this.dossiers.byProcedure(principal, query, window);
    if (!query.format) return loads;
    return this.exports.download(
      query.format,
      {
        spec: PROCEDURE_LOAD_TABLE,
        rows: [loads.rows],
        fileName: this.exports.fileName('theo-thu-tuc', scope.agency ?? scope.scope),
      },
      response,
    );
  }

  @Get(':dossierId')
  @ApiOperation({
    summary: 'One dossier: its fields, status at now, how its due date was reached, its events',
    description: '404 when the dossier is unknown or outside the caller’s scope.',
  })
  @ApiOkResponse({ description: 'The dossier', schema: DOSSIER_DETAIL_SCHEMA })
  detail(@CurrentPrincipal() principal: Principal, @Param() params: DossierParams) {
    return this.dossiers.detail(principal, params.dossierId);
  }
}
