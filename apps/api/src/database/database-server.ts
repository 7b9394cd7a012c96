import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase } from './embedded-database';

/** Where the database is: `DATABASE_URL`, else an embedded server that stops with the app. */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private embedded: EmbeddedDatabase | undefined;

  constructor(private readonly config: AppConfig) {}

  async connectionUrl(): Promise<string> {
    if (this.config.databaseUrl) return this.config.databaseUrl;
    this.embedded ??= new EmbeddedDatabase(this.config.dataDir, this.config.embeddedDbPort);
    return this.embedded.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}
