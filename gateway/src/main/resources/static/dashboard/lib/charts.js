// ECharts with the dashboard's theme; around every chart its data table and PNG / CSV export buttons (data-table.js,
// re-exported here for the views that draw charts).
import * as echarts from 'echarts';
import {t, lang} from './i18n.js';
import {dataTable, download, exportButtons, exportCsv, fileName, sectionOf} from './data-table.js';

export {echarts, dataTable, exportButtons, exportCsv, sectionOf};

/** Chinese convention: up/increase red, down/decrease green. */
export const colors = {
  up: '#d9363e',
  down: '#2e9d5b',
  flat: '#8c8c8c',
  primary: '#1f6feb',
  series: ['#1f6feb', '#f59f00', '#7048e8', '#0ca678', '#e8590c', '#1098ad', '#c2255c', '#5c940d', '#495057'],
  band80: 'rgba(31, 111, 235, 0.22)',
  band95: 'rgba(31, 111, 235, 0.10)',
  text: '#1f2328',
  muted: '#656d76',
  grid: '#e6e8eb',
};

echarts.registerTheme('keliu', {
  color: colors.series,
  backgroundColor: 'transparent',
  textStyle: {fontFamily: 'system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    color: colors.text},
  categoryAxis: {axisLine: {lineStyle: {color: colors.grid}}, axisTick: {show: false},
    axisLabel: {color: colors.muted, hideOverlap: true}, splitLine: {show: false}},
  valueAxis: {axisLine: {show: false}, axisLabel: {color: colors.muted, hideOverlap: true},
    splitLine: {lineStyle: {color: colors.grid}}},
  timeAxis: {axisLine: {lineStyle: {color: colors.grid}}, axisLabel: {color: colors.muted, hideOverlap: true},
    splitLine: {show: false}},
  legend: {textStyle: {color: colors.muted}},
  line: {symbol: 'none', smooth: false, lineStyle: {width: 2}},
});

const instances = new WeakMap();

/**
 * Draws option in the panel's <div class="chart"> (created if missing) and writes table beside it.
 * table: {columns: [label | {label, format(value), numeric, userContent}], rows: [[value, …], …]}; the CSV export
 * carries the raw values, the table shows them formatted. userContent (true, or a test of the raw value) marks cells
 * that show data rather than text of the page's language. Answers the ECharts instance (e.g. for click handlers).
 */
export function chart(target, option, table) {
  const section = sectionOf(target);
  let element = section.querySelector('.chart');
  if (!element) {
    element = document.createElement('div');
    element.className = 'chart';
    (section.querySelector('.panel-body') || section).append(element);
  }
  let instance = instances.get(element);
  if (!instance) {
    instance = echarts.init(element, 'keliu', {renderer: 'canvas', locale: lang === 'en' ? 'EN' : 'ZH'});
    instances.set(element, instance);
    new ResizeObserver(() => instance.resize()).observe(element);
  }
  instance.setOption({animationDuration: 300, tooltip: {confine: true}, ...option}, {notMerge: true});
  // a picture for assistive technology, named after its panel; the data table beside it holds the figures
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', t('common.chart.label', option.title?.text || panelTitle(section)));
  if (table) dataTable(section, table, {collapsed: true});
  exportButtons(section, {png: exportPng});
  return instance;
}

/** The panel's heading as read (its h2 or h3). */
function panelTitle(section) {
  return section.querySelector('h2, h3')?.textContent.trim() || section.dataset.panel;
}

/** Saves the panel's chart as a PNG. */
export function exportPng(target) {
  const section = sectionOf(target);
  const instance = instances.get(section.querySelector('.chart'));
  if (instance) {
    download(instance.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#ffffff'}), fileName(section, 'png'));
  }
}

let china;

/** Registers the China provinces map ('china', shipped in the jar) once; answers its name. */
export async function chinaMap() {
  china ||= fetch('/dashboard/maps/china.json').then(response => {
    if (!response.ok) throw new Error(`china.json: HTTP ${response.status}`);
    return response.json();
  }).then(json => {
    echarts.registerMap('china', json);
    return 'china';
  });
  return china;
}

const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** The map's name of a province: the platform's full name 浙江省 → the GeoJSON's 浙江. */
export function provinceMapName(province) {
  const suffix = SUFFIXES.find(ending => province.endsWith(ending) && province.length > ending.length);
  return suffix ? province.slice(0, -suffix.length) : province;
}
