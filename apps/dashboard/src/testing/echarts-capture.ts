import type { ChartContext, ChartOption, OptionFactory } from '@/charts/use-echarts';

/**
 * Stands in for the ECharts composable in component tests (happy-dom draws no canvas): keeps
 * the option factories the panels pass, so a test can check what they would draw.
 */
export const captured: OptionFactory[] = [];

export function useEchartsCapture(_element: unknown, factory: OptionFactory) {
  captured.push(factory);
  return { chart: { value: null } };
}

export const CONTEXT: ChartContext = { rem: 20, width: 600, height: 400 };

export function lastOption(context: ChartContext = CONTEXT): ChartOption {
  const option = captured[captured.length - 1]?.(context);
  if (!option) throw new Error('no option');
  return option;
}
