import { JwtService } from '@nestjs/jwt';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { messageOf, startTestApp, TestApp, withTestApp } from '../support/test-app';

/**
 * Hardening (issue 11): security headers the dashboard lives with, CORS closed unless configured,
 * a demo's own signing secret, no account overwritten, and a password policy outside demo mode.
 */
const NOW = '2026-11-20T17:00:00+07:00';
const OTHER_SITE = 'https://evil.example';
/** What the bundled dashboard needs, written out by hand: any change to it shows here. */
const DASHBOARD_CSP =
  "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self';form-action 'self';" +
  "frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';" +
  "script-src-attr 'none';style-src 'self'";

const withApp = (
  env: Record<string, string>,
  work: (t: TestApp) => Promise<void>,
  databaseUrl?: string,
) => withTestApp({ now: NOW, env, databaseUrl }, work);

describe('hardening', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    admin = await t.login('admin');
  });

  afterAll(() => t.close());

  describe('security headers', () => {
    it('sends the CSP, nosniff and no X-Powered-By on API answers, errors, the dashboard and /metrics', async () => {
      for (const path of ['/api/v1/health', '/api/v1/no-such-route', '/wall', '/metrics']) {
        const response = await t.http.get(path);
        expect([path, response.headers['content-security-policy']]).toEqual([path, DASHBOARD_CSP]);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['x-frame-options']).toBe('DENY');
        expect(response.headers).not.toHaveProperty('x-powered-by');
      }
      const failed = await t.http
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"username":');
      expect(failed.status).toBe(400);
      expect(failed.headers['content-security-policy']).toBe(DASHBOARD_CSP);
      expect(failed.headers).not.toHaveProperty('x-powered-by');
    });

    it('lets only the API documentation (Swagger UI) use inline styles', async () => {
      const docs = await t.http.get('/api/docs/');
      expect(docs.status).toBe(200);
      expect(docs.headers['content-security-policy']).toBe(
        DASHBOARD_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      );
    });
  });

  describe('CORS', () => {
    it('is closed by default: no page of another site may read an answer or open a polling socket', async () => {
      const read = await t.http
        .get('/api/v1/metrics/summary')
        .set('Authorization', `Bearer ${admin}`)
        .set('Origin', OTHER_SITE);
      expect(read.status).toBe(200);
      expect(read.headers).not.toHaveProperty('access-control-allow-origin');
      const preflight = await t.http
        .options('/api/v1/metrics/summary')
        .set('Origin', OTHER_SITE)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization');
      expect(preflight.headers).not.toHaveProperty('access-control-allow-origin');
      const polling = await t.http
        .get('/socket.io/?EIO=4&transport=polling')
        .set('Origin', OTHER_SITE);
      expect(polling.status).toBe(200);
      expect(polling.headers).not.toHaveProperty('access-control-allow-origin');
    });

    it('opens to the origins in CORS_ORIGINS only, on REST and on the live stream', async () => {
      const allowed = 'https://ioc.example.gov.vn';
      await withApp({ CORS_ORIGINS: `${allowed}, http://localhost:5173` }, async (other) => {
        const preflight = await other.http
          .options('/api/v1/metrics/summary')
          .set('Origin', allowed)
          .set('Access-Control-Request-Method', 'GET')
          .set('Access-Control-Request-Headers', 'authorization');
        expect(preflight.status).toBe(204);
        expect(preflight.headers['access-control-allow-origin']).toBe(allowed);
        expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
        const read = await other.http.get('/api/v1/client-config').set('Origin', allowed);
        expect(read.headers['access-control-allow-origin']).toBe(allowed);
        const foreign = await other.http.get('/api/v1/client-config').set('Origin', OTHER_SITE);
        expect(foreign.headers).not.toHaveProperty('access-control-allow-origin');
        const polling = await other.http
          .get('/socket.io/?EIO=4&transport=polling')
          .set('Origin', allowed);
        expect(polling.headers['access-control-allow-origin']).toBe(allowed);
      });
    });
  });

  describe('the demo signing secret', () => {
    const claims = { sub: 'admin', role: 'admin', unit: null };

    it('is no constant: a token signed with the old built-in secret is refused', async () => {
      const forged = new JwtService({
        secret: 'demo-mode-only-secret-never-use-in-production',
      }).sign(claims);
      const response = await t.get('/api/v1/admin/users', forged);
      expect(response.status).toBe(401);
      expect(messageOf(response)).toBe('Invalid or expired access token');
    });

    it('is made per demo database and shared by every instance on it', async () => {
      // A second instance on the same database accepts the first one's tokens…
      await withApp(
        {},
        async (twin) => {
          expect((await twin.get('/api/v1/admin/users', admin)).status).toBe(200);
        },
        t.databaseUrl,
      );
      // …another demo does not.
      await withApp({}, async (other) => {
        expect((await other.get('/api/v1/admin/users', admin)).status).toBe(401);
        expect((await t.get('/api/v1/admin/users', await other.login('admin'))).status).toBe(401);
      });
    });

    it('gives way to JWT_SECRET when it is set', async () => {
      const secret = 'an-operator-chosen-secret-of-32-chars!';
      await withApp({ JWT_SECRET: secret }, async (other) => {
        const token = new JwtService({ secret }).sign(claims);
        expect((await other.get('/api/v1/admin/users', token)).status).toBe(200);
      });
    });
  });

  describe('users', () => {
    it('answers 409 for a username that exists, and leaves that account as it was', async () => {
      const response = await t.http
        .post('/api/v1/admin/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ username: 'leader', password: 'taken-over-1234', role: 'admin' });
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'User "leader" exists',
        reason: 'userExists',
        params: { username: 'leader' },
      });
      // The password and the role are the old ones.
      const login = await t.http
        .post('/api/v1/auth/login')
        .send({ username: 'leader', password: 'demo' });
      expect(login.status).toBe(200);
      expect((login.body as { role: string }).role).toBe('leader');
      const takenOver = await t.http
        .post('/api/v1/auth/login')
        .send({ username: 'leader', password: 'taken-over-1234' });
      expect(takenOver.status).toBe(401);
    });

    it('outside demo mode, holds every new password to the policy', async () => {
      await withApp(
        { DEMO: 'off', JWT_SECRET: 'an-operator-chosen-secret-of-32-chars!' },
        async (production) => {
          // The first administrator, as `main.js create-user` makes them.
          const auth = production.app.get(AuthService);
          await expect(
            auth.createUser({ username: 'root', password: 'too-short', role: 'admin' }),
          ).rejects.toThrow('password: at least 12 characters');
          await auth.createUser({
            username: 'root',
            password: 'a sound passphrase',
            role: 'admin',
          });
          const root = await production.login('root', 'a sound passphrase');
          const create = (username: string, password: string) =>
            production.http
              .post('/api/v1/admin/users')
              .set('Authorization', `Bearer ${root}`)
              .send({ username, password, role: 'leader' });

          const short = await create('lan', 'elevenchars');
          expect(short.status).toBe(400);
          expect(messageOf(short)).toBe('password: at least 12 characters');
          const withName = await create('nguyen.lan', 'nguyen.lan-2026');
          expect(withName.status).toBe(400);
          expect(messageOf(withName)).toBe('password: must not contain the username');
          const created = await create('lan', 'twelve chars');
          expect(created.status).toBe(201);
          expect(await production.login('lan', 'twelve chars')).toEqual(expect.any(String));
        },
      );
    });
  });
});
