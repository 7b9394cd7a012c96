import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { ProjectionModule } from '../projection/projection.module';
import { MetricsTokenGuard } from './metrics-token.guard';
import { ObservabilityController } from './observability.controller';
import { ObservabilityService } from './observability.service';

/** What an operator watches: the Prometheus registry of this instance and `GET /metrics`. */
@Module({
  imports: [LiveModule, ProjectionModule],
  controllers: [ObservabilityController],
  providers: [ObservabilityService, MetricsTokenGuard],
  exports: [ObservabilityService],
})
export class ObservabilityModule {}
