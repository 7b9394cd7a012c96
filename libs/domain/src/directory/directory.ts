import { z } from 'zod';

const code = z.string().trim().min(1).max(64);
const name = z.string().trim().min(1).max(300);

export const unitSchema = z.object({
  code,
  name,
  level: z.enum(['province', 'district', 'commune']),
  parentCode: code.nullable(),
});
export const agencySchema = z.object({
  code,
  name,
  kind: z.enum(['department', 'district_committee', 'commune_committee', 'vertical']),
  unitCode: code,
});
export const procedureSchema = z.object({
  code,
  name,
  field: z.string().trim().min(1).max(200),
  processingDays: z.coerce.number().int().min(0).max(365),
  onlineLevel: z.enum(['full', 'partial', 'none']),
  feeVnd: z.coerce.number().int().nonnegative(),
  /** Which kind of agency handles it, and for a department or vertical agency which one. */
  agencyKind: agencySchema.shape.kind.optional(),
  agencyCode: code.optional(),
});

export const directorySchema = z.object({
  units: z.array(unitSchema).default([]),
  agencies: z.array(agencySchema).default([]),
  procedures: z.array(procedureSchema).default([]),
});

export type Unit = z.infer<typeof unitSchema>;
export type UnitLevel = Unit['level'];
export type Agency = z.infer<typeof agencySchema>;
export type AgencyKind = Agency['kind'];
export type Procedure = z.infer<typeof procedureSchema>;
export type Directory = z.infer<typeof directorySchema>;
