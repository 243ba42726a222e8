// Server-Sent Events with reconnection. The browser's EventSource retries by itself after a dropped connection
// (sending Last-Event-ID, so the server can replay what was missed); when the server answers with an error it gives
// up, so we open a new one after a back-off, and tell the caller to reload its snapshot (onReset). While the tab is
// hidden the stream is closed, and reopened (with a reset) when it is visible again.

/**
 * live('/api/v1/traffic/stream', {
 *   events: {minute: data => …, order: data => …},   // JSON data by event name
 *   onReset: () => …,        // reload the snapshot: first open, after a gap, or the server's 'reset' event
 *   onState: state => …,     // 'connecting' | 'open' | 'reconnecting' | 'paused'
 * }) → {close()}
 */
export function live(path, {events = {}, onReset = () => {}, onState = () => {}} = {}) {
  let source = null;
  let retryTimer = null;
  let delay = 1000;
  let closed = false;

  function open() {
    clearTimeout(retryTimer);
    if (closed || document.visibilityState !== 'visible') return;
    onState(source ? 'reconnecting' : 'connecting');
    source?.close();
    source = new EventSource(path, {withCredentials: true});
    // a new EventSource starts without Last-Event-ID: what happened meanwhile comes from the snapshot; the
    // browser's own reconnects of the same EventSource get the missed events replayed instead
    let fresh = true;
    source.onopen = () => {
      delay = 1000;
      onState('open');
      if (fresh) onReset();
      fresh = false;
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        onState('reconnecting');
        retryTimer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 30000);
      } else {
        onState('reconnecting');
      }
    };
    source.addEventListener('reset', () => onReset());
    for (const [name, handler] of Object.entries(events)) {
      source.addEventListener(name, event => {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        handler(data, event);
      });
    }
  }

  function pause() {
    clearTimeout(retryTimer);
    source?.close();
    source = null;
    onState('paused');
  }

  document.addEventListener('visibilitychange', () => {
    if (closed) return;
    if (document.visibilityState === 'visible') open(); else pause();
  });
  open();
  return {
    close() {
      closed = true;
      pause();
    },
  };
}

/** Keeps an element's data-live-state and text current: <span class="live-state" data-live-state="open">实时</span>. */
export function liveIndicator(element, t) {
  const keys = {connecting: 'common.live.connecting', open: 'common.live.connected',
    reconnecting: 'common.live.reconnecting', paused: 'common.live.paused'};
  return state => {
    element.dataset.liveState = state;
    element.textContent = t(keys[state]);
  };
}
