// The row editors of setup's seating rules (setup/seating.js): a turn-time row ("up to N guests →
// minutes"), a service period (name, weekdays, times, slot interval, pacing) and the booking window.
// Each editor keeps its inputs by the document's field names, so a server error naming a field path
// (periods[0].last_seating) finds its input, and reads its values back into the document's shape.
import {h, field, select} from '../../dom.js';
import {WEEK_ORDER, dayName} from '../../logic/hours.js';

export const INTERVALS = [5, 10, 15, 20, 30, 60];

const number = (name, value, props = {}) => h('input', {type: 'number', name, value: value ?? '', ...props});
const intOrNull = input => (input.value.trim() === '' ? null : Number(input.value));

/** A turn-time row: "Up to [n] guests → [m] minutes"; larger is the row without a party size. */
export function turnRow(row, {larger = false, readOnly, onRemove}) {
  const size = larger ? null : number('max_party_size', row?.max_party_size, {min: 1, max: 100, 'aria-label': 'Up to guests'});
  const minutes = number('minutes', row?.minutes, {min: 15, max: 720, step: 5, 'aria-label': larger ? 'Minutes for larger parties' : 'Minutes'});
  const inputs = larger ? {minutes} : {max_party_size: size, minutes};
  const el = h('li', {class: 'turn-row', dataset: {testid: larger ? 'turn-larger' : 'turn-row'}},
    larger ? h('span', {class: 'turn-label', text: 'Larger parties'}) : h('label', {class: 'turn-label'}, 'Up to ', size, ' guests'),
    h('label', {class: 'turn-minutes'}, minutes, ' min'),
    !larger && !readOnly ? h('button', {type: 'button', class: 'secondary small', text: 'Remove', 'aria-label': 'Remove this turn time',
      onclick: () => onRemove(el)}) : null);
  return {
    el, inputs,
    /** The row in the document's shape, or null for an empty "larger parties" row. */
    value: () => (larger
      ? (minutes.value.trim() === '' ? null : {max_party_size: null, minutes: intOrNull(minutes)})
      : {max_party_size: intOrNull(size), minutes: intOrNull(minutes)}),
  };
}

/** A service period's fieldset; inputs are keyed as the document's fields (pacing.* for the pacing). */
export function periodEditor(period, {readOnly, onRemove}) {
  const p = period ?? {name: '', weekdays: [0, 1, 2, 3, 4, 5, 6], start_time: '18:00', end_time: '23:00', last_seating: '21:30',
    slot_interval_minutes: 15, pacing: null};
  const name = h('input', {name: 'name', value: p.name, maxLength: 60, required: true});
  const days = WEEK_ORDER.map(wd => h('input', {type: 'checkbox', name: 'weekdays', value: wd, checked: p.weekdays.includes(wd)}));
  const time = (n, v) => h('input', {type: 'time', name: n, value: v, required: true});
  const start = time('start_time', p.start_time);
  const end = time('end_time', p.end_time);
  const last = time('last_seating', p.last_seating);
  const slot = select('slot_interval_minutes', INTERVALS.map(m => [m, `${m} min`]), p.slot_interval_minutes ?? 15);
  const paceInterval = select('interval_minutes', INTERVALS.map(m => [m, `${m} min`]), p.pacing?.interval_minutes ?? 15);
  const maxParties = number('max_parties', p.pacing?.max_parties, {min: 1, max: 1000});
  const maxCovers = number('max_covers', p.pacing?.max_covers, {min: 1, max: 1000});
  const weekdays = h('fieldset', {class: 'weekday-boxes'}, h('legend', {text: 'Days it starts on'}),
    WEEK_ORDER.map((wd, i) => h('label', {class: 'check'}, days[i], dayName(wd).slice(0, 3))));
  const el = h('fieldset', {class: 'period', dataset: {testid: 'period'}},
    h('legend', {text: p.name ? `Service period: ${p.name}` : 'New service period'}),
    h('div', {class: 'row'}, field('Name', name, 'Lunch, Dinner…'), field('Starts', start), field('Ends', end, 'Earlier than the start: after midnight'),
      field('Last seating', last), field('Slot every', slot)),
    weekdays,
    h('fieldset', {class: 'pacing'}, h('legend', {text: 'Pacing (optional)'}),
      h('p', {class: 'muted', text: 'How many parties or guests may start in each interval. Leave both empty for no pacing.'}),
      h('div', {class: 'row'}, field('Interval', paceInterval), field('Max parties', maxParties), field('Max covers', maxCovers))),
    readOnly ? null : h('div', {class: 'actions'}, h('button', {type: 'button', class: 'secondary small', text: 'Remove period',
      onclick: () => onRemove(el)})));
  const inputs = {name, weekdays: weekdays, start_time: start, end_time: end, last_seating: last, slot_interval_minutes: slot,
    pacing: el.querySelector('fieldset.pacing'), 'pacing.interval_minutes': paceInterval, 'pacing.max_parties': maxParties,
    'pacing.max_covers': maxCovers};
  days.forEach((d, i) => inputs[`weekdays[${i}]`] = weekdays);
  return {
    el, inputs,
    value: () => {
      const parties = intOrNull(maxParties);
      const covers = intOrNull(maxCovers);
      return {
        name: name.value.trim(),
        weekdays: days.filter(d => d.checked).map(d => Number(d.value)).sort((a, b) => a - b),
        start_time: start.value, end_time: end.value, last_seating: last.value,
        slot_interval_minutes: Number(slot.value),
        pacing: parties === null && covers === null ? null : {interval_minutes: Number(paceInterval.value),
          ...(parties === null ? {} : {max_parties: parties}), ...(covers === null ? {} : {max_covers: covers})},
      };
    },
  };
}

/** The booking window: max days ahead (empty: no limit) and minimum notice in minutes. */
export function windowEditor(win) {
  const ahead = number('max_days_ahead', win?.max_days_ahead, {min: 1, max: 730});
  const notice = number('min_notice_minutes', win?.min_notice_minutes ?? 0, {min: 0, max: 10080});
  const el = h('fieldset', {class: 'booking-window'}, h('legend', {text: 'Booking window'}),
    h('div', {class: 'row'}, field('Days ahead at most', ahead, 'Empty: no limit'), field('Notice (minutes)', notice, '0: none')));
  return {
    el, inputs: {max_days_ahead: ahead, min_notice_minutes: notice},
    value: () => ({max_days_ahead: intOrNull(ahead), min_notice_minutes: intOrNull(notice) ?? 0}),
  };
}
