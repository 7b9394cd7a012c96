import { startTestApp, TestApp } from '../support/test-app';

/** The display zone reaches every screen from the server's TZ_DISPLAY, never assumed. */
describe('GET /api/v1/client-config', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      now: '2026-11-20T17:00:00+07:00',
      env: { TZ_DISPLAY: 'Europe/Paris' },
    });
  });

  afterAll(async () => {
    await t.close();
    delete process.env.TZ_DISPLAY;
  });

  it("answers the server's display zone, without a token", async () => {
    const response = await t.http.get('/api/v1/client-config');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ zone: 'Europe/Paris' });
  });

  it('is the zone the server counts its days in', async () => {
    // 23:30 UTC on 20/11 is already the 21st in Paris (UTC+1): "today" starts at its midnight.
    t.clock.set('2026-11-20T23:30:00Z');
    const leader = await t.login('leader');
    const summary = await t.get('/api/v1/metrics/summary?window=today', leader);
    expect((summary.body as { from: string }).from).toBe('2026-11-20T23:00:00.000Z');
  });

  it('is documented in the OpenAPI description', async () => {
    const document = await t.http.get('/api/docs-json');
    const paths = (document.body as { paths: Record<string, { get?: object }> }).paths;
    expect(paths['/api/v1/client-config']?.get).toBeDefined();
  });
});
