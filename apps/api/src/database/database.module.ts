import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DatabaseServer } from './database-server';
import { migrateWithLock } from './migrate-with-lock';
import { MIGRATIONS } from './migrations';

@Module({ providers: [DatabaseServer], exports: [DatabaseServer] })
class DatabaseServerModule {}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DatabaseServer],
      useFactory: async (server: DatabaseServer) => ({
        type: 'postgres' as const,
        url: await server.connectionUrl(),
        migrations: MIGRATIONS,
        // Schema changes only through migrations.
        synchronize: false,
        // A database that does not answer fails a request in seconds (503), not after minutes.
        extra: { max: 10, application_name: 'ioc-api', connectionTimeoutMillis: 5_000 },
      }),
      // Migrations run at every start, one instance at a time.
      dataSourceFactory: async (options?: DataSourceOptions) => {
        if (!options) throw new Error('The database options are missing');
        const dataSource = await new DataSource(options).initialize();
        await migrateWithLock(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
