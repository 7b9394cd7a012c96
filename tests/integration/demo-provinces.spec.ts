import { DirectoryService } from '../../apps/api/src/directory/directory.service';
import { rowsOf, startTestApp, TestApp } from '../support/test-app';

/** SPEC §7 `DEMO_PROVINCE`, §6 demo accounts: the two-tier demo, Đồng Nai since 1 July 2025. */
const NOW = '2026-11-20T10:00:00+07:00';

interface UnitRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

describe('DEMO_PROVINCE=dong-nai-2025', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW, env: { DEMO_PROVINCE: 'dong-nai-2025' } });
    admin = await t.login('admin');
  });

  afterAll(() => t.close());

  it('seeds Đồng Nai: the province and its 95 communes and wards, no district', async () => {
    const units = rowsOf<UnitRow>(await t.get('/api/v1/directory/units', admin));
    expect(units).toHaveLength(96);
    expect(units.filter((unit) => unit.level === 'province')).toEqual([
      { code: '75', name: 'Tỉnh Đồng Nai', level: 'province', parentCode: null },
    ]);
    const communes = units.filter((unit) => unit.level === 'commune');
    expect(communes).toHaveLength(95);
    expect(communes.every((unit) => unit.parentCode === '75')).toBe(true);
    expect(communes.filter((unit) => unit.name.startsWith('Phường '))).toHaveLength(23);
    expect(communes).toContainEqual({
      code: '26068',
      name: 'Phường Biên Hòa',
      level: 'commune',
      parentCode: '75',
    });
    const agencies = rowsOf<{ kind: string }>(await t.get('/api/v1/directory/agencies', admin));
    const kinds = agencies.reduce<Record<string, number>>(
      (count, agency) => ({ ...count, [agency.kind]: (count[agency.kind] ?? 0) + 1 }),
      {},
    );
    expect(kinds).toEqual({ department: 15, vertical: 5, commune_committee: 95 });
  });

  it('seeds admin, leader, wall, one chief per commune and one head per department, each with the demo password', async () => {
    const users = rowsOf<{ username: string; role: string; unitCode: string | null }>(
      await t.get('/api/v1/admin/users', admin),
    );
    const agencies = rowsOf<{ code: string; kind: string }>(
      await t.get('/api/v1/directory/agencies', admin),
    );
    const chiefs = users.filter((user) => user.role === 'district_chief');
    expect(chiefs).toHaveLength(95);
    expect(chiefs.every((chief) => chief.username === `chief-${chief.unitCode}`)).toBe(true);
    expect(users.filter((user) => user.role !== 'district_chief').map((u) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'leader', 'wall']),
    );
    // An agency head per provincial department (sở), who sees their department only.
    const heads = users.filter((user) => user.role === 'agency_head');
    expect(heads.map((head) => head.username).sort()).toEqual(
      agencies
        .filter((agency) => agency.kind === 'department')
        .map((agency) => `head-${agency.code}`)
        .sort(),
    );
    expect(heads).toHaveLength(15);
    const head = await t.login('head-SYT');
    expect((await t.get('/api/v1/metrics/summary', head)).body).toMatchObject({ agency: 'SYT' });
    expect((await t.get('/api/v1/metrics/summary?scope=26068', head)).status).toBe(403);
    const leader = await t.get('/api/v1/metrics/summary', await t.login('leader'));
    expect(leader.body).toMatchObject({ scope: '75', received: { total: 0 } });

    const chief = await t.login('chief-26068');
    const own = await t.get('/api/v1/metrics/summary', chief);
    expect(own.body).toMatchObject({ scope: '26068' });
    expect((await t.get('/api/v1/metrics/summary?scope=26041', chief)).status).toBe(403);
    expect((await t.get('/api/v1/metrics/summary?scope=75', chief)).status).toBe(403);
  });

  it('accepts the demo key’s events for Đồng Nai’s units, and refuses Bình Phước’s', async () => {
    const receipt = (dossierId: string, unitCode: string, agencyCode: string) => ({
      eventId: `dn-${dossierId}`,
      type: 'dossier.received',
      occurredAt: '2026-11-20T08:00:00+07:00',
      dossierId,
      procedureCode: '2.001610',
      agencyCode,
      unitCode,
      channel: 'online',
    });
    const response = await t.ingest([
      receipt('DN-1', '26068', 'STC'),
      // Đồng Xoài (689) was a district of Bình Phước; Sở Kế hoạch và Đầu tư merged into STC.
      receipt('DN-2', '689', 'SKHDT'),
    ]);
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      accepted: 1,
      rejected: [
        {
          index: 1,
          eventId: 'dn-DN-2',
          errors: ['agencyCode: unknown agency "SKHDT"', 'unitCode: unknown unit "689"'],
        },
      ],
    });
  });

  it('refuses to seed another demo over it, naming DEMO_PROVINCE; the same one restarts', async () => {
    // What a start with DEMO_PROVINCE=binh-phuoc-2021 on this database does first.
    await expect(t.app.get(DirectoryService).seedDemo('binh-phuoc-2021')).rejects.toThrow(
      'DEMO_PROVINCE: binh-phuoc-2021 is Tỉnh Bình Phước (70), but the database already holds ' +
        'Tỉnh Đồng Nai (75) from an earlier start.',
    );
    const again = await startTestApp({
      now: NOW,
      databaseUrl: t.databaseUrl,
      env: { DEMO_PROVINCE: 'dong-nai-2025' },
    });
    try {
      const units = rowsOf(await again.get('/api/v1/directory/units', await again.login('admin')));
      expect(units).toHaveLength(96);
    } finally {
      await again.app.close();
    }
  });
});
