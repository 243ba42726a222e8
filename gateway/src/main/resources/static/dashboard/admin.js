// 管理 (ADMIN only): users and their roles, API keys (shown once), the audit log, and file imports with upload
// progress. The gateway's own API answers the first three, ingest-service the import.
import {ApiError, api, csrfHeaders, errorOf} from './lib/api.js';
import {label, t} from './lib/i18n.js';
import {dateTime, integer, number, percent} from './lib/format.js';
import {bindFilters} from './lib/url-state.js';
import {cell, fill, listPanel, row} from './lib/table.js';
import {button, formError, showMessage} from './forms.js';

const message = document.getElementById('admin-message');
const checked = (form, name) => [...form.querySelectorAll(`[name=${name}]:checked`)].map(box => box.value);
const roleNames = roles => roles.map(role => label('role', role)).join(', ');

// ---- users

const usersPanel = listPanel('users', {
  load: signal => api.get('/api/v1/users', null, {signal}),
  row: userRow,
});

function userRow(user) {
  const locked = user.lockedUntil && Date.parse(user.lockedUntil) > Date.now();
  const state = !user.enabled ? t('admin.users.state.disabled')
    : locked ? t('admin.users.state.locked', dateTime(user.lockedUntil)) : t('admin.users.state.enabled');
  const tr = row([
    cell(user.username, {userContent: true}),
    cell(roleNames(user.roles)),
    cell(state, {className: locked || !user.enabled ? 'status-DEAD' : ''}),
    cell(dateTime(user.createdAt)),
    cell([button(t('admin.users.edit'), 'edit', () => editUser(user)), ' ',
      button(t('admin.users.delete'), 'delete', () => deleteUser(user))]),
  ]);
  tr.dataset.username = user.username;
  return tr;
}

const editForm = document.getElementById('user-edit-form');
let editedUser = null;

function editUser(user) {
  editedUser = user;
  editForm.reset();
  formError(editForm, null);
  document.getElementById('user-edit-title').textContent = user.username;
  editForm.querySelectorAll('[name=roles]').forEach(box => box.checked = user.roles.includes(box.value));
  editForm.elements.namedItem('enabled').checked = user.enabled;
  editForm.hidden = false;
  editForm.querySelector('[name=roles]').focus();
}

document.getElementById('user-edit-cancel').addEventListener('click', () => editForm.hidden = true);
editForm.addEventListener('submit', async event => {
  event.preventDefault();
  const roles = checked(editForm, 'roles');
  if (roles.length === 0) {
    formError(editForm, t('admin.users.needRole'));
    return;
  }
  const change = {roles, enabled: editForm.elements.namedItem('enabled').checked};
  const password = editForm.elements.namedItem('password').value;
  if (password) change.password = password;
  try {
    await api.patch('/api/v1/users/' + encodeURIComponent(editedUser.username), change);
    editForm.hidden = true;
    showMessage(message, t('admin.users.saved', editedUser.username));
    usersPanel.reload();
  } catch (error) {
    formError(editForm, error.message);
  }
});

async function deleteUser(user) {
  if (!confirm(t('admin.users.confirmDelete', user.username))) return;
  try {
    await api.del('/api/v1/users/' + encodeURIComponent(user.username));
    showMessage(message, t('admin.users.deleted', user.username));
    usersPanel.reload();
  } catch (error) {
    showMessage(message, error.message, true);
  }
}

const userForm = document.getElementById('user-form');
userForm.addEventListener('submit', async event => {
  event.preventDefault();
  const roles = checked(userForm, 'roles');
  if (roles.length === 0) {
    formError(userForm, t('admin.users.needRole'));
    return;
  }
  const username = userForm.elements.namedItem('username').value.trim();
  try {
    await api.post('/api/v1/users', {username, password: userForm.elements.namedItem('password').value, roles});
    userForm.reset();
    formError(userForm, null);
    showMessage(message, t('admin.users.created', username));
    usersPanel.reload();
  } catch (error) {
    formError(userForm, error.message);
  }
});

// ---- API keys

const keysPanel = listPanel('api-keys', {
  load: signal => api.get('/api/v1/api-keys', null, {signal}),
  empty: 'admin.keys.empty',
  row: keyRow,
});

function keyRow(key) {
  const expired = key.expiresAt && Date.parse(key.expiresAt) <= Date.now();
  const state = cell(key.revokedAt ? t('admin.keys.state.revoked', dateTime(key.revokedAt))
    : expired ? t('admin.keys.state.expired') : t('admin.keys.state.active'));
  if (!key.revokedAt && !expired) state.append(' ', button(t('admin.keys.revoke'), 'revoke', () => revoke(key)));
  const tr = row([
    cell(key.name, {userContent: true}),
    cell(roleNames(key.roles)),
    cell(key.createdBy || '', {userContent: true}),
    cell(dateTime(key.createdAt)),
    cell(key.expiresAt ? dateTime(key.expiresAt) : t('admin.keys.noExpiry')),
    cell(key.lastUsedAt ? dateTime(key.lastUsedAt) : t('admin.keys.never')),
    state,
  ]);
  tr.dataset.keyId = key.id;
  return tr;
}

async function revoke(key) {
  if (!confirm(t('admin.keys.confirmRevoke', key.name))) return;
  try {
    await api.del('/api/v1/api-keys/' + key.id);
    showMessage(message, t('admin.keys.revoked', key.name));
    keysPanel.reload();
  } catch (error) {
    showMessage(message, error.message, true);
  }
}

const keyForm = document.getElementById('api-key-form');
const createdKey = document.getElementById('api-key-created');
const secret = document.getElementById('api-key-secret');
keyForm.addEventListener('submit', async event => {
  event.preventDefault();
  const roles = checked(keyForm, 'roles');
  if (roles.length === 0) {
    formError(keyForm, t('admin.keys.needRole'));
    return;
  }
  const days = /^P(\d+)D$/.exec(keyForm.elements.namedItem('expires').value)?.[1];
  try {
    const key = await api.post('/api/v1/api-keys', {
      name: keyForm.elements.namedItem('name').value.trim(),
      roles,
      expiresAt: days ? new Date(Date.now() + Number(days) * 86_400_000).toISOString() : null,
    });
    keyForm.reset();
    formError(keyForm, null);
    createdKey.querySelector('h3').textContent = t('admin.keys.createdTitle', key.name);
    secret.textContent = key.key;
    createdKey.hidden = false;
    document.getElementById('api-key-copy').focus();
    keysPanel.reload();
  } catch (error) {
    formError(keyForm, error.message);
  }
});
document.getElementById('api-key-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(secret.textContent);
    showMessage(message, t('admin.keys.copied'));
  } catch {
    // no clipboard (an insecure origin): select the key so that Ctrl-C copies it
    getSelection().selectAllChildren(secret);
  }
});
document.getElementById('api-key-dismiss').addEventListener('click', () => {
  secret.textContent = ''; // shown once: it leaves the page
  createdKey.hidden = true;
  keyForm.elements.namedItem('name').focus();
});

// ---- the audit log (filters action and limit in the URL)

let auditFilters = bindFilters(document.getElementById('audit-filters'), {action: '', limit: '100'}, next => {
  auditFilters = next;
  auditPanel.reload();
});
const auditPanel = listPanel('audit', {
  load: signal => api.get('/api/v1/audit', {action: auditFilters.action, limit: auditFilters.limit}, {signal}),
  empty: 'admin.audit.empty',
  row: entry => row([
    cell(dateTime(entry.at)),
    cell(entry.actor, {userContent: true}),
    cell(entry.remoteAddress || '', {userContent: true}),
    cell(t('admin.audit.' + entry.action)),
    cell(entry.detail, {userContent: true}),
  ]),
  refresh: 60,
});

// ---- imports: the file itself is the request body (as bin/keliu import sends it), through XHR, whose upload
// events give the progress that fetch cannot

const importSection = document.querySelector('[data-panel=import]');
const importForm = document.getElementById('import-form');
const advice = importSection.querySelector('[data-advice]');
const progress = document.getElementById('import-progress');
const progressText = document.getElementById('import-progress-text');

importForm.addEventListener('submit', async event => {
  event.preventDefault();
  const file = importForm.elements.namedItem('file').files[0];
  if (!file) {
    importSection.dataset.state = 'error';
    advice.textContent = t('admin.import.needFile');
    importForm.elements.namedItem('file').focus();
    return;
  }
  const submit = document.getElementById('import-submit');
  submit.disabled = true;
  importSection.dataset.state = 'loading';
  importSection.setAttribute('aria-busy', 'true');
  try {
    const summary = await upload(file, importForm.elements.namedItem('kind').value,
      importForm.elements.namedItem('charset').value);
    await showSummary(summary, file.name);
    importSection.dataset.state = 'ready';
  } catch (error) {
    importSection.dataset.state = 'error';
    advice.textContent = t('admin.import.failed', error.message);
  } finally {
    progress.hidden = true;
    progressText.textContent = '';
    submit.disabled = false;
    importSection.removeAttribute('aria-busy');
  }
});

function upload(file, kind, charset) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', api.url(`/api/v1/imports/${encodeURIComponent(kind)}`, {charset}));
    xhr.setRequestHeader('Content-Type', /\.(ndjson|jsonl)$/i.test(file.name) ? 'application/x-ndjson' : 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    Object.entries(csrfHeaders()).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.responseType = 'text';
    progress.hidden = false;
    progress.value = 0;
    xhr.upload.addEventListener('progress', event => {
      if (!event.lengthComputable) return;
      progress.value = Math.round(100 * event.loaded / event.total);
      progressText.textContent = t('admin.import.uploading', [file.name, percent(event.loaded / event.total, 0)]);
    });
    xhr.upload.addEventListener('load', () => {
      progress.removeAttribute('value'); // indeterminate while ingest checks and stores the last lines
      progressText.textContent = t('admin.import.processing');
    });
    xhr.addEventListener('load', async () => {
      const answer = new Response(xhr.responseText || null, {status: xhr.status,
        headers: {'Content-Type': xhr.getResponseHeader('Content-Type') || 'text/plain'}});
      if (xhr.status === 200) resolve(await answer.json());
      else reject(await errorOf(answer));
    });
    xhr.addEventListener('error', () => reject(new ApiError(t('common.error.network'), 0, null)));
    xhr.send(file);
  });
}

async function showSummary(summary, fileName) {
  document.getElementById('import-summary-title').textContent =
    t('admin.import.summary', [fileName, t('admin.import.kind.' + summary.kind), number(summary.seconds, 1)]);
  for (const field of ['accepted', 'rejected', 'duplicates', 'repeatedRows', 'linesPerSecond']) {
    const value = document.querySelector(`#import-summary [data-field=${field}]`);
    value.textContent = integer(summary[field]);
    value.dataset.value = summary[field];
  }
  const notes = [];
  if (summary.ignoredColumns.length) notes.push(t('admin.import.ignoredColumns', summary.ignoredColumns.join(', ')));
  if (summary.repeatedRowLines.length) {
    notes.push(t('admin.import.repeatedRowLines', summary.repeatedRowLines.join(', ')));
  }
  document.getElementById('import-notes').textContent = notes.join(' ');
  document.getElementById('import-no-errors').hidden = summary.errors.length > 0;
  const omitted = document.getElementById('import-errors-omitted');
  omitted.hidden = summary.errorsOmitted === 0;
  omitted.textContent = t('admin.import.errorsOmitted', [integer(summary.errorsOmitted), summary.importId]);
  const lines = summary.rejected > 0 ? await rejectedLines(summary.importId) : new Map();
  fill(document.querySelector('#import-errors tbody'), summary.errors.map(error => {
    const tr = row([
      cell(String(error.line), {className: 'num'}),
      cell(error.field || t('admin.import.wholeLine'), {userContent: !!error.field}),
      cell(error.reason, {userContent: true}),
      cell(lines.get(error.line) ?? '', {userContent: true, className: 'raw-line'}),
    ]);
    tr.dataset.line = error.line;
    return tr;
  }));
  document.getElementById('import-result').dataset.importId = summary.importId;
}

/** The rejected lines as the file had them, by line number: ingest keeps each in its dead letters. */
async function rejectedLines(importId) {
  const letters = await api.get('/api/v1/ingest/dead-letters', {source: 'import ' + importId, limit: 1000});
  return new Map(letters.map(letter => [letter.line, letter.payload]));
}
