import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { ProjectionModule } from '../projection/projection.module';
import { IngestRateGuard } from './ingest-rate.guard';
import { IngestController } from './ingest.controller';
import { IngestRepository } from './ingest.repository';
import { IngestService } from './ingest.service';

@Module({
  imports: [
    AuthModule,
    DirectoryModule,
    ProjectionModule,
    // Requests a second per ingest key (IngestRateGuard).
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [{ ttl: 1_000, limit: config.ingestRateLimit }],
    }),
  ],
  controllers: [IngestController],
  providers: [IngestRepository, IngestService, IngestRateGuard],
  exports: [IngestService],
})
export class IngestModule {}
