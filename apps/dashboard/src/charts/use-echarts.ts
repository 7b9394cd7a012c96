import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue';
import { cancelRender, scheduleRender } from './render-queue';

// Only the parts the wall draws: smaller bundle, less to keep in memory for weeks.
echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  LabelLayout,
  CanvasRenderer,
  // The briefing draws in SVG: a printed PDF keeps its charts as vectors and their text as text.
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** What an option factory may size itself by: the root font size (px per rem) and the box. */
export interface ChartContext {
  rem: number;
  width: number;
  height: number;
}

export type OptionFactory = (context: ChartContext) => ChartOption | null;

export interface UseEchartsOptions {
  /** Replace the whole option on each update (default: merge, which animates bar races). */
  notMerge?: boolean;
  /** `svg` for charts that are printed (the briefing's PDF); the wall draws on canvas. */
  renderer?: 'canvas' | 'svg';
}

function rootRem(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * The one ECharts wrapper: the instance lives in a shallowRef (never reactive: a deep proxy over
 * ECharts' internals costs memory and time on a wall running for weeks), follows the element's
 * size, and is disposed on unmount. The factory is re-run when its reactive inputs change.
 */
export function useEcharts(
  element: Ref<HTMLElement | null>,
  factory: OptionFactory,
  options: UseEchartsOptions = {},
) {
  const chart = shallowRef<echarts.ECharts | null>(null);
  const context = ref<ChartContext>({ rem: 16, width: 0, height: 0 });
  let observer: ResizeObserver | undefined;
  let stopWatch: (() => void) | undefined;

  function measure(target: HTMLElement): void {
    const next = { rem: rootRem(), width: target.clientWidth, height: target.clientHeight };
    const current = context.value;
    if (
      next.rem !== current.rem ||
      next.width !== current.width ||
      next.height !== current.height
    ) {
      context.value = next;
    }
  }

  onMounted(() => {
    const target = element.value;
    if (!target) return;
    const instance = echarts.init(target, null, { renderer: options.renderer ?? 'canvas' });
    chart.value = instance;
    measure(target);
    observer = new ResizeObserver(() => {
      measure(target);
      instance.resize();
    });
    observer.observe(target);
    stopWatch = watch(
      () => factory(context.value),
      (option) => {
        if (!option) return;
        scheduleRender(instance, () => {
          if (!instance.isDisposed())
            instance.setOption(option, { notMerge: options.notMerge ?? false });
        });
      },
      { immediate: true },
    );
    // Canvas text drawn before the bundled font finished loading would keep the fallback face.
    void document.fonts?.ready.then(() => {
      if (chart.value !== instance || instance.isDisposed()) return;
      const option = factory(context.value);
      if (option) instance.setOption(option, { notMerge: true });
    });
  });

  onBeforeUnmount(() => {
    stopWatch?.();
    observer?.disconnect();
    if (chart.value) cancelRender(chart.value);
    chart.value?.dispose();
    chart.value = null;
  });

  return { chart };
}

export { echarts };
