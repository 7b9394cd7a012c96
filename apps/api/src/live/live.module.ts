import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { ProjectionModule } from '../projection/projection.module';
import { RankingsModule } from '../rankings/rankings.module';
import { DataChangeChannel } from './data-change-channel';
import { LiveAccessWatch } from './live-access';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';

@Module({
  imports: [
    AlertsModule,
    AuthModule,
    CalendarModule,
    DirectoryModule,
    MetricsModule,
    ProjectionModule,
    RankingsModule,
  ],
  providers: [LiveGateway, LiveService, LiveAccessWatch, DataChangeChannel],
  exports: [LiveService, DataChangeChannel],
})
export class LiveModule {}
