import type { Directory } from '../directory/directory';

/**
 * A small three-tier province for specs: P → districts D1 (communes C1, C2) and D2 (commune C3),
 * two departments (sở) at the province and a people's committee (UBND) for D1 and each commune.
 */
export const SMALL_PROVINCE: Directory = {
  units: [
    { code: 'P', name: 'Tỉnh Thử', level: 'province', parentCode: null },
    { code: 'D1', name: 'Huyện Một', level: 'district', parentCode: 'P' },
    { code: 'D2', name: 'Huyện Hai', level: 'district', parentCode: 'P' },
    { code: 'C1', name: 'Xã Một', level: 'commune', parentCode: 'D1' },
    { code: 'C2', name: 'Xã Hai', level: 'commune', parentCode: 'D1' },
    { code: 'C3', name: 'Xã Ba', level: 'commune', parentCode: 'D2' },
  ],
  agencies: [
    { code: 'SO-TP', name: 'Sở Tư pháp', kind: 'department', unitCode: 'P' },
    { code: 'SO-YT', name: 'Sở Y tế', kind: 'department', unitCode: 'P' },
    { code: 'UBND-D1', name: 'UBND Huyện Một', kind: 'district_committee', unitCode: 'D1' },
    { code: 'UBND-C1', name: 'UBND Xã Một', kind: 'commune_committee', unitCode: 'C1' },
    { code: 'UBND-C2', name: 'UBND Xã Hai', kind: 'commune_committee', unitCode: 'C2' },
    { code: 'UBND-C3', name: 'UBND Xã Ba', kind: 'commune_committee', unitCode: 'C3' },
  ],
  procedures: [],
};
