import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { atCommune, received, testProcedure } from '../support/events';
import { connectLive } from '../support/live-client';
import { cloneTemplate } from '../support/test-database';
import { TEST_PORTS } from '../support/ports';

/**
 * Issue 11 item 2: SIGTERM lets the requests in flight finish, closes the sockets, stops the
 * projector after its pass and exits 0. The built app (`dist/apps/api/main.js`, built here if
 * missing or older than a source) runs as production runs it, in a child process.
 */
const MAIN = 'dist/apps/api/main.js';
const PORT = TEST_PORTS.shutdownApi + (process.pid % 40);
const BASE = `http://127.0.0.1:${PORT}`;
const PROCEDURE = testProcedure('STOP-P1', 3);
const where = atCommune('25195', PROCEDURE.code);

async function post(path: string, body: object, headers: Record<string, string>) {
  const response = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The newest modification time of the files under `folder`. */
function newestUnder(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { recursive: true, encoding: 'utf8' }).map(
      (file) => statSync(join(folder, file)).mtimeMs,
    ),
  );
}

/** The build is made again when a source is newer: the test must run the code under test. */
function builtApp(): string {
  const sources = Math.max(newestUnder('apps/api/src'), newestUnder('libs/domain/src'));
  if (!existsSync(MAIN) || statSync(MAIN).mtimeMs < sources)
    execFileSync('npx', ['nest', 'build', 'api'], { stdio: 'inherit' });
  return MAIN;
}

describe('SIGTERM', () => {
  let app: ChildProcess;
  let output = '';
  let database: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    const main = builtApp();
    database = await cloneTemplate(process.env.IOC_TEST_SERVER_URL!);
    app = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        PORT: String(PORT),
        DATABASE_URL: database.url,
        DEMO: 'on',
        SIMULATOR: 'off',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    app.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (const deadline = Date.now() + 60_000; !output.includes('IOC listening');) {
      if (Date.now() > deadline || app.exitCode !== null)
        throw new Error(`not started:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 240_000);

  afterAll(async () => {
    if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
    await database.drop();
  });

  it('finishes the request in flight, closes sockets, and exits 0', async () => {
    const login = await post('/api/v1/auth/login', { username: 'admin', password: 'demo' }, {});
    const admin = { authorization: `Bearer ${login.body.accessToken as string}` };
    expect(
      (await post('/api/v1/directory/import', { procedures: [PROCEDURE] }, admin)).status,
    ).toBe(201);
    const socket = await connectLive(BASE, login.body.accessToken as string);
    const socketClosed = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    const events = Array.from({ length: 5_000 }, (_, i) =>
      received(`STOP-${i}`, '2026-11-20T08:00:00', { ...where, channel: 'online' }),
    );
    const started = performance.now();
    // wait=true: the answer comes once the projector has derived them, well after the signal.
    const inFlight = post(
      '/api/v1/events?wait=true',
      { events },
      { 'x-api-key': 'demo-ingest-key' },
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const signalledAt = performance.now() - started;
    const exited = once(app, 'exit');
    app.kill('SIGTERM');

    const response = await inFlight;
    const answeredAt = performance.now() - started;
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ accepted: 5_000, duplicates: 0 });
    expect(answeredAt).toBeGreaterThan(signalledAt);
    expect(await socketClosed).toBe('transport close');

    const [code, signal] = (await exited) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output).toMatch(/SIGTERM: finishing the requests in flight/);
    expect(output).toMatch(/Stopped cleanly/);

    // Everything acknowledged is stored, and derived: no dossier left half-way.
    const direct = new Client({ connectionString: database.url });
    await direct.connect();
    const counts = await direct.query<{ events: number; dossiers: number }>(
      `SELECT (SELECT count(*)::int FROM event WHERE dossier_id LIKE 'STOP-%') AS events,
              (SELECT count(*)::int FROM dossier WHERE dossier_id LIKE 'STOP-%') AS dossiers`,
    );
    await direct.end();
    expect(counts.rows[0]).toEqual({ events: 5_000, dossiers: 5_000 });
  });
});
