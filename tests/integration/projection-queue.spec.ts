import { Client } from 'pg';
import { ProjectionRepository } from '../../apps/api/src/projection/projection.repository';
import { VACUUM_QUEUE_EVERY } from '../../apps/api/src/projection/projector';
import { atCommune, received, testProcedure } from '../support/events';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The projection's queue is a table every pass deletes from. Its dead rows must not pile up
 * waiting for autovacuum (off on this machine's PostgreSQL, a minute away at best elsewhere):
 * in a five-minute run at 4,000 events/s they reached 630,000 and the projection fell further
 * behind with every pass. The projector vacuums the queue itself as it goes, and the vacuum
 * must not wait for the ingests and passes that write to the queue all the time.
 */
const NOW = '2026-11-20T17:00:00+07:00';
const PROCEDURE = testProcedure('QUEUE-P1', 3);
const where = atCommune('25195', PROCEDURE.code);
const BATCH = 5_000;

describe('the projection queue', () => {
  let t: TestApp;
  let db: Client;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await t.importProcedures([PROCEDURE]);
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function queueVacuums(): Promise<number> {
    const { rows } = await db.query<{ vacuums: number }>(
      `SELECT vacuum_count::int AS vacuums FROM pg_stat_user_tables WHERE relname = 'pending_dossier'`,
    );
    return rows[0].vacuums;
  }

  it('is vacuumed by the projector once it has taken enough dossiers', async () => {
    expect(await queueVacuums()).toBe(0);
    for (let start = 0; start < VACUUM_QUEUE_EVERY; start += BATCH) {
      const events = Array.from({ length: BATCH }, (_, i) =>
        received(`QUEUE-${start + i}`, '2026-11-20T08:00:00', { ...where, channel: 'online' }),
      );
      // Answered once the figures hold them: the pass, and the vacuum after it, are done.
      expect((await t.ingest(events)).status).toBe(202);
    }
    const { rows } = await db.query<{ queued: number; dossiers: number }>(
      `SELECT (SELECT count(*)::int FROM pending_dossier) AS queued,
              (SELECT count(*)::int FROM dossier) AS dossiers`,
    );
    expect(rows[0]).toEqual({ queued: 0, dossiers: VACUUM_QUEUE_EVERY });
    // The statistics reach pg_stat_user_tables within a second or so of the vacuum.
    const deadline = Date.now() + 10_000;
    while ((await queueVacuums()) === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await queueVacuums()).toBeGreaterThanOrEqual(1);
  });

  it('is vacuumed without waiting for those writing to it', async () => {
    // Empty pages at the queue's end, as after any burst the projector has drained. One
    // transaction, so the projector never sees these rows as dossiers to derive.
    await db.query(
      `BEGIN;
       INSERT INTO pending_dossier (dossier_id) SELECT 'VACUUM-' || g FROM generate_series(1, 20000) g;
       DELETE FROM pending_dossier WHERE dossier_id LIKE 'VACUUM-%';
       COMMIT`,
    );
    // An ingest under way: its transaction holds the queue's row-exclusive lock.
    const writer = new Client({ connectionString: t.databaseUrl });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('LOCK TABLE pending_dossier IN ROW EXCLUSIVE MODE');
      const started = performance.now();
      await t.app.get(ProjectionRepository).vacuumQueue();
      // Giving the empty pages back needs the table to itself: 5 s waiting for the writer.
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await writer.query('ROLLBACK');
      await writer.end();
    }
  });
});
