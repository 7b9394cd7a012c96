import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { MAX_EVENTS_PER_REQUEST } from '@ioc/domain';
import { IngestKeyGuard } from '../auth/auth.guard';
import { Public } from '../auth/principal';
import { IngestRateGuard } from './ingest-rate.guard';
import { IngestService } from './ingest.service';
import { EVENT_DTOS, INGEST_BODY_SCHEMA, IngestResponse } from './dto/ingest-dtos';

@ApiTags('ingest')
@Controller('events')
export class IngestController {
  constructor(private readonly ingest: IngestService) {}

  @Public()
  // In this order: the rate is counted per key that authenticated.
  @UseGuards(IngestKeyGuard, IngestRateGuard)
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Post events of source systems (SPEC §3); each is stored, a duplicate, or rejected',
  })
  @ApiExtraModels(...EVENT_DTOS)
  @ApiHeader({ name: 'X-Api-Key', required: true, description: 'The source system’s ingest key' })
  @ApiBody({
    description: `{ "events": [ … ] }, at most ${MAX_EVENTS_PER_REQUEST} events (SPEC §3)`,
    schema: INGEST_BODY_SCHEMA,
  })
  @ApiQuery({
    name: 'wait',
    required: false,
    description:
      'true: answer once the figures include these events (read-your-writes); default: once stored',
  })
  @ApiResponse({
    status: 202,
    type: IngestResponse,
    description: 'Stored; invalid events are listed with their reasons, the rest is kept',
  })
  @ApiResponse({ status: 400, description: 'Malformed body' })
  @ApiResponse({ status: 401, description: 'Missing or wrong X-Api-Key' })
  @ApiResponse({
    status: 503,
    description: 'The database does not answer: nothing was stored; try again (Retry-After)',
  })
  @ApiResponse({ status: 413, description: 'Body too large or more than 5,000 events' })
  @ApiResponse({
    status: 429,
    description: 'More than INGEST_RATE_LIMIT requests this second with this key (Retry-After)',
  })
  receive(
    @Body() body: unknown,
    @Req() request: { apiKeyId?: number },
    @Query('wait') wait?: string,
  ) {
    if (wait !== undefined && wait !== 'true' && wait !== 'false') {
      throw new BadRequestException('wait: must be true or false');
    }
    const events = (body as { events?: unknown } | null)?.events;
    if (typeof body !== 'object' || body === null || !Array.isArray(events)) {
      throw new BadRequestException('Body must be a JSON object { "events": [ … ] }');
    }
    if (events.length > MAX_EVENTS_PER_REQUEST) {
      throw new PayloadTooLargeException(
        `At most ${MAX_EVENTS_PER_REQUEST} events a request; this one has ${events.length}`,
      );
    }
    return this.ingest.ingest(events, request.apiKeyId ?? null, wait === 'true');
  }
}
