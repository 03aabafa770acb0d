// The live feed: one WebSocket to /api/v1/ws (protocol in docs/websocket.md). It authenticates with
// its first message, renews the token when the Api refreshes it, subscribes to the venues the screens
// want, and reconnects with back-off after a drop, resuming each venue from the last event it received.
//
// Events (dispatched on this EventTarget):
//   'status'  {state: 'connecting' | 'live' | 'offline'}
//   'event'   a booking or venue event, as the server sent it
//   'synced'  {venueId, resumed}: a venue is subscribed; when resumed is false the screens reload it
//             from REST (nothing missed can be replayed)

import {nextAttempt, retryDelay} from './logic/backoff.js';

const PING_EVERY_MS = 20_000;
const PONG_WITHIN_MS = 10_000;

export class LiveFeed extends EventTarget {
  constructor(api) {
    super();
    this.api = api;
    this.venues = new Set();
    this.lastEvent = new Map();
    this.resuming = new Set();
    this.socket = null;
    this.state = 'offline';
    this.attempt = 0;
    this.stopped = true;
    this.retryTimer = null;
    api.addEventListener('token', e => this.send({type: 'auth', token: e.detail}));
    window.addEventListener('online', () => this.reconnectNow());
    // The browser knows it lost the network before the socket does (a half-open TCP connection can
    // take minutes to fail): drop the socket at once, so the screen says so and resumes when back.
    window.addEventListener('offline', () => this.drop('offline'));
    this.heartbeat = setInterval(() => this.checkAlive(), PING_EVERY_MS);
  }

  start() {
    this.stopped = false;
    if (!this.socket) this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const s = this.socket;
    this.socket = null;
    if (s) s.close(1000, 'bye');
    this.lastEvent.clear();
    this.setState('offline');
  }

  /** The venues to follow; subscriptions change at once when connected. */
  follow(venueIds) {
    const next = new Set(venueIds.filter(Boolean));
    const gone = [...this.venues].filter(v => !next.has(v));
    const added = [...next].filter(v => !this.venues.has(v));
    this.venues = next;
    gone.forEach(v => this.lastEvent.delete(v));
    if (this.state !== 'live') return;
    if (gone.length) this.send({type: 'unsubscribe', venue_ids: gone});
    if (added.length) this.send({type: 'subscribe', venue_ids: added});
  }

  reconnectNow() {
    if (this.stopped || this.state === 'live') return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    if (!this.socket) this.connect();
  }

  async connect() {
    clearTimeout(this.retryTimer);
    this.setState('connecting');
    let token;
    try {
      token = await this.api.token();
    } catch {
      this.retry();
      return;
    }
    if (this.stopped) return;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/v1/ws`);
    this.socket = socket;
    this.awaitingPong = 0;
    socket.addEventListener('open', () => socket.send(JSON.stringify({type: 'auth', token})));
    socket.addEventListener('message', e => {
      if (socket !== this.socket) return;
      let message;
      try {
        message = JSON.parse(e.data);
      } catch {
        return;
      }
      this.receive(message);
    });
    socket.addEventListener('close', e => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.setState('offline');
      if (this.stopped) return;
      // 4401: the token ran out or was revoked; the Api refreshes (or signs out) before the next try.
      if (e.code === 4401) this.api.refresh().catch(() => {});
      this.retry();
    });
  }

  /** An application-level ping: a socket that stopped answering is closed and reconnected. */
  checkAlive() {
    const socket = this.socket;
    if (!socket || this.state !== 'live') return;
    if (this.awaitingPong && Date.now() - this.awaitingPong > PONG_WITHIN_MS) {
      this.drop('no answer');
      return;
    }
    if (!this.awaitingPong) {
      this.awaitingPong = Date.now();
      this.send({type: 'ping'});
    }
  }

  /** Gives up the current socket without waiting for its closing handshake, and reconnects. */
  drop(reason) {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    this.awaitingPong = 0;
    try {
      socket.close(4000, reason);
    } catch {
      // Already closing.
    }
    this.setState('offline');
    this.retry();
  }

  retry() {
    if (this.stopped) return;
    const delay = retryDelay(this.attempt, Math.random());
    this.attempt = nextAttempt(this.attempt);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  receive(message) {
    const type = message.type ?? '';
    this.awaitingPong = 0;
    if (type === 'ready') {
      if (this.state !== 'live') {
        this.attempt = 0;
        this.setState('live');
        this.subscribeAll();
      }
    } else if (type === 'subscribed') {
      for (const v of message.venue_ids ?? []) {
        if (!this.resuming.has(v)) this.dispatchEvent(new CustomEvent('synced', {detail: {venueId: v, resumed: false}}));
      }
    } else if (type === 'caught_up') {
      for (const v of message.venue_ids ?? []) {
        this.resuming.delete(v);
        this.dispatchEvent(new CustomEvent('synced', {detail: {venueId: v, resumed: true}}));
      }
      this.resumeNext();
    } else if (type === 'error') {
      if (message.code === 'RESUME_UNAVAILABLE') {
        for (const v of message.venue_ids ?? []) {
          this.resuming.delete(v);
          this.dispatchEvent(new CustomEvent('synced', {detail: {venueId: v, resumed: false}}));
        }
        this.resumeNext();
      }
    } else if (type.includes('.')) {
      if (message.venue_id && message.event_id) this.lastEvent.set(message.venue_id, message.event_id);
      this.dispatchEvent(new CustomEvent('event', {detail: message}));
    }
  }

  subscribeAll() {
    this.resuming.clear();
    this.resumeQueue = [];
    const fresh = [];
    for (const v of this.venues) {
      if (this.lastEvent.has(v)) {
        this.resuming.add(v);
        this.resumeQueue.push(v);
      } else {
        fresh.push(v);
      }
    }
    if (fresh.length) this.send({type: 'subscribe', venue_ids: fresh});
    this.resumeNext();
  }

  /** The server replays one resume at a time per socket: the next starts when the last caught up. */
  resumeNext() {
    const v = this.resumeQueue?.shift();
    if (v) this.send({type: 'subscribe', venue_ids: [v], since_event_id: this.lastEvent.get(v)});
  }

  send(message) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('status', {detail: {state}}));
  }
}
