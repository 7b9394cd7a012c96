import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nothing a source sends may stop the figures (SPEC §3):
 * - a dossier that cannot be derived is set aside with its reason and events, and the others go on;
 * - the projection queue keeps when each dossier was first queued, so its age tells how far the
 *   figures are behind the events;
 * - the day rollups sum payment amounts as numeric: no day's total can overflow.
 */
export class SetAsideDossiers1764100000000 implements MigrationInterface {
  name = 'SetAsideDossiers1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE set_aside_dossier (
        dossier_id text PRIMARY KEY,
        reason text NOT NULL,
        event_ids text[] NOT NULL,
        set_aside_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX pending_dossier_queued_idx ON pending_dossier (queued_at)`);
    for (const table of ['unit_day_rollup', 'agency_day_rollup']) {
      await db.query(`ALTER TABLE ${table} ALTER COLUMN payments_amount_vnd TYPE numeric`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['unit_day_rollup', 'agency_day_rollup']) {
      await db.query(`ALTER TABLE ${table} ALTER COLUMN payments_amount_vnd TYPE bigint`);
    }
    await db.query(`DROP INDEX pending_dossier_queued_idx`);
    await db.query(`DROP TABLE set_aside_dossier`);
  }
}
