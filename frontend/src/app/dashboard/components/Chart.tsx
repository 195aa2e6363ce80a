import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** An ECharts chart with only the parts the dashboard uses (tree-shaken). */
export function Chart({
  option,
  height,
  ariaLabel,
}: {
  option: EChartsCoreOption;
  height: number;
  ariaLabel: string;
}) {
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ animation: false, textStyle: { fontFamily: 'inherit' }, ...option }}
        notMerge
        style={{ height }}
      />
    </div>
  );
}
