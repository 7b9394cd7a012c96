import { describe, expect, it } from 'vitest';
import { mountWithI18n } from '@/testing/mount';
import WallHeader from './WallHeader.vue';

const base = {
  provinceName: 'Tỉnh Bình Phước',
  window: 'today' as const,
  asOf: '2026-11-21T03:42:05.000Z',
  now: Date.parse('2026-11-21T03:42:07.000Z'),
  rotateSeconds: 30,
  paused: false,
  cycle: 1,
};

describe('WallHeader', () => {
  it('says it is live', () => {
    const wrapper = mountWithI18n(WallHeader, { props: { ...base, freshness: 'live' } });
    expect(wrapper.get('[data-testid="freshness"]').attributes('data-state')).toBe('live');
    expect(wrapper.get('[data-testid="freshness"]').text()).toContain('Trực tiếp');
  });

  it.each([
    ['Asia/Ho_Chi_Minh', '10:42:05', '10:42:07', 'Thứ Bảy, 21/11/2026'],
    // 03:42 UTC on Saturday 21/11 is 22:42 on Friday 20/11 in New York (UTC−5).
    ['America/New_York', '22:42:05', '22:42:07', 'Thứ Sáu, 20/11/2026'],
  ])(
    "always shows the time of the data, in the server's display zone (%s)",
    (zone, dataTime, clock, day) => {
      const props = { ...base, freshness: 'live' as const };
      const wrapper = mountWithI18n(WallHeader, { props }, 'vi', zone);
      expect(wrapper.get('[data-testid="freshness-time"]').text()).toBe(`Cập nhật lúc ${dataTime}`);
      expect(wrapper.get('[data-testid="clock"]').text()).toBe(clock);
      expect(wrapper.text()).toContain(day);
    },
  );

  it('shows no time or day before the server has said its zone', () => {
    const wrapper = mountWithI18n(
      WallHeader,
      { props: { ...base, freshness: 'live' } },
      'vi',
      null,
    );
    expect(wrapper.get('[data-testid="freshness-time"]').text()).toBe('Cập nhật lúc —');
    expect(wrapper.get('[data-testid="clock"]').text()).toBe('—');
    expect(wrapper.text()).not.toMatch(/\d\d:\d\d|\d\d\/\d\d/);
  });

  it('turns amber when stale and red when cut, keeping the time of the last data', () => {
    const stale = mountWithI18n(WallHeader, { props: { ...base, freshness: 'stale' } });
    expect(stale.get('[data-testid="freshness"]').classes()).toContain('stale');
    expect(stale.text()).toContain('Dữ liệu chậm cập nhật');
    const cut = mountWithI18n(WallHeader, { props: { ...base, freshness: 'cut' } });
    expect(cut.get('[data-testid="freshness"]').classes()).toContain('cut');
    expect(cut.text()).toContain('Mất kết nối');
    expect(cut.get('[data-testid="freshness-time"]').text()).toBe('Cập nhật lúc 10:42:05');
  });

  it('switches windows from its buttons and marks the one on screen', async () => {
    const wrapper = mountWithI18n(WallHeader, { props: { ...base, freshness: 'live' } });
    expect(wrapper.get('[data-testid="window-today"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.find('[data-testid="window-today"] .progress').exists()).toBe(true);
    await wrapper.get('[data-testid="window-year"]').trigger('click');
    expect(wrapper.emitted('select')).toEqual([['year']]);
    expect(wrapper.text()).toContain('Năm nay');
  });
});
