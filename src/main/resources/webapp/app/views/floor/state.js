// The floor view's state, shared by its modules (floor/*.js): what is shown, what is being arranged,
// and the positions shown before the server confirmed them. Made by views/floor.js's mount(), which
// also sets render() (floor/draw.js) so the other modules can ask for a redraw.
import {today} from '../../logic/time.js';

/** The state of one mounted floor view; els are the elements mount() builds once. */
export function createFloor(ctx, els) {
  return {
    ctx,
    store: ctx.store,
    canArrange: ctx.can('arrange'),
    els,
    pending: new Map(),      // table id → position shown before the server confirmed it
    saving: new Map(),       // table id → {running, again}
    arranging: false,
    selectedId: null,
    bookings: [],
    blocks: [],              // the venue's known blocks (logic/blocks.js tells which one holds a table now)
    date: today(ctx.store.zone),
    drag: null,
    disposed: false,
    renderQueued: false,
    shownKey: null,          // what the rooms were last drawn from
    states: new Map(),       // table id → tableState() at the last render
    inspectorFor: null,      // the table the inspector's controls were built for
    render: () => {},
  };
}

/** Where table t is shown: the position waiting for the server, else its saved one, else null (not placed). */
export function positionOf(floor, t) {
  return floor.pending.has(t.id) ? floor.pending.get(t.id) : t.position ?? null;
}

/** Draws again now, or once the drag in progress ends (redrawing would drop the element being dragged). */
export function queueRender(floor) {
  if (floor.drag) {
    floor.renderQueued = true;
    return;
  }
  floor.render();
}
