// 日志: error and warning rates over time and by source or type, the error spikes with errors per minute, and the
// most frequent error templates. Every number comes from order-analytics-service as docs/order-analytics.md (Logs)
// defines it.
import {api} from './lib/api.js';
import {label, t} from './lib/i18n.js';
import {dateTime, integer, number, parts, percent, today} from './lib/format.js';
import {bindFilters, rangeOf} from './lib/url-state.js';
import {panel} from './lib/panel.js';
import {chart, colors} from './lib/charts.js';
import {numeric, userColumn} from './lib/table.js';

const defaults = {range: 'today', granularity: 'hour', by: 'source', source: ''};
let state = {};
state = bindFilters(document.getElementById('logs-filters'), defaults, next => {
  const changed = name => next[name] !== state[name];
  const rangeChanged = ['range', 'from', 'to'].some(changed);
  state = next;
  if (rangeChanged || changed('granularity') || changed('by')) {
    errorRate.reload();
    warningRate.reload();
    breakdown.reload();
  }
  if (rangeChanged || changed('source')) {
    spikes.reload();
    topErrors.reload();
  }
});

/** Minute points for the spikes chart up to this many days, hour points beyond (a week of minutes is 10,080). */
const MINUTE_DAYS = 2;
const ERROR = '#c92a2a';
const WARNING = '#e8590c';

/** The range's API parameters; a range ending today ends now, so that charts do not run on into the future. */
function period() {
  const range = rangeOf(state);
  return {from: range.from, to: range.to === today() ? new Date().toISOString() : range.to, days: range.days};
}

function groupName(by, group) {
  return label(by, group);
}

function bucketLabel(start, granularity) {
  const p = parts(new Date(start));
  switch (granularity) {
    case 'minute': return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
    case 'hour': return `${p.month}-${p.day} ${p.hour}:00`;
    default: return `${p.month}-${p.day}`;
  }
}

const kind = () => (state.by === 'logType' ? 'logType' : 'logSource');

// ---- rates over time (one call shared by the two rate panels and the totals)

const SHARED_FOR_MILLIS = 5000;
let reportCall = null;

function report() {
  const {from, to} = period();
  const key = [rangeOf(state).from, rangeOf(state).to, state.granularity, state.by].join('|');
  if (reportCall?.key !== key || Date.now() - reportCall.at > SHARED_FOR_MILLIS) {
    reportCall = {key, at: Date.now(), answer: api.get('/api/v1/logs/report', {from, to,
      granularity: state.granularity, groupBy: state.by})};
  }
  return reportCall.answer;
}

const noLines = answer => answer.series.every(series => series.total.lines === 0);
/** What the panels of the report share: the call, when it is empty and what to do then, the refresh. */
const REPORT_PANEL = {load: report, isEmpty: noLines, empty: 'logs.empty.lines', refresh: 60};

function ratePanel(id, field) {
  return panel(id, {
    ...REPORT_PANEL,
    render(answer, body, section) {
      const names = answer.series.map(series => groupName(kind(), series.group));
      const labels = answer.series[0].points.map(point => bucketLabel(point.start, answer.granularity));
      chart(section, {
        grid: {left: 48, right: 16, top: 36, bottom: 28},
        legend: {type: 'scroll', top: 0},
        tooltip: {trigger: 'axis', valueFormatter: value => percent(value)},
        xAxis: {type: 'category', data: labels, boundaryGap: false},
        yAxis: {type: 'value', min: 0, axisLabel: {formatter: value => percent(value, 0)}},
        series: answer.series.map((series, i) => ({name: names[i], type: 'line', symbol: 'none',
          sampling: 'lttb', data: series.points.map(point => point[field])})),
      }, {
        columns: [t('logs.col.bucket'), ...names.map(name => numeric(name, percent))],
        rows: labels.map((bucket, i) => [bucket, ...answer.series.map(series => series.points[i][field])]),
      });
    },
  });
}

const errorRate = ratePanel('error-rate', 'errorRate');
const warningRate = ratePanel('warning-rate', 'warningRate');

const breakdown = panel('breakdown', {
  ...REPORT_PANEL,
  render(answer, body, section) {
    const series = answer.series.filter(one => one.total.lines > 0);
    const names = series.map(one => groupName(kind(), one.group));
    chart(section, {
      grid: {left: 8, right: 16, top: 32, bottom: 24, containLabel: true},
      legend: {top: 0},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => percent(value)},
      xAxis: {type: 'category', data: names, axisLabel: {interval: 0, hideOverlap: true}},
      yAxis: {type: 'value', min: 0, axisLabel: {formatter: value => percent(value, 0)}},
      series: [
        {name: t('logs.col.errorRate'), type: 'bar', barMaxWidth: 28, itemStyle: {color: ERROR},
          data: series.map(one => one.total.errorRate)},
        {name: t('logs.col.warningRate'), type: 'bar', barMaxWidth: 28, itemStyle: {color: WARNING},
          data: series.map(one => one.total.warningRate)},
      ],
    }, {
      columns: [t('logs.col.group'), numeric(t('logs.col.lines'), integer),
        numeric(t('logs.col.errors'), integer),
        numeric(t('logs.col.warnings'), integer),
        numeric(t('logs.col.errorRate'), percent),
        numeric(t('logs.col.warningRate'), percent)],
      rows: series.map((one, i) => [names[i], one.total.lines, one.total.errors, one.total.warnings,
        one.total.errorRate, one.total.warningRate]),
    });
  },
});

// ---- spikes: errors per minute (or hour) by source, each spike shaded over its minutes

const spikes = panel('spikes', {
  load: async signal => {
    const {from, to, days} = period();
    const granularity = days <= MINUTE_DAYS ? 'minute' : 'hour';
    const [errors, found] = await Promise.all([
      api.get('/api/v1/logs/report', {from, to, granularity, groupBy: 'source'}, {signal}),
      api.get('/api/v1/logs/spikes', {from, to, source: state.source || null}, {signal}),
    ]);
    return {errors, found};
  },
  isEmpty: ({found}) => found.spikes.length === 0,
  empty: 'logs.empty.spikes',
  refresh: 60,
  render({errors, found}, body, section) {
    section.querySelector('[data-spike-rule]').textContent = t('logs.spikes.rule',
      [integer(found.minErrors), integer(found.baselineMinutes), number(found.factor, 1)]);
    const shown = errors.series.filter(series => !state.source || series.group === state.source);
    const points = (shown[0] || errors.series[0]).points;
    const labels = points.map(point => bucketLabel(point.start, errors.granularity));
    const starts = points.map(point => Date.parse(point.start));
    const bucketOf = instant => {
      const at = Date.parse(instant);
      let i = starts.findIndex(start => start > at);
      i = i < 0 ? starts.length - 1 : Math.max(0, i - 1);
      return labels[i];
    };
    chart(section, {
      grid: {left: 48, right: 16, top: 36, bottom: 28},
      legend: {type: 'scroll', top: 0},
      tooltip: {trigger: 'axis', valueFormatter: value => integer(value)},
      xAxis: {type: 'category', data: labels, boundaryGap: false},
      yAxis: {type: 'value', minInterval: 1, name: t(errors.granularity === 'minute' ? 'logs.col.errorsPerMinute'
        : 'logs.col.errorsPerHour'), nameTextStyle: {align: 'left'}},
      series: shown.map((series, i) => ({
        name: groupName('logSource', series.group), type: 'line', symbol: 'none', sampling: 'lttb',
        itemStyle: {color: colors.series[i % colors.series.length]},
        data: series.points.map(point => point.errors),
        markArea: {silent: true, itemStyle: {color: 'rgba(217, 54, 62, 0.16)'},
          data: found.spikes.filter(spike => spike.source === series.group)
            .map(spike => [{xAxis: bucketOf(spike.startsAt)}, {xAxis: bucketOf(spike.endsAt ?? errors.to)}])},
      })),
    }, {
      columns: [t('logs.col.source'), t('logs.col.startsAt'), t('logs.col.endsAt'),
        numeric(t('logs.col.minutes'), integer),
        numeric(t('logs.col.peakErrors'), integer), t('logs.col.peakAt'),
        numeric(t('logs.col.baseline'), value => number(value, 1)),
        numeric(t('logs.col.threshold'), value => number(value, 1))],
      rows: found.spikes.map(spike => [groupName('logSource', spike.source), dateTime(spike.startsAt),
        spike.endsAt ? dateTime(spike.endsAt) : t('logs.spikes.ongoing'), spike.minutes, spike.peakErrors,
        dateTime(spike.peakAt), spike.baselineAtPeak, spike.thresholdAtPeak]),
    });
  },
});

// ---- the most frequent error templates

const topErrors = panel('top-errors', {
  load: signal => {
    const range = rangeOf(state);
    return api.get('/api/v1/logs/top-errors', {from: range.from, to: range.to, source: state.source || null,
      limit: 10}, {signal});
  },
  empty: 'logs.empty.topErrors',
  refresh: 60,
  render(errors, body, section) {
    const shown = [...errors].reverse();
    chart(section, {
      grid: {left: 8, right: 48, top: 8, bottom: 24, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => integer(value)},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: shown.map(error => error.template), axisLabel: {width: 320, overflow: 'truncate'}},
      series: [{name: t('logs.col.lines'), type: 'bar', barMaxWidth: 16, itemStyle: {color: ERROR},
        data: shown.map(error => error.lines), label: {show: true, position: 'right', formatter: item => integer(item.value)}}],
    }, {
      columns: [userColumn(t('logs.col.template')), t('logs.col.level'), t('logs.col.source'),
        numeric(t('logs.col.lines'), integer), userColumn(t('logs.col.example'))],
      rows: errors.map(error => [error.template, label('logLevel', error.level), label('logSource', error.source),
        error.lines, error.example]),
    });
  },
});
