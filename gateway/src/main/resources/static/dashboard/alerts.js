// 告警: subscriptions (with test-send), silences, the delivery log and, in the local stack, the mail catcher's inbox.
// Every call goes through the gateway with the session (lib/api.js adds the CSRF header); notify-service decides
// who may change what, the page only hides the forms from roles that may not (data-can-manage).
import {api} from './lib/api.js';
import {label, t} from './lib/i18n.js';
import {dateTime} from './lib/format.js';
import {panel} from './lib/panel.js';
import {bindFilters} from './lib/url-state.js';
import {cell, fill, listPanel, row} from './lib/table.js';
import {button, formError, parsePairs, showMessage} from './forms.js';

const canManage = document.querySelector('.view-alerts').dataset.canManage === 'true';
const message = document.getElementById('alerts-message');
const channelName = channel => t('alerts.channel.' + channel);
let subscriptions = [];

// ---- subscriptions

const subscriptionsPanel = listPanel('subscriptions', {
  load: async signal => (subscriptions = await api.get('/api/v1/subscriptions', null, {signal})),
  empty: 'alerts.subscriptions.empty',
  row: subscriptionRow,
});

function subscriptionRow(s) {
  const tr = row([
    cell(s.name, {userContent: true}),
    cell(recipientList(s.recipients)),
    cell(matchSummary(s.match)),
    cell(deliverySummary(s)),
  ]);
  tr.dataset.subscriptionId = s.id;
  if (canManage) {
    tr.append(cell([
      button(t('alerts.subscriptions.test'), 'test', () => testSend(s)), ' ',
      button(t('alerts.subscriptions.edit'), 'edit', () => openForm(s)), ' ',
      button(t('alerts.subscriptions.delete'), 'delete', () => remove(s)),
    ], {className: 'actions'}));
  }
  return tr;
}

function recipientList(recipients) {
  const list = document.createElement('ul');
  list.className = 'plain';
  for (const r of recipients) {
    const item = document.createElement('li');
    const address = document.createElement('span');
    address.dataset.userContent = '';
    address.textContent = r.address;
    item.append(channelName(r.channel) + ' ', address);
    if (!r.channelOn) {
      const off = document.createElement('span');
      off.className = 'badge WARNING';
      off.title = r.channelDetail || '';
      off.textContent = t('alerts.subscriptions.channelOff');
      item.append(' ', off);
    }
    list.append(item);
  }
  return list;
}

function matchSummary(match) {
  const parts = [match.types.length === 0 ? t('alerts.subscriptions.allTypes')
    : match.types.map(type => t('alerts.type.' + type)).join(', '),
  t('alerts.subscriptions.minSeverity', label('severity', match.minSeverity))];
  Object.entries(match.labels).forEach(([key, value]) => parts.push(key + '=' + value));
  return parts.join('; ');
}

function deliverySummary(s) {
  const parts = [s.digestMinutes ? t('alerts.subscriptions.digest', s.digestMinutes) : t('alerts.subscriptions.immediate')];
  if (s.quietHours) {
    const q = s.quietHours;
    parts.push(t('alerts.subscriptions.quiet', [q.start.slice(0, 5), q.end.slice(0, 5), q.zone])
      + (q.criticalOverrides ? t('alerts.subscriptions.quietCritical') : ''));
  }
  parts.push(t(s.sendResolved ? 'alerts.subscriptions.resolvedOn' : 'alerts.subscriptions.resolvedOff'));
  parts.push(t('alerts.language.' + s.language));
  return parts.join('; ');
}

async function remove(s) {
  if (!confirm(t('alerts.subscriptions.confirmDelete', s.name))) return;
  try {
    await api.del('/api/v1/subscriptions/' + s.id);
    showMessage(message, t('alerts.subscriptions.deleted', s.name));
    subscriptionsPanel.reload();
  } catch (error) {
    showMessage(message, error.message, true);
  }
}

// ---- test-send: one message to every recipient at once, each provider's answer shown

const testResult = document.getElementById('test-result');

async function testSend(s) {
  testResult.hidden = false;
  testResult.dataset.state = 'loading';
  testResult.querySelector('h3').textContent = t('alerts.test.title', s.name);
  const body = testResult.querySelector('tbody');
  body.replaceChildren();
  try {
    const outcomes = await api.post('/api/v1/subscriptions/' + s.id + '/test');
    fill(body, outcomes.map(outcome => {
      const notification = outcome.notification;
      const tr = row([
        cell(channelName(outcome.channel)),
        cell(outcome.recipient, {userContent: true}),
        cell(t('alerts.status.' + notification.status), {className: 'status-' + notification.status}),
        cell(notification.providerAnswer || notification.lastError || '', {userContent: true}),
      ]);
      tr.dataset.status = notification.status;
      return tr;
    }));
    testResult.dataset.state = 'ready';
  } catch (error) {
    testResult.dataset.state = 'error';
    showMessage(message, error.message, true);
  }
  deliveriesPanel.reload();
  inboxPanel?.reload();
}

// ---- the subscription form (create and edit)

const form = document.getElementById('subscription-form');
const recipientRows = form?.querySelector('.recipient-rows');
let editing = null;

function addRecipientRow() {
  const item = document.getElementById('recipient-row').content.firstElementChild.cloneNode(true);
  item.querySelector('[data-action=remove-recipient]').addEventListener('click', () => item.remove());
  recipientRows.append(item);
  return item;
}

function openForm(subscription) {
  editing = subscription;
  form.reset();
  formError(form, null);
  recipientRows.replaceChildren();
  form.querySelector('h3').textContent = subscription
    ? t('alerts.form.editTitle', subscription.name) : t('alerts.form.createTitle');
  const current = document.getElementById('subscription-recipients-current');
  current.hidden = !subscription;
  if (subscription) {
    current.textContent = t('alerts.form.recipientsKeep', subscription.recipients
      .map(r => channelName(r.channel) + ' ' + r.address).join(', '));
    fillForm(subscription);
  } else {
    addRecipientRow();
  }
  form.hidden = false;
  form.elements.namedItem('name').focus();
}

function fillForm(s) {
  const field = name => form.elements.namedItem(name);
  field('name').value = s.name;
  field('language').value = s.language;
  form.querySelectorAll('[name=types]').forEach(box => box.checked = s.match.types.includes(box.value));
  field('minSeverity').value = s.match.minSeverity;
  field('labels').value = Object.entries(s.match.labels).map(([k, v]) => k + '=' + v).join('\n');
  form.querySelectorAll('[data-severity]').forEach(group => {
    const routed = s.channelsBySeverity[group.dataset.severity] || [];
    group.querySelectorAll('input').forEach(box => box.checked = routed.includes(box.value));
  });
  field('groupBy').value = s.groupBy.join(', ');
  field('quiet').checked = !!s.quietHours;
  if (s.quietHours) {
    field('quietStart').value = s.quietHours.start.slice(0, 5);
    field('quietEnd').value = s.quietHours.end.slice(0, 5);
    field('quietZone').value = s.quietHours.zone;
    field('criticalOverrides').checked = s.quietHours.criticalOverrides;
  }
  field('digestMinutes').value = s.digestMinutes ?? '';
  field('sendResolved').checked = s.sendResolved;
  field('mentions').value = s.mentions.join(', ');
}

/** The request from the form (every field: a PATCH sets them all); throws an Error for the user on a bad field. */
function formBody() {
  const field = name => form.elements.namedItem(name);
  const words = value => value.split(/[,，\s]+/).filter(word => word);
  const recipients = [...recipientRows.querySelectorAll('.recipient-row')]
    .map(item => ({
      channel: item.querySelector('[name=recipientChannel]').value,
      address: item.querySelector('[name=recipientAddress]').value.trim(),
    }))
    .filter(recipient => recipient.address);
  const routing = {};
  form.querySelectorAll('[data-severity]').forEach(group => {
    const channels = [...group.querySelectorAll('input:checked')].map(box => box.value);
    if (channels.length) routing[group.dataset.severity] = channels;
  });
  const groupBy = words(field('groupBy').value);
  const body = {
    name: field('name').value.trim(),
    language: field('language').value,
    match: {
      types: [...form.querySelectorAll('[name=types]:checked')].map(box => box.value),
      minSeverity: field('minSeverity').value,
      labels: parsePairs(field('labels').value, 'alerts.form.badPair'),
    },
    channelsBySeverity: routing,
    groupBy: groupBy.length ? groupBy : null,
    quietHours: field('quiet').checked ? {
      start: field('quietStart').value,
      end: field('quietEnd').value,
      zone: field('quietZone').value.trim() || null,
      criticalOverrides: field('criticalOverrides').checked,
    } : null,
    digestMinutes: field('digestMinutes').value ? Number(field('digestMinutes').value) : null,
    sendResolved: field('sendResolved').checked,
    mentions: words(field('mentions').value),
  };
  if (recipients.length) {
    body.recipients = recipients;
  } else if (!editing) {
    throw new Error(t('alerts.form.needRecipient'));
  }
  return body;
}

if (form) {
  document.getElementById('subscription-new').addEventListener('click', () => openForm(null));
  document.getElementById('subscription-add-recipient').addEventListener('click',
    () => addRecipientRow().querySelector('input').focus());
  document.getElementById('subscription-cancel').addEventListener('click', () => {
    form.hidden = true;
    document.getElementById('subscription-new').focus();
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const save = document.getElementById('subscription-save');
    save.disabled = true;
    try {
      const body = formBody();
      const saved = editing ? await api.patch('/api/v1/subscriptions/' + editing.id, body)
        : await api.post('/api/v1/subscriptions', body);
      form.hidden = true;
      showMessage(message, t('alerts.subscriptions.saved', saved.name));
      await subscriptionsPanel.reload();
      document.querySelector(`tr[data-subscription-id="${saved.id}"] [data-action=test]`)?.focus();
    } catch (error) {
      formError(form, error.message);
    } finally {
      save.disabled = false;
    }
  });
}

// ---- silences

const silencesPanel = listPanel('silences', {
  load: signal => api.get('/api/v1/silences', null, {signal}),
  empty: 'alerts.silences.empty',
  row: silenceRow,
  refresh: 60,
});

function silenceRow(s) {
  const now = Date.now();
  const state = Date.parse(s.endsAt) <= now ? 'expired' : Date.parse(s.startsAt) > now ? 'pending' : 'active';
  const stateCell = cell(t('alerts.silences.state.' + state));
  if (canManage && state !== 'expired') {
    stateCell.append(' ', button(t('alerts.silences.end'), 'end-silence', () => endSilence(s)));
  }
  const tr = row([
    cell(Object.entries(s.matchers).map(([k, v]) => k + '=' + v).join(', '), {userContent: true}),
    cell(dateTime(s.startsAt) + ' – ' + dateTime(s.endsAt)),
    cell(s.comment || '', {userContent: true}),
    cell(s.createdBy || '', {userContent: true}),
    stateCell,
  ]);
  tr.dataset.silenceId = s.id;
  tr.dataset.silenceState = state;
  return tr;
}

async function endSilence(s) {
  try {
    await api.del('/api/v1/silences/' + s.id);
    showMessage(message, t('alerts.silences.ended'));
    silencesPanel.reload();
  } catch (error) {
    showMessage(message, error.message, true);
  }
}

const silenceForm = document.getElementById('silence-form');
silenceForm?.addEventListener('submit', async event => {
  event.preventDefault();
  const field = name => silenceForm.elements.namedItem(name);
  try {
    const matchers = parsePairs(field('matchers').value, 'alerts.form.badPair');
    if (Object.keys(matchers).length === 0) throw new Error(t('alerts.silences.needMatcher'));
    const endsAt = new Date(Date.now() + durationMillis(field('duration').value)).toISOString();
    const created = await api.post('/api/v1/silences', {matchers, endsAt, comment: field('comment').value.trim() || null});
    silenceForm.reset();
    formError(silenceForm, null);
    showMessage(message, t('alerts.silences.created', dateTime(created.endsAt)));
    silencesPanel.reload();
  } catch (error) {
    formError(silenceForm, error.message);
  }
});

/** The ISO durations the form offers (PT30M, PT2H, P3D) in milliseconds. */
function durationMillis(iso) {
  const [, days, hours, minutes] = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  return ((Number(days || 0) * 24 + Number(hours || 0)) * 60 + Number(minutes || 0)) * 60_000;
}

// ---- the delivery log (filters status and channel in the URL)

let filters = bindFilters(document.getElementById('deliveries-filters'), {status: '', channel: ''}, next => {
  filters = next;
  deliveriesPanel.reload();
});

const deliveriesPanel = listPanel('deliveries', {
  load: signal => api.get('/api/v1/notifications', {status: filters.status, channel: filters.channel, limit: 100},
    {signal}),
  empty: 'alerts.deliveries.empty',
  row: deliveryRow,
  refresh: 30,
});

function deliveryRow(n) {
  const subject = cell(n.subject || '', {userContent: true});
  const subscription = subscriptions.find(s => s.id === n.subscriptionId);
  if (n.groupKey === 'test') {
    const badge = document.createElement('span');
    badge.className = 'badge INFO';
    badge.textContent = t('alerts.deliveries.test');
    subject.append(' ', badge);
  }
  if (subscription) subject.title = subscription.name;
  const status = cell(t('alerts.status.' + n.status), {className: 'status-' + n.status});
  if (canManage && (n.status === 'DEAD' || n.status === 'UNKNOWN')) {
    status.append(' ', button(t('alerts.deliveries.retry'), 'retry', () => retry(n)));
  }
  const tr = row([
    cell(dateTime(n.createdAt)),
    cell(channelName(n.channel)),
    cell(n.recipient, {userContent: true}),
    subject,
    status,
    cell(attempts(n)),
    cell(n.providerAnswer || n.lastError || '', {userContent: true}),
    cell(n.sentAt ? dateTime(n.sentAt) : ''),
  ]);
  tr.dataset.status = n.status;
  return tr;
}

function attempts(n) {
  if (!n.attemptLog.length) return String(n.attempts);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = String(n.attempts);
  const list = document.createElement('ol');
  for (const a of n.attemptLog) {
    const item = document.createElement('li');
    item.dataset.userContent = '';
    item.textContent = t('alerts.deliveries.attempt', [dateTime(a.startedAt), a.millis, a.answer || a.code || a.outcome]);
    list.append(item);
  }
  details.append(summary, list);
  return details;
}

async function retry(n) {
  try {
    await api.post('/api/v1/notifications/' + n.id + '/retry');
    showMessage(message, t('alerts.deliveries.retried'));
    deliveriesPanel.reload();
  } catch (error) {
    showMessage(message, error.message, true);
  }
}

// ---- the local mail catcher (the panel is only rendered when the gateway knows one: bin/keliu up)

const inboxPanel = document.querySelector('[data-panel=mail-catcher]') && panel('mail-catcher', {
  load: signal => api.get('/api/v1/mail-catcher', null, {signal}),
  isEmpty: inbox => inbox.mailCount + inbox.robotMessageCount === 0,
  empty: 'alerts.inbox.empty',
  render(inbox, body) {
    body.querySelector('[data-count=mails]').textContent = t('alerts.inbox.mails', inbox.mailCount);
    body.querySelector('[data-count=robot]').textContent = t('alerts.inbox.robot', inbox.robotMessageCount);
    fill(body.querySelector('#mail-catcher-mails tbody'), inbox.mails.map(mailRow));
    fill(body.querySelector('#mail-catcher-robot tbody'), inbox.robotMessages.map(message => row([
      cell(message.receivedAt ? dateTime(message.receivedAt) : ''),
      cell(message.robot, {userContent: true}),
      cell(preformatted(message.content)),
    ])));
  },
  refresh: 5,
});

function mailRow(mail) {
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.dataset.userContent = '';
  summary.textContent = mail.subject || '';
  const link = document.createElement('a');
  link.href = mail.html;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = t('alerts.inbox.html');
  details.append(summary, preformatted(mail.text || ''), link);
  const tr = row([cell(mail.receivedAt ? dateTime(mail.receivedAt) : ''), cell(mail.to, {userContent: true}),
    cell(details)]);
  tr.dataset.mailTo = mail.to;
  return tr;
}

function preformatted(text) {
  const pre = document.createElement('pre');
  pre.dataset.userContent = '';
  pre.textContent = text;
  return pre;
}
