import { Injectable, Logger, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';

/** The app's own secrets (table `app_secret`), made once and shared by every instance. */
@Injectable()
export class AppSecretRepository {
  constructor(private readonly db: DataSource) {}

  /** The secret called `name`, stored as `candidate` if there is none yet (the first caller wins). */
  async keep(name: string, candidate: string): Promise<string> {
    await this.db.query(
      `INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, candidate],
    );
    // A statement of its own: it sees the row of another instance that inserted first.
    const [row] = await this.db.query<{ value: string }[]>(
      `SELECT value FROM app_secret WHERE name = $1`,
      [name],
    );
    return row.value;
  }
}

const DEMO_SECRET = 'demo-jwt-secret';

/**
 * The key that signs login tokens: `JWT_SECRET`, or in demo mode one made at random on the first
 * start and kept in the database (under DATA_DIR with the embedded server), so no two demos share
 * a key and nobody can forge a token from the source code. Every instance on the database signs
 * with the same one.
 */
@Injectable()
export class SigningSecret {
  private readonly logger = new Logger(SigningSecret.name);

  constructor(
    private readonly config: AppConfig,
    private readonly secrets: AppSecretRepository,
  ) {}

  async resolve(): Promise<string> {
    if (this.config.jwtSecret) return this.config.jwtSecret;
    // AppConfig refuses to start without JWT_SECRET outside demo mode.
    const secret = await this.secrets.keep(DEMO_SECRET, randomBytes(48).toString('base64url'));
    this.logger.log('Demo mode: login tokens are signed with this demo’s own random secret');
    return secret;
  }
}

@Module({ providers: [AppSecretRepository, SigningSecret], exports: [SigningSecret] })
export class SigningSecretModule {}
