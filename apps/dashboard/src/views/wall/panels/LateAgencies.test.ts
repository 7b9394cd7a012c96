import { describe, expect, it } from 'vitest';
import { mountWithI18n } from '@/testing/mount';
import { lateAgenciesFixture } from '@/testing/fixtures';
import LateAgencies from './LateAgencies.vue';

describe('LateAgencies', () => {
  it('lists the agencies worst first, red for critical and amber for warning', () => {
    const wrapper = mountWithI18n(LateAgencies, { props: { lateAgencies: lateAgenciesFixture() } });
    const rows = wrapper.findAll('[data-testid="late-list"] > li');
    expect(rows.map((row) => row.attributes('data-code'))).toEqual(['UBND-25195', 'STP']);
    expect(rows[0].classes()).toContain('critical');
    expect(rows[1].classes()).toContain('warning');
    expect(rows[0].get('[data-field="overdue"]').text()).toBe('14');
    expect(rows[0].get('[data-field="oldest"]').text()).toBe('lâu nhất 9 ngày');
    expect(rows[0].get('[data-field="onTime"]').text()).toBe('đúng hạn 66,7 %');
    expect(rows[0].text()).toContain('UBND Phường Tân Phú');
    // No resolved dossiers: no on-time rate to show rather than 0 %.
    expect(rows[1].find('[data-field="onTime"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="late-count"]').text()).toContain('1 nghiêm trọng');
    expect(wrapper.get('[data-testid="late-count"]').text()).toContain('1 cảnh báo');
  });

  it('lists the worst 20 and counts the rest, so the page stays the same size', () => {
    const [critical] = lateAgenciesFixture().rows;
    const rows = Array.from({ length: 26 }, (_, i) => ({ ...critical, agencyCode: `A${i}` }));
    const wrapper = mountWithI18n(LateAgencies, {
      props: { lateAgencies: { ...lateAgenciesFixture(), rows } },
    });
    expect(wrapper.findAll('[data-testid="late-list"] > li.row')).toHaveLength(20);
    expect(wrapper.get('[data-testid="late-more"]').text()).toBe('và 6 cơ quan khác');
    expect(wrapper.get('[data-testid="late-count"]').text()).toContain('26 nghiêm trọng');
  });

  it('says so when no agency runs late, instead of an empty panel', () => {
    const wrapper = mountWithI18n(LateAgencies, {
      props: { lateAgencies: { ...lateAgenciesFixture(), rows: [] } },
    });
    expect(wrapper.get('[data-testid="late-none"]').text()).toBe('Không có cơ quan chậm trễ');
  });
});
