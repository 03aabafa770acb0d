// The selected table's controls while arranging (shape, width, depth, turn, take off the plan), in the
// side column of its room so selecting a table never shifts the plan under the pointer.
import {h, replace, field, select} from '../../dom.js';
import {GRID, PLAN, SHAPES, normalise, reshape} from '../../logic/plan.js';
import {move} from './save.js';
import {positionOf} from './state.js';

/** Selects table id: marks it on the plans and shows its controls beside its room. */
export function choose(floor, id) {
  const {store, els} = floor;
  const before = floor.selectedId ? store.table(floor.selectedId)?.room_id : null;
  floor.selectedId = id;
  const room = store.table(id)?.room_id;
  if (room && room !== before) {
    els.rooms.querySelector(`.floor-plan[data-room="${room}"]`)?.closest('.floor-room')?.querySelector('.floor-aside')?.prepend(els.inspector);
  }
  for (const el of els.rooms.querySelectorAll('[data-testid=floor-table]')) {
    el.classList.toggle('selected', el.dataset.id === id);
    if (floor.arranging) el.setAttribute('aria-pressed', String(el.dataset.id === id));
  }
  renderInspector(floor);
}

export function renderInspector(floor) {
  const {store, els: {inspector}} = floor;
  const t = floor.arranging && floor.selectedId ? store.table(floor.selectedId) : null;
  const p = t ? positionOf(floor, t) : null;
  inspector.hidden = !t || !p;
  if (!t || !p) {
    floor.inspectorFor = null;
    replace(inspector);
    return;
  }
  if (floor.inspectorFor === t.id) {
    // The same table: update the values in place, so a control being used keeps its focus.
    renderInspectorValues(floor, p);
    return;
  }
  floor.inspectorFor = t.id;
  // Read at the time of the change: the store's table objects are replaced when the structure reloads.
  const current = () => store.table(t.id);
  const number = (name, label, value, min, max, stepSize) => field(label, h('input', {type: 'number', name, id: `floor-${name}`,
    value, min, max, step: stepSize, onchange: e => {
      const v = Number(e.target.value);
      const table = current();
      if (e.target.value === '' || !Number.isFinite(v) || !table || !positionOf(floor, table)) return;
      move(floor, table, normalise({...positionOf(floor, table), [name]: v}), true);
    }}));
  replace(inspector,
    h('h2', {text: `${t.name} · ${t.capacity} seats`}),
    h('div', {class: 'row'},
      field('Shape', select('shape', SHAPES, p.shape, {id: 'floor-shape', onchange: e => {
        const table = current();
        if (!table || !positionOf(floor, table)) return;
        move(floor, table, reshape(positionOf(floor, table), e.target.value), true);
      }})),
      number('width', 'Width', p.width, GRID, PLAN, GRID),
      number('height', 'Depth', p.height, GRID, PLAN, GRID),
      number('rotation', 'Turn (°)', p.rotation, 0, 359, 15)),
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'secondary small', id: 'floor-unplace', text: 'Take off the plan',
        onclick: () => { if (current()) move(floor, current(), null, true); }}),
      h('button', {type: 'button', class: 'secondary small', text: 'Deselect', onclick: () => {
        floor.selectedId = null;
        floor.render();
      }})));
}

/** Puts p's values into the inspector's controls, except the one being used. */
export function renderInspectorValues(floor, p) {
  const inspector = floor.els.inspector;
  const shape = inspector.querySelector('#floor-shape');
  if (shape && document.activeElement !== shape) shape.value = p.shape;
  for (const name of ['width', 'height', 'rotation']) {
    const input = inspector.querySelector(`#floor-${name}`);
    if (input && document.activeElement !== input) input.value = p[name];
  }
}
