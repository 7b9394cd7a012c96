import type { Briefing, DisplayLocale } from '@ioc/domain';
import { Injectable, OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { BriefingPrinter } from './briefing-printer';

/** The briefing's PDF: the slide view printed by Chromium from the very figures the JSON has. */
@Injectable()
export class BriefingPdfService implements OnApplicationShutdown {
  private readonly printer: BriefingPrinter;

  constructor(private readonly config: AppConfig) {
    this.printer = new BriefingPrinter({
      // Where the API serves the built dashboard from (app.module.ts).
      dashboardDir: join(process.cwd(), 'dist', 'dashboard'),
      chromiumPath: config.chromiumPath,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.printer.close();
  }

  async pdf(briefing: Briefing, locale: DisplayLocale): Promise<Buffer> {
    const missing = this.printer.missing();
    if (missing) throw new ServiceUnavailableException(`The PDF cannot be made here: ${missing}`);
    return this.printer.print({ briefing, zone: this.config.zone }, locale);
  }
}
