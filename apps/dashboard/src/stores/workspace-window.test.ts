import { describe, expect, it } from 'vitest';
import {
  isValidRange,
  startOfLocalDay,
  windowFromQuery,
  windowParams,
  windowToQuery,
} from './workspace-window';

const VN = 'Asia/Ho_Chi_Minh';

describe('workspace window', () => {
  it('reads the period from the URL, today by default', () => {
    expect(windowFromQuery({})).toEqual({ kind: 'named', name: 'today' });
    expect(windowFromQuery({ window: 'month' })).toEqual({ kind: 'named', name: 'month' });
    expect(windowFromQuery({ window: 'decade' })).toEqual({ kind: 'named', name: 'today' });
    expect(windowFromQuery({ from: '2026-11-01', to: '2026-11-15', window: 'week' })).toEqual({
      kind: 'range',
      from: '2026-11-01',
      to: '2026-11-15',
    });
  });

  it('writes it back so a reload reopens it', () => {
    for (const query of [{}, { window: 'year' }, { from: '2026-01-05', to: '2026-02-05' }]) {
      expect(windowToQuery(windowFromQuery(query))).toEqual(query);
    }
  });

  it('refuses ranges out of order, longer than 400 days, or not real days', () => {
    expect(isValidRange('2026-11-15', '2026-11-01')).toBe(false);
    expect(isValidRange('2025-01-01', '2026-02-05')).toBe(false);
    expect(isValidRange('2026-02-30x', '2026-03-01')).toBe(false);
    expect(isValidRange('2026-11-15', '2026-11-15')).toBe(true);
  });

  it('turns local days into instants of the display zone, whatever the machine zone', () => {
    expect(new Date(startOfLocalDay('2026-11-21', VN)).toISOString()).toBe(
      '2026-11-20T17:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-03-08', 'America/New_York')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-03-09', 'America/New_York')).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });

  it('asks for whole days, up to now while the last day runs', () => {
    const range = { kind: 'range', from: '2026-11-01', to: '2026-11-21' } as const;
    expect(windowParams(range, VN, Date.parse('2026-12-01T00:00:00Z'))).toEqual({
      from: '2026-10-31T17:00:00.000Z',
      to: '2026-11-21T17:00:00.000Z',
    });
    expect(windowParams(range, VN, Date.parse('2026-11-21T03:00:00Z'))).toEqual({
      from: '2026-10-31T17:00:00.000Z',
      to: '2026-11-21T03:00:00.000Z',
    });
    expect(windowParams({ kind: 'named', name: 'week' }, VN, 0)).toEqual({ window: 'week' });
  });
});
