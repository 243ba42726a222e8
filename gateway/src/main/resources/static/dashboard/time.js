// 时间维度: traffic over the chosen range with the previous period or last year overlaid, the daily forecast with
// its 80 % and 95 % intervals and the holiday and make-up working day markers, a holiday against last year's, and
// the weekday × hour peaks with capacity warnings. Everything comes from forecast-service through the gateway.
import {api} from './lib/api.js';
import {has, label, t} from './lib/i18n.js';
import {addDays, changeElement, changeRatio, changeText, compact, integer, money, number, parts, today, weekday}
  from './lib/format.js';
import {bindFilters, rangeOf} from './lib/url-state.js';
import {panel} from './lib/panel.js';
import {chart, colors, dataTable} from './lib/charts.js';
import {axisTooltip, bucketStates, partialLine, soFar, splitLine} from './lib/partial.js';

const defaults = {range: 'last30', granularity: 'day', compare: 'previous', holiday: '', year: ''};
let state = {};
const onChange = next => {
  const trendChanged = ['range', 'from', 'to', 'granularity', 'compare'].some(name => next[name] !== state[name]);
  const holidayChanged = next.holiday !== state.holiday || next.year !== state.year;
  state = next;
  if (trendChanged) {
    trend.reload();
    peaks.reload();
  }
  if (holidayChanged) holiday.reload();
};
state = bindFilters(document.getElementById('time-filters'), defaults, onChange);
bindFilters(document.getElementById('holiday-filters'), defaults, onChange);

/** The time of a bucket start, as its granularity reads (platform zone). */
function bucketLabel(start, granularity) {
  const p = parts(new Date(start));
  switch (granularity) {
    case 'hour': return `${p.month}-${p.day} ${p.hour}:00`;
    case 'month': return `${p.year}-${p.month}`;
    default: return `${p.month}-${p.day}`;
  }
}

// ---- trend with compare overlay

const trend = panel('trend', {
  load: signal => {
    const range = rangeOf(state);
    return api.get('/api/v1/traffic', {from: range.from, to: range.to, granularity: state.granularity,
      compare: state.compare === 'none' ? null : state.compare}, {signal});
  },
  isEmpty: answer => !answer.series.length || answer.series[0].points.every(point => point.orders === 0
    && (!point.compare || point.compare.orders === 0)),
  refresh: 60,
  render(answer, body, section) {
    const points = answer.series[0].points;
    const states = bucketStates(points.map(point => point.start), answer);
    const labels = points.map((point, i) => soFar(bucketLabel(point.start, answer.granularity), states[i]));
    const compared = answer.compare ? t(`common.compare.${answer.compare.basis}`) : null;
    const orders = splitLine(points.map(point => point.orders), states);
    const series = [{name: t('time.trend.orders'), type: 'line', data: orders.solid,
      itemStyle: {color: colors.primary}, areaStyle: {opacity: 0.08}, symbol: points.length > 60 ? 'none' : 'circle'}];
    if (orders.partial) series.push({...partialLine(colors.primary), data: orders.partial});
    if (compared) {
      series.push({name: compared, type: 'line', data: points.map(point => point.compare?.orders ?? null),
        itemStyle: {color: colors.flat}, lineStyle: {type: 'dashed', width: 1.5}, symbol: 'none'});
    }
    chart(section, {
      grid: {left: 52, right: 20, top: 36, bottom: 30},
      legend: {top: 0, data: series.map(one => one.name)},
      tooltip: {trigger: 'axis', formatter: axisTooltip(labels, states, integer)},
      xAxis: {type: 'category', data: labels, boundaryGap: false},
      yAxis: {type: 'value', minInterval: 1, axisLabel: {formatter: value => compact(value)}},
      series,
    }, {
      columns: [t('time.trend.bucket'), {label: t('time.trend.orders'), numeric: true, format: integer},
        {label: t('time.trend.revenue'), numeric: true, format: money},
        ...(compared ? [{label: compared, numeric: true, format: integer},
          {label: t('time.trend.change'), numeric: true, format: value => (value === RUNNING ? '–' : changeText(value))}]
          : [])],
      // a running bucket's change against a whole one is no fact: left out
      rows: points.map((point, index) => [labels[index], point.orders, Number(point.revenue),
        ...(compared ? [point.compare?.orders ?? null,
          states[index] === 'running' ? RUNNING : ratio(point.orders, point.compare?.orders)] : [])])
        .filter((row, index) => states[index] !== 'future'),
    });
    const total = points.reduce((sum, point) => sum + point.orders, 0);
    const summary = section.querySelector('[data-trend-summary]');
    summary.replaceChildren(t('time.trend.total', integer(total)));
    if (compared) {
      const before = points.reduce((sum, point) => sum + (point.compare?.orders ?? 0), 0);
      summary.append(t('time.trend.separator'),
        changeElement(changeRatio(total, before), t(`time.trend.versus.${answer.compare.basis}`)));
    }
  },
});

/** A running bucket's change: not shown (no value in the CSV either). */
const RUNNING = undefined;

function ratio(current, previous) {
  const value = changeRatio(current, previous);
  return value === null ? null : Math.round(value * 10000) / 10000;
}

// ---- forecast with bands and holiday markers

const HISTORY_DAYS = 56;
const HORIZON_DAYS = 28;

function holidayName(slug) {
  return has(`time.holidayName.${slug}`) ? t(`time.holidayName.${slug}`) : slug;
}

panel('forecast', {
  async load(signal) {
    const forecast = await api.get('/api/v1/forecasts', {series: 'total', horizon: HORIZON_DAYS}, {signal})
      .catch(error => {
        if (error.status === 404) return null;
        throw error;
      });
    if (!forecast) return null;
    const first = forecast.points[0].date;
    const last = forecast.points[forecast.points.length - 1].date;
    const historyFrom = addDays(first, -HISTORY_DAYS);
    const [history, calendar] = await Promise.all([
      api.get('/api/v1/traffic', {from: historyFrom, to: addDays(first, -1), granularity: 'day'}, {signal}),
      api.get('/api/v1/forecasts/calendar', {from: historyFrom, to: last}, {signal}),
    ]);
    return {forecast, history: history.series[0]?.points || [], calendar};
  },
  empty: 'time.forecast.empty',
  refresh: 300,
  render({forecast, history, calendar}, body, section) {
    const dates = [...history.map(point => point.start.slice(0, 10)), ...forecast.points.map(point => point.date)];
    const pad = values => [...history.map(() => null), ...values];
    const actual = [...history.map(point => point.orders), ...forecast.points.map(() => null)];
    const lower80 = pad(forecast.points.map(point => round(point.lower80)));
    const lower95 = pad(forecast.points.map(point => round(point.lower95)));
    const band80 = pad(forecast.points.map(point => round(point.upper80 - point.lower80)));
    const band95 = pad(forecast.points.map(point => round(point.upper95 - point.lower95)));
    // the forecast line starts at the last actual day, so the two read as one line
    const predicted = pad(forecast.points.map(point => round(point.value)));
    if (history.length) predicted[history.length - 1] = history[history.length - 1].orders;

    const inRange = day => day >= dates[0] && day <= dates[dates.length - 1];
    const clamp = day => (day < dates[0] ? dates[0] : day > dates[dates.length - 1] ? dates[dates.length - 1] : day);
    const breaks = calendar.breaks.filter(one => inRange(one.first) || inRange(one.last));
    const makeups = calendar.breaks.flatMap(one => one.makeupWorkdays.map(day => ({day, holiday: one.holiday})))
      .filter(one => inRange(one.day));
    const names = {actual: t('time.forecast.actual'), forecast: t('time.forecast.forecast'),
      band80: t('time.forecast.band80'), band95: t('time.forecast.band95')};
    chart(section, {
      grid: {left: 52, right: 20, top: 56, bottom: 30},
      legend: {top: 0, data: [names.actual, names.forecast, names.band80, names.band95]},
      tooltip: {trigger: 'axis', formatter: params => forecastTooltip(params, dates, forecast, breaks, makeups)},
      xAxis: {type: 'category', data: dates, boundaryGap: false, axisLabel: {formatter: day => day.slice(5)}},
      yAxis: {type: 'value', minInterval: 1, axisLabel: {formatter: value => compact(value)}},
      series: [
        {name: 'lower95', type: 'line', data: lower95, stack: 'b95', lineStyle: {opacity: 0}, symbol: 'none',
          silent: true, tooltip: {show: false}},
        {name: names.band95, type: 'line', data: band95, stack: 'b95', lineStyle: {opacity: 0}, symbol: 'none',
          areaStyle: {color: colors.band95}, itemStyle: {color: colors.band95}},
        {name: 'lower80', type: 'line', data: lower80, stack: 'b80', lineStyle: {opacity: 0}, symbol: 'none',
          silent: true, tooltip: {show: false}},
        {name: names.band80, type: 'line', data: band80, stack: 'b80', lineStyle: {opacity: 0}, symbol: 'none',
          areaStyle: {color: colors.band80}, itemStyle: {color: colors.band80}},
        {name: names.actual, type: 'line', data: actual, itemStyle: {color: colors.text}, symbol: 'none',
          markArea: {silent: true, itemStyle: {color: 'rgba(217, 54, 62, 0.07)'},
            // from the area's left edge inward: a break at the chart's left edge then never runs into the y axis
            label: {color: colors.up, fontSize: 11, position: 'insideTopLeft', distance: 4},
            data: breaks.map(one => [{name: holidayName(one.holiday), xAxis: clamp(one.first)}, {xAxis: clamp(one.last)}])},
          markLine: {silent: true, symbol: 'none', lineStyle: {color: colors.series[1], type: 'dotted'},
            // along the line from its foot, inside the plot: above the plot it would run into the y axis' top label
            // and, at the top, into the holiday's
            label: {formatter: t('time.forecast.makeup'), fontSize: 10, color: colors.series[1],
              position: 'insideStartTop'},
            data: makeups.map(one => ({xAxis: one.day}))}},
        {name: names.forecast, type: 'line', data: predicted, itemStyle: {color: colors.primary},
          lineStyle: {type: 'dashed'}, symbol: 'none'},
      ],
    }, {
      columns: [t('time.forecast.date'), {label: names.actual, numeric: true, format: integer},
        {label: names.forecast, numeric: true, format: value => number(value, 0)},
        {label: t('time.forecast.lower95'), numeric: true, format: value => number(value, 0)},
        {label: t('time.forecast.lower80'), numeric: true, format: value => number(value, 0)},
        {label: t('time.forecast.upper80'), numeric: true, format: value => number(value, 0)},
        {label: t('time.forecast.upper95'), numeric: true, format: value => number(value, 0)},
        t('time.forecast.marker')],
      rows: [...history.map(point => [point.start.slice(0, 10), point.orders, null, null, null, null, null,
        markerOf(point.start.slice(0, 10), breaks, makeups)]),
      ...forecast.points.map(point => [point.date, null, round(point.value), round(point.lower95), round(point.lower80),
        round(point.upper80), round(point.upper95), markerOf(point.date, breaks, makeups)])],
    });
    // forecast-service leaves MASE out (null) where the history is too short or too empty to measure it honestly
    const mase = forecast.backtest?.mase;
    const model = label('forecastModel', forecast.model);
    section.querySelector('[data-forecast-model]').textContent = mase === null || mase === undefined
      ? t('time.forecast.modelUnmeasured', model) : t('time.forecast.model', [model, number(mase, 2)]);
  },
});

function round(value) {
  return value === null || value === undefined ? null : Math.round(value * 10) / 10;
}

function markerOf(day, breaks, makeups) {
  const off = breaks.find(one => day >= one.first && day <= one.last);
  if (off) return holidayName(off.holiday);
  const makeup = makeups.find(one => one.day === day);
  return makeup ? `${t('time.forecast.makeup')} (${holidayName(makeup.holiday)})` : '';
}

function forecastTooltip(params, dates, forecast, breaks, makeups) {
  const day = dates[params[0].dataIndex];
  const point = forecast.points.find(one => one.date === day);
  const lines = [`<b>${day}</b> ${t(`common.weekday.${weekday(day)}`)}`];
  const marker = markerOf(day, breaks, makeups);
  if (marker) lines.push(marker);
  const actual = params.find(one => one.seriesName === t('time.forecast.actual'));
  if (actual && actual.value !== null && actual.value !== undefined) {
    lines.push(`${t('time.forecast.actual')}: ${integer(actual.value)}`);
  }
  if (point) {
    lines.push(`${t('time.forecast.forecast')}: ${number(point.value, 0)}`,
      `${t('time.forecast.band80')}: ${number(point.lower80, 0)} – ${number(point.upper80, 0)}`,
      `${t('time.forecast.band95')}: ${number(point.lower95, 0)} – ${number(point.upper95, 0)}`);
  }
  return lines.join('<br>');
}

// ---- a holiday against last year's

const holidayForm = document.getElementById('holiday-filters');
let calendarYears = null;

/** The holiday and year shown when the URL names none: the latest break that has begun (or the next one). */
async function holidayChoice(signal) {
  const year = Number(today().slice(0, 4));
  calendarYears ||= await api.get('/api/v1/forecasts/calendar', {from: `${year - 1}-01-01`, to: `${year}-12-31`},
    {signal});
  const holidays = calendarYears.holidays;
  fillSelect(holidayForm.elements.holiday, holidays.map(slug => [slug, holidayName(slug)]));
  const years = [];
  for (let one = Math.min(calendarYears.lastYear, year + 1); one >= Math.max(calendarYears.firstYear + 1, year - 4); one--) {
    years.push([String(one), String(one)]);
  }
  fillSelect(holidayForm.elements.year, years);
  const begun = calendarYears.breaks.filter(one => one.first <= addDays(today(), 14));
  const latest = begun[begun.length - 1] || calendarYears.breaks[0];
  const chosen = {holiday: state.holiday || latest?.holiday, year: state.year || latest?.last.slice(0, 4)};
  holidayForm.elements.holiday.value = chosen.holiday;
  holidayForm.elements.year.value = chosen.year;
  return chosen;
}

function fillSelect(select, options) {
  if (select.options.length === options.length) return;
  select.replaceChildren(...options.map(([value, text]) => new Option(text, value)));
}

const holiday = panel('holiday', {
  async load(signal) {
    const chosen = await holidayChoice(signal);
    return api.get('/api/v1/forecasts/holidays', {holiday: chosen.holiday, year: chosen.year, series: 'total'},
      {signal}).catch(error => {
      if (error.status === 404) return null;
      throw error;
    });
  },
  // the history is zeros from its first order on: a holiday before the simulator's week shows only such zeros, no
  // fact about the holiday; without one order on its days this year or last there is nothing to compare
  isEmpty: answer => !answer || answer.days.every(day => !day.value && !day.lastYearActual),
  empty: 'time.holiday.empty',
  render(answer, body, section) {
    const labels = answer.days.map(day => positionLabel(day.position));
    const thisYear = t('time.holiday.thisYear', answer.year);
    const lastYear = t('time.holiday.lastYear', answer.year - 1);
    chart(section, {
      grid: {left: 52, right: 16, top: 36, bottom: 48},
      legend: {top: 0, data: [thisYear, lastYear]},
      tooltip: {trigger: 'axis', valueFormatter: value => (value === null ? '–' : number(value, 0))},
      xAxis: {type: 'category', data: labels, axisLabel: {rotate: labels.length > 10 ? 40 : 0, interval: 0, hideOverlap: true}},
      yAxis: {type: 'value', axisLabel: {formatter: value => compact(value)}},
      series: [
        {name: thisYear, type: 'bar', data: answer.days.map(day => ({value: round(day.value),
          itemStyle: {color: day.basis === 'forecast' ? colors.band80 : colors.primary,
            borderColor: colors.primary, borderType: day.basis === 'forecast' ? 'dashed' : 'solid'}}))},
        {name: lastYear, type: 'bar', data: answer.days.map(day => round(day.lastYearActual)),
          itemStyle: {color: colors.flat}},
      ],
    }, {
      columns: [t('time.holiday.position'), t('time.holiday.date'), t('time.holiday.basis'),
        {label: thisYear, numeric: true, format: value => number(value, 0)}, t('time.holiday.lastYearDate'),
        {label: lastYear, numeric: true, format: value => (value === null ? '–' : number(value, 0))},
        {label: t('time.holiday.change'), numeric: true, format: changeText}],
      rows: answer.days.map((day, index) => [labels[index], day.date, t(`time.holiday.basis.${day.basis}`),
        round(day.value), day.lastYearDate, round(day.lastYearActual), ratio(day.value, day.lastYearActual)]),
    });
  },
});

/** 'National Day lead-in -2' → 节前第 2 天; 'National Day day 3' → 假期第 3 天; 'National Day after +1' → 节后第 1 天. */
function positionLabel(position) {
  const match = /(lead-in|day|after) ([+-]?\d+)$/.exec(position);
  return match ? t(`time.holiday.phase.${match[1]}`, Math.abs(Number(match[2]))) : position;
}

// ---- weekday × hour peaks and capacity

const peaks = panel('peaks', {
  load: signal => {
    const range = rangeOf(state);
    // a heatmap of typical hours needs weeks: a shorter range is widened to the 28 days ending with it
    const from = range.days >= 14 ? range.from : addDays(range.to, -27);
    return api.get('/api/v1/traffic/peaks', {from, to: range.to}, {signal});
  },
  isEmpty: answer => answer.heatmap.every(row => row.typicalByHour.every(value => value === 0)),
  empty: 'time.peaks.empty',
  refresh: 300,
  render(answer, body, section) {
    const hours = Array.from({length: 24}, (_, hour) => `${String(hour).padStart(2, '0')}`);
    const days = answer.heatmap.map(row => t(`common.weekday.${isoWeekday(row.weekday)}`));
    const cells = answer.heatmap.flatMap((row, y) => row.typicalByHour.map((value, x) => [x, y, round(value)]));
    const max = Math.max(1, ...cells.map(cell => cell[2]));
    section.querySelector('[data-peaks-range]').textContent = t('time.peaks.range', [answer.from, answer.to]);
    chart(section, {
      grid: {left: 44, right: 16, top: 10, bottom: 64},
      tooltip: {formatter: params => `${days[params.value[1]]} ${hours[params.value[0]]}:00 — ${t('time.peaks.typical')}: ${number(params.value[2], 1)}`},
      xAxis: {type: 'category', data: hours, splitArea: {show: true}, axisLabel: {interval: 1}},
      yAxis: {type: 'category', data: days, splitArea: {show: true}, inverse: true},
      visualMap: {min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
        text: [number(max, 1), '0'], inRange: {color: ['#f3f6fb', '#9ec5fe', '#1f6feb', '#0b3d91']}, textStyle: {fontSize: 11}},
      series: [{type: 'heatmap', data: cells, emphasis: {itemStyle: {borderColor: '#333', borderWidth: 1}}}],
    }, {
      columns: [t('time.peaks.weekday'), ...hours.map(hour => ({label: `${hour}:00`, numeric: true,
        format: value => number(value, 1)}))],
      rows: answer.heatmap.map((row, y) => [days[y], ...row.typicalByHour.map(round)]),
    });
    capacity(body.querySelector('[data-capacity]'), answer);
  },
});

function isoWeekday(name) {
  return ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].indexOf(name) + 1;
}

function capacity(element, answer) {
  element.replaceChildren();
  const heading = document.createElement('h3');
  heading.textContent = t('time.capacity.title', answer.planningDays);
  element.append(heading);
  if (!answer.capacity.length) {
    const none = document.createElement('p');
    none.className = 'muted';
    none.textContent = t('time.capacity.notSet');
    element.append(none);
    return;
  }
  const list = document.createElement('ul');
  list.className = 'list';
  for (const region of answer.capacity) {
    const item = document.createElement('li');
    const name = region.region === 'total' ? t('time.capacity.total') : label('province', region.region);
    const risky = region.days.filter(day => day.risk === 'LIKELY' || day.risk === 'POSSIBLE');
    const badge = document.createElement('span');
    badge.className = `badge ${risky.some(day => day.risk === 'LIKELY') ? 'CRITICAL' : risky.length ? 'WARNING' : 'UP'}`;
    badge.textContent = risky.length ? t('time.capacity.days', risky.length) : t('time.capacity.ok');
    const text = document.createElement('span');
    text.textContent = `${name} · ${t('time.capacity.limit', integer(region.capacity))}`;
    item.append(badge, text);
    if (risky.length) {
      const when = document.createElement('span');
      when.className = 'muted';
      when.textContent = risky.slice(0, 5).map(day => `${day.date.slice(5)} ${t(`time.capacity.risk.${day.risk}`)}`)
        .join(t('time.list.separator')) + (risky.length > 5 ? ' …' : '');
      item.append(when);
    }
    list.append(item);
  }
  element.append(list);
}
