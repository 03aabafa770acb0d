// Setup's blocked tables (docs/seating.md): the venue's blocks not over yet, a form to block tables
// (picked from the venue's tables, or a whole room) for a time on a date with a reason, and deleting
// a block. A block over existing bookings is refused (BLOCK_OVERLAPS_BOOKINGS) and explained; "Block
// anyway" sends it again with allow_overlap and lists the bookings it left in place. Hosts see the
// list only. The store follows block.created / block.deleted, so the list is live.
import {explain} from '../../api.js';
import {h, replace, ask, toast, busy, errorBox, showError, field, select} from '../../dom.js';
import {upcoming} from '../../logic/blocks.js';
import {formatDate, formatDateTime, formatTime, today, wallClock} from '../../logic/time.js';
import {openBooking} from '../booking-link.js';

/** "Fri 11 Dec, 19:00–21:00" in the venue's zone (the end's date too when it is another day). */
export function blockTime(block, zone) {
  const start = block.starts_at * 1000;
  const end = block.ends_at * 1000;
  const sameDay = wallClock(start, zone).date === wallClock(end - 1, zone).date;
  return `${formatDateTime(start, zone)}–${sameDay ? formatTime(end, zone) : formatDateTime(end, zone)}`;
}

/** "T1, T2" or "Room Main (T1, T2)". */
export function blockTables(block, store) {
  const names = block.table_ids.map(id => store.table(id)?.name ?? 'removed table').join(', ');
  const room = block.room_id ? store.room(block.room_id) : null;
  return room ? `${room.name} (${names})` : names;
}

export function blocksSection(card, ctx) {
  const store = ctx.store;
  const canEdit = ctx.can('setup');
  const list = h('ul', {class: 'block-list', id: 'block-list', 'aria-label': 'Blocked tables'});

  const render = async () => {
    let blocks;
    try {
      blocks = upcoming(await store.upcomingBlocks(), Date.now() / 1000);
    } catch (e) {
      replace(list, h('li', {class: 'form-error', text: explain(e, 'Loading the blocked tables')}));
      return;
    }
    replace(list, blocks.length === 0 ? h('li', {class: 'muted', text: 'No table is blocked from now on.'})
      : blocks.map(b => h('li', {class: 'block-item', dataset: {testid: 'block', id: b.id}},
        h('span', {class: 'block-when', text: blockTime(b, store.zone)}),
        h('span', {class: 'block-tables', text: blockTables(b, store)}),
        h('span', {class: 'block-reason', text: b.reason}),
        canEdit ? h('span', {class: 'actions'}, h('button', {type: 'button', class: 'secondary small', 'data-action': 'delete-block',
          text: 'Unblock', 'aria-label': `Unblock ${blockTables(b, store)}, ${blockTime(b, store.zone)}`, onclick: () => remove(b)})) : null)));
  };

  const remove = async b => {
    const yes = await ask({title: 'Unblock these tables?', confirm: 'Unblock',
      message: `${blockTables(b, store)}, ${blockTime(b, store.zone)} (${b.reason}) can be booked again.`});
    if (!yes) return;
    try {
      await ctx.api.del(`/api/v1/blocks/${b.id}`);
      store.putBlock(b, true);
      toast('The tables are free to book again.', 'ok');
    } catch (err) {
      toast(explain(err, 'Unblocking'), 'error');
    }
  };

  const form = canEdit ? blockForm(ctx) : null;
  replace(card, h('h2', {id: 'setup-blocks-title', text: 'Blocked tables'}),
    h('p', {class: 'muted', text: 'Tables out of service for a while (a private event, a broken chair). They cannot be booked then; the reason is for staff only.'}),
    list, form?.el);
  render();
  return {
    render,
    /** The rooms or tables changed: the names in the list and the tables to pick. */
    structure: () => {
      render();
      form?.fillChoices();
    },
  };
}

function blockForm(ctx) {
  const store = ctx.store;
  const byRoom = h('input', {type: 'radio', name: 'block-what', value: 'room'});
  const byTables = h('input', {type: 'radio', name: 'block-what', value: 'tables', checked: true});
  const room = select('room_id', [], '', {id: 'block-room'});
  const tablesBox = h('fieldset', {class: 'block-tables-pick', id: 'block-tables'}, h('legend', {text: 'Tables'}));
  const date = h('input', {type: 'date', name: 'date', id: 'block-date', required: true, value: today(store.zone), min: today(store.zone)});
  const start = h('input', {type: 'time', name: 'start_time', id: 'block-start', required: true, value: '18:00'});
  const end = h('input', {type: 'time', name: 'end_time', id: 'block-end', required: true, value: '23:00'});
  const reason = h('input', {name: 'reason', id: 'block-reason', required: true, maxLength: 200, placeholder: 'Private event, broken chair…'});
  const error = errorBox();
  const overlap = h('div', {class: 'notice warn stack', id: 'block-overlap', role: 'alert', hidden: true});
  const result = h('div', {class: 'stack', id: 'block-result', role: 'status'});
  const roomField = field('Room', room);
  const form = h('form', {id: 'block-form', class: 'stack', novalidate: true},
    h('h3', {text: 'Block tables'}),
    h('div', {class: 'row'}, h('label', {class: 'check'}, byTables, 'Some tables'), h('label', {class: 'check'}, byRoom, 'A whole room')),
    tablesBox, roomField,
    h('div', {class: 'row'}, field('Date', date), field('From', start), field('Until', end, 'Earlier than “From”: the next day')),
    field('Reason (staff only)', reason), error, overlap, result,
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'block-submit', text: 'Block'})));

  const syncWhat = () => {
    tablesBox.hidden = byRoom.checked;
    roomField.hidden = !byRoom.checked;
  };
  const fillChoices = () => {
    const chosen = new Set([...tablesBox.querySelectorAll('input:checked')].map(i => i.value));
    replace(room, store.rooms.map(r => h('option', {value: r.id, text: r.name, selected: r.id === room.value})));
    tablesBox.querySelectorAll('.block-room-tables').forEach(e => e.remove());
    tablesBox.append(...store.rooms.filter(r => store.tablesOf(r.id).length).map(r => h('div', {class: 'block-room-tables'},
      h('span', {class: 'field-label', text: r.name}),
      store.tablesOf(r.id).map(t => h('label', {class: 'check'},
        h('input', {type: 'checkbox', name: 'table_ids', value: t.id, checked: chosen.has(t.id)}), t.name)))));
  };
  byRoom.addEventListener('change', syncWhat);
  byTables.addEventListener('change', syncWhat);
  form.addEventListener('input', () => overlap.hidden = true);

  const send = async allowOverlap => {
    showError(error, '');
    const body = {date: date.value, start_time: start.value, end_time: end.value, reason: reason.value.trim()};
    if (byRoom.checked) body.room_id = room.value;
    else body.table_ids = [...tablesBox.querySelectorAll('input:checked')].map(i => i.value);
    if (!byRoom.checked && body.table_ids.length === 0) return showError(error, 'Pick the tables to block.');
    if (byRoom.checked && !body.room_id) return showError(error, 'Pick the room to block.');
    if (!body.date || !body.start_time || !body.end_time) return showError(error, 'Enter the date and both times.');
    if (!body.reason) return showError(error, 'Say why (staff see it on the timeline and the floor).'), reason.focus();
    if (allowOverlap) body.allow_overlap = true;
    try {
      const block = await busy(form, () => ctx.api.post(`/api/v1/venues/${store.id}/blocks`, body));
      store.putBlock(block);
      overlap.hidden = true;
      reason.value = '';
      toast(`Blocked: ${block.reason}.`, 'ok');
      showAffected(ctx, result, block);
    } catch (err) {
      if (err.code === 'BLOCK_OVERLAPS_BOOKINGS') {
        replace(overlap, h('p', {text: explain(err)}),
          h('div', {class: 'actions'},
            h('button', {type: 'button', class: 'danger', id: 'block-anyway', text: 'Block anyway', onclick: () => send(true)})));
        overlap.hidden = false;
        overlap.querySelector('#block-anyway').focus();
      } else {
        showError(error, explain(err, 'Blocking the tables'));
      }
    }
  };
  form.addEventListener('submit', e => {
    e.preventDefault();
    replace(result);
    send(false);
  });
  fillChoices();
  syncWhat();
  return {el: form, fillChoices};
}

/** After "Block anyway": the bookings the block left in place, each opening its details. */
async function showAffected(ctx, box, block) {
  const ids = block.overlapping_booking_ids ?? [];
  if (ids.length === 0) return replace(box);
  const items = await Promise.all(ids.map(async id => {
    try {
      const b = await ctx.api.get(`/api/v1/bookings/${id}`);
      return {id, text: `${b.customer_name}, ${b.party_size} · ${formatDate(b.slot.date, 'short')} ${formatTime(b.starts_at * 1000, ctx.store.zone)}`};
    } catch {
      return {id, text: `Booking ${id.slice(0, 8).toUpperCase()}`};
    }
  }));
  replace(box, h('p', {text: `These bookings overlap the block and stay as they are: move or cancel them.`}),
    h('ul', {class: 'block-affected', id: 'block-affected'}, items.map(i => h('li', {dataset: {testid: 'block-affected', id: i.id}},
      h('button', {type: 'button', class: 'link', text: i.text, onclick: () => openBooking(ctx, i.id)})))));
}
