import { agencySchema, directorySchema, procedureSchema, unitSchema } from '@ioc/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class DirectoryImportBody extends createZodDto(directorySchema) {}
export class UnitsResponse extends createZodDto(z.object({ rows: z.array(unitSchema) })) {}
export class AgenciesResponse extends createZodDto(z.object({ rows: z.array(agencySchema) })) {}
export class ProceduresResponse extends createZodDto(
  z.object({ rows: z.array(procedureSchema) }),
) {}
export class DirectoryImportedResponse extends createZodDto(
  z.object({
    units: z.number().int(),
    agencies: z.number().int(),
    procedures: z.number().int(),
  }),
) {}
