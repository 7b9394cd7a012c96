import { Module } from '@nestjs/common';
import { ClientConfigController } from './client-config.controller';

/** The server settings a browser needs (the display zone), public and read-only. */
@Module({ controllers: [ClientConfigController] })
export class ClientConfigModule {}
