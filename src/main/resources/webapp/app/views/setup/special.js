// Setup's special days: a date closed all day or with other hours than the week's, listed ahead,
// changed or removed.
import {explain} from '../../api.js';
import {h, replace, field, ask, toast, busy, errorBox, showError} from '../../dom.js';
import {dayName, overlap, specialRangesText} from '../../logic/hours.js';
import {formatDate, today, weekday} from '../../logic/time.js';
import {rangesEditor} from './ranges.js';

const V1 = '/api/v1';

export function specialSection(card, ctx) {
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
          text: s.is_closed ? 'Closed' : specialRangesText(s.ranges)}),
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
