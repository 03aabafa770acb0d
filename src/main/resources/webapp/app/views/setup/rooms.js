// Setup's rooms and tables: add, rename and delete rooms; add, edit and delete their tables. The list
// is drawn again when the structure reloads (after every change, this screen's own too), keeping what
// someone is typing into an add-table form and the focus.
import {explain} from '../../api.js';
import {h, replace, field, ask, toast, busy, errorBox, showError, openDialog} from '../../dom.js';
import {tableProblem} from '../../logic/validation.js';

const V1 = '/api/v1';

export function roomsSection(card, ctx) {
  const store = ctx.store;
  const list = h('div', {class: 'setup-rooms stack', id: 'rooms'});
  const name = h('input', {name: 'name', required: true, maxLength: 100, placeholder: 'Terrace', autocomplete: 'off'});
  const error = errorBox();
  const addForm = h('form', {id: 'room-add-form', class: 'row', novalidate: true},
    field('New room', name), h('button', {type: 'submit', class: 'primary', text: 'Add room'}));
  addForm.addEventListener('submit', async e => {
    e.preventDefault();
    const value = name.value.trim();
    if (!value) {
      showError(error, 'Give the room a name, such as “Main room” or “Terrace”.');
      return name.focus();
    }
    showError(error, '');
    try {
      await busy(addForm, () => ctx.api.post(`${V1}/venues/${store.id}/rooms`, {name: value}));
      name.value = '';
      toast(`Room “${value}” added.`, 'ok');
      await reload();
      name.focus();
    } catch (err) {
      showError(error, err.code === 'ALREADY_EXISTS' ? `There is already a room called “${value}”. Choose another name.`
        : explain(err, 'Adding the room'));
    }
  });
  const reload = () => store.loadStructure().catch(err => toast(explain(err, 'Reloading the rooms'), 'error'));

  let shown = null;
  const render = () => {
    // The live feed reloads the structure after every change, this screen's own too: draw only what changed.
    const signature = JSON.stringify([store.rooms, store.tables]);
    if (signature === shown) return;
    shown = signature;
    // Keep what someone is typing into an add-table form across a reload.
    const drafts = new Map([...list.querySelectorAll('form.table-add-form')].map(f => [f.dataset.room, draftOf(f)]));
    const focused = document.activeElement;
    const focusKey = focused && list.contains(focused) ? [focused.closest('[data-id]')?.dataset.id, focused.name || focused.dataset.action] : null;
    if (store.rooms.length === 0) {
      replace(list, h('p', {class: 'muted', id: 'no-rooms', text: 'No rooms yet. Add the first one below: a dining room, a bar, a terrace.'}));
    } else {
      replace(list, store.rooms.map(room => roomBlock(room, drafts.get(room.id))));
    }
    if (focusKey?.[0]) {
      const block = list.querySelector(`[data-id="${focusKey[0]}"]`);
      const target = block && [...block.querySelectorAll('input, button')].find(x => (x.name || x.dataset.action) === focusKey[1]);
      target?.focus();
    }
  };

  const roomBlock = (room, draft) => {
    const tables = store.tablesOf(room.id);
    const seats = tables.reduce((n, t) => n + t.capacity, 0);
    return h('article', {class: 'setup-room', 'data-testid': 'room', 'data-id': room.id, 'aria-label': `Room ${room.name}`},
      h('header', {class: 'setup-room-head'},
        h('h3', {class: 'room-name', text: room.name}),
        h('span', {class: 'muted', text: `${tables.length} ${tables.length === 1 ? 'table' : 'tables'} · ${seats} ${seats === 1 ? 'seat' : 'seats'}`}),
        h('div', {class: 'actions'},
          h('button', {type: 'button', class: 'secondary small', 'data-action': 'rename-room', text: 'Rename',
            'aria-label': `Rename room ${room.name}`, onclick: () => renameRoom(room)}),
          h('button', {type: 'button', class: 'secondary small', 'data-action': 'delete-room', text: 'Delete room',
            'aria-label': `Delete room ${room.name}`, onclick: () => deleteRoom(room)}))),
      tables.length ? h('ul', {class: 'setup-tables', 'aria-label': `Tables in ${room.name}`}, tables.map(t => tableRow(t)))
        : h('p', {class: 'muted', text: 'No tables in this room yet.'}),
      tableAddForm(room, draft));
  };

  const tableRow = t => h('li', {class: 'setup-table', 'data-testid': 'table-row', 'data-id': t.id},
    h('span', {class: 'table-name', text: t.name}),
    h('span', {class: 'table-capacity', text: `${t.capacity} ${t.capacity === 1 ? 'seat' : 'seats'}`}),
    h('span', {class: ['table-merge', t.can_merge ? 'yes' : 'no'], text: t.can_merge ? 'Can merge' : 'Not mergeable'}),
    h('span', {class: 'table-zone muted', text: t.zone ? `Zone: ${t.zone}` : ''}),
    h('span', {class: 'actions'},
      h('button', {type: 'button', class: 'secondary small', 'data-action': 'edit-table', text: 'Edit',
        'aria-label': `Edit table ${t.name}`, onclick: () => editTable(t)}),
      h('button', {type: 'button', class: 'secondary small', 'data-action': 'delete-table', text: 'Delete',
        'aria-label': `Delete table ${t.name}`, onclick: () => deleteTable(t)})));

  const tableFields = (t, roomName) => {
    const c = {
      name: h('input', {name: 'name', required: true, maxLength: 50, value: t?.name ?? '', autocomplete: 'off', placeholder: 'T1'}),
      capacity: h('input', {name: 'capacity', type: 'number', required: true, min: 1, max: 100, step: 1, value: t?.capacity ?? 2, inputmode: 'numeric'}),
      canMerge: h('input', {name: 'can_merge', type: 'checkbox', checked: t?.can_merge ?? false}),
      zone: h('input', {name: 'zone', maxLength: 50, value: t?.zone ?? '', autocomplete: 'off', placeholder: 'window'}),
    };
    const suffix = roomName ? ` (${roomName})` : '';
    c.name.setAttribute('aria-label', `Table name${suffix}`);
    c.capacity.setAttribute('aria-label', `Seats${suffix}`);
    c.zone.setAttribute('aria-label', `Zone${suffix}`);
    const nodes = h('div', {class: 'row table-fields'},
      field('Table', c.name), field('Seats', c.capacity), field('Zone', c.zone),
      h('label', {class: 'check'}, c.canMerge, h('span', {text: 'Can be merged with another table'})));
    const read = () => ({name: c.name.value.trim(), capacity: Number(c.capacity.value), can_merge: c.canMerge.checked, zone: c.zone.value.trim()});
    const problem = body => {
      const wrong = tableProblem(body);
      return wrong && [c[wrong.field], wrong.message];
    };
    return {c, nodes, read, problem};
  };

  const draftOf = form => ({
    name: form.elements.name.value, capacity: form.elements.capacity.value, can_merge: form.elements.can_merge.checked,
    zone: form.elements.zone.value,
  });

  const tableAddForm = (room, draft) => {
    const f = tableFields(draft ? {...draft, capacity: draft.capacity} : null, room.name);
    const error = errorBox();
    const form = h('form', {class: 'table-add-form stack', 'data-room': room.id, novalidate: true,
      'aria-label': `Add a table to ${room.name}`},
      f.nodes, error, h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary small', 'data-action': 'add-table', text: 'Add table'})));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const body = f.read();
      const wrong = f.problem(body);
      showError(error, wrong?.[1]);
      if (wrong) return wrong[0].focus();
      try {
        await busy(form, () => ctx.api.post(`${V1}/rooms/${room.id}/tables`, body));
        toast(`Table ${body.name} added to ${room.name}.`, 'ok');
        form.reset();
        f.c.name.value = '';
        f.c.zone.value = '';
        f.c.canMerge.checked = false;
        f.c.capacity.value = String(body.capacity);
        await reload();
      } catch (err) {
        showError(error, err.code === 'ALREADY_EXISTS' ? `${room.name} already has a table called “${body.name}”. Choose another name.`
          : explain(err, 'Adding the table'));
      }
    });
    return form;
  };

  const renameRoom = room => {
    const input = h('input', {name: 'name', required: true, maxLength: 100, value: room.name, autocomplete: 'off'});
    const error = errorBox();
    const form = h('form', {id: 'room-rename-form', class: 'stack', novalidate: true}, field('Room name', input), error,
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => d.close()}),
        h('button', {type: 'submit', class: 'primary', text: 'Rename room'})));
    const d = openDialog({title: `Rename ${room.name}`, content: form, className: 'small'});
    input.select();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const value = input.value.trim();
      if (!value) return showError(error, 'The room needs a name.');
      if (value === room.name) return d.close();
      try {
        await busy(form, () => ctx.api.put(`${V1}/rooms/${room.id}`, {name: value}));
        d.close();
        toast(`Room renamed to “${value}”.`, 'ok');
        await reload();
      } catch (err) {
        showError(error, err.code === 'ALREADY_EXISTS' ? `There is already a room called “${value}”.` : explain(err, 'Renaming the room'));
      }
    });
  };

  const deleteRoom = async room => {
    const count = store.tablesOf(room.id).length;
    const yes = await ask({title: 'Delete room?', danger: true, confirm: 'Delete room',
      message: count ? `“${room.name}” and its ${count} ${count === 1 ? 'table' : 'tables'} will be deleted. Past bookings keep their history.`
        : `“${room.name}” will be deleted.`});
    if (!yes) return;
    try {
      await ctx.api.del(`${V1}/rooms/${room.id}`);
      toast(`Room “${room.name}” deleted.`, 'ok');
      await reload();
    } catch (err) {
      toast(err.code === 'HAS_FUTURE_BOOKINGS'
        ? `“${room.name}” cannot be deleted: its tables have bookings still to come. Move or cancel them first.`
        : explain(err, 'Deleting the room'), 'error');
    }
  };

  const editTable = t => {
    const f = tableFields(t);
    const error = errorBox();
    const form = h('form', {id: 'table-edit-form', class: 'stack', novalidate: true}, f.nodes, error,
      t.position ? h('p', {class: 'muted', text: 'Its place on the floor plan stays as it is.'}) : null,
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => d.close()}),
        h('button', {type: 'submit', class: 'primary', text: 'Save table'})));
    const d = openDialog({title: `Table ${t.name}`, content: form});
    f.c.name.focus();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const body = f.read();
      const wrong = f.problem(body);
      showError(error, wrong?.[1]);
      if (wrong) return wrong[0].focus();
      // PUT replaces the table: its position goes along as it is now on the server (someone may have
      // moved it on the floor plan meanwhile), or the floor plan would lose it.
      try {
        await busy(form, async () => {
          const current = await ctx.api.get(`${V1}/tables/${t.id}`);
          await ctx.api.put(`${V1}/tables/${t.id}`, {...body, position: current.position ?? null});
        });
        d.close();
        toast(`Table ${body.name} saved.`, 'ok');
        await reload();
      } catch (err) {
        showError(error, err.code === 'ALREADY_EXISTS' ? `This room already has a table called “${body.name}”.` : explain(err, 'Saving the table'));
      }
    });
  };

  const deleteTable = async t => {
    const yes = await ask({title: 'Delete table?', danger: true, confirm: 'Delete table',
      message: `Table ${t.name} (${t.capacity} seats) will be deleted.`});
    if (!yes) return;
    try {
      await ctx.api.del(`${V1}/tables/${t.id}`);
      toast(`Table ${t.name} deleted.`, 'ok');
      await reload();
    } catch (err) {
      toast(err.code === 'HAS_FUTURE_BOOKINGS'
        ? `Table ${t.name} cannot be deleted: it has bookings still to come. Move or cancel them first.`
        : explain(err, 'Deleting the table'), 'error');
    }
  };

  replace(card, h('h2', {id: 'setup-rooms-title', text: 'Rooms and tables'}), list, addForm, error);
  render();
  return {render};
}
