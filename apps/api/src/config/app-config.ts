import {
  DEFAULT_METRIC_SETTINGS,
  DEFAULT_ZONE,
  isTimeZone,
  mergeMetricSettings,
  MetricSettings,
  metricSettingsOverrideSchema,
} from '@ioc/domain';
import { z } from 'zod';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be "on" or "off"' })
  .transform((value) => ['on', 'true', '1'].includes(value));

const metricSettingsOverride = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
      return z.NEVER;
    }
  })
  // Each wrong value is named by its path, e.g. METRIC_SETTINGS.score.online.weight.
  .pipe(metricSettingsOverrideSchema)
  .optional();

const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
    DEMO: onOff.default(true),
    SIMULATOR: onOff.optional(),
    SIMULATOR_SPEED: z.coerce.number().min(1).max(1000).default(5),
    TZ_DISPLAY: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Asia/Ho_Chi_Minh')
      .default(DEFAULT_ZONE),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(12 * 3600),
    DATA_DIR: z.string().default('.data'),
    EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    METRIC_SETTINGS: metricSettingsOverride,
    BODY_LIMIT: z.string().default('8mb'),
    LIVE_TICK_MS: z.coerce.number().int().min(50).max(5_000).default(250),
    LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  })
  .refine((env) => env.DEMO || !env.SIMULATOR, {
    message: 'SIMULATOR=on needs DEMO=on: the simulator posts with the demo ingest key',
    path: ['SIMULATOR'],
  })
  .refine((env) => env.DEMO || env.JWT_SECRET, {
    message: 'JWT_SECRET is required when DEMO is off (no default secret outside demo mode)',
    path: ['JWT_SECRET'],
  });

/** Typed, validated configuration; the only place that reads `process.env`. */
export class AppConfig {
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly demo: boolean;
  readonly simulator: boolean;
  /** The simulated live stream's volume, × the province's real rhythm. */
  readonly simulatorSpeed: number;
  /** The IANA zone of every calendar day, on the server and on screens (GET /client-config). */
  readonly zone: string;
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly dataDir: string;
  readonly embeddedDbPort: number;
  readonly logLevel: string;
  readonly metricSettings: MetricSettings;
  readonly bodyLimit: string;
  /** How often the live stream looks for changes: updates are coalesced to this rhythm. */
  readonly liveTickMs: number;
  /** Longest time between two updates, so time alone (midnight, due dates) reaches screens. */
  readonly liveHeartbeatMs: number;

  constructor(env: Record<string, string | undefined> = process.env) {
    const parsed = environmentSchema.safeParse(env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    }
    const e = parsed.data;
    this.port = e.PORT;
    this.databaseUrl = e.DATABASE_URL;
    this.redisUrl = e.REDIS_URL;
    this.demo = e.DEMO;
    this.simulator = e.SIMULATOR ?? e.DEMO;
    this.simulatorSpeed = e.SIMULATOR_SPEED;
    this.zone = e.TZ_DISPLAY;
    // Demo mode is the only place a built-in secret exists, and it says so in its name.
    this.jwtSecret = e.JWT_SECRET ?? 'demo-mode-only-secret-never-use-in-production';
    this.jwtTtlSeconds = e.JWT_TTL_SECONDS;
    this.dataDir = e.DATA_DIR;
    this.embeddedDbPort = e.EMBEDDED_DB_PORT;
    this.logLevel = e.LOG_LEVEL;
    this.metricSettings = mergeMetricSettings(DEFAULT_METRIC_SETTINGS, e.METRIC_SETTINGS ?? {});
    this.bodyLimit = e.BODY_LIMIT;
    this.liveTickMs = e.LIVE_TICK_MS;
    this.liveHeartbeatMs = e.LIVE_HEARTBEAT_MS;
  }
}
