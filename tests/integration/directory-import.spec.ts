import { binhPhuocDirectory as demoDirectory } from '@ioc/domain/demo';
import { received } from '../support/events';
import { messageOf, rowsOf, startTestApp, TestApp } from '../support/test-app';

/**
 * SPEC §2, §5, §6: operators load units, agencies and procedures as JSON or CSV; an import that
 * would break the tree is refused whole with a reason naming the entry. Entries are added or
 * updated by code, on top of the demo directory (Bình Phước).
 */
const NOW = '2026-11-20T17:00:00+07:00';

const newCommune = { code: '25999', name: 'Xã Kiểm Thử', level: 'commune', parentCode: '689' };
const newAgency = {
  code: 'UBND-25999',
  name: 'UBND Xã Kiểm Thử',
  kind: 'commune_committee',
  unitCode: '25999',
};
const newProcedure = {
  code: 'TEST-DIR-1',
  name: 'Thủ tục kiểm thử nhập danh mục',
  field: 'Kiểm thử',
  processingDays: 3,
  onlineLevel: 'partial',
  feeVnd: 50000,
};

/** A unit, agency or procedure as the directory lists it; agencies name their unit. */
type Row = { code: string; unitCode?: string };
const codes = (rows: Row[]) => rows.map((row) => row.code);

describe('directory import (JSON and CSV)', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    admin = await t.login('admin');
    leader = await t.login('leader');
  });

  afterAll(() => t.close());

  function importJson(body: object, token = admin) {
    return t.http
      .post('/api/v1/directory/import')
      .set('Authorization', `Bearer ${token}`)
      .send(body);
  }

  function importCsv(section: string, csv: string, token = admin) {
    return t.http
      .post(`/api/v1/directory/import/${section}`)
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
  }

  async function rows(section: 'units' | 'agencies' | 'procedures', token = leader) {
    const response = await t.get(`/api/v1/directory/${section}`, token);
    expect(response.status).toBe(200);
    return rowsOf<Row>(response);
  }

  it('imports JSON, lists the new entries and accepts events that use them', async () => {
    const response = await importJson({
      units: [newCommune],
      agencies: [newAgency],
      procedures: [newProcedure],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ units: 1, agencies: 1, procedures: 1 });

    expect(await rows('units')).toContainEqual(newCommune);
    expect(await rows('agencies')).toContainEqual(newAgency);
    expect(await rows('procedures')).toContainEqual(newProcedure);
    expect(await rows('units')).toHaveLength(demoDirectory.units.length + 1);

    const ingest = await t.ingest([
      received('DIR-1', '2026-11-20T09:00:00', {
        unitCode: '25999',
        agencyCode: 'UBND-25999',
        procedureCode: 'TEST-DIR-1',
        channel: 'online',
      }),
    ]);
    expect(ingest.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('imports each section as CSV with a header row of the JSON field names', async () => {
    const units = await importCsv(
      'units',
      [
        'code,name,level,parentCode',
        '25998,Xã CSV Một,commune,689',
        '25997,Xã CSV Hai,commune,688',
      ].join('\n'),
    );
    expect(units.status).toBe(201);
    expect(units.body).toEqual({ units: 2, agencies: 0, procedures: 0 });

    const agencies = await importCsv(
      'agencies',
      'code,name,kind,unitCode\r\nUBND-25998,UBND Xã CSV Một,commune_committee,25998\r\n',
    );
    expect(agencies.status).toBe(201);
    expect(agencies.body).toEqual({ units: 0, agencies: 1, procedures: 0 });

    const procedures = await importCsv(
      'procedures',
      [
        'code,name,field,processingDays,onlineLevel,feeVnd',
        'TEST-CSV-1,"Cấp bản sao, chứng thực",Chứng thực,1,full,0',
        // The same code again updates the entry imported as JSON.
        'TEST-DIR-1,Thủ tục kiểm thử nhập danh mục (sửa),Kiểm thử,4,full,60000',
      ].join('\n'),
    );
    expect(procedures.status).toBe(201);
    expect(procedures.body).toEqual({ units: 0, agencies: 0, procedures: 2 });

    expect(await rows('units')).toEqual(
      expect.arrayContaining([
        { code: '25998', name: 'Xã CSV Một', level: 'commune', parentCode: '689' },
        { code: '25997', name: 'Xã CSV Hai', level: 'commune', parentCode: '688' },
      ]),
    );
    expect(await rows('agencies')).toContainEqual({
      code: 'UBND-25998',
      name: 'UBND Xã CSV Một',
      kind: 'commune_committee',
      unitCode: '25998',
    });
    const procedureRows = await rows('procedures');
    expect(procedureRows).toContainEqual({
      code: 'TEST-CSV-1',
      name: 'Cấp bản sao, chứng thực',
      field: 'Chứng thực',
      processingDays: 1,
      onlineLevel: 'full',
      feeVnd: 0,
    });
    expect(procedureRows).toContainEqual({
      ...newProcedure,
      name: 'Thủ tục kiểm thử nhập danh mục (sửa)',
      processingDays: 4,
      onlineLevel: 'full',
      feeVnd: 60000,
    });
  });

  it('refuses an import that breaks the tree with 400 naming the entry, and stores none of it', async () => {
    const good = { code: '25990', name: 'Xã Không Được Lưu', level: 'commune', parentCode: '690' };
    const cases: { units: unknown[]; problem: string }[] = [
      {
        units: [
          good,
          { code: '25991', name: 'Xã Mồ Côi', level: 'commune', parentCode: 'NO-SUCH-UNIT' },
        ],
        problem: 'unit 25991: unknown parentCode NO-SUCH-UNIT',
      },
      {
        units: [good, { code: '99', name: 'Tỉnh Thứ Hai', level: 'province', parentCode: null }],
        problem: 'units: exactly one unit without parentCode (the province) is needed, found 2',
      },
      {
        // Đồng Xoài moved under one of its own wards.
        units: [
          good,
          { code: '689', name: 'Thành phố Đồng Xoài', level: 'district', parentCode: '25195' },
        ],
        problem: 'unit 689: its parents form a loop',
      },
      {
        units: [good, { code: '25992', name: 'Xã Sai Cấp', level: 'village', parentCode: '690' }],
        problem: 'unit 25992: level: must be one of province, district, commune',
      },
    ];
    for (const { units, problem } of cases) {
      const response = await importJson({ units });
      expect({ problem, status: response.status }).toEqual({ problem, status: 400 });
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(messageOf(response)).toContain(problem);
    }

    const loopAsCsv = await importCsv(
      'units',
      'code,name,level,parentCode\n25990,Xã Không Được Lưu,commune,690\n25993,Xã Vòng A,commune,25994\n25994,Xã Vòng B,commune,25993\n',
    );
    expect(loopAsCsv.status).toBe(400);
    expect(messageOf(loopAsCsv)).toEqual(
      expect.arrayContaining([
        'unit 25993: its parents form a loop',
        'unit 25994: its parents form a loop',
      ]),
    );
    const agencyOfNoUnit = await importJson({
      agencies: [
        { code: 'UBND-NOPE', name: 'UBND Không Có', kind: 'commune_committee', unitCode: 'NOPE' },
      ],
    });
    expect(agencyOfNoUnit.status).toBe(400);
    expect(messageOf(agencyOfNoUnit)).toEqual(['agency UBND-NOPE: unknown unitCode NOPE']);

    const unitCodes = codes(await rows('units'));
    for (const code of ['25990', '25991', '25992', '25993', '25994', '99'])
      expect(unitCodes).not.toContain(code);
    expect(unitCodes).toHaveLength(demoDirectory.units.length + 3);
    expect(codes(await rows('agencies'))).not.toContain('UBND-NOPE');
    expect(await rows('units')).toContainEqual({
      code: '689',
      name: 'Thành phố Đồng Xoài',
      level: 'district',
      parentCode: '70',
    });
  });

  it('names every row problem of a preview by a stable reason, field and parameters', async () => {
    const csv = [
      'code,name,field,processingDays,onlineLevel,feeVnd,agencyKind,agencyCode',
      'TT-A,,Tư pháp,5,full,0,,',
      `TT-B,${'T'.repeat(301)},Tư pháp,5,full,0,,`,
      'TT-C,Thủ tục C,Tư pháp,2.5,full,0,,',
      'TT-D,Thủ tục D,Tư pháp,400,full,0,,',
      'TT-E,Thủ tục E,Tư pháp,5,online,0,,',
      'TT-F,Thủ tục F,Tư pháp,năm,full,0,,',
      'TT-G,Thủ tục G,Tư pháp,5,full,-1,,',
      'TT-H,Thủ tục H,Tư pháp,5,full,0,department,SO-KHONG-CO',
    ].join('\n');
    const answer = await t.http
      .post('/api/v1/directory/import/procedures/preview')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(answer.status).toBe(200);
    const problems = (answer.body as { problems: object[] }).problems.map((problem) => {
      const { row, code, reason, field, params } = problem as Record<string, unknown>;
      return { row, code, reason, field, params };
    });
    expect(problems).toEqual([
      { row: 2, code: 'TT-A', reason: 'required', field: 'name', params: {} },
      { row: 3, code: 'TT-B', reason: 'tooLong', field: 'name', params: { maximum: 300 } },
      { row: 4, code: 'TT-C', reason: 'notInteger', field: 'processingDays', params: {} },
      {
        row: 5,
        code: 'TT-D',
        reason: 'tooLarge',
        field: 'processingDays',
        params: { maximum: 365 },
      },
      {
        row: 6,
        code: 'TT-E',
        reason: 'notOneOf',
        field: 'onlineLevel',
        params: { options: 'full, partial, none' },
      },
      {
        row: 7,
        code: 'TT-F',
        reason: 'wrongType',
        field: 'processingDays',
        params: { expected: 'number' },
      },
      { row: 8, code: 'TT-G', reason: 'tooSmall', field: 'feeVnd', params: { minimum: 0 } },
      {
        row: 9,
        code: 'TT-H',
        reason: 'unknownAgency',
        field: 'agencyCode',
        params: { agencyCode: 'SO-KHONG-CO' },
      },
    ]);

    const blankName = await t.http
      .post('/api/v1/directory/import/preview')
      .set('Authorization', `Bearer ${admin}`)
      .send({ units: [{ code: '25995', name: '  ', level: 'commune', parentCode: '690' }] });
    expect(blankName.body).toMatchObject({
      problems: [
        {
          row: 1,
          code: '25995',
          reason: 'empty',
          field: 'name',
          params: {},
          message: 'name: must not be empty',
        },
      ],
    });
  });

  it('answers 400 to CSV sent without Content-Type text/csv or to an unknown section', async () => {
    const asJson = await t.http
      .post('/api/v1/directory/import/units')
      .set('Authorization', `Bearer ${admin}`)
      .send({ csv: 'code,name,level,parentCode' });
    expect(asJson.status).toBe(400);
    expect(messageOf(asJson)).toBe('Send the CSV with Content-Type: text/csv');
    const unknownSection = await importCsv('people', 'code,name\n1,A\n');
    expect(unknownSection.status).toBe(400);
    expect(messageOf(unknownSection)).toBe('section: must be one of units, agencies, procedures');
  });

  it('lets only an administrator import (403 for a leader)', async () => {
    const unit = { code: '25980', name: 'Xã Của Lãnh Đạo', level: 'commune', parentCode: '691' };
    const json = await importJson({ units: [unit] }, leader);
    expect(json.status).toBe(403);
    expect(json.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'This needs one of the roles: admin',
    });
    const csv = await importCsv(
      'units',
      'code,name,level,parentCode\n25980,Xã Của Lãnh Đạo,commune,691\n',
      leader,
    );
    expect(csv.status).toBe(403);
    expect(codes(await rows('units'))).not.toContain('25980');
  });

  it('shows a district chief the units and agencies of their own subtree only', async () => {
    const chief = await t.login('chief-689');
    const ownCommunes = demoDirectory.units
      .filter((unit) => unit.parentCode === '689')
      .map((unit) => unit.code);
    // Đồng Xoài, its wards and communes, and the two imported under it (25999 as JSON, 25998 as CSV).
    const expected = ['689', ...ownCommunes, '25999', '25998'].sort();
    expect(codes(await rows('units', chief)).sort()).toEqual(expected);
    const agencyUnits = (await rows('agencies', chief)).map((agency) => agency.unitCode);
    expect(new Set(agencyUnits)).toEqual(new Set(expected));
    expect(agencyUnits).not.toContain('70');
    // The leader sees the whole province.
    expect(await rows('units')).toHaveLength(demoDirectory.units.length + 3);
  });
});
