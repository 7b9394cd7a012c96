import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { ProjectionService } from '../projection/projection.service';
import { LAGGING_AFTER_MS } from './health.indicators';
import { HealthRepository } from './health.repository';

@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    private readonly repository: HealthRepository,
    private readonly projection: ProjectionService,
    private readonly clock: Clock,
  ) {}

  async check() {
    const started = performance.now();
    try {
      await this.repository.ping();
    } catch (error) {
      // The cause goes to the log, not to whoever polls this.
      this.logger.error(`Health: the database does not answer: ${(error as Error).message}`);
      throw new ServiceUnavailableException({ status: 'down', database: { status: 'down' } });
    }
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const projection = await this.projection.status();
    const lagging = projection.oldestAgeMs > LAGGING_AFTER_MS;
    return {
      status: lagging ? 'degraded' : 'ok',
      time: new Date(this.clock.now()).toISOString(),
      database: { status: 'up', latencyMs },
      projection: {
        status: lagging ? 'lagging' : 'following',
        queued: projection.length,
        oldestQueuedSeconds: Math.round(projection.oldestAgeMs / 100) / 10,
        figuresAsOf: new Date(projection.asOf).toISOString(),
        setAside: projection.setAside,
      },
    };
  }
}
