import type { DailyFigures } from '@ioc/domain/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { captured, lastOption } from '@/testing/echarts-capture';
import { mountWithI18n } from '@/testing/mount';
import TrendDaily from './TrendDaily.vue';
import TrendPayments from './TrendPayments.vue';
import TrendWeekly from './TrendWeekly.vue';

vi.mock('@/charts/use-echarts', async () => ({
  useEcharts: (await import('@/testing/echarts-capture')).useEchartsCapture,
}));

const days: DailyFigures[] = [
  {
    date: '2026-11-19',
    received: 1200,
    resolved: 1100,
    resolvedOnTime: 1090,
    paymentsSucceeded: 40,
    paymentsAmountVnd: 2_500_000_000,
  },
  {
    date: '2026-11-20',
    received: 1300,
    resolved: 1250,
    resolvedOnTime: 1240,
    paymentsSucceeded: 55,
    paymentsAmountVnd: 3_100_000_000,
  },
];

interface SeriesOption {
  xAxis: { data: string[] };
  yAxis: { name?: string } | { name?: string }[];
  series: { data: (number | null)[]; markLine?: { data: { yAxis: number }[] } }[];
}

describe('trend panels', () => {
  beforeEach(() => captured.splice(0));

  it('draws received and resolved per day', () => {
    const wrapper = mountWithI18n(TrendDaily, { props: { days } });
    const option = lastOption() as unknown as SeriesOption;
    expect(option.xAxis.data).toEqual(['19/11', '20/11']);
    expect(option.series.map((series) => series.data)).toEqual([
      [1200, 1300],
      [1100, 1250],
    ]);
    expect(wrapper.get('[data-date="2026-11-20"] [data-field="received"]').text()).toBe('1.300');
  });

  it('draws payments per day in billions of đồng with the count beside', () => {
    const wrapper = mountWithI18n(TrendPayments, { props: { days } });
    const option = lastOption() as unknown as SeriesOption;
    expect((option.yAxis as { name?: string }[])[0].name).toBe('tỷ đồng');
    expect(option.series[0].data).toEqual([2.5, 3.1]);
    expect(option.series[1].data).toEqual([40, 55]);
    expect(wrapper.get('[data-date="2026-11-20"] [data-field="amount"]').text()).toBe(
      '3,1 tỷ đồng',
    );
  });

  it('draws the weekly on-time rate against its target, leaving weeks without data empty', () => {
    const weeks = [
      { weekStart: '2026-11-09', resolved: 100, resolvedOnTime: 99, onTimeRate: 0.99 },
      { weekStart: '2026-11-16', resolved: 0, resolvedOnTime: 0, onTimeRate: null },
    ];
    const wrapper = mountWithI18n(TrendWeekly, { props: { weeks, target: 0.985 } });
    const option = lastOption() as unknown as SeriesOption;
    expect(option.series[0].data).toEqual([99, null]);
    expect(option.series[0].markLine?.data).toEqual([{ yAxis: 98.5 }]);
    expect(wrapper.text()).toContain('Mục tiêu 98,5 %');
    expect(wrapper.get('[data-week="2026-11-16"] [data-field="rate"]').text()).toBe('—');
  });
});
