// What is wrong with a form's values before they are sent, as sentences. Pure: no DOM (unit-tested with
// node --test, src/test/js/validation.test.mjs). The server checks the same and more; these catch
// the common slips with a clearer word and the field to focus.

const LANGUAGE = /^$|^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?$/;
const PHONE = /^[0-9 +()\-]*$/;
const EMAIL = /^$|^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 128;

/** Everything wrong with a venue's details (the request body), in form order: [{field, message}]. */
export function venueProblems(body) {
  const found = [];
  if (!body.name) found.push({field: 'name', message: 'Give the venue a name.'});
  if (!body.timezone) found.push({field: 'timezone', message: 'Choose the venue’s time zone.'});
  if (!PHONE.test(body.phone)) found.push({field: 'phone', message: 'The phone number may only have digits, spaces and + ( ) -.'});
  if (!EMAIL.test(body.email)) found.push({field: 'email', message: 'The email address does not look right (name@example.com).'});
  if (!LANGUAGE.test(body.language)) {
    found.push({field: 'language', message: 'The language should be a tag such as en, de, de-CH or fr-CA (or empty for English).'});
  }
  return found;
}

/** The first thing wrong with a table's fields ({name, capacity, ...}) as {field, message}, or null. */
export function tableProblem(body) {
  if (!body.name) return {field: 'name', message: 'Give the table a name, such as “T1” or “Window 2”.'};
  if (!Number.isInteger(body.capacity) || body.capacity < 1 || body.capacity > 100) {
    return {field: 'capacity', message: 'Seats must be a whole number from 1 to 100.'};
  }
  return null;
}

/** What is wrong with a new password for login, or ''. */
export function passwordProblem(password, login) {
  if (password.length < MIN_PASSWORD) return `The password needs at least ${MIN_PASSWORD} characters (it has ${password.length}).`;
  if (password.length > MAX_PASSWORD) return `The password may have at most ${MAX_PASSWORD} characters.`;
  if (login && password.trim().toLowerCase() === login.trim().toLowerCase()) return 'The password must not be the login.';
  return '';
}
