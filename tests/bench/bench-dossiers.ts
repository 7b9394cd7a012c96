/**
 * What the read benchmarks share: the built API started on a database of the bench server, and
 * the derived tables filled with generated dossiers.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { COUNTERS, DEFAULT_ZONE } from '@ioc/domain';
import { binhPhuocDirectory as directory } from '@ioc/domain/demo';
import { SUM_IN_PROGRESS_CHANGES } from '../../apps/api/src/projection/in-progress-changes';
import { databaseUrl, sql } from './bench-database';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The built API (`dist/`) on the database, in demo mode without the simulator. */
export async function startApi(database: string, port: number): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const api = spawn('node', ['dist/apps/api/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(database),
      PORT: String(port),
      DEMO: 'on',
      SIMULATOR: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  api.once('exit', () => (exited = true));
  // A busy shared machine may take minutes to migrate and seed a 5 M database.
  for (let i = 0; i < 1200 && !exited; i++) {
    const up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return api;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  api.kill('SIGTERM');
  throw new Error(exited ? 'API exited at start' : 'API did not start');
}

/**
 * Fills the derived tables with `count` more dossiers spread over the last 13 months, shaped as
 * the projection writes them (one received and one resolved fact each, ~2 % still open), and
 * rebuilds the rollups from the facts and the in-progress day changes from the dossiers. Only
 * reads are measured on this data.
 */
export async function addDossiers(database: string, from: number, count: number): Promise<void> {
  const url = databaseUrl(database);
  const agencies = directory.agencies.filter((a) => a.kind === 'commune_committee');
  const values = [agencies.map((a) => a.code), agencies.map((a) => a.unitCode)];
  await sql(
    url,
    `INSERT INTO dossier (dossier_id, procedure_code, agency_code, unit_code, channel, received_at, due_at, resolved_at,
       fee_vnd, first_paid_at, open_range, paused, overdue, due_soon)
     SELECT 'gen-' || i, '1.001193', ag[1 + i % cardinality(ag)], un[1 + i % cardinality(un)],
            CASE WHEN i % 3 = 0 THEN 'direct' ELSE 'online' END, r, r + interval '5 days',
            CASE WHEN i % 50 = 0 THEN NULL ELSE r + (i % 7) * interval '1 day' END, 0, NULL,
            tstzrange(r, CASE WHEN i % 50 = 0 THEN NULL ELSE r + (i % 7) * interval '1 day' END, '(]'),
            '{}',
            CASE WHEN i % 50 = 0 THEN tstzmultirange(tstzrange(r + interval '5 days', NULL, '(]'))
                 WHEN i % 7 = 6 THEN tstzmultirange(tstzrange(r + interval '5 days', r + interval '6 days', '(]'))
                 ELSE '{}' END,
            tstzmultirange(tstzrange(r + interval '4 days', r + interval '5 days', '[]'))
       FROM (SELECT i, now() - (i % 395) * interval '1 day' - (i % 600) * interval '1 minute' AS r, $1::text[] AS ag, $2::text[] AS un
               FROM generate_series($3::bigint, $4::bigint) AS i) g`,
    [...values, from, from + count - 1],
  );
  const counters = COUNTERS.join(', ');
  await sql(
    url,
    `INSERT INTO dossier_fact (dossier_id, seq, at, day, agency_code, unit_code, ${counters})
     SELECT dossier_id, 0, received_at, (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, agency_code, unit_code,
            1, (channel = 'online')::int, (channel = 'direct')::int, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
       FROM dossier WHERE dossier_id LIKE 'gen-%' AND substr(dossier_id, 5)::bigint BETWEEN $1 AND $2
     UNION ALL
     SELECT dossier_id, 1, resolved_at, (resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, agency_code, unit_code,
            0, 0, 0, 0, 0, 0, 0, 0, 1, (resolved_at <= due_at)::int, 0, (resolved_at > due_at)::int, 1, 0, 0, 0, 0, 1, 1
       FROM dossier WHERE dossier_id LIKE 'gen-%' AND resolved_at IS NOT NULL AND substr(dossier_id, 5)::bigint BETWEEN $1 AND $2`,
    [from, from + count - 1],
  );
  await sql(
    url,
    `INSERT INTO open_dossier (dossier_id, unit_code, agency_code, paused_since, due_soon_from, due_at)
     SELECT dossier_id, unit_code, agency_code, NULL, due_at - interval '1 day', due_at
       FROM dossier WHERE dossier_id LIKE 'gen-%' AND resolved_at IS NULL AND substr(dossier_id, 5)::bigint BETWEEN $1 AND $2`,
    [from, from + count - 1],
  );
  await sql(
    url,
    `UPDATE projection_state SET watermark = greatest(watermark, (SELECT max(received_at) FROM dossier))`,
  );
  const sums = COUNTERS.map((c) => `sum(${c})`).join(', ');
  await sql(url, `TRUNCATE unit_day_rollup, agency_day_rollup`);
  await sql(
    url,
    `INSERT INTO unit_day_rollup (day, unit_code, ${counters}) SELECT day, unit_code, ${sums} FROM dossier_fact GROUP BY 1, 2`,
  );
  await sql(
    url,
    `INSERT INTO agency_day_rollup (day, agency_code, ${counters}) SELECT day, agency_code, ${sums} FROM dossier_fact GROUP BY 1, 2`,
  );
  await sql(url, `TRUNCATE in_progress_change`);
  await sql(url, SUM_IN_PROGRESS_CHANGES('$1'), [process.env.TZ_DISPLAY ?? DEFAULT_ZONE]);
  await sql(url, `VACUUM ANALYZE`);
}
