import type { Directory } from '@ioc/domain';
import { describeProblem, previewImport } from './import-preview';

const current: Directory = {
  units: [
    { code: '70', name: 'Tỉnh Bình Phước', level: 'province', parentCode: null },
    { code: '689', name: 'Thành phố Đồng Xoài', level: 'district', parentCode: '70' },
  ],
  agencies: [{ code: 'SO-NV', name: 'Sở Nội vụ', kind: 'department', unitCode: '70' }],
  procedures: [],
};

describe('previewImport', () => {
  it('checks each row on its own, names its CSV line, and says what would change', () => {
    const preview = previewImport(
      {
        units: [
          { code: '689', name: 'Thành phố Đồng Xoài', level: 'district', parentCode: '70' },
          { code: '25001', name: 'Phường Tân Phú', level: 'commune', parentCode: '689' },
          { code: '25002', name: 'Xã Lỗi', level: 'hamlet', parentCode: '689' },
        ],
        agencies: [{ code: 'SO-NV', name: 'Sở Nội vụ tỉnh', kind: 'department', unitCode: '70' }],
      },
      current,
      { units: [2, 3, 4] },
    );
    expect(preview.valid).toBe(false);
    expect(preview.problems).toEqual([
      {
        section: 'units',
        row: 4,
        code: '25002',
        reason: 'notOneOf',
        field: 'level',
        params: { options: 'province, district, commune' },
        message: 'level: must be one of province, district, commune',
      },
    ]);
    expect(preview.changes).toEqual({
      units: { added: ['25001'], changed: [], unchanged: 1 },
      agencies: { added: [], changed: [{ code: 'SO-NV', fields: ['name'] }], unchanged: 0 },
      procedures: { added: [], changed: [], unchanged: 0 },
    });
    expect(preview.problems.map(describeProblem)).toEqual([
      'unit 25002: level: must be one of province, district, commune',
    ]);
  });

  it('finds what the merged directory would break, tied to the row that breaks it', () => {
    const preview = previewImport(
      {
        units: [{ code: '25003', name: 'Xã Mồ Côi', level: 'commune', parentCode: 'NOPE' }],
        agencies: [{ code: 'UB-X', name: 'UBND X', kind: 'commune_committee', unitCode: 'NOPE' }],
        procedures: [
          {
            code: 'TT-1',
            name: 'Thủ tục',
            field: 'Nội vụ',
            processingDays: 5,
            onlineLevel: 'full',
            feeVnd: 0,
            agencyCode: 'KHONG-CO',
          },
        ],
      },
      current,
    );
    expect(preview.problems).toEqual([
      {
        section: 'units',
        row: 1,
        code: '25003',
        reason: 'unknownParent',
        field: 'parentCode',
        params: { parentCode: 'NOPE' },
        message: 'unknown parentCode NOPE',
      },
      {
        section: 'agencies',
        row: 1,
        code: 'UB-X',
        reason: 'unknownUnit',
        field: 'unitCode',
        params: { unitCode: 'NOPE' },
        message: 'unknown unitCode NOPE',
      },
      {
        section: 'procedures',
        row: 1,
        code: 'TT-1',
        reason: 'unknownAgency',
        field: 'agencyCode',
        params: { agencyCode: 'KHONG-CO' },
        message: 'unknown agencyCode KHONG-CO',
      },
    ]);
  });

  it('passes a clean file with nothing to report, and keeps the entries to write', () => {
    const unit = { code: '25004', name: 'Xã Mới', level: 'commune', parentCode: '689' } as const;
    const preview = previewImport({ units: [unit] }, current);
    expect(preview).toMatchObject({
      valid: true,
      problems: [],
      rows: { units: 1, agencies: 0, procedures: 0 },
    });
    expect(preview.directory.units).toEqual([unit]);
  });
});
