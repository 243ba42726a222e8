// One panel's life: loading skeleton, ready, empty (with advice), error (with the reason and a retry button), and
// refreshing only while the tab is visible. The markup (templates):
//   <section class="panel" data-panel="ID" data-state="loading">
//     <header class="panel-head"><h2>…</h2></header>
//     <div class="panel-body">… (a <div class="chart"> for charts) …</div>
//   </section>
// data-state is kept current (loading | ready | empty | error): the browser tests wait on it.
import {has, t} from './i18n.js';

const panels = new Map();

/**
 * Runs the panel with data-panel=id (or the section element itself).
 *   load(signal) → data (a promise; signal aborts a load overtaken by a newer one)
 *   render(data, body, section) draws it into the panel body
 *   isEmpty(data) → true when there is nothing to show (default: null, empty array, or {empty: true})
 *   empty: the empty state's advice, a message key or a text (default common.state.emptyAdvice)
 *   refresh: seconds between reloads while the tab is visible (0: only on reload())
 * Answers {reload(), section}; reloadAll() reloads every panel (after a filter change).
 */
export function panel(id, {load, render, isEmpty = defaultEmpty, empty = 'common.state.emptyAdvice', refresh = 0}) {
  const section = typeof id === 'string' ? document.querySelector(`section.panel[data-panel="${id}"]`) : id;
  if (!section) throw new Error(`no section.panel[data-panel="${id}"]`);
  const body = section.querySelector('.panel-body') || section;
  const message = document.createElement('div');
  message.className = 'panel-message';
  message.setAttribute('role', 'status');
  if (body === section) section.append(message); else body.after(message);
  let controller = null;
  let loadedAt = 0;

  async function reload() {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    if (section.dataset.state !== 'ready') setState('loading');
    section.setAttribute('aria-busy', 'true');
    try {
      const data = await load(signal);
      if (signal.aborted) return;
      if (isEmpty(data)) {
        setState('empty', has(empty) ? t(empty) : empty);
      } else {
        setState('ready');
        render(data, body, section);
      }
      loadedAt = Date.now();
    } catch (error) {
      if (error.name === 'AbortError' || signal.aborted) return;
      console.error(`panel ${section.dataset.panel}`, error);
      setState('error', t('common.state.error', error.message));
    } finally {
      if (!signal.aborted) section.removeAttribute('aria-busy');
    }
  }

  function setState(state, text) {
    section.dataset.state = state;
    message.replaceChildren();
    if (text) {
      const p = document.createElement('p');
      p.textContent = text;
      message.append(p);
    }
    if (state === 'error') {
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'button';
      retry.textContent = t('common.action.retry');
      retry.addEventListener('click', reload);
      message.append(retry);
    }
  }

  if (refresh > 0) {
    setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, refresh * 1000);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && Date.now() - loadedAt > refresh * 1000) reload();
    });
  }
  const handle = {reload, section, body, setState};
  panels.set(section.dataset.panel, handle);
  reload();
  return handle;
}

/** Reloads every panel of the page (after the filters changed). */
export function reloadAll() {
  for (const handle of panels.values()) handle.reload();
}

function defaultEmpty(data) {
  return data === null || data === undefined || (Array.isArray(data) && data.length === 0)
    || (typeof data === 'object' && data.empty === true);
}

/**
 * A panel whose body htmx fills from a server-rendered partial, e.g.
 *   <div class="panel-body" hx-get="/overview/health" hx-trigger="load, every 15s[document.visibilityState === 'visible']">
 * Keeps data-state current: ready after a swap (empty when the partial holds [data-empty]), error with the reason
 * when the request fails.
 */
export function htmxPanel(id) {
  const section = typeof id === 'string' ? document.querySelector(`section.panel[data-panel="${id}"]`) : id;
  const body = section.querySelector('.panel-body');
  const message = document.createElement('div');
  message.className = 'panel-message';
  message.setAttribute('role', 'status');
  body.after(message);
  body.addEventListener('htmx:afterSwap', () => {
    const empty = body.querySelector('[data-empty]');
    section.dataset.state = empty ? 'empty' : 'ready';
    message.textContent = empty ? empty.textContent : '';
  });
  const failed = event => {
    section.dataset.state = 'error';
    const status = event.detail?.xhr?.status;
    message.textContent = t('common.state.error', status ? t('common.error.status', status) : t('common.error.network'));
  };
  body.addEventListener('htmx:responseError', failed);
  body.addEventListener('htmx:sendError', failed);
  return section;
}
