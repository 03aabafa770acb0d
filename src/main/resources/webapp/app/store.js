// What the screens show of one venue, loaded from REST and kept current by the live feed: the venue,
// its rooms and tables, its hours, and its bookings by date. A booking is replaced only by a newer
// version of itself (events of one booking can arrive out of order and twice).
//
// Events: 'venue', 'structure', 'schedule', 'seating' (reloaded parts), 'bookings' {dates} (changed
// dates), 'blocks' (blocked tables added or removed), 'gone' (the venue was deleted).
//
// The version rules are pure, in logic/versions.js, and the blocks' in logic/blocks.js; this class
// holds the state and talks to REST.
import {applyBlockEvent} from './logic/blocks.js';
import {accept, file} from './logic/versions.js';

export {ACTIVE} from './logic/bookings.js';

export class VenueStore extends EventTarget {
  constructor(api, live, venueId) {
    super();
    this.api = api;
    this.live = live;
    this.id = venueId;
    this.venue = null;
    this.rooms = [];
    this.tables = [];
    this.hours = [];
    this.specials = [];
    this.seating = null;
    this.days = new Map();
    this.versions = new Map();
    this.blocks = new Map();          // id → block, every block loaded or announced live
    this.deletedBlocks = new Set();   // ids deleted while this store lived: never shown again
    this.blockLoads = new Map();      // 'date:YYYY-MM-DD' or 'upcoming' → the load's promise
    this.onEvent = e => this.apply(e.detail);
    this.onSynced = e => { if (e.detail.venueId === this.id && !e.detail.resumed) this.reloadAll(); };
    live.addEventListener('event', this.onEvent);
    live.addEventListener('synced', this.onSynced);
  }

  dispose() {
    this.live.removeEventListener('event', this.onEvent);
    this.live.removeEventListener('synced', this.onSynced);
  }

  async load() {
    await Promise.all([this.loadVenue(), this.loadStructure(), this.loadSchedule(), this.loadSeating()]);
    return this;
  }

  /** The seating rules (turn times, periods with pacing, booking window): GET /venues/{id}/seating. */
  async loadSeating() {
    this.seating = await this.api.get(`/api/v1/venues/${this.id}/seating`);
    this.emit('seating');
  }

  /** The blocks overlapping date (venue-local), loaded once, then kept live. */
  async blocksOn(date) {
    await this.loadBlocks(`date:${date}`, {date});
    return [...this.blocks.values()];
  }

  /** The blocks not over yet (those starting within 93 days), loaded once, then kept live. */
  async upcomingBlocks() {
    await this.loadBlocks('upcoming', undefined);
    return [...this.blocks.values()];
  }

  loadBlocks(key, query) {
    let loading = this.blockLoads.get(key);
    if (!loading) {
      loading = this.api.get(`/api/v1/venues/${this.id}/blocks`, query).then(page => {
        for (const b of page.blocks) if (!this.deletedBlocks.has(b.id)) this.blocks.set(b.id, b);
      });
      loading.catch(() => this.blockLoads.delete(key));
      this.blockLoads.set(key, loading);
    }
    return loading;
  }

  /** Takes a block this app just made or deleted (a REST answer) before its live event arrives. */
  putBlock(block, deleted = false) {
    if (applyBlockEvent(this.blocks, this.deletedBlocks, {type: deleted ? 'block.deleted' : 'block.created', block})) {
      this.emit('blocks');
    }
  }

  async loadVenue() {
    this.venue = await this.api.get(`/api/v1/venues/${this.id}`);
    this.emit('venue');
  }

  async loadStructure() {
    const [rooms, tables] = await Promise.all([
      this.api.get(`/api/v1/venues/${this.id}/rooms`, {limit: 500}),
      this.api.get(`/api/v1/venues/${this.id}/tables`, {limit: 500}),
    ]);
    this.rooms = [...rooms.rooms].sort((a, b) => a.name.localeCompare(b.name, undefined, {numeric: true}));
    this.tables = [...tables.tables].sort((a, b) => a.name.localeCompare(b.name, undefined, {numeric: true}));
    this.emit('structure');
  }

  async loadSchedule() {
    const [hours, specials] = await Promise.all([
      this.api.get(`/api/v1/venues/${this.id}/schedule`),
      this.api.get(`/api/v1/venues/${this.id}/special-hours`),
    ]);
    this.hours = hours.days ?? [];
    this.specials = specials.special_hours ?? [];
    this.emit('schedule');
  }

  get zone() {
    return this.venue?.timezone ?? 'UTC';
  }

  table(id) {
    return this.tables.find(t => t.id === id);
  }

  room(id) {
    return this.rooms.find(r => r.id === id);
  }

  /** Takes a table this app just saved (a PUT's answer) until the live reload of the structure. */
  putTable(table) {
    const i = this.tables.findIndex(t => t.id === table.id);
    if (i < 0) return;
    this.tables[i] = table;
    this.emit('structure');
  }

  tablesOf(roomId) {
    return this.tables.filter(t => t.room_id === roomId);
  }

  /** The bookings whose slot is on date (venue-local), every status; loaded once, then kept live. */
  async bookingsOn(date) {
    let day = this.days.get(date);
    if (!day) {
      day = {bookings: new Map(), loading: this.fetchDay(date)};
      this.days.set(date, day);
    }
    await day.loading;
    return [...day.bookings.values()];
  }

  async fetchDay(date) {
    const found = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.api.get('/api/v1/bookings', {venue_id: this.id, date, limit: 500, offset});
      found.push(...page.bookings);
      if (found.length >= page.total || page.bookings.length === 0) break;
    }
    const day = this.days.get(date);
    if (!day) return;
    for (const b of found) this.keep(b, day);
  }

  /** Forgets the loaded days (they load again when asked) and tells the screens. */
  async reloadAll() {
    const dates = [...this.days.keys()];
    const blockLoads = [...this.blockLoads.keys()];
    this.days.clear();
    this.blockLoads.clear();
    this.blocks.clear();
    try {
      await Promise.all([this.loadVenue(), this.loadStructure(), this.loadSchedule(), this.loadSeating(),
        ...dates.map(d => this.bookingsOn(d)),
        ...blockLoads.map(k => this.loadBlocks(k, k === 'upcoming' ? undefined : {date: k.slice(5)}))]);
    } catch {
      // The screens show what they have; the next event or reload tries again.
    }
    this.emit('bookings', {dates});
    this.emit('blocks');
  }

  /** Takes a booking this app just received from REST (a create's or an action's answer). */
  put(booking) {
    this.upsert(booking);
  }

  /** Takes a booking from the feed or REST unless a newer version is known; false when it was older. */
  upsert(booking) {
    if (!accept(this.versions, booking)) return false;
    const dates = file(this.days, booking);
    this.emit('bookings', {dates, booking});
    return true;
  }

  /** Keeps a booking of day's first load, unless the feed already brought a newer version. */
  keep(booking, day) {
    if (accept(this.versions, booking)) day.bookings.set(booking.id, booking);
  }

  apply(event) {
    if (event.venue_id !== this.id) return;
    const type = event.type;
    if (type.startsWith('booking.') && event.booking) {
      this.upsert(event.booking);
    } else if (type === 'venue.updated') {
      this.loadVenue().catch(() => {});
    } else if (type === 'venue.deleted') {
      this.emit('gone');
    } else if (type === 'table.layout.updated') {
      this.loadStructure().catch(() => {});
    } else if (type === 'venue.schedule.updated') {
      // The hours or the seating rules changed (both are announced as the schedule's change).
      this.loadSchedule().catch(() => {});
      this.loadSeating().catch(() => {});
    } else if (type === 'block.created' || type === 'block.deleted') {
      if (applyBlockEvent(this.blocks, this.deletedBlocks, event)) this.emit('blocks');
    }
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail}));
  }
}
