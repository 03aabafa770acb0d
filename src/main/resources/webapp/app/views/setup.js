// Venue setup, for managers and admins: the venue's details, its rooms and tables, the weekly opening
// hours (several ranges a day, overnight closing), special days, the seating rules (turn times,
// service periods with pacing, booking window) and blocked tables. Admins also create and delete
// venues. Hosts see the seating rules and the blocked tables, read-only. Every change goes through the
// documented REST API; the store reloads what changed (and the live feed tells the other screens).
// Each card is a module of setup/; this one lays them out and follows the store.
import {h, replace} from '../dom.js';
import {blocksSection} from './setup/blocks.js';
import {hoursSection} from './setup/hours.js';
import {roomsSection} from './setup/rooms.js';
import {seatingSection} from './setup/seating.js';
import {specialSection} from './setup/special.js';
import {deleteVenue, firstVenue, newVenueDialog, venueSection} from './setup/venue.js';

export async function mount(container, ctx) {
  const cleanups = [];
  const dispose = () => cleanups.splice(0).forEach(f => f());

  const store = ctx.store;
  if (!ctx.can('setup')) {
    if (!store || !store.venue) {
      replace(container, h('section', {class: 'card empty'}, h('h1', {text: 'Setup'}),
        h('p', {text: 'Setting up a venue is for managers and administrators. Ask one of them if something needs to change.'})));
      return dispose;
    }
    readOnly(container, ctx, cleanups);
    return dispose;
  }
  if (!store || !store.venue) {
    replace(container, firstVenue(ctx));
    return dispose;
  }

  const venueCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-venue-title'});
  const roomsCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-rooms-title'});
  const hoursCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-hours-title'});
  const specialCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-special-title'});
  const seatingCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-seating-title'});
  const blocksCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-blocks-title'});

  const venue = venueSection(venueCard, ctx);
  const rooms = roomsSection(roomsCard, ctx);
  const hours = hoursSection(hoursCard, ctx);
  const special = specialSection(specialCard, ctx);
  const seating = seatingSection(seatingCard, ctx);
  const blocks = blocksSection(blocksCard, ctx);

  const toolbar = h('div', {class: 'toolbar'},
    h('h1', {class: 'title', id: 'setup-title', text: `Setup · ${store.venue.name}`}),
    ctx.can('create-venue') ? h('button', {type: 'button', id: 'new-venue', class: 'secondary', text: 'New venue',
      onclick: () => newVenueDialog(ctx)}) : null);

  const danger = ctx.can('create-venue') ? h('section', {class: 'card stack setup-danger', 'aria-labelledby': 'setup-danger-title'},
    h('h2', {id: 'setup-danger-title', text: 'Delete this venue'}),
    h('p', {class: 'muted', text: 'Deleting removes the venue with its rooms, tables and hours for everyone. It is refused while bookings are still to come.'}),
    h('div', {class: 'actions'}, h('button', {type: 'button', id: 'delete-venue', class: 'danger', text: 'Delete venue',
      onclick: () => deleteVenue(ctx)}))) : null;

  replace(container, h('div', {class: 'setup'}, toolbar,
    h('div', {class: 'setup-grid'}, venueCard, hoursCard, roomsCard, specialCard, seatingCard,
      blocksCard, danger)));

  const onVenue = () => {
    venue.refresh();
    const title = container.querySelector('#setup-title');
    if (title && store.venue) title.textContent = `Setup · ${store.venue.name}`;
  };
  const onStructure = () => {
    rooms.render();
    blocks.structure();
  };
  const onSchedule = () => {
    hours.refresh();
    special.render();
  };
  store.addEventListener('venue', onVenue);
  store.addEventListener('structure', onStructure);
  store.addEventListener('schedule', onSchedule);
  follow(store, cleanups, {seating: () => seating.refresh(), blocks: () => blocks.render()});
  cleanups.push(() => {
    store.removeEventListener('venue', onVenue);
    store.removeEventListener('structure', onStructure);
    store.removeEventListener('schedule', onSchedule);
  });
  return dispose;
}

/** A host's Setup: the seating rules and the blocked tables, to read. */
function readOnly(container, ctx, cleanups) {
  const store = ctx.store;
  const seatingCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-seating-title'});
  const blocksCard = h('section', {class: 'card stack', 'aria-labelledby': 'setup-blocks-title'});
  const seating = seatingSection(seatingCard, ctx);
  const blocks = blocksSection(blocksCard, ctx);
  replace(container, h('div', {class: 'setup'},
    h('div', {class: 'toolbar'}, h('h1', {class: 'title', id: 'setup-title', text: `Seating rules · ${store.venue.name}`})),
    h('p', {class: 'muted', text: 'Managers and administrators set the venue up; here is what the bookings follow.'}),
    h('div', {class: 'setup-grid'}, seatingCard, blocksCard)));
  follow(store, cleanups, {seating: () => seating.refresh(), blocks: () => blocks.render(), structure: () => blocks.structure()});
}

/** Listens to the store's events while the screen is mounted. */
function follow(store, cleanups, handlers) {
  for (const [type, fn] of Object.entries(handlers)) {
    store.addEventListener(type, fn);
    cleanups.push(() => store.removeEventListener(type, fn));
  }
}
