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
const section = z.enum(['units', 'agencies', 'procedures']);
const sectionCounts = z.object({
  units: z.number().int(),
  agencies: z.number().int(),
  procedures: z.number().int(),
});
const sectionChanges = z.object({
  added: z.array(z.string()).describe('Codes not in the directory yet'),
  changed: z.array(z.object({ code: z.string(), fields: z.array(z.string()) })),
  unchanged: z.number().int(),
});
export class DirectoryImportPreviewResponse extends createZodDto(
  z.object({
    valid: z.boolean().describe('Whether the import would be accepted'),
    rows: sectionCounts,
    problems: z.array(
      z.object({
        section,
        row: z
          .number()
          .int()
          .nullable()
          .describe('The CSV line, or the entry’s position in the JSON array; null: the section'),
        code: z.string().nullable().describe('The entry’s code, when the row has one'),
        reason: z
          .string()
          .describe(
            'Stable name of the problem (required, empty, wrongType, notInteger, tooLong, tooSmall, ' +
              'tooLarge, notOneOf, duplicate, unknownParent, unknownUnit, unknownAgency, …) for a screen to translate',
          ),
        field: z.string().nullable().describe('The column (JSON field) at fault, or null'),
        params: z
          .record(z.string(), z.union([z.string(), z.number()]))
          .describe(
            'What the reason’s text needs: maximum, minimum, options, firstRow, the unknown code',
          ),
        message: z.string().describe('The same problem in English'),
      }),
    ),
    changes: z.object({
      units: sectionChanges,
      agencies: sectionChanges,
      procedures: sectionChanges,
    }),
  }),
) {}
