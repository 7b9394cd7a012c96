import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from './principal';

export interface UserRecord {
  username: string;
  passwordHash: string;
  role: Role;
  unitCode: string | null;
  agencyCode: string | null;
  disabled: boolean;
}

export type KeyKind = 'ingest' | 'wall';

export interface KeyRecord {
  id: number;
  kind: KeyKind;
  name: string;
  /** The unit a wall token is bound to (its wall shows that unit only), or null. */
  scopeCode: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** What an administrator may change of an account; absent fields stay as they are. */
export interface UserChange {
  disabled?: boolean;
  role?: Role;
  unitCode?: string | null;
  agencyCode?: string | null;
}

@Injectable()
export class AuthRepository {
  constructor(private readonly db: DataSource) {}

  async findUser(username: string): Promise<UserRecord | undefined> {
    const rows = await this.db.query<UserRecord[]>(
      `SELECT username, password_hash AS "passwordHash", role, unit_code AS "unitCode",
              agency_code AS "agencyCode", disabled
         FROM app_user WHERE username = $1`,
      [username],
    );
    return rows[0];
  }

  async listUsers(): Promise<Omit<UserRecord, 'passwordHash'>[]> {
    return this.db.query(
      `SELECT username, role, unit_code AS "unitCode", agency_code AS "agencyCode", disabled
         FROM app_user ORDER BY username`,
    );
  }

  /** Creates the user unless the username is taken; whether it was created. */
  async insertUser(user: UserRecord): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `INSERT INTO app_user (username, password_hash, role, unit_code, agency_code, disabled)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING username`,
      [user.username, user.passwordHash, user.role, user.unitCode, user.agencyCode, user.disabled],
    );
    return rows.length > 0;
  }

  /** Changes what is given of role, unit and disabled; the user as it is now, if it exists. */
  async updateUser(
    username: string,
    changes: Partial<Pick<UserRecord, 'role' | 'unitCode' | 'agencyCode' | 'disabled'>>,
  ): Promise<Omit<UserRecord, 'passwordHash'> | undefined> {
    // For UPDATE and DELETE, TypeORM answers [rows, affected count].
    const [rows] = await this.db.query<[Omit<UserRecord, 'passwordHash'>[], number]>(
      `UPDATE app_user
          SET role = COALESCE($2, role),
              unit_code = CASE WHEN $3 THEN $4 ELSE unit_code END,
              disabled = COALESCE($5, disabled),
              agency_code = CASE WHEN $6 THEN $7 ELSE agency_code END
        WHERE username = $1
        RETURNING username, role, unit_code AS "unitCode", agency_code AS "agencyCode", disabled`,
      [
        username,
        changes.role ?? null,
        changes.unitCode !== undefined,
        changes.unitCode ?? null,
        changes.disabled ?? null,
        changes.agencyCode !== undefined,
        changes.agencyCode ?? null,
      ],
    );
    return rows[0];
  }

  async findActiveKey(
    kind: KeyKind,
    keyHash: string,
  ): Promise<{ id: number; name: string; scopeCode: string | null } | undefined> {
    const rows = await this.db.query<{ id: number; name: string; scopeCode: string | null }[]>(
      `SELECT id, name, scope_code AS "scopeCode"
         FROM access_key WHERE kind = $1 AND key_hash = $2 AND revoked_at IS NULL`,
      [kind, keyHash],
    );
    return rows[0];
  }

  async createKey(
    kind: KeyKind,
    name: string,
    keyHash: string,
    options: { onlyIfMissing?: boolean; scopeCode?: string | null } = {},
  ): Promise<number | undefined> {
    const rows = await this.db.query<{ id: number }[]>(
      `INSERT INTO access_key (kind, name, key_hash, scope_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key_hash) DO ${options.onlyIfMissing ? 'NOTHING' : 'UPDATE SET revoked_at = NULL'} RETURNING id`,
      [kind, name, keyHash, options.scopeCode ?? null],
    );
    return rows[0]?.id;
  }

  async listKeys(): Promise<KeyRecord[]> {
    return this.db.query(
      `SELECT id, kind, name, scope_code AS "scopeCode", created_at AS "createdAt",
              revoked_at AS "revokedAt"
         FROM access_key ORDER BY id`,
    );
  }

  /** The key revoked now, if it was active. */
  async revokeKey(id: number): Promise<Pick<KeyRecord, 'id' | 'kind' | 'name'> | undefined> {
    const [rows] = await this.db.query<[Pick<KeyRecord, 'id' | 'kind' | 'name'>[], number]>(
      `UPDATE access_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
       RETURNING id, kind, name`,
      [id],
    );
    return rows[0];
  }
}
