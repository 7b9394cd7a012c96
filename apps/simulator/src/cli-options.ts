import { DEFAULT_ZONE } from '@ioc/domain';
import { DEFAULT_DEMO_PROVINCE, DEMO_PROVINCES, DemoProvince } from '@ioc/domain/demo';
import { DateTime } from 'luxon';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_SCALE } from './run-simulator';

export const USAGE = `Usage: node dist/apps/simulator/main.js --key KEY [options]

Posts a simulated stream of dossier, payment, rating and staffing events for the demo province
to the ingest API: on the first start the last months (backfill), then live every second.

  --api URL               the API's base URL                       (default http://127.0.0.1:3000)
  --key KEY               the ingest key sent as X-Api-Key         (required, e.g. demo-ingest-key)
  --province NAME         the demo province, as the API's DEMO_PROVINCE (default ${DEFAULT_DEMO_PROVINCE};
                          one of ${DEMO_PROVINCES.join(', ')})
  --seed N                same seed, same stream                   (default 2021)
  --speed N               live volume × N, at real instants        (default 1)
  --scale X               share of the province's real volume      (default ${DEFAULT_SCALE})
  --backfill-months N     history simulated on the first start     (default 13)
  --data-dir DIR          where the state file is kept             (default .data)
  --zone ZONE             calendar days' zone, as the API's TZ_DISPLAY (default ${DEFAULT_ZONE})
  --help                  this text`;

const number = (what: string) => z.coerce.number({ error: `must be ${what}` });

const cliSchema = z.object({
  api: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://127.0.0.1:3000' })
    .default('http://127.0.0.1:3000'),
  key: z
    .string({ error: 'is required: the ingest key sent as X-Api-Key' })
    .trim()
    .min(1, 'must not be empty'),
  province: z
    .enum(DEMO_PROVINCES, { error: `must be one of ${DEMO_PROVINCES.join(', ')}` })
    .default(DEFAULT_DEMO_PROVINCE),
  seed: number('a whole number from 0 to 4294967295')
    .pipe(z.number().int('must be a whole number').min(0).max(4_294_967_295))
    .default(2021),
  speed: number('a number from 1 to 1000').pipe(z.number().min(1).max(1000)).default(1),
  scale: number('a number above 0, at most 10')
    .pipe(z.number().gt(0, 'must be above 0').max(10))
    .default(DEFAULT_SCALE),
  'backfill-months': number('a whole number of months from 0 to 24')
    .pipe(z.number().int('must be a whole number').min(0).max(24))
    .default(13),
  'data-dir': z.string().trim().min(1, 'must not be empty').default('.data'),
  zone: z
    .string()
    .refine((zone) => DateTime.local().setZone(zone).isValid, 'must be an IANA time zone')
    .default(DEFAULT_ZONE),
});

export interface CliOptions {
  apiUrl: string;
  apiKey: string;
  province: DemoProvince;
  seed: number;
  speed: number;
  scale: number;
  backfillMonths: number;
  dataDir: string;
  zone: string;
}

/** A command line the simulator cannot run with; the message says which flag and why. */
export class UsageError extends Error {}

/** The validated options, or `help` when asked for the usage. */
export function parseCliOptions(argv: readonly string[]): CliOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        api: { type: 'string' },
        key: { type: 'string' },
        province: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        scale: { type: 'string' },
        'backfill-months': { type: 'string' },
        'data-dir': { type: 'string' },
        zone: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const { help: _help, ...flags } = values;
  const parsed = cliSchema.safeParse(flags);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `--${issue.path.join('.')} ${issue.message}`,
    );
    throw new UsageError(problems.join('\n'));
  }
  const options = parsed.data;
  return {
    apiUrl: options.api,
    apiKey: options.key,
    province: options.province,
    seed: options.seed,
    speed: options.speed,
    scale: options.scale,
    backfillMonths: options['backfill-months'],
    dataDir: options['data-dir'],
    zone: options.zone,
  };
}
