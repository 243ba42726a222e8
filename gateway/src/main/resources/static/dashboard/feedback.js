// 客户反馈: complaint topics with their growth, customer service cases by kind over time, the complaints of a status
// (and topic), and the complaints most like the one opened. Every number comes from profile-service as
// docs/profiles.md defines it (Complaint topics, Feedback trend); the texts are the customers' own (data-user-content).
import {api} from './lib/api.js';
import {label, labelElement, t} from './lib/i18n.js';
import {dateTime, integer, number, parts, percent, today} from './lib/format.js';
import {bindFilters, rangeOf, writeState} from './lib/url-state.js';
import {panel} from './lib/panel.js';
import {chart, colors, dataTable} from './lib/charts.js';

const KINDS = ['COMPLAINT', 'INQUIRY', 'FEEDBACK', 'PRAISE'];
const KIND_COLOURS = {COMPLAINT: '#c92a2a', INQUIRY: colors.primary, FEEDBACK: '#f59f00', PRAISE: '#0ca678'};
/** Hour buckets for ranges up to this many days, day buckets beyond. */
const HOUR_DAYS = 2;
const LIST_LIMIT = 50;
const SHOWN_CHARACTERS = 160;
const TOPICS_SHOWN = 12;

/** The regions by their catalogue names; one the catalogue cannot name (abroad) is marked as data. */
function regionList(regions) {
  const list = document.createElement('span');
  regions.forEach((region, i) => list.append(...(i ? [', '] : []), labelElement('province', region.name)));
  return list;
}

const defaults = {range: 'last7', status: 'OPEN', topic: '', complaint: ''};
let state = {};
state = bindFilters(document.getElementById('feedback-filters'), defaults, next => {
  const changed = name => next[name] !== state[name];
  const rangeChanged = ['range', 'from', 'to'].some(changed);
  const listChanged = rangeChanged || changed('status') || changed('topic');
  const complaintChanged = changed('complaint');
  state = next;
  if (rangeChanged) {
    topics.reload();
    kinds.reload();
  }
  if (listChanged) complaints.reload();
  if (complaintChanged) similar.reload();
});

/** Changes the state the list and the similar panel follow (not a form control), keeping it in the URL. */
function choose(change) {
  state = {...state, ...change};
  writeState(state, defaults);
  if ('topic' in change) complaints.reload();
  if ('complaint' in change) similar.reload();
}

function period() {
  const range = rangeOf(state);
  return {from: range.from, to: range.to, days: range.days};
}

/** A complaint's text as the list shows it: its start, the whole in the title. */
function excerpt(text) {
  const span = document.createElement('span');
  const characters = [...(text ?? '')];
  span.textContent = characters.length > SHOWN_CHARACTERS
    ? characters.slice(0, SHOWN_CHARACTERS).join('') + '…' : text ?? '';
  if (characters.length > SHOWN_CHARACTERS) span.title = text;
  return span;
}

const topicName = topic => (topic.label?.length ? topic.label.join(' · ') : t('feedback.topics.unnamed', topic.topic));

/** Growth as 3.0×, red above the usual count (Chinese convention), green below. */
function growthElement(growth) {
  const span = document.createElement('span');
  span.className = `change ${growth > 1 ? 'up' : growth < 1 ? 'down' : 'flat'}`;
  span.textContent = t('feedback.topics.times', number(growth, 1));
  return span;
}

function button(text, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'button small';
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

// ---- complaint topics of the period, with their growth over the usual day

let topicNames = new Map();

const topics = panel('topics', {
  load: signal => {
    const {from, to} = period();
    return api.get('/api/v1/feedback/topics', {from, to}, {signal});
  },
  isEmpty: answer => answer.topics.length === 0,
  empty: 'feedback.empty.topics',
  refresh: 60,
  render(answer, body, section) {
    topicNames = new Map(answer.topics.map(topic => [String(topic.topic), topicName(topic)]));
    const shown = answer.topics.slice(0, TOPICS_SHOWN).reverse();
    const instance = chart(section, {
      // room for the labels on the left: containLabel misjudges truncated labels and cuts their start off
      grid: {left: 200, right: 72, top: 8, bottom: 24},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => integer(value)},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: shown.map(topicName), axisLabel: {width: 188, overflow: 'truncate'}},
      series: [{name: t('feedback.col.distinct'), type: 'bar', barMaxWidth: 18,
        data: shown.map(topic => ({value: topic.distinct, topic: topic.topic,
          itemStyle: {color: topic.growth > 1 ? colors.up : colors.primary}})),
        label: {show: true, position: 'right', formatter: item => t('feedback.topics.barLabel',
          [integer(item.value), number(shown[item.dataIndex].growth, 1)])}}],
    }, {
      columns: [{label: t('feedback.col.topic'), userContent: true},
        {label: t('feedback.col.complaints'), numeric: true, format: integer},
        {label: t('feedback.col.distinct'), numeric: true, format: integer},
        {label: t('feedback.col.last24h'), numeric: true, format: integer},
        {label: t('feedback.col.usualPerDay'), numeric: true, format: value => number(value, 1)},
        {label: t('feedback.col.growth'), numeric: true, format: growthElement},
        {label: t('feedback.col.regions'), format: regionList},
        {label: t('feedback.col.example'), userContent: true, format: excerpt},
        {label: t('feedback.col.list'), format: topic => button(t('feedback.topics.showComplaints'),
          () => choose({topic: String(topic)}))}],
      rows: answer.topics.map(topic => [topicName(topic), topic.complaints, topic.distinct, topic.last24h,
        topic.usualPerDay, topic.growth, topic.regions, topic.examples[0], topic.topic]),
    });
    instance.off('click');
    instance.on('click', item => choose({topic: String(item.data.topic)}));
    showTopicFilter();
  },
});

// ---- cases by kind over time

function bucketLabel(start, granularity) {
  const p = parts(new Date(start));
  return granularity === 'hour' ? `${p.month}-${p.day} ${p.hour}:00` : `${p.month}-${p.day}`;
}

const kinds = panel('kinds', {
  load: signal => {
    const {from, to, days} = period();
    return api.get('/api/v1/feedback/trend', {from, to, granularity: days <= HOUR_DAYS ? 'hour' : 'day'}, {signal});
  },
  isEmpty: trend => trend.points.every(point => KINDS.every(kind => point.byKind[kind] === 0)),
  empty: 'feedback.empty.cases',
  refresh: 60,
  render(trend, body, section) {
    // a range ending today ends now: the hours still to come are left off
    const now = Date.now();
    const points = trend.points.filter(point => Date.parse(point.start) <= now || rangeOf(state).to !== today());
    const labels = points.map(point => bucketLabel(point.start, trend.granularity));
    chart(section, {
      grid: {left: 40, right: 16, top: 36, bottom: 28},
      legend: {top: 0},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: value => integer(value)},
      xAxis: {type: 'category', data: labels},
      yAxis: {type: 'value', minInterval: 1},
      series: KINDS.map(kind => ({name: label('feedbackKind', kind), type: 'bar', stack: 'cases', barMaxWidth: 28,
        itemStyle: {color: KIND_COLOURS[kind]}, data: points.map(point => point.byKind[kind])})),
    }, {
      columns: [t('feedback.col.bucket'), ...KINDS.map(kind => ({label: label('feedbackKind', kind), numeric: true,
        format: integer})), {label: t('feedback.col.complaintShare'), numeric: true, format: value => percent(value)}],
      rows: points.map((point, i) => {
        const total = KINDS.reduce((sum, kind) => sum + point.byKind[kind], 0);
        return [labels[i], ...KINDS.map(kind => point.byKind[kind]),
          total === 0 ? null : point.byKind.COMPLAINT / total];
      }),
    });
  },
});

// ---- the complaints of the chosen status (and topic), newest first

/** The complaints the list holds, by id, so that the similar panel can quote the one opened. */
let listed = new Map();

function showTopicFilter() {
  const section = document.querySelector('section.panel[data-panel="complaints"]');
  section.querySelector('[data-clear-topic]').hidden = !state.topic;
}

const complaints = panel('complaints', {
  load: signal => {
    const {from, to} = period();
    return api.get('/api/v1/feedback', {kind: 'COMPLAINT', status: state.status === 'ALL' ? null : state.status,
      topic: state.topic || null, from, to, limit: LIST_LIMIT}, {signal});
  },
  isEmpty: page => page.items.length === 0,
  empty: 'feedback.empty.complaints',
  refresh: 60,
  render(page, body, section) {
    listed = new Map(page.items.map(item => [item.feedbackId, item]));
    const topic = state.topic ? topicNames.get(state.topic) ?? state.topic : null;
    section.querySelector('[data-complaints-sub]').textContent = [
      t('feedback.complaints.count', [integer(page.items.length), integer(page.total)]),
      topic && t('feedback.complaints.ofTopic', topic)].filter(Boolean).join(' · ');
    showTopicFilter();
    dataTable(section, {
      columns: [{label: t('feedback.col.createdAt'), format: dateTime},
        {label: t('feedback.col.status'), format: status => label('feedbackStatus', status)},
        {label: t('feedback.col.channel'), format: channel => label('channel', channel)},
        {label: t('feedback.col.rating'), numeric: true},
        {label: t('feedback.col.text'), userContent: true, format: excerpt},
        {label: t('feedback.col.similar'), format: id => {
          const open = button(t('feedback.complaints.open'), () => {
            choose({complaint: id});
            const target = document.querySelector('section.panel[data-panel="similar"]');
            target.scrollIntoView({block: 'nearest'});
            target.focus({preventScroll: true});
          });
          open.dataset.complaint = id;
          if (id === state.complaint) open.setAttribute('aria-pressed', 'true');
          return open;
        }}],
      rows: page.items.map(item => [item.createdAt, item.status, item.channel, item.rating, item.text,
        item.feedbackId]),
    });
  },
});

document.querySelector('[data-clear-topic]').addEventListener('click', () => choose({topic: ''}));

// ---- the complaints most like the one opened

const similar = panel('similar', {
  load: async signal => {
    if (!state.complaint) return null;
    try {
      return {id: state.complaint, similar: await api.get(
        `/api/v1/feedback/${encodeURIComponent(state.complaint)}/similar`, {limit: 10}, {signal})};
    } catch (error) {
      // not a complaint of the latest analysis (yet): the empty state says when complaints are compared
      if (error.status === 404) return null;
      throw error;
    }
  },
  isEmpty: answer => !answer || answer.similar.length === 0,
  empty: 'feedback.empty.similar',
  refresh: 0,
  render(answer, body, section) {
    document.querySelectorAll('button[data-complaint]').forEach(open =>
      open.setAttribute('aria-pressed', String(open.dataset.complaint === answer.id)));
    const chosen = listed.get(answer.id);
    section.querySelector('[data-chosen]').textContent = chosen
      ? t('feedback.similar.chosen', [answer.id, chosen.text]) : answer.id;
    dataTable(section, {
      columns: [{label: t('feedback.col.similarity'), numeric: true, format: value => percent(value, 0)},
        {label: t('feedback.col.createdAt'), format: dateTime},
        {label: t('feedback.col.status'), format: status => label('feedbackStatus', status)},
        {label: t('feedback.col.text'), userContent: true, format: excerpt}],
      rows: answer.similar.map(one => [one.similarity, one.complaint?.createdAt, one.complaint?.status,
        one.complaint?.text]),
    });
  },
});
