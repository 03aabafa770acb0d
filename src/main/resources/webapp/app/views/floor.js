// The floor view: each room's tables drawn where they stand on its 1000 × 1000 plan, coloured (and
// labelled) by what is happening now: seated, held, booked soon, free. Managers and admins arrange the
// tables by dragging them (pointer: mouse, pen or touch) or with the keyboard; every move is saved as
// a full PUT of the table (PUT replaces), optimistically, and rolled back with an explanation when
// the server refuses it.
//
// This module mounts the screen and follows the store; the rest is in floor/: state.js (the shared
// state), draw.js (the rooms and tables), arrange.js (dragging, keys), inspector.js (the selected
// table's controls), save.js (saving positions). What a table's state is, and the plan's geometry,
// are pure: logic/table-state.js and logic/plan.js. A table blocked now (logic/blocks.js) is hatched
// and labelled with the block's reason; a block later today is named in "Now and next".
import {explain} from '../api.js';
import {h, replace, errorBox, showError} from '../dom.js';
import {STATES, onTheFloor} from '../logic/table-state.js';
import {addDays, today} from '../logic/time.js';
import {render} from './floor/draw.js';
import {createFloor, queueRender} from './floor/state.js';

export async function mount(container, ctx) {
  const store = ctx.store;
  const canArrange = ctx.can('arrange');
  const els = {
    container,
    arrangeButton: canArrange ? h('button', {type: 'button', id: 'arrange-toggle', class: 'secondary',
      'aria-pressed': 'false', text: 'Arrange tables', onclick: () => setArranging(floor, !floor.arranging)}) : null,
    clock: h('span', {class: 'floor-clock muted'}),
    error: errorBox(),
    inspector: h('section', {class: 'floor-inspector card', 'aria-label': 'Selected table', hidden: true}),
    help: h('p', {class: 'floor-help notice', hidden: true,
      text: 'Drag a table to move it, or select it and use the arrow keys (Shift: bigger steps), R to turn it (Shift+R back) and Escape to let go. '
        + 'Every change is saved at once.'}),
    rooms: h('div', {class: 'floor-rooms'}),
  };
  const floor = createFloor(ctx, els);
  floor.render = () => render(floor);
  const legend = h('ul', {class: 'floor-legend', 'aria-label': 'Legend'},
    Object.entries(STATES).map(([state, label]) => h('li', null, h('span', {class: `floor-swatch ${state}`, 'aria-hidden': 'true'}), label)),
    h('li', null, h('span', {class: 'floor-swatch blocked', 'aria-hidden': 'true'}), 'Blocked (hatched, with its reason)'));
  replace(container,
    h('div', {class: 'toolbar'}, h('h1', {class: 'title', text: 'Floor'}), els.clock, els.arrangeButton),
    legend, els.help, els.error, els.rooms);

  const onBookings = e => {
    const dates = e.detail?.dates;
    if (!dates || dates.length === 0 || dates.includes(floor.date)) refresh(floor);
  };
  const onStructure = () => {
    if (floor.selectedId && !store.table(floor.selectedId)) floor.selectedId = null;
    queueRender(floor);
  };
  const onBlocks = () => loadBlocks(floor).then(() => !floor.disposed && queueRender(floor));
  store.addEventListener('bookings', onBookings);
  store.addEventListener('structure', onStructure);
  store.addEventListener('venue', onStructure);
  store.addEventListener('blocks', onBlocks);
  const timer = setInterval(() => {
    if (today(store.zone) !== floor.date) refresh(floor);
    else queueRender(floor);
  }, 30_000);

  await refresh(floor);

  return () => {
    floor.disposed = true;
    clearInterval(timer);
    store.removeEventListener('bookings', onBookings);
    store.removeEventListener('structure', onStructure);
    store.removeEventListener('venue', onStructure);
    store.removeEventListener('blocks', onBlocks);
  };
}

/** The blocks of today (the store keeps them live); without them the floor shows none. */
async function loadBlocks(floor) {
  try {
    floor.blocks = await floor.store.blocksOn(floor.date);
  } catch {
    floor.blocks = [...floor.store.blocks.values()];
  }
}

function setArranging(floor, on) {
  const button = floor.els.arrangeButton;
  floor.arranging = on;
  if (!on) floor.selectedId = null;
  button?.setAttribute('aria-pressed', String(on));
  if (button) button.textContent = on ? 'Done arranging' : 'Arrange tables';
  floor.els.help.hidden = !on;
  floor.render();
}

/** Loads the bookings on the floor today (with last night's still running) and draws them. */
async function refresh(floor) {
  const store = floor.store;
  const day = today(store.zone);
  floor.date = day;
  try {
    // After midnight the overnight service is still yesterday's: its tables still running (or seated
    // until a little past their end) belong on today's floor.
    const [own, before] = await Promise.all([store.bookingsOn(day), store.bookingsOn(addDays(day, -1))]);
    floor.bookings = onTheFloor(own, before, Date.now() / 1000);
    await loadBlocks(floor);
  } catch (e) {
    showError(floor.els.error, explain(e, 'Loading the bookings of today'));
  }
  if (!floor.disposed) queueRender(floor);
}
