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
    dayOff: null,
  },
  {
    date: '2026-11-20',
    received: 1300,
    resolved: 1250,
    resolvedOnTime: 1240,
    paymentsSucceeded: 55,
    paymentsAmountVnd: 3_100_000_000,
    dayOff: null,
  },
];

type Point = number | null | { value: number | null; itemStyle?: object; symbol?: string };

interface SeriesOption {
  xAxis: { data: string[] };
  yAxis: { name?: string } | { name?: string }[];
  series: {
    data: Point[];
    markLine?: { data: { yAxis: number }[] };
    markArea?: { data: { xAxis: string }[][] };
  }[];
}

/** The values drawn, without the styling of a partial day. */
const values = (data: Point[]) =>
  data.map((point) => (point !== null && typeof point === 'object' ? point.value : point));

describe('trend panels', () => {
  beforeEach(() => captured.splice(0));

  it('draws received and resolved per day', () => {
    const wrapper = mountWithI18n(TrendDaily, { props: { days } });
    const option = lastOption() as unknown as SeriesOption;
    // The last day is today, still running: named so, its bar faded, never read as a drop.
    expect(option.xAxis.data).toEqual(['19/11', 'Hôm nay']);
    expect(option.series[0].data[1]).toMatchObject({ itemStyle: { opacity: 0.45 } });
    expect(option.series.map((series) => values(series.data))).toEqual([
      [1200, 1300],
      [1100, 1250],
    ]);
    expect(wrapper.get('[data-date="2026-11-20"] [data-field="received"]').text()).toBe('1.300');
  });

  it('draws payments per day in billions of đồng with the count beside', () => {
    const wrapper = mountWithI18n(TrendPayments, { props: { days } });
    const option = lastOption() as unknown as SeriesOption;
    expect((option.yAxis as { name?: string }[])[0].name).toBe('tỷ đồng');
    expect(values(option.series[0].data)).toEqual([2.5, 3.1]);
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
    expect(values(option.series[0].data)).toEqual([99, null]);
    // The last week is under way: its point hollow, named "this week".
    expect(option.series[0].data[1]).toMatchObject({ symbol: 'emptyCircle' });
    expect(option.xAxis.data.at(-1)).toBe('Tuần này');
    expect(option.series[0].markLine?.data).toEqual([{ yAxis: 98.5 }]);
    expect(wrapper.text()).toContain('Mục tiêu 98,5 %');
    expect(wrapper.get('[data-week="2026-11-16"] [data-field="rate"]').text()).toBe('—');
  });

  it("gives a ward's weekly rates near 100 % three labels far apart", () => {
    const weeks = [0.951, 0.99, 1, 0.97].map((onTimeRate, index) => ({
      weekStart: `2026-11-0${index + 2}`,
      resolved: 100,
      resolvedOnTime: Math.round(onTimeRate * 100),
      onTimeRate,
    }));
    mountWithI18n(TrendWeekly, { props: { weeks, target: 0.985 } });
    const axis = (lastOption() as { yAxis: { min: number; max: number; interval: number } }).yAxis;
    // Two intervals at a round step below the lowest (95,1 %): 90, 95, 100, never 99 on 100.
    expect([axis.min, axis.interval, axis.max]).toEqual([90, 5, 100]);
    mountWithI18n(TrendWeekly, {
      props: { weeks: weeks.map((week) => ({ ...week, onTimeRate: 0.995 })), target: 0.985 },
    });
    // Everything at 99,5 % and the target at 98,5 %: 98, 99, 100, still half the chart apart.
    const close = (lastOption() as { yAxis: { min: number; interval: number } }).yAxis;
    expect([close.min, close.interval]).toEqual([98, 1]);
  });

  it('counts small numbers on an integer axis', () => {
    mountWithI18n(TrendDaily, {
      props: { days: days.map((day) => ({ ...day, received: 1, resolved: 0 })) },
    });
    const axis = (lastOption() as { yAxis: { minInterval?: number } | { minInterval?: number }[] })
      .yAxis;
    expect([axis].flat()[0].minInterval).toBe(1);
  });

  it('shades weekends and holidays, and names the holiday', () => {
    const week = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'].map(
      (date, index) => ({
        ...days[0],
        date,
        dayOff: [null, 'weekend', 'weekend', null, 'Ngày thử nghiệm'][index],
      }),
    );
    const wrapper = mountWithI18n(TrendDaily, {
      props: { days: [...week, { ...days[1], date: '2026-11-25' }] },
    });
    const option = lastOption() as unknown as SeriesOption;
    expect(option.series[0].markArea?.data).toEqual([
      [{ xAxis: '21/11' }, { xAxis: '22/11' }],
      [{ xAxis: '24/11' }, { xAxis: '24/11' }],
    ]);
    expect(wrapper.text()).toContain('Nghỉ 24/11: Ngày thử nghiệm');
  });
});
