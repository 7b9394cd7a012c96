import { messageOf, rowsOf, startTestApp, TestApp } from '../support/test-app';

/** SPEC §6: roles, the wall's revocable kiosk token, and what a login may and may not do. */
const NOW = '2026-11-20T17:00:00+07:00';

describe('access: roles, wall tokens and logins', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    admin = await t.login('admin');
    leader = await t.login('leader');
  });

  afterAll(() => t.close());

  const asAdmin = {
    post: (path: string, body: object) =>
      t.http.post(path).set('Authorization', `Bearer ${admin}`).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('Authorization', `Bearer ${admin}`).send(body),
    delete: (path: string) => t.http.delete(path).set('Authorization', `Bearer ${admin}`),
  };

  it('lets a wall display read with its kiosk token until an administrator revokes it', async () => {
    const issued = await asAdmin.post('/api/v1/admin/keys', { kind: 'wall', name: 'IOC wall' });
    expect(issued.status).toBe(201);
    const { id, key } = issued.body as { id: number; key: string };
    expect(Object.keys(issued.body as object)).toEqual(['id', 'key', 'scopeCode']);
    expect(typeof id).toBe('number');
    expect(key).toMatch(/^wall_[A-Za-z0-9_-]{32}$/);

    const summary = await t.get('/api/v1/metrics/summary', key);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ scope: '70', received: { total: 0 } });
    // Read-only: the kiosk token is no key to the administration.
    expect((await t.get('/api/v1/admin/users', key)).status).toBe(403);

    const listed = await t.get('/api/v1/admin/keys', admin);
    expect(rowsOf(listed)).toContainEqual(
      expect.objectContaining({ id, kind: 'wall', name: 'IOC wall', revokedAt: null }),
    );
    // Only the hash is kept: the key itself is never listed.
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const revoked = await asAdmin.delete(`/api/v1/admin/keys/${id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ id, revoked: true });
    const after = await t.get('/api/v1/metrics/summary', key);
    expect(after.status).toBe(401);
    expect(after.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Unknown or revoked wall token',
    });
    // Revoking twice finds no active key.
    expect((await asAdmin.delete(`/api/v1/admin/keys/${id}`)).status).toBe(404);
  });

  it('keeps a leader out of every administration route (403)', async () => {
    const calls = [
      t.http.get('/api/v1/admin/users'),
      t.http
        .post('/api/v1/admin/users')
        .send({ username: 'intruder', password: 'password1', role: 'admin' }),
      t.http.patch('/api/v1/admin/users/admin').send({ disabled: true }),
      t.http.get('/api/v1/admin/keys'),
      t.http.post('/api/v1/admin/keys').send({ kind: 'wall', name: 'Tường giả' }),
      t.http.delete('/api/v1/admin/keys/1'),
    ];
    for (const call of calls) {
      const response = await call.set('Authorization', `Bearer ${leader}`);
      expect(response.status).toBe(403);
      expect(messageOf(response)).toBe('This needs one of the roles: admin');
    }
    // Nothing happened: the admin is still enabled and no user was created.
    const users = await t.get('/api/v1/admin/users', admin);
    expect(rowsOf(users)).toContainEqual({
      username: 'admin',
      role: 'admin',
      unitCode: null,
      agencyCode: null,
      disabled: false,
    });
    expect(rowsOf<{ username: string }>(users).map((u) => u.username)).not.toContain('intruder');
  });

  it('answers 401 to a wrong password, an unknown user, or no or a forged token', async () => {
    for (const credentials of [
      { username: 'leader', password: 'not-demo' },
      { username: 'nobody', password: 'demo' },
    ]) {
      const response = await t.http.post('/api/v1/auth/login').send(credentials);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Wrong username or password',
      });
    }
    expect((await t.http.get('/api/v1/metrics/summary')).status).toBe(401);
    expect((await t.get('/api/v1/metrics/summary', `${leader}x`)).status).toBe(401);
    // An ingest key is not a bearer token.
    expect((await t.get('/api/v1/metrics/summary', 'demo-ingest-key')).status).toBe(401);
  });

  it('shuts out a disabled user: no new login, and the token already issued stops working', async () => {
    const chief = await t.login('chief-690');
    expect((await t.get('/api/v1/metrics/summary', chief)).status).toBe(200);

    const disabled = await asAdmin.patch('/api/v1/admin/users/chief-690', { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toEqual({
      username: 'chief-690',
      role: 'district_chief',
      unitCode: '690',
      agencyCode: null,
      disabled: true,
    });

    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'chief-690', password: 'demo' });
    expect(login.status).toBe(401);
    expect(messageOf(login)).toBe('Wrong username or password');
    const withOldToken = await t.get('/api/v1/metrics/summary', chief);
    expect(withOldToken.status).toBe(401);
    expect(messageOf(withOldToken)).toBe('This account is disabled');

    const enabled = await asAdmin.patch('/api/v1/admin/users/chief-690', { disabled: false });
    expect(enabled.body).toMatchObject({ username: 'chief-690', disabled: false });
    expect((await t.get('/api/v1/metrics/summary', await t.login('chief-690'))).status).toBe(200);
    expect(
      (await asAdmin.patch('/api/v1/admin/users/no-such-user', { disabled: true })).status,
    ).toBe(404);
  });

  it('blocks a username after 5 failed logins (429, Retry-After), even with the right password', async () => {
    // A fresh app, so the logins of the other tests do not count.
    const fresh = await startTestApp({ now: NOW });
    try {
      const login = (password: string) =>
        fresh.http.post('/api/v1/auth/login').send({ username: 'leader', password });
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt++)
        statuses.push((await login(`guess-${attempt}`)).status);
      expect(statuses).toEqual(Array(5).fill(401));
      const blocked = await login('demo');
      expect(blocked.status).toBe(429);
      expect(blocked.headers['retry-after']).toBe('30');
      expect(blocked.body).toEqual({
        statusCode: 429,
        message: 'Too many failed logins for this account; try again in 30 s',
      });
    } finally {
      await fresh.close();
    }
  }, 30_000);
});
