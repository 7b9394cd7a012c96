import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '../auth/principal';
import { SetAsidePageResponse } from './dto/set-aside-response';
import { ProjectionService } from './projection.service';

class SetAsideQuery extends createZodDto(
  z.object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
  }),
) {}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/set-aside')
export class SetAsideController {
  constructor(private readonly projection: ProjectionService) {}

  @Get()
  @ApiOperation({
    summary: 'Dossiers set aside because they cannot be derived',
    description:
      'Each with its reason and the ids of its events, latest first. A dossier is derived again ' +
      'when a new event for it arrives, and on `npm run rebuild`.',
  })
  @ApiOkResponse({ type: SetAsidePageResponse })
  list(@Query() query: SetAsideQuery) {
    return this.projection.setAside(query.page, query.pageSize);
  }
}
