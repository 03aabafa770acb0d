// A booking's details and actions, the new-booking form and the reschedule form. Opened from any
// screen: openBooking(ctx, id), openNewBooking(ctx, preset).
import {h, replace, openDialog, ask, field, errorBox, showError, busy, toast, select} from '../dom.js';
import {explain, newKey} from '../api.js';
import {formatTime, formatDate, formatDateTime, formatClock, today, wallClock} from '../logic/time.js';

export const STATUS_LABEL = {
  held: 'Held', confirmed: 'Confirmed', seated: 'Seated', finished: 'Finished',
  cancelled: 'Cancelled', expired: 'Expired', no_show: 'No-show',
};

const EVENT_LABEL = {
  'booking.held': 'Held', 'booking.confirmed': 'Confirmed', 'booking.seated': 'Seated', 'booking.finished': 'Finished',
  'booking.cancelled': 'Cancelled', 'booking.expired': 'Hold expired', 'booking.no_show': 'Marked no-show',
  'booking.rescheduled': 'Moved',
};

const DURATIONS = [60, 75, 90, 105, 120, 150, 180, 210, 240, 300];

export function statusBadge(status) {
  return h('span', {class: ['status', status], text: STATUS_LABEL[status] ?? status});
}

/** "T1" or "T1 + T2" for the tables a booking holds. */
export function tableNames(store, booking) {
  const ids = booking.tables?.length ? booking.tables.map(t => t.table_id) : [booking.table.table_id];
  return ids.map(id => store.table(id)?.name ?? 'removed table').join(' + ');
}

export function timeRange(store, booking) {
  return `${formatTime(booking.starts_at * 1000, store.zone)}–${formatTime(booking.ends_at * 1000, store.zone)}`;
}

/** The details of booking id, kept live, with the actions its status allows. */
export async function openBooking(ctx, id) {
  const {api, store} = ctx;
  let booking;
  try {
    booking = await api.get(`/api/v1/bookings/${id}`);
  } catch (e) {
    toast(explain(e, 'Opening the booking'), 'error');
    return;
  }
  store.put(booking);
  const dialog = openDialog({title: 'Booking', className: 'wide booking-dialog', onClose: () => store.removeEventListener('bookings', onChange)});
  dialog.el.dataset.testid = 'booking-dialog';
  dialog.el.dataset.id = id;
  const summary = h('div', {class: 'booking-summary'});
  const actions = h('div', {class: 'actions booking-actions'});
  const error = errorBox();
  const history = h('ol', {class: 'history', 'aria-label': 'History'});
  const notifications = h('div', {class: 'notifications'});
  replace(dialog.body, h('div', {class: 'stack'}, summary, error, actions,
    h('details', {class: 'more', open: true}, h('summary', {text: 'History'}), history),
    h('details', {class: 'more'}, h('summary', {text: 'Guest messages'}), notifications)));

  const render = () => {
    dialog.setTitle(`${booking.customer_name} · ${booking.party_size} ${booking.party_size === 1 ? 'guest' : 'guests'}`);
    dialog.el.dataset.status = booking.status;
    const zone = store.zone;
    const facts = [
      ['Status', h('span', {}, statusBadge(booking.status), booking.status === 'held'
        ? [' ', h('span', {class: 'muted', text: 'hold ends in '}), h('booker-countdown', {expires: booking.expires_at})] : null)],
      ['When', `${formatDate(booking.slot.date)}, ${timeRange(store, booking)} (${booking.slot.duration_minutes} min)`],
      ['Table', tableNames(store, booking)],
      ['Party', String(booking.party_size)],
      ['Guest', booking.customer_name],
      ['Phone', booking.customer_phone ? h('a', {href: `tel:${booking.customer_phone}`, text: booking.customer_phone}) : '—'],
      ['Email', booking.customer_email ? h('a', {href: `mailto:${booking.customer_email}`, text: booking.customer_email}) : '—'],
      ['Note', booking.comment || '—'],
      booking.cancel_reason ? ['Reason', booking.cancel_reason] : null,
      ['Reference', booking.id.slice(0, 8).toUpperCase()],
      ['Created', formatDateTime(booking.created_at * 1000, zone)],
    ].filter(Boolean);
    replace(summary, h('dl', {class: 'facts'}, facts.map(([k, v]) => [h('dt', {text: k}), h('dd', {}, v)])));
    replace(actions, actionButtons(booking));
  };

  const act = async (path, body, done) => {
    showError(error, '');
    try {
      const updated = await busy(actions, () => api.post(`/api/v1/bookings/${id}/${path}`, {idempotency_key: newKey(), ...body}));
      booking = updated;
      store.put(updated);
      render();
      loadHistory();
      toast(done, 'ok');
    } catch (e) {
      showError(error, explain(e, 'That change'));
      try {
        booking = await api.get(`/api/v1/bookings/${id}`);
        store.put(booking);
        render();
      } catch {
        // Shown as it was.
      }
    }
  };

  const actionButtons = b => {
    const buttons = [];
    const button = (text, cls, onclick, testid) => buttons.push(h('button', {type: 'button', class: cls, text, onclick, dataset: {action: testid}}));
    if (b.status === 'held') button('Confirm', 'primary', () => act('confirm', {}, 'Booking confirmed'), 'confirm');
    if (b.status === 'confirmed') button('Seat', 'primary', () => act('seat', {}, 'Guests seated'), 'seat');
    if (b.status === 'seated') button('Finish', 'primary', () => act('finish', {}, 'Table finished'), 'finish');
    if (b.status === 'held' || b.status === 'confirmed') {
      button('Move / reschedule', 'secondary', () => openReschedule(ctx, booking, updated => {
        booking = updated;
        render();
        loadHistory();
      }), 'reschedule');
    }
    if (b.status === 'confirmed' && Date.now() / 1000 >= b.starts_at) {
      button('No-show', 'secondary', async () => {
        if (await ask({title: 'Mark as no-show?', message: `${b.customer_name} did not come.`, confirm: 'Mark no-show', danger: true})) {
          act('no-show', {}, 'Marked as no-show');
        }
      }, 'no-show');
    }
    if (b.status === 'held' || b.status === 'confirmed') {
      button('Cancel booking', 'danger', async () => {
        const reason = await ask({title: 'Cancel this booking?', message: `${b.customer_name}, ${timeRange(store, b)}.`,
          confirm: 'Cancel booking', danger: true, input: {label: 'Reason (optional, shown to the guest)', maxLength: 500}});
        if (reason !== false) act('cancel', {reason}, 'Booking cancelled');
      }, 'cancel');
    }
    if (!buttons.length) buttons.push(h('p', {class: 'muted', text: 'Nothing more to do: this booking is closed.'}));
    return buttons;
  };

  const loadHistory = async () => {
    try {
      const trail = await api.get(`/api/v1/bookings/${id}/history`);
      replace(history, trail.entries.map(e => h('li', {},
        h('strong', {text: EVENT_LABEL[e.event_type] ?? e.event_type}), ' ',
        h('span', {class: 'muted', text: `${formatDateTime(e.created_at * 1000, store.zone)} · ${actor(ctx, e.actor_id)}`}),
        e.payload?.reason ? h('div', {text: `Reason: ${e.payload.reason}`}) : null)));
    } catch (e) {
      replace(history, h('li', {class: 'form-error', text: explain(e, 'Loading the history')}));
    }
    try {
      const list = await api.get(`/api/v1/bookings/${id}/notifications`);
      replace(notifications, list.notifications.length === 0 ? h('p', {class: 'muted', text: 'No messages for this booking.'})
        : h('div', {class: 'list-wrap'}, h('table', {class: 'list'},
          h('thead', {}, h('tr', {}, ['Message', 'Channel', 'To', 'Status', 'When'].map(t => h('th', {text: t})))),
          h('tbody', {}, list.notifications.map(n => h('tr', {},
            h('td', {text: n.template}), h('td', {text: n.channel}), h('td', {text: n.recipient}),
            h('td', {}, n.status, n.last_error ? h('div', {class: 'muted', text: n.last_error}) : null),
            h('td', {text: formatDateTime((n.sent_at || n.due_at) * 1000, store.zone)})))))));
    } catch (e) {
      replace(notifications, h('p', {class: 'muted', text: explain(e, 'Loading the messages')}));
    }
  };

  const onChange = e => {
    const b = e.detail?.booking;
    if (b && b.id === id && b.version >= booking.version) {
      const changed = b.version > booking.version;
      booking = b;
      render();
      if (changed) loadHistory();
    }
  };
  store.addEventListener('bookings', onChange);
  render();
  loadHistory();
  return dialog;
}

function actor(ctx, id) {
  if (!id) return 'system';
  if (id === ctx.user.id) return 'you';
  return 'staff';
}

/**
 * The offers for a party at a slot: fitting single tables and mergeable pairs, smallest first, as a
 * radio group. prefer selects a table when it is offered.
 */
function tableChooser(ctx, name) {
  const box = h('fieldset', {class: 'offers', id: `${name}-offers`}, h('legend', {text: 'Table'}));
  const list = h('div', {class: 'offer-list', role: 'radiogroup'});
  const note = h('p', {class: 'muted', text: 'Choose party size, date and time to see free tables.'});
  box.append(note, list);
  let seq = 0;
  let offers = [];
  let current = null;
  const keep = {key: null};

  async function refresh({partySize, date, time, duration, prefer, keepCurrent}) {
    const mine = ++seq;
    if (!partySize || !date || !time) return;
    note.textContent = 'Looking for free tables…';
    let answer;
    try {
      answer = await ctx.api.post('/api/v1/availability/check', {
        venue_id: ctx.store.id, party_size: partySize, max_offers: 200,
        slot: {date, start_time: time, duration_minutes: duration},
      });
    } catch (e) {
      if (mine !== seq) return;
      offers = [];
      replace(list);
      note.textContent = explain(e, 'Finding tables');
      return;
    }
    if (mine !== seq) return;
    offers = answer.tables.filter(t => t.available).map(t => ({
      table: t.table.table_id, merged: t.merged_with_table?.table_id ?? null, capacity: t.capacity,
      label: t.merged_with_table ? `${t.table_name} + ${ctx.store.table(t.merged_with_table.table_id)?.name ?? '?'}` : t.table_name,
      room: ctx.store.room(t.table.room_id)?.name ?? '',
    })).sort((a, b) => a.capacity - b.capacity || (a.merged ? 1 : 0) - (b.merged ? 1 : 0) || a.label.localeCompare(b.label, undefined, {numeric: true}));
    if (keepCurrent) {
      offers = offers.filter(o => keyOf(o) !== keyOf(keepCurrent));
      offers.unshift({table: keepCurrent.table, merged: keepCurrent.merged, capacity: null, label: `${keepCurrent.label} (current)`, room: '', current: true});
    }
    const previous = keep.key;
    const preferred = offers.find(o => keyOf(o) === previous) ?? offers.find(o => o.table === prefer && !o.merged) ?? offers[0] ?? null;
    note.textContent = offers.length === 0 ? `No table is free for ${partySize} at ${formatClock(time)}. Try another time or duration.`
      : prefer && !offers.some(o => o.table === prefer && !o.merged) ? `${ctx.store.table(prefer)?.name ?? 'That table'} is not free for this party and time; here is what is.`
        : '';
    replace(list, offers.map((o, i) => {
      const radio = h('input', {type: 'radio', name: `${name}-table`, value: keyOf(o), checked: o === preferred, id: `${name}-offer-${i}`,
        onchange: () => { current = o; keep.key = keyOf(o); }});
      return h('label', {class: 'offer', htmlFor: `${name}-offer-${i}`, dataset: {table: o.table, merged: o.merged ?? ''}}, radio,
        h('span', {class: 'offer-name', text: o.label}),
        h('span', {class: 'muted', text: [o.capacity ? `${o.capacity} seats` : '', o.merged ? 'merged' : '', o.room].filter(Boolean).join(' · ')}));
    }));
    current = preferred;
    keep.key = preferred ? keyOf(preferred) : null;
  }

  return {el: box, refresh, chosen: () => current};
}

function keyOf(o) {
  return `${o.table}|${o.merged ?? ''}`;
}

function slotFields(ctx, preset, name) {
  const zone = ctx.store.zone;
  const party = h('input', {type: 'number', name: 'party_size', id: `${name}-party`, min: 1, max: 100, required: true, value: preset.partySize ?? 2});
  const date = h('input', {type: 'date', name: 'date', id: `${name}-date`, required: true, value: preset.date ?? today(zone), min: today(zone)});
  const time = h('input', {type: 'time', name: 'time', id: `${name}-time`, required: true, step: 900, value: preset.time ?? nextQuarter(zone)});
  const duration = select('duration', DURATIONS.map(m => [m, `${Math.floor(m / 60)} h ${m % 60 ? `${m % 60} min` : ''}`.trim()]),
    preset.duration ?? 120, {id: `${name}-duration`});
  const value = () => ({partySize: Number(party.value), date: date.value, time: time.value, duration: Number(duration.value)});
  return {party, date, time, duration, value,
    row: h('div', {class: 'row'}, field('Party size', party), field('Date', date), field('Time', time), field('Duration', duration))};
}

function nextQuarter(zone) {
  const now = wallClock(Date.now(), zone).minutes;
  const m = Math.min(23 * 60 + 45, Math.ceil((now + 1) / 15) * 15);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

/** The new-booking form: the slot, the free tables for it, the guest; it holds the table. */
export function openNewBooking(ctx, preset = {}) {
  const slot = slotFields(ctx, preset, 'new');
  const chooser = tableChooser(ctx, 'new');
  const name = h('input', {name: 'customer_name', id: 'new-name', required: true, maxLength: 200, autocomplete: 'off'});
  const phone = h('input', {name: 'customer_phone', id: 'new-phone', type: 'tel', maxLength: 40, autocomplete: 'off'});
  const email = h('input', {name: 'customer_email', id: 'new-email', type: 'email', maxLength: 254, autocomplete: 'off'});
  const note = h('textarea', {name: 'comment', id: 'new-note', maxLength: 1000});
  const error = errorBox();
  const form = h('form', {id: 'new-booking-form', class: 'stack', novalidate: true},
    slot.row, chooser.el,
    h('div', {class: 'row'}, field('Guest name', name), field('Phone', phone), field('Email', email)),
    field('Note', note, 'Allergies, occasion, high chair…'),
    error,
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => dialog.close()}),
      h('button', {type: 'submit', class: 'primary', id: 'new-submit', text: 'Hold table'})));
  const refresh = () => chooser.refresh({...slot.value(), prefer: preset.tableId});
  const later = debounce(refresh, 250);
  [slot.party, slot.date, slot.time, slot.duration].forEach(c => c.addEventListener('input', later));
  // One key per attempt: a retry of the same attempt after a network failure cannot book twice.
  let key = newKey();
  form.addEventListener('input', () => key = newKey());
  form.addEventListener('submit', async e => {
    e.preventDefault();
    showError(error, '');
    const s = slot.value();
    const choice = chooser.chosen();
    if (!name.value.trim()) return showError(error, 'Enter the guest\'s name.'), name.focus();
    if (!(s.partySize >= 1 && s.partySize <= 100)) return showError(error, 'Party size is 1 to 100.'), slot.party.focus();
    if (!choice) return showError(error, 'No table is chosen: pick one of the free tables.');
    const body = {
      venue_id: ctx.store.id, party_size: s.partySize,
      slot: {date: s.date, start_time: s.time, duration_minutes: s.duration},
      table: {table_id: choice.table},
      customer_name: name.value.trim(), customer_phone: phone.value.trim(), customer_email: email.value.trim(),
      comment: note.value.trim(), idempotency_key: key,
    };
    if (choice.merged) body.merged_with_table = {table_id: choice.merged};
    try {
      const booking = await busy(form, () => ctx.api.post('/api/v1/bookings', body));
      ctx.store.put(booking);
      dialog.close();
      toast(`Table held for ${booking.customer_name}. Confirm it before the hold runs out.`, 'ok');
      openBooking(ctx, booking.id);
    } catch (err) {
      // Unanswered (network): the same attempt may be sent again with its key; answered: a new attempt.
      if (err.status) key = newKey();
      showError(error, explain(err, 'Holding the table'));
      if (err.code === 'SLOT_TAKEN' || err.status === 409) refresh();
    }
  });
  const dialog = openDialog({title: 'New booking', content: form, className: 'wide'});
  refresh();
  (preset.tableId ? name : slot.party).focus();
  return dialog;
}

/** Moves a held or confirmed booking to another time and/or table. */
function openReschedule(ctx, booking, done) {
  const slot = slotFields(ctx, {partySize: booking.party_size, date: booking.slot.date, time: booking.slot.start_time,
    duration: booking.slot.duration_minutes}, 'move');
  slot.party.readOnly = true;
  const chooser = tableChooser(ctx, 'move');
  const current = {table: booking.table.table_id,
    merged: booking.tables?.length > 1 ? booking.tables.find(t => t.table_id !== booking.table.table_id)?.table_id : null,
    label: tableNames(ctx.store, booking)};
  const error = errorBox();
  const form = h('form', {id: 'reschedule-form', class: 'stack', novalidate: true},
    h('p', {class: 'muted', text: `${booking.customer_name}, now ${formatDate(booking.slot.date, 'short')} ${timeRange(ctx.store, booking)} at ${current.label}.`}),
    slot.row, chooser.el, error,
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => dialog.close()}),
      h('button', {type: 'submit', class: 'primary', id: 'move-submit', text: 'Move booking'})));
  const refresh = () => chooser.refresh({...slot.value(), keepCurrent: current});
  const later = debounce(refresh, 250);
  [slot.date, slot.time, slot.duration].forEach(c => c.addEventListener('input', later));
  let key = newKey();
  form.addEventListener('input', () => key = newKey());
  form.addEventListener('submit', async e => {
    e.preventDefault();
    showError(error, '');
    const s = slot.value();
    const choice = chooser.chosen() ?? current;
    const body = {slot: {date: s.date, start_time: s.time, duration_minutes: s.duration}, table: {table_id: choice.table}, idempotency_key: key};
    if (choice.merged) body.merged_with_table = {table_id: choice.merged};
    try {
      const updated = await busy(form, () => ctx.api.post(`/api/v1/bookings/${booking.id}/reschedule`, body));
      ctx.store.put(updated);
      dialog.close();
      toast('Booking moved', 'ok');
      done(updated);
    } catch (err) {
      if (err.status) key = newKey();
      showError(error, explain(err, 'Moving the booking'));
      if (err.status === 409) refresh();
    }
  });
  const dialog = openDialog({title: 'Move booking', content: form, className: 'wide'});
  refresh();
  slot.time.focus();
}
