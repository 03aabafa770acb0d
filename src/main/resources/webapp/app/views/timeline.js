// The timeline: a venue's day with tables down the side (grouped by room), time across the top in the
// venue's local time within its opening hours, bookings as blocks coloured by status, a "now" line and
// the covers arriving per 15 minutes, the starts of each pacing interval against its cap, and blocked
// tables shaded with their reason (timeline/overlays.js). A free cell starts a booking for that table
// and time; a block opens the booking. Everything follows the live feed.
import {h, replace, toast} from '../dom.js';
import {addDays, formatDate, formatClock, instant, minutesFrom, rangesOn, timeOf, today, wallClock} from '../logic/time.js';
import {openBooking, openNewBooking, STATUS_LABEL} from './booking.js';
import {blockShades, pacingCapsRow} from './timeline/overlays.js';

const SLOT = 15;
const HIDDEN_BY_DEFAULT = new Set(['cancelled', 'expired', 'no_show']);
const COUNTED = new Set(['held', 'confirmed', 'seated', 'finished']);
const SHOW_CLOSED = 'booker.timeline.closed';

export async function mount(container, ctx) {
  const {store} = ctx;
  const date = ctx.date;
  let showClosed = localStorage.getItem(SHOW_CLOSED) === '1';
  let bookings = [];
  let blocks = [];
  let axis = null;
  let overlay = null;
  let firstRender = true;

  const heading = h('h1', {class: 'title'});
  const dateInput = h('input', {type: 'date', id: 'timeline-date', 'aria-label': 'Day', value: date,
    onchange: () => dateInput.value && ctx.go('timeline', {venue: store.id, date: dateInput.value})});
  const closedToggle = h('input', {type: 'checkbox', id: 'timeline-show-closed', checked: showClosed, onchange: () => {
    showClosed = closedToggle.checked;
    localStorage.setItem(SHOW_CLOSED, showClosed ? '1' : '0');
    render();
  }});
  const summary = h('p', {class: 'tl-summary', id: 'timeline-summary', 'aria-live': 'polite'});
  const notice = h('p', {class: 'notice', hidden: true});
  const scroller = h('div', {class: 'tl-scroll', id: 'timeline', tabIndex: 0, 'aria-label': 'Timeline'});
  container.append(
    h('div', {class: 'toolbar'}, heading,
      h('button', {type: 'button', class: 'secondary', 'aria-label': 'Previous day', text: '‹', onclick: () => ctx.go('timeline', {venue: store.id, date: addDays(date, -1)})}),
      h('button', {type: 'button', class: 'secondary', id: 'timeline-today', text: 'Today', onclick: () => ctx.go('timeline', {venue: store.id, date: today(store.zone)})}),
      h('button', {type: 'button', class: 'secondary', 'aria-label': 'Next day', text: '›', onclick: () => ctx.go('timeline', {venue: store.id, date: addDays(date, 1)})}),
      dateInput,
      h('button', {type: 'button', class: 'primary', id: 'new-booking', text: 'New booking',
        onclick: () => openNewBooking(ctx, {date, time: defaultTime()})})),
    h('div', {class: 'toolbar tl-legend'}, summary,
      h('span', {class: 'legend', 'aria-label': 'Colours'}, ['held', 'confirmed', 'seated', 'finished'].map(s => h('span', {class: ['status', s], text: STATUS_LABEL[s]})),
        h('span', {class: 'status blocked-swatch', text: 'Blocked'})),
      h('label', {class: 'check'}, closedToggle, 'Show cancelled and no-shows')),
    notice, scroller);

  /** The next quarter hour while open today, else the next opening of the day. */
  function defaultTime() {
    const ranges = rangesOn(date, store.hours, store.specials);
    if (date === today(store.zone)) {
      const next = Math.ceil((wallClock(Date.now(), store.zone).minutes + 1) / SLOT) * SLOT;
      const open = ranges.find(r => next < r.close);
      if (!open) return undefined;
      return timeOf(Math.max(next, open.open));
    }
    return ranges[0] ? timeOf(ranges[0].open) : '19:00';
  }

  /** Minutes from date's midnight (venue-local) of an instant in Unix seconds. */
  function minutesOf(seconds) {
    return minutesFrom(date, seconds, store.zone);
  }

  async function load() {
    const ranges = rangesOn(date, store.hours, store.specials);
    const overnight = ranges.some(r => r.close > 1440);
    const [own, next] = await Promise.all([store.bookingsOn(date), overnight ? store.bookingsOn(addDays(date, 1)) : [],
      loadBlocks(overnight)]);
    const end = Math.max(...ranges.map(r => r.close), 0);
    bookings = [...own, ...next.filter(b => minutesOf(b.starts_at) < end)];
  }

  async function loadBlocks(overnight) {
    try {
      await Promise.all([store.blocksOn(date), overnight ? store.blocksOn(addDays(date, 1)) : null]);
    } catch {
      // Shown without blocks; the next reload or live event tries again.
    }
    blocks = [...store.blocks.values()];
  }

  function computeAxis(ranges, shown) {
    let start = Math.min(...ranges.map(r => r.open), ...shown.map(b => minutesOf(b.starts_at)));
    let end = Math.max(...ranges.map(r => r.close), ...shown.map(b => minutesOf(b.ends_at)));
    if (!isFinite(start) || !isFinite(end)) {
      start = 10 * 60;
      end = 23 * 60;
    }
    start = Math.floor(start / 60) * 60;
    end = Math.ceil(end / 60) * 60;
    return {start, end, slots: (end - start) / SLOT};
  }

  let shownState = '';

  /** What the grid shows; a live event or resync that changes none of it leaves the elements alone. */
  function state() {
    return JSON.stringify([showClosed, store.venue?.name, store.rooms.map(r => [r.id, r.name]),
      store.tables.map(t => [t.id, t.room_id, t.name, t.capacity, t.can_merge]), rangesOn(date, store.hours, store.specials),
      bookings.map(b => [b.id, b.version, b.status]).sort(), blocks.map(b => b.id).sort(), store.seating]);
  }

  function render() {
    const current = state();
    if (current === shownState) return;
    shownState = current;
    const ranges = rangesOn(date, store.hours, store.specials);
    const shown = bookings.filter(b => showClosed || !HIDDEN_BY_DEFAULT.has(b.status));
    axis = computeAxis(ranges, shown);
    overlay = overlayView();
    heading.textContent = `${store.venue.name} · ${formatDate(date)}`;
    const counted = bookings.filter(b => COUNTED.has(b.status) && b.slot.date === date);
    const covers = counted.reduce((n, b) => n + b.party_size, 0);
    summary.textContent = `${counted.length} ${counted.length === 1 ? 'booking' : 'bookings'}, ${covers} covers`;
    notice.hidden = ranges.length > 0;
    notice.textContent = ranges.length ? '' : `Closed on ${formatDate(date)}: no opening hours. Bookings can still be made where a table is free.`;

    const grid = h('div', {class: 'tl-grid', role: 'group', 'aria-label': `Bookings on ${formatDate(date)}`});
    grid.style.width = `calc(var(--side-w) + ${axis.slots} * var(--slot-w))`;
    grid.append(headRow(), pacingRow(shown));
    const caps = pacingCapsRow(overlay, store.seating, date, bookings, store.zone);
    if (caps) grid.append(caps);
    const byTable = new Map();
    for (const b of shown) {
      const ids = b.tables?.length ? b.tables.map(t => t.table_id) : [b.table.table_id];
      for (const id of ids) (byTable.get(id) ?? byTable.set(id, []).get(id)).push(b);
    }
    if (store.tables.length === 0) {
      grid.append(h('div', {class: 'tl-empty'}, ctx.can('setup')
        ? h('a', {href: `#/setup?venue=${store.id}`, text: 'No tables yet: add rooms and tables in Setup.'})
        : 'No tables yet.'));
    }
    for (const room of store.rooms) {
      const tables = store.tablesOf(room.id);
      if (!tables.length) continue;
      grid.append(h('div', {class: 'tl-room'}, h('span', {class: 'tl-room-name', text: room.name})));
      for (const table of tables) grid.append(tableRow(table, byTable.get(table.id) ?? [], ranges));
    }
    grid.append(nowLine());
    const scrollLeft = scroller.scrollLeft;
    replace(scroller, grid);
    if (firstRender) {
      firstRender = false;
      const now = nowMinutes();
      scroller.scrollLeft = now !== null ? Math.max(0, (now - axis.start - 60) / SLOT * slotWidth()) : 0;
    } else {
      scroller.scrollLeft = scrollLeft;
    }
  }

  function slotWidth() {
    return parseFloat(getComputedStyle(scroller).getPropertyValue('--slot-w')) || 44;
  }

  function headRow() {
    const track = h('div', {class: 'tl-track tl-hours'});
    for (let m = axis.start; m < axis.end; m += 60) {
      const label = h('span', {class: 'tl-hour', text: formatClock(timeOf(m))});
      place(label, m, Math.min(60, axis.end - m));
      track.append(label);
    }
    return h('div', {class: 'tl-row tl-head', 'aria-hidden': 'true'}, h('div', {class: 'tl-side', text: 'Table'}), track);
  }

  function pacingRow(shown) {
    const track = h('div', {class: 'tl-track tl-pacing-track'});
    const arriving = new Map();
    for (const b of shown) {
      if (!COUNTED.has(b.status)) continue;
      const slot = Math.floor((minutesOf(b.starts_at) - axis.start) / SLOT);
      arriving.set(slot, (arriving.get(slot) ?? 0) + b.party_size);
    }
    for (const [slot, covers] of arriving) {
      if (slot < 0 || slot >= axis.slots) continue;
      const cell = h('span', {class: ['tl-pace', covers >= 12 ? 'busy' : ''], text: String(covers),
        title: `${covers} covers arriving at ${formatClock(timeOf(axis.start + slot * SLOT))}`});
      place(cell, axis.start + slot * SLOT, SLOT);
      track.append(cell);
    }
    return h('div', {class: 'tl-row tl-pacing', id: 'timeline-pacing'},
      h('div', {class: 'tl-side', text: 'Covers / 15 min'}), track);
  }

  function tableRow(table, list, ranges) {
    const track = h('div', {class: 'tl-track', dataset: {table: table.id}});
    // Closed stretches of the day, shaded.
    let cursor = axis.start;
    for (const r of [...ranges].sort((a, b) => a.open - b.open)) {
      if (r.open > cursor) track.append(shade(cursor, r.open));
      cursor = Math.max(cursor, r.close);
    }
    if (cursor < axis.end) track.append(shade(cursor, axis.end));
    for (let i = 0; i < axis.slots; i++) {
      const m = axis.start + i * SLOT;
      const cell = h('button', {type: 'button', class: 'tl-cell', tabIndex: -1, dataset: {time: timeOf(m)},
        'aria-label': `Book ${table.name} at ${formatClock(timeOf(m))}`,
        onclick: () => openNewBooking(ctx, {date: m >= 1440 ? addDays(date, 1) : date, time: timeOf(m), tableId: table.id,
          partySize: Math.min(2, table.capacity)})});
      place(cell, m, SLOT);
      track.append(cell);
    }
    for (const b of list) track.append(block(b));
    track.append(...blockShades(overlay, blocks, table));
    return h('div', {class: 'tl-row', dataset: {testid: 'timeline-row', id: table.id}},
      h('div', {class: 'tl-side'},
        h('span', {class: 'tl-table-name', text: table.name}),
        h('span', {class: 'muted tl-capacity', text: `${table.capacity}${table.can_merge ? ' ⇄' : ''}`, title: `${table.capacity} seats${table.can_merge ? ', can be merged' : ''}`}),
        h('button', {type: 'button', class: 'icon-button tl-add', 'aria-label': `New booking at ${table.name}`, text: '+',
          onclick: () => openNewBooking(ctx, {date, tableId: table.id, partySize: Math.min(2, table.capacity), time: defaultTime()})})),
      track);
  }

  function shade(from, to) {
    const el = h('div', {class: 'tl-closed', 'aria-hidden': 'true'});
    place(el, from, to - from);
    return el;
  }

  function block(b) {
    const start = minutesOf(b.starts_at);
    const end = minutesOf(b.ends_at);
    const el = h('button', {type: 'button', class: ['tl-block', b.status], dataset: {testid: 'timeline-booking', id: b.id, status: b.status},
      'aria-label': `${b.customer_name}, ${b.party_size} guests, ${formatClock(timeOf(start))} to ${formatClock(timeOf(end))}, ${STATUS_LABEL[b.status]}`,
      onclick: () => openBooking(ctx, b.id)},
      h('span', {class: 'tl-party', text: String(b.party_size)}),
      h('span', {class: 'tl-name', text: b.customer_name}),
      b.status === 'held' ? h('booker-countdown', {expires: b.expires_at}) : h('span', {class: 'tl-state', text: STATUS_LABEL[b.status]}));
    place(el, Math.max(start, axis.start), Math.min(end, axis.end) - Math.max(start, axis.start));
    return el;
  }

  /** What timeline/overlays.js needs of the grid: the axis, placing, and the axis' instants. */
  function overlayView() {
    const at = m => instant(m >= 1440 ? addDays(date, 1) : date, timeOf(m), store.zone) / 1000;
    return {axis, place, minutesOf, fromSeconds: at(axis.start), toSeconds: at(Math.min(axis.end, 2879))};
  }

  /** Positions el over minutes [from, from + length) of the axis, in percent of the track. */
  function place(el, from, length) {
    const total = axis.end - axis.start;
    el.style.left = `${((from - axis.start) / total) * 100}%`;
    el.style.width = `${(Math.max(length, 0) / total) * 100}%`;
  }

  function nowMinutes() {
    if (date !== today(store.zone) && date !== addDays(today(store.zone), -1)) return null;
    const m = minutesOf(Date.now() / 1000);
    return m >= axis.start && m <= axis.end ? m : null;
  }

  function nowLine() {
    const line = h('div', {class: 'tl-now', id: 'timeline-now', 'aria-hidden': 'true'});
    positionNow(line);
    return line;
  }

  function positionNow(line) {
    const m = nowMinutes();
    line.hidden = m === null;
    if (m !== null) line.style.left = `calc(var(--side-w) + ${(m - axis.start) / SLOT} * var(--slot-w))`;
  }

  let pending = false;
  const later = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      render();
    });
  };
  const onBookings = async () => {
    try {
      await load();
    } catch (e) {
      toast('The day could not be reloaded; showing what is known.', 'error');
    }
    later();
  };
  const onStructure = () => later();
  const onBlocks = async () => {
    await loadBlocks(rangesOn(date, store.hours, store.specials).some(r => r.close > 1440));
    later();
  };
  store.addEventListener('bookings', onBookings);
  store.addEventListener('structure', onStructure);
  store.addEventListener('blocks', onBlocks);
  store.addEventListener('seating', onStructure);
  store.addEventListener('schedule', onBookings);
  store.addEventListener('venue', onStructure);
  const clock = setInterval(() => {
    const line = scroller.querySelector('.tl-now');
    if (line) positionNow(line);
  }, 30_000);

  await load();
  render();
  return () => {
    clearInterval(clock);
    store.removeEventListener('bookings', onBookings);
    store.removeEventListener('structure', onStructure);
    store.removeEventListener('schedule', onBookings);
    store.removeEventListener('venue', onStructure);
    store.removeEventListener('blocks', onBlocks);
    store.removeEventListener('seating', onStructure);
  };
}
