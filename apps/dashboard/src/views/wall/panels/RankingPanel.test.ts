import { describe, expect, it } from 'vitest';
import { rankingFixture } from '@/testing/fixtures';
import { mountWithI18n } from '@/testing/mount';
import RankingPanel from './RankingPanel.vue';

describe('RankingPanel', () => {
  it('shows the score change in points, the weakest component and the measured points', () => {
    const wrapper = mountWithI18n(RankingPanel, {
      props: { ranking: rankingFixture(), title: 'Xếp hạng' },
    });
    const first = wrapper.get('.row[data-code="689"]');
    expect(first.get('[data-field="change"]').text()).toBe('▲ 2,4');
    expect(first.get('[data-field="score"]').text()).toBe('86,0');
    expect(first.get('[data-field="weakest"]').text()).toBe('số hoá 53,8 %');
    expect(wrapper.get('.row[data-code="691"] [data-field="change"]').text()).toBe('= 0,0');
    // Progress 20, online 12 and digitisation 22 are what the rows carry.
    expect(wrapper.get('[data-testid="ranking-measured"]').text()).toBe(
      'Chỉ số phục vụ (54 điểm đo được)',
    );
  });

  it('lists the units with too few dossiers apart, greyed, without a rank', () => {
    const wrapper = mountWithI18n(RankingPanel, {
      props: { ranking: rankingFixture(), title: 'Xếp hạng' },
    });
    expect(wrapper.findAll('.row').map((row) => row.attributes('data-code'))).toEqual([
      '689',
      '691',
    ]);
    expect(wrapper.get('[data-testid="ranking-low-head"]').text()).toBe(
      'Chưa đủ mẫu (2 đơn vị), không xếp hạng',
    );
    const low = wrapper.findAll('[data-low-sample="true"]');
    expect(low.map((unit) => unit.attributes('data-code'))).toEqual(['688', '693']);
    expect(low[0].text()).toBe('TX. Phước Long12 hồ sơ');
  });

  it('links each unit to its workspace on a laptop, never on a kiosk', () => {
    const stubs = { RouterLink: { props: ['to'], template: '<a :href="to"><slot /></a>' } };
    const laptop = mountWithI18n(RankingPanel, {
      props: { ranking: rankingFixture(), title: 'Xếp hạng', linkable: true },
      global: { stubs },
    });
    expect(laptop.get('.row[data-code="689"] a').attributes('href')).toBe('/units/689');
    const kiosk = mountWithI18n(RankingPanel, {
      props: { ranking: rankingFixture(), title: 'Xếp hạng' },
      global: { stubs },
    });
    expect(kiosk.find('a').exists()).toBe(false);
  });
});
