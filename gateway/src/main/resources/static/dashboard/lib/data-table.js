// The data table beside every chart and every list panel (in a <details> for charts: for screen readers and for
// copying) and the panel's PNG / CSV export buttons. Without ECharts, so that a page shows its figures before the
// charts' library has loaded (charts.js draws the charts and re-exports these).
import {t} from './i18n.js';
import {today} from './format.js';

const tables = new WeakMap();

/** The section.panel for an id or an element inside it. */
export function sectionOf(target) {
  const section = typeof target === 'string' ? document.querySelector(`section.panel[data-panel="${target}"]`)
    : target.closest('section.panel');
  if (!section) throw new Error(`no panel ${target}`);
  return section;
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

/**
 * Adds the PNG and/or CSV buttons (button[data-export=png|csv]) to the panel's header, once; png is the function that
 * saves the panel's picture (charts.js gives it).
 */
export function exportButtons(target, {png = null, csv = false} = {}) {
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
    button.addEventListener('click', () => (kind === 'png' ? png(section) : exportCsv(section)));
    tools.append(button);
  }
}

export function fileName(section, extension) {
  const view = document.querySelector('meta[name="keliu-view"]')?.content || 'keliu';
  return `keliu-${view}-${section.dataset.panel}-${today()}.${extension}`;
}

export function download(href, name) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
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
