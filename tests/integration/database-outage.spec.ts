import { Client } from 'pg';
import { atCommune, received, testProcedure } from '../support/events';
import { TcpProxy, throughProxy } from '../support/tcp-proxy';
import { messageOf, startTestApp, TestApp } from '../support/test-app';
import { cloneTemplate } from '../support/test-database';

/**
 * Issue 11 item 2: while the database is unreachable, ingest and reads answer 503 with
 * Retry-After and a plain message (never 500, never the driver's text), nothing is half-written,
 * and everything resumes by itself when it is back. The database is cut by a proxy of the test's
 * own between the app and PostgreSQL.
 */
const NOW = '2026-11-20T10:00:00+07:00';
const PROCEDURE = testProcedure('OUTAGE-P1', 3);
const where = atCommune('25195', PROCEDURE.code);
const receipts = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    received(`${prefix}-${i}`, '2026-11-20T08:00:00', { ...where, channel: 'online' }),
  );

describe('database outage', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let direct: Client;
  let drop: () => Promise<void>;
  let leader: string;

  /** Events stored, counted on a connection that does not go through the proxy. */
  const storedEvents = async (prefix: string) => {
    const rows = await direct.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM event WHERE dossier_id LIKE $1`,
      [`${prefix}-%`],
    );
    return rows.rows[0].n;
  };

  beforeAll(async () => {
    const database = await cloneTemplate(process.env.IOC_TEST_SERVER_URL!);
    drop = database.drop;
    const server = new URL(database.url);
    proxy = new TcpProxy(server.hostname, Number(server.port || 5432));
    const port = await proxy.start();
    direct = new Client({ connectionString: database.url });
    await direct.connect();
    t = await startTestApp({ now: NOW, databaseUrl: throughProxy(database.url, port) });
    await t.importProcedures([PROCEDURE]);
    leader = await t.login('leader');
  });

  afterAll(async () => {
    await t.close();
    await proxy.stop();
    await direct.end();
    await drop();
  });

  it('answers 503 with Retry-After while cut, stores nothing, and resumes by itself', async () => {
    expect((await t.ingest(receipts('before', 3))).status).toBe(202);

    proxy.cut();
    const ingest = await t.ingest(receipts('during', 3), { wait: false });
    const summary = await t.get('/api/v1/metrics/summary', leader);
    const ready = await t.http.get('/api/v1/health/ready');
    const live = await t.http.get('/api/v1/health/live');
    for (const response of [ingest, summary]) {
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(messageOf(response)).toMatch(/cannot reach its database.*Try again/);
      // Nothing of the driver's text: no address, no error code.
      expect(response.text).not.toMatch(/ECONN|terminated|127\.0\.0\.1|timeout/i);
    }
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      error: { database: { status: 'down', message: 'The database does not answer' } },
    });
    expect(ready.text).not.toMatch(/ECONN|terminated/i);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    expect(await storedEvents('during')).toBe(0);

    proxy.restore();
    // The pool reconnects on its own: ingest, reads and readiness come back without a restart.
    let answered = 0;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      answered = (await t.get('/api/v1/metrics/summary', leader)).status;
      if (answered === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(answered).toBe(200);
    expect((await t.http.get('/api/v1/health/ready')).status).toBe(200);
    const after = await t.ingest(receipts('after', 2));
    expect(after.status).toBe(202);
    // And the projector derived everything stored, before the cut and after it.
    const figures = await t.get('/api/v1/metrics/summary?window=today', leader);
    expect(figures.body).toMatchObject({ received: { total: 5 } });
  });

  it('never half-writes a batch cut in the middle: all of it is stored, or none and a 503', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 4; round++) {
      const prefix = `cut${round}`;
      const posting = t.ingest(receipts(prefix, 3_000), { wait: false });
      // Cut while the request is on its way or being stored.
      await new Promise((resolve) => setTimeout(resolve, 20 + round * 40));
      proxy.cut();
      const response = await posting;
      proxy.restore();
      const stored = await storedEvents(prefix);
      expect([response.status, stored]).toEqual(response.status === 202 ? [202, 3_000] : [503, 0]);
      outcomes.push(`${response.status}:${stored}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // At least one batch was really cut mid-way, or the test proved nothing.
    expect(outcomes.some((outcome) => outcome.startsWith('503'))).toBe(true);
  });
});
