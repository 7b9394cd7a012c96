import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { RankingsModule } from '../rankings/rankings.module';
import { BriefingController } from './briefing.controller';
import { BriefingPdfService } from './briefing-pdf.service';
import { BriefingRepository } from './briefing.repository';
import { BriefingScheduler } from './briefing.scheduler';
import { BriefingService } from './briefing.service';

@Module({
  imports: [
    AuthModule,
    CalendarModule,
    DirectoryModule,
    MetricsModule,
    RankingsModule,
    AlertsModule,
  ],
  controllers: [BriefingController],
  providers: [BriefingRepository, BriefingService, BriefingScheduler, BriefingPdfService],
  exports: [BriefingService],
})
export class BriefingModule {}
