// 系统概览: key figures with 环比/同比, live orders per minute and the order ticker (SSE), the latest alerts, and
// ingest's rate and lag. The health panel is an htmx partial (templates/dashboard/overview.html).
import {api} from './lib/api.js';
import {label, labelElement, t, unnamed} from './lib/i18n.js';
import {changeElement, changeRatio, dateTime, integer, money, number, percent, time, timeSeconds} from './lib/format.js';
import {bindFilters, rangeOf} from './lib/url-state.js';
import {htmxPanel, panel} from './lib/panel.js';
import {dataTable} from './lib/data-table.js';
import {axisTooltip, partialLine, soFar, splitLine} from './lib/partial.js';
import {live, liveIndicator} from './lib/live.js';

const defaults = {range: 'today'};
let state = bindFilters(document.querySelector('form.filters'), defaults, next => {
  state = next;
  kpis.reload();
});

// ---- key figures

/** The cards: the field of /api/v1/orders/kpis, its message and how to show it. */
const FIGURES = [
  {field: 'orders', format: integer},
  {field: 'netRevenue', format: money},
  {field: 'averageOrderValue', format: money},
  {field: 'activeCustomers', format: integer},
  {field: 'conversionRate', format: percent},
  {field: 'cancellationRate', format: percent},
  {field: 'refundRate', format: percent},
];

const kpis = panel('kpis', {
  load: signal => {
    const range = rangeOf(state);
    return api.get('/api/v1/orders/kpis', {from: range.from, to: range.to}, {signal});
  },
  isEmpty: data => [data.current, data.previous, data.lastYear].every(period => period.orders === 0),
  refresh: 60,
  render(data, body, section) {
    const cards = body.querySelector('[data-kpi-cards]');
    cards.replaceChildren(...FIGURES.map(figure => card(figure, data)));
    section.querySelector('[data-kpi-period]').textContent = t(data.toDate ? 'overview.kpis.toDate' : 'overview.kpis.period',
      [dateTime(data.current.from), dateTime(data.current.to)]);
    dataTable(section, {
      columns: [t('overview.kpis.figure'), t('overview.kpis.current'), t('overview.kpis.previous'),
        t('overview.kpis.lastYear'), t('common.change.mom'), t('common.change.yoy')],
      rows: FIGURES.map(({field}) => [t(`overview.kpi.${field}`), data.current[field], data.previous[field],
        data.lastYear[field], change(data, field, 'previous'), change(data, field, 'lastYear')]),
    }, {collapsed: true});
  },
});

/** A figure's change against an earlier period, whose orders are the basis of every figure's change. */
function changeAgainst(data, field, period) {
  return changeRatio(data.current[field], data[period][field], data[period].orders);
}

function change(data, field, period) {
  const ratio = changeAgainst(data, field, period);
  return ratio === null ? null : Math.round(ratio * 10000) / 10000;
}

function card({field, format}, data) {
  const element = document.createElement('div');
  element.className = 'kpi';
  element.dataset.kpi = field;
  const name = document.createElement('div');
  name.className = 'kpi-label';
  name.textContent = t(`overview.kpi.${field}`);
  const value = document.createElement('div');
  value.className = 'kpi-value';
  value.textContent = format(data.current[field]);
  const changes = document.createElement('div');
  changes.className = 'kpi-changes';
  const mom = changeElement(changeAgainst(data, field, 'previous'), t('common.change.mom'));
  mom.title += ` (${format(data.previous[field])})`;
  const yoy = changeElement(changeAgainst(data, field, 'lastYear'), t('common.change.yoy'));
  yoy.title += ` (${format(data.lastYear[field])})`;
  changes.append(mom, yoy);
  element.append(name, value, changes);
  return element;
}

// ---- live orders per minute and the ticker

const WINDOW_MINUTES = 60;
let minutes = [];

// ECharts (1 MB) loads beside the first API calls instead of before them: the key figures do not wait for it
let charts = null;
const chartsLoaded = import('./lib/charts.js').then(module => {
  charts = module;
});

const livePanel = panel('live', {
  load: async signal => (await Promise.all([
    api.get('/api/v1/traffic/live', {minutes: WINDOW_MINUTES}, {signal}), chartsLoaded]))[0],
  isEmpty: () => false,
  render(data) {
    minutes = data.minutes.map(minute => ({start: minute.start, orders: minute.counts.orders,
      revenue: Number(minute.counts.revenue)}));
    drawMinutes();
  },
});

function drawMinutes() {
  // the last minute is the current one (the live API and the stream's minute events say so): its count is so far
  const states = minutes.map((minute, i) => (i === minutes.length - 1 ? 'running' : 'complete'));
  const labels = minutes.map((minute, i) => soFar(time(minute.start), states[i]));
  const orders = splitLine(minutes.map(minute => minute.orders), states);
  const {chart, colors} = charts;
  chart('live', {
    grid: {left: 48, right: 16, top: 36, bottom: 28}, // room above the plot for the y axis' name
    tooltip: {trigger: 'axis', formatter: axisTooltip(labels, states, integer)},
    xAxis: {type: 'category', data: labels, boundaryGap: false},
    yAxis: {type: 'value', minInterval: 1, name: t('common.unit.perMinute'), nameTextStyle: {align: 'left'}},
    series: [{name: t('overview.live.orders'), type: 'line', data: orders.solid,
      areaStyle: {opacity: 0.12}, itemStyle: {color: colors.primary}},
    ...(orders.partial ? [{...partialLine(colors.primary), data: orders.partial}] : [])],
  }, {
    columns: [t('overview.live.minute'), {label: t('overview.live.orders'), numeric: true, format: integer},
      {label: t('overview.live.revenue'), numeric: true, format: money}],
    rows: minutes.map((minute, i) => [labels[i], minute.orders, minute.revenue]),
  });
}

function onMinute(update) {
  const last = minutes[minutes.length - 1];
  const entry = {start: update.minute, orders: update.orders, revenue: Number(update.revenue)};
  if (last && Date.parse(last.start) === Date.parse(update.minute)) {
    minutes[minutes.length - 1] = entry;
  } else if (!last || Date.parse(update.minute) > Date.parse(last.start)) {
    // quiet minutes in between are zeros, as the snapshot shows them
    for (let next = last ? Date.parse(last.start) + 60000 : Date.parse(update.minute);
      next < Date.parse(update.minute); next += 60000) {
      minutes.push({start: new Date(next).toISOString(), orders: 0, revenue: 0});
    }
    minutes.push(entry);
    minutes = minutes.slice(-WINDOW_MINUTES);
  }
  if (livePanel.section.dataset.state === 'ready') drawMinutes();
}

const TICKER_SIZE = 30;
const tickerSection = document.querySelector('[data-panel="ticker"]');
const ticker = tickerSection.querySelector('.ticker');
const tickerRows = [];
const tickerPanel = panel(tickerSection, {
  load: async () => tickerRows,
  empty: 'overview.ticker.waiting',
  render: () => {},
});

function onOrder(order) {
  tickerRows.unshift(order);
  tickerRows.length = Math.min(tickerRows.length, TICKER_SIZE);
  const item = document.createElement('li');
  item.className = 'fresh';
  const when = document.createElement('span');
  when.className = 'muted';
  when.textContent = timeSeconds(order.createdAt);
  const what = document.createElement('span');
  const id = document.createElement('span');
  id.dataset.userContent = '';
  id.textContent = order.orderId;
  what.append(id, ' · ', labelElement('province', order.province), ` · ${label('channel', order.channel)}`);
  const amount = document.createElement('span');
  amount.className = 'amount';
  amount.textContent = money(order.amount);
  item.append(when, what, amount);
  ticker.prepend(item);
  while (ticker.children.length > TICKER_SIZE) ticker.lastElementChild.remove();
  tickerPanel.setState('ready');
  dataTable(tickerSection, {
    columns: [t('overview.ticker.time'), {label: t('overview.ticker.order'), userContent: true},
      {label: t('overview.ticker.province'), format: province => label('province', province),
        userContent: province => unnamed('province', province)}, t('overview.ticker.channel'),
      {label: t('overview.ticker.amount'), numeric: true, format: money}],
    rows: tickerRows.map(row => [timeSeconds(row.createdAt), row.orderId, row.province,
      label('channel', row.channel), row.amount]),
  }, {collapsed: true});
}

live('/api/v1/traffic/stream', {
  events: {minute: onMinute, order: onOrder},
  onReset: () => livePanel.reload(),
  onState: liveIndicator(document.querySelector('[data-panel="live"] .live-state'), t),
});

// ---- latest alerts

const SEVERITY_ORDER = {CRITICAL: 0, WARNING: 1, INFO: 2};

panel('alerts', {
  load: signal => api.get('/api/v1/alerts', {limit: 8}, {signal}),
  empty: 'overview.alerts.none',
  refresh: 30,
  render(alerts, body, section) {
    const list = body.querySelector('.alert-list');
    const sorted = [...alerts].sort((a, b) => (a.status === b.status ? 0 : a.status === 'FIRING' ? -1 : 1)
      || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
    list.replaceChildren(...sorted.map(alertItem));
    const bySummary = new Map(sorted.map(alert => [summary(alert), alert]));
    dataTable(section, {
      columns: [t('overview.alerts.severity'), t('overview.alerts.status'),
        {label: t('overview.alerts.summary'), format: text => summaryElement(bySummary.get(text), 'span')},
        t('overview.alerts.since')],
      rows: sorted.map(alert => [label('severity', alert.severity), label('alertStatus', alert.status),
        summary(alert), dateTime(alert.startsAt)]),
    }, {collapsed: true});
  },
});

function summary(alert) {
  return alert.summary ? (document.documentElement.lang === 'en' ? alert.summary.en : alert.summary.zhCN) : alert.type;
}

/** The alert labels whose values a summary names, and the enumeration that names each value for people. */
const NAMED_LABELS = {region: 'province', source: 'logSource'};

/**
 * The summary, its label values shown as people read them: a topic is customers' own words, whatever the page's
 * language (data-user-content); a region or a log source by the catalogue's name for it (a region it cannot name
 * marked as data).
 */
function summaryElement(alert, tag) {
  const element = document.createElement(tag);
  const text = summary(alert);
  const words = value => {
    const span = document.createElement('span');
    span.textContent = value;
    span.dataset.userContent = '';
    return span;
  };
  const marks = [['topic', words], ...Object.entries(NAMED_LABELS)
    .map(([key, kind]) => [key, value => labelElement(kind, value)])]
    .map(([key, mark]) => ({value: alert.labels?.[key], mark}))
    .map(found => ({...found, at: found.value ? text.indexOf(found.value) : -1}))
    .filter(found => found.at >= 0).sort((a, b) => a.at - b.at);
  let done = 0;
  for (const {value, mark, at} of marks) {
    if (at < done) continue;
    element.append(text.slice(done, at), mark(value));
    done = at + value.length;
  }
  element.append(text.slice(done));
  return element;
}

function alertItem(alert) {
  const item = document.createElement('li');
  item.dataset.alert = alert.dedupeKey;
  const badge = document.createElement('span');
  badge.className = `badge ${alert.status === 'RESOLVED' ? 'INFO' : alert.severity}`;
  badge.textContent = alert.status === 'RESOLVED' ? label('alertStatus', alert.status) : label('severity', alert.severity);
  const text = summaryElement(alert, alert.link ? 'a' : 'span');
  if (alert.link) {
    text.href = alert.link;
    text.title = t('overview.alerts.open');
  }
  const when = document.createElement('span');
  when.className = 'muted num';
  when.textContent = dateTime(alert.startsAt);
  item.append(badge, text, when);
  return item;
}

// ---- health (htmx) and ingest

htmxPanel('health');

const KINDS = ['orders', 'profiles', 'logs'];

panel('ingest', {
  load: signal => api.get('/api/v1/ingest/status', {}, {signal}),
  isEmpty: () => false,
  refresh: 15,
  render(status, body, section) {
    body.querySelector('[data-ingest]')?.replaceChildren();
    dataTable(section, {
      columns: [t('overview.ingest.kind'), {label: t('overview.ingest.rate'), numeric: true, format: value => number(value, 1)},
        {label: t('overview.ingest.lag'), numeric: true, format: integer}],
      rows: KINDS.map(kind => [t(`overview.ingest.${kind}`), status.recordsPerSecond[kind] ?? 0,
        status.lag[kind] ?? null]),
    });
  },
});
