/**
 * The API with a live stream of events, for the video wall's soak benchmark and for looking at
 * the wall by hand: a fresh database on a PostgreSQL server, the real app in this process, a
 * backfill of past weeks and then events every second.
 *
 *   npm run wall:demo      # serves http://127.0.0.1:3900/wall?token=… until Ctrl-C
 *
 * The database server: WALL_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 */
import { Client } from 'pg';
import { binhPhuocDirectory as directory } from '@ioc/domain/demo';
import { issueWallToken, postEvents, WallTraffic } from '../support/wall-traffic';

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
    SIMULATOR: 'off',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  // Loaded after the environment is set: the app reads its configuration once, at start.
  const { createApp } = await import('../../apps/api/src/main');
  const app = await createApp();
  await app.listen(options.port, '127.0.0.1');
  const url = `http://127.0.0.1:${options.port}`;

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
  const stack = await startWallStack({ port, database: 'ioc_wall_demo' });
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
