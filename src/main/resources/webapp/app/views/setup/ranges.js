// The editor of a day's opening ranges, shared by the weekly hours and the special days.
import {h, replace} from '../../dom.js';
import {MAX_RANGES, nextRange, rangeNote} from '../../logic/hours.js';

/**
 * An editor of opening ranges: rows of open/close time inputs with remove buttons, an add button,
 * "Closed" when there are none, and "closes next day" on overnight ranges.
 */
export function rangesEditor(label, ranges, onChange) {
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
          next.textContent = rangeNote(r);
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
    items.push(nextRange(items));
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
