// The parts the new-booking and the reschedule forms share: the slot's fields (party size, date, time,
// and a duration that may be left to the venue's turn times), the free tables for the slot, and the
// offer to go past a full pacing interval.
import {h, replace, field, select} from '../../dom.js';
import {explain} from '../../api.js';
import {durationHint} from '../../logic/seating.js';
import {formatClock, today, wallClock} from '../../logic/time.js';

const DURATIONS = [60, 75, 90, 105, 120, 150, 180, 210, 240, 300];

/**
 * The offers for a party at a slot: fitting single tables and mergeable pairs, smallest first, as a
 * radio group. prefer selects a table when it is offered.
 */
export function tableChooser(ctx, name) {
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
        venue_id: ctx.store.id, party_size: partySize, max_offers: 200, include_unavailable: true,
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
    // A full pacing interval makes the free tables unavailable with the cap as their reason: staff
    // may still choose one, and the booking then asks them to confirm the override.
    const free = answer.tables.filter(t => t.available);
    const pacedOut = free.length === 0 ? answer.tables.filter(t => isPacingReason(t.reason)) : [];
    offers = (free.length ? free : pacedOut).map(t => ({
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
    note.textContent = pacedOut.length && offers.length ? `Pacing is full: ${pacedOut[0].reason}. You can still choose a table and book past it.`
      : offers.length === 0 ? `No table is free for ${partySize} at ${formatClock(time)}. Try another time or duration.`
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

/** The server's reason for a table left out only because the start's pacing interval is full. */
export function isPacingReason(reason) {
  return typeof reason === 'string' && reason.startsWith('at most ') && reason.includes(' may start');
}

export function keyOf(o) {
  return `${o.table}|${o.merged ?? ''}`;
}

/**
 * The slot's fields. The duration may be left empty ("From turn times"): the server then gives the
 * party its turn time, which the hint beside it computes from the venue's seating rules.
 */
export function slotFields(ctx, preset, name) {
  const zone = ctx.store.zone;
  const party = h('input', {type: 'number', name: 'party_size', id: `${name}-party`, min: 1, max: 100, required: true, value: preset.partySize ?? 2});
  const date = h('input', {type: 'date', name: 'date', id: `${name}-date`, required: true, value: preset.date ?? today(zone), min: today(zone)});
  const time = h('input', {type: 'time', name: 'time', id: `${name}-time`, required: true, step: 900, value: preset.time ?? nextQuarter(zone)});
  const choices = [['', 'From turn times'], ...DURATIONS.map(m => [m, `${Math.floor(m / 60)} h ${m % 60 ? `${m % 60} min` : ''}`.trim()])];
  if (preset.duration && !DURATIONS.includes(preset.duration)) choices.push([preset.duration, `${preset.duration} min`]);
  const duration = select('duration', choices, preset.duration ?? '', {id: `${name}-duration`, 'aria-describedby': `${name}-duration-hint`});
  const hint = h('p', {class: 'field-hint duration-hint', id: `${name}-duration-hint`, role: 'status'});
  const value = () => ({partySize: Number(party.value), date: date.value, time: time.value,
    duration: duration.value === '' ? undefined : Number(duration.value)});
  const explainDuration = () => {
    const v = value();
    hint.textContent = duration.value === '' ? durationHint(ctx.store.seating, v.partySize, v.date, v.time) : '';
    hint.hidden = !hint.textContent;
  };
  [party, date, time, duration].forEach(c => c.addEventListener('input', explainDuration));
  ctx.store.addEventListener('seating', explainDuration);
  explainDuration();
  return {party, date, time, duration, value, hint,
    dispose: () => ctx.store.removeEventListener('seating', explainDuration),
    row: h('div', {class: 'stack slot-fields'},
      h('div', {class: 'row'}, field('Party size', party), field('Date', date), field('Time', time), field('Duration', duration)),
      hint)};
}

/**
 * After a 409 PACING_LIMIT: the server's sentence and a button that sends the same again with
 * override_pacing (staff may go past the pacing; the history records it).
 */
export function pacingOffer(box, err, label, retry) {
  replace(box, h('p', {text: explain(err)}),
    h('div', {class: 'actions'}, h('button', {type: 'button', class: 'danger', id: `${box.id}-override`, text: label, onclick: retry})));
  box.hidden = false;
  box.querySelector('button').focus();
}

function nextQuarter(zone) {
  const now = wallClock(Date.now(), zone).minutes;
  const m = Math.min(23 * 60 + 45, Math.ceil((now + 1) / 15) * 15);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
