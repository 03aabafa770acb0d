// Setup's seating rules (docs/seating.md): turn times by party size, service periods with their slot
// interval and pacing, and the booking window. Managers and admins edit and save the whole document
// (PUT replaces it); hosts read it. A server error names a field path (periods[0].last_seating): it is
// shown next to that input. Turn-time rows for certain weekdays or periods (set through the API) are
// listed and kept as they are.
import {explain} from '../../api.js';
import {h, replace, toast, busy, errorBox, showError} from '../../dom.js';
import {dayName} from '../../logic/hours.js';
import {fieldError} from '../../logic/problems.js';
import {periodEditor, turnRow, windowEditor} from './seating-rows.js';

export function seatingSection(card, ctx) {
  const store = ctx.store;
  const readOnly = !ctx.can('setup');
  let dirty = false;
  let turns = [];
  let larger = null;
  let periods = [];
  let win = null;
  let scoped = [];
  const turnList = h('ol', {class: 'turn-list', 'aria-label': 'Turn times'});
  const scopedList = h('ul', {class: 'turn-scoped muted'});
  const periodList = h('div', {class: 'period-list'});
  const winBox = h('div');
  const error = errorBox();
  const state = h('span', {class: 'muted', role: 'status'});
  const note = h('p', {class: 'notice warn', role: 'status', hidden: true,
    text: 'The seating rules were changed elsewhere meanwhile. Saving replaces them with what you see here.'});

  const removeTurn = el => {
    turns = turns.filter(t => t.el !== el);
    el.remove();
    changed();
  };
  const removePeriod = el => {
    periods = periods.filter(p => p.el !== el);
    el.remove();
    changed();
  };
  const addTurn = row => {
    const t = turnRow(row, {readOnly, onRemove: removeTurn});
    turns.push(t);
    turnList.insertBefore(t.el, larger?.el ?? null);
    return t;
  };
  const addPeriod = p => {
    const editor = periodEditor(p, {readOnly, onRemove: removePeriod});
    periods.push(editor);
    periodList.append(editor.el);
    return editor;
  };

  const form = h('form', {id: 'seating-form', class: 'stack', novalidate: true},
    h('fieldset', {class: 'turn-times'}, h('legend', {text: 'Turn times'}),
      h('p', {class: 'muted', text: 'How long a party keeps its table when a booking gives no duration. Each row seats parties up to its size.'}),
      turnList, scopedList,
      readOnly ? null : h('button', {type: 'button', class: 'secondary small', id: 'seating-add-turn', text: 'Add turn time',
        onclick: () => {
          addTurn(null).inputs.max_party_size.focus();
          changed();
        }})),
    h('h3', {text: 'Service periods'}),
    h('p', {class: 'muted', text: 'Lunch, dinner…: when starts are offered, the last seating, and the pacing of arrivals.'}),
    periodList,
    readOnly ? null : h('button', {type: 'button', class: 'secondary small', id: 'seating-add-period', text: 'Add service period',
      onclick: () => {
        addPeriod(null).inputs.name.focus();
        changed();
      }}),
    winBox, note, error,
    readOnly ? h('p', {class: 'muted', text: 'Managers and administrators change these rules.'})
      : h('div', {class: 'actions'}, state, h('button', {type: 'submit', class: 'primary', id: 'seating-save', text: 'Save seating rules'})));

  function changed() {
    dirty = true;
    state.textContent = 'Unsaved changes';
  }

  const fill = () => {
    const rules = store.seating ?? {turn_times: [], periods: [], booking_window: null};
    const general = rules.turn_times.filter(r => !r.period && !(r.weekdays ?? []).length);
    scoped = rules.turn_times.filter(r => r.period || (r.weekdays ?? []).length);
    turns = [];
    periods = [];
    replace(turnList);
    replace(periodList);
    larger = turnRow(general.find(r => r.max_party_size === null) ?? null, {larger: true, readOnly});
    turnList.append(larger.el);
    general.filter(r => r.max_party_size !== null).forEach(addTurn);
    replace(scopedList, scoped.map(r => h('li', {text: `${r.period ? `${r.period}, ` : ''}${(r.weekdays ?? []).map(dayName).join(', ')}`
      + `: ${r.max_party_size === null ? 'larger parties' : `up to ${r.max_party_size}`}`
      + ` → ${r.minutes} min (kept as set)`})));
    rules.periods.forEach(addPeriod);
    win = windowEditor(rules.booking_window);
    replace(winBox, win.el);
    if (readOnly) form.querySelectorAll('input, select').forEach(c => c.disabled = true);
    dirty = false;
    state.textContent = '';
    note.hidden = true;
  };

  /** The document to PUT, and where each of its field paths is shown. */
  const collect = () => {
    const where = new Map();
    const rows = [];
    const put = (row, editor) => {
      editor.inputs && Object.entries(editor.inputs).forEach(([k, el]) => where.set(`turn_times[${rows.length}].${k}`, el));
      where.set(`turn_times[${rows.length}]`, editor.el);
      rows.push(row);
    };
    for (const t of turns) put(t.value(), t);
    const big = larger.value();
    if (big) put(big, larger);
    for (const r of scoped) {
      where.set(`turn_times[${rows.length}]`, scopedList);
      rows.push(r);
    }
    const body = {
      turn_times: rows.map(compact),
      periods: periods.map((p, i) => {
        Object.entries(p.inputs).forEach(([k, el]) => where.set(`periods[${i}].${k}`, el));
        where.set(`periods[${i}]`, p.el);
        return compact(p.value());
      }),
      booking_window: compact(win.value()),
    };
    Object.entries(win.inputs).forEach(([k, el]) => where.set(`booking_window.${k}`, el));
    where.set('booking_window', win.el);
    return {body, where};
  };

  const clearErrors = () => {
    form.querySelectorAll('.field-error').forEach(e => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    showError(error, '');
  };

  /** Shows a 400 next to the input its field path names (or the nearest enclosing part), else below the form. */
  const showAt = (where, detail) => {
    const {path, message} = fieldError(detail);
    let key = path;
    while (key && !where.has(key)) {
      const up = key.replace(/(\.[a-z_]+|\[\d+\])$/, '');
      key = up === key ? null : up;
    }
    const el = key ? where.get(key) : null;
    if (!el) return showError(error, `The seating rules were not saved: ${detail}`);
    const text = h('p', {class: 'field-error', role: 'alert', dataset: {path}, text: message});
    el.setAttribute('aria-invalid', 'true');
    const anchor = el.closest('.field') ?? el.closest('label') ?? el;
    anchor.after(text);
    showError(error, 'The seating rules were not saved: see the highlighted field.');
    if (el.focus) el.focus();
  };

  form.addEventListener('input', () => changed());
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (readOnly) return;
    clearErrors();
    const {body, where} = collect();
    try {
      await busy(form, () => ctx.api.put(`/api/v1/venues/${store.id}/seating`, body));
      dirty = false;
      toast('Seating rules saved.', 'ok');
      await store.loadSeating();
    } catch (err) {
      if (err.code === 'INVALID_ARGUMENT' && err.detail) showAt(where, err.detail);
      else showError(error, explain(err, 'Saving the seating rules'));
    }
  });

  const refresh = () => {
    if (!dirty) fill();
    else note.hidden = false;
  };

  replace(card, h('h2', {id: 'setup-seating-title', text: 'Seating rules'}), form);
  fill();
  return {refresh};
}

/** The value without its null fields (the document leaves out what is not set); null when nothing is left. */
function compact(value) {
  const out = {};
  for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
