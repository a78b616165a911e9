// The parts of ECharts 5 the Atlas draws with, and nothing else: a custom build is about a third
// smaller than echarts.min.js. Exposed as window.echarts, the namespace the app and tests use.
import * as echarts from 'echarts/core';
import { LineChart, BarChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent,
  GeoComponent, AriaComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart, MapChart, ScatterChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent,
  GeoComponent, AriaComponent, LabelLayout, CanvasRenderer,
]);

window.echarts = echarts;
