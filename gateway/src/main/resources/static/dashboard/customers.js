// 客户: segments with their audiences, the customer list, valuable customers at risk and profile distributions.
// Numbers come from profile-service (docs/profiles.md); the 360° page of one customer is customer.js.
import {get} from './lib/api.js';
import {chart, colors, dataTable} from './lib/charts.js';
import {integer, localDate, money, moneyCompact, percent} from './lib/format.js';
import {label, t, unnamed} from './lib/i18n.js';
import {panel} from './lib/panel.js';
import {bindFilters} from './lib/url-state.js';
import {customerLink, lifecycleName, localized, reasonText} from './customer-words.js';

const DEFAULTS = {segment: '', lifecycle: '', minChurnRisk: '', province: '', sort: 'clv', page: '0'};
const PAGE_SIZE = 20;
/** The churn risk from which a valuable customer is listed as at risk (profile-service's alert threshold). */
const AT_RISK = 0.5;
const AGE_BANDS = ['<18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const INCOME_LEVELS = ['LOW', 'LOWER_MIDDLE', 'MIDDLE', 'UPPER_MIDDLE', 'HIGH'];
const TOP = 12;

const form = document.getElementById('customer-filters');
const segments = get('/api/v1/segments');
keepLinkedChoices(form);
// another filter starts the list from its first page again
form.addEventListener('change', event => {
  if (event.target.name !== 'page') form.elements.page.value = '0';
}, true);
let state = bindFilters(form, DEFAULTS, next => {
  state = next;
  list.reload();
});

/** A value the URL brings that a select does not offer yet (an alert's link, options still loading) is kept. */
function keepLinkedChoices(filters) {
  const query = new URLSearchParams(location.search);
  for (const select of filters.querySelectorAll('select')) {
    const value = query.get(select.name);
    if (value && ![...select.options].some(option => option.value === value)) {
      select.add(new Option(value, value));
    }
  }
}

function offer(select, choices) {
  const chosen = select.value;
  const first = select.options[0];
  select.replaceChildren(first, ...choices.map(([value, text, data]) => {
    const option = new Option(text, value);
    if (data) option.dataset.userContent = '';
    return option;
  }));
  if (chosen && !choices.some(([value]) => value === chosen)) select.add(new Option(chosen, chosen));
  select.value = chosen;
}

function segmentNames(list) {
  return new Map(list.map(segment => [segment.id, localized(segment.name)]));
}

function choose(name, value) {
  const control = form.elements[name];
  control.value = value;
  control.dispatchEvent(new Event('change', {bubbles: true}));
  document.querySelector('section.panel[data-panel="customers"]').scrollIntoView({behavior: 'smooth'});
}

panel('segments', {
  load: () => segments,
  empty: 'customers.segments.empty',
  render: (list, body, section) => {
    offer(form.elements.segment, list.map(segment => [String(segment.id), localized(segment.name)]));
    const canExport = section.dataset.canExport === 'true';
    const names = list.map(segment => localized(segment.name));
    chart(section, {
      legend: {top: 0},
      grid: {left: 8, right: 8, top: 40, bottom: 8, containLabel: true},
      tooltip: {confine: true, trigger: 'axis', axisPointer: {type: 'shadow'}},
      xAxis: {type: 'category', data: names, axisLabel: {interval: 0, width: 110, overflow: 'break'}},
      yAxis: [{type: 'value', name: t('customers.segments.series.customers'), minInterval: 1},
        {type: 'value', name: t('customers.segments.series.clv'), axisLabel: {formatter: moneyCompact},
          splitLine: {show: false}}],
      series: [
        {type: 'bar', name: t('customers.segments.series.customers'), barMaxWidth: 36,
          data: list.map(segment => segment.size)},
        {type: 'bar', name: t('customers.segments.series.clv'), yAxisIndex: 1, barMaxWidth: 36,
          data: list.map(segment => segment.clv), tooltip: {valueFormatter: value => money(value)}},
      ],
    }, {
      columns: [t('customers.col.segment'), t('customers.col.description'),
        {label: t('customers.col.customers'), numeric: true, format: integer},
        {label: t('customers.col.share'), numeric: true, format: ratio => percent(ratio)},
        {label: t('customers.col.clvTotal'), numeric: true, format: value => money(value, 0)},
        {label: t('customers.col.clvAverage'), numeric: true, format: value => money(value)},
        {label: t('customers.col.meanChurnRisk'), numeric: true, format: ratio => percent(ratio)},
        {label: t('customers.col.actions'), format: id => segmentActions(id, canExport)}],
      rows: list.map(segment => [localized(segment.name), localized(segment.description), segment.size,
        segment.share, segment.clv, segment.averageClv, segment.meanChurnRisk, segment.id]),
    });
    // the table is what a marketer works with: open it
    section.querySelector('details.table-holder')?.setAttribute('open', '');
  },
});

function segmentActions(id, canExport) {
  const actions = document.createElement('span');
  actions.className = 'actions';
  const show = document.createElement('button');
  show.type = 'button';
  show.className = 'button small';
  show.textContent = t('customers.segments.show');
  show.addEventListener('click', () => choose('segment', String(id)));
  actions.append(show);
  if (canExport) {
    const download = document.createElement('a');
    download.className = 'button small';
    download.href = `/api/v1/segments/${encodeURIComponent(id)}/customers?format=csv`;
    download.download = `keliu-segment-${id}-${localDate()}.csv`;
    download.textContent = t('customers.segments.export');
    actions.append(download);
  }
  return actions;
}

const list = panel('customers', {
  load: async signal => {
    const [page, names] = await Promise.all([
      get('/api/v1/customers', {segment: state.segment, lifecycle: state.lifecycle,
        minChurnRisk: state.minChurnRisk, province: state.province, sort: state.sort, page: state.page,
        size: PAGE_SIZE}, {signal}),
      segments.then(segmentNames, () => new Map())]);
    return {...page, names};
  },
  isEmpty: page => page.items.length === 0,
  empty: 'customers.list.empty',
  render: (page, body, section) => {
    dataTable(section, {
      columns: [{label: t('customers.col.userId'), format: customerLink, userContent: true},
        {label: t('customers.col.province'), format: value => label('province', value),
          userContent: value => unnamed('province', value)},
        {label: t('customers.col.city'), userContent: true},
        {label: t('customers.col.lifecycle'), format: lifecycleName},
        {label: t('customers.col.purchases'), numeric: true, format: integer},
        {label: t('customers.col.monetary'), numeric: true, format: value => money(value)},
        t('customers.col.lastPurchase'),
        {label: t('customers.col.clv'), numeric: true, format: value => money(value)},
        {label: t('customers.col.churnRisk'), numeric: true, format: ratio => percent(ratio)},
        t('customers.col.segment')],
      rows: page.items.map(item => [item.userId, item.province, item.city, item.lifecycle, item.purchases,
        item.monetaryTotal, item.lastPurchaseAt, item.clv, item.churnRisk,
        item.segmentId === null ? null : page.names.get(item.segmentId) ?? String(item.segmentId)]),
    });
    pager(section, page);
  },
});

function pager(section, page) {
  const number = Number(state.page) || 0;
  section.querySelector('[data-page-number]').textContent = t('customers.page.number', number + 1);
  for (const button of section.querySelectorAll('button[data-page]')) {
    const step = Number(button.dataset.page);
    button.disabled = step < 0 ? number === 0 : !page.hasMore;
    button.onclick = () => choose('page', String(Math.max(0, number + step)));
  }
}

document.querySelector('[data-panel="at-risk"] [data-advice]').textContent =
  t('customers.atRisk.advice', percent(AT_RISK, 0));

panel('at-risk', {
  load: async signal => {
    const [page, names] = await Promise.all([
      get('/api/v1/customers', {valuable: true, minChurnRisk: AT_RISK, sort: 'churnRisk', size: PAGE_SIZE},
        {signal}),
      segments.then(segmentNames, () => new Map())]);
    return {...page, names};
  },
  isEmpty: page => page.items.length === 0,
  empty: t('customers.atRisk.empty', percent(AT_RISK, 0)),
  render: (page, body, section) => {
    const items = [...page.items].reverse();
    chart(section, {
      grid: {left: 8, right: 48, top: 8, bottom: 8, containLabel: true},
      tooltip: {confine: true, trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: ratio => percent(ratio)},
      xAxis: {type: 'value', min: 0, max: 1, axisLabel: {formatter: ratio => percent(ratio, 0)}},
      yAxis: {type: 'category', data: items.map(item => item.userId)},
      series: [{type: 'bar', name: t('customers.atRisk.series'), barMaxWidth: 18,
        itemStyle: {color: colors.up}, data: items.map(item => item.churnRisk),
        label: {show: true, position: 'right', formatter: item => percent(item.value, 0), color: colors.muted}}],
    }, {
      columns: [{label: t('customers.col.userId'), format: customerLink, userContent: true},
        {label: t('customers.col.churnRisk'), numeric: true, format: ratio => percent(ratio)},
        {label: t('customers.col.clv'), numeric: true, format: value => money(value)},
        t('customers.col.topReason'),
        {label: t('customers.col.lifecycle'), format: lifecycleName},
        t('customers.col.segment')],
      rows: page.items.map(item => [item.userId, item.churnRisk, item.clv, reasonText(item.churnFactors[0]),
        item.lifecycle, page.names.get(item.segmentId) ?? null]),
    });
    section.querySelector('details.table-holder')?.setAttribute('open', '');
  },
});

/** How each distribution is ordered and named: bands in their natural order, the rest largest first. */
const DISTRIBUTIONS = {
  age: {order: AGE_BANDS, name: band => band, chart: 'columns'},
  gender: {name: value => label('gender', value), chart: 'pie'},
  province: {name: value => label('province', value), chart: 'bars', userContent: value => unnamed('province', value)},
  occupation: {name: value => value, chart: 'bars', userContent: true},
  income: {order: INCOME_LEVELS, name: level => t(`customers.income.${level}`), chart: 'columns'},
};

for (const [dimension, shape] of Object.entries(DISTRIBUTIONS)) {
  panel(`dist-${dimension}`, {
    load: signal => get('/api/v1/profiles/distribution', {dimension}, {signal}),
    isEmpty: answer => answer.customers === 0,
    empty: 'customers.dist.empty',
    render: (answer, body, section) => {
      distribution(section, answer, shape);
      if (dimension === 'province') {
        offer(form.elements.province, answer.buckets.filter(bucket => bucket.value !== null)
          .map(bucket => [bucket.value, label('province', bucket.value), unnamed('province', bucket.value)]));
      }
    },
  });
}

function distribution(section, answer, shape) {
  const named = value => (value === null ? t('customers.dist.unknown') : shape.name(value));
  let buckets = answer.buckets;
  if (shape.order) {
    const rank = value => (value === null ? shape.order.length : shape.order.indexOf(value));
    buckets = [...buckets].sort((a, b) => rank(a.value) - rank(b.value));
  }
  const shown = shape.chart === 'bars' ? buckets.slice(0, TOP) : buckets;
  chart(section, distributionChart(shape.chart, shown.map(bucket => named(bucket.value)),
    shown.map(bucket => bucket.customers)), {
    columns: [{label: t(`customers.dist.${answer.dimension}.title`), format: named, userContent: shape.userContent},
      {label: t('customers.col.customers'), numeric: true, format: integer},
      {label: t('customers.col.share'), numeric: true, format: ratio => percent(ratio)}],
    rows: buckets.map(bucket => [bucket.value, bucket.customers, bucket.share]),
  });
}

function distributionChart(kind, names, counts) {
  const series = t('customers.dist.series');
  if (kind === 'pie') {
    return {
      tooltip: {confine: true, trigger: 'item', valueFormatter: integer},
      series: [{type: 'pie', name: series, radius: ['40%', '68%'], avoidLabelOverlap: true,
        label: {formatter: '{b}\n{d}%'}, data: names.map((name, i) => ({name, value: counts[i]}))}],
    };
  }
  if (kind === 'columns') {
    return {
      grid: {left: 8, right: 8, top: 16, bottom: 8, containLabel: true},
      tooltip: {confine: true, trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: integer},
      xAxis: {type: 'category', data: names, axisLabel: {interval: 0, hideOverlap: false}},
      yAxis: {type: 'value', minInterval: 1},
      series: [{type: 'bar', name: series, barMaxWidth: 32, data: counts}],
    };
  }
  return {
    grid: {left: 8, right: 40, top: 8, bottom: 8, containLabel: true},
    tooltip: {confine: true, trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: integer},
    xAxis: {type: 'value', minInterval: 1},
    yAxis: {type: 'category', data: [...names].reverse(), axisLabel: {width: 96, overflow: 'truncate'}},
    series: [{type: 'bar', name: series, barMaxWidth: 16, data: [...counts].reverse(),
      label: {show: true, position: 'right', formatter: item => integer(item.value), color: colors.muted}}],
  };
}
