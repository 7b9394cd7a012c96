import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { join } from 'node:path';
import { ZodValidationPipe } from 'nestjs-zod';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BriefingModule } from './briefing/briefing.module';
import { EventBusModule } from './bus/event-bus';
import { CalendarModule } from './calendar/calendar.module';
import { ClientConfigModule } from './client-config/client-config.module';
import { Clock, ClockModule } from './clock/clock';
import { AppConfig } from './config/app-config';
import { DatabaseUnavailableFilter } from './common/database-unavailable';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoSimulator } from './demo/demo-simulator';
import { DirectoryModule } from './directory/directory.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { ObservabilityModule } from './observability/observability.module';
import { requestLogParams } from './observability/request-log';
import { ProjectionModule } from './projection/projection.module';
import { RankingsModule } from './rankings/rankings.module';
import { StartupService } from './startup.service';

export interface AppOptions {
  /** The source of "now" (tests move time by hand); the system clock by default. */
  clock?: Clock;
}

@Module({
  imports: [
    ConfigModule,
    EventBusModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        ...requestLogParams(config),
      }),
    }),
    // The built dashboard (apps/dashboard → dist/dashboard), on the API's port.
    ServeStaticModule.forRoot({
      rootPath: join(process.cwd(), 'dist', 'dashboard'),
      exclude: ['/api/{*path}', '/socket.io/{*path}', '/metrics'],
    }),
    DatabaseModule,
    AuditModule,
    CalendarModule,
    DirectoryModule,
    AuthModule,
    ProjectionModule,
    DossiersModule,
    IngestModule,
    MetricsModule,
    RankingsModule,
    AlertsModule,
    BriefingModule,
    LiveModule,
    HealthModule,
    ClientConfigModule,
    ObservabilityModule,
  ],
  providers: [
    StartupService,
    DemoSimulator,
    { provide: APP_PIPE, useClass: ZodValidationPipe },
    { provide: APP_FILTER, useClass: DatabaseUnavailableFilter },
  ],
})
export class AppModule {
  static forRoot(options: AppOptions = {}): DynamicModule {
    return { module: AppModule, imports: [ClockModule.forRoot(options.clock)] };
  }
}
