// 地区维度: orders by province on the China map, the drill-down to a province's cities, hot regions with their
// growth, and orders shipped abroad. Numbers come from forecast-service's hot regions (docs/traffic.md).
import {get} from './lib/api.js';
import {chart, chinaMap, colors, echarts} from './lib/charts.js';
import {changeDirection, changeElement, integer, onBasis, percent} from './lib/format.js';
import {has, label, lang, t, unnamed} from './lib/i18n.js';
import {panel, reloadAll} from './lib/panel.js';
import {bindFilters, rangeOf} from './lib/url-state.js';

const HOT_REGIONS = '/api/v1/traffic/hot-regions';
const DEFAULTS = {range: 'last7', province: '', level: 'province'};
const CHINA = 'CN';
const form = document.getElementById('region-filters');
const countryNames = new Intl.DisplayNames([lang], {type: 'region', fallback: 'code'});

let state = bindFilters(form, DEFAULTS, next => {
  state = next;
  answers.clear();
  reloadAll();
});
/** Answers of this filter state by request, so that panels asking the same question share one call. */
const answers = new Map();

function hotRegions(params, signal) {
  const {from, to} = rangeOf(state);
  const query = {from, to, ...params};
  const key = JSON.stringify(query);
  if (!answers.has(key)) {
    answers.set(key, get(HOT_REGIONS, query).catch(error => {
      answers.delete(key);
      throw error;
    }));
  }
  return abortable(answers.get(key), signal);
}

function abortable(promise, signal) {
  return new Promise((resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), {once: true});
    promise.then(resolve, reject);
  });
}

/** Every province with orders in the range (the map colours them all). */
const provinces = signal => hotRegions({level: 'province', limit: 500}, signal);

const provinceName = province => label('province', province);
/** A region the catalogue has no name for (abroad) is shown as it came: data, not text of either language. */
const unnamedProvince = province => unnamed('province', province);
const countryName = code => countryNames.of(code) || code;

/** The province whose cities are shown: the chosen one, else the busiest. */
function drilledProvince(answer) {
  return state.province || answer.regions[0]?.region || null;
}

function growth(ratio) {
  return changeElement(ratio ?? null);
}

/** A region's growth against the previous period, where that period's orders are a basis for one. */
const vsPrevious = region => onBasis(region.growthVsPrevious, region.previousOrders);
/** Without a forecast (too little history) the forecast columns say so; a forecast of too few orders is no basis. */
const NO_FORECAST = undefined;
const vsForecast = region => (region.growthVsForecast === null ? NO_FORECAST
  : onBasis(region.growthVsForecast, region.expectedOrders));

function previousNote(answer) {
  document.querySelector('[data-period]').textContent =
    t('region.previousPeriod', [answer.previousFrom, answer.previousTo]);
}

/** Offers the provinces with orders in the province filter, keeping the chosen one. */
function offerProvinces(answer) {
  const select = form.elements.province;
  const chosen = state.province;
  const options = [select.options[0]];
  const names = new Set(answer.regions.map(region => region.region));
  if (chosen) names.add(chosen);
  for (const name of names) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = provinceName(name);
    if (unnamedProvince(name)) option.dataset.userContent = '';
    options.push(option);
  }
  select.replaceChildren(...options);
  select.value = chosen;
}

function choose(name, value) {
  const control = form.elements[name];
  control.value = value;
  control.dispatchEvent(new Event('change', {bubbles: true}));
}

/** The map's province names: the GeoJSON's short names shown as the catalogue's (full Chinese or English) names. */
function mapNames() {
  const nameMap = {};
  const fullName = {};
  const map = echarts.getMap('china');
  for (const feature of (map.geoJSON || map.geoJson).features) {
    const short = feature.properties.name;
    const full = ['省', '市', '自治区', '壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区'].map(ending => short + ending)
      .find(candidate => has(`common.enum.province.${candidate}`)) || short;
    nameMap[short] = provinceName(full);
    fullName[nameMap[short]] = full;
  }
  return {nameMap, fullName};
}

panel('map', {
  load: async signal => {
    const [answer] = await Promise.all([provinces(signal), chinaMap()]);
    return answer;
  },
  isEmpty: answer => answer.orders === 0,
  empty: 'region.map.empty',
  render: (answer, body, section) => {
    previousNote(answer);
    offerProvinces(answer);
    const {nameMap, fullName} = mapNames();
    const onMap = new Set(Object.values(fullName));
    const data = answer.regions.filter(region => onMap.has(region.region))
      .map(region => ({name: provinceName(region.region), value: region.orders}));
    const chosen = drilledProvince(answer);
    const max = Math.max(1, ...data.map(item => item.value));
    const instance = chart(section, {
      tooltip: {confine: true, trigger: 'item', formatter: item => `${item.name}<br>${t('region.map.series')}: ${integer(item.value)}`},
      visualMap: {type: 'continuous', min: 0, max, left: 8, bottom: 8, calculable: false,
        text: [integer(max), '0'], textStyle: {color: colors.muted}, inRange: {color: ['#e7effd', colors.primary]}},
      series: [{
        type: 'map', map: 'china', name: t('region.map.series'), nameMap, data,
        roam: false, selectedMode: 'single', layoutCenter: ['50%', '55%'], layoutSize: '105%',
        label: {show: false}, emphasis: {label: {show: true}},
        select: {label: {show: true}, itemStyle: {borderColor: colors.text, borderWidth: 1.5}},
        itemStyle: {areaColor: '#f3f4f6', borderColor: '#ffffff'},
      }],
    }, {
      columns: [{label: t('region.col.province'), format: provinceName, userContent: unnamedProvince},
        {label: t('region.col.orders'), numeric: true, format: integer},
        {label: t('region.col.share'), numeric: true, format: ratio => percent(ratio)},
        {label: t('region.col.vsPrevious'), numeric: true, format: growth}],
      rows: answer.regions.map(region => [region.region, region.orders,
        region.orders / answer.orders, vsPrevious(region)]),
    });
    if (chosen && onMap.has(chosen)) {
      instance.dispatchAction({type: 'select', seriesIndex: 0, name: provinceName(chosen)});
    }
    instance.off('click');
    instance.on('click', item => {
      if (fullName[item.name]) choose('province', fullName[item.name]);
    });
    section.querySelector('[data-note]').textContent =
      answer.unassigned > 0 ? t('region.map.unassigned', integer(answer.unassigned)) : '';
  },
});

/** The bars' colour by the change against the previous period (Chinese convention), 'none' without a basis. */
const BAR_COLOURS = {up: colors.up, down: colors.down, flat: colors.flat, none: colors.primary};

/**
 * A ranked horizontal bar chart: the busiest at the top, each bar red when up on the previous period, green when
 * down. One series per direction (stacked into one bar a region), so that the legend's colours are the bars'.
 */
function rankedBars(regions, name) {
  const ordered = [...regions].reverse();
  const directions = ordered.map(region => changeDirection(vsPrevious(region)));
  const series = Object.entries(BAR_COLOURS)
    .filter(([direction]) => directions.includes(direction))
    .map(([direction, color]) => ({
      type: 'bar', name: t(`region.bars.${direction}`), stack: 'orders', barMaxWidth: 22, itemStyle: {color},
      data: ordered.map((region, i) => (directions[i] === direction ? region.orders : null)),
      label: {show: true, position: 'right', formatter: item => integer(item.value), color: colors.muted},
    }));
  return {
    grid: {left: 8, right: 56, top: 8, bottom: 32, containLabel: true},
    legend: {bottom: 0},
    tooltip: {confine: true, trigger: 'axis', axisPointer: {type: 'shadow'}, formatter: barTooltip},
    xAxis: {type: 'value', minInterval: 1},
    yAxis: {type: 'category', data: ordered.map(name), axisLabel: {width: 120, overflow: 'truncate'}},
    series,
  };
}

/** The region and its bars, leaving out the directions it is not in. */
function barTooltip(items) {
  const shown = items.filter(item => item.value !== null && item.value !== undefined);
  return [echarts.format.encodeHTML(items[0].name),
    ...shown.map(item => `${item.marker}${echarts.format.encodeHTML(item.seriesName)}: ${integer(item.value)}`)]
    .join('<br>');
}

/**
 * The table of ranked regions; the region column holds the region as the API names it (the CSV's value), shown by
 * name(region). userContent: whether a region's name is data (true, false or a test of the API's name).
 */
function rankingTable(regions, regionLabel, name, {userContent = false, forecast = false} = {}) {
  const columns = [{label: t('region.col.rank'), numeric: true},
    {label: regionLabel, format: region => name({region}), userContent},
    {label: t('region.col.orders'), numeric: true, format: integer},
    {label: t('region.col.previous'), numeric: true, format: integer},
    {label: t('region.col.vsPrevious'), numeric: true, format: growth}];
  if (forecast) {
    columns.push({label: t('region.col.expected'), numeric: true,
      format: value => (value === null || value === undefined ? t('region.hot.noForecast') : integer(value))},
    {label: t('region.col.vsForecast'), numeric: true,
      format: value => (value === NO_FORECAST ? t('region.hot.noForecast') : growth(value))});
  }
  return {
    columns,
    rows: regions.map(region => [region.rank, region.region, region.orders, region.previousOrders,
      vsPrevious(region)].concat(forecast ? [region.expectedOrders, vsForecast(region)] : [])),
  };
}

panel('cities', {
  load: async signal => {
    const province = drilledProvince(await provinces(signal));
    if (!province) return null;
    return hotRegions({level: 'city', province, limit: 20}, signal);
  },
  isEmpty: answer => !answer || answer.regions.length === 0,
  empty: 'region.cities.empty',
  render: (answer, body, section) => {
    section.querySelector('[data-title]').textContent = t('region.cities.title', provinceName(answer.province));
    chart(section, rankedBars(answer.regions, region => region.region),
      rankingTable(answer.regions, t('region.col.city'), region => region.region, {userContent: true}));
    section.querySelector('[data-note]').textContent =
      answer.unassigned > 0 ? t('region.cities.unassigned', integer(answer.unassigned)) : '';
  },
});

panel('hot', {
  load: async signal => {
    if (state.level === 'city') return hotRegions({level: 'city', limit: 10}, signal);
    const answer = await provinces(signal);
    return {...answer, regions: answer.regions.slice(0, 10)};
  },
  isEmpty: answer => answer.regions.length === 0,
  empty: 'region.hot.empty',
  render: (answer, body, section) => {
    const city = answer.level === 'city';
    const name = city ? region => region.region : region => provinceName(region.region);
    const option = rankedBars(answer.regions, name);
    option.series.unshift({type: 'bar', name: t('region.col.previous'), barMaxWidth: 22, barGap: '10%',
      itemStyle: {color: '#c9ced6'}, data: [...answer.regions].reverse().map(region => region.previousOrders)});
    chart(section, option, rankingTable(answer.regions, t(city ? 'region.col.city' : 'region.col.province'), name,
      {userContent: city || unnamedProvince, forecast: true}));
  },
});

panel('countries', {
  load: signal => hotRegions({level: 'country', limit: 200}, signal),
  isEmpty: answer => answer.regions.every(region => region.region === CHINA),
  empty: 'region.countries.empty',
  render: (answer, body, section) => {
    const abroad = answer.regions.filter(region => region.region !== CHINA)
      .map((region, index) => ({...region, rank: index + 1}));
    const abroadOrders = abroad.reduce((sum, region) => sum + region.orders, 0);
    const named = answer.orders - answer.unassigned;
    section.querySelector('[data-note]').textContent =
      t('region.countries.share', [percent(named ? abroadOrders / named : null), integer(abroadOrders)]);
    chart(section, rankedBars(abroad, region => countryName(region.region)),
      rankingTable(abroad, t('region.col.country'), region => countryName(region.region)));
  },
});
