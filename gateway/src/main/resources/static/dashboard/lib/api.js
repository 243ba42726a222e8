// JSON calls to the platform's API through the gateway, with the page's session and CSRF token. A failed call
// rejects with an ApiError whose message tells the person what went wrong (built from the problem detail).
import {t} from './i18n.js';

const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content || 'X-CSRF-TOKEN';

/** A failed call: status (0 when the gateway was not reached), problem (the RFC 9457 body, if any). */
export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** '/api/v1/x' + {a: 1, b: null} → '/api/v1/x?a=1' (null, undefined and '' are left out; arrays repeat). */
export function url(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    for (const one of [].concat(value)) {
      if (one !== null && one !== undefined && one !== '') {
        query.append(name, one);
      }
    }
  }
  const text = query.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/**
 * One call. options: params (query), body (sent as JSON unless FormData/Blob/string), headers, signal (an
 * AbortSignal), accept (default application/json; 'text' or 'blob' answer as such).
 */
export async function request(method, path, options = {}) {
  const headers = {Accept: 'application/json, application/problem+json', ...options.headers};
  let body = options.body;
  if (body !== undefined && !(body instanceof FormData) && !(body instanceof Blob) && typeof body !== 'string') {
    body = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers[csrfHeader] = csrfToken;
  }
  let response;
  try {
    response = await fetch(url(path, options.params), {method, headers, body, signal: options.signal,
      credentials: 'same-origin', redirect: 'manual'});
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(t('common.error.network'), 0, null);
  }
  if (response.type === 'opaqueredirect' || response.status === 401) {
    throw new ApiError(t('common.error.session'), 401, await problemOf(response));
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  if (response.status === 204) return null;
  if (options.accept === 'text') return response.text();
  if (options.accept === 'blob') return response.blob();
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path, params, options = {}) => request('GET', path, {...options, params});
export const post = (path, body, options = {}) => request('POST', path, {...options, body});
export const patch = (path, body, options = {}) => request('PATCH', path, {...options, body});
export const del = (path, options = {}) => request('DELETE', path, options);

/** The same calls as one object: api.get(…), api.post(…). */
export const api = {get, post, patch, del, request, url};

/**
 * The CSRF header for a same-page request made without request(): an XHR upload, whose upload events give the
 * progress fetch cannot.
 */
export function csrfHeaders() {
  return csrfToken ? {[csrfHeader]: csrfToken} : {};
}

async function problemOf(response) {
  try {
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? await response.json() : null;
  } catch {
    return null;
  }
}

/** The ApiError for a failed answer (also one an XHR got, wrapped in a Response). */
export async function errorOf(response) {
  const problem = await problemOf(response);
  const status = response.status;
  let message;
  if (status === 401) {
    message = t('common.error.session');
  } else if (status === 403) {
    message = t('common.error.forbidden');
  } else if (status === 429) {
    message = t('common.error.rateLimited', response.headers.get('Retry-After') || '1');
  } else if (status === 502 || status === 503 || status === 504) {
    message = t('common.error.unavailable', status);
  } else {
    message = t('common.error.status', status);
  }
  // the service's own words (English) name the parameter or record at fault
  if (problem?.detail) {
    message += ' ' + problem.detail;
  }
  return new ApiError(message, status, problem);
}
