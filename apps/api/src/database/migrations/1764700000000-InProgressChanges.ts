import { MigrationInterface, QueryRunner } from 'typeorm';
// One home for how a dossier's ranges become day changes: the projection's (a rebuild redoes them).
import { SUM_IN_PROGRESS_CHANGES } from '../../projection/in-progress-changes';

/**
 * The day changes of in-progress and overdue dossiers (see in-progress-changes.ts), filled from
 * the dossiers already derived: counts at a past midnight (a ranking's previous window) read
 * them instead of the history of every dossier open then.
 */
export class InProgressChanges1764700000000 implements MigrationInterface {
  name = 'InProgressChanges1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE in_progress_change (
        day date NOT NULL,
        unit_code text NOT NULL,
        agency_code text NOT NULL,
        in_progress integer NOT NULL,
        overdue integer NOT NULL,
        PRIMARY KEY (day, unit_code, agency_code)
      )`);
    // The zone the app derives local days in, as the facts' days: TZ_DISPLAY (validated at
    // start-up) or its default. Migrations run outside the app's module aliases too (tests).
    const zone = process.env.TZ_DISPLAY ?? 'Asia/Ho_Chi_Minh';
    await db.query(SUM_IN_PROGRESS_CHANGES('$1'), [zone]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE in_progress_change`);
  }
}
