// Arranging tables on the plan (managers and admins): dragging a table (pointer: mouse, pen or touch),
// moving it with the keyboard, and dragging an unplaced table from the list onto its room's plan.
import {h} from '../../dom.js';
import {PLAN, defaultSize, keyMove, normalise} from '../../logic/plan.js';
import {choose, renderInspectorValues} from './inspector.js';
import {move} from './save.js';
import {positionOf} from './state.js';

/** Puts a table's element at position p of the plan (in per cent of the plan, turned by its rotation). */
export function place(el, p) {
  el.style.left = `${p.x / 10}%`;
  el.style.top = `${p.y / 10}%`;
  el.style.width = `${p.width / 10}%`;
  el.style.height = `${p.height / 10}%`;
  const shape = el.querySelector('.floor-table-shape');
  if (shape) shape.style.transform = p.rotation ? `rotate(${p.rotation}deg)` : '';
}

/** Arrow keys move the table (Shift: bigger steps), R turns it (Shift+R back), Escape lets go. */
export function onKey(floor, e, t, el) {
  if (!floor.arranging) return;
  const p = positionOf(floor, t);
  if (!p) return;
  if (e.key === 'Escape') {
    floor.selectedId = null;
    floor.render();
    return;
  }
  const next = keyMove(p, e.key, e.shiftKey);
  if (!next) return;
  e.preventDefault();
  if (floor.selectedId !== t.id) choose(floor, t.id);
  floor.pending.set(t.id, next);
  place(el, next);
  el.classList.add('saving');
  // Keys repeat: save once the keys rest for a moment.
  clearTimeout(el.saveTimer);
  el.saveTimer = setTimeout(() => move(floor, t, next, false), 500);
  renderInspectorValues(floor, next);
}

/** A pointer event's point in plan units. */
function planPoint(plan, e) {
  const r = plan.getBoundingClientRect();
  return {x: (e.clientX - r.left) / r.width * PLAN, y: (e.clientY - r.top) / r.height * PLAN, rect: r};
}

/** Drags a placed table; a press without a move selects it. */
export function startDrag(floor, e, t, el) {
  if (!floor.arranging || e.button > 0) return;
  const plan = el.closest('.floor-plan');
  const start = positionOf(floor, t);
  const r = plan.getBoundingClientRect();
  floor.drag = {t, el, start, x0: e.clientX, y0: e.clientY, scale: PLAN / r.width, scaleY: PLAN / r.height, moved: false, next: start};
  el.setPointerCapture?.(e.pointerId);
  el.classList.add('dragging');
  el.focus();
  const onMove = ev => {
    const drag = floor.drag;
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
    const d = floor.drag;
    floor.drag = null;
    if (ev.type === 'pointercancel' || !d.moved) {
      place(el, start);
      choose(floor, t.id);
      if (floor.renderQueued) floor.render();
      return;
    }
    floor.selectedId = t.id;
    if (JSON.stringify(d.next) === JSON.stringify(start)) {
      choose(floor, t.id); // moved less than a grid step: nothing to save
      if (floor.renderQueued) floor.render();
      return;
    }
    move(floor, t, d.next, true);
  };
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', onEnd);
  el.addEventListener('pointercancel', onEnd);
  e.preventDefault();
}

/** Drags an unplaced table from the list onto its room's plan (a floating copy follows the pointer). */
export function startPlacing(floor, e, t, room, item) {
  const plan = floor.els.rooms.querySelector(`.floor-plan[data-room="${room.id}"]`);
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
  floor.drag = {t, placing: true};
  item.setPointerCapture?.(e.pointerId);
  const onEnd = ev => {
    item.removeEventListener('pointermove', follow);
    item.removeEventListener('pointerup', onEnd);
    item.removeEventListener('pointercancel', onEnd);
    ghost.remove();
    floor.drag = null;
    const at = planPoint(plan, ev);
    const inside = ev.type === 'pointerup' && at.x >= 0 && at.y >= 0 && at.x <= PLAN && at.y <= PLAN;
    if (inside) {
      floor.selectedId = t.id;
      move(floor, t, normalise({...size, rotation: 0, x: at.x - size.width / 2, y: at.y - size.height / 2}), true);
    } else if (floor.renderQueued) {
      floor.render();
    }
  };
  item.addEventListener('pointermove', follow);
  item.addEventListener('pointerup', onEnd);
  item.addEventListener('pointercancel', onEnd);
  e.preventDefault();
}
