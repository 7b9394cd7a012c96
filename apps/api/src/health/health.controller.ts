import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Up when the database answers; says how far the figures are behind the events',
    description:
      '503 while the database does not answer. `status` is `degraded` while the oldest event not ' +
      'yet derived has waited longer than a minute; `projection` gives the queue and the dossiers set aside.',
  })
  check() {
    return this.health.check();
  }
}
