import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { ProjectionModule } from '../projection/projection.module';
import { DossierStatusRepository } from './dossier-status.repository';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';
import { Scopes } from './scopes';

@Module({
  imports: [AuthModule, CalendarModule, DirectoryModule, ProjectionModule],
  controllers: [MetricsController],
  providers: [DossierStatusRepository, MetricsRepository, MetricsService, Scopes],
  exports: [DossierStatusRepository, MetricsService, Scopes],
})
export class MetricsModule {}
