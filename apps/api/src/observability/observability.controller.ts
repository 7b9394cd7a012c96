import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/principal';
import { MetricsTokenGuard } from './metrics-token.guard';
import { ObservabilityService } from './observability.service';

/** `GET /metrics`, outside `/api/v1` where scrapers look for it. */
@ApiTags('operations')
@Controller('metrics')
export class ObservabilityController {
  constructor(private readonly observability: ObservabilityService) {}

  @Public()
  @UseGuards(MetricsTokenGuard)
  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics of this instance',
    description:
      'HTTP requests by route and status, events ingested, the projection queue and passes, the ' +
      'live stream, process and event loop. With METRICS_TOKEN set, send it as a bearer token.',
  })
  @ApiOkResponse({ content: { 'text/plain; version=0.0.4': { schema: { type: 'string' } } } })
  async metrics(@Res() response: Response): Promise<void> {
    const text = await this.observability.exposition();
    // Sent as bytes: for a string Express would rewrite the media type's parameters.
    response.type(this.observability.contentType).send(Buffer.from(text));
  }
}
