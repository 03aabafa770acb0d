// The shell: sign-in, the header (venue, screens, live status, user), and the hash router that mounts
// one screen at a time. Screens live in views/ and export mount(container, ctx) returning a dispose().
import {Api, ApiError, explain} from './api.js';
import {LiveFeed} from './live.js';
import {VenueStore} from './store.js';
import {h, replace, field, errorBox, showError, busy, toast} from './dom.js';
import {today} from './logic/time.js';
import './components.js';

const SCREENS = {
  timeline: {title: 'Timeline', load: () => import('./views/timeline.js'), venue: true},
  floor: {title: 'Floor', load: () => import('./views/floor.js'), venue: true},
  bookings: {title: 'Bookings', load: () => import('./views/bookings.js'), venue: true},
  setup: {title: 'Setup', load: () => import('./views/setup.js'), roles: ['admin', 'manager', 'host']},
  users: {title: 'Users', load: () => import('./views/users.js'), roles: ['admin']},
};

const LAST_VENUE = 'booker.venue';

class App {
  constructor(root) {
    this.root = root;
    this.api = new Api();
    this.live = new LiveFeed(this.api);
    this.venues = [];
    this.store = null;
    this.view = null;
    this.renderSeq = 0;
    this.api.addEventListener('signedout', () => this.signedOut());
    window.addEventListener('hashchange', () => this.route());
  }

  async start() {
    if (!this.api.signedIn) return this.showSignIn();
    try {
      await this.enter();
    } catch (e) {
      if (!this.api.signedIn) return this.showSignIn();
      replace(this.root, h('main', {class: 'fatal'}, h('h1', {text: 'Booker'}), h('p', {role: 'alert', text: explain(e, 'Loading')}),
        h('button', {type: 'button', class: 'primary', text: 'Try again', onclick: () => this.start()})));
    }
  }

  get user() {
    return this.api.user;
  }

  can(what) {
    const role = this.user?.role;
    switch (what) {
      case 'setup': return role === 'admin' || role === 'manager';
      case 'users': case 'create-venue': return role === 'admin';
      case 'arrange': return role === 'admin' || role === 'manager';
      default: return !!role;
    }
  }

  showSignIn(message) {
    this.disposeView();
    this.live.stop();
    const login = h('input', {id: 'login', name: 'login', autocomplete: 'username', required: true});
    const password = h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
    const error = errorBox();
    const form = h('form', {id: 'sign-in', class: 'card sign-in stack'},
      h('div', {class: 'brand large'}, h('img', {src: '/app/icon.svg', alt: '', width: 40, height: 40}), h('span', {text: 'Booker'})),
      h('h1', {text: 'Sign in'}),
      field('Login', login), field('Password', password), error,
      h('button', {type: 'submit', class: 'primary', text: 'Sign in'}));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      showError(error, '');
      try {
        await busy(form, () => this.api.signIn(login.value.trim(), password.value));
        password.value = '';
        await this.enter();
      } catch (err) {
        showError(error, err.status === 401 ? 'Login or password is wrong.' : explain(err, 'Signing in'));
        password.focus();
      }
    });
    replace(this.root, h('main', {class: 'sign-in-page'}, form));
    if (message) showError(error, message);
    login.focus();
  }

  signedOut() {
    this.store?.dispose();
    this.store = null;
    this.showSignIn('Your session ended. Sign in again.');
  }

  async enter() {
    const me = await this.api.get('/api/v1/auth/me');
    this.api.session.user = me;
    const page = await this.api.get('/api/v1/venues', {limit: 500});
    this.setVenues(page);
    this.live.start();
    this.renderShell();
    await this.route();
  }

  renderShell() {
    this.venueSelect = h('select', {id: 'venue-select', name: 'venue', 'aria-label': 'Venue',
      onchange: () => this.go(this.current.screen, {venue: this.venueSelect.value, date: this.current.params.date})});
    this.nav = h('nav', {class: 'screens', 'aria-label': 'Screens'});
    this.status = h('span', {id: 'live-status', class: 'live-status', role: 'status'});
    this.banner = h('div', {id: 'offline-banner', class: 'offline-banner', role: 'alert', hidden: true,
      text: 'Live updates are disconnected. Reconnecting… What you see may be out of date.'});
    const user = this.user;
    this.main = h('main', {id: 'screen', class: 'screen', tabIndex: -1});
    replace(this.root, h('div', {id: 'app-shell', class: 'shell'},
      h('header', {class: 'top'},
        h('a', {class: 'brand', href: '#/timeline'}, h('img', {src: '/app/icon.svg', alt: '', width: 28, height: 28}), h('span', {text: 'Booker'})),
        this.venueSelect, this.nav,
        h('div', {class: 'me'}, this.status,
          h('span', {class: 'who', text: `${user.display_name || user.login} · ${user.role}`}),
          h('button', {type: 'button', id: 'sign-out', class: 'secondary small', text: 'Sign out', onclick: () => this.signOut()}))),
      this.banner, this.main));
    const onStatus = () => {
      const state = this.live.state;
      this.status.textContent = state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Offline';
      this.status.className = `live-status ${state}`;
      // A short blip while (re)connecting is not worth a banner; a lasting drop is.
      clearTimeout(this.bannerTimer);
      if (state === 'live') this.banner.hidden = true;
      else this.bannerTimer = setTimeout(() => this.banner.hidden = this.live.state === 'live', 2500);
    };
    this.live.addEventListener('status', onStatus);
    onStatus();
  }

  async signOut() {
    this.disposeView();
    this.store?.dispose();
    this.store = null;
    this.live.stop();
    await this.api.signOut();
    location.hash = '';
    this.showSignIn();
  }

  parse() {
    const hash = location.hash.replace(/^#\/?/, '');
    const [name, query] = hash.split('?');
    const params = Object.fromEntries(new URLSearchParams(query ?? ''));
    return {screen: SCREENS[name] ? name : 'timeline', params};
  }

  go(screen, params = {}) {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    const target = `#/${screen}${q.toString() ? '?' + q : ''}`;
    if (location.hash === target) this.route();
    else location.hash = target;
  }

  async route() {
    if (!this.api.signedIn || !this.main) return;
    const seq = ++this.renderSeq;
    let {screen, params} = this.parse();
    const spec = SCREENS[screen];
    if (spec.roles && !spec.roles.includes(this.user.role)) screen = 'timeline';
    const wanted = params.venue ?? localStorage.getItem(LAST_VENUE);
    if (wanted && this.venuesTruncated && !this.venues.some(v => v.id === wanted)) await this.fetchVenue(wanted);
    if (seq !== this.renderSeq) return;
    const venue = this.venues.find(v => v.id === params.venue) ?? this.venues.find(v => v.id === localStorage.getItem(LAST_VENUE)) ?? this.venues[0];
    if (venue && params.venue !== venue.id && (SCREENS[screen].venue || screen === 'setup')) {
      params = {...params, venue: venue.id};
    }
    this.current = {screen, params};
    this.renderNav(screen, params);
    this.disposeView();
    if (venue) localStorage.setItem(LAST_VENUE, venue.id);
    this.venueSelect.hidden = !venue || screen === 'users';
    replace(this.venueSelect, this.venues.map(v => h('option', {value: v.id, selected: v.id === venue?.id, text: v.name})));

    if (SCREENS[screen].venue && !venue) {
      replace(this.main, h('section', {class: 'empty card'}, h('h1', {text: 'No venue yet'}),
        h('p', {text: this.can('create-venue') ? 'Create the first venue in Setup.' : 'No venue is assigned to you yet. Ask an administrator.'}),
        this.can('create-venue') ? h('a', {class: 'button primary', href: '#/setup', text: 'Go to Setup'}) : null));
      return;
    }
    replace(this.main, h('p', {class: 'loading', text: 'Loading…'}));
    try {
      const store = venue ? await this.storeFor(venue.id) : null;
      const module = await SCREENS[screen].load();
      if (seq !== this.renderSeq) return;
      const container = h('div', {class: `view view-${screen}`});
      replace(this.main, container);
      this.view = await module.mount(container, {
        app: this, api: this.api, live: this.live, store, venue, params,
        date: params.date || (store ? today(store.zone) : undefined),
        user: this.user, can: w => this.can(w), go: (s, p) => this.go(s, p),
        venuesChanged: () => this.refreshVenues(),
      });
      document.title = `${SCREENS[screen].title} · ${venue?.name ?? 'Booker'} · Booker`;
    } catch (e) {
      if (seq !== this.renderSeq) return;
      replace(this.main, h('section', {class: 'card'}, h('p', {role: 'alert', class: 'form-error', text: explain(e, 'Loading this screen')}),
        h('button', {type: 'button', class: 'primary', text: 'Try again', onclick: () => this.route()})));
    }
  }

  async storeFor(venueId) {
    if (this.store?.id === venueId) return this.store;
    this.store?.dispose();
    this.store = new VenueStore(this.api, this.live, venueId);
    this.live.follow([venueId]);
    const store = this.store;
    store.addEventListener('gone', () => {
      toast('This venue was deleted.', 'error');
      this.refreshVenues();
    });
    store.addEventListener('venue', () => {
      const v = this.venues.find(x => x.id === store.id);
      if (v && store.venue) Object.assign(v, store.venue);
      // A rename, here or by someone else, shows in the venue picker at once.
      const option = [...this.venueSelect.options].find(o => o.value === store.id);
      if (option && store.venue) option.textContent = store.venue.name;
    });
    await store.load();
    return store;
  }

  setVenues(page) {
    this.venues = page.venues.sort((a, b) => a.name.localeCompare(b.name));
    // Only an admin of a very large group sees a first page that is not all of it.
    this.venuesTruncated = page.total > page.venues.length;
  }

  /** A venue beyond the first page of the list (asked for by address or last used): added when it exists. */
  async fetchVenue(id) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return;
    try {
      const venue = await this.api.get(`/api/v1/venues/${id}`);
      if (!this.venues.some(v => v.id === venue.id)) this.venues.push(venue);
      this.venues.sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      // Gone: the first venue of the list is shown instead.
    }
  }

  async refreshVenues() {
    const page = await this.api.get('/api/v1/venues', {limit: 500});
    this.setVenues(page);
    if (this.store && !this.venues.some(v => v.id === this.store.id)) {
      this.store.dispose();
      this.store = null;
    }
    await this.route();
  }

  renderNav(screen, params) {
    const keep = params.venue ? {venue: params.venue} : {};
    replace(this.nav, Object.entries(SCREENS)
      .filter(([, s]) => !s.roles || s.roles.includes(this.user.role))
      .map(([name, s]) => h('a', {href: `#/${name}?${new URLSearchParams(keep)}`, id: `nav-${name}`,
        'aria-current': name === screen ? 'page' : null, text: s.title})));
  }

  disposeView() {
    try {
      this.view?.();
    } finally {
      this.view = null;
    }
  }
}

const app = new App(document.getElementById('root'));
window.addEventListener('unhandledrejection', e => {
  // A failure no screen handled: say so instead of failing silently.
  toast(explain(e.reason, 'That'), 'error');
  if (e.reason instanceof ApiError) e.preventDefault();
});
app.start();
