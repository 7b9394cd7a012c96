import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { DossiersController } from './dossiers.controller';
import { DossiersService } from './dossiers.service';

@Module({
  imports: [AuthModule, CalendarModule, DirectoryModule, MetricsModule],
  controllers: [DossiersController],
  providers: [DossiersService],
})
export class DossiersModule {}
