import type { ClientConfig } from '@ioc/domain';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { AppConfig } from '../config/app-config';

@ApiTags('client-config')
@Controller('client-config')
export class ClientConfigController {
  constructor(private readonly config: AppConfig) {}

  /** What a screen needs before it shows a day or a time; nothing secret, so no token either. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'What a screen needs before showing a day or a time (no token)' })
  @ApiOkResponse({
    description: 'The display zone (TZ_DISPLAY) every calendar day and time of day is shown in',
    schema: {
      type: 'object',
      required: ['zone'],
      properties: { zone: { type: 'string', example: 'Asia/Ho_Chi_Minh' } },
    },
  })
  clientConfig(): ClientConfig {
    return { zone: this.config.zone };
  }
}
