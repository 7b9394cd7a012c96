import { beforeEach, describe, expect, it, vi } from 'vitest';
import { captured, lastOption } from '@/testing/echarts-capture';
import { rankingFixture } from '@/testing/fixtures';
import { mountWithI18n } from '@/testing/mount';
import DistrictRace from './DistrictRace.vue';

vi.mock('@/charts/use-echarts', async () => ({
  useEcharts: (await import('@/testing/echarts-capture')).useEchartsCapture,
}));

interface RaceOption {
  yAxis: { data: string[]; max: number; axisLabel: { formatter: (code: string) => string } };
  series: {
    realtimeSort: boolean;
    data: { value: number; itemStyle: { opacity: number } }[];
    label: { formatter: (p: { name: string }) => string };
  }[];
}

describe('DistrictRace', () => {
  beforeEach(() => captured.splice(0));

  it('draws a realtime-sorted bar race with stable categories and the API order', () => {
    mountWithI18n(DistrictRace, { props: { ranking: rankingFixture() } });
    const option = lastOption() as unknown as RaceOption;
    const series = option.series[0];
    expect(series.realtimeSort).toBe(true);
    // Categories by code, so updates move bars instead of relabelling them.
    expect(option.yAxis.data).toEqual(['688', '689', '691', '693']);
    const values = series.data.map((item) => item.value);
    const byValue = option.yAxis.data
      .map((code, i) => [code, values[i]] as const)
      .sort((a, b) => b[1] - a[1]);
    expect(byValue.map(([code]) => code)).toEqual(['689', '688', '691', '693']);
  });

  it('orders tied scores by the API rank, within the axis so none is clipped', () => {
    const ranking = rankingFixture();
    ranking.rows = ranking.rows.map((row) => ({ ...row, score: 100 }));
    mountWithI18n(DistrictRace, { props: { ranking } });
    const option = lastOption() as unknown as RaceOption & { xAxis: { max: number } };
    const values = option.series[0].data.map((item) => item.value);
    expect(Math.max(...values)).toBeLessThanOrEqual(option.xAxis.max);
    const order = option.yAxis.data
      .map((code, i) => [code, values[i]] as const)
      .sort((a, b) => b[1] - a[1]);
    // The fixture's ranks: Đồng Xoài, Phước Long, Bù Gia Mập, Bù Đốp.
    expect(order.map(([code]) => code)).toEqual(['689', '688', '691', '693']);
  });

  it('labels movement against previousRank, low samples and missing scores', () => {
    mountWithI18n(DistrictRace, { props: { ranking: rankingFixture() } });
    const option = lastOption() as unknown as RaceOption;
    const axis = option.yAxis.axisLabel.formatter;
    expect(axis('689')).toBe('{rank|1}{up|↑2}{name|TP. Đồng Xoài}');
    expect(axis('688')).toBe('{rank|2}{down|↓1}{name|TX. Phước Long}');
    expect(axis('691')).toBe('{rank|3}{same|=}{name|H. Bù Gia Mập}');
    expect(axis('693')).toBe('{rank|4}{none|–}{name|H. Bù Đốp}');
    const label = option.series[0].label.formatter;
    expect(label({ name: '689' })).toBe('{score|86,0}');
    expect(label({ name: '688' })).toBe('{score|80,5} {low|ít mẫu}');
    expect(label({ name: '693' })).toBe('{score|—} {low|ít mẫu}');
    expect(option.series[0].data[0].itemStyle.opacity).toBe(0.5);
  });

  it('keeps the rows in an accessible table with the API figures', () => {
    const wrapper = mountWithI18n(DistrictRace, { props: { ranking: rankingFixture() } });
    const cells = wrapper
      .findAll('[data-testid="race-table"] tbody tr')
      .map((row) => row.findAll('td').map((td) => td.text()));
    expect(cells[0]).toEqual(['1', 'Thành phố Đồng Xoài', '86,0', '3']);
    expect(cells[3]).toEqual(['4', 'Huyện Bù Đốp', '—', '–']);
  });

  it('shows only the top rows when there are many units', () => {
    const ranking = rankingFixture();
    mountWithI18n(DistrictRace, { props: { ranking, maxRows: 3 } });
    expect((lastOption() as unknown as RaceOption).yAxis.max).toBe(2);
  });
});
