import { describe, expect, it } from 'vitest';
import { landingPath, safeRedirect } from './landing';

describe('landingPath', () => {
  it('sends each role where SPEC §8 says', () => {
    const none = { unitCode: null, agencyCode: null };
    expect(landingPath({ ...none, role: 'leader' })).toBe('/wall');
    expect(landingPath({ ...none, role: 'admin' })).toBe('/admin');
    expect(landingPath({ ...none, role: 'district_chief', unitCode: '689' })).toBe('/units/689');
    expect(landingPath({ ...none, role: 'agency_head', agencyCode: 'STP' })).toBe('/agencies/STP');
  });

  it('has no workspace for a chief or head without their unit or agency', () => {
    expect(landingPath({ role: 'district_chief', unitCode: null, agencyCode: null })).toBe(
      '/no-access',
    );
    expect(landingPath({ role: 'agency_head', unitCode: null, agencyCode: null })).toBe(
      '/no-access',
    );
    expect(landingPath({ role: null, unitCode: null, agencyCode: null })).toBe('/login');
  });
});

describe('safeRedirect', () => {
  it('keeps paths on this site only', () => {
    expect(safeRedirect('/units/689?window=week')).toBe('/units/689?window=week');
    expect(safeRedirect('//evil.example/')).toBeNull();
    expect(safeRedirect('https://evil.example/')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
  });
});
