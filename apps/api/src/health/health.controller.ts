import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/principal';
import { Clock } from '../clock/clock';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Up when the database answers; load balancers and docker-compose poll it. */
  @Public()
  @Get()
  async health() {
    const started = performance.now();
    try {
      await this.db.query('SELECT 1');
    } catch (error) {
      throw new ServiceUnavailableException({ status: 'down', database: (error as Error).message });
    }
    return {
      status: 'ok',
      time: new Date(this.clock.now()).toISOString(),
      database: { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 },
    };
  }
}
