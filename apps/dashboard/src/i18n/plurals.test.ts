import { describe, expect, it } from 'vitest';
import { createAppI18n } from './index';

/** The counted phrases a wall or a list may show with a count of one. */
const COUNTED = [
  ['rank.dossiers', 'n', 'dossier', 'dossiers', 'hồ sơ'],
  ['late.agencies', 'n', 'agency', 'agencies', 'cơ quan'],
  ['late.more', 'n', 'more agency', 'more agencies', 'cơ quan'],
  ['late.oldest', 'days', 'day', 'days', 'ngày'],
  ['briefing.days', 'n', 'day', 'days', 'ngày'],
  ['ws.dossier.overdueDays', 'n', 'day overdue', 'days overdue', 'ngày'],
] as const;

describe('counted phrases', () => {
  const { t } = createAppI18n('en').global;

  it.each(COUNTED)('%s says one in the singular in English', (key, name, one, many) => {
    expect(t(key, { [name]: '1' }, 1)).toContain(`1 ${one}`);
    expect(t(key, { [name]: '1' }, 1)).not.toContain(` ${many}`);
    expect(t(key, { [name]: '2' }, 2)).toContain(`2 ${many}`);
    expect(t(key, { [name]: '0' }, 0)).toContain(`0 ${many}`);
  });

  it.each(COUNTED)('%s has one form in Vietnamese', (key, name, _one, _many, vi) => {
    const { t: tVi } = createAppI18n('vi').global;
    expect(tVi(key, { [name]: '1' }, 1)).toContain(`1 ${vi}`);
    expect(tVi(key, { [name]: '2' }, 2)).toContain(`2 ${vi}`);
  });

  it('says when one event came after the freeze, and when several did', () => {
    expect(t('briefing.lateEvents', { n: '1' }, 1)).toMatch(/^1 event arrived .* is not/);
    expect(t('briefing.lateEvents', { n: '3' }, 3)).toMatch(/^3 events arrived .* are not/);
  });
});
