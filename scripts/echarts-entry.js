// The parts of ECharts 5 the Atlas draws with, and nothing else (the heatmap and the slider are
// the sectors view's scale ladder, whose years scroll on a phone): a custom build is about a third
// smaller than echarts.min.js. Exposed as window.echarts, the namespace the app and tests use.
import * as echarts from 'echarts/core';
import { LineChart, BarChart, MapChart, ScatterChart, HeatmapChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent,
  GeoComponent, AriaComponent, DataZoomSliderComponent,
} from 'echarts/components';
// LabelLayout is NOT optional: the map's district names (charts/district_map.rs, `district_names`),
// its zone labels and the trend chart's end labels rely on `labelLayout: { hideOverlap: true }`;
// without it the central districts' names pile up on a phone again (tests/e2e/map.spec.ts).
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart, BarChart, MapChart, ScatterChart, HeatmapChart,
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, VisualMapComponent,
  GeoComponent, AriaComponent, DataZoomSliderComponent, LabelLayout, CanvasRenderer,
]);

window.echarts = echarts;
