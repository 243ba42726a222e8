// ECharts with the dashboard's theme, and around every chart its data table (in a <details>, for screen readers
// and for copying) and PNG / CSV export buttons in the panel's header.
import * as echarts from 'echarts';
import {t, lang} from './i18n.js';
import {today} from './format.js';

export {echarts};

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
const tables = new WeakMap();

/** The section.panel for an id or an element inside it. */
export function sectionOf(target) {
  const section = typeof target === 'string' ? document.querySelector(`section.panel[data-panel="${target}"]`)
    : target.closest('section.panel');
  if (!section) throw new Error(`no panel ${target}`);
  return section;
}

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
  exportButtons(section, {png: true});
  return instance;
}

/** The panel's heading as read (its h2 or h3). */
function panelTitle(section) {
  return section.querySelector('h2, h3')?.textContent.trim() || section.dataset.panel;
}

/**
 * Writes a panel's data table: inside <details> after the chart when collapsed (a chart's table), else as the
 * panel's content (a list panel). Adds the CSV export button.
 */
export function dataTable(target, table, {collapsed = false} = {}) {
  const section = sectionOf(target);
  const body = section.querySelector('.panel-body') || section;
  let holder = section.querySelector('.table-holder');
  if (!holder) {
    holder = document.createElement(collapsed ? 'details' : 'div');
    holder.className = 'table-holder';
    if (collapsed) {
      const summary = document.createElement('summary');
      summary.textContent = t('common.table.show');
      holder.append(summary);
    }
    body.append(holder);
  }
  const columns = table.columns.map(column => (typeof column === 'string' ? {label: column} : column));
  const element = document.createElement('table');
  element.className = 'data-table';
  const head = element.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.label;
    if (column.numeric) th.className = 'num';
    head.append(th);
  }
  const rows = element.createTBody();
  for (const row of table.rows) {
    const tr = rows.insertRow();
    row.forEach((value, index) => {
      const cell = tr.insertCell();
      const column = columns[index] || {};
      // the value alone: formatters take optional arguments of their own (money's digits)
      const shown = column.format ? column.format(value) : value;
      if (shown instanceof Node) cell.append(shown); else cell.textContent = shown ?? '–';
      if (column.numeric) cell.className = 'num';
      if (column.userContent === true || (typeof column.userContent === 'function' && column.userContent(value))) {
        cell.dataset.userContent = '';
      }
    });
  }
  holder.querySelector('table')?.remove();
  holder.append(element);
  tables.set(section, {columns, rows: table.rows});
  exportButtons(section, {csv: true});
  return element;
}

/** Adds the PNG and/or CSV buttons (button[data-export=png|csv]) to the panel's header, once. */
export function exportButtons(target, {png = false, csv = false} = {}) {
  const section = sectionOf(target);
  let tools = section.querySelector('.panel-tools');
  if (!tools) {
    tools = document.createElement('div');
    tools.className = 'panel-tools';
    (section.querySelector('.panel-head') || section).append(tools);
  }
  for (const [kind, wanted] of [['png', png], ['csv', csv]]) {
    if (!wanted || tools.querySelector(`button[data-export="${kind}"]`)) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button small';
    button.dataset.export = kind;
    button.textContent = t(`common.export.${kind}`);
    button.title = t(`common.export.${kind}Title`);
    button.addEventListener('click', () => (kind === 'png' ? exportPng(section) : exportCsv(section)));
    tools.append(button);
  }
}

function fileName(section, extension) {
  const view = document.querySelector('meta[name="keliu-view"]')?.content || 'keliu';
  return `keliu-${view}-${section.dataset.panel}-${today()}.${extension}`;
}

function download(href, name) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves the panel's chart as a PNG. */
export function exportPng(target) {
  const section = sectionOf(target);
  const instance = instances.get(section.querySelector('.chart'));
  if (instance) {
    download(instance.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#ffffff'}), fileName(section, 'png'));
  }
}

/** Saves the panel's table as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read Chinese). */
export function exportCsv(target) {
  const section = sectionOf(target);
  const table = tables.get(section);
  if (!table) return;
  const quote = value => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns.map(column => quote(column.label)).join(',')]
    .concat(table.rows.map(row => row.map(quote).join(',')));
  const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], {type: 'text/csv;charset=utf-8'});
  const href = URL.createObjectURL(blob);
  download(href, fileName(section, 'csv'));
  setTimeout(() => URL.revokeObjectURL(href), 10000);
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
