// A booking's details and actions, and the reschedule form; the new-booking form is booking/new.js.
// Opened from any screen: openBooking(ctx, id), openNewBooking(ctx, preset).
import {h, replace, openDialog, ask, errorBox, showError, busy, toast} from '../dom.js';
import {explain, newKey} from '../api.js';
import {formatTime, formatDate, formatDateTime} from '../logic/time.js';
import {debounce, pacingOffer, slotFields, tableChooser} from './booking/slot.js';

export {openNewBooking} from './booking/new.js';

export const STATUS_LABEL = {
  held: 'Held', confirmed: 'Confirmed', seated: 'Seated', finished: 'Finished',
  cancelled: 'Cancelled', expired: 'Expired', no_show: 'No-show',
};

const EVENT_LABEL = {
  'booking.held': 'Held', 'booking.confirmed': 'Confirmed', 'booking.seated': 'Seated', 'booking.finished': 'Finished',
  'booking.cancelled': 'Cancelled', 'booking.expired': 'Hold expired', 'booking.no_show': 'Marked no-show',
  'booking.rescheduled': 'Moved',
};

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
        e.payload?.reason ? h('div', {text: `Reason: ${e.payload.reason}`}) : null,
        e.payload?.pacing_override ? h('div', {class: 'history-override', text: `Past the pacing: ${e.payload.pacing_override}`}) : null)));
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
  const pacing = h('div', {class: 'notice warn stack', id: 'move-pacing', role: 'alert', hidden: true});
  const form = h('form', {id: 'reschedule-form', class: 'stack', novalidate: true},
    h('p', {class: 'muted', text: `${booking.customer_name}, now ${formatDate(booking.slot.date, 'short')} ${timeRange(ctx.store, booking)} at ${current.label}.`}),
    slot.row, chooser.el, error, pacing,
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => dialog.close()}),
      h('button', {type: 'submit', class: 'primary', id: 'move-submit', text: 'Move booking'})));
  const refresh = () => chooser.refresh({...slot.value(), keepCurrent: current});
  const later = debounce(refresh, 250);
  [slot.date, slot.time, slot.duration].forEach(c => c.addEventListener('input', later));
  let key = newKey();
  form.addEventListener('input', () => {
    key = newKey();
    pacing.hidden = true;
  });
  const move = async overridePacing => {
    showError(error, '');
    pacing.hidden = true;
    const s = slot.value();
    const choice = chooser.chosen() ?? current;
    const body = {slot: {date: s.date, start_time: s.time, duration_minutes: s.duration}, table: {table_id: choice.table}, idempotency_key: key};
    if (choice.merged) body.merged_with_table = {table_id: choice.merged};
    if (overridePacing) body.override_pacing = true;
    try {
      const updated = await busy(form, () => ctx.api.post(`/api/v1/bookings/${booking.id}/reschedule`, body));
      ctx.store.put(updated);
      dialog.close();
      toast('Booking moved', 'ok');
      done(updated);
    } catch (err) {
      if (err.status) key = newKey();
      if (err.code === 'PACING_LIMIT') return pacingOffer(pacing, err, 'Move anyway (override pacing)', () => move(true));
      showError(error, explain(err, 'Moving the booking'));
      if (err.status === 409) refresh();
    }
  };
  form.addEventListener('submit', e => {
    e.preventDefault();
    move(false);
  });
  const dialog = openDialog({title: 'Move booking', content: form, className: 'wide', onClose: () => slot.dispose()});
  refresh();
  slot.time.focus();
}
