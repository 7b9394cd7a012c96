import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { DossiersModule } from '../dossiers/dossiers.module';
import { IngestController } from './ingest.controller';
import { IngestRepository } from './ingest.repository';
import { IngestService } from './ingest.service';

@Module({
  imports: [AuthModule, DirectoryModule, DossiersModule],
  controllers: [IngestController],
  providers: [IngestRepository, IngestService],
  exports: [IngestService, IngestRepository],
})
export class IngestModule {}
