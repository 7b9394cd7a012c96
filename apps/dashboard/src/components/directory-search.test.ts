import { describe, expect, it } from 'vitest';
import { entryPath, foldText, searchDirectory, type SearchEntry } from './directory-search';

const entries: SearchEntry[] = [
  { kind: 'unit', code: '689', name: 'Thành phố Đồng Xoài' },
  { kind: 'unit', code: '25210', name: 'Phường Tân Đồng' },
  { kind: 'agency', code: 'STP', name: 'Sở Tư pháp' },
  { kind: 'agency', code: 'UBND-689', name: 'UBND Thành phố Đồng Xoài' },
];

describe('searchDirectory', () => {
  it('matches without diacritics or case', () => {
    expect(foldText('Đồng Xoài')).toBe('dong xoai');
    expect(searchDirectory('dong xoai', entries).map((e) => e.code)).toEqual(['689', 'UBND-689']);
  });

  it('puts an exact code or label first', () => {
    expect(searchDirectory('stp', entries)[0]?.code).toBe('STP');
    expect(searchDirectory('Phường Tân Đồng (25210)', entries)[0]?.code).toBe('25210');
  });

  it('ranks names starting with the query before names containing it', () => {
    expect(searchDirectory('phuong', entries).map((e) => e.code)).toEqual(['25210']);
    expect(searchDirectory('so', entries).map((e) => e.code)).toEqual(['STP']);
  });

  it('finds nothing for blank or unknown text', () => {
    expect(searchDirectory('  ', entries)).toEqual([]);
    expect(searchDirectory('hà nội', entries)).toEqual([]);
  });

  it('opens units and agencies on their own pages', () => {
    expect(entryPath(entries[0])).toBe('/units/689');
    expect(entryPath(entries[3])).toBe('/agencies/UBND-689');
  });
});
