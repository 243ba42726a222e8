// Buttons and form messages for the views that manage things rather than chart them (alerts, admin); their tables'
// rows come from lib/table.js.
import {t} from './lib/i18n.js';

/** A small button whose data-action names what it does (the browser tests find it so). */
export function button(text, action, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'button small';
  element.dataset.action = action;
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

/**
 * name=value pairs, one per line (or separated by ; or ,), as an object. A line that is no pair throws an Error
 * with the message badKey ({0} its number, {1} the line).
 */
export function parsePairs(text, badKey) {
  const pairs = {};
  text.split(/[\n;,，；]+/).map(line => line.trim()).filter(line => line).forEach((line, index) => {
    const equals = line.indexOf('=');
    if (equals < 1 || equals === line.length - 1) throw new Error(t(badKey, [index + 1, line]));
    pairs[line.slice(0, equals).trim()] = line.slice(equals + 1).trim();
  });
  return pairs;
}

/** The view's status line: errors stay until the next message, other news goes after a few seconds. */
export function showMessage(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle('error', isError);
  element.classList.toggle('info', !isError);
  element.hidden = false;
  clearTimeout(element.hideTimer);
  if (!isError) element.hideTimer = setTimeout(() => element.hidden = true, 8000);
}

/** The form's own error line (null hides it); focus goes there so that keyboard and screen-reader users meet it. */
export function formError(form, text) {
  const line = form.querySelector('.form-error');
  line.textContent = text ?? '';
  line.hidden = !text;
  if (text) line.focus();
}
