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
        extra: { max: 10, application_name: 'ioc-api' },
      }),
    }),
  ],
})
export class DatabaseModule {}
