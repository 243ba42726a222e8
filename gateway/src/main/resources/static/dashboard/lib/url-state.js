// Filters live in the URL: a link shares the view, a reload keeps it, Back goes to the previous filters.
// Filters are form controls whose name is the query parameter (see fragments.html: range, granularity, compare).
import {addDays, daysBetween, lastYear, today} from './format.js';

/** The URL's query parameters over the defaults (all values strings). */
export function readState(defaults = {}) {
  const state = {...defaults};
  for (const [name, value] of new URLSearchParams(location.search)) {
    if (name !== 'lang') state[name] = value;
  }
  return state;
}

/** Puts the state in the URL, leaving out empty values and those equal to their default. */
export function writeState(state, defaults = {}, {push = true} = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(state)) {
    if (value !== null && value !== undefined && value !== '' && String(value) !== String(defaults[name] ?? '')) {
      query.set(name, value);
    }
  }
  const text = query.toString();
  const target = location.pathname + (text ? '?' + text : '') + location.hash;
  if (target !== location.pathname + location.search + location.hash) {
    history[push ? 'pushState' : 'replaceState'](null, '', target);
  }
  // the language links in the header keep the filters
  document.querySelectorAll('.lang-switch a').forEach(link => {
    const href = new URL(link.href, location.href);
    const language = href.searchParams.get('lang');
    const next = new URLSearchParams(query);
    next.set('lang', language);
    link.href = `${location.pathname}?${next}`;
  });
}

/**
 * Binds a form's controls to the URL: sets them from it, and on every change writes the URL and calls
 * onChange(state); Back/Forward set them again and call onChange. Answers the current state.
 * A range fieldset (fragments :: range) shows its date inputs only for range=custom.
 */
export function bindFilters(form, defaults, onChange) {
  const controls = () => [...form.elements].filter(control => control.name);
  const apply = state => {
    for (const control of controls()) {
      if (control.type === 'checkbox') control.checked = state[control.name] === 'true';
      else if (state[control.name] !== undefined) control.value = state[control.name];
    }
    syncRange(form, state);
  };
  const collect = () => {
    const state = {...readState(defaults)};
    for (const control of controls()) {
      state[control.name] = control.type === 'checkbox' ? String(control.checked) : control.value;
    }
    if (state.range && state.range !== 'custom') {
      delete state.from;
      delete state.to;
    }
    return state;
  };
  let state = readState(defaults);
  apply(state);
  form.addEventListener('change', event => {
    if (event.target.name === 'range' && event.target.value === 'custom') {
      const current = rangeOf({...state, range: state.range === 'custom' ? 'last7' : state.range});
      form.elements.from.value ||= current.from;
      form.elements.to.value ||= current.to;
    }
    state = collect();
    syncRange(form, state);
    writeState(state, defaults);
    onChange(state);
  });
  form.addEventListener('submit', event => event.preventDefault());
  window.addEventListener('popstate', () => {
    state = readState(defaults);
    apply(state);
    onChange(state);
  });
  writeState(state, defaults, {push: false});
  return state;
}

function syncRange(form, state) {
  const fieldset = form.querySelector('.range-filter');
  if (fieldset) {
    fieldset.dataset.range = state.range || '';
    if (state.range && state.range !== 'custom') {
      const range = rangeOf(state);
      form.elements.from.value = range.from;
      form.elements.to.value = range.to;
    }
  }
}

/**
 * The local dates (platform zone, inclusive) a state's range covers: {from, to, days}. Presets: today, yesterday,
 * last7, last30 (ending today), thisMonth; custom uses from and to (last 7 days when they are missing or reversed).
 */
export function rangeOf(state) {
  const now = today();
  let from;
  let to = now;
  switch (state.range) {
    case 'today': from = now; break;
    case 'yesterday': from = to = addDays(now, -1); break;
    case 'last30': from = addDays(now, -29); break;
    case 'thisMonth': from = now.slice(0, 8) + '01'; break;
    case 'custom':
      if (/^\d{4}-\d{2}-\d{2}$/.test(state.from || '') && /^\d{4}-\d{2}-\d{2}$/.test(state.to || '')
          && state.from <= state.to) {
        from = state.from;
        to = state.to;
        break;
      }
      from = addDays(now, -6);
      break;
    default: from = addDays(now, -6);
  }
  return {from, to, days: daysBetween(from, to) + 1};
}

/** The range of the same length just before (环比). */
export function previousRange(range) {
  const to = addDays(range.from, -1);
  return {from: addDays(to, -(range.days - 1)), to, days: range.days};
}

/** The same dates a year earlier (同比). */
export function lastYearRange(range) {
  const from = lastYear(range.from);
  const to = lastYear(range.to);
  return {from, to, days: daysBetween(from, to) + 1};
}
