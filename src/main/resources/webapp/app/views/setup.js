// Venue setup, for managers and admins: the venue's details, its rooms and tables, the weekly opening
// hours (several ranges a day, overnight closing) and special days. Admins also create and delete
// venues. Every change goes through the documented REST API; the store reloads what changed (and the
// live feed tells the other screens).
import {explain} from '../api.js';
import {h, replace, field, ask, toast, busy, errorBox, showError, openDialog} from '../dom.js';
import {formatClock, formatDate, minutesOf, timeOf, today, weekday} from '../time.js';

const V1 = '/api/v1';
// Monday first on screen; the API counts 0 = Sunday … 6 = Saturday.
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const MAX_RANGES = 12;
const LANGUAGE = /^$|^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$/;
const PHONE = /^[0-9 +()\-]*$/;
const EMAIL = /^$|^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

const dayNameFormat = new Intl.DateTimeFormat(undefined, {weekday: 'long', timeZone: 'UTC'});
/** The weekday's name in the browser's language (0 = Sunday). 2023-01-01 was a Sunday. */
export function dayName(weekday) {
  return dayNameFormat.format(Date.UTC(2023, 0, 1 + weekday, 12));
}

export async function mount(container, ctx) {
  const cleanups = [];
  const dispose = () => cleanups.splice(0).forEach(f => f());

  if (!ctx.can('setup')) {
    replace(container, h('section', {class: 'card empty'}, h('h1', {text: 'Setup'}),
      h('p', {text: 'Setting up a venue is for managers and administrators. Ask one of them if something needs to change.'})));
    return dispose;
  }
  const store = ctx.store;
  if (!store || !store.venue) {
    replace(container, firstVenue(ctx));
    return dispose;
  }

  const venueCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-venue-title'});
  const roomsCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-rooms-title'});
  const hoursCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-hours-title'});
  const specialCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-special-title'});

  const venue = venueSection(venueCard, ctx);
  const rooms = roomsSection(roomsCard, ctx);
  const hours = hoursSection(hoursCard, ctx);
  const special = specialSection(specialCard, ctx);

  const toolbar = h('div', {class: 'toolbar'},
    h('h1', {class: 'title', id: 'setup-title', text: `Setup · ${store.venue.name}`}),
    ctx.can('create-venue') ? h('button', {type: 'button', id: 'new-venue', class: 'secondary', text: 'New venue',
      onclick: () => newVenueDialog(ctx)}) : null);

  const danger = ctx.can('create-venue') ? h('section', {class: 'card stack setup-danger', 'aria-labelledby': 'setup-danger-title'},
    h('h2', {id: 'setup-danger-title', text: 'Delete this venue'}),
    h('p', {class: 'muted', text: 'Deleting removes the venue with its rooms, tables and hours for everyone. It is refused while bookings are still to come.'}),
    h('div', {class: 'actions'}, h('button', {type: 'button', id: 'delete-venue', class: 'danger', text: 'Delete venue',
      onclick: () => deleteVenue(ctx)}))) : null;

  replace(container, h('div', {class: 'setup'}, toolbar,
    h('div', {class: 'setup-grid'}, venueCard, hoursCard, roomsCard, specialCard, danger)));

  const onVenue = () => {
    venue.refresh();
    const title = container.querySelector('#setup-title');
    if (title && store.venue) title.textContent = `Setup · ${store.venue.name}`;
  };
  const onStructure = () => rooms.render();
  const onSchedule = () => {
    hours.refresh();
    special.render();
  };
  store.addEventListener('venue', onVenue);
  store.addEventListener('structure', onStructure);
  store.addEventListener('schedule', onSchedule);
  cleanups.push(() => {
    store.removeEventListener('venue', onVenue);
    store.removeEventListener('structure', onStructure);
    store.removeEventListener('schedule', onSchedule);
  });
  return dispose;
}

// ---------------------------------------------------------------- venue details

function timeZones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A <select> of every time zone the browser knows, grouped by region, with current selected. */
function zoneSelect(current) {
  const zones = timeZones();
  if (zones.length === 0) {
    return h('input', {name: 'timezone', value: current, required: true, autocomplete: 'off', spellcheck: 'false'});
  }
  const all = new Set(zones);
  const extra = ['UTC', current].filter(z => z && !all.has(z));
  const groups = new Map();
  for (const z of zones) {
    const region = z.includes('/') ? z.slice(0, z.indexOf('/')) : 'Other';
    if (!groups.has(region)) groups.set(region, []);
    groups.get(region).push(z);
  }
  return h('select', {name: 'timezone', required: true},
    extra.map(z => h('option', {value: z, selected: z === current, text: z.replaceAll('_', ' ')})),
    [...groups].map(([region, list]) => h('optgroup', {label: region},
      list.map(z => h('option', {value: z, selected: z === current, text: z.replaceAll('_', ' ')})))));
}

/** The controls of a venue's details, filled from venue (or empty); read() returns the request body. */
function venueFields(venue) {
  const c = {
    name: h('input', {name: 'name', required: true, maxLength: 200, value: venue?.name ?? '', autocomplete: 'organization'}),
    timezone: zoneSelect(venue?.timezone || browserZone()),
    address: h('textarea', {name: 'address', maxLength: 500, rows: 2, value: venue?.address ?? '', autocomplete: 'street-address'}),
    phone: h('input', {name: 'phone', type: 'tel', maxLength: 40, value: venue?.phone ?? '', autocomplete: 'tel'}),
    email: h('input', {name: 'email', type: 'email', maxLength: 254, value: venue?.email ?? '', autocomplete: 'email'}),
    description: h('textarea', {name: 'description', maxLength: 2000, rows: 3, value: venue?.description ?? ''}),
    language: h('input', {name: 'language', maxLength: 35, value: venue?.language ?? '', autocomplete: 'off', spellcheck: 'false',
      placeholder: 'en'}),
  };
  const nodes = [
    h('div', {class: 'row'}, field('Name', c.name), field('Time zone', c.timezone, 'Opening hours and bookings are in this zone.')),
    field('Address', c.address),
    h('div', {class: 'row'}, field('Phone', c.phone, 'Digits, spaces, + ( ) -'), field('Email', c.email)),
    field('Description', c.description),
    field('Guests’ language', c.language, 'The language of messages to guests, as a language tag: en, de, de-CH, fr-CA. Empty: English.'),
  ];
  const read = () => ({
    name: c.name.value.trim(),
    timezone: c.timezone.value,
    address: c.address.value.trim(),
    phone: c.phone.value.trim(),
    email: c.email.value.trim(),
    description: c.description.value.trim(),
    language: c.language.value.trim(),
  });
  /** A sentence for the first thing wrong, or ''. */
  const problem = body => {
    if (!body.name) return 'Give the venue a name.';
    if (!body.timezone) return 'Choose the venue’s time zone.';
    if (!PHONE.test(body.phone)) return 'The phone number may only have digits, spaces and + ( ) -.';
    if (!EMAIL.test(body.email)) return 'The email address does not look right (name@example.com).';
    if (!LANGUAGE.test(body.language)) return 'The language should be a tag such as en, de, de-CH or fr-CA (or empty for English).';
    return '';
  };
  const focus = body => {
    if (!body.name) return c.name;
    if (!PHONE.test(body.phone)) return c.phone;
    if (!EMAIL.test(body.email)) return c.email;
    if (!LANGUAGE.test(body.language)) return c.language;
    return null;
  };
  return {c, nodes, read, problem, focus};
}

/** A form creating a venue; afterwards the app goes to the new venue's setup. */
function venueCreateForm(ctx, onDone) {
  const fields = venueFields(null);
  const error = errorBox();
  const form = h('form', {id: 'venue-create-form', class: 'stack', novalidate: true},
    fields.nodes, error,
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', text: 'Create venue'})));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = fields.read();
    const wrong = fields.problem(body);
    showError(error, wrong);
    if (wrong) return fields.focus(body)?.focus();
    try {
      const created = await busy(form, () => ctx.api.post(`${V1}/venues`, body));
      onDone?.();
      toast(`Venue “${created.name}” created. Now add its rooms, tables and hours.`, 'ok');
      await ctx.venuesChanged();
      ctx.go('setup', {venue: created.id});
    } catch (err) {
      showError(error, explain(err, 'Creating the venue'));
    }
  });
  return form;
}

function firstVenue(ctx) {
  if (!ctx.can('create-venue')) {
    return h('section', {class: 'card empty'}, h('h1', {text: 'No venue yet'}),
      h('p', {text: 'No venue is assigned to you yet. Ask an administrator to add you to one.'}));
  }
  const form = venueCreateForm(ctx);
  return h('section', {class: 'card stack setup-first', 'aria-labelledby': 'first-venue-title'},
    h('h1', {id: 'first-venue-title', text: 'Create your first venue'}),
    h('p', {class: 'muted', text: 'Start with the venue’s name and time zone; you can fill in the rest, then add rooms, tables and opening hours.'}),
    form);
}

function newVenueDialog(ctx) {
  let d;
  const form = venueCreateForm(ctx, () => d.close());
  d = openDialog({title: 'New venue', content: form});
  form.querySelector('input[name=name]').focus();
}

async function deleteVenue(ctx) {
  const venue = ctx.store.venue;
  const yes = await ask({title: 'Delete venue?', danger: true, confirm: 'Delete venue',
    message: `“${venue.name}” will be deleted with its rooms, tables and opening hours, for everyone. This cannot be undone.`});
  if (!yes) return;
  try {
    await ctx.api.del(`${V1}/venues/${venue.id}`);
    toast(`Venue “${venue.name}” deleted.`, 'ok');
    await ctx.venuesChanged();
    ctx.go('setup', {});
  } catch (err) {
    if (err.code === 'HAS_FUTURE_BOOKINGS') {
      tell('The venue still has bookings',
        `“${venue.name}” cannot be deleted while bookings are still to come. Cancel or finish them first, then delete the venue. (${err.detail})`);
    } else {
      toast(explain(err, 'Deleting the venue'), 'error');
    }
  }
}

/** A message that needs reading (not a question): one OK button. */
function tell(title, message) {
  const ok = h('button', {type: 'button', class: 'primary', text: 'OK', onclick: () => d.close()});
  const d = openDialog({title, className: 'small', content: h('div', {class: 'stack'}, h('p', {role: 'alert', text: message}),
    h('div', {class: 'actions'}, ok))});
  ok.focus();
}

function venueSection(card, ctx) {
  const store = ctx.store;
  let fields;
  let dirty = false;
  const error = errorBox();
  const note = h('p', {class: 'notice warn', role: 'status', hidden: true,
    text: 'Someone else changed these details meanwhile. Saving replaces their change with what you see here.'});
  const form = h('form', {id: 'venue-form', class: 'stack', novalidate: true});
  let known = null;
  const fill = () => {
    known = JSON.stringify(store.venue);
    fields = venueFields(store.venue);
    replace(form, fields.nodes, note, error,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', text: 'Save details'})));
    dirty = false;
    note.hidden = true;
  };
  form.addEventListener('input', () => dirty = true);
  form.addEventListener('change', () => dirty = true);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = fields.read();
    const wrong = fields.problem(body);
    showError(error, wrong);
    if (wrong) return fields.focus(body)?.focus();
    const renamed = body.name !== store.venue.name;
    try {
      // PUT replaces the venue: every field goes, so nothing is cleared by accident.
      const saved = await busy(form, () => ctx.api.put(`${V1}/venues/${store.id}`, body));
      dirty = false;
      toast('Venue details saved.', 'ok');
      store.venue = saved;
      known = null;
      store.emit('venue');
      // The header's venue list shows the name: re-read it (this shows the screen again).
      if (renamed) await ctx.venuesChanged();
    } catch (err) {
      showError(error, explain(err, 'Saving the venue'));
    }
  });
  fill();
  replace(card, h('h2', {id: 'setup-venue-title', text: 'Venue details'}), form);
  return {
    refresh() {
      // The live feed echoes this screen's own save: only a different venue is news.
      if (JSON.stringify(store.venue) === known) return;
      if (dirty) note.hidden = false;
      else fill();
    },
  };
}

// ---------------------------------------------------------------- rooms and tables

function roomsSection(card, ctx) {
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
      if (!body.name) return [c.name, 'Give the table a name, such as “T1” or “Window 2”.'];
      if (!Number.isInteger(body.capacity) || body.capacity < 1 || body.capacity > 100) return [c.capacity, 'Seats must be a whole number from 1 to 100.'];
      return null;
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

// ---------------------------------------------------------------- opening hours

/** A range as minutes [start, start + length) from its day's midnight; open = close is 24 hours. */
function span(r) {
  const open = minutesOf(r.open);
  let close = minutesOf(r.close);
  if (close <= open) close += 1440;
  return {open, close};
}

function rangeText(r) {
  return `${formatClock(r.open)}–${formatClock(r.close)}`;
}

/**
 * The first overlap among ranges, as a sentence, or ''. items: [{label, open, close, offset}] where
 * offset is the minutes of the day's start (the week is a circle of period minutes, 0 for one day).
 */
function overlap(items, period) {
  const spans = items.map(it => {
    const s = span(it);
    return {it, start: it.offset + s.open, end: it.offset + s.close};
  }).sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < spans.length; i++) {
    if (spans[i + 1].start < spans[i].end) return clash(spans[i].it, spans[i + 1].it);
  }
  if (period && spans.length > 1) {
    const first = spans[0];
    const last = spans[spans.length - 1];
    if (first.start + period < last.end) return clash(last.it, first.it);
  }
  return '';
}

function clash(a, b) {
  return `${a.label} ${rangeText(a)} overlaps ${b.label} ${rangeText(b)}. Change one of them so they do not cross.`;
}

/**
 * An editor of opening ranges: rows of open/close time inputs with remove buttons, an add button,
 * "Closed" when there are none, and "closes next day" on overnight ranges.
 */
function rangesEditor(label, ranges, onChange) {
  const box = h('div', {class: 'ranges'});
  const list = h('div', {class: 'range-list'});
  const add = h('button', {type: 'button', class: 'secondary small', 'data-action': 'add-range', text: 'Add hours',
    'aria-label': `Add opening hours on ${label}`});
  let items = ranges.map(r => ({...r}));
  const render = () => {
    if (items.length === 0) {
      replace(list, h('span', {class: 'closed-label', text: 'Closed'}));
    } else {
      replace(list, items.map((r, i) => {
        const n = items.length > 1 ? ` (range ${i + 1})` : '';
        const open = h('input', {type: 'time', name: 'open', value: r.open, required: true, 'aria-label': `${label} opens${n}`});
        const close = h('input', {type: 'time', name: 'close', value: r.close, required: true, 'aria-label': `${label} closes${n}`});
        const next = h('span', {class: 'next-day', 'aria-live': 'polite'});
        const mark = () => {
          next.textContent = r.open && r.close ? (r.open === r.close ? 'open 24 hours' : minutesOf(r.close) < minutesOf(r.open) ? 'closes next day' : '') : '';
        };
        const update = () => {
          r.open = open.value;
          r.close = close.value;
          mark();
          onChange();
        };
        open.addEventListener('input', update);
        close.addEventListener('input', update);
        open.addEventListener('change', update);
        close.addEventListener('change', update);
        mark();
        return h('div', {class: 'range', 'data-testid': 'range'},
          open, h('span', {class: 'range-dash', 'aria-hidden': 'true', text: '–'}), close, next,
          h('button', {type: 'button', class: 'secondary small', 'data-action': 'remove-range', text: 'Remove',
            'aria-label': `Remove ${label} hours${n}`, onclick: () => {
              items.splice(i, 1);
              render();
              onChange();
              add.focus();
            }}));
      }));
    }
    add.disabled = items.length >= MAX_RANGES;
  };
  add.addEventListener('click', () => {
    const last = items[items.length - 1];
    items.push(last && last.close ? {open: last.close, close: timeOf(minutesOf(last.close) + 180)} : {open: '12:00', close: '15:00'});
    render();
    onChange();
    list.querySelectorAll('input[name=open]')[items.length - 1]?.focus();
  });
  render();
  replace(box, list, add);
  return {
    el: box,
    get: () => items.map(r => ({...r})),
    set: next => {
      items = next.map(r => ({...r}));
      render();
    },
  };
}

function hoursSection(card, ctx) {
  const store = ctx.store;
  let dirty = false;
  const editors = new Map();
  const error = errorBox();
  const state = h('span', {class: 'muted', role: 'status'});
  const note = h('p', {class: 'notice warn', role: 'status', hidden: true,
    text: 'The hours were changed elsewhere meanwhile. Saving replaces them with what you see here.'});
  const changed = () => {
    dirty = true;
    state.textContent = 'Unsaved changes';
    showError(error, '');
  };
  const days = WEEK_ORDER.map(wd => {
    const ed = rangesEditor(dayName(wd), [], changed);
    editors.set(wd, ed);
    return h('div', {class: 'hours-day', 'data-testid': 'hours-day', 'data-weekday': wd},
      h('span', {class: 'day-name', text: dayName(wd)}), ed.el);
  });
  const copy = (targets, what) => {
    const monday = editors.get(1).get();
    targets.forEach(wd => editors.get(wd).set(monday));
    changed();
    toast(`Monday’s hours copied to ${what}. Save to keep them.`);
  };
  const form = h('form', {id: 'hours-form', class: 'stack', novalidate: true},
    h('p', {class: 'muted', text: 'A day can have several ranges (lunch and dinner). A closing time earlier than the opening time closes after midnight.'}),
    h('div', {class: 'hours-week'}, days),
    h('div', {class: 'toolbar'},
      h('button', {type: 'button', class: 'secondary small', id: 'copy-monday-weekdays', text: 'Copy Monday to all weekdays',
        title: 'Tuesday to Friday', onclick: () => copy([2, 3, 4, 5], 'Tuesday to Friday')}),
      h('button', {type: 'button', class: 'secondary small', id: 'copy-monday-all', text: 'Copy Monday to every day',
        onclick: () => copy([2, 3, 4, 5, 6, 0], 'every day')})),
    note, error,
    h('div', {class: 'actions'}, state, h('button', {type: 'submit', class: 'primary', text: 'Save weekly hours'})));

  let known = null;
  const fill = () => {
    known = JSON.stringify(store.hours);
    for (const wd of WEEK_ORDER) {
      editors.get(wd).set(store.hours.filter(d => d.weekday === wd)
        .map(d => ({open: d.open_time, close: d.close_time}))
        .sort((a, b) => minutesOf(a.open) - minutesOf(b.open)));
    }
    dirty = false;
    note.hidden = true;
  };

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const week = [];
    for (const wd of WEEK_ORDER) {
      const ranges = editors.get(wd).get();
      for (let i = 0; i < ranges.length; i++) {
        const r = ranges[i];
        if (!r.open || !r.close) {
          showError(error, `${dayName(wd)}: enter both the opening and the closing time of every range (or remove it).`);
          return form.querySelector(`[data-weekday="${wd}"] input:invalid, [data-weekday="${wd}"] input[type=time]`)?.focus();
        }
        week.push({weekday: wd, label: dayName(wd), open: r.open, close: r.close, offset: wd * 1440});
      }
    }
    const wrong = overlap(week, 7 * 1440);
    if (wrong) return showError(error, wrong);
    showError(error, '');
    if (week.length === 0) {
      const yes = await ask({title: 'Closed every day?', confirm: 'Save as closed', danger: true,
        message: 'No day has opening hours: the venue will take no bookings until hours are added (special days still count).'});
      if (!yes) return;
    }
    const body = {days: week.sort((a, b) => a.weekday - b.weekday || minutesOf(a.open) - minutesOf(b.open))
      .map(r => ({weekday: r.weekday, open_time: r.open, close_time: r.close}))};
    try {
      await busy(form, () => ctx.api.post(`${V1}/venues/${store.id}/schedule`, body));
      dirty = false;
      state.textContent = 'Saved';
      toast('Weekly hours saved.', 'ok');
      await store.loadSchedule();
    } catch (err) {
      showError(error, explainHours(err, body.days));
    }
  });

  fill();
  replace(card, h('h2', {id: 'setup-hours-title', text: 'Weekly opening hours'}), form);
  return {
    refresh() {
      if (JSON.stringify(store.hours) === known) return;
      if (dirty) note.hidden = false;
      else fill();
    },
  };
}

/** The server's answer about the week, with days[i] turned into the weekday and times it was. */
function explainHours(err, days) {
  if (err.code !== 'INVALID_ARGUMENT' || !err.detail) return explain(err, 'Saving the hours');
  const text = err.detail.replace(/days\[(\d+)\](\.\w+)?/g, (m, i) => {
    const d = days[Number(i)];
    return d ? `${dayName(d.weekday)} ${rangeText({open: d.open_time, close: d.close_time})}` : m;
  });
  return `The hours were not saved: ${text}`;
}

// ---------------------------------------------------------------- special days

function specialSection(card, ctx) {
  const store = ctx.store;
  const list = h('ul', {class: 'special-list', id: 'special-list', 'aria-label': 'Special days'});
  const date = h('input', {type: 'date', name: 'date', required: true, min: today(store.zone)});
  const closed = h('input', {type: 'checkbox', name: 'is_closed', checked: true});
  const editor = rangesEditor('that day', [], () => showError(error, ''));
  const rangesBox = h('div', {class: 'special-ranges', hidden: true},
    h('span', {class: 'field-label', text: 'Open on that day'}), editor.el);
  const replacing = h('p', {class: 'muted', role: 'status'});
  const error = errorBox();
  const form = h('form', {id: 'special-form', class: 'stack', novalidate: true},
    h('p', {class: 'muted', text: 'A special day replaces the weekly hours on one date: closed for a holiday, or other hours.'}),
    h('div', {class: 'row'}, field('Date', date),
      h('label', {class: 'check'}, closed, h('span', {text: 'Closed all day'}))),
    rangesBox, replacing, error,
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', text: 'Save special day'})));

  const syncClosed = () => {
    rangesBox.hidden = closed.checked;
    if (!closed.checked && editor.get().length === 0) editor.set([{open: '12:00', close: '15:00'}]);
  };
  const syncDate = () => {
    const known = store.specials.find(s => s.date === date.value);
    replacing.textContent = known ? `${formatDate(date.value)} already has special hours; saving replaces them.` : '';
  };
  closed.addEventListener('change', syncClosed);
  date.addEventListener('input', syncDate);
  date.addEventListener('change', syncDate);

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
      showError(error, 'Pick the date.');
      return date.focus();
    }
    const ranges = closed.checked ? [] : editor.get();
    if (!closed.checked) {
      if (ranges.length === 0) return showError(error, 'Add the hours of that day, or tick “Closed all day”.');
      if (ranges.some(r => !r.open || !r.close)) return showError(error, 'Enter both the opening and the closing time of every range (or remove it).');
      const wrong = overlap(ranges.map(r => ({...r, label: 'The range', offset: 0})), 0);
      if (wrong) return showError(error, wrong);
    }
    const body = {date: date.value, is_closed: closed.checked, ranges: ranges.map(r => ({open_time: r.open, close_time: r.close}))};
    try {
      await busy(form, () => ctx.api.post(`${V1}/venues/${store.id}/special-hours`, body));
      toast(`${formatDate(body.date)}: ${body.is_closed ? 'closed' : 'special hours'} saved.`, 'ok');
      date.value = '';
      closed.checked = true;
      editor.set([]);
      syncClosed();
      syncDate();
      showError(error, '');
      await store.loadSchedule();
    } catch (err) {
      showError(error, explain(err, 'Saving the special day'));
    }
  });

  const edit = s => {
    date.value = s.date;
    closed.checked = s.is_closed;
    editor.set(s.ranges.map(r => ({open: r.open_time, close: r.close_time})));
    syncClosed();
    syncDate();
    date.focus();
  };

  const remove = async s => {
    const yes = await ask({title: 'Remove special day?', confirm: 'Remove',
      message: `${formatDate(s.date)} goes back to the usual ${dayName(weekday(s.date))} hours.`});
    if (!yes) return;
    try {
      await ctx.api.del(`${V1}/venues/${store.id}/special-hours/${s.date}`);
      toast(`${formatDate(s.date)} uses the weekly hours again.`, 'ok');
      await store.loadSchedule();
    } catch (err) {
      toast(explain(err, 'Removing the special day'), 'error');
    }
  };

  const render = () => {
    const specials = [...store.specials].sort((a, b) => a.date.localeCompare(b.date));
    if (specials.length === 0) {
      replace(list, h('li', {class: 'muted', text: 'No special days ahead.'}));
    } else {
      replace(list, specials.map(s => h('li', {class: 'special-day', 'data-testid': 'special-day', 'data-date': s.date},
        h('span', {class: 'special-date', text: formatDate(s.date)}),
        h('span', {class: s.is_closed ? 'special-closed' : 'special-hours',
          text: s.is_closed ? 'Closed' : s.ranges.map(r => {
            const t = rangeText({open: r.open_time, close: r.close_time});
            return minutesOf(r.close_time) <= minutesOf(r.open_time) ? `${t} (next day)` : t;
          }).join(', ')}),
        h('span', {class: 'actions'},
          h('button', {type: 'button', class: 'secondary small', 'data-action': 'edit-special', text: 'Change',
            'aria-label': `Change ${formatDate(s.date)}`, onclick: () => edit(s)}),
          h('button', {type: 'button', class: 'secondary small', 'data-action': 'delete-special', text: 'Remove',
            'aria-label': `Remove special day ${formatDate(s.date)}`, onclick: () => remove(s)})))));
    }
    syncDate();
  };

  syncClosed();
  replace(card, h('h2', {id: 'setup-special-title', text: 'Special days'}), list, form);
  render();
  return {render};
}
