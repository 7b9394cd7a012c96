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
  createdAt: string;
  revokedAt: string | null;
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

  async setUserDisabled(username: string, disabled: boolean): Promise<boolean> {
    // For UPDATE and DELETE, TypeORM answers [rows, affected count].
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE app_user SET disabled = $2 WHERE username = $1`,
      [username, disabled],
    );
    return affected > 0;
  }

  async findActiveKey(
    kind: KeyKind,
    keyHash: string,
  ): Promise<{ id: number; name: string } | undefined> {
    const rows = await this.db.query<{ id: number; name: string }[]>(
      `SELECT id, name FROM access_key WHERE kind = $1 AND key_hash = $2 AND revoked_at IS NULL`,
      [kind, keyHash],
    );
    return rows[0];
  }

  async createKey(
    kind: KeyKind,
    name: string,
    keyHash: string,
    onlyIfMissing = false,
  ): Promise<number | undefined> {
    const rows = await this.db.query<{ id: number }[]>(
      `INSERT INTO access_key (kind, name, key_hash) VALUES ($1, $2, $3)
       ON CONFLICT (key_hash) DO ${onlyIfMissing ? 'NOTHING' : 'UPDATE SET revoked_at = NULL'} RETURNING id`,
      [kind, name, keyHash],
    );
    return rows[0]?.id;
  }

  async listKeys(): Promise<KeyRecord[]> {
    return this.db.query(
      `SELECT id, kind, name, created_at AS "createdAt", revoked_at AS "revokedAt"
         FROM access_key ORDER BY id`,
    );
  }

  async revokeKey(id: number): Promise<boolean> {
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE access_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    return affected > 0;
  }
}
