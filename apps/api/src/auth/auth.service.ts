import type { LoginAnswer } from '@ioc/domain';
import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import { EventBus } from '../bus/event-bus';
import { explainedError } from '../common/explained-error';
import { AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { AuthRepository, KeyKind, KeyRecord, UserChange, UserRecord } from './auth.repository';
import { LoginBlock, LoginLimiter } from './login-limiter';
import { PasswordPolicy, passwordPolicy, passwordProblem } from './password-policy';
import { Principal, Role } from './principal';
import { hashKey, newKey } from './secrets';

export const DEMO_PASSWORD = 'demo';
export const DEMO_INGEST_KEY = 'demo-ingest-key';

/** 429: too many failed logins for this account or from this address; says when to try again. */
export class LoginThrottledException extends HttpException {
  readonly retryAfterSeconds: number;

  constructor(block: LoginBlock) {
    const seconds = Math.ceil(block.retryAfterMs / 1000);
    const whose = block.by === 'account' ? 'for this account' : 'from this address';
    super(
      `Too many failed logins ${whose}; try again in ${seconds} s`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
    this.retryAfterSeconds = seconds;
  }
}

interface TokenClaims {
  sub: string;
  role: Role;
  unit: string | null;
  /** An agency head's agency (absent from tokens signed before the role existed). */
  agency?: string | null;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly repository: AuthRepository,
    private readonly jwt: JwtService,
    private readonly directory: DirectoryService,
    private readonly config: AppConfig,
    private readonly limiter: LoginLimiter,
    private readonly bus: EventBus,
  ) {}

  /** `clientAddress`: the caller's address (behind a trusted proxy, the client's). */
  async login(username: string, password: string, clientAddress: string): Promise<LoginAnswer> {
    // A blocked attempt is refused before the password is checked: it tells nothing.
    const block = this.limiter.blocked(username, clientAddress);
    if (block) {
      this.bus.emit('login.attempted', { outcome: 'throttled' });
      throw new LoginThrottledException(block);
    }
    const user = await this.repository.findUser(username);
    // Verify against a hash even for unknown users, so timing does not tell which names exist.
    const hash = user?.passwordHash ?? (await this.dummyHash());
    const valid = await argon2.verify(hash, password).catch(() => false);
    if (!user || !valid || user.disabled) {
      this.limiter.failed(username, clientAddress);
      this.bus.emit('login.attempted', { outcome: 'failure' });
      throw new UnauthorizedException('Wrong username or password');
    }
    this.limiter.succeeded(username, clientAddress);
    this.bus.emit('login.attempted', { outcome: 'success' });
    const claims: TokenClaims = {
      sub: user.username,
      role: user.role,
      unit: user.unitCode,
      agency: user.agencyCode,
    };
    return {
      accessToken: await this.jwt.signAsync(claims),
      role: user.role,
      unitCode: user.unitCode,
      agencyCode: user.agencyCode,
    };
  }

  /** A bearer token: a signed login token, or a wall display's kiosk token. */
  async authenticate(token: string): Promise<Principal> {
    if (token.startsWith('wall_')) {
      const key = await this.repository.findActiveKey('wall', hashKey(token));
      if (!key) throw new UnauthorizedException('Unknown or revoked wall token');
      return { name: key.name, role: 'wall', unitCode: key.scopeCode, agencyCode: null };
    }
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('Invalid or expired access token');
    }
    // The account as it is now, not as it was at login: disabling a user shuts them out, and a
    // new role or unit applies, at their next request, not when their token expires.
    const user = await this.repository.findUser(claims.sub);
    if (!user || user.disabled) throw new UnauthorizedException('This account is disabled');
    return {
      name: user.username,
      role: user.role,
      unitCode: user.unitCode,
      agencyCode: user.agencyCode,
    };
  }

  async authenticateIngestKey(key: string | undefined): Promise<{ id: number; name: string }> {
    if (!key) throw new UnauthorizedException('Missing X-Api-Key header');
    const found = await this.repository.findActiveKey('ingest', hashKey(key));
    if (!found) throw new UnauthorizedException('Unknown or revoked API key');
    return found;
  }

  /** Creates a user; an existing username is a conflict (409), never overwritten. */
  async createUser(user: {
    username: string;
    password: string;
    role: Role;
    unitCode?: string | null;
    agencyCode?: string | null;
  }): Promise<void> {
    const problem = passwordProblem(user.password, user.username, this.config.demo);
    if (problem) throw new BadRequestException(problem);
    const unitCode = user.unitCode ?? null;
    const agencyCode = user.role === 'agency_head' ? (user.agencyCode ?? null) : null;
    this.checkPlace(user.role, unitCode, agencyCode);
    const created = await this.repository.insertUser({
      username: user.username,
      passwordHash: await argon2.hash(user.password),
      role: user.role,
      unitCode,
      agencyCode,
      disabled: false,
    });
    if (!created) {
      const { username } = user;
      throw explainedError(HttpStatus.CONFLICT, 'userExists', `User "${username}" exists`, {
        username,
      });
    }
  }

  passwordPolicy(): PasswordPolicy {
    return passwordPolicy(this.config.demo);
  }

  listUsers(): Promise<Omit<UserRecord, 'passwordHash'>[]> {
    return this.repository.listUsers();
  }

  /**
   * Disables or enables an account, or gives it another role or unit; the account as it is now.
   * A new role other than district chief drops the unit unless one is given. `actor` (the
   * administrator) may not shut themselves out. Takes effect on REST at the next request and on
   * open sockets within seconds.
   */
  async updateUser(
    actor: string,
    username: string,
    changes: UserChange,
  ): Promise<Omit<UserRecord, 'passwordHash'>> {
    const current = await this.repository.findUser(username);
    if (!current) throw new NotFoundException(`No user "${username}"`);
    if (username === actor && (changes.disabled || (changes.role && changes.role !== 'admin'))) {
      throw explainedError(
        HttpStatus.BAD_REQUEST,
        'ownAccount',
        'You cannot disable your own account or take away its admin role',
      );
    }
    const role = changes.role ?? current.role;
    let unitCode = changes.unitCode !== undefined ? changes.unitCode : current.unitCode;
    if (changes.role && changes.unitCode === undefined && role !== 'district_chief')
      unitCode = null;
    let agencyCode = changes.agencyCode !== undefined ? changes.agencyCode : current.agencyCode;
    if (role !== 'agency_head') agencyCode = null;
    this.checkPlace(role, unitCode, agencyCode);
    const updated = await this.repository.updateUser(username, {
      ...changes,
      unitCode,
      agencyCode,
    });
    if (!updated) throw new NotFoundException(`No user "${username}"`);
    this.bus.emit('access.changed', { what: 'user', id: username });
    return updated;
  }

  listKeys(): Promise<KeyRecord[]> {
    return this.repository.listKeys();
  }

  /** The key revoked, if it was active; it stops working on REST and open sockets within seconds. */
  async revokeKey(id: number): Promise<Pick<KeyRecord, 'id' | 'kind' | 'name'> | undefined> {
    const revoked = await this.repository.revokeKey(id);
    if (revoked) this.bus.emit('access.changed', { what: 'key', id: String(id) });
    return revoked;
  }

  /** Returns the key once; only its hash is kept. A wall token may be bound to a unit. */
  async issueKey(
    kind: KeyKind,
    name: string,
    scopeCode: string | null = null,
  ): Promise<{ id: number; key: string; scopeCode: string | null }> {
    if (scopeCode !== null) {
      if (kind !== 'wall') throw new BadRequestException('scope: only a wall token has a scope');
      if (!this.directory.current.units.has(scopeCode)) {
        throw new BadRequestException(`scope: unknown unit "${scopeCode}"`);
      }
    }
    const key = newKey(kind);
    const id = await this.repository.createKey(kind, name, hashKey(key), { scopeCode });
    return { id: id!, key, scopeCode };
  }

  /**
   * Demo mode: the ingest key, and users admin, leader, wall, chief-<code> per ranked unit and
   * head-<code> per provincial department.
   */
  async seedDemoAccess(): Promise<void> {
    await this.repository.createKey('ingest', 'Demo simulator', hashKey(DEMO_INGEST_KEY), {
      onlyIfMissing: true,
    });
    const snapshot = this.directory.current;
    const province = snapshot.province;
    const chiefs = [...snapshot.units.values()].filter(
      (unit) => unit.parentCode !== null && unit.parentCode === province?.code,
    );
    const passwordHash = await argon2.hash(DEMO_PASSWORD);
    const departments = [...snapshot.agencies.values()].filter((a) => a.kind === 'department');
    const nobody = { unitCode: null, agencyCode: null };
    const users: Omit<UserRecord, 'passwordHash' | 'disabled'>[] = [
      { username: 'admin', role: 'admin', ...nobody },
      { username: 'leader', role: 'leader', ...nobody },
      { username: 'wall', role: 'wall', ...nobody },
      ...chiefs.map((unit) => ({
        username: `chief-${unit.code}`,
        role: 'district_chief' as const,
        unitCode: unit.code,
        agencyCode: null,
      })),
      ...departments.map((agency) => ({
        username: `head-${agency.code}`,
        role: 'agency_head' as const,
        unitCode: null,
        agencyCode: agency.code,
      })),
    ];
    for (const user of users) {
      // An account of a previous start is left as it is (its password may have been changed).
      await this.repository.insertUser({ ...user, passwordHash, disabled: false });
    }
    this.logger.log(
      `Demo access: key "${DEMO_INGEST_KEY}", ${users.length} users with password "${DEMO_PASSWORD}"`,
    );
  }

  /** A district chief needs a known unit, an agency head a known agency. */
  private checkPlace(role: Role, unitCode: string | null, agencyCode: string | null): void {
    const { units, agencies } = this.directory.current;
    if (role === 'district_chief' && (!unitCode || !units.has(unitCode))) {
      throw new BadRequestException('unitCode: a district chief needs a known unit code');
    }
    if (unitCode !== null && !units.has(unitCode)) {
      throw new BadRequestException(`unitCode: unknown unit code "${unitCode}"`);
    }
    if (role === 'agency_head' && (!agencyCode || !agencies.has(agencyCode))) {
      throw new BadRequestException('agencyCode: an agency head needs a known agency code');
    }
  }

  private dummy: Promise<string> | undefined;
  private dummyHash(): Promise<string> {
    this.dummy ??= argon2.hash('not-a-real-password');
    return this.dummy;
  }
}
