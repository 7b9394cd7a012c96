import { Client } from 'pg';
import { cpuMs } from './process-usage';

/**
 * The PostgreSQL server the benchmarks make their own databases on: BENCH_DATABASE_URL, else
 * DATABASE_URL, else the local server.
 */
export const BENCH_SERVER =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of one database on that server. */
export const databaseUrl = (database: string) =>
  Object.assign(new URL(BENCH_SERVER), { pathname: `/${database}` }).toString();

/** One statement on a connection of its own. */
export async function sql<T = unknown>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** CPU time (ms) of the backends connected to a database, by pid. */
export async function backendCpu(database: string): Promise<Map<number, number>> {
  const rows = await sql<{ pid: number }>(
    BENCH_SERVER,
    `SELECT pid FROM pg_stat_activity WHERE datname = $1`,
    [database],
  );
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
}
