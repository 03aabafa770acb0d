// Saving a table's place on the floor plan: shown at once, saved as a full PUT of the table (PUT
// replaces), one request per table at a time with the latest position, rolled back with an explanation
// when the server refuses it.
import {explain} from '../../api.js';
import {toast, showError} from '../../dom.js';
import {tableBody} from '../../logic/plan.js';
import {queueRender} from './state.js';

/** Shows position (null: off the plan) at once and saves the whole table; rerender draws the rooms again now. */
export function move(floor, t, position, rerender) {
  showError(floor.els.error, '');
  floor.pending.set(t.id, position);
  if (rerender) floor.render();
  save(floor, t.id);
}

async function save(floor, id) {
  const {store, pending, saving} = floor;
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
        const saved = await floor.ctx.api.put(`/api/v1/tables/${id}`, tableBody(t, position));
        // The store reloads the structure on the live event; until then it shows the saved table.
        store.putTable(saved);
        if (pending.get(id) === position) pending.delete(id);
      } catch (err) {
        if (pending.get(id) === position) pending.delete(id);
        const message = `${t.name} could not be moved: ${explain(err, 'Saving the table')}`;
        showError(floor.els.error, message);
        toast(message, 'error');
      }
    } while (s.again && !floor.disposed);
  } finally {
    saving.delete(id);
    if (!floor.disposed) queueRender(floor);
  }
}
