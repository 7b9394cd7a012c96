import { FONT_FAMILY, palette } from './palette';

/** Axis and legend styling shared by the trend charts, sized in rem. */
export function trendBase(rem: number) {
  const label = { fontFamily: FONT_FAMILY, fontSize: Math.round(0.8 * rem), color: palette.muted };
  return {
    label,
    grid: { left: 3.6 * rem, right: 1.2 * rem, top: 2.2 * rem, bottom: 1.8 * rem },
    legend: {
      top: 0,
      right: 0.6 * rem,
      itemWidth: 1.1 * rem,
      itemHeight: 0.7 * rem,
      itemGap: 1.2 * rem,
      textStyle: { ...label, color: palette.text },
    },
    categoryAxis: {
      type: 'category' as const,
      axisLabel: { ...label, hideOverlap: true },
      axisLine: { lineStyle: { color: palette.grid } },
      axisTick: { show: false },
    },
    valueAxis: {
      type: 'value' as const,
      axisLabel: label,
      splitLine: { lineStyle: { color: palette.grid } },
    },
  };
}
