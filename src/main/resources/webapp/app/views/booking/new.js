// The new-booking form: the slot (the duration may be left to the venue's turn times), the free tables
// for it, the guest; it holds the table and opens the booking to confirm. A full pacing interval
// (409 PACING_LIMIT) is explained with the server's sentence and "Book anyway" sends the same again
// with override_pacing; a blocked table and the booking window are explained in words.
import {h, openDialog, field, errorBox, showError, busy, toast} from '../../dom.js';
import {explain, newKey} from '../../api.js';
import {openBooking} from '../booking-link.js';
import {debounce, pacingOffer, slotFields, tableChooser} from './slot.js';

/** The new-booking form: the slot, the free tables for it, the guest; it holds the table. */
export function openNewBooking(ctx, preset = {}) {
  const slot = slotFields(ctx, preset, 'new');
  const chooser = tableChooser(ctx, 'new');
  const name = h('input', {name: 'customer_name', id: 'new-name', required: true, maxLength: 200, autocomplete: 'off'});
  const phone = h('input', {name: 'customer_phone', id: 'new-phone', type: 'tel', maxLength: 40, autocomplete: 'off'});
  const email = h('input', {name: 'customer_email', id: 'new-email', type: 'email', maxLength: 254, autocomplete: 'off'});
  const note = h('textarea', {name: 'comment', id: 'new-note', maxLength: 1000});
  const error = errorBox();
  const pacing = h('div', {class: 'notice warn stack', id: 'new-pacing', role: 'alert', hidden: true});
  const form = h('form', {id: 'new-booking-form', class: 'stack', novalidate: true},
    slot.row, chooser.el,
    h('div', {class: 'row'}, field('Guest name', name), field('Phone', phone), field('Email', email)),
    field('Note', note, 'Allergies, occasion, high chair…'),
    error, pacing,
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => dialog.close()}),
      h('button', {type: 'submit', class: 'primary', id: 'new-submit', text: 'Hold table'})));
  const refresh = () => chooser.refresh({...slot.value(), prefer: preset.tableId});
  const later = debounce(refresh, 250);
  [slot.party, slot.date, slot.time, slot.duration].forEach(c => c.addEventListener('input', later));
  // One key per attempt: a retry of the same attempt after a network failure cannot book twice.
  let key = newKey();
  form.addEventListener('input', () => {
    key = newKey();
    pacing.hidden = true;
  });

  const hold = async overridePacing => {
    showError(error, '');
    pacing.hidden = true;
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
    if (overridePacing) body.override_pacing = true;
    try {
      const booking = await busy(form, () => ctx.api.post('/api/v1/bookings', body));
      ctx.store.put(booking);
      dialog.close();
      toast(`Table held for ${booking.customer_name}${overridePacing ? ' past the pacing' : ''}. Confirm it before the hold runs out.`, 'ok');
      openBooking(ctx, booking.id);
    } catch (err) {
      // Unanswered (network): the same attempt may be sent again with its key; answered: a new attempt.
      if (err.status) key = newKey();
      if (err.code === 'PACING_LIMIT') return pacingOffer(pacing, err, 'Book anyway (override pacing)', () => hold(true));
      showError(error, explain(err, 'Holding the table'));
      if (err.code === 'SLOT_TAKEN' || err.status === 409) refresh();
    }
  };
  form.addEventListener('submit', e => {
    e.preventDefault();
    hold(false);
  });
  const dialog = openDialog({title: 'New booking', content: form, className: 'wide', onClose: () => slot.dispose()});
  refresh();
  (preset.tableId ? name : slot.party).focus();
  return dialog;
}
