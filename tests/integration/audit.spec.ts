import { messageOf, startTestApp, TestApp } from '../support/test-app';

/** Issue 11 item 4: every administration act with who, what, when and from where. */
const NOW = '2026-11-20T17:00:00+07:00';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  clientAddress: string | null;
}
interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  rows: AuditRow[];
}

describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  const as = (token: string, forwardedFor?: string) => ({
    post: (path: string, body: object) => {
      const call = t.http.post(path).set('Authorization', `Bearer ${token}`);
      if (forwardedFor) call.set('X-Forwarded-For', forwardedFor);
      return call.send(body);
    },
    patch: (path: string, body: object) =>
      t.http.patch(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) =>
      t.http.put(path).set('Authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http.delete(path).set('Authorization', `Bearer ${token}`),
  });
  const audit = async (query = '') => {
    const response = await t.get(`/api/v1/admin/audit${query}`, admin);
    expect(response.status).toBe(200);
    return response.body as AuditPage;
  };

  beforeAll(async () => {
    // Behind one trusted proxy (loopback): the address recorded is the client's, not the proxy's.
    t = await startTestApp({ now: NOW, env: { TRUST_PROXY: 'loopback' } });
    admin = await t.login('admin');
  });

  afterAll(async () => {
    delete process.env.TRUST_PROXY;
    await t.close();
  });

  it('records each administration act, latest first, with no secret in it', async () => {
    const startedAt = new Date().toISOString();
    const proxied = as(admin, '198.51.100.23');
    const created = await proxied.post('/api/v1/admin/users', {
      username: 'audited',
      password: 'a-secret-password',
      role: 'leader',
    });
    expect(created.status).toBe(201);
    await as(admin).patch('/api/v1/admin/users/audited', {
      role: 'district_chief',
      unitCode: '689',
    });
    const wall = await as(admin).post('/api/v1/admin/keys', { kind: 'wall', name: 'Tường' });
    const { id, key } = wall.body as { id: number; key: string };
    await as(admin).delete(`/api/v1/admin/keys/${id}`);
    await as(admin).post('/api/v1/admin/keys', { kind: 'ingest', name: 'Một cửa' });
    await as(admin).put('/api/v1/calendar/overrides/2026-12-24', {
      working: false,
      note: 'Nghỉ bù',
    });
    await as(admin).delete('/api/v1/calendar/overrides/2026-12-24');
    await t.importProcedures([
      {
        code: 'AUDIT-P1',
        name: 'Thủ tục kiểm thử',
        field: 'Kiểm thử',
        processingDays: 1,
        onlineLevel: 'full',
        feeVnd: 0,
      },
    ]);

    const page = await audit();
    expect(page.rows.map((row) => row.action)).toEqual([
      'directory.import',
      'calendar.override_remove',
      'calendar.override_set',
      'ingest_key.issue',
      'wall_token.revoke',
      'wall_token.issue',
      'user.update',
      'user.create',
    ]);
    const [imported, , overridden, , revoked, , updated, userCreated] = page.rows;
    expect(userCreated).toMatchObject({
      actor: 'admin',
      target: 'audited',
      details: { role: 'leader', unitCode: null },
      clientAddress: '198.51.100.23',
    });
    expect(Date.parse(userCreated.at)).toBeGreaterThanOrEqual(Date.parse(startedAt) - 1_000);
    expect(updated).toMatchObject({
      target: 'audited',
      details: { role: 'district_chief', unitCode: '689' },
      clientAddress: '127.0.0.1',
    });
    expect(revoked).toMatchObject({ target: String(id), details: { name: 'Tường' } });
    expect(overridden).toMatchObject({
      target: '2026-12-24',
      details: { working: false, note: 'Nghỉ bù' },
    });
    expect(imported.details).toMatchObject({ format: 'json', procedures: 1 });
    // No password and no key, not even their beginning.
    const text = JSON.stringify(page);
    expect(text).not.toContain('a-secret-password');
    expect(text).not.toContain(key.slice(0, 12));
  });

  it('filters by action, actor and time, and pages', async () => {
    const byAction = await audit('?action=wall_token.issue');
    expect(byAction.rows.map((row) => row.action)).toEqual(['wall_token.issue']);
    expect((await audit('?actor=admin')).total).toBeGreaterThanOrEqual(8);
    expect((await audit('?actor=leader')).rows).toEqual([]);
    expect((await audit('?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z')).total).toBe(0);
    const all = await audit();
    const second = await audit('?pageSize=3&page=2');
    expect(second).toMatchObject({ total: all.total, page: 2, pageSize: 3 });
    expect(second.rows).toEqual(all.rows.slice(3, 6));
  });

  it('refuses bad filters with 400 and other roles with 403', async () => {
    for (const query of [
      '?action=drop.tables',
      '?from=yesterday',
      '?pageSize=0',
      '?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z',
    ]) {
      const response = await t.get(`/api/v1/admin/audit${query}`, admin);
      expect(response.status).toBe(400);
    }
    const leader = await t.get('/api/v1/admin/audit', await t.login('leader'));
    expect(leader.status).toBe(403);
    expect(messageOf(leader)).toBe('This needs one of the roles: admin');
  });

  it('records nothing for an act that failed', async () => {
    const before = (await audit()).total;
    expect((await as(admin).delete('/api/v1/admin/keys/99999')).status).toBe(404);
    const duplicate = await as(admin).post('/api/v1/admin/users', {
      username: 'audited',
      password: 'another-password',
      role: 'leader',
    });
    expect(duplicate.status).toBe(409);
    expect((await audit()).total).toBe(before);
  });
});
