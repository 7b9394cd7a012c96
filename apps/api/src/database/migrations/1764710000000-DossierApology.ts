import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a dossier's first letter of apology was sent, so that the lists of overdue dossiers say
 * which were apologised for (SPEC §4's apology rate, chased dossier by dossier). Filled from the
 * log as `deriveDossierState` takes it: the earliest `dossier.apologized` of the dossier.
 */
export class DossierApology1764710000000 implements MigrationInterface {
  name = 'DossierApology1764710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier ADD COLUMN apologized_at timestamptz`);
    await db.query(`
      UPDATE dossier d SET apologized_at = first.at
        FROM (SELECT dossier_id, min(occurred_at) AS at FROM event
               WHERE type = 'dossier.apologized' GROUP BY dossier_id) AS first
       WHERE d.dossier_id = first.dossier_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dossier DROP COLUMN apologized_at`);
  }
}
