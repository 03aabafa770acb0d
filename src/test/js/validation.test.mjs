// logic/validation.js: what the setup and users forms refuse before sending.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {MAX_PASSWORD, MIN_PASSWORD, passwordProblem, tableProblem, venueProblems}
  from '../../main/resources/webapp/app/logic/validation.js';

const venue = fields => ({name: 'Chez Nous', timezone: 'Europe/Paris', address: '', phone: '', email: '', description: '',
  language: '', ...fields});

test('a venue with a name and a zone, the rest empty, is fine', () => {
  assert.deepEqual(venueProblems(venue({})), []);
});

test('a venue\'s problems come in form order, each with its field', () => {
  const found = venueProblems(venue({name: '', timezone: '', phone: 'call me', email: 'nobody', language: 'english'}));
  assert.deepEqual(found.map(p => p.field), ['name', 'timezone', 'phone', 'email', 'language']);
  assert.equal(found[0].message, 'Give the venue a name.');
});

test('phone numbers take digits, spaces and + ( ) -', () => {
  assert.deepEqual(venueProblems(venue({phone: '+41 (0)44 123-45-67'})), []);
  assert.deepEqual(venueProblems(venue({phone: '044/123'})).map(p => p.field), ['phone']);
});

test('email addresses need a name, an @ and a dotted domain', () => {
  for (const ok of ['a@b.ch', 'first.last@mail.example.com']) assert.deepEqual(venueProblems(venue({email: ok})), [], ok);
  for (const bad of ['a@b', '@b.ch', 'a b@c.ch', 'a@b..ch', 'a@.b.ch']) {
    assert.deepEqual(venueProblems(venue({email: bad})).map(p => p.field), ['email'], bad);
  }
});

test('the guests\' language is a language tag or empty', () => {
  for (const ok of ['', 'en', 'de-CH', 'fr-CA', 'zh-Hant-TW', 'es-419']) assert.deepEqual(venueProblems(venue({language: ok})), [], ok);
  for (const bad of ['english', 'e', 'de_CH', 'de-', 'en-US-x']) {
    assert.deepEqual(venueProblems(venue({language: bad})).map(p => p.field), ['language'], bad);
  }
});

test('a table needs a name and 1 to 100 whole seats', () => {
  assert.equal(tableProblem({name: 'T1', capacity: 4}), null);
  assert.equal(tableProblem({name: '', capacity: 4}).field, 'name');
  for (const capacity of [0, 101, 2.5, NaN]) assert.equal(tableProblem({name: 'T1', capacity})?.field, 'capacity', String(capacity));
  assert.equal(tableProblem({name: 'T1', capacity: 100}), null);
});

test('a password has 10 to 128 characters and is not the login', () => {
  assert.equal(MIN_PASSWORD, 10);
  assert.equal(MAX_PASSWORD, 128);
  assert.equal(passwordProblem('short', 'anna'), 'The password needs at least 10 characters (it has 5).');
  assert.equal(passwordProblem('x'.repeat(129), 'anna'), 'The password may have at most 128 characters.');
  assert.equal(passwordProblem(' Anna.Host1 ', 'anna.host1'), 'The password must not be the login.');
  assert.equal(passwordProblem('correct horse battery', 'anna'), '');
  assert.equal(passwordProblem('correct horse battery', ''), '');
});
