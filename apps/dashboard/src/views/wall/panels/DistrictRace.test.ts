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
    data: { value: number; itemStyle: { opacity: number } }[];
    label: { formatter: (p: { name: string }) => string };
  }[];
}

describe('DistrictRace', () => {
  beforeEach(() => captured.splice(0));

  it('draws the bars in the API rank order, each as long as its score', () => {
    mountWithI18n(DistrictRace, { props: { ranking: rankingFixture() } });
    const option = lastOption() as unknown as RaceOption;
    expect(option.yAxis.data).toEqual(['689', '688', '691', '693']);
    expect(option.series[0].data.map((item) => item.value)).toEqual([86.04, 80.5, 61.2, 0]);
  });

  it('puts a low-sample unit after the others even with the best score, as the API ranks it', () => {
    const ranking = rankingFixture();
    // The API's order, rows given out of it: Bù Gia Mập (70) is 2nd, Phước Long (95, few
    // dossiers) 3rd although its score is the highest.
    const [dongXoai, phuocLong, buGiaMap] = ranking.rows;
    ranking.rows = [
      { ...phuocLong, score: 95, lowSample: true, rank: 3 },
      { ...dongXoai, score: 86, rank: 1 },
      { ...buGiaMap, score: 70, lowSample: false, rank: 2 },
    ];
    mountWithI18n(DistrictRace, { props: { ranking } });
    const option = lastOption() as unknown as RaceOption;
    expect(option.yAxis.data).toEqual(['689', '691', '688']);
    expect(option.series[0].data.map((item) => item.value)).toEqual([86, 70, 95]);
    expect(option.series[0].data.map((item) => item.itemStyle.opacity)).toEqual([1, 1, 0.5]);
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
    expect(option.series[0].data[1].itemStyle.opacity).toBe(0.5);
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
