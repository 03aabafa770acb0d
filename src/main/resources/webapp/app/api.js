// The REST client of the web app: the documented /api/v1 API, nothing private. It keeps the session
// (access + refresh token) in localStorage so a reload stays signed in, refreshes the access token
// quietly before it expires, and retries a request once after a 401 with a fresh token.

import {ApiError} from './logic/problems.js';

// The error type and the sentences for it are pure (logic/problems.js); the screens import them from here.
export {ApiError, explain} from './logic/problems.js';

const SESSION_KEY = 'booker.session';
const REFRESH_AHEAD_MS = 60_000;

export class Api extends EventTarget {
  constructor() {
    super();
    this.session = readSession();
    this.refreshing = null;
    this.timer = null;
    // Another tab of the same browser refreshed (refresh tokens rotate) or signed out: follow it.
    window.addEventListener('storage', e => {
      if (e.key !== SESSION_KEY) return;
      const next = readSession();
      if (!next && this.session) {
        this.session = null;
        this.dispatchEvent(new Event('signedout'));
      } else if (next) {
        this.session = next;
        this.schedule();
        this.dispatchEvent(new CustomEvent('token', {detail: next.access_token}));
      }
    });
    if (this.session) this.schedule();
  }

  get signedIn() {
    return !!this.session;
  }

  get user() {
    return this.session?.user ?? null;
  }

  async signIn(login, password) {
    const pair = await this.raw('POST', '/api/v1/auth/login', {login, password});
    this.store(pair, null);
    try {
      const user = await this.get('/api/v1/auth/me');
      this.store(pair, user);
    } catch (e) {
      this.forget();
      throw e;
    }
    return this.session.user;
  }

  async signOut() {
    const refresh = this.session?.refresh_token;
    this.forget();
    if (refresh) {
      try {
        await this.raw('POST', '/api/v1/auth/logout', {refresh_token: refresh});
      } catch {
        // The session is gone locally either way; the refresh token expires on its own.
      }
    }
  }

  /** A valid access token, refreshed first when it is about to expire. */
  async token() {
    if (!this.session) throw new ApiError(401, 'UNAUTHENTICATED', 'Signed out.');
    if (Date.now() > this.session.expires_at - 10_000) await this.refresh();
    return this.session.access_token;
  }

  /** Exchanges the refresh token for a new pair; one exchange at a time, across tabs when the browser can. */
  refresh() {
    if (!this.refreshing) {
      const run = () => this.exchange();
      this.refreshing = (navigator.locks ? navigator.locks.request('booker.refresh', run) : run())
        .finally(() => this.refreshing = null);
    }
    return this.refreshing;
  }

  async exchange() {
    // Another tab may have rotated the token while this one waited for the lock.
    const stored = readSession();
    if (stored && this.session && stored.refresh_token !== this.session.refresh_token
      && stored.expires_at - Date.now() > (stored.refresh_ahead ?? REFRESH_AHEAD_MS)) {
      this.session = stored;
      this.schedule();
      this.dispatchEvent(new CustomEvent('token', {detail: stored.access_token}));
      return;
    }
    if (!this.session) throw new ApiError(401, 'UNAUTHENTICATED', 'Signed out.');
    try {
      const pair = await this.raw('POST', '/api/v1/auth/refresh', {refresh_token: this.session.refresh_token});
      this.store(pair, this.session?.user ?? null);
      this.dispatchEvent(new CustomEvent('token', {detail: pair.access_token}));
    } catch (e) {
      if (e.status === 401) {
        this.forget();
        this.dispatchEvent(new Event('signedout'));
      }
      throw e;
    }
  }

  get(path, query) {
    return this.request('GET', withQuery(path, query));
  }

  post(path, body) {
    return this.request('POST', path, body ?? {});
  }

  put(path, body) {
    return this.request('PUT', path, body);
  }

  del(path) {
    return this.request('DELETE', path);
  }

  async request(method, path, body) {
    const token = await this.token();
    try {
      return await this.raw(method, path, body, token);
    } catch (e) {
      // Revoked or expired between the check and the call: one retry with a fresh token.
      if (e.status !== 401 || !this.session) throw e;
      await this.refresh();
      return this.raw(method, path, body, this.session.access_token);
    }
  }

  async raw(method, path, body, token) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.');
    }
    if (response.status === 204) return null;
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page): described by the status below.
    }
    if (!response.ok) {
      throw new ApiError(response.status, json?.code ?? '', json?.detail ?? json?.title ?? response.statusText);
    }
    return json;
  }

  store(pair, user) {
    this.session = {
      access_token: pair.access_token,
      refresh_token: pair.refresh_token,
      expires_at: Date.now() + pair.expires_in * 1000,
      // Renew a minute ahead, or at three quarters of a short lifetime.
      refresh_ahead: Math.min(REFRESH_AHEAD_MS, pair.expires_in * 250),
      user,
    };
    localStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
    this.schedule();
  }

  forget() {
    this.session = null;
    clearTimeout(this.timer);
    localStorage.removeItem(SESSION_KEY);
  }

  schedule() {
    clearTimeout(this.timer);
    if (!this.session) return;
    const wait = Math.max(1000, this.session.expires_at - Date.now() - (this.session.refresh_ahead ?? REFRESH_AHEAD_MS));
    this.timer = setTimeout(() => this.refresh().catch(() => {
      // Offline: the next request or the next timer tries again.
      this.timer = setTimeout(() => this.schedule(), 15_000);
    }), wait);
  }
}

function readSession() {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null');
    return s && s.refresh_token && s.access_token ? s : null;
  } catch {
    return null;
  }
}

function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** A fresh idempotency key (a random UUID; crypto.randomUUID needs a secure context, this does not). */
export function newKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
