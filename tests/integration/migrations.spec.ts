import { DataSource } from 'typeorm';
import { migrateWithLock } from '../../apps/api/src/database/migrate-with-lock';
import { MIGRATIONS } from '../../apps/api/src/database/migrations';
import { createDatabase } from '../support/test-database';

/** docker-compose starts two API instances at once on an empty database: both must come up. */
describe('migrations at start-up', () => {
  it('two instances migrating one empty database at once both succeed, each migration run once', async () => {
    const database = await createDatabase(process.env.IOC_TEST_SERVER_URL!);
    const instances = [0, 1].map(
      () => new DataSource({ type: 'postgres', url: database.url, migrations: MIGRATIONS }),
    );
    try {
      await Promise.all(instances.map((dataSource) => dataSource.initialize()));
      await Promise.all(instances.map((dataSource) => migrateWithLock(dataSource)));
      const applied = await instances[0].query<{ name: string }[]>(
        'SELECT name FROM migrations ORDER BY id',
      );
      expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    } finally {
      await Promise.all(instances.map((dataSource) => dataSource.destroy()));
      await database.drop();
    }
  });
});
