// Numbers, money, percentages and times for people, in the page's language and the platform zone (named in the
// header). Dates in URLs and API parameters are local dates of the platform zone, 'YYYY-MM-DD'.
import {lang, t} from './i18n.js';

/** The platform zone, e.g. 'Asia/Shanghai'. */
export const zone = document.querySelector('meta[name="keliu-zone"]')?.content || 'Asia/Shanghai';

const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
const formatters = new Map();

function formatter(kind, options) {
  const key = kind + JSON.stringify(options);
  if (!formatters.has(key)) {
    formatters.set(key, kind === 'number'
      ? new Intl.NumberFormat(locale, options)
      : new Intl.DateTimeFormat(locale, {timeZone: zone, ...options}));
  }
  return formatters.get(key);
}

function missing(value) {
  return value === null || value === undefined || value === '' || Number.isNaN(Number(value));
}

/** 12,345 */
export function integer(value) {
  return missing(value) ? '–' : formatter('number', {maximumFractionDigits: 0}).format(Number(value));
}

/** 12,345.68 (digits decimals, default 2) */
export function number(value, digits = 2) {
  return missing(value) ? '–' : formatter('number', {minimumFractionDigits: digits, maximumFractionDigits: digits})
    .format(Number(value));
}

/**
 * 1.23万 / 12.3K: for axes and tight spaces. Three significant digits, so that two totals a few percent apart
 * (¥1.04m and ¥1.0m) do not read as the same number.
 */
export function compact(value) {
  return missing(value) ? '–' : formatter('number', {notation: 'compact', maximumSignificantDigits: 3}).format(Number(value));
}

/** ¥12,345.68 (amounts are yuan, the platform's currency) */
export function money(value, digits = 2) {
  return missing(value) ? '–' : '¥' + number(value, digits);
}

/** ¥1.23万 / ¥12.3K */
export function moneyCompact(value) {
  return missing(value) ? '–' : '¥' + compact(value);
}

/** 12.3% from a ratio 0.123 */
export function percent(ratio, digits = 1) {
  return missing(ratio) ? '–' : formatter('number', {style: 'percent', minimumFractionDigits: digits,
    maximumFractionDigits: digits}).format(Number(ratio));
}

/** +12.3% / -4.0% from a ratio */
export function signedPercent(ratio, digits = 1) {
  return missing(ratio) ? '–' : formatter('number', {style: 'percent', signDisplay: 'exceptZero',
    minimumFractionDigits: digits, maximumFractionDigits: digits}).format(Number(ratio));
}

/**
 * The fewest orders an earlier period needs to be a basis for a change: against fewer, a percentage says more about
 * chance than about the business (+136,366 % against one order), so 'no basis' is shown (docs/dashboard.md).
 */
export const MIN_BASIS_ORDERS = 20;

/**
 * The relative change from previous to current, or null when there is no basis: a value missing, an earlier value of
 * zero, or an earlier period of fewer than MIN_BASIS_ORDERS orders. basisOrders is the earlier period's orders; it
 * defaults to previous, for changes of order counts.
 */
export function changeRatio(current, previous, basisOrders = previous) {
  if (missing(current) || missing(previous) || Number(previous) === 0) {
    return null;
  }
  return onBasis((Number(current) - Number(previous)) / Math.abs(Number(previous)), basisOrders);
}

/** A change computed elsewhere (a service's growth), or null when its earlier period's orders are no basis. */
export function onBasis(ratio, basisOrders) {
  return missing(ratio) || missing(basisOrders) || Number(basisOrders) < MIN_BASIS_ORDERS ? null : Number(ratio);
}

/** +12.3% from a ratio, 'no basis' where changeRatio found none */
export function changeText(ratio) {
  return ratio === null || ratio === undefined || Number.isNaN(ratio) ? t('common.change.none') : signedPercent(ratio);
}

/** 'up', 'down' or 'flat' (within ±0.05 %), 'none' without a basis */
export function changeDirection(ratio) {
  return ratio === null || ratio === undefined || Number.isNaN(ratio) ? 'none'
    : ratio > 0.0005 ? 'up' : ratio < -0.0005 ? 'down' : 'flat';
}

/**
 * A change shown the Chinese way: <span class="change up">▲ 12.3%</span> in red for an increase, green ▼ for a
 * decrease, grey for flat or nothing to compare. label (e.g. t('common.change.mom')) is put before the figure.
 */
export function changeElement(ratio, label) {
  const span = document.createElement('span');
  const direction = changeDirection(ratio);
  span.className = `change ${direction}`;
  const arrow = {up: '▲ ', down: '▼ ', flat: '■ ', none: ''}[direction];
  const figure = direction === 'none' ? changeText(ratio) : arrow + signedPercent(ratio);
  span.textContent = label ? `${label} ${figure}` : figure;
  span.title = direction === 'up' ? t('common.change.up', signedPercent(ratio))
    : direction === 'down' ? t('common.change.down', signedPercent(ratio)) : figure;
  return span;
}

function noDate(value) {
  return value === null || value === undefined || value === '' || Number.isNaN(asDate(value).getTime());
}

function asDate(value) {
  return value instanceof Date ? value : new Date(value);
}

/** 2024-12-01 14:05 in the platform zone */
export function dateTime(value) {
  if (noDate(value)) return '–';
  const p = parts(asDate(value));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 2024-12-01 14:05:09 in the platform zone */
export function dateTimeSeconds(value) {
  if (noDate(value)) return '–';
  const p = parts(asDate(value));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** 14:05 in the platform zone */
export function time(value) {
  if (noDate(value)) return '–';
  const p = parts(asDate(value));
  return `${p.hour}:${p.minute}`;
}

/** 14:05:09 in the platform zone */
export function timeSeconds(value) {
  if (noDate(value)) return '–';
  const p = parts(asDate(value));
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** The local date 'YYYY-MM-DD' of an instant in the platform zone */
export function localDate(value = new Date()) {
  const p = parts(asDate(value));
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today in the platform zone, 'YYYY-MM-DD' */
export function today() {
  return localDate(new Date());
}

/** A local date n days later (earlier when negative) */
export function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The same local date a year earlier (29 February becomes 28 February) */
export function lastYear(day) {
  const [y, m, d] = day.split('-').map(Number);
  const days = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
}

/** Days from one local date to another (to - from) */
export function daysBetween(from, to) {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000);
}

/** 1 (Monday) … 7 (Sunday) of a local date */
export function weekday(day) {
  return ((new Date(day + 'T00:00:00Z').getUTCDay() + 6) % 7) + 1;
}

/** The instant (a Date) at which a local date and time ('HH:mm') of the platform zone begins */
export function instantOf(day, clock = '00:00') {
  const guess = Date.parse(`${day}T${clock}:00Z`);
  // the zone's offset at the guess, then once more at the corrected instant (daylight-saving edges)
  let instant = guess - offsetMillis(new Date(guess));
  instant = guess - offsetMillis(new Date(instant));
  return new Date(instant);
}

/** The zone's offset from UTC at an instant, in milliseconds */
export function offsetMillis(date) {
  const p = parts(date);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute),
    Number(p.second));
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** Year, month, day, hour, minute, second of an instant in the platform zone (two-digit strings) */
export function parts(date) {
  const result = {};
  for (const part of formatter('date', {year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', second: '2-digit', hourCycle: 'h23'}).formatToParts(date)) {
    result[part.type] = part.value;
  }
  return result;
}
