// Small DOM helpers. Elements are built with h(), never from HTML strings: guest names and notes are
// text, and the Content Security Policy forbids inline styles and scripts anyway.

/**
 * h('button', {class: 'primary', onclick: fn, 'aria-label': 'Close'}, 'Text', child, ...)
 * Props: class, text, dataset (object), on<event> handlers, aria-* / data-* / other attributes; the DOM
 * properties value, checked, disabled, selected, hidden, htmlFor, type, name, id, min, max, step,
 * required, tabIndex are set as properties. Children may be strings, numbers, nodes, arrays, null.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false && !PROPERTIES.has(key)) continue;
      if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      else if (key === 'text') el.textContent = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (PROPERTIES.has(key)) el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'htmlFor', 'type', 'name', 'id',
  'min', 'max', 'step', 'required', 'tabIndex', 'placeholder', 'autocomplete', 'multiple', 'readOnly']);

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

/** A labelled form control: the label wraps the control so clicking it focuses the control. */
export function field(label, control, hint) {
  return h('label', {class: 'field'}, h('span', {class: 'field-label'}, label), control,
    hint ? h('span', {class: 'field-hint'}, hint) : null);
}

export function select(name, options, value, props = {}) {
  return h('select', {name, ...props}, options.map(o => {
    const [v, text] = Array.isArray(o) ? o : [o, o];
    return h('option', {value: v, selected: String(v) === String(value)}, text);
  }));
}

let dialogCount = 0;

/**
 * A modal dialog (the platform's <dialog>: focus is trapped, Escape closes it). Returns
 * {el, body, close, closed} where closed is a promise resolved when it closes.
 */
export function openDialog({title, content, className, onClose}) {
  const id = `dialog-title-${++dialogCount}`;
  const body = h('div', {class: 'dialog-body'});
  const closeButton = h('button', {type: 'button', class: 'icon-button', 'aria-label': 'Close', text: '×'});
  const titleEl = h('h2', {id, text: title});
  const el = h('dialog', {class: ['dialog', className], 'aria-labelledby': id},
    h('header', {class: 'dialog-head'}, titleEl, closeButton), body);
  let resolve;
  const closed = new Promise(r => resolve = r);
  const close = () => { if (el.open) el.close(); };
  closeButton.addEventListener('click', close);
  el.addEventListener('close', () => {
    el.remove();
    onClose?.();
    resolve();
  });
  if (content) append(body, [content]);
  document.body.append(el);
  el.showModal();
  return {el, body, close, closed, setTitle: t => titleEl.textContent = t};
}

/** Asks a yes/no question; resolves true when confirmed. Optional input returns its value instead. */
export function ask({title, message, confirm = 'OK', danger = false, input}) {
  return new Promise(resolve => {
    let answer = false;
    const control = input ? h('input', {type: 'text', name: 'answer', maxLength: input.maxLength ?? 500, placeholder: input.placeholder ?? ''}) : null;
    const form = h('form', {class: 'stack', method: 'dialog'},
      message ? h('p', {text: message}) : null,
      control ? field(input.label, control) : null,
      h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'secondary', text: 'Back', onclick: () => d.close()}),
        h('button', {type: 'submit', class: danger ? 'danger' : 'primary', text: confirm})));
    form.addEventListener('submit', e => {
      e.preventDefault();
      answer = control ? control.value.trim() : true;
      d.close();
    });
    const d = openDialog({title, content: form, className: 'small', onClose: () => resolve(answer)});
    (control ?? form.querySelector('button[type=submit]')).focus();
  });
}

/** A short message in the corner; errors stay longer. */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  if (!box) return;
  const el = h('div', {class: ['toast', kind], text: message});
  box.append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 9000 : 4000);
}

/** Disables a form's controls while a promise runs. */
export async function busy(form, work) {
  const controls = [...form.querySelectorAll('button, input, select, textarea')].filter(c => !c.disabled);
  controls.forEach(c => c.disabled = true);
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    controls.forEach(c => c.disabled = false);
    form.removeAttribute('aria-busy');
  }
}

/** An inline error area for a form, filled by showError. */
export function errorBox() {
  return h('p', {class: 'form-error', role: 'alert', hidden: true});
}

export function showError(box, message) {
  box.textContent = message ?? '';
  box.hidden = !message;
}
