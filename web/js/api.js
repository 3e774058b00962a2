// Fetches from the API with a timeout, a "loading" indicator for slow
// answers, and errors turned into ApiError carrying the problem+json detail.
import { currentLang } from './lang.js';
const TIMEOUT_MS = 30000;
const SHOW_LOADING_AFTER_MS = 250;

export class ApiError extends Error {
  constructor(title, detail, status) {
    super(`${title}: ${detail}`);
    this.title = title;
    this.detail = detail;
    this.status = status;
  }
}

let pending = 0;
let loadingTimer = null;
function loading(delta) {
  pending += delta;
  const el = document.getElementById('loading');
  if (pending > 0 && !loadingTimer && el.hidden) {
    loadingTimer = setTimeout(() => { loadingTimer = null; if (pending > 0) el.hidden = false; }, SHOW_LOADING_AFTER_MS);
  }
  if (pending === 0) {
    clearTimeout(loadingTimer);
    loadingTimer = null;
    el.hidden = true;
  }
}

// GET /api/v1/<path> with `params` (empty values dropped); resolves to JSON.
export async function api(path, params = {}) {
  return request(path, params, 'json');
}

// The same for a download (CSV, GraphML): resolves to the body text.
export async function apiText(path, params = {}) {
  return request(path, params, 'text');
}

async function request(path, params, as) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  if (!qs.has('lang')) qs.set('lang', currentLang());
  const url = `/api/v1/${path}${qs.toString() ? `?${qs}` : ''}`;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  loading(+1);
  try {
    let res;
    try {
      res = await fetch(url, { signal: ctrl.signal, headers: { accept: as === 'json' ? 'application/json' : '*/*' } });
    } catch (e) {
      if (e.name === 'AbortError') throw new ApiError('Timeout', `no answer from ${url} within ${TIMEOUT_MS / 1000} s`, 0);
      throw new ApiError('Server unreachable', `${url}: ${e.message}`, 0);
    }
    const text = await res.text();
    if (res.ok && as === 'text') return text;
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { /* handled below */ }
    if (!res.ok) {
      throw new ApiError(body?.title ?? `HTTP ${res.status}`, body?.detail ?? (text.slice(0, 200) || res.statusText), res.status);
    }
    if (body === null) throw new ApiError('Bad answer', `${url} did not return JSON`, res.status);
    return body;
  } finally {
    clearTimeout(timer);
    loading(-1);
  }
}

// Every item of a paged list route (follows next_cursor up to `max` items).
export async function apiAll(path, params = {}, max = 5000) {
  const items = [];
  let cursor = '';
  do {
    const page = await api(path, { ...params, limit: 500, cursor });
    items.push(...(page.items ?? []));
    cursor = page.next_cursor ?? '';
  } while (cursor && items.length < max);
  return items;
}
