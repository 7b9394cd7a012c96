import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counting dossiers at a past instant without reading their rows: how many were open comes from
 * the open-range index alone (it carries unit and agency), and each state (paused, overdue, due
 * soon) from an index of its own over the few dossiers that ever were in it. "Paid after `to`"
 * is a range of the first payment's instant, empty for a window ending now: the unpaid range
 * it replaces held every unpaid dossier.
 */
export class InstantStateIndexes1764000000000 implements MigrationInterface {
  name = 'InstantStateIndexes1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_open_idx`);
    await db.query(
      `CREATE INDEX dossier_open_idx ON dossier USING gist (open_range) INCLUDE (unit_code, agency_code)`,
    );
    for (const state of ['paused', 'overdue', 'due_soon']) {
      await db.query(
        `CREATE INDEX dossier_${state}_idx ON dossier USING gist (${state}) WHERE NOT isempty(${state})`,
      );
    }
    await db.query(`ALTER TABLE dossier DROP COLUMN unpaid_range`);
    await db.query(
      `CREATE INDEX dossier_first_paid_idx ON dossier (first_paid_at) WHERE fee_vnd > 0 AND first_paid_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dossier_first_paid_idx`);
    await db.query(`ALTER TABLE dossier ADD COLUMN unpaid_range tstzrange`);
    await db.query(`
      UPDATE dossier SET unpaid_range = tstzrange(received_at, greatest(first_paid_at, received_at),
             CASE WHEN first_paid_at >= received_at THEN '[]' ELSE '[)' END)
       WHERE fee_vnd > 0`);
    await db.query(
      `CREATE INDEX dossier_unpaid_idx ON dossier USING gist (unpaid_range) WHERE unpaid_range IS NOT NULL`,
    );
    for (const state of ['paused', 'overdue', 'due_soon']) {
      await db.query(`DROP INDEX dossier_${state}_idx`);
    }
    await db.query(`DROP INDEX dossier_open_idx`);
    await db.query(`CREATE INDEX dossier_open_idx ON dossier USING gist (open_range)`);
  }
}
