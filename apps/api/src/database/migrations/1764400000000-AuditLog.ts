import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who did what to the administration, when and from where: users, keys and wall tokens, the
 * calendar, directory imports and rebuilds. Rows are only ever added.
 */
export class AuditLog1764400000000 implements MigrationInterface {
  name = 'AuditLog1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}',
        client_address text
      )`);
    await db.query(`CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_log_action_at ON audit_log (action, at DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_at ON audit_log (actor, at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
  }
}
