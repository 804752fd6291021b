import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * uPlot in a Preact component: made when the data change, sized to its container, destroyed on
 * unmount. The box keeps the chart's height before it draws, so nothing below it jumps. A canvas
 * says nothing to a screen reader: each chart comes with a caption and a table of its figures.
 */
export function UPlotChart({ options, data, height }: { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData; height: number }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const chart = new uPlot({ ...options, width: element.clientWidth, height }, data, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [options, data, height]);
  return <div class="chart" ref={host} style={{ minHeight: `${height}px` }} aria-hidden="true" />;
}
