// logic/bookings.js: the bookings list's search and status filter.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {digits, fold, matches, statusMatches} from '../../main/resources/webapp/app/logic/bookings.js';

const guest = {customer_name: 'Zoë Ångström', customer_phone: '+41 44 123 45 67', status: 'confirmed'};

test('fold drops case and accents, and reads null as empty', () => {
  assert.equal(fold('Zoë Ångström'), 'zoe angstrom');
  assert.equal(fold(null), '');
  assert.equal(fold(undefined), '');
});

test('digits keeps the digits only', () => {
  assert.equal(digits('+41 (0)44 123-45'), '4104412345');
  assert.equal(digits(null), '');
});

test('an empty search matches every booking', () => {
  assert.equal(matches(guest, ''), true);
  assert.equal(matches(guest, '   '), true);
});

test('the name matches without case or accents', () => {
  assert.equal(matches(guest, 'angst'), true);
  assert.equal(matches(guest, 'ZOE'), true);
  assert.equal(matches(guest, 'zoey'), false);
});

test('a search of digits (with phone punctuation) matches the phone\'s digits', () => {
  assert.equal(matches(guest, '123 45'), true);
  assert.equal(matches(guest, '(44) 123-45'), true);
  assert.equal(matches(guest, '999'), false);
});

test('a search of letters and digits is not a phone number', () => {
  assert.equal(matches(guest, 'table 12'), false);
});

test('a booking without a phone matches on its name only', () => {
  assert.equal(matches({customer_name: 'Bo'}, '12'), false);
  assert.equal(matches({customer_name: 'Bo'}, 'bo'), true);
});

test('the status filter: all, active (held, confirmed, seated) or one status', () => {
  const of = status => ({status});
  assert.equal(statusMatches(of('cancelled'), 'all'), true);
  assert.equal(statusMatches(of('cancelled'), ''), true);
  assert.deepEqual(['held', 'confirmed', 'seated', 'finished', 'cancelled'].filter(s => statusMatches(of(s), 'active')),
    ['held', 'confirmed', 'seated']);
  assert.equal(statusMatches(of('no_show'), 'no_show'), true);
  assert.equal(statusMatches(of('seated'), 'no_show'), false);
});
