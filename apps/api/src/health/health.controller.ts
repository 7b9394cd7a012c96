import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/principal';
import { HealthResponse } from './dto/health-response';
import { HealthIndicators } from './health.indicators';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly checks: HealthCheckService,
    private readonly indicators: HealthIndicators,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Up when the database answers; says how far the figures are behind the events',
    description:
      '503 while the database does not answer. `status` is `degraded` while the oldest event not ' +
      'yet derived has waited longer than a minute; `projection` gives the queue and the dossiers set aside.',
  })
  @ApiOkResponse({ type: HealthResponse })
  check() {
    return this.health.check();
  }

  /** For an orchestrator's liveness probe: restart the process only if this fails. */
  @Public()
  @Get('live')
  @HealthCheck()
  @ApiOperation({
    summary: 'Liveness: the process answers (whatever the database does)',
    description: 'Always 200 while the process runs; a database outage is for `ready` to say.',
  })
  live() {
    return this.checks.check([]);
  }

  /** For a load balancer's readiness probe: send traffic only while this is 200. */
  @Public()
  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: the database answers; the projection follows or lags',
    description:
      '200 with `database` up (its latency) and `projection` up or `degraded` (the queue, the ' +
      'oldest wait, the dossiers set aside); 503 while the database does not answer, with no ' +
      'error text from the driver.',
  })
  ready() {
    return this.checks.check([
      () => this.indicators.database(),
      () => this.indicators.projectionFollows(),
    ]);
  }
}
