import { DataSource } from 'typeorm';

/** One key for the whole schema: instances starting together take turns to migrate. */
export const MIGRATION_LOCK = 7_340_002;

/**
 * Runs the pending migrations while holding a session advisory lock, so two instances started at
 * once on an empty database do not both create the same tables; the second finds nothing to do.
 */
export async function migrateWithLock(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
