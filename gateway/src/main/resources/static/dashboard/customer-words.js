// How the customers pages word profile-service's values: segment names in the page's language, lifecycle stages,
// churn factors, links to a customer's 360° page.
import {integer, money, number} from './lib/format.js';
import {lang, t} from './lib/i18n.js';

/** A {zhCN, en} text of the service in the page's language. */
export function localized(text) {
  if (!text) return null;
  return lang === 'en' ? text.en : text.zhCN;
}

export function lifecycleName(stage) {
  return stage ? t(`customers.lifecycle.${stage}`) : t('common.unknown');
}

/** The churn model's features (analytics-core ChurnScorer) and how to show the customer's value of each. */
const FACTOR_VALUES = {
  daysSinceLastPurchase: integer, purchases: integer, repeatDays: integer, netSpend: money,
  meanRepeatSpend: money, customerForDays: integer, usualGapDays: value => number(value, 1),
  silenceInGaps: value => number(value, 1),
  meanRating: value => number(value, 1), complaints: integer, openComplaints: integer,
};

export function factorName(factor) {
  return factor ? t(`customers.factor.${factor.feature}`) : null;
}

export function factorValue(factor) {
  if (!factor || factor.value === null || factor.value === undefined) return '–';
  return (FACTOR_VALUES[factor.feature] || integer)(factor.value);
}

/** "Days since the last purchase: 120", or null without a factor. */
export function reasonText(factor) {
  return factor ? `${factorName(factor)}: ${factorValue(factor)}` : null;
}

/** A link to the customer's 360° page. */
export function customerLink(userId) {
  const link = document.createElement('a');
  link.href = `/customers/${encodeURIComponent(userId)}`;
  link.textContent = userId;
  return link;
}
