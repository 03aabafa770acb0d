// The floor view: each room's tables drawn where they stand on its 1000 × 1000 plan, coloured (and
// labelled) by what is happening now: seated, held, booked soon, free. Managers and admins arrange the
// tables by dragging them (pointer: mouse, pen or touch) or with the keyboard; every move is saved as
// a full PUT of the table (PUT replaces), optimistically, and rolled back with an explanation when
// the server refuses it.
import {explain} from '../api.js';
import {h, replace, field, select, openDialog, toast, errorBox, showError} from '../dom.js';
import {today, addDays, formatTime, formatDate} from '../logic/time.js';

/** How long past its end a seated booking of yesterday still marks its table (guests who stay on). */
const OVERSTAY_SECONDS = 3 * 3600;

const PLAN = 1000;
const GRID = 10;
const SOON_MS = 60 * 60_000;
const SHAPES = [['round', 'Round'], ['square', 'Square'], ['rectangle', 'Rectangle']];
const STATES = {
  seated: 'Seated',
  held: 'Held',
  soon: 'Booked soon',
  free: 'Free',
};

/** Opens a booking's details (views/booking.js), saying so when that screen cannot be loaded. */
export function openBooking(ctx, bookingId) {
  return import('./booking.js').then(m => m.openBooking(ctx, bookingId))
    .catch(() => toast('The booking details cannot be opened right now. Try again in a moment.', 'error'));
}

/**
 * What is happening at table now: {state, booking (the current or next one), bookings (its active
 * bookings of the day, by start)}. Seated beats held beats booked soon.
 */
export function tableState(tableId, bookings, nowMs) {
  const now = nowMs / 1000;
  const soon = (nowMs + SOON_MS) / 1000;
  const mine = bookings
    .filter(b => (b.tables ?? [b.table]).some(t => t.table_id === tableId))
    .filter(b => b.status === 'seated' || b.status === 'confirmed'
      || b.status === 'held' && !(b.expires_at && b.expires_at < now))
    .sort((a, b) => a.starts_at - b.starts_at);
  const seated = mine.find(b => b.status === 'seated');
  if (seated) return {state: 'seated', booking: seated, bookings: mine};
  const held = mine.find(b => b.status === 'held' && b.ends_at > now && b.starts_at <= soon);
  if (held) return {state: 'held', booking: held, bookings: mine};
  const booked = mine.find(b => b.status === 'confirmed' && b.ends_at > now && b.starts_at <= soon);
  if (booked) return {state: 'soon', booking: booked, bookings: mine};
  const next = mine.find(b => b.starts_at > now);
  return {state: 'free', booking: next ?? null, bookings: mine};
}

const snap = v => Math.round(v / GRID) * GRID;
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** A position kept on the plan: the whole table inside 0..1000, on the grid, sizes 10..1000. */
function normalise(p) {
  const width = clamp(snap(p.width), GRID, PLAN);
  const height = clamp(snap(p.height), GRID, PLAN);
  return {
    x: clamp(snap(p.x), 0, PLAN - width),
    y: clamp(snap(p.y), 0, PLAN - height),
    width, height,
    rotation: ((Math.round(p.rotation ?? 0) % 360) + 360) % 360,
    shape: SHAPES.some(([s]) => s === p.shape) ? p.shape : 'square',
  };
}

/** A size that suits the capacity, for a table placed for the first time. */
function defaultSize(capacity) {
  if (capacity <= 2) return {width: 80, height: 80, shape: 'round'};
  if (capacity <= 4) return {width: 100, height: 100, shape: 'square'};
  return {width: Math.min(300, 60 + capacity * 20), height: 90, shape: 'rectangle'};
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The first spot, scanning the plan row by row, where a table of that size touches no placed table. */
function freeSpot(size, placed) {
  const margin = 20;
  for (let y = margin; y + size.height <= PLAN; y += 40) {
    for (let x = margin; x + size.width <= PLAN; x += 40) {
      const box = {x: x - margin, y: y - margin, width: size.width + 2 * margin, height: size.height + 2 * margin};
      if (!placed.some(p => overlaps(box, p))) return {x, y};
    }
  }
  return {x: margin, y: margin};
}

function tableBody(t, position) {
  return {name: t.name, capacity: t.capacity, can_merge: !!t.can_merge, zone: t.zone ?? '', position};
}

export async function mount(container, ctx) {
  const store = ctx.store;
  const canArrange = ctx.can('arrange');
  const pending = new Map();      // table id → position shown before the server confirmed it
  const saving = new Map();       // table id → {running, again}
  let arranging = false;
  let selectedId = null;
  let bookings = [];
  let date = today(store.zone);
  let drag = null;
  let disposed = false;
  let renderQueued = false;

  const arrangeButton = canArrange ? h('button', {type: 'button', id: 'arrange-toggle', class: 'secondary',
    'aria-pressed': 'false', text: 'Arrange tables', onclick: () => setArranging(!arranging)}) : null;
  const clock = h('span', {class: 'floor-clock muted'});
  const legend = h('ul', {class: 'floor-legend', 'aria-label': 'Legend'},
    Object.entries(STATES).map(([state, label]) => h('li', null, h('span', {class: `floor-swatch ${state}`, 'aria-hidden': 'true'}), label)));
  const error = errorBox();
  const inspector = h('section', {class: 'floor-inspector card', 'aria-label': 'Selected table', hidden: true});
  const help = h('p', {class: 'floor-help notice', hidden: true,
    text: 'Drag a table to move it, or select it and use the arrow keys (Shift: bigger steps), R to turn it (Shift+R back) and Escape to let go. '
      + 'Every change is saved at once.'});
  const rooms = h('div', {class: 'floor-rooms'});
  replace(container,
    h('div', {class: 'toolbar'}, h('h1', {class: 'title', text: 'Floor'}), clock, arrangeButton),
    legend, help, error, rooms);

  function positionOf(t) {
    return pending.has(t.id) ? pending.get(t.id) : t.position ?? null;
  }

  function setArranging(on) {
    arranging = on;
    if (!on) selectedId = null;
    arrangeButton?.setAttribute('aria-pressed', String(on));
    if (arrangeButton) arrangeButton.textContent = on ? 'Done arranging' : 'Arrange tables';
    help.hidden = !on;
    render();
  }

  function queueRender() {
    if (drag) {
      renderQueued = true;
      return;
    }
    render();
  }

  async function refresh() {
    const day = today(store.zone);
    date = day;
    try {
      // After midnight the overnight service is still yesterday's: its tables still running (or seated
      // until a little past their end) belong on today's floor.
      const [own, before] = await Promise.all([store.bookingsOn(day), store.bookingsOn(addDays(day, -1))]);
      const now = Date.now() / 1000;
      bookings = [...own, ...before.filter(b => b.ends_at > now || (b.status === 'seated' && b.ends_at > now - OVERSTAY_SECONDS))];
    } catch (e) {
      showError(error, explain(e, 'Loading the bookings of today'));
    }
    if (!disposed) queueRender();
  }

  let shownKey = null;
  let states = new Map();

  /**
   * Draws the rooms again, unless nothing they show changed (a resync, the 30-second tick): a host
   * tapping a table while an event arrives keeps the element being tapped.
   */
  function render() {
    renderQueued = false;
    const now = Date.now();
    clock.textContent = `${formatDate(date, 'short')} · now ${formatTime(now, store.zone)}`;
    container.classList.toggle('arranging', arranging);
    states = new Map(store.tables.map(t => [t.id, tableState(t.id, bookings, now)]));
    const key = JSON.stringify([arranging, selectedId, store.rooms.map(r => [r.id, r.name]),
      store.tables.map(t => [t.id, t.name, t.capacity, t.room_id, positionOf(t), pending.has(t.id)]),
      [...states].map(([id, s]) => [id, s.state, s.booking?.id, s.booking?.version, s.booking?.customer_name]),
      formatDate(date, 'short')]);
    if (key !== shownKey) {
      shownKey = key;
      const focused = document.activeElement?.closest?.('[data-testid=floor-table]')?.dataset.id;
      if (store.rooms.length === 0) {
        replace(rooms, h('section', {class: 'card empty'}, h('h2', {text: 'No rooms yet'}),
          h('p', {text: ctx.can('setup') ? 'Add rooms and tables in Setup first.' : 'This venue has no rooms yet.'}),
          ctx.can('setup') ? h('a', {class: 'button primary', href: `#/setup?venue=${store.id}`, text: 'Go to Setup'}) : null));
      } else {
        replace(rooms, store.rooms.map(room => renderRoom(room)));
      }
      if (focused) rooms.querySelector(`[data-testid=floor-table][data-id="${focused}"]`)?.focus();
    }
    renderInspector();
  }

  function renderRoom(room) {
    const tables = store.tablesOf(room.id);
    const placed = tables.filter(t => positionOf(t));
    const unplaced = tables.filter(t => !positionOf(t));
    const plan = h('div', {class: 'floor-plan', dataset: {room: room.id}, role: 'group', 'aria-label': `Floor plan of ${room.name}`},
      placed.map(t => renderTable(t)));
    if (placed.length === 0) plan.append(h('p', {class: 'floor-plan-empty muted',
      text: tables.length === 0 ? 'No tables in this room yet.' : 'No table is placed yet.'}));
    const rows = tables.map(t => ({t, ...states.get(t.id)}));
    const selected = arranging && selectedId ? store.table(selectedId) : null;
    // In the room's side column, so selecting a table never shifts the plan under the pointer.
    const aside = h('div', {class: 'floor-aside'},
      selected?.room_id === room.id ? inspector : null,
      unplaced.length ? h('section', {class: 'floor-unplaced', 'aria-label': `Not placed yet in ${room.name}`},
        h('h3', {text: 'Not placed yet'}),
        h('ul', {class: 'floor-unplaced-list'}, unplaced.map(t => renderUnplaced(t, room, placed)))) : null,
      tables.length ? h('section', {class: 'floor-now'}, h('h3', {text: 'Now and next'}),
        h('ul', {class: 'floor-now-list'}, rows.map(s => h('li', {class: `floor-now-item ${s.state}`},
          h('span', {class: 'floor-now-name', text: s.t.name}),
          h('span', {class: `floor-badge ${s.state}`, text: STATES[s.state]}),
          h('span', {class: 'floor-now-booking', text: s.booking ? bookingLine(s.booking) : 'nothing booked today'}))))) : null);
    return h('section', {class: 'floor-room card', 'aria-label': room.name},
      h('h2', {text: room.name}),
      h('div', {class: 'floor-layout'}, h('div', {class: 'floor-plan-wrap'}, plan), aside));
  }

  function bookingLine(b) {
    const name = b.customer_name || 'Guest';
    return `${name} · ${b.party_size} · ${formatTime(b.starts_at * 1000, store.zone)}`;
  }

  function renderTable(t) {
    const p = positionOf(t);
    const {state, booking} = states.get(t.id);
    const label = [`${t.name}, ${t.capacity} seats`, STATES[state],
      booking ? `${state === 'free' ? 'next: ' : ''}${bookingLine(booking)}` : null].filter(Boolean).join('. ');
    const el = h('button', {type: 'button', class: ['floor-table', p.shape, state, t.id === selectedId && 'selected', pending.has(t.id) && 'saving'],
      dataset: {testid: 'floor-table', id: t.id, state}, 'aria-label': label, title: label,
      'aria-pressed': arranging ? String(t.id === selectedId) : null},
    h('span', {class: 'floor-table-shape', 'aria-hidden': 'true'}),
    h('span', {class: 'floor-table-label', 'aria-hidden': 'true'},
      h('span', {class: 'floor-table-name', text: `${t.name} · ${t.capacity}`}),
      state !== 'free' ? h('span', {class: 'floor-table-state', text: STATES[state]}) : null,
      booking ? h('span', {class: 'floor-table-guest',
        text: `${booking.customer_name || 'Guest'} ${formatTime(booking.starts_at * 1000, store.zone)}`}) : null));
    place(el, p);
    el.addEventListener('click', () => {
      if (arranging) return;
      if (booking) openBooking(ctx, booking.id);
      else offerBooking(t);
    });
    if (canArrange) {
      el.addEventListener('pointerdown', e => startDrag(e, t, el));
      el.addEventListener('keydown', e => onKey(e, t, el));
      el.addEventListener('focus', () => { if (arranging && selectedId !== t.id) choose(t.id); });
    }
    return el;
  }

  function place(el, p) {
    el.style.left = `${p.x / 10}%`;
    el.style.top = `${p.y / 10}%`;
    el.style.width = `${p.width / 10}%`;
    el.style.height = `${p.height / 10}%`;
    const shape = el.querySelector('.floor-table-shape');
    if (shape) shape.style.transform = p.rotation ? `rotate(${p.rotation}deg)` : '';
  }

  function renderUnplaced(t, room, placed) {
    const item = h('li', {class: 'floor-unplaced-item', dataset: {testid: 'floor-unplaced', id: t.id}},
      h('span', {class: 'floor-unplaced-name', text: `${t.name} · ${t.capacity} seats`}),
      arranging ? h('button', {type: 'button', class: 'small secondary', 'aria-label': `Place ${t.name} on the plan`, text: 'Place',
        onclick: () => {
          const size = defaultSize(t.capacity);
          const spot = freeSpot(size, placed.map(positionOf));
          move(t, normalise({...size, ...spot, rotation: 0}), true);
        }}) : null);
    if (arranging) {
      item.classList.add('draggable');
      item.addEventListener('pointerdown', e => {
        if (e.target.closest('button') || e.button > 0) return;
        startPlacing(e, t, room, item);
      });
    }
    return item;
  }

  function offerBooking(t) {
    const d = openDialog({title: t.name, className: 'small', content: h('div', {class: 'stack'},
      h('p', {text: `${t.name} (${t.capacity} seats) has nothing booked for the rest of today.`}),
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary', text: 'Close', onclick: () => d.close()}),
        h('button', {type: 'button', class: 'primary', id: 'floor-book-table', text: 'Book this table', onclick: () => {
          d.close();
          ctx.go('timeline', {venue: store.id, date});
        }})))});
    d.el.querySelector('#floor-book-table').focus();
  }

  // ---------------------------------------------------------------- arranging

  function choose(id) {
    const before = selectedId ? store.table(selectedId)?.room_id : null;
    selectedId = id;
    const room = store.table(id)?.room_id;
    if (room && room !== before) {
      rooms.querySelector(`.floor-plan[data-room="${room}"]`)?.closest('.floor-room')?.querySelector('.floor-aside')?.prepend(inspector);
    }
    for (const el of rooms.querySelectorAll('[data-testid=floor-table]')) {
      el.classList.toggle('selected', el.dataset.id === id);
      if (arranging) el.setAttribute('aria-pressed', String(el.dataset.id === id));
    }
    renderInspector();
  }

  let inspectorFor = null;

  function renderInspector() {
    const t = arranging && selectedId ? store.table(selectedId) : null;
    const p = t ? positionOf(t) : null;
    inspector.hidden = !t || !p;
    if (!t || !p) {
      inspectorFor = null;
      replace(inspector);
      return;
    }
    if (inspectorFor === t.id) {
      // The same table: update the values in place, so a control being used keeps its focus.
      renderInspectorValues(p);
      return;
    }
    inspectorFor = t.id;
    // Read at the time of the change: the store's table objects are replaced when the structure reloads.
    const current = () => store.table(t.id);
    const number = (name, label, value, min, max, stepSize) => field(label, h('input', {type: 'number', name, id: `floor-${name}`,
      value, min, max, step: stepSize, onchange: e => {
        const v = Number(e.target.value);
        const table = current();
        if (e.target.value === '' || !Number.isFinite(v) || !table || !positionOf(table)) return;
        move(table, normalise({...positionOf(table), [name]: v}), true);
      }}));
    replace(inspector,
      h('h2', {text: `${t.name} · ${t.capacity} seats`}),
      h('div', {class: 'row'},
        field('Shape', select('shape', SHAPES, p.shape, {id: 'floor-shape', onchange: e => {
          const table = current();
          if (!table || !positionOf(table)) return;
          const shape = e.target.value;
          const next = {...positionOf(table), shape};
          if (shape !== 'rectangle' && next.width !== next.height) next.height = next.width;
          move(table, normalise(next), true);
        }})),
        number('width', 'Width', p.width, GRID, PLAN, GRID),
        number('height', 'Depth', p.height, GRID, PLAN, GRID),
        number('rotation', 'Turn (°)', p.rotation, 0, 359, 15)),
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary small', id: 'floor-unplace', text: 'Take off the plan',
          onclick: () => { if (current()) move(current(), null, true); }}),
        h('button', {type: 'button', class: 'secondary small', text: 'Deselect', onclick: () => {
          selectedId = null;
          render();
        }})));
  }

  function onKey(e, t, el) {
    if (!arranging) return;
    const p = positionOf(t);
    if (!p) return;
    const step = e.shiftKey ? 50 : GRID;
    const moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
    let next = null;
    if (moves[e.key]) {
      next = normalise({...p, x: p.x + moves[e.key][0], y: p.y + moves[e.key][1]});
    } else if (e.key === 'r' || e.key === 'R') {
      next = normalise({...p, rotation: p.rotation + (e.shiftKey ? -15 : 15)});
    } else if (e.key === 'Escape') {
      selectedId = null;
      render();
      return;
    } else {
      return;
    }
    e.preventDefault();
    if (selectedId !== t.id) choose(t.id);
    pending.set(t.id, next);
    place(el, next);
    el.classList.add('saving');
    // Keys repeat: save once the keys rest for a moment.
    clearTimeout(el.saveTimer);
    el.saveTimer = setTimeout(() => move(t, next, false), 500);
    renderInspectorValues(next);
  }

  function renderInspectorValues(p) {
    const shape = inspector.querySelector('#floor-shape');
    if (shape && document.activeElement !== shape) shape.value = p.shape;
    for (const name of ['width', 'height', 'rotation']) {
      const input = inspector.querySelector(`#floor-${name}`);
      if (input && document.activeElement !== input) input.value = p[name];
    }
  }

  function planPoint(plan, e) {
    const r = plan.getBoundingClientRect();
    return {x: (e.clientX - r.left) / r.width * PLAN, y: (e.clientY - r.top) / r.height * PLAN, rect: r};
  }

  function startDrag(e, t, el) {
    if (!arranging || e.button > 0) return;
    const plan = el.closest('.floor-plan');
    const start = positionOf(t);
    const r = plan.getBoundingClientRect();
    drag = {t, el, start, x0: e.clientX, y0: e.clientY, scale: PLAN / r.width, scaleY: PLAN / r.height, moved: false, next: start};
    el.setPointerCapture?.(e.pointerId);
    el.classList.add('dragging');
    el.focus();
    const onMove = ev => {
      const dx = (ev.clientX - drag.x0) * drag.scale;
      const dy = (ev.clientY - drag.y0) * drag.scaleY;
      if (!drag.moved && Math.hypot(ev.clientX - drag.x0, ev.clientY - drag.y0) < 4) return;
      drag.moved = true;
      drag.next = normalise({...start, x: start.x + dx, y: start.y + dy});
      place(el, drag.next);
    };
    const onEnd = ev => {
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onEnd);
      el.removeEventListener('pointercancel', onEnd);
      el.classList.remove('dragging');
      const d = drag;
      drag = null;
      if (ev.type === 'pointercancel' || !d.moved) {
        place(el, start);
        choose(t.id);
        if (renderQueued) render();
        return;
      }
      selectedId = t.id;
      if (JSON.stringify(d.next) === JSON.stringify(start)) {
        choose(t.id); // moved less than a grid step: nothing to save
        if (renderQueued) render();
        return;
      }
      move(t, d.next, true);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onEnd);
    el.addEventListener('pointercancel', onEnd);
    e.preventDefault();
  }

  /** Drags an unplaced table from the list onto its room's plan (a floating copy follows the pointer). */
  function startPlacing(e, t, room, item) {
    const plan = rooms.querySelector(`.floor-plan[data-room="${room.id}"]`);
    const size = defaultSize(t.capacity);
    const ghost = h('div', {class: `floor-ghost ${size.shape}`, 'aria-hidden': 'true', text: t.name});
    const r = plan.getBoundingClientRect();
    ghost.style.width = `${size.width / PLAN * r.width}px`;
    ghost.style.height = `${size.height / PLAN * r.height}px`;
    const follow = ev => {
      ghost.style.left = `${ev.clientX - size.width / PLAN * r.width / 2}px`;
      ghost.style.top = `${ev.clientY - size.height / PLAN * r.height / 2}px`;
    };
    follow(e);
    document.body.append(ghost);
    drag = {t, placing: true};
    item.setPointerCapture?.(e.pointerId);
    const onEnd = ev => {
      item.removeEventListener('pointermove', follow);
      item.removeEventListener('pointerup', onEnd);
      item.removeEventListener('pointercancel', onEnd);
      ghost.remove();
      drag = null;
      const at = planPoint(plan, ev);
      const inside = ev.type === 'pointerup' && at.x >= 0 && at.y >= 0 && at.x <= PLAN && at.y <= PLAN;
      if (inside) {
        selectedId = t.id;
        move(t, normalise({...size, rotation: 0, x: at.x - size.width / 2, y: at.y - size.height / 2}), true);
      } else if (renderQueued) {
        render();
      }
    };
    item.addEventListener('pointermove', follow);
    item.addEventListener('pointerup', onEnd);
    item.addEventListener('pointercancel', onEnd);
    e.preventDefault();
  }

  /** Shows position at once and saves the whole table; rolls back with an explanation when refused. */
  function move(t, position, rerender) {
    showError(error, '');
    pending.set(t.id, position);
    if (rerender) render();
    save(t.id);
  }

  async function save(id) {
    let s = saving.get(id);
    if (s?.running) {
      s.again = true;
      return;
    }
    s = {running: true, again: false};
    saving.set(id, s);
    try {
      do {
        s.again = false;
        const t = store.table(id);
        if (!t) break;
        const position = pending.get(id);
        if (position === undefined) break;
        try {
          const saved = await ctx.api.put(`/api/v1/tables/${id}`, tableBody(t, position));
          // The store reloads the structure on the live event; until then it shows the saved table.
          store.putTable(saved);
          if (pending.get(id) === position) pending.delete(id);
        } catch (err) {
          if (pending.get(id) === position) pending.delete(id);
          const message = `${t.name} could not be moved: ${explain(err, 'Saving the table')}`;
          showError(error, message);
          toast(message, 'error');
        }
      } while (s.again && !disposed);
    } finally {
      saving.delete(id);
      if (!disposed) queueRender();
    }
  }

  // ---------------------------------------------------------------- live

  const onBookings = e => {
    const dates = e.detail?.dates;
    if (!dates || dates.length === 0 || dates.includes(date)) refresh();
  };
  const onStructure = () => {
    if (selectedId && !store.table(selectedId)) selectedId = null;
    queueRender();
  };
  store.addEventListener('bookings', onBookings);
  store.addEventListener('structure', onStructure);
  store.addEventListener('venue', onStructure);
  const timer = setInterval(() => {
    if (today(store.zone) !== date) refresh();
    else queueRender();
  }, 30_000);

  await refresh();

  return () => {
    disposed = true;
    clearInterval(timer);
    store.removeEventListener('bookings', onBookings);
    store.removeEventListener('structure', onStructure);
    store.removeEventListener('venue', onStructure);
  };
}
