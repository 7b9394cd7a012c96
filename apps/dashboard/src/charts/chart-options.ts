import { formatLocalDay } from '@ioc/domain/browser';
import { FONT_FAMILY, palette } from './palette';

/** What every wall chart but the bar race starts from. */
export function chartBase() {
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    // Redrawn as data comes, without tweening: a wall has no use for it and it costs frames.
    animation: false,
  };
}

/** Axis and legend styling shared by the trend charts, sized in rem. */
export function trendBase(rem: number) {
  const label = { fontFamily: FONT_FAMILY, fontSize: Math.round(1 * rem), color: palette.muted };
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
      // Short charts: three labels at 1 rem never touch.
      splitNumber: 2,
      axisLabel: label,
      splitLine: { lineStyle: { color: palette.grid } },
    },
  };
}

export interface TrendChart {
  /** The local dates along the bottom (`2026-11-20`), shown as `20/11`. */
  dates: readonly string[];
  yAxis: object | object[];
  series: object[];
  /** Changes to the shared grid, in px. */
  grid?: Partial<ReturnType<typeof trendBase>['grid']>;
  legend?: boolean;
}

/** A trend over days or weeks: shared font, grid, legend and date axis around its own series. */
export function trendOption(
  rem: number,
  { dates, yAxis, series, grid, legend = true }: TrendChart,
) {
  const base = trendBase(rem);
  return {
    ...chartBase(),
    grid: { ...base.grid, ...grid },
    ...(legend ? { legend: base.legend } : {}),
    xAxis: { ...base.categoryAxis, data: dates.map((date) => formatLocalDay(date)) },
    yAxis,
    series,
  };
}

/** A value axis whose labels are written by `format`; counts never get fractional ticks. */
export function valueAxis(rem: number, format: (value: number) => string, counts = true) {
  const base = trendBase(rem);
  return {
    ...base.valueAxis,
    ...(counts ? { minInterval: 1 } : {}),
    axisLabel: { ...base.label, formatter: format },
  };
}

interface TrendSeries {
  name: string;
  color: string;
  data: readonly (number | null)[];
}

/** Bars with rounded tops, as the daily counts and amounts are drawn. */
export function barSeries(rem: number, { name, color, data }: TrendSeries) {
  return {
    name,
    type: 'bar' as const,
    barMaxWidth: 1.2 * rem,
    itemStyle: { color, borderRadius: [0.15 * rem, 0.15 * rem, 0, 0] },
    data,
  };
}

/** A line with round markers; `symbolSize` and `lineWidth` are in rem (the line at least 2 px). */
export function lineSeries(
  rem: number,
  {
    name,
    color,
    data,
    symbolSize,
    lineWidth,
  }: TrendSeries & { symbolSize: number; lineWidth: number },
) {
  return {
    name,
    type: 'line' as const,
    symbol: 'circle',
    symbolSize: symbolSize * rem,
    lineStyle: { width: Math.max(2, lineWidth * rem) },
    itemStyle: { color },
    data,
  };
}
