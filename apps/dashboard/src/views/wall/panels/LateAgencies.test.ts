import { describe, expect, it } from 'vitest';
import type { UnitRow } from '@/api/read-api';
import { mountWithI18n } from '@/testing/mount';
import { lateAgenciesFixture } from '@/testing/fixtures';
import LateAgencies from './LateAgencies.vue';

const units: UnitRow[] = [
  { code: '70', name: 'Tỉnh Bình Phước', level: 'province', parentCode: null },
  { code: '689', name: 'Thành phố Đồng Xoài', level: 'district', parentCode: '70' },
  { code: '25195', name: 'Phường Tân Phú', level: 'commune', parentCode: '689' },
];
const props = { lateAgencies: lateAgenciesFixture(), onTimeTarget: 0.985, units };

describe('LateAgencies', () => {
  it('lists what is overdue now worst first, red for critical and amber for warning', () => {
    const wrapper = mountWithI18n(LateAgencies, { props });
    const rows = wrapper.findAll('[data-testid="late-overdue"] > li');
    expect(rows.map((row) => row.attributes('data-code'))).toEqual(['UBND-25195', 'STP']);
    expect(rows[0].classes()).toContain('critical');
    expect(rows[1].classes()).toContain('warning');
    expect(rows[0].get('[data-field="overdue"]').text()).toBe('14');
    expect(rows[0].get('[data-field="oldest"]').text()).toBe('lâu nhất 9 ngày');
    // A commune committee of a three-tier province is named with its district.
    expect(rows[0].text()).toContain('UBND Phường Tân Phú · TP. Đồng Xoài');
    expect(rows[1].text()).not.toContain('·  ·');
    expect(wrapper.get('[data-testid="late-count"]').text()).toContain('1 nghiêm trọng');
  });

  it('lists who resolves too few on time apart, lowest rate first, with two decimals', () => {
    const late = lateAgenciesFixture();
    late.rows.push({
      agencyCode: 'STC',
      name: 'Sở Tài chính',
      unitCode: '70',
      overdue: 0,
      oldestOverdueDays: 0,
      // 98,48 % is below a 98,5 % target: shown as it is, not rounded up to the target.
      onTimeRate: 0.98476,
      resolved: 210,
      severity: 'warning',
    });
    const wrapper = mountWithI18n(LateAgencies, { props: { ...props, lateAgencies: late } });
    const below = wrapper.findAll('[data-testid="late-below"] > li');
    expect(below.map((row) => row.attributes('data-code'))).toEqual(['UBND-25195', 'STC']);
    expect(below[1].get('[data-field="onTime"]').text()).toBe('98,48 %');
    expect(below[1].get('[data-field="resolved"]').text()).toBe('210 hồ sơ đã giải quyết');
    // Nothing overdue: not in the overdue list.
    const overdue = wrapper.findAll('[data-testid="late-overdue"] > li');
    expect(overdue.map((row) => row.attributes('data-code'))).not.toContain('STC');
  });

  it('says so when nothing is overdue, instead of an empty list', () => {
    const wrapper = mountWithI18n(LateAgencies, {
      props: { ...props, lateAgencies: { ...lateAgenciesFixture(), rows: [] } },
    });
    expect(wrapper.get('[data-testid="late-none"]').text()).toBe('Không có hồ sơ quá hạn');
  });
});
