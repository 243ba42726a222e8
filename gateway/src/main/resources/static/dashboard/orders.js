// 订单: the order report by channel, order type, status and region, the funnel, retention by first-order month, top
// products with what is bought together with them, the basket rules, and the daily and weekly reports (PDF through
// the gateway). Every number comes from order-analytics-service as docs/order-analytics.md defines it.
import {api} from './lib/api.js';
import {label, lang, t} from './lib/i18n.js';
import {changeElement, changeRatio, compact, dateTime, integer, localDate, money, moneyCompact, number, parts, percent}
  from './lib/format.js';
import {bindFilters, rangeOf, writeState} from './lib/url-state.js';
import {panel} from './lib/panel.js';
import {chart, colors, dataTable} from './lib/charts.js';
import {bucketStates, partialBar, soFar} from './lib/partial.js';
import {numeric, userColumn} from './lib/table.js';

const defaults = {range: 'last7', granularity: 'day', by: 'channel', metric: 'netRevenue', level: 'product',
  minSupport: '0.01', product: '', report: ''};
let state = {};
const onChange = next => {
  const changed = name => next[name] !== state[name];
  const rangeChanged = ['range', 'from', 'to'].some(changed);
  state = next;
  if (rangeChanged || changed('granularity') || changed('by') || changed('metric')) {
    trend.reload();
    breakdown.reload();
  }
  if (rangeChanged) {
    funnel.reload();
    top.reload();
    cohorts.reload();
  }
  if (changed('level') || changed('minSupport')) rules.reload();
  if (changed('product')) together.reload();
};
state = bindFilters(document.getElementById('orders-filters'), defaults, onChange);
bindFilters(document.getElementById('rules-filters'), defaults, onChange);

/** Groups beyond this many (largest total first) start hidden in the legend, so 30 provinces stay readable. */
const SHOWN_GROUPS = 8;

/** A group of the chosen dimension for people: the catalogue's name, the browser's for a country code. */
function groupName(by, group) {
  if (by === 'country' && group !== 'UNKNOWN') {
    try {
      return new Intl.DisplayNames([lang], {type: 'region'}).of(group) ?? group;
    } catch {
      return group;
    }
  }
  return label(by === 'province' || by === 'country' ? 'province' : by, group);
}

const isMoney = metric => metric === 'netRevenue';
const valueOf = (point, metric) => (isMoney(metric) ? Number(point.netRevenue) : point.orders);

function bucketLabel(start, granularity) {
  const p = parts(new Date(start));
  switch (granularity) {
    case 'hour': return `${p.month}-${p.day} ${p.hour}:00`;
    case 'month': return `${p.year}-${p.month}`;
    default: return `${p.month}-${p.day}`;
  }
}

// ---- the report: one call for the trend and the totals by group (with the period before, for 环比)

/** The two panels reloading together share one call (not aborted: the other panel may still wait for it). */
const SHARED_FOR_MILLIS = 5000;
let reportCall = null;

function report() {
  const range = rangeOf(state);
  const key = [range.from, range.to, state.granularity, state.by].join('|');
  if (reportCall?.key !== key || Date.now() - reportCall.at > SHARED_FOR_MILLIS) {
    reportCall = {key, at: Date.now(), answer: api.get('/api/v1/orders/report', {from: range.from, to: range.to,
      granularity: state.granularity, groupBy: state.by, compare: 'previous'})};
  }
  return reportCall.answer;
}

const noOrders = answer => answer.series.every(series => series.total.orders === 0
  && Number(series.total.netRevenue) === 0);

/** The series, largest total of the chosen measure first. */
function largestFirst(answer) {
  return [...answer.series].sort((a, b) => valueOf(b.total, state.metric) - valueOf(a.total, state.metric));
}

/** What the two panels of the report share: the call, when it is empty and what to do then, the refresh. */
const REPORT_PANEL = {load: report, isEmpty: noOrders, empty: 'orders.empty.orders', refresh: 120};

const trend = panel('trend', {
  ...REPORT_PANEL,
  render(answer, body, section) {
    const series = largestFirst(answer);
    const names = series.map(one => groupName(state.by, one.group));
    const states = bucketStates(series[0].points.map(point => point.start), answer);
    const labels = series[0].points.map((point, i) => soFar(bucketLabel(point.start, answer.granularity), states[i]));
    const format = isMoney(state.metric) ? money : integer;
    chart(section, {
      grid: {left: 56, right: 16, top: 40, bottom: 28},
      legend: {type: 'scroll', top: 0, selected: Object.fromEntries(names.map((name, i) => [name, i < SHOWN_GROUPS]))},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => format(value)},
      xAxis: {type: 'category', data: labels},
      yAxis: {type: 'value', minInterval: isMoney(state.metric) ? 0 : 1,
        axisLabel: {formatter: isMoney(state.metric) ? value => moneyCompact(value) : value => compact(value)}},
      series: series.map((one, i) => ({name: names[i], type: 'bar', stack: 'groups', barMaxWidth: 48,
        data: one.points.map((point, k) => partialBar(valueOf(point, state.metric), states[k],
          colors.series[i % colors.series.length]))})),
    }, {
      columns: [t('orders.col.bucket'), ...names.map(name => numeric(name, format))],
      rows: labels.map((bucket, i) => [bucket, ...series.map(one => valueOf(one.points[i], state.metric))])
        .filter((row, i) => states[i] !== 'future'),
    });
  },
});

const breakdown = panel('breakdown', {
  ...REPORT_PANEL,
  render(answer, body, section) {
    const series = largestFirst(answer);
    const before = new Map((answer.comparedWith?.series || []).map(one => [one.group, one.total]));
    const names = series.map(one => groupName(state.by, one.group));
    const format = isMoney(state.metric) ? money : integer;
    const shown = series.slice(0, 12).reverse();
    chart(section, {
      grid: {left: 8, right: 56, top: 8, bottom: 24, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => format(value)},
      // a third of the page wide: three intervals, or money labels such as ¥200k run into one another
      xAxis: {type: 'value', splitNumber: 3,
        axisLabel: {formatter: isMoney(state.metric) ? value => moneyCompact(value) : value => compact(value)}},
      yAxis: {type: 'category', data: shown.map(one => groupName(state.by, one.group)),
        axisLabel: {width: 110, overflow: 'truncate'}},
      series: [{name: t(`orders.metric.${state.metric}`), type: 'bar', barMaxWidth: 22,
        itemStyle: {color: colors.primary}, data: shown.map(one => valueOf(one.total, state.metric)),
        label: {show: true, position: 'right', formatter: item => (isMoney(state.metric) ? moneyCompact : compact)(item.value)}}],
    }, {
      columns: [t('orders.col.group'),
        numeric(t('orders.col.orders'), integer),
        numeric(t('orders.col.netRevenue'), money),
        numeric(t('common.change.mom'), changeCell),
        numeric(t('orders.col.averageOrderValue'), money),
        numeric(t('orders.col.cancellationRate'), percent),
        numeric(t('orders.col.refundRate'), percent),
        numeric(t('orders.col.refunds'), money),
        numeric(t('orders.col.paymentP50'), duration)],
      rows: series.map((one, i) => {
        const m = one.total;
        const previous = before.get(one.group);
        return [names[i], m.orders, Number(m.netRevenue), rounded(changeRatio(valueOf(m, state.metric),
          previous ? valueOf(previous, state.metric) : null, previous?.orders)), m.averageOrderValue === null ? null
          : Number(m.averageOrderValue), m.cancellationRate, m.refundRate, Number(m.refunds),
          m.paymentLatencyP50Seconds];
      }),
    });
  },
});

function rounded(ratio) {
  return ratio === null ? null : Math.round(ratio * 10000) / 10000;
}

function changeCell(ratio) {
  return changeElement(ratio);
}

/** Seconds as people read them: 45 s, 12 min, 3.5 h, 2.1 d. */
function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 60) return t('orders.duration.seconds', integer(seconds));
  if (seconds < 3600) return t('orders.duration.minutes', number(seconds / 60, 0));
  if (seconds < 86400) return t('orders.duration.hours', number(seconds / 3600, 1));
  return t('orders.duration.days', number(seconds / 86400, 1));
}

// ---- the funnel

const funnel = panel('funnel', {
  load: signal => {
    const range = rangeOf(state);
    return api.get('/api/v1/orders/funnel', {from: range.from, to: range.to}, {signal});
  },
  isEmpty: answer => !answer.groups.length || answer.groups[0].steps[0].orders === 0,
  empty: 'orders.empty.funnel',
  refresh: 120,
  render(answer, body, section) {
    const steps = answer.groups[0].steps;
    const created = steps[0].orders;
    chart(section, {
      tooltip: {trigger: 'item', formatter: item => `${item.name}: ${integer(item.value)} (${percent(item.value / created)})`},
      series: [{type: 'funnel', sort: 'none', left: '8%', right: '8%', top: 8, bottom: 8, minSize: '24%', gap: 3,
        label: {position: 'inside', color: '#fff', formatter: item => `${item.name} ${integer(item.value)}`},
        data: steps.map((step, i) => ({name: t(`orders.step.${step.step}`), value: step.orders,
          itemStyle: {color: colors.series[i]}}))}],
    }, {
      columns: [t('orders.col.step'), numeric(t('orders.col.orders'), integer),
        numeric(t('orders.col.dropOff'), integer),
        numeric(t('orders.col.dropOffRate'), percent),
        numeric(t('orders.col.medianTime'), duration)],
      rows: steps.map(step => [t(`orders.step.${step.step}`), step.orders, step.step === 'created' ? null : step.dropOff,
        step.dropOffRate, step.medianSeconds]),
    });
  },
});

// ---- top products, and what is bought together with the chosen one

let topProducts = [];

const top = panel('top-products', {
  load: signal => {
    const range = rangeOf(state);
    return api.get('/api/v1/orders/top-products', {from: range.from, to: range.to, limit: 10}, {signal});
  },
  empty: 'orders.empty.top',
  refresh: 120,
  render(products, body, section) {
    topProducts = products;
    const shown = [...products].reverse();
    const instance = chart(section, {
      grid: {left: 8, right: 56, top: 8, bottom: 24, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => money(value)},
      xAxis: {type: 'value', splitNumber: 3, axisLabel: {formatter: value => moneyCompact(value)}},
      yAxis: {type: 'category', data: shown.map(product => product.productId), triggerEvent: true},
      series: [{name: t('orders.col.netRevenue'), type: 'bar', barMaxWidth: 18, cursor: 'pointer',
        data: shown.map(product => ({value: Number(product.netRevenue),
          itemStyle: {color: product.productId === chosenProduct() ? colors.series[1] : colors.primary}})),
        label: {show: true, position: 'right', formatter: item => moneyCompact(item.value)}}],
    }, {
      columns: [userColumn(t('orders.col.product'), productButton),
        numeric(t('orders.col.orders'), integer),
        numeric(t('orders.col.units'), integer),
        numeric(t('orders.col.netRevenue'), money),
        numeric(t('orders.col.refunds'), money)],
      rows: products.map(product => [product.productId, product.orders, product.units, Number(product.netRevenue),
        Number(product.refunds)]),
    });
    instance.off('click');
    instance.on('click', event => choose(event.componentType === 'yAxis' ? event.value : event.name));
    if (!state.product) together.reload();
  },
});

/** A real link to this view with the product picked (so it also opens in a new tab), handled in place. */
function productButton(productId) {
  const query = new URLSearchParams(location.search);
  query.set('product', productId);
  const link = document.createElement('a');
  link.href = `${location.pathname}?${query}`;
  link.textContent = productId;
  link.addEventListener('click', event => {
    event.preventDefault();
    choose(productId);
  });
  return link;
}

/** The product the together panel shows: the one chosen, else the best seller of the range. */
function chosenProduct() {
  return state.product || topProducts[0]?.productId || '';
}

function choose(productId) {
  if (!productId || productId === state.product) return;
  state = {...state, product: productId};
  writeState(state, defaults);
  together.reload();
  top.reload();
}

const together = panel('together', {
  load: async signal => {
    const product = chosenProduct();
    if (!product) return {empty: true};
    try {
      return await api.get(`/api/v1/baskets/together/${encodeURIComponent(product)}`, {limit: 10}, {signal});
    } catch (error) {
      if (error.status === 404) return {productId: product, together: [], baskets: 0, basketsWithProduct: 0};
      throw error;
    }
  },
  isEmpty: answer => answer.empty === true || answer.together.length === 0,
  empty: 'orders.empty.together',
  render(answer, body, section) {
    body.querySelector('[data-together-summary]').textContent = t('orders.together.of', answer.productId) + ' · '
      + t('orders.together.summary', [integer(answer.baskets), integer(answer.basketsWithProduct)]);
    const shown = [...answer.together].reverse();
    chart(section, {
      grid: {left: 8, right: 48, top: 8, bottom: 40, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: integer},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: shown.map(one => one.productId)},
      series: [{name: t('orders.col.baskets'), type: 'bar', barMaxWidth: 18, itemStyle: {color: colors.series[1]},
        data: shown.map(one => one.baskets), label: {show: true, position: 'right'}}],
    }, {
      columns: [userColumn(t('orders.col.companion')),
        numeric(t('orders.col.baskets'), integer),
        numeric(t('orders.col.confidence'), percent),
        numeric(t('orders.col.lift'), value => number(value, 2))],
      rows: answer.together.map(one => [one.productId, one.baskets, one.confidence, one.lift]),
    });
  },
});

// ---- retention by first-order month: the twelve cohorts up to the month the range ends in

const COHORT_MONTHS = 12;

const cohorts = panel('cohorts', {
  load: signal => {
    const last = rangeOf(state).to.slice(0, 7);
    const [year, month] = last.split('-').map(Number);
    const first = new Date(Date.UTC(year, month - COHORT_MONTHS, 1)).toISOString().slice(0, 7);
    return api.get('/api/v1/orders/cohorts', {firstOrderFrom: first, to: last}, {signal});
  },
  isEmpty: answer => answer.cohorts.length === 0,
  empty: 'orders.empty.cohorts',
  refresh: 600,
  render(answer, body, section) {
    // the running month is no complete month (the cohorts API marks it, docs/order-analytics.md): its cohort is
    // "so far" in the tooltip and the table, and each cohort's share in it is a lower bound (≥, lighter)
    const months = answer.cohorts.map(cohort => `${cohort.month} · ${integer(cohort.customers)}`);
    const named = answer.cohorts.map((cohort, i) => soFar(months[i], cohort.complete ? 'complete' : 'running'));
    const cells = [];
    answer.cohorts.forEach((cohort, row) => {
      cells.push([0, row, 1]);
      cohort.retention.forEach((share, k) => {
        if (share !== null) cells.push([k + 1, row, share]);
      });
      if (cohort.soFar?.retention !== null && cohort.soFar?.retention !== undefined) {
        cells.push({value: [cohort.soFar.month, row, cohort.soFar.retention], soFar: true,
          itemStyle: {opacity: 0.6, borderType: 'dashed', borderWidth: 1, borderColor: colors.primary},
          label: {color: colors.text, fontWeight: 'bold'}});
      }
    });
    const later = cells.map(cell => cell.value || cell).filter(cell => cell[0] > 0).map(cell => cell[2]);
    const cellText = item => (item.data.soFar ? `≥${percent(item.value[2], 0)}` : percent(item.value[2], 0));
    chart(section, {
      // the cohort names are measured by hand: containLabel clipped them at the left edge
      grid: {left: 118, right: 28, top: 8, bottom: 48},
      tooltip: {formatter: item => `${named[item.value[1]]} · ${monthName(item.value[0])}: `
        + (item.data.soFar ? t('common.partial.soFar', percent(item.value[2])) : percent(item.value[2]))},
      xAxis: {type: 'category', data: Array.from({length: COHORT_MONTHS + 1}, (_, k) => monthName(k)),
        splitArea: {show: true}, axisLabel: {interval: 0, hideOverlap: true}},
      yAxis: {type: 'category', data: months, splitArea: {show: true},
        axisLabel: {interval: 0, hideOverlap: false, width: 110, overflow: 'truncate'}},
      visualMap: {min: 0, max: Math.max(0.05, ...later), show: later.length > 0, orient: 'horizontal', left: 'center',
        bottom: 0, itemHeight: 140, itemWidth: 10, calculable: false, text: [percent(Math.max(0.05, ...later)), '0'],
        inRange: {color: ['#e8f1ff', colors.primary]}, outOfRange: {color: ['#c9ced6']}},
      series: [{type: 'heatmap', data: cells, label: {show: true, fontSize: 11, formatter: cellText}}],
    }, {
      columns: [t('orders.col.cohort'), numeric(t('orders.col.customers'), integer),
        ...Array.from({length: COHORT_MONTHS}, (_, k) => numeric(monthName(k + 1),
          value => (typeof value === 'string' ? value : percent(value))))],
      rows: answer.cohorts.map(cohort => [soFar(cohort.month, cohort.complete ? 'complete' : 'running'), cohort.customers,
        ...cohort.retention.map((share, k) => (cohort.soFar?.month === k + 1
          ? t('common.partial.soFar', percent(cohort.soFar.retention)) : share))]),
    });
  },
});

function monthName(k) {
  return t('orders.col.monthAfter', k);
}

// ---- basket rules

const rules = panel('rules', {
  load: signal => api.get('/api/v1/baskets/rules', {level: state.level, minSupport: state.minSupport, limit: 50},
    {signal}),
  isEmpty: answer => answer.rules.length === 0,
  empty: 'orders.empty.rules',
  refresh: 600,
  render(answer, body, section) {
    body.querySelector('[data-rules-summary]').textContent = t('orders.rules.count',
      [integer(answer.ruleCount), integer(answer.baskets), dateTime(answer.fittedAt)]) + ' · ' + t('orders.rules.advice');
    const shown = answer.rules.slice(0, 10).reverse();
    chart(section, {
      grid: {left: 8, right: 48, top: 8, bottom: 40, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, formatter: items => {
        const rule = shown[items[0].dataIndex];
        return `${ruleText(rule)}<br>${t('orders.col.lift')} ${number(rule.lift, 2)} · ${t('orders.col.confidence')} `
          + `${percent(rule.confidence)} · ${t('orders.col.support')} ${percent(rule.support, 2)}`;
      }},
      xAxis: {type: 'value', name: t('orders.rules.liftAxis'), nameLocation: 'middle', nameGap: 28,
        nameTextStyle: {color: colors.muted}, min: 0, max: value => Math.max(1.2, Math.ceil(value.max * 5) / 5),
        axisLabel: {formatter: value => number(value, 1)}},
      yAxis: {type: 'category', data: shown.map(ruleText), axisLabel: {width: 200, overflow: 'truncate'}},
      series: [{name: t('orders.col.lift'), type: 'bar', barMaxWidth: 16, itemStyle: {color: colors.series[2]},
        data: shown.map(rule => rule.lift), label: {show: true, position: 'right', formatter: item => number(item.value, 2)},
        markLine: {silent: true, symbol: 'none', label: {show: false}, lineStyle: {color: colors.muted, type: 'dashed'},
          data: [{xAxis: 1}]}}],
    }, {
      columns: [userColumn(t('orders.col.antecedent')), userColumn(t('orders.col.consequent')),
        numeric(t('orders.col.support'), value => percent(value, 2)),
        numeric(t('orders.col.confidence'), percent),
        numeric(t('orders.col.lift'), value => number(value, 2))],
      rows: answer.rules.map(rule => [rule.antecedent.join(' + '), rule.consequent.join(' + '), rule.support,
        rule.confidence, rule.lift]),
    });
  },
});

function ruleText(rule) {
  return `${rule.antecedent.join(' + ')} → ${rule.consequent.join(' + ')}`;
}

document.querySelector('[data-refit]')?.addEventListener('click', async event => {
  event.target.disabled = true;
  try {
    await api.post('/api/v1/baskets/refit');
    rules.reload();
    together.reload();
  } catch (error) {
    rules.setState('error', t('common.state.error', error.message));
  } finally {
    event.target.disabled = false;
  }
});

// ---- daily and weekly reports, downloaded through the gateway

const reports = panel('reports', {
  load: signal => api.get('/api/v1/reports', {limit: 30}, {signal}),
  empty: 'orders.empty.reports',
  refresh: 300,
  render(list, body, section) {
    const table = dataTable(section, {
      columns: [t('orders.col.kind'), t('orders.col.period'), t('orders.col.createdAt'),
        {label: t('orders.col.download'), format: links}],
      rows: list.map(one => [t(`orders.kind.${one.kind}`), period(one), dateTime(one.createdAt), one.id]),
    });
    const index = list.findIndex(one => one.id === state.report);
    if (index >= 0) {
      const row = table.tBodies[0].rows[index];
      row.classList.add('highlight');
      row.style.background = '#fff4d6';
      row.scrollIntoView({block: 'nearest'});
    }
  },
});

/** A report's days in the platform zone, the last one inclusive. */
function period(one) {
  const first = localDate(new Date(one.from));
  const last = localDate(new Date(Date.parse(one.to) - 1));
  return first === last ? first : `${first} – ${last}`;
}

function links(id) {
  const span = document.createElement('span');
  span.className = 'report-links';
  const pdf = document.createElement('a');
  pdf.href = `/api/v1/reports/${encodeURIComponent(id)}?format=pdf`;
  pdf.download = `${id}.pdf`;
  pdf.textContent = t('orders.reports.pdf');
  const html = document.createElement('a');
  html.href = `/api/v1/reports/${encodeURIComponent(id)}?format=html`;
  html.target = '_blank';
  html.rel = 'noopener';
  html.textContent = t('orders.reports.html');
  span.append(pdf, ' · ', html);
  return span;
}

document.querySelector('[data-make-report]')?.addEventListener('click', async event => {
  const range = rangeOf(state);
  event.target.disabled = true;
  try {
    const made = await api.post('/api/v1/reports', {from: range.from, to: range.to});
    state = {...state, report: made.id};
    writeState(state, defaults);
    const notice = document.querySelector('[data-report-made]');
    notice.textContent = t('orders.reports.made', `${range.from} – ${range.to}`);
    notice.hidden = false;
    reports.reload();
  } catch (error) {
    reports.setState('error', t('common.state.error', error.message));
  } finally {
    event.target.disabled = false;
  }
});
