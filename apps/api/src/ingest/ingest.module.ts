import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { ProjectionModule } from '../projection/projection.module';
import { IngestController } from './ingest.controller';
import { IngestRepository } from './ingest.repository';
import { IngestService } from './ingest.service';

@Module({
  imports: [AuthModule, DirectoryModule, ProjectionModule],
  controllers: [IngestController],
  providers: [IngestRepository, IngestService],
  exports: [IngestService],
})
export class IngestModule {}
