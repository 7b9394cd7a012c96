import {
  DEFAULT_METRIC_SETTINGS,
  DEFAULT_ZONE,
  isTimeZone,
  mergeMetricSettings,
  MetricSettings,
  metricSettingsOverrideSchema,
} from '@ioc/domain';
import { DEFAULT_DEMO_PROVINCE, DEMO_PROVINCES, DemoProvince } from '@ioc/domain/demo';
import { LOG_FORMATS, LogFormat, logFormatFor } from '@ioc/logging';
import { isIP } from 'node:net';
import { z } from 'zod';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be "on" or "off"' })
  .transform((value) => ['on', 'true', '1'].includes(value));

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a subnet (`10.0.0.0/8`) or one of Express's names for a range. */
const isProxyAddress = (entry: string) => {
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length) return false;
  if (prefix === undefined) return PROXY_NAMES.includes(address) || isIP(address) !== 0;
  const bits = Number(prefix);
  const version = isIP(address);
  return version !== 0 && Number.isInteger(bits) && bits >= 0 && bits <= (version === 4 ? 32 : 128);
};

/**
 * Whom to believe about the client's address (Express `trust proxy`): a number of proxies in
 * front, or their addresses / subnets. "Everyone" is refused: any client could then choose the
 * address it is counted under.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      if (hops >= 1 && hops <= 10) return hops;
    } else {
      const entries = text.split(',').map((entry) => entry.trim());
      if (entries.every(isProxyAddress)) return entries;
    }
    ctx.addIssue({
      code: 'custom',
      message:
        'must be the number of proxies in front (1–10), or their addresses or subnets ' +
        `(comma-separated; or ${PROXY_NAMES.join(', ')}), e.g. "loopback" or "172.16.0.0/12"`,
    });
    return z.NEVER;
  })
  .optional();

/** Browser origins allowed to call the API from another site: `https://host[:port]`, comma-separated. */
const corsOrigins = z
  .string()
  .transform((text, ctx) => {
    const origins = text
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const origin of origins) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
        ctx.addIssue({
          code: 'custom',
          message: `"${origin}" is not an origin such as https://ioc.example.gov.vn (scheme, host, port; no path)`,
        });
      }
    }
    return origins;
  })
  .default([]);

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
    DEMO_PROVINCE: z
      .enum(DEMO_PROVINCES, { error: `must be one of ${DEMO_PROVINCES.join(', ')}` })
      .default(DEFAULT_DEMO_PROVINCE),
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
    LOG_FORMAT: z.enum(LOG_FORMATS).or(z.literal('')).optional(),
    METRIC_SETTINGS: metricSettingsOverride,
    BODY_LIMIT: z.string().default('8mb'),
    LIVE_TICK_MS: z.coerce.number().int().min(50).max(5_000).default(250),
    ACCESS_RECHECK_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
    /** Debian's Chromium, which prints the briefing's PDF (the production image installs it). */
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
    LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    LIVE_RANKING_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    TRUST_PROXY: trustProxy,
    INGEST_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(100),
    CORS_ORIGINS: corsOrigins,
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
  /** The demo directory seeded in demo mode, which the simulator's stream is drawn from. */
  readonly demoProvince: DemoProvince;
  readonly simulator: boolean;
  /** The simulated live stream's volume, × the province's real rhythm. */
  readonly simulatorSpeed: number;
  /** The IANA zone of every calendar day, on the server and on screens (GET /client-config). */
  readonly zone: string;
  /** Unset only in demo mode, which then makes its own (SigningSecret). */
  readonly jwtSecret: string | undefined;
  readonly jwtTtlSeconds: number;
  readonly dataDir: string;
  readonly embeddedDbPort: number;
  readonly logLevel: string;
  /** LOG_FORMAT, else pretty in a terminal and JSON lines otherwise. */
  readonly logFormat: LogFormat;
  readonly metricSettings: MetricSettings;
  readonly bodyLimit: string;
  /** Shortest time between two live ticks: a change starts one at once, bursts coalesce to this. */
  readonly liveTickMs: number;
  /** How often open sockets' tokens and accounts are checked again (revocation on every instance). */
  readonly accessRecheckMs: number;
  /** Longest time between two updates, so time alone (midnight, due dates) reaches screens. */
  readonly liveHeartbeatMs: number;
  /** Shortest time between two rankings sent to a room: a changed ranking waits for it. */
  readonly liveRankingMs: number;
  /** When set, `GET /metrics` needs it as a bearer token. */
  readonly metricsToken: string | undefined;
  /** Express `trust proxy`: the proxies whose X-Forwarded-For tells the client's address. */
  readonly trustProxy: number | readonly string[] | undefined;
  /** Requests a second one ingest key may make (429 beyond). */
  readonly ingestRateLimit: number;
  /** Origins allowed by CORS; none by default. */
  readonly corsOrigins: readonly string[];
  readonly chromiumPath: string;

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
    this.demoProvince = e.DEMO_PROVINCE;
    this.simulator = e.SIMULATOR ?? e.DEMO;
    this.simulatorSpeed = e.SIMULATOR_SPEED;
    this.zone = e.TZ_DISPLAY;
    this.jwtSecret = e.JWT_SECRET;
    this.jwtTtlSeconds = e.JWT_TTL_SECONDS;
    this.dataDir = e.DATA_DIR;
    this.embeddedDbPort = e.EMBEDDED_DB_PORT;
    this.logLevel = e.LOG_LEVEL;
    this.logFormat = logFormatFor(e.LOG_FORMAT, process.stdout.isTTY === true);
    this.metricSettings = mergeMetricSettings(DEFAULT_METRIC_SETTINGS, e.METRIC_SETTINGS ?? {});
    this.bodyLimit = e.BODY_LIMIT;
    this.liveTickMs = e.LIVE_TICK_MS;
    this.accessRecheckMs = e.ACCESS_RECHECK_MS;
    this.liveHeartbeatMs = e.LIVE_HEARTBEAT_MS;
    this.liveRankingMs = e.LIVE_RANKING_MS;
    this.metricsToken = e.METRICS_TOKEN;
    this.trustProxy = e.TRUST_PROXY;
    this.corsOrigins = e.CORS_ORIGINS;
    this.ingestRateLimit = e.INGEST_RATE_LIMIT;
    this.chromiumPath = e.CHROMIUM_PATH;
  }
}
