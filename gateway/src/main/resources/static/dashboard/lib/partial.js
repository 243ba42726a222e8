// The bucket still running (today, this hour, this week, this month) holds counts so far, not a whole bucket: drawn
// as the last solid point it would read as a steep drop. The services say which bucket runs (runningBucket) and when
// they answered (asOf, buckets starting later have not begun); this module only shows it: the running bucket as a
// lighter, dashed continuation with "so far" in the tooltip and the data table, buckets not begun left out.
import {t} from './i18n.js';

/** Each start's state: 'complete', 'running' or 'future', as the answer's asOf and runningBucket say. */
export function bucketStates(starts, {asOf, runningBucket}) {
  const running = runningBucket ? Date.parse(runningBucket) : null;
  const now = asOf ? Date.parse(asOf) : null;
  return starts.map(start => {
    const at = Date.parse(start);
    if (at === running) return 'running';
    return now !== null && at > now ? 'future' : 'complete';
  });
}

/** A bucket's label with the "so far" mark when it is still running. */
export function soFar(label, state) {
  return state === 'running' ? t('common.partial.soFar', label) : label;
}

/**
 * A line series split in two: {solid} the complete buckets, {partial} the last complete one joined to the running
 * one (dashed, lighter), both null where the other one draws and at buckets not begun.
 */
export function splitLine(values, states) {
  const solid = values.map((value, i) => (states[i] === 'complete' ? value : null));
  const running = states.indexOf('running');
  const partial = values.map((value, i) => (running >= 0 && (i === running || i === running - 1) ? value : null));
  return {solid, partial: running >= 0 ? partial : null};
}

/** A line series' options for the running part: the same colour, dashed and lighter, named "so far". */
export function partialLine(color) {
  return {name: t('common.partial.series'), type: 'line', symbol: 'circle', symbolSize: 5, connectNulls: false,
    itemStyle: {color, opacity: 0.6}, lineStyle: {color, type: 'dashed', opacity: 0.6, width: 2}};
}

/** A bar's data item for a bucket: the running one lighter with a dashed border, a bucket not begun left out. */
export function partialBar(value, state, color) {
  if (state === 'future') return null;
  return state === 'running' ? {value, itemStyle: {opacity: 0.45, borderType: 'dashed', borderWidth: 1,
    borderColor: color}} : value;
}

/**
 * An axis tooltip formatter for a chart with a splitLine: the bucket's label ("so far" when running) and each series
 * with a value there, the partial line only at the running bucket (elsewhere it merely joins the solid one).
 */
export function axisTooltip(labels, states, format) {
  const partialName = t('common.partial.series');
  return params => {
    const index = params[0].dataIndex;
    const rows = params.filter(one => one.value !== null && one.value !== undefined && one.value !== '-'
      && (one.seriesName !== partialName || states[index] === 'running'));
    return [`<b>${labels[index]}</b>`, ...rows.map(one => `${one.marker} ${one.seriesName}: ${format(one.value)}`)]
      .join('<br>');
  };
}
