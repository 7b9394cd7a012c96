import 'reflect-metadata';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule, AppOptions } from './app.module';
import { answerBodyParserErrors } from './common/body-parser-errors';
import { applyHttpSecurity } from './common/http-security';
import { AppConfig } from './config/app-config';
import { DemoSimulator } from './demo/demo-simulator';
import { userInfo } from 'node:os';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { ROLES, Role } from './auth/principal';
import { RebuildService } from './projection/rebuild.service';
import { LiveIoAdapter } from './live/live-io.adapter';
import { RedisIoAdapter } from './live/redis-io.adapter';
import { httpMetrics } from './observability/http-metrics';
import { ObservabilityService } from './observability/observability.service';

/**
 * The application, built one way for production and for every test: modules, body parsers,
 * prefix, socket adapter and OpenAPI. Not listening yet.
 */
export async function createApp(options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  const config = app.get(AppConfig);
  if (config.redisUrl) {
    const adapter = new RedisIoAdapter(app, config.corsOrigins, config.redisUrl);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  } else {
    app.useWebSocketAdapter(new LiveIoAdapter(app, config.corsOrigins));
  }
  app.useLogger(app.get(Logger));
  // First, so every request is timed, whoever answers it.
  app.use(httpMetrics(app.get(ObservabilityService)));
  applyHttpSecurity(app, config);
  // Scrapers look for /metrics at the root.
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('text', { type: 'text/csv', limit: config.bodyLimit });
  app.use(answerBodyParserErrors);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IOC — cải cách hành chính')
      .setDescription(
        'Ingest, metrics, rankings and alerts of administrative-procedure dossiers (SPEC §3–§6)',
      )
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', name: 'X-Api-Key', in: 'header' }, 'ingest-key')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document));
  return app;
}

/** Commands run on the server are audited under the system user who ran them. */
const commandActor = () => ({ name: `cli:${userInfo().username}`, address: null });

async function runCommand(app: INestApplication, [command, ...args]: string[]): Promise<void> {
  if (command === 'migrate') return; // migrations run when the app starts
  if (command === 'rebuild') {
    const report = await app.get(RebuildService).rebuild();
    await app.get(AuditService).record(commandActor(), {
      action: 'projection.rebuild',
      details: { dossiers: report.dossiers, setAside: report.setAside.length },
    });
    // The log gives the totals; the person running `npm run rebuild` also reads what was set aside.
    for (const dossier of report.setAside.slice(0, 20))
      console.log(`  set aside ${dossier.dossierId}: ${dossier.reason}`);
    if (report.setAside.length > 20) console.log(`  … the rest at GET /api/v1/admin/set-aside`);
    return;
  }
  if (command === 'create-user') {
    // The first administrator of a production install; the password never appears in `ps`.
    const [username, role, unitCode] = args;
    const password = process.env.USER_PASSWORD;
    if (!username || !ROLES.includes(role as Role) || !password) {
      throw new Error(
        `Usage: USER_PASSWORD=… main.js create-user <username> <${ROLES.join('|')}> [unitCode]`,
      );
    }
    await app.get(AuthService).createUser({ username, password, role: role as Role, unitCode });
    await app.get(AuditService).record(commandActor(), {
      action: 'user.create',
      target: username,
      details: { role, unitCode: unitCode ?? null },
    });
    return;
  }
  throw new Error(`Unknown command "${command}": use migrate, rebuild or create-user`);
}

/** Longest wait for in-flight work at shutdown before giving up with exit code 1. */
const SHUTDOWN_GRACE_MS = 30_000;

/**
 * SIGTERM / SIGINT (an orchestrator, Ctrl-C): Nest's close in its order — the projector finishes
 * its current pass and stops, live timers stop, sockets are closed (clients reconnect to another
 * instance), the HTTP server stops accepting and waits for the requests in flight, then the
 * database pool and the simulator close — and the process exits 0.
 */
function stopGracefullyOnSignals(app: INestApplication, logger: Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.log(
      `${signal}: finishing the requests in flight and the projection pass, then stopping`,
    );
    setTimeout(() => {
      logger.error(`Not stopped after ${SHUTDOWN_GRACE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => {
        logger.log('Stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const command = process.argv.slice(2);
  const app = await createApp();
  if (command.length) {
    // Logs are buffered until `listen`, which a command never calls: print them as they come.
    app.flushLogs();
    await app.init();
    await runCommand(app, command);
    await app.close();
    return;
  }
  const port = app.get(AppConfig).port;
  await app.listen(port);
  const logger = app.get(Logger);
  logger.log(`IOC listening on http://localhost:${port}: wall at /wall, API docs at /api/docs`);
  stopGracefullyOnSignals(app, logger);
  app.get(DemoSimulator).start();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // Configuration errors name the variable; print them plainly and stop.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
