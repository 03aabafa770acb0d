// Setup's venue details: the form that edits them (and creates a venue), the first venue of a new
// installation, and deleting a venue (admins).
import {explain} from '../../api.js';
import {h, replace, field, ask, toast, busy, errorBox, showError, openDialog} from '../../dom.js';
import {venueProblems} from '../../logic/validation.js';

const V1 = '/api/v1';

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
  const problem = body => venueProblems(body)[0]?.message ?? '';
  /** The control of the first thing wrong that is typed in (the zone is chosen from a list), or null. */
  const focus = body => c[venueProblems(body).find(x => x.field !== 'timezone')?.field] ?? null;
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

export function firstVenue(ctx) {
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

export function newVenueDialog(ctx) {
  let d;
  const form = venueCreateForm(ctx, () => d.close());
  d = openDialog({title: 'New venue', content: form});
  form.querySelector('input[name=name]').focus();
}

export async function deleteVenue(ctx) {
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

export function venueSection(card, ctx) {
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
