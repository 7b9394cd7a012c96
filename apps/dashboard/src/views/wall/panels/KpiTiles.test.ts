import { describe, expect, it } from 'vitest';
import { mountWithI18n } from '@/testing/mount';
import { summaryFixture } from '@/testing/fixtures';
import KpiTiles from './KpiTiles.vue';

const text = (wrapper: ReturnType<typeof mountWithI18n>, testId: string) =>
  wrapper.get(`[data-testid="${testId}"]`).text().replace(/\s+/g, ' ').trim();

describe('KpiTiles', () => {
  it('shows every headline figure in vi-VN format', () => {
    const wrapper = mountWithI18n(KpiTiles, { props: { summary: summaryFixture() } });
    expect(text(wrapper, 'tile-received-value')).toBe('561.578');
    expect(text(wrapper, 'tile-received-online')).toBe('300.000');
    expect(text(wrapper, 'tile-received-postal')).toBe('11.578');
    expect(text(wrapper, 'tile-resolved-onTime')).toBe('4.899');
    expect(text(wrapper, 'tile-resolved-late')).toBe('101');
    expect(text(wrapper, 'tile-inProgress-overdue')).toBe('12');
    expect(text(wrapper, 'tile-inProgress-dueSoon')).toBe('40');
    expect(text(wrapper, 'tile-onTimeRate-value')).toBe('97,98 %');
    expect(text(wrapper, 'tile-onTimeRate-target')).toBe('98,5 %');
    expect(text(wrapper, 'tile-payments-value')).toBe('109,5 tỷ đồng');
    expect(text(wrapper, 'tile-payments-succeeded')).toBe('2.048');
    expect(text(wrapper, 'tile-staffing-quota')).toBe('3.762');
    expect(text(wrapper, 'tile-staffing-headcount')).toBe('3.584');
    expect(text(wrapper, 'tile-staffing-onDuty')).toBe('313');
    expect(text(wrapper, 'tile-score-value')).toBe('76,6 /100');
  });

  it('marks targets met and missed', () => {
    const wrapper = mountWithI18n(KpiTiles, { props: { summary: summaryFixture() } });
    expect(text(wrapper, 'tile-onTimeRate-badge')).toBe('Không đạt');
    expect(wrapper.get('[data-testid="tile-onTimeRate-value"]').classes()).toContain('bad');
    expect(text(wrapper, 'tile-online-badge')).toBe('Đạt');
    // Satisfaction has no ratings: no badge, never "missed".
    expect(wrapper.find('[data-testid="tile-satisfaction-badge"]').exists()).toBe(false);
  });

  it('shows a dash with "chưa có dữ liệu" for a rate without data, never 0 %', () => {
    const wrapper = mountWithI18n(KpiTiles, { props: { summary: summaryFixture() } });
    const satisfaction = wrapper.get('[data-testid="tile-satisfaction-value"]');
    expect(satisfaction.text()).toContain('—');
    expect(satisfaction.text()).toContain('chưa có dữ liệu');
    expect(satisfaction.attributes('title')).toBe('chưa có dữ liệu');
    expect(text(wrapper, 'tile-digitization-result')).toBe('—');
    expect(wrapper.text()).not.toMatch(/(^|[^0-9])0,00 %/);
  });

  it('renders every tile with dashes before the first data arrives', () => {
    const wrapper = mountWithI18n(KpiTiles, { props: { summary: undefined } });
    expect(wrapper.findAll('article.tile')).toHaveLength(10);
    expect(text(wrapper, 'tile-received-value')).toBe('—');
  });

  it('speaks English on the switch', () => {
    const wrapper = mountWithI18n(KpiTiles, { props: { summary: summaryFixture() } }, 'en');
    expect(text(wrapper, 'tile-received-value')).toBe('561,578');
    expect(text(wrapper, 'tile-onTimeRate-value')).toBe('97.98%');
    expect(text(wrapper, 'tile-payments-value')).toBe('109.5 billion VND');
    expect(wrapper.text()).toContain('Received');
    expect(text(wrapper, 'tile-onTimeRate-badge')).toBe('Missed');
  });

  it('uses the Vietnamese labels with their diacritics', () => {
    const wrapper = mountWithI18n(KpiTiles, { props: { summary: summaryFixture() } });
    for (const label of [
      'Tiếp nhận',
      'Đã giải quyết',
      'Đúng hạn',
      'Trễ hạn',
      'Đang giải quyết',
      'Quá hạn',
      'Sắp đến hạn',
      'Tạm dừng',
      'Trực tuyến',
      'Trực tiếp',
      'Bưu chính',
      'Số hoá hồ sơ',
      'Thanh toán trực tuyến',
      'Mức độ hài lòng',
      'Biên chế',
      'Hiện có',
      'Đang trực',
    ]) {
      expect(wrapper.text()).toContain(label);
    }
  });

  it('compares each key figure with the period of the same length just before', () => {
    const previous = summaryFixture({
      received: { total: 500_000, online: 0, direct: 0, postal: 0 },
      resolved: { total: 0, onTime: 0, early: 0, late: 0 },
      rates: { ...summaryFixture().rates, onTime: 0.9478, online: 0.5342, digitization: null },
      payments: { succeeded: 1, amountVnd: 112_000_000_000, failed: 0 },
      score: 80,
    });
    const wrapper = mountWithI18n(KpiTiles, { props: { summary: summaryFixture(), previous } });
    expect(text(wrapper, 'tile-received-change')).toBe('▲ 61.578');
    expect(text(wrapper, 'tile-onTimeRate-change')).toBe('▲ 3,2 điểm');
    expect(wrapper.get('[data-testid="tile-onTimeRate-change"]').classes()).toContain('good');
    expect(text(wrapper, 'tile-online-change')).toBe('không đổi');
    expect(text(wrapper, 'tile-payments-change')).toBe('▼ 2,5 tỷ đồng');
    expect(wrapper.get('[data-testid="tile-payments-change"]').classes()).toContain('bad');
    expect(text(wrapper, 'tile-score-change')).toBe('▼ 3,4 điểm');
    // Honest when the period before has nothing: no dossier resolved, no rate, no rating.
    expect(text(wrapper, 'tile-resolved-change')).toBe('kỳ trước không có');
    expect(text(wrapper, 'tile-digitization-change')).toBe('kỳ trước chưa có dữ liệu');
    expect(text(wrapper, 'tile-satisfaction-change')).toBe('kỳ trước chưa có dữ liệu');
    // Until the period before is read, the line is there but says nothing.
    const waiting = mountWithI18n(KpiTiles, { props: { summary: summaryFixture() } });
    expect(text(waiting, 'tile-received-change')).toBe('');
  });

  it('compares in English too', () => {
    const previous = summaryFixture({ rates: { ...summaryFixture().rates, onTime: 0.9478 } });
    const wrapper = mountWithI18n(
      KpiTiles,
      { props: { summary: summaryFixture(), previous } },
      'en',
    );
    expect(text(wrapper, 'tile-onTimeRate-change')).toBe('▲ 3.2 pts');
    expect(text(wrapper, 'tile-received-change')).toBe('unchanged');
  });
});
