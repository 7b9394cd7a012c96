import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection queue empties and fills many times a second, so a vacuum nearly always finds
 * empty pages at its end and tries to give them back to the system. That needs the table's
 * exclusive lock, which every ingest and every pass holds against it: the vacuum then waits up
 * to 5 s for a gap (the projector, which vacuums the queue itself, with it), and once it has the
 * lock, ingests wait behind it. Measured in the topology benchmark: screens frozen for 8 s, ingest
 * answered after 2 s. The pages are reused by the next inserts anyway, so the queue keeps them.
 */
export class QueueWithoutTruncation1764720000000 implements MigrationInterface {
  name = 'QueueWithoutTruncation1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE pending_dossier SET (vacuum_truncate = false)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE pending_dossier RESET (vacuum_truncate)`);
  }
}
