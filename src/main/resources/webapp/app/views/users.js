// Users, for admins: who may sign in, with which role and for which venues. Create, change role,
// venues and name, disable or enable, reset a password.
import {explain} from '../api.js';
import {MIN_PASSWORD, MAX_PASSWORD, passwordProblem} from '../logic/validation.js';
import {h, replace, field, ask, toast, busy, errorBox, showError, openDialog} from '../dom.js';

const V1 = '/api/v1';
const PAGE = 50;
const LOGIN = /^[A-Za-z0-9._@-]{3,64}$/;
const ROLES = [
  ['host', 'Host', 'Runs the host stand: bookings, timeline and floor of their venues.'],
  ['manager', 'Manager', 'Also sets up their venues: details, rooms, tables and hours.'],
  ['admin', 'Administrator', 'Everything, every venue, and the users.'],
];

function roleName(role) {
  return ROLES.find(r => r[0] === role)?.[1] ?? role;
}

export async function mount(container, ctx) {
  if (!ctx.can('users')) {
    replace(container, h('section', {class: 'card empty'}, h('h1', {text: 'Users'}),
      h('p', {text: 'Only administrators manage users.'})));
    return () => {};
  }
  let offset = 0;
  let disposed = false;
  const me = ctx.user;
  const venues = () => ctx.app?.venues ?? [];
  const venueName = id => venues().find(v => v.id === id)?.name;

  const tbody = h('tbody');
  const pager = h('div', {class: 'toolbar users-pager'});
  const listError = errorBox();

  const load = async () => {
    try {
      const page = await ctx.api.get(`${V1}/users`, {limit: PAGE, offset});
      if (disposed) return;
      if (page.users.length === 0 && offset > 0) {
        offset = Math.max(0, offset - PAGE);
        return load();
      }
      showError(listError, '');
      replace(tbody, page.users.map(row));
      const last = Math.min(offset + page.users.length, page.total);
      replace(pager,
        h('span', {class: 'muted', role: 'status', text: page.total ? `${offset + 1}–${last} of ${page.total} users` : 'No users'}),
        h('button', {type: 'button', class: 'secondary small', id: 'users-prev', text: 'Previous', disabled: offset === 0,
          onclick: () => { offset = Math.max(0, offset - PAGE); load(); }}),
        h('button', {type: 'button', class: 'secondary small', id: 'users-next', text: 'Next', disabled: last >= page.total,
          onclick: () => { offset += PAGE; load(); }}));
    } catch (err) {
      if (!disposed) showError(listError, explain(err, 'Loading the users'));
    }
  };

  const venueList = user => {
    if (user.role === 'admin') return 'Every venue';
    const names = user.venue_ids.map(id => venueName(id) ?? 'a deleted venue');
    return names.length ? names.join(', ') : 'No venue';
  };

  const row = user => {
    const self = user.id === me?.id;
    return h('tr', {'data-testid': 'user-row', 'data-id': user.id, 'data-login': user.login, class: user.disabled ? 'disabled' : null},
      h('td', {class: 'user-login'}, h('span', {text: user.login}), self ? h('span', {class: 'muted', text: ' (you)'}) : null),
      h('td', {class: 'user-name', text: user.display_name || '—'}),
      h('td', {class: 'user-role', text: roleName(user.role)}),
      h('td', {class: 'user-venues', text: venueList(user)}),
      h('td', {class: 'user-state'}, h('span', {class: ['user-status', user.disabled ? 'off' : 'on'],
        text: user.disabled ? 'Disabled' : 'Active'})),
      h('td', {class: 'user-actions'}, h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary small', 'data-action': 'edit', text: 'Edit',
          'aria-label': `Edit ${user.login}`, onclick: () => edit(user)}),
        h('button', {type: 'button', class: 'secondary small', 'data-action': 'password', text: 'Reset password',
          'aria-label': `Reset the password of ${user.login}`, onclick: () => resetPassword(user)}),
        self ? null : h('button', {type: 'button', class: 'secondary small', 'data-action': user.disabled ? 'enable' : 'disable',
          text: user.disabled ? 'Enable' : 'Disable', 'aria-label': `${user.disabled ? 'Enable' : 'Disable'} ${user.login}`,
          onclick: () => toggle(user)}))));
  };

  /** Role select, venue checkboxes (hidden for admins) and their reading. */
  const roleAndVenues = (user, lockRole) => {
    const role = h('select', {name: 'role', disabled: lockRole},
      ROLES.map(([value, text]) => h('option', {value, selected: value === (user?.role ?? 'host'), text})));
    const roleHint = h('span', {class: 'field-hint'});
    const chosen = new Set(user?.venue_ids ?? (venues().length === 1 ? [venues()[0].id] : []));
    const boxes = venues().map(v => h('label', {class: 'check'},
      h('input', {type: 'checkbox', name: 'venue', value: v.id, checked: chosen.has(v.id)}), h('span', {text: v.name})));
    const venueSet = h('fieldset', {class: 'venue-choice'}, h('legend', {text: 'Venues'}),
      boxes.length ? h('div', {class: 'venue-boxes'}, boxes) : h('p', {class: 'muted', text: 'There is no venue yet. Create one in Setup first.'}));
    const adminNote = h('p', {class: 'muted', text: 'Administrators see every venue.'});
    const sync = () => {
      roleHint.textContent = ROLES.find(r => r[0] === role.value)?.[2] ?? '';
      venueSet.hidden = role.value === 'admin';
      adminNote.hidden = role.value !== 'admin';
    };
    role.addEventListener('change', sync);
    sync();
    const read = () => ({role: role.value, venue_ids: boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value)});
    const nodes = [h('label', {class: 'field'}, h('span', {class: 'field-label', text: 'Role'}), role, roleHint,
      lockRole ? h('span', {class: 'field-hint', text: 'You cannot change your own role.'}) : null), venueSet, adminNote];
    return {role, nodes, read};
  };

  // ---- create
  const login = h('input', {name: 'login', required: true, maxLength: 64, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none'});
  const displayName = h('input', {name: 'display_name', maxLength: 100, autocomplete: 'off'});
  const password = h('input', {name: 'password', type: 'password', required: true, minLength: MIN_PASSWORD, maxLength: MAX_PASSWORD, autocomplete: 'new-password'});
  const show = h('input', {type: 'checkbox', name: 'show_password', onchange: () => password.type = show.checked ? 'text' : 'password'});
  let choice = roleAndVenues(null, false);
  const createError = errorBox();
  const choiceBox = h('div', {class: 'stack'}, choice.nodes);
  const createForm = h('form', {id: 'user-create-form', class: 'stack', novalidate: true},
    h('div', {class: 'row'},
      field('Login', login, '3 to 64 letters, digits or . _ @ -'),
      field('Name', displayName, 'As shown to colleagues, e.g. “Ada L.”')),
    field('Password', password, `At least ${MIN_PASSWORD} characters, not the login. Tell it to the person; they can change it later.`),
    h('label', {class: 'check'}, show, h('span', {text: 'Show password'})),
    choiceBox, createError,
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', text: 'Create user'})));
  createForm.addEventListener('submit', async e => {
    e.preventDefault();
    const body = {login: login.value.trim(), display_name: displayName.value.trim(), password: password.value, ...choice.read()};
    const wrong = passwordProblem(body.password, body.login) && [password, passwordProblem(body.password, body.login)];
    const problem = !LOGIN.test(body.login) ? [login, 'The login needs 3 to 64 letters, digits or . _ @ - (no spaces).']
      : wrong ? wrong
        : body.role !== 'admin' && body.venue_ids.length === 0 ? [choice.role, `A ${roleName(body.role).toLowerCase()} needs at least one venue: tick the venues they work at.`]
          : null;
    showError(createError, problem?.[1]);
    if (problem) return problem[0].focus();
    if (body.role === 'admin') delete body.venue_ids;
    if (!body.display_name) delete body.display_name;
    try {
      const created = await busy(createForm, () => ctx.api.post(`${V1}/users`, body));
      toast(`User ${created.login} created.`, 'ok');
      login.value = '';
      displayName.value = '';
      password.value = '';
      choice = roleAndVenues(null, false);
      replace(choiceBox, choice.nodes);
      await load();
      login.focus();
    } catch (err) {
      showError(createError, err.code === 'ALREADY_EXISTS'
        ? `The login “${body.login}” is already taken. Choose another one.` : explain(err, 'Creating the user'));
    }
  });

  // ---- edit
  const edit = user => {
    const self = user.id === me?.id;
    const name = h('input', {name: 'display_name', maxLength: 100, value: user.display_name ?? '', autocomplete: 'off'});
    const disabled = h('input', {type: 'checkbox', name: 'disabled', checked: user.disabled, disabled: self});
    const c = roleAndVenues(user, self);
    const error = errorBox();
    const form = h('form', {id: 'user-edit-form', class: 'stack', novalidate: true},
      field('Name', name), c.nodes,
      h('label', {class: 'check'}, disabled, h('span', {text: 'Disabled (cannot sign in)'})),
      self ? h('p', {class: 'muted', text: 'You cannot disable yourself or change your own role.'}) : null,
      error,
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => d.close()}),
        h('button', {type: 'submit', class: 'primary', text: 'Save user'})));
    const d = openDialog({title: `User ${user.login}`, content: form});
    name.focus();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const next = c.read();
      const change = {};
      if (name.value.trim() !== (user.display_name ?? '')) change.display_name = name.value.trim();
      if (!self && next.role !== user.role) change.role = next.role;
      if (next.role !== 'admin' && !sameSet(next.venue_ids, user.venue_ids)) change.venue_ids = next.venue_ids;
      if (!self && disabled.checked !== user.disabled) change.disabled = disabled.checked;
      if (next.role !== 'admin' && next.venue_ids.length === 0) {
        return showError(error, `A ${roleName(next.role).toLowerCase()} needs at least one venue: tick the venues they work at.`);
      }
      if (Object.keys(change).length === 0) return d.close();
      try {
        await busy(form, () => ctx.api.put(`${V1}/users/${user.id}`, change));
        d.close();
        toast(`User ${user.login} saved.${change.role || change.venue_ids || change.disabled !== undefined ? ' They may need to sign in again.' : ''}`, 'ok');
        await load();
      } catch (err) {
        showError(error, explain(err, 'Saving the user'));
      }
    });
  };

  const toggle = async user => {
    const disabling = !user.disabled;
    if (disabling) {
      const yes = await ask({title: `Disable ${user.login}?`, danger: true, confirm: 'Disable',
        message: `${user.display_name || user.login} will not be able to sign in until enabled again. Their bookings and history stay.`});
      if (!yes) return;
    }
    try {
      await ctx.api.put(`${V1}/users/${user.id}`, {disabled: disabling});
      toast(`${user.login} ${disabling ? 'disabled' : 'enabled'}.`, 'ok');
      await load();
    } catch (err) {
      toast(explain(err, disabling ? 'Disabling the user' : 'Enabling the user'), 'error');
    }
  };

  const resetPassword = user => {
    const input = h('input', {name: 'password', type: 'password', required: true, minLength: MIN_PASSWORD, maxLength: MAX_PASSWORD, autocomplete: 'new-password'});
    const reveal = h('input', {type: 'checkbox', name: 'show_password', onchange: () => input.type = reveal.checked ? 'text' : 'password'});
    const error = errorBox();
    const form = h('form', {id: 'user-password-form', class: 'stack', novalidate: true},
      h('p', {text: `Every session of ${user.login} ends; they sign in again with the new password.`}),
      field('New password', input, `At least ${MIN_PASSWORD} characters, not the login.`),
      h('label', {class: 'check'}, reveal, h('span', {text: 'Show password'})),
      error,
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => d.close()}),
        h('button', {type: 'submit', class: 'primary', text: 'Set password'})));
    const d = openDialog({title: `New password for ${user.login}`, content: form, className: 'small'});
    input.focus();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const wrong = passwordProblem(input.value, user.login);
      if (wrong) {
        showError(error, wrong);
        return input.focus();
      }
      try {
        await busy(form, () => ctx.api.post(`${V1}/users/${user.id}/password`, {password: input.value}));
        d.close();
        toast(`New password set for ${user.login}.`, 'ok');
      } catch (err) {
        showError(error, explain(err, 'Setting the password'));
      }
    });
  };

  replace(container, h('div', {class: 'users stack'},
    h('div', {class: 'toolbar'}, h('h1', {class: 'title', text: 'Users'})),
    h('section', {class: 'card stack', 'aria-labelledby': 'user-list-title'},
      h('h2', {id: 'user-list-title', text: 'Everyone who can sign in'}), listError,
      h('div', {class: 'list-wrap'}, h('table', {class: 'list users-list', id: 'users'},
        h('thead', null, h('tr', null, ['Login', 'Name', 'Role', 'Venues', 'Status', 'Actions'].map(t => h('th', {scope: 'col', text: t})))),
        tbody)),
      pager),
    h('section', {class: 'card stack', 'aria-labelledby': 'new-user-title'}, h('h2', {id: 'new-user-title', text: 'New user'}), createForm)));
  await load();
  return () => { disposed = true; };
}

function sameSet(a, b) {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every(v => y.has(v));
}
