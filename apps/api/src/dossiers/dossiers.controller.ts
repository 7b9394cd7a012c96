import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal, Principal, READERS, Roles } from '../auth/principal';
import { DossiersService } from './dossiers.service';

const code = z.string().trim().min(1).max(64);

class DossierQuery extends createZodDto(
  z.object({
    scope: code.optional(),
    agency: code.optional(),
    status: z.enum(['overdue', 'dueSoon', 'inProgress']).default('inProgress'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    /** The instant to list at (ISO-8601 with offset); default now. */
    to: z.string().max(40).optional(),
  }),
) {}

@ApiTags('dossiers')
@ApiBearerAuth()
@Roles(...READERS)
@Controller('dossiers')
export class DossiersController {
  constructor(private readonly dossiers: DossiersService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() query: DossierQuery) {
    return this.dossiers.list(principal, query);
  }
}
