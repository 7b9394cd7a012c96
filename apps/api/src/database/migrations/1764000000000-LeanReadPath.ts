import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the reads of a window need, and nothing more:
 * - dossiers open at a past instant are counted from the open-range index alone (it carries unit
 *   and agency), and each state (paused, overdue, due soon) through an index of its own over the
 *   few dossiers that ever were in it;
 * - "paid after `to`" is a range of the first payment's instant, empty for a window ending now
 *   (the unpaid range it replaces held every unpaid dossier);
 * - ranked units sum their units' figures in memory, so the unit-tree closure goes.
 */
export class LeanReadPath1764000000000 implements MigrationInterface {
  name = 'LeanReadPath1764000000000';

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
    // Ranked units now sum their subtrees in memory: the ancestor closure is read no more.
    await db.query(`DROP TABLE unit_ancestor`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE unit_ancestor (
        unit_code text NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
        ancestor_code text NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
        ancestor_level text NOT NULL,
        PRIMARY KEY (ancestor_code, unit_code)
      )`);
    await db.query(
      `CREATE INDEX unit_ancestor_unit_idx ON unit_ancestor (unit_code, ancestor_level)`,
    );
    await db.query(`
      WITH RECURSIVE up AS (
        SELECT code AS unit_code, code AS ancestor_code, parent_code FROM unit
        UNION ALL
        SELECT up.unit_code, u.code, u.parent_code FROM up JOIN unit u ON u.code = up.parent_code)
      INSERT INTO unit_ancestor (unit_code, ancestor_code, ancestor_level)
      SELECT up.unit_code, up.ancestor_code, u.level FROM up JOIN unit u ON u.code = up.ancestor_code`);
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
