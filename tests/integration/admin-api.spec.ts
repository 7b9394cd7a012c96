import { messageOf, rowsOf, startTestApp, TestApp } from '../support/test-app';

/**
 * What the admin screen needs of the API (issue 11, item 5): accounts changed in place (role, unit,
 * disabled) with effect on the next request, wall tokens bound to a scope (SPEC §8), a working day
 * swapped with a day off, and a directory import checked row by row before anything is written.
 */
const NOW = '2026-11-20T17:00:00+07:00';
const JUSTICE = 'STP'; // Sở Tư pháp, a provincial department of the demo

describe('admin API for the admin screen', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    admin = await t.login('admin');
    leader = await t.login('leader');
  });

  afterAll(() => t.close());

  const send = (method: 'post' | 'patch', path: string, body: object, token = admin) =>
    t.http[method](path).set('Authorization', `Bearer ${token}`).send(body);

  it("changes a user's role and unit, effective on the token already issued", async () => {
    const created = await send('post', '/api/v1/admin/users', {
      username: 'tp-dongxoai',
      password: 'mật khẩu dài',
      role: 'leader',
    });
    expect(created.status).toBe(201);
    const token = await t.login('tp-dongxoai', 'mật khẩu dài');
    expect((await t.get('/api/v1/metrics/summary?scope=691', token)).status).toBe(200);

    // Demoted to the chief of Đồng Xoài (689): the same token now reads that district only.
    const changed = await send('patch', '/api/v1/admin/users/tp-dongxoai', {
      role: 'district_chief',
      unitCode: '689',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      username: 'tp-dongxoai',
      role: 'district_chief',
      unitCode: '689',
      agencyCode: null,
      disabled: false,
    });
    expect((await t.get('/api/v1/metrics/summary?scope=691', token)).status).toBe(403);
    const own = await t.get('/api/v1/metrics/summary', token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ scope: '689' });
    expect(rowsOf(await t.get('/api/v1/admin/users', admin))).toContainEqual({
      username: 'tp-dongxoai',
      role: 'district_chief',
      unitCode: '689',
      agencyCode: null,
      disabled: false,
    });
  });

  it('makes an account the head of an agency, which then reads that agency only', async () => {
    const created = await send('post', '/api/v1/admin/users', {
      username: 'so-tu-phap',
      password: 'mật khẩu dài',
      role: 'leader',
    });
    expect(created.status).toBe(201);
    const token = await t.login('so-tu-phap', 'mật khẩu dài');
    const missingAgency = await send('patch', '/api/v1/admin/users/so-tu-phap', {
      role: 'agency_head',
    });
    expect(missingAgency.status).toBe(400);
    const changed = await send('patch', '/api/v1/admin/users/so-tu-phap', {
      role: 'agency_head',
      agencyCode: JUSTICE,
    });
    expect(changed.body).toEqual({
      username: 'so-tu-phap',
      role: 'agency_head',
      unitCode: null,
      agencyCode: JUSTICE,
      disabled: false,
    });
    // The same token: a district is now out of reach, and the figures by default are the agency's.
    expect((await t.get('/api/v1/metrics/summary?scope=689', token)).status).toBe(403);
    const own = await t.get('/api/v1/metrics/summary', token);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ agency: JUSTICE });
  });

  it('refuses a change that leaves an account unusable, or shuts the administrator out', async () => {
    const cases: { username: string; body: object; status: number; message: string | RegExp }[] = [
      {
        username: 'leader',
        body: { role: 'district_chief' },
        status: 400,
        message: 'unitCode: a district chief needs a known unit code',
      },
      {
        username: 'leader',
        body: { unitCode: 'NO-SUCH-UNIT' },
        status: 400,
        message: 'unitCode: unknown unit code "NO-SUCH-UNIT"',
      },
      {
        username: 'admin',
        body: { disabled: true },
        status: 400,
        message: 'You cannot disable your own account or take away its admin role',
      },
      {
        username: 'admin',
        body: { role: 'leader' },
        status: 400,
        message: 'You cannot disable your own account or take away its admin role',
      },
      { username: 'leader', body: {}, status: 400, message: /at least one of/ },
      { username: 'leader', body: { password: 'x' }, status: 400, message: /password/ },
      { username: 'nobody', body: { disabled: true }, status: 404, message: 'No user "nobody"' },
    ];
    for (const { username, body, status, message } of cases) {
      const response = await send('patch', `/api/v1/admin/users/${username}`, body);
      expect({ body, status: response.status }).toEqual({ body, status });
      // A field the schema refuses is named in the validation errors, the rest in the message.
      if (typeof message === 'string') expect(messageOf(response)).toBe(message);
      else expect(JSON.stringify(response.body)).toMatch(message);
    }
    const users = rowsOf<{ username: string }>(await t.get('/api/v1/admin/users', admin));
    expect(users.find((user) => user.username === 'leader')).toEqual({
      username: 'leader',
      role: 'leader',
      unitCode: null,
      agencyCode: null,
      disabled: false,
    });
    expect(users.find((user) => user.username === 'admin')).toMatchObject({
      role: 'admin',
      disabled: false,
    });
  });

  it("binds a wall token to a scope: that unit's figures, nothing of another", async () => {
    const issued = await send('post', '/api/v1/admin/keys', {
      kind: 'wall',
      name: 'Màn hình Đồng Xoài',
      scope: '689',
    });
    expect(issued.status).toBe(201);
    const { id, key, scopeCode } = issued.body as { id: number; key: string; scopeCode: string };
    expect(scopeCode).toBe('689');

    const own = await t.get('/api/v1/metrics/summary', key);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ scope: '689' });
    expect((await t.get('/api/v1/metrics/summary?scope=70', key)).status).toBe(403);
    expect((await t.get('/api/v1/metrics/summary?scope=691', key)).status).toBe(403);
    const units = rowsOf<{ code: string }>(await t.get('/api/v1/directory/units', key));
    expect(units.map((unit) => unit.code)).toContain('689');
    expect(units.map((unit) => unit.code)).not.toContain('70');

    expect(rowsOf(await t.get('/api/v1/admin/keys', admin))).toContainEqual(
      expect.objectContaining({ id, kind: 'wall', scopeCode: '689', revokedAt: null }),
    );
    const unknownScope = await send('post', '/api/v1/admin/keys', {
      kind: 'wall',
      name: 'x',
      scope: 'NOPE',
    });
    expect(unknownScope.status).toBe(400);
    expect(messageOf(unknownScope)).toBe('scope: unknown unit "NOPE"');
    const scopedIngest = await send('post', '/api/v1/admin/keys', {
      kind: 'ingest',
      name: 'x',
      scope: '689',
    });
    expect(scopedIngest.status).toBe(400);
    expect(messageOf(scopedIngest)).toBe('scope: only a wall token has a scope');
  });

  it('swaps a working day with a day off in one act', async () => {
    const days = async (from: string, to: string) =>
      rowsOf(await t.get(`/api/v1/calendar/days?from=${from}&to=${to}`, admin));
    const swap = (body: object, token = admin) =>
      send('post', '/api/v1/calendar/swap', body, token);
    // Friday 11/12/2026 off, made up on Saturday 19/12/2026.
    const body = { dayOff: '2026-12-11', workingDay: '2026-12-19', note: 'Hoán đổi thử' };
    expect((await swap(body, leader)).status).toBe(403);
    const swapped = await swap(body);
    expect(swapped.status).toBe(200);
    expect(swapped.body).toEqual({ ...body, rebuildNeeded: true });
    expect(await days('2026-12-11', '2026-12-11')).toEqual([
      { date: '2026-12-11', working: false, reason: 'operator', note: 'Hoán đổi thử' },
    ]);
    expect(await days('2026-12-19', '2026-12-19')).toEqual([
      { date: '2026-12-19', working: true, reason: 'operator', note: 'Hoán đổi thử' },
    ]);
    // The act is in the audit log, with who did it.
    const audit = await t.get('/api/v1/admin/audit?action=calendar.swap', admin);
    expect(rowsOf(audit)).toEqual([
      expect.objectContaining({
        actor: 'admin',
        action: 'calendar.swap',
        target: '2026-12-11↔2026-12-19',
        details: { dayOff: '2026-12-11', workingDay: '2026-12-19', note: 'Hoán đổi thử' },
      }),
    ]);
    const again = await swap(body);
    expect(again.status).toBe(400);
    // A stable reason the admin screen translates, beside the English message.
    expect(again.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'dayOff: 2026-12-11 is already a day off',
      reason: 'alreadyDayOff',
      params: { date: '2026-12-11' },
    });
    expect((await swap({ dayOff: '2026-12-14', workingDay: 'tomorrow' })).status).toBe(400);
    // Holidays carry their names for the calendar screen.
    expect(await days('2030-09-02', '2030-09-02')).toEqual([
      { date: '2030-09-02', working: false, reason: 'public holiday', note: 'Quốc khánh' },
    ]);
  });

  it('previews a CSV import with per-row errors and what would change, writing nothing', async () => {
    const csv = [
      'code,name,level,parentCode',
      '689,Thành phố Đồng Xoài (mới),district,70',
      '25901,Xã Thử Một,commune,689',
      '25902,Xã Thử Hai,village,689',
      '25903,Xã Mồ Côi,commune,NO-SUCH',
      '25904,Xã Phước Tín,commune,689',
    ].join('\n');
    const preview = (path: string, token = admin) =>
      t.http
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'text/csv')
        .send(csv);
    expect((await preview('/api/v1/directory/import/units/preview', leader)).status).toBe(403);
    const answer = await preview('/api/v1/directory/import/units/preview');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      valid: false,
      rows: { units: 5, agencies: 0, procedures: 0 },
      problems: [
        {
          section: 'units',
          row: 4,
          code: '25902',
          reason: 'notOneOf',
          field: 'level',
          params: { options: 'province, district, commune' },
          message: 'level: must be one of province, district, commune',
        },
        {
          section: 'units',
          row: 5,
          code: '25903',
          reason: 'unknownParent',
          field: 'parentCode',
          params: { parentCode: 'NO-SUCH' },
          message: 'unknown parentCode NO-SUCH',
        },
      ],
      changes: {
        units: {
          added: ['25901', '25903', '25904'],
          changed: [{ code: '689', fields: ['name'] }],
          unchanged: 0,
        },
        agencies: { added: [], changed: [], unchanged: 0 },
        procedures: { added: [], changed: [], unchanged: 0 },
      },
    });
    const unitCodes = async () =>
      rowsOf<{ code: string; name: string }>(await t.get('/api/v1/directory/units', admin));
    expect((await unitCodes()).map((unit) => unit.code)).not.toContain('25901');
    expect((await unitCodes()).find((unit) => unit.code === '689')?.name).toBe(
      'Thành phố Đồng Xoài',
    );

    // The real import refuses the same file whole, naming the rows.
    const refused = await preview('/api/v1/directory/import/units');
    expect(refused.status).toBe(400);
    expect(messageOf(refused)).toEqual([
      'unit 25902: level: must be one of province, district, commune',
      'unit 25903: unknown parentCode NO-SUCH',
    ]);
    expect((await unitCodes()).map((unit) => unit.code)).not.toContain('25901');
  });

  it('previews a JSON import: duplicates and a body of the wrong shape are problems too', async () => {
    const preview = (body: unknown) =>
      t.http
        .post('/api/v1/directory/import/preview')
        .set('Authorization', `Bearer ${admin}`)
        .send(body as object);
    const agency = { code: 'SO-THU', name: 'Sở Thử', kind: 'department', unitCode: '70' };
    const duplicated = await preview({ agencies: [agency, { ...agency, name: 'Sở Thử 2' }] });
    expect(duplicated.status).toBe(200);
    expect(duplicated.body).toMatchObject({
      valid: false,
      problems: [
        {
          section: 'agencies',
          row: 2,
          code: 'SO-THU',
          reason: 'duplicate',
          field: 'code',
          params: { firstRow: 1 },
          message: 'appears twice (rows 1 and 2)',
        },
      ],
      changes: { agencies: { added: ['SO-THU'], changed: [], unchanged: 0 } },
    });
    const good = await preview({ agencies: [agency] });
    expect(good.body).toMatchObject({ valid: true, problems: [] });
    const shapeless = await preview({ units: 'not a list' });
    expect(shapeless.status).toBe(200);
    expect(shapeless.body).toMatchObject({
      valid: false,
      problems: [
        {
          section: 'units',
          row: null,
          code: null,
          reason: 'notAList',
          field: 'units',
          params: {},
          message: 'units: must be a list',
        },
      ],
    });
    const agencies = rowsOf<{ code: string }>(await t.get('/api/v1/directory/agencies', admin));
    expect(agencies.map((row) => row.code)).not.toContain('SO-THU');
  });
});
