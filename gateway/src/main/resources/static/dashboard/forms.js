// Table rows, buttons and form messages for the views that manage things rather than chart them (alerts, admin).
import {t} from './lib/i18n.js';

/**
 * A table cell holding a text, a node or several; userContent marks text that comes from user data (the language
 * scan skips it).
 */
export function cell(content, {userContent = false, className = ''} = {}) {
  const td = document.createElement('td');
  if (Array.isArray(content)) td.append(...content);
  else if (content instanceof Node) td.append(content);
  else td.textContent = content ?? '';
  if (userContent) td.dataset.userContent = '';
  if (className) td.className = className;
  return td;
}

export function row(cells) {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
}

export function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

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
