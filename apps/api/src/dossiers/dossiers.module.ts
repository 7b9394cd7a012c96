import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { ExportsModule } from '../exports/exports.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ProjectionModule } from '../projection/projection.module';
import { DossiersController } from './dossiers.controller';
import { DossiersRepository } from './dossiers.repository';
import { DossiersService } from './dossiers.service';

@Module({
  imports: [
    AuthModule,
    CalendarModule,
    DirectoryModule,
    MetricsModule,
    ProjectionModule,
    ExportsModule,
  ],
  controllers: [DossiersController],
  providers: [DossiersService, DossiersRepository],
})
export class DossiersModule {}
