import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES } from '../principal';

const role = z.enum(ROLES);

export class LoginResponse extends createZodDto(
  z.object({
    accessToken: z.string().describe('A bearer token for the Authorization header'),
    role,
    unitCode: z.string().nullable(),
    agencyCode: z.string().nullable(),
  }),
) {}

const user = z.object({
  username: z.string(),
  role,
  unitCode: z.string().nullable(),
  agencyCode: z.string().nullable(),
  disabled: z.boolean(),
});
export class UserResponse extends createZodDto(user) {}
export class UsersResponse extends createZodDto(z.object({ rows: z.array(user) })) {}
export class UserCreatedResponse extends createZodDto(z.object({ username: z.string() })) {}

const key = z.object({
  id: z.number().int(),
  kind: z.enum(['ingest', 'wall']),
  name: z.string(),
  scopeCode: z.string().nullable().describe('The unit a wall token is bound to, or null'),
  createdAt: z.string().describe('ISO instant'),
  revokedAt: z.string().nullable().describe('ISO instant; null while the key works'),
});
export class KeysResponse extends createZodDto(z.object({ rows: z.array(key) })) {}
export class KeyIssuedResponse extends createZodDto(
  z.object({
    id: z.number().int(),
    key: z.string().describe('Shown once: only its hash is kept (a wall token starts wall_)'),
    scopeCode: z.string().nullable().describe('The unit a wall token is bound to, or null'),
  }),
) {}
export class KeyRevokedResponse extends createZodDto(
  z.object({ id: z.number().int(), revoked: z.literal(true) }),
) {}
export class PasswordPolicyResponse extends createZodDto(
  z.object({
    minLength: z.number().int(),
    maxLength: z.number().int(),
    mayContainUsername: z.boolean(),
  }),
) {}
