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
  /** Each date's reason for being a day off (null: a working day): shaded behind the bars. */
  daysOff?: readonly (string | null)[];
  /** The last date is still running (today, this week): named so instead of its date. */
  partialLabel?: string;
}

/** Runs of days off as shaded bands behind the first series. */
function dayOffBands(labels: readonly string[], daysOff: readonly (string | null)[]) {
  const bands: [{ xAxis: string }, { xAxis: string }][] = [];
  daysOff.forEach((reason, index) => {
    if (reason === null) return;
    const last = bands.at(-1);
    if (last && daysOff[index - 1] !== null && index > 0) last[1] = { xAxis: labels[index] };
    else bands.push([{ xAxis: labels[index] }, { xAxis: labels[index] }]);
  });
  return {
    silent: true,
    itemStyle: { color: 'rgba(159, 176, 200, 0.13)' },
    label: { show: false },
    data: bands,
  };
}

/** A trend over days or weeks: shared font, grid, legend and date axis around its own series. */
export function trendOption(
  rem: number,
  { dates, yAxis, series, grid, legend = true, daysOff, partialLabel }: TrendChart,
) {
  const base = trendBase(rem);
  const labels = dates.map((date, index) =>
    partialLabel && index === dates.length - 1 ? partialLabel : formatLocalDay(date),
  );
  const [first, ...rest] = series;
  return {
    ...chartBase(),
    grid: { ...base.grid, ...grid },
    ...(legend ? { legend: base.legend } : {}),
    xAxis: { ...base.categoryAxis, data: labels },
    yAxis,
    series:
      daysOff && first ? [{ ...first, markArea: dayOffBands(labels, daysOff) }, ...rest] : series,
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

/** Label steps of a percentage axis ending at 100 %, finest first. */
const PERCENT_STEPS = [1, 2, 5, 10, 20, 50] as const;

/**
 * A percentage axis for rates near the top: three labels (floor, middle, 100 %) at a round step,
 * the floor a little below the lowest value so changes show. Two intervals, whatever the chart's
 * height, so the labels never touch ("100%" on "99%").
 */
export function percentAxis(rem: number, lowest: number | null, format: (value: number) => string) {
  const headroom = 0.5;
  const interval =
    PERCENT_STEPS.find((step) => lowest !== null && 100 - 2 * step <= lowest - headroom) ?? 50;
  return {
    ...valueAxis(rem, format, false),
    min: 100 - 2 * interval,
    max: 100,
    interval,
  };
}

/** A point: its value, or the value with its own marker (a hollow one for a partial week). */
type TrendPoint = number | null | { value: number | null; symbol: string };

interface TrendSeries {
  name: string;
  color: string;
  data: readonly TrendPoint[];
}

/**
 * Bars with rounded tops, as the daily counts and amounts are drawn; the last one faded and
 * outlined when its day is still running, so it never reads as a drop.
 */
export function barSeries(rem: number, { name, color, data }: TrendSeries, partialLast = false) {
  return {
    name,
    type: 'bar' as const,
    barMaxWidth: 1.2 * rem,
    itemStyle: { color, borderRadius: [0.15 * rem, 0.15 * rem, 0, 0] },
    data: data.map((value, index) =>
      partialLast && index === data.length - 1
        ? {
            value,
            itemStyle: {
              opacity: 0.45,
              borderColor: color,
              borderType: 'dashed',
              borderWidth: Math.max(1, 0.08 * rem),
            },
          }
        : value,
    ),
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
