// The only module that imports ECharts: it loads with the statistics page's chunk, never with
// sign-in. Tree-shaken: the core, the two chart types and the components the options use.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as register, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

import type { ChartOption } from './chartOptions';

register([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A canvas chart that follows its container's width; `label` names it for assistive technology
 * (the same figures are in the table under it). */
export function EChart({ option, label, height = 320, testId }: { option: ChartOption; label: string; height?: number; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
