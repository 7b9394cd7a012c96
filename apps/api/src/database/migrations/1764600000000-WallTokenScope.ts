import { MigrationInterface, QueryRunner } from 'typeorm';

/** A wall token may be bound to a unit (SPEC §8): that wall shows the unit and nothing else. */
export class WallTokenScope1764600000000 implements MigrationInterface {
  name = 'WallTokenScope1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_key ADD COLUMN scope_code text REFERENCES unit (code)`);
    await db.query(
      `ALTER TABLE access_key ADD CONSTRAINT access_key_scope_wall_only
         CHECK (scope_code IS NULL OR kind = 'wall')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE access_key DROP COLUMN scope_code`);
  }
}
