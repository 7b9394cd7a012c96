import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { DossierProjection } from './dossier-projection';
import { DossierProjector } from './dossier-projector';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';
import { RebuildService } from './rebuild.service';

@Module({
  imports: [AuthModule, CalendarModule, DirectoryModule, MetricsModule],
  controllers: [DossiersController],
  providers: [DossierProjection, DossierProjector, DossiersService, RebuildService],
  exports: [DossierProjector, RebuildService],
})
export class DossiersModule {}
