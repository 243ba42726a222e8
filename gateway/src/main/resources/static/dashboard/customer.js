// The 360° page of one customer (GET /api/v1/customers/{userId}, docs/profiles.md): one call, eight panels.
import {get} from './lib/api.js';
import {chart, colors, dataTable} from './lib/charts.js';
import {dateTime, integer, money, number, percent} from './lib/format.js';
import {label, t} from './lib/i18n.js';
import {panel} from './lib/panel.js';
import {factorName, factorValue, lifecycleName, localized} from './customer-words.js';

const userId = document.getElementById('main').dataset.userId;
/** The customer's view, or null when there is no such customer (the page says so above the panels). */
const customer = get(`/api/v1/customers/${encodeURIComponent(userId)}`).then(view => view, error => {
  if (error.status !== 404) throw error;
  document.querySelector('[data-not-found]').hidden = false;
  return null;
});

/** A two-column table of field and value; rows without a value are left out. */
function facts(section, rows) {
  dataTable(section, {
    columns: [t('customers.col.field'), {label: t('customers.col.value'), userContent: true}],
    rows: rows.filter(([, value]) => value !== null && value !== undefined && value !== ''),
  });
}

panel('profile', {
  load: () => customer,
  isEmpty: view => !view || Object.values(view.profile).every(value => value === null),
  empty: 'customers.profile.empty',
  render: (view, body, section) => {
    const p = view.profile;
    const activity = view.activity || {};
    facts(section, [
      [t('customers.profile.ageBand'), p.ageBand],
      [t('customers.profile.age'), p.age],
      [t('customers.profile.gender'), p.gender && label('gender', p.gender)],
      [t('customers.profile.maritalStatus'), p.maritalStatus && label('maritalStatus', p.maritalStatus)],
      [t('customers.profile.occupation'), p.occupation],
      [t('customers.profile.industry'), p.industry],
      [t('customers.profile.region'), [p.province && label('province', p.province), p.city].filter(Boolean).join(' ')],
      [t('customers.profile.address'), p.address],
      [t('customers.profile.incomeLevel'), p.incomeLevel && t(`customers.income.${p.incomeLevel}`)],
      [t('customers.profile.registeredAt'), p.registeredAt && dateTime(p.registeredAt)],
      [t('customers.profile.activatedAt'), p.activatedAt && dateTime(p.activatedAt)],
      [t('customers.profile.lastLoginAt'), p.lastLoginAt && dateTime(p.lastLoginAt)],
      [t('customers.profile.lastSeenAt'), activity.lastSeenAt && dateTime(activity.lastSeenAt)],
      [t('customers.profile.actions'), activity.actions],
      [t('customers.profile.errors'), activity.errors],
    ]);
  },
});

panel('value', {
  load: () => customer,
  isEmpty: view => !view,
  empty: 'customers.orders.empty',
  render: (view, body, section) => {
    const b = view.purchases;
    const clv = view.clv;
    facts(section, [
      [t('customers.value.orders'), integer(b.orders)],
      [t('customers.value.purchases'), integer(b.purchases)],
      [t('customers.value.monetaryTotal'), money(b.monetaryTotal)],
      [t('customers.value.averageOrderValue'), money(b.averageOrderValue)],
      [t('customers.value.units'), integer(b.units)],
      [t('customers.value.firstPurchaseAt'), b.firstPurchaseAt],
      [t('customers.value.lastPurchaseAt'), b.lastPurchaseAt],
      [t('customers.value.daysBetweenPurchases'), b.daysBetweenPurchases === null ? null
        : number(b.daysBetweenPurchases, 1)],
      [t('customers.value.rfm'), view.rfm && `${view.rfm.r} ${view.rfm.f} ${view.rfm.m}`],
      [t('customers.value.rfmSegment'), view.rfm && t(`customers.rfm.${view.rfm.segment.replace(/[^a-z]/g, '')}`)],
      [clv && t('customers.value.clv', clv.horizonDays), clv && money(clv.value)],
      [clv && t('customers.value.expectedPurchases', clv.horizonDays), clv && number(clv.expectedPurchases, 2)],
      [t('customers.value.probabilityAlive'), clv && percent(clv.probabilityAlive)],
      [t('customers.value.valueScore'), view.valueScore === null ? null : number(view.valueScore, 2)],
    ]);
    section.querySelector('[data-note]').textContent = clv ? t('customers.segments.asOf', view.modelsAsOf)
      : t('customers.value.notScored');
  },
});

panel('segment', {
  load: () => customer,
  isEmpty: view => !view,
  empty: 'customers.segment.none',
  render: (view, body, section) => {
    facts(section, [
      [t('customers.col.segment'), view.segment ? localized(view.segment.name) : t('customers.segment.none')],
      [t('customers.col.description'), view.segment && localized(view.segment.description)],
      [t('customers.lifecycle.label'), view.lifecycle
        ? `${lifecycleName(view.lifecycle)} — ${t(`customers.lifecycleAdvice.${view.lifecycle}`)}` : null],
    ]);
  },
});

panel('churn', {
  load: () => customer,
  isEmpty: view => !view || !view.churn,
  empty: 'customers.churn.empty',
  render: (view, body, section) => {
    const risk = view.churn.risk;
    chart(section, {
      series: [{
        type: 'gauge', min: 0, max: 1, startAngle: 200, endAngle: -20, radius: '95%', center: ['50%', '60%'],
        progress: {show: true, width: 14, itemStyle: {color: risk >= 0.5 ? colors.up : colors.primary}},
        axisLine: {lineStyle: {width: 14, color: [[1, colors.grid]]}},
        axisTick: {show: false}, splitLine: {show: false},
        axisLabel: {distance: 18, color: colors.muted, formatter: value => percent(value, 0)},
        pointer: {show: false}, anchor: {show: false},
        title: {offsetCenter: [0, '30%'], color: colors.muted, fontSize: 13},
        detail: {offsetCenter: [0, '-5%'], fontSize: 26, formatter: value => percent(value, 0), color: colors.text},
        data: [{value: risk, name: t('customers.col.churnRisk')}],
      }],
    }, {
      columns: [t('customers.col.factor'), {label: t('customers.col.customerValue'), numeric: true}],
      rows: view.churn.factors.length > 0
        ? view.churn.factors.map(factor => [factorName(factor), factorValue(factor)])
        : [[t('customers.churn.noReasons'), null]],
    });
    section.querySelector('details.table-holder')?.setAttribute('open', '');
  },
});

panel('orders', {
  load: () => customer,
  isEmpty: view => !view || view.recentOrders.length === 0,
  empty: 'customers.orders.empty',
  render: (view, body, section) => {
    const orders = [...view.recentOrders].reverse();
    chart(section, {
      grid: {left: 8, right: 56, top: 16, bottom: 8, containLabel: true},
      tooltip: {confine: true, trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => money(value)},
      xAxis: {type: 'category', data: orders.map(order => dateTime(order.createdAt)),
        axisLabel: {hideOverlap: true}},
      yAxis: {type: 'value', axisLabel: {formatter: value => money(value, 0)}},
      series: [{type: 'bar', name: t('customers.orders.series'), barMaxWidth: 28,
        data: orders.map(order => ({value: Number(order.total),
          itemStyle: {color: Number(order.total) < 0 ? colors.flat : colors.primary}}))}],
    }, {
      columns: [{label: t('customers.col.order'), userContent: true},
        {label: t('customers.col.createdAt'), format: dateTime},
        {label: t('customers.col.total'), numeric: true, format: value => money(value)},
        {label: t('customers.col.units'), numeric: true, format: integer},
        {label: t('customers.col.lines'), numeric: true, format: integer}],
      rows: view.recentOrders.map(order => [order.orderId, order.createdAt, order.total, order.units, order.lines]),
    });
  },
});

panel('preferences', {
  load: () => customer,
  isEmpty: view => !view || (!view.preferences.channel && view.preferences.categories.length === 0),
  empty: 'customers.preferences.empty',
  render: (view, body, section) => {
    const p = view.preferences;
    facts(section, [
      [t('customers.preferences.channel'), p.channel && label('channel', p.channel)],
      [t('customers.preferences.orderType'), p.orderType && label('orderType', p.orderType)],
      [t('customers.preferences.categories'), p.categories.join(', ')],
      [t('customers.preferences.hours'), p.hours.map(hour => t('customers.preferences.hour', hour)).join(', ')],
    ]);
  },
});

panel('satisfaction', {
  load: () => customer,
  isEmpty: view => !view || !view.interactions,
  empty: 'customers.interactions.empty',
  render: (view, body, section) => {
    const i = view.interactions;
    facts(section, [
      [t('customers.satisfaction.meanRating'), i.meanRating === null ? t('customers.satisfaction.noRating')
        : t('customers.satisfaction.rating', [number(i.meanRating, 1), integer(i.ratings)])],
      [t('customers.satisfaction.complaints'), integer(i.complaints)],
      [t('customers.satisfaction.openComplaints'), integer(i.openComplaints)],
      [t('customers.satisfaction.total'), integer(i.total)],
      ...Object.entries(i.byKind).map(([kind, count]) => [label('feedbackKind', kind), integer(count)]),
    ]);
  },
});

panel('interactions', {
  load: () => customer,
  isEmpty: view => !view || !view.interactions,
  empty: 'customers.interactions.empty',
  render: (view, body, section) => {
    dataTable(section, {
      columns: [{label: t('customers.interactions.createdAt'), format: dateTime},
        {label: t('customers.interactions.kind'), format: kind => label('feedbackKind', kind)},
        {label: t('customers.interactions.status'), format: status => label('feedbackStatus', status)},
        {label: t('customers.interactions.channel'), format: channel => label('channel', channel)},
        {label: t('customers.interactions.rating'), numeric: true},
        {label: t('customers.col.order'), userContent: true},
        {label: t('customers.interactions.text'), userContent: true}],
      rows: view.interactions.recent.map(one => [one.createdAt, one.kind, one.status, one.channel, one.rating,
        one.orderId, one.text]),
    });
  },
});
