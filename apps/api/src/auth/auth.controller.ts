import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Request, Response } from 'express';
import { CurrentActor } from '../audit/audit-actor.decorator';
import type { AuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { AuthService, LoginThrottledException } from './auth.service';
import {
  KeyIssuedResponse,
  KeyRevokedResponse,
  KeysResponse,
  LoginResponse,
  PasswordPolicyResponse,
  UserCreatedResponse,
  UserResponse,
  UsersResponse,
} from './dto/auth-responses';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import { CurrentPrincipal, Principal, Public, ROLES, Roles } from './principal';

class LoginDto extends createZodDto(
  z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
) {}

class CreateUserDto extends createZodDto(
  z.object({
    username: z.string().regex(/^[a-z0-9._-]{2,64}$/, 'lower-case letters, digits, . _ - (2–64)'),
    // Its length and content: the password policy, which depends on the mode (password-policy.ts).
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    role: z.enum(ROLES),
    unitCode: z.string().max(64).nullish(),
    agencyCode: z.string().max(64).nullish(),
  }),
) {}

class UpdateUserDto extends createZodDto(
  z
    .object({
      disabled: z.boolean().optional(),
      role: z.enum(ROLES).optional(),
      unitCode: z.string().trim().min(1).max(64).nullable().optional(),
      agencyCode: z.string().trim().min(1).max(64).nullable().optional(),
    })
    .strict()
    .refine(
      (change) => Object.keys(change).length > 0,
      'name at least one of disabled, role, unitCode, agencyCode',
    ),
) {}

class CreateKeyDto extends createZodDto(
  z.object({
    kind: z.enum(['ingest', 'wall']),
    name: z.string().trim().min(1).max(200),
    /** A wall token's unit: its wall shows that unit and what lies below, nothing else. */
    scope: z.string().trim().min(1).max(64).nullish(),
  }),
) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with a username and password; answers a bearer token',
    description:
      'unitCode for a district chief, agencyCode for an agency head, so the dashboard lands ' +
      'them on their workspace',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiResponse({ status: 401, description: 'Wrong username or password' })
  @ApiResponse({
    status: 429,
    description:
      'Too many failed logins for this account or from this address: blocked for 30 s, doubling ' +
      'with each further failure up to 15 min (Retry-After)',
  })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    try {
      // request.ip honours X-Forwarded-For only from the proxies TRUST_PROXY names.
      return await this.auth.login(body.username, body.password, request.ip ?? '');
    } catch (error) {
      if (error instanceof LoginThrottledException)
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }
}

/** Users, ingest keys and wall tokens: the administrator's business. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  @Get('password-policy')
  @ApiOperation({ summary: 'The password policy in force (stricter outside demo mode)' })
  @ApiOkResponse({ type: PasswordPolicyResponse })
  passwordPolicy() {
    return this.auth.passwordPolicy();
  }

  @Get('users')
  @ApiOperation({ summary: 'Every user, with role, unit and whether disabled' })
  @ApiOkResponse({ type: UsersResponse })
  async users() {
    return { rows: await this.auth.listUsers() };
  }

  @Post('users')
  @ApiOperation({ summary: 'Create a user (never overwrites one: 409)' })
  @ApiCreatedResponse({ type: UserCreatedResponse })
  @ApiResponse({
    status: 400,
    description:
      'A field is wrong, or the password breaks the policy: outside demo mode at least 12 ' +
      'characters, not containing the username',
  })
  @ApiResponse({ status: 409, description: 'The username exists (it is never overwritten)' })
  async createUser(@Body() body: CreateUserDto, @CurrentActor() actor: AuditActor) {
    await this.auth.createUser(body);
    await this.audit.record(actor, {
      action: 'user.create',
      target: body.username,
      details: { role: body.role, unitCode: body.unitCode ?? null },
    });
    return { username: body.username };
  }

  @Patch('users/:username')
  @ApiOperation({
    summary: 'Disable or enable a user, or change their role or unit',
    description: 'An administrator cannot disable their own account or drop its admin role (400).',
  })
  @ApiResponse({
    status: 200,
    type: UserResponse,
    description:
      'The user as it is now. Open sessions and sockets ' +
      'follow within seconds (a disabled user is shut out; a new role or unit re-scopes them).',
  })
  @ApiResponse({ status: 404, description: 'No such user' })
  async updateUser(
    @CurrentPrincipal() principal: Principal,
    @Param('username') username: string,
    @Body() body: UpdateUserDto,
    @CurrentActor() actor: AuditActor,
  ) {
    const user = await this.auth.updateUser(principal.name, username, body);
    await this.audit.record(actor, { action: 'user.update', target: username, details: body });
    return user;
  }

  @Get('keys')
  @ApiOperation({ summary: 'Every ingest key and wall token (never the key itself)' })
  @ApiOkResponse({ type: KeysResponse })
  async keys() {
    return { rows: await this.auth.listKeys() };
  }

  /** The key is shown once, in this answer. */
  @Post('keys')
  @ApiOperation({ summary: 'Issue an ingest key or a wall token, shown once in the answer' })
  @ApiCreatedResponse({ type: KeyIssuedResponse })
  async issueKey(@Body() body: CreateKeyDto, @CurrentActor() actor: AuditActor) {
    const issued = await this.auth.issueKey(body.kind, body.name, body.scope ?? null);
    await this.audit.record(actor, {
      action: body.kind === 'wall' ? 'wall_token.issue' : 'ingest_key.issue',
      target: String(issued.id),
      details: { name: body.name, scope: issued.scopeCode },
    });
    return issued;
  }

  @Delete('keys/:id')
  @ApiOperation({
    summary: 'Revoke a key or wall token: REST refuses it at once, open sockets within seconds',
  })
  @ApiOkResponse({ type: KeyRevokedResponse })
  @ApiResponse({ status: 404, description: 'No active key with this id' })
  async revokeKey(@Param('id', ParseIntPipe) id: number, @CurrentActor() actor: AuditActor) {
    const revoked = await this.auth.revokeKey(id);
    if (!revoked) throw new NotFoundException(`No active key ${id}`);
    await this.audit.record(actor, {
      action: revoked.kind === 'wall' ? 'wall_token.revoke' : 'ingest_key.revoke',
      target: String(id),
      details: { name: revoked.name },
    });
    return { id, revoked: true };
  }
}
