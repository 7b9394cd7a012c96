import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly briefings, frozen once their week is over (one row per week and scope: two instances
 * asked at once keep one), and an index to count the events stored after a briefing was frozen
 * (those whose instant lies before the week's end changed what it would now say). The count is
 * kept up to `events_counted_until`, so each request reads only the events stored since.
 */
export class BriefingSnapshots1764500000000 implements MigrationInterface {
  name = 'BriefingSnapshots1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE briefing_snapshot (
        week text NOT NULL,
        scope text NOT NULL,
        figures jsonb NOT NULL,
        checksum text NOT NULL,
        definitions_version integer NOT NULL,
        frozen_at timestamptz NOT NULL,
        events_before timestamptz NOT NULL,
        events_counted_until timestamptz NOT NULL,
        events_counted integer NOT NULL DEFAULT 0,
        regenerated_by text,
        PRIMARY KEY (week, scope)
      )`);
    await db.query(`CREATE INDEX event_ingested_idx ON event (ingested_at) INCLUDE (occurred_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX event_ingested_idx`);
    await db.query(`DROP TABLE briefing_snapshot`);
  }
}
