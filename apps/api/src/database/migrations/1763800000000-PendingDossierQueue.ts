import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dossiers whose new events are stored but not yet derived: the projector's work queue. */
export class PendingDossierQueue1763800000000 implements MigrationInterface {
  name = 'PendingDossierQueue1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE pending_dossier (
        dossier_id text PRIMARY KEY,
        queued_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Dossiers whose events are already stored were derived before this queue existed.
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE pending_dossier`);
  }
}
