import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { DossierProjection } from './dossier-projection';
import { ProjectionRepository } from './projection.repository';
import { ProjectionService } from './projection.service';
import { DossierProjector } from './projector';
import { RebuildService } from './rebuild.service';
import { SetAsideController } from './set-aside.controller';

/** From the event log to the derived tables: the queue, the projector, rebuilds, dossiers set aside. */
@Module({
  imports: [CalendarModule, DirectoryModule],
  controllers: [SetAsideController],
  providers: [
    ProjectionRepository,
    DossierProjection,
    DossierProjector,
    ProjectionService,
    RebuildService,
  ],
  exports: [DossierProjection, DossierProjector, ProjectionService, RebuildService],
})
export class ProjectionModule {}
