import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Clock } from '../../apps/api/src/clock/clock';
import { createApp } from '../../apps/api/src/main';
import { cloneTemplate } from './test-database';

/** A list answer's rows (`{ rows: [...] }`); supertest leaves every body untyped. */
export function rowsOf<Row>(response: request.Response): Row[] {
  return (response.body as { rows: Row[] }).rows;
}

/** What an error answer says (Nest's `{ statusCode, message, error }`). */
export function messageOf(response: request.Response): string | string[] {
  return (response.body as { message: string | string[] }).message;
}

/** A clock the test moves by hand. */
export class TestClock extends Clock {
  constructor(private instant: number) {
    super();
  }

  override now(): number {
    return this.instant;
  }

  set(iso: string): void {
    this.instant = Date.parse(iso);
  }
}

export interface TestApp {
  app: NestExpressApplication;
  clock: TestClock;
  http: ReturnType<typeof request>;
  url: string;
  databaseUrl: string;
  login(username: string, password?: string): Promise<string>;
  /** Posts events and, unless `wait` is false, answers once the figures include them. */
  ingest(events: unknown[], options?: { key?: string; wait?: boolean }): Promise<request.Response>;
  get(path: string, token: string): Promise<request.Response>;
  /** Logs in as the administrator and imports the procedures into the directory (201, or throws). */
  importProcedures(procedures: object[]): Promise<void>;
  close(): Promise<void>;
}

/** The real application, as `main.ts` builds it, on its own fresh database, in demo mode, with a fixed clock. */
export async function startTestApp(options: {
  now: string;
  env?: Record<string, string>;
  /** Share another test app's database, as a second API instance would. */
  databaseUrl?: string;
}): Promise<TestApp> {
  const serverUrl = process.env.IOC_TEST_SERVER_URL;
  if (!serverUrl)
    throw new Error('IOC_TEST_SERVER_URL is not set: run through Jest (global setup)');
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await cloneTemplate(serverUrl);
  Object.assign(
    process.env,
    { DATABASE_URL: database.url, DEMO: 'on', SIMULATOR: 'off', LOG_LEVEL: 'warn' },
    options.env,
  );
  const clock = new TestClock(Date.parse(options.now));
  // Exactly the application `main.ts` builds, with the test's clock.
  const app = await createApp({ clock });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const http = request(app.getHttpServer());
  async function login(username: string, password = 'demo'): Promise<string> {
    const response = await request(app.getHttpServer())
      .post('/api/v1/auth/login')
      .send({ username, password });
    if (response.status !== 200)
      throw new Error(`login ${username}: ${response.status} ${response.text}`);
    return (response.body as { accessToken: string }).accessToken;
  }
  return {
    app,
    clock,
    http,
    url,
    databaseUrl: database.url,
    login,
    ingest(events, { key = 'demo-ingest-key', wait = true } = {}) {
      return request(app.getHttpServer())
        .post(`/api/v1/events?wait=${wait}`)
        .set('X-Api-Key', key)
        .send({ events });
    },
    get(path, token) {
      return request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`);
    },
    async importProcedures(procedures) {
      const admin = await login('admin');
      const response = await request(app.getHttpServer())
        .post('/api/v1/directory/import')
        .set('Authorization', `Bearer ${admin}`)
        .send({ procedures });
      if (response.status !== 201)
        throw new Error(`import of procedures: ${response.status} ${response.text}`);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * Runs `work` with an app of its own, started with `env` (on `databaseUrl` when given), then
 * stops it and forgets `env`, so the apps the file starts after it do not inherit it.
 */
export async function withTestApp(
  options: { now: string; env: Record<string, string>; databaseUrl?: string },
  work: (t: TestApp) => Promise<void>,
): Promise<void> {
  const t = await startTestApp(options);
  try {
    await work(t);
  } finally {
    for (const name of Object.keys(options.env)) delete process.env[name];
    await t.close();
  }
}
