// Setup's weekly opening hours: a ranges editor per day (Monday first), copying Monday to other days,
// and saving the week as one schedule. A change made elsewhere meanwhile is shown at once unless this
// form has unsaved changes; then a note says saving replaces it.
import {h, replace, ask, toast, busy, errorBox, showError} from '../../dom.js';
import {WEEK_MINUTES, WEEK_ORDER, dayName, overlap, rangesOfDay, scheduleDays} from '../../logic/hours.js';
import {explainHours} from '../../logic/problems.js';
import {rangesEditor} from './ranges.js';

const V1 = '/api/v1';

export function hoursSection(card, ctx) {
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
      editors.get(wd).set(rangesOfDay(store.hours, wd));
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
    const wrong = overlap(week, WEEK_MINUTES);
    if (wrong) return showError(error, wrong);
    showError(error, '');
    if (week.length === 0) {
      const yes = await ask({title: 'Closed every day?', confirm: 'Save as closed', danger: true,
        message: 'No day has opening hours: the venue will take no bookings until hours are added (special days still count).'});
      if (!yes) return;
    }
    const body = {days: scheduleDays(week)};
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
