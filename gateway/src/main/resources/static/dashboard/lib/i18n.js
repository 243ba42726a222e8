// Messages for scripts: the catalogue the layout renders into <script type="application/json" id="messages">
// (bundle "common" plus the page's view bundle, in the page's language). No user-facing literals in scripts.

const element = document.getElementById('messages');
const catalogue = element ? JSON.parse(element.textContent) : {};

/** The page's language: 'zh-CN' or 'en'. */
export const lang = document.documentElement.lang === 'en' ? 'en' : 'zh-CN';

/**
 * The message for key, with {0}, {1}… (args an array or one value) or {name} (args an object) filled in.
 * A count's words follow it as in Java's MessageFormat: {0,choice,1#order|1<orders} ("1 order", "2 orders"; a
 * formatted count such as '1,234' counts as its number). A missing key shows as the key itself (and a console
 * warning), so that it is seen and fixed.
 */
export function t(key, args) {
  let message = catalogue[key];
  if (message === undefined) {
    console.warn('missing message', key);
    return key;
  }
  if (args === undefined || args === null) {
    return message;
  }
  const values = Array.isArray(args) || typeof args !== 'object' ? [].concat(args) : args;
  return message
    .replace(/\{(\w+),choice,([^{}]*)\}/g, (whole, name, choices) => (values[name] === undefined ? whole
      : choose(choices, values[name])))
    .replace(/\{(\w+)\}/g, (whole, name) => (values[name] === undefined ? whole : String(values[name])));
}

/** ChoiceFormat's pick: the last of 'limit#text' (count ≥ limit) or 'limit<text' (count > limit) that holds. */
function choose(choices, value) {
  const count = typeof value === 'number' ? value : Number(String(value).replace(/[^\d.-]/g, ''));
  let chosen = '';
  for (const choice of choices.split('|')) {
    const match = /^\s*(-?[\d.]+)\s*([#<])(.*)$/s.exec(choice);
    if (!match) continue;
    const limit = Number(match[1]);
    if (chosen === '' || (match[2] === '#' ? count >= limit : count > limit)) chosen = match[3];
  }
  return chosen;
}

/** Whether the catalogue has the key. */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/**
 * An enumeration value shown to people: common.enum.<kind>.<value> (channel, orderType, status, severity,
 * alertStatus, gender, maritalStatus, logLevel, logSource, logType, role, service, province, forecastModel), or the
 * value itself when the catalogue does not know it (data from the user, e.g. a foreign region). Missing values, and
 * UNKNOWN (what the services group records without a value under), read as common.unknown.
 */
export function label(kind, value) {
  const key = `common.enum.${kind}.${value}`;
  if (has(key)) {
    return catalogue[key];
  }
  return missing(value) ? t('common.unknown') : String(value);
}

/**
 * Whether label(kind, value) shows the value as it came: data the catalogue has no name for (a foreign region's
 * name), which is no text of either language and is marked data-user-content where shown.
 */
export function unnamed(kind, value) {
  return !has(`common.enum.${kind}.${value}`) && !missing(value);
}

/** label(kind, value) in a span, marked data-user-content where the value is unnamed data. */
export function labelElement(kind, value) {
  const span = document.createElement('span');
  span.textContent = label(kind, value);
  if (unnamed(kind, value)) span.dataset.userContent = '';
  return span;
}

function missing(value) {
  return value === null || value === undefined || value === '' || value === 'UNKNOWN';
}
