import { Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionService } from '../projection/projection.service';
import { HealthRepository } from './health.repository';

/** The figures are behind the events once the oldest event not yet derived waits this long. */
export const LAGGING_AFTER_MS = 60_000;

/** What readiness is made of; a cause goes to the log, never to whoever polls. */
@Injectable()
export class HealthIndicators {
  private readonly logger = new Logger(HealthIndicators.name);

  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly repository: HealthRepository,
    private readonly projection: ProjectionService,
  ) {}

  async database() {
    const check = this.indicator.check('database');
    const started = performance.now();
    try {
      await this.repository.ping();
    } catch (error) {
      this.logger.error(`Ready: the database does not answer: ${(error as Error).message}`);
      return check.down({ message: 'The database does not answer' });
    }
    return check.up({ latencyMs: Math.round((performance.now() - started) * 10) / 10 });
  }

  async projectionFollows() {
    const check = this.indicator.check('projection');
    try {
      const status = await this.projection.status();
      const details = {
        queued: status.length,
        oldestQueuedSeconds: Math.round(status.oldestAgeMs / 100) / 10,
        figuresAsOf: new Date(status.asOf).toISOString(),
        setAside: status.setAside,
      };
      // Lagging figures are still served: degraded, not down.
      return status.oldestAgeMs > LAGGING_AFTER_MS ? check.degraded(details) : check.up(details);
    } catch {
      return check.down({ message: 'Unknown while the database does not answer' });
    }
  }
}
