import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseServer } from './database-server';
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
        migrationsRun: true,
        // Schema changes only through migrations.
        synchronize: false,
        // A database that does not answer fails a request in seconds (503), not after minutes.
        extra: { max: 10, application_name: 'ioc-api', connectionTimeoutMillis: 5_000 },
      }),
    }),
  ],
})
export class DatabaseModule {}
