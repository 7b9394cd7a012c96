/**
 * The API with a live stream of events, for the video wall's soak benchmark and for looking at
 * the wall by hand: a fresh database on a PostgreSQL server, the real app in this process, a
 * backfill of past weeks and then events every second.
 *
 *   npm run wall:demo      # serves http://127.0.0.1:3900/wall?token=… until Ctrl-C
 *   WALL_PROVINCE=dong-nai-2025 npm run wall:demo        # Đồng Nai 2025, 95 communes
 *   WALL_PROVINCE=dong-nai-2025 WALL_UNITS=168 npm run wall:demo   # grown to 168 (synthetic)
 *
 * The database server: WALL_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 */
import { Client } from 'pg';
import { DEFAULT_DEMO_PROVINCE, demoProvinces, type DemoProvince } from '@ioc/domain/demo';
import { syntheticAdditions, syntheticDirectory } from '../support/synthetic-province';
import {
  adminToken,
  issueWallToken,
  postEvents,
  WallTraffic,
  type TrafficDirectory,
} from '../support/wall-traffic';

export interface WallStack {
  url: string;
  wallToken: string;
  traffic: WallTraffic;
  /** Posts one live second of events; resolves with how many were accepted. */
  tick(received?: number): Promise<number>;
  close(): Promise<void>;
}

export interface WallStackOptions {
  port: number;
  database: string;
  backfillDays?: number;
  perDay?: number;
  seed?: number;
  province?: DemoProvince;
  /** Grow Đồng Nai 2025 to this many communes with made-up ones (synthetic-province.ts). */
  units?: number;
}

const SERVER =
  process.env.WALL_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const urlFor = (database: string) =>
  Object.assign(new URL(SERVER), { pathname: `/${database}` }).toString();

async function admin(text: string): Promise<void> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function startWallStack(options: WallStackOptions): Promise<WallStack> {
  if (!/^[a-z0-9_]+$/.test(options.database)) throw new Error(`database name: ${options.database}`);
  await admin(`DROP DATABASE IF EXISTS ${options.database} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${options.database}`);
  Object.assign(process.env, {
    DATABASE_URL: urlFor(options.database),
    PORT: String(options.port),
    DEMO: 'on',
    DEMO_PROVINCE: options.province ?? DEFAULT_DEMO_PROVINCE,
    SIMULATOR: 'off',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  // Loaded after the environment is set: the app reads its configuration once, at start.
  const { createApp } = await import('../../apps/api/src/main');
  const app = await createApp();
  await app.listen(options.port, '127.0.0.1');
  const url = `http://127.0.0.1:${options.port}`;

  let directory = demoProvinces[options.province ?? DEFAULT_DEMO_PROVINCE]
    .directory as TrafficDirectory;
  if (options.units) {
    if (options.province !== 'dong-nai-2025') throw new Error('units: grows dong-nai-2025 only');
    const response = await fetch(`${url}/api/v1/directory/import`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${await adminToken(url)}`,
      },
      body: JSON.stringify(syntheticAdditions(options.units)),
    });
    if (!response.ok) throw new Error(`directory import: ${response.status}`);
    directory = syntheticDirectory(options.units);
  }
  const traffic = new WallTraffic(directory, options.seed ?? 7);
  const started = Date.now();
  const accepted = await postEvents(
    url,
    traffic.backfill(Date.now(), options.backfillDays ?? 60, options.perDay ?? 120),
  );
  console.log(`backfill: ${accepted} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const wallToken = await issueWallToken(url, 'Wall benchmark');

  return {
    url,
    wallToken,
    traffic,
    tick: (received = 2) => postEvents(url, traffic.tick(Date.now(), received), { wait: false }),
    async close() {
      await app.close();
      await admin(`DROP DATABASE IF EXISTS ${options.database} WITH (FORCE)`);
    },
  };
}

async function demo(): Promise<void> {
  const port = Number(process.env.PORT_WALL ?? 3900);
  const province = (process.env.WALL_PROVINCE ?? DEFAULT_DEMO_PROVINCE) as DemoProvince;
  if (!(province in demoProvinces)) throw new Error(`WALL_PROVINCE: ${province}`);
  const units = process.env.WALL_UNITS ? Number(process.env.WALL_UNITS) : undefined;
  const stack = await startWallStack({ port, database: `ioc_wall_demo_${port}`, province, units });
  console.log(`wall: ${stack.url}/wall?token=${stack.wallToken}`);
  const timer = setInterval(
    () => void stack.tick().catch((error: Error) => console.error(error.message)),
    1_000,
  );
  const stop = () => {
    clearInterval(timer);
    void stack.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  demo().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
