// Drawing the floor: each room's plan with its tables coloured (and labelled) by what is happening now,
// the tables not placed yet, and the room's "now and next" list.
import {h, replace, openDialog} from '../../dom.js';
import {blockAt, nextBlock} from '../../logic/blocks.js';
import {defaultSize, freeSpot, normalise} from '../../logic/plan.js';
import {STATES, tableState} from '../../logic/table-state.js';
import {formatDate, formatTime} from '../../logic/time.js';
import {openBooking} from '../booking-link.js';
import {onKey, place, startDrag, startPlacing} from './arrange.js';
import {choose, renderInspector} from './inspector.js';
import {move} from './save.js';
import {positionOf} from './state.js';

/**
 * Draws the rooms again, unless nothing they show changed (a resync, the 30-second tick): a host
 * tapping a table while an event arrives keeps the element being tapped.
 */
export function render(floor) {
  const {ctx, store, els} = floor;
  floor.renderQueued = false;
  const now = Date.now();
  els.clock.textContent = `${formatDate(floor.date, 'short')} · now ${formatTime(now, store.zone)}`;
  els.container.classList.toggle('arranging', floor.arranging);
  floor.states = new Map(store.tables.map(t => [t.id, {...tableState(t.id, floor.bookings, now),
    blocked: blockAt(floor.blocks, t.id, now / 1000), nextBlocked: nextBlock(floor.blocks, t.id, now / 1000, now / 1000 + 86_400)}]));
  const key = JSON.stringify([floor.arranging, floor.selectedId, store.rooms.map(r => [r.id, r.name]),
    store.tables.map(t => [t.id, t.name, t.capacity, t.room_id, positionOf(floor, t), floor.pending.has(t.id)]),
    [...floor.states].map(([id, s]) => [id, s.state, s.booking?.id, s.booking?.version, s.booking?.customer_name, s.blocked?.id,
      s.nextBlocked?.id]),
    formatDate(floor.date, 'short')]);
  if (key !== floor.shownKey) {
    floor.shownKey = key;
    const focused = document.activeElement?.closest?.('[data-testid=floor-table]')?.dataset.id;
    if (store.rooms.length === 0) {
      replace(els.rooms, h('section', {class: 'card empty'}, h('h2', {text: 'No rooms yet'}),
        h('p', {text: ctx.can('setup') ? 'Add rooms and tables in Setup first.' : 'This venue has no rooms yet.'}),
        ctx.can('setup') ? h('a', {class: 'button primary', href: `#/setup?venue=${store.id}`, text: 'Go to Setup'}) : null));
    } else {
      replace(els.rooms, store.rooms.map(room => renderRoom(floor, room)));
    }
    if (focused) els.rooms.querySelector(`[data-testid=floor-table][data-id="${focused}"]`)?.focus();
  }
  renderInspector(floor);
}

function renderRoom(floor, room) {
  const {store} = floor;
  const tables = store.tablesOf(room.id);
  const placed = tables.filter(t => positionOf(floor, t));
  const unplaced = tables.filter(t => !positionOf(floor, t));
  const plan = h('div', {class: 'floor-plan', dataset: {room: room.id}, role: 'group', 'aria-label': `Floor plan of ${room.name}`},
    placed.map(t => renderTable(floor, t)));
  if (placed.length === 0) plan.append(h('p', {class: 'floor-plan-empty muted',
    text: tables.length === 0 ? 'No tables in this room yet.' : 'No table is placed yet.'}));
  const rows = tables.map(t => ({t, ...floor.states.get(t.id)}));
  const selected = floor.arranging && floor.selectedId ? store.table(floor.selectedId) : null;
  // In the room's side column, so selecting a table never shifts the plan under the pointer.
  const aside = h('div', {class: 'floor-aside'},
    selected?.room_id === room.id ? floor.els.inspector : null,
    unplaced.length ? h('section', {class: 'floor-unplaced', 'aria-label': `Not placed yet in ${room.name}`},
      h('h3', {text: 'Not placed yet'}),
      h('ul', {class: 'floor-unplaced-list'}, unplaced.map(t => renderUnplaced(floor, t, room, placed)))) : null,
    tables.length ? h('section', {class: 'floor-now'}, h('h3', {text: 'Now and next'}),
      h('ul', {class: 'floor-now-list'}, rows.map(s => h('li', {class: `floor-now-item ${s.state}`},
        h('span', {class: 'floor-now-name', text: s.t.name}),
        h('span', {class: `floor-badge ${s.state}`, text: STATES[s.state]}),
        h('span', {class: 'floor-now-booking', text: s.booking ? bookingLine(floor, s.booking) : 'nothing booked today'}),
        s.blocked || s.nextBlocked ? h('span', {class: 'floor-now-blocked', text: blockLine(floor, s)}) : null)))) : null);
  return h('section', {class: 'floor-room card', 'aria-label': room.name},
    h('h2', {text: room.name}),
    h('div', {class: 'floor-layout'}, h('div', {class: 'floor-plan-wrap'}, plan), aside));
}

/** "Blocked until 21:00: private event", or "Blocked from 19:00 to 21:00: …" for one later today. */
function blockLine(floor, s) {
  const zone = floor.store.zone;
  const b = s.blocked ?? s.nextBlocked;
  const until = formatTime(b.ends_at * 1000, zone);
  return s.blocked ? `Blocked until ${until}: ${b.reason}` : `Blocked from ${formatTime(b.starts_at * 1000, zone)} to ${until}: ${b.reason}`;
}

function bookingLine(floor, b) {
  const name = b.customer_name || 'Guest';
  return `${name} · ${b.party_size} · ${formatTime(b.starts_at * 1000, floor.store.zone)}`;
}

function renderTable(floor, t) {
  const {ctx, store, selectedId, arranging} = floor;
  const p = positionOf(floor, t);
  const s = floor.states.get(t.id);
  const {state, booking, blocked} = s;
  const label = [`${t.name}, ${t.capacity} seats`, STATES[state], blocked ? blockLine(floor, s) : null,
    booking ? `${state === 'free' ? 'next: ' : ''}${bookingLine(floor, booking)}` : null].filter(Boolean).join('. ');
  const el = h('button', {type: 'button', class: ['floor-table', p.shape, state, blocked && 'blocked', t.id === selectedId && 'selected',
    floor.pending.has(t.id) && 'saving'],
  dataset: {testid: 'floor-table', id: t.id, state, blocked: blocked ? blocked.id : ''}, 'aria-label': label, title: label,
    'aria-pressed': arranging ? String(t.id === selectedId) : null},
  h('span', {class: 'floor-table-shape', 'aria-hidden': 'true'}),
  h('span', {class: 'floor-table-label', 'aria-hidden': 'true'},
    h('span', {class: 'floor-table-name', text: `${t.name} · ${t.capacity}`}),
    state !== 'free' ? h('span', {class: 'floor-table-state', text: STATES[state]}) : null,
    blocked ? h('span', {class: 'floor-table-blocked', text: `Blocked · ${blocked.reason}`}) : null,
    booking ? h('span', {class: 'floor-table-guest',
      text: `${booking.customer_name || 'Guest'} ${formatTime(booking.starts_at * 1000, store.zone)}`}) : null));
  place(el, p);
  el.addEventListener('click', () => {
    if (floor.arranging) return;
    if (booking) openBooking(ctx, booking.id);
    else offerBooking(floor, t);
  });
  if (floor.canArrange) {
    el.addEventListener('pointerdown', e => startDrag(floor, e, t, el));
    el.addEventListener('keydown', e => onKey(floor, e, t, el));
    el.addEventListener('focus', () => { if (floor.arranging && floor.selectedId !== t.id) choose(floor, t.id); });
  }
  return el;
}

function renderUnplaced(floor, t, room, placed) {
  const item = h('li', {class: 'floor-unplaced-item', dataset: {testid: 'floor-unplaced', id: t.id}},
    h('span', {class: 'floor-unplaced-name', text: `${t.name} · ${t.capacity} seats`}),
    floor.arranging ? h('button', {type: 'button', class: 'small secondary', 'aria-label': `Place ${t.name} on the plan`, text: 'Place',
      onclick: () => {
        const size = defaultSize(t.capacity);
        const spot = freeSpot(size, placed.map(x => positionOf(floor, x)));
        move(floor, t, normalise({...size, ...spot, rotation: 0}), true);
      }}) : null);
  if (floor.arranging) {
    item.classList.add('draggable');
    item.addEventListener('pointerdown', e => {
      if (e.target.closest('button') || e.button > 0) return;
      startPlacing(floor, e, t, room, item);
    });
  }
  return item;
}

/** A free table's tap: nothing is booked on it for the rest of today; offer to book it on the timeline. */
function offerBooking(floor, t) {
  const {ctx, store} = floor;
  const d = openDialog({title: t.name, className: 'small', content: h('div', {class: 'stack'},
    h('p', {text: `${t.name} (${t.capacity} seats) has nothing booked for the rest of today.`}),
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'secondary', text: 'Close', onclick: () => d.close()}),
      h('button', {type: 'button', class: 'primary', id: 'floor-book-table', text: 'Book this table', onclick: () => {
        d.close();
        ctx.go('timeline', {venue: store.id, date: floor.date});
      }})))});
  d.el.querySelector('#floor-book-table').focus();
}
