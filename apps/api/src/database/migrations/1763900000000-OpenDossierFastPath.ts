import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dossiers open after all their known events, narrow enough to count at every screen refresh;
 * and the latest event instant derived so far, beyond which that table is the state of any instant.
 */
export class OpenDossierFastPath1763900000000 implements MigrationInterface {
  name = 'OpenDossierFastPath1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE open_dossier (
        dossier_id text PRIMARY KEY,
        unit_code text NOT NULL,
        agency_code text NOT NULL,
        paused_since timestamptz,
        due_soon_from timestamptz NOT NULL,
        due_at timestamptz NOT NULL
      )`);
    await db.query(`
      INSERT INTO open_dossier (dossier_id, unit_code, agency_code, paused_since, due_soon_from, due_at)
      SELECT dossier_id, unit_code, agency_code,
             (SELECT lower(r) FROM unnest(paused) r WHERE upper_inf(r)),
             coalesce((SELECT max(lower(r)) FROM unnest(due_soon) r), due_at), due_at
        FROM dossier WHERE upper_inf(open_range)`);
    await db.query(
      `CREATE TABLE projection_state (id boolean PRIMARY KEY DEFAULT true CHECK (id), watermark timestamptz)`,
    );
    await db.query(
      `INSERT INTO projection_state (watermark) SELECT max(occurred_at) FROM event WHERE dossier_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE projection_state`);
    await db.query(`DROP TABLE open_dossier`);
  }
}
