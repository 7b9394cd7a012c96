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
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Request, Response } from 'express';
import { AuthService, LoginThrottledException } from './auth.service';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import { Public, ROLES, Roles } from './principal';

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

class SetDisabledDto extends createZodDto(z.object({ disabled: z.boolean() })) {}

class CreateKeyDto extends createZodDto(
  z.object({ kind: z.enum(['ingest', 'wall']), name: z.string().trim().min(1).max(200) }),
) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    description:
      '{ accessToken, role, unitCode, agencyCode }: unitCode for a district chief, agencyCode ' +
      'for an agency head, so the dashboard lands them on their workspace',
  })
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
  constructor(private readonly auth: AuthService) {}

  @Get('users')
  async users() {
    return { rows: await this.auth.listUsers() };
  }

  @Post('users')
  @ApiResponse({ status: 201, description: '{ username }' })
  @ApiResponse({
    status: 400,
    description:
      'A field is wrong, or the password breaks the policy: outside demo mode at least 12 ' +
      'characters, not containing the username',
  })
  @ApiResponse({ status: 409, description: 'The username exists (it is never overwritten)' })
  async createUser(@Body() body: CreateUserDto) {
    await this.auth.createUser(body);
    return { username: body.username };
  }

  @Patch('users/:username')
  async setDisabled(@Param('username') username: string, @Body() body: SetDisabledDto) {
    if (!(await this.auth.setUserDisabled(username, body.disabled))) {
      throw new NotFoundException(`No user "${username}"`);
    }
    return { username, disabled: body.disabled };
  }

  @Get('keys')
  async keys() {
    return { rows: await this.auth.listKeys() };
  }

  /** The key is shown once, in this answer. */
  @Post('keys')
  issueKey(@Body() body: CreateKeyDto) {
    return this.auth.issueKey(body.kind, body.name);
  }

  @Delete('keys/:id')
  async revokeKey(@Param('id', ParseIntPipe) id: number) {
    if (!(await this.auth.revokeKey(id))) throw new NotFoundException(`No active key ${id}`);
    return { id, revoked: true };
  }
}
