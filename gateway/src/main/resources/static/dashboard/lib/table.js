// Tables: the columns of a chart's data table (charts.js dataTable) and the rows of the list panels of the views
// that manage things (alerts, admin), whose table head is in the template.
import {panel} from './panel.js';

/** A column of figures, right-aligned, each shown by format (given the value alone). */
export function numeric(label, format) {
  return {label, numeric: true, format: value => format(value)};
}

/** A column of user data (ids, names, free text): the language scan skips it. */
export function userColumn(label, format) {
  return format ? {label, userContent: true, format} : {label, userContent: true};
}

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

/**
 * A panel (lib/panel.js) listing what load(signal) answers in its table, one row(item) each; the other options are
 * the panel's (empty, refresh, isEmpty).
 */
export function listPanel(id, {row: rowOf, ...options}) {
  return panel(id, {...options, render: (list, body) => fill(body.querySelector('tbody'), list.map(rowOf))});
}
