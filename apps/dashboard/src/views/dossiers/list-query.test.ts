import { describe, expect, it } from 'vitest';
import { listParams, listQueryFrom, listQueryTo, primarySort, sortBy } from './list-query';

describe('dossier list query', () => {
  it('reads the URL, with defaults for what is missing or wrong', () => {
    expect(listQueryFrom({})).toEqual({
      status: 'inProgress',
      dueOn: null,
      q: '',
      sort: 'dueAt:asc,dossierId:asc',
      page: 1,
      agency: null,
    });
    expect(listQueryFrom({ status: 'overdue', page: '-2', dueOn: 'tomorrow' })).toMatchObject({
      status: 'overdue',
      sort: 'overdueDays:desc,dueAt:asc,dossierId:asc',
      page: 1,
      dueOn: null,
    });
    expect(listQueryFrom({ sort: 'x;drop' }).sort).toBe('dueAt:asc,dossierId:asc');
  });

  it('writes back what it read, so a reload shows the same list', () => {
    const query = {
      status: 'dueSoon',
      dueOn: '2026-12-01',
      q: 'H12',
      sort: 'receivedAt:desc,dossierId:asc',
      page: '3',
    };
    expect(listQueryTo(listQueryFrom(query))).toEqual(query);
  });

  it("asks the API for the unit's list, or the agency's", () => {
    const list = listQueryFrom({ status: 'overdue', q: 'H1', page: '2' });
    expect(listParams('689', list)).toEqual({
      scope: '689',
      status: 'overdue',
      dueOn: undefined,
      q: 'H1',
      sort: 'overdueDays:desc,dueAt:asc,dossierId:asc',
      page: 2,
      pageSize: 50,
    });
    expect(listParams('689', listQueryFrom({ agency: 'STP' }))).toMatchObject({ agency: 'STP' });
    expect(listParams('689', listQueryFrom({ agency: 'STP' }))).not.toHaveProperty('scope');
  });

  it('turns a sorted column round and starts others in their natural order', () => {
    expect(sortBy('dueAt:asc,dossierId:asc', 'dueAt')).toBe('dueAt:desc,dossierId:asc');
    expect(sortBy('dueAt:asc,dossierId:asc', 'overdueDays')).toBe('overdueDays:desc,dossierId:asc');
    expect(sortBy('dueAt:asc', 'dossierId')).toBe('dossierId:asc');
    expect(primarySort('overdueDays:desc,dossierId:asc')).toEqual({
      column: 'overdueDays',
      direction: 'desc',
    });
  });
});
