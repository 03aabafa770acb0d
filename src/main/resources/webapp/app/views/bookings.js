// The bookings list: a venue's bookings of one day, filtered by status and searched by guest name or
// phone (on the day's bookings, in the browser), sorted by time, kept live by the store.
import {explain} from '../api.js';
import {h, replace, field, errorBox, showError} from '../dom.js';
import {formatTime, formatDate, addDays} from '../logic/time.js';
import {fold, matches, statusMatches} from '../logic/bookings.js';
import {openBooking} from './booking-link.js';

const STATUSES = [
  ['all', 'All'], ['active', 'Active (held, confirmed, seated)'], ['held', 'Held'], ['confirmed', 'Confirmed'],
  ['seated', 'Seated'], ['finished', 'Finished'], ['cancelled', 'Cancelled'], ['no_show', 'No-show'], ['expired', 'Expired'],
];
const STATUS_LABEL = Object.fromEntries(STATUSES);
STATUS_LABEL.no_show = 'No-show';

export async function mount(container, ctx) {
  const store = ctx.store;
  const date = ctx.date;
  let status = STATUS_LABEL[ctx.params.status] ? ctx.params.status : 'all';
  let bookings = [];
  let disposed = false;
  let shownKey = null;

  const go = (d, s = status) => ctx.go('bookings', {venue: store.id, date: d, status: s === 'all' ? undefined : s});
  const dateInput = h('input', {type: 'date', id: 'bookings-date', name: 'date', value: date, required: true,
    onchange: () => { if (dateInput.value) go(dateInput.value); }});
  const statusSelect = h('select', {id: 'bookings-status', name: 'status', onchange: () => {
    status = statusSelect.value;
    // Kept in the address so a reload or another day keeps the filter.
    history.replaceState(null, '', `#/bookings?${new URLSearchParams({venue: store.id, date,
      ...(status === 'all' ? {} : {status})})}`);
    render();
  }}, STATUSES.map(([v, label]) => h('option', {value: v, selected: v === status, text: label})));
  const search = h('input', {type: 'search', id: 'bookings-search', name: 'search', autocomplete: 'off',
    placeholder: 'Name or phone', oninput: () => render()});
  const error = errorBox();
  const summary = h('p', {id: 'bookings-summary', class: 'bookings-summary', role: 'status'});
  const body = h('div', {class: 'list-wrap'});

  replace(container,
    h('div', {class: 'toolbar'},
      h('h1', {class: 'title', text: `Bookings · ${formatDate(date)}`}),
      h('button', {type: 'button', class: 'secondary small', 'aria-label': 'Previous day', text: '‹', onclick: () => go(addDays(date, -1))}),
      h('button', {type: 'button', class: 'secondary small', id: 'bookings-today', text: 'Today', onclick: () => go(undefined)}),
      h('button', {type: 'button', class: 'secondary small', 'aria-label': 'Next day', text: '›', onclick: () => go(addDays(date, 1))})),
    h('div', {class: 'bookings-filters'},
      field('Day', dateInput), field('Status', statusSelect),
      h('label', {class: 'field search'}, h('span', {class: 'field-label', text: 'Search'}), search)),
    error, summary, body);

  function render() {
    const query = search.value;
    const shown = bookings.filter(b => statusMatches(b, status) && matches(b, query))
      .sort((a, b) => a.starts_at - b.starts_at || fold(a.customer_name).localeCompare(fold(b.customer_name)));
    const covers = shown.reduce((sum, b) => sum + b.party_size, 0);
    summary.textContent = `${shown.length} ${shown.length === 1 ? 'booking' : 'bookings'} · ${covers} ${covers === 1 ? 'cover' : 'covers'}`
      + (shown.length !== bookings.length ? ` (of ${bookings.length} this day)` : '');
    // Nothing shown changed (a resync, a change on another day): keep the rows, and a row being clicked.
    const key = JSON.stringify([bookings.length, shown.map(b => [b.id, b.version,
      (b.tables ?? []).map(t => store.table(t.table_id)?.name)])]);
    if (key === shownKey) return;
    shownKey = key;
    if (shown.length === 0) {
      replace(body, h('p', {class: 'bookings-empty card muted', text: bookings.length === 0
        ? 'No bookings on this day.' : 'No booking matches the filter.'}));
      return;
    }
    const label = (text, cell) => { cell.dataset.label = text; return cell; };
    replace(body, h('table', {class: 'list bookings-list', id: 'bookings-table', 'aria-label': `Bookings of ${formatDate(date)}`},
      h('thead', null, h('tr', null,
        h('th', {scope: 'col', text: 'Time'}), h('th', {scope: 'col', text: 'Guest'}), h('th', {scope: 'col', class: 'num', text: 'Party'}),
        h('th', {scope: 'col', text: 'Table'}), h('th', {scope: 'col', text: 'Status'}), h('th', {scope: 'col', text: 'Hold'}))),
      h('tbody', null, shown.map(b => {
        const tables = (b.tables?.length ? b.tables : [b.table]).map(t => store.table(t.table_id)?.name ?? 'removed table').join(' + ');
        const time = `${formatTime(b.starts_at * 1000, store.zone)}–${formatTime(b.ends_at * 1000, store.zone)}`;
        const open = () => openBooking(ctx, b.id);
        return h('tr', {tabIndex: 0, dataset: {testid: 'booking-row', id: b.id, status: b.status},
          'aria-label': `${time}, ${b.customer_name || 'Guest'}, party of ${b.party_size}, ${tables}, ${STATUS_LABEL[b.status] ?? b.status}. Open.`,
          onclick: open, onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } }},
        label('Time', h('td', {class: 'time', text: time})),
        label('Guest', h('td', {class: 'guest'}, h('span', {class: 'guest-name', text: b.customer_name || 'Guest'}),
          b.customer_phone ? h('span', {class: 'guest-phone', text: b.customer_phone}) : null)),
        label('Party', h('td', {class: 'num', text: String(b.party_size)})),
        label('Table', h('td', {class: 'tables', text: tables})),
        label('Status', h('td', null, h('span', {class: `status ${b.status}`, text: STATUS_LABEL[b.status] ?? b.status}))),
        label('Hold', h('td', {class: 'hold'}, b.status === 'held' && b.expires_at
          ? h('booker-countdown', {expires: b.expires_at}) : null)));
      })),
      h('tfoot', null, h('tr', null,
        label('Total', h('td', {colspan: 2, text: `${shown.length} ${shown.length === 1 ? 'booking' : 'bookings'}`})),
        label('Covers', h('td', {class: 'num', id: 'bookings-covers', text: String(covers)})),
        h('td', {colspan: 3})))));
  }

  async function load() {
    try {
      bookings = await store.bookingsOn(date);
      showError(error, '');
    } catch (e) {
      showError(error, explain(e, 'Loading the bookings'));
    }
    if (!disposed) render();
  }

  const onBookings = e => {
    const dates = e.detail?.dates;
    if (!dates || dates.length === 0 || dates.includes(date)) load();
  };
  const onStructure = () => render();
  store.addEventListener('bookings', onBookings);
  store.addEventListener('structure', onStructure);
  await load();

  return () => {
    disposed = true;
    store.removeEventListener('bookings', onBookings);
    store.removeEventListener('structure', onStructure);
  };
}
