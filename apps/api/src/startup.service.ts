import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuthService } from './auth/auth.service';
import { AppConfig } from './config/app-config';
import { DirectoryService } from './directory/directory.service';

/** Loads the directory into memory and, in demo mode, seeds the demo directory and accounts. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly directory: DirectoryService,
    private readonly auth: AuthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.directory.reload();
    if (!this.config.demo) return;
    await this.directory.seedDemo(this.config.demoProvince);
    await this.auth.seedDemoAccess();
  }
}
