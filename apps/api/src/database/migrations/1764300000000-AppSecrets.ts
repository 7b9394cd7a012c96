import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets the application makes for itself, by name: in demo mode, the key that signs login
 * tokens (made on first start, so no demo shares a secret with another). Kept in the database so
 * every instance on it signs and checks with the same key.
 */
export class AppSecrets1764300000000 implements MigrationInterface {
  name = 'AppSecrets1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_secret (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE app_secret`);
  }
}
