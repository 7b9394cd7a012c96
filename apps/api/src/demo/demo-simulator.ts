import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_INGEST_KEY } from '../auth/auth.service';
import { AppConfig } from '../config/app-config';

/**
 * Runs the simulator (apps/simulator) beside the API in demo mode: it backfills the history on
 * the first start, then posts the live stream to this API with the demo ingest key, through the
 * same ingest path as any source system.
 */
@Injectable()
export class DemoSimulator implements OnApplicationShutdown {
  private readonly logger = new Logger(DemoSimulator.name);
  private child: ChildProcess | undefined;
  private stopping = false;

  constructor(private readonly config: AppConfig) {}

  start(): void {
    if (!this.config.simulator) return;
    const entry = resolve('dist/apps/simulator/main.js');
    if (!existsSync(entry)) {
      this.logger.warn(`Simulator not built (${entry}); run "npm run build" or set SIMULATOR=off`);
      return;
    }
    const args = [
      entry,
      '--api',
      `http://127.0.0.1:${this.config.port}`,
      '--key',
      DEMO_INGEST_KEY,
      '--province',
      this.config.demoProvince,
      '--data-dir',
      this.config.dataDir,
      '--zone',
      this.config.zone,
      '--speed',
      String(this.config.simulatorSpeed),
    ];
    this.child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    this.logger.log(
      `Simulator started for ${this.config.demoProvince} (pid ${this.child.pid}, speed ×${this.config.simulatorSpeed})`,
    );
    this.child.once('exit', (code, signal) => {
      if (!this.stopping)
        this.logger.error(`Simulator stopped (code ${code ?? '-'}, signal ${signal ?? '-'})`);
    });
  }

  onApplicationShutdown(): void {
    this.stopping = true;
    this.child?.kill('SIGTERM');
  }
}
