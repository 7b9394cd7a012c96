import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProjectionModule } from '../projection/projection.module';
import { HealthController } from './health.controller';
import { HealthIndicators } from './health.indicators';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

@Module({
  imports: [ProjectionModule, TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [HealthRepository, HealthService, HealthIndicators],
})
export class HealthModule {}
