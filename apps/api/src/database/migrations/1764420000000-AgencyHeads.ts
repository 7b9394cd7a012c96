import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SPEC §6: the `agency_head` role (thủ trưởng cơ quan), who reads one agency's figures and
 * dossiers: a user may carry the agency they head.
 */
export class AgencyHeads1764420000000 implements MigrationInterface {
  name = 'AgencyHeads1764420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE app_user ADD COLUMN agency_code text REFERENCES agency (code)`);
    await db.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await db.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
        CHECK (role IN ('admin', 'leader', 'district_chief', 'agency_head', 'wall'))`);
    await db.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_agency_head_check
        CHECK (role <> 'agency_head' OR agency_code IS NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM app_user WHERE role = 'agency_head'`);
    await db.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_agency_head_check`);
    await db.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_role_check`);
    await db.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
        CHECK (role IN ('admin', 'leader', 'district_chief', 'wall'))`);
    await db.query(`ALTER TABLE app_user DROP COLUMN agency_code`);
  }
}
