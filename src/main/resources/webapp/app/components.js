// Custom elements shared by the screens.
import {formatCountdown} from './logic/time.js';

// One clock for every countdown on the page.
const ticking = new Set();
setInterval(() => ticking.forEach(el => el.tick()), 1000);

/**
 * <booker-countdown expires="<unix seconds>">: the time left of a hold, "4:59", then "expired".
 * It gets class "urgent" in the last minute and fires 'expired' once.
 */
class Countdown extends HTMLElement {
  static observedAttributes = ['expires'];

  connectedCallback() {
    this.setAttribute('role', 'timer');
    ticking.add(this);
    this.tick();
  }

  disconnectedCallback() {
    ticking.delete(this);
  }

  attributeChangedCallback() {
    this.done = false;
    this.tick();
  }

  tick() {
    const expires = Number(this.getAttribute('expires'));
    if (!expires) return;
    const left = expires - Date.now() / 1000;
    const text = left > 0 ? formatCountdown(left) : 'expired';
    if (this.textContent !== text) this.textContent = text;
    this.setAttribute('aria-label', left > 0 ? `hold ends in ${text}` : 'hold expired');
    this.classList.toggle('urgent', left > 0 && left <= 60);
    if (left <= 0 && !this.done) {
      this.done = true;
      this.dispatchEvent(new Event('expired', {bubbles: true}));
    }
  }
}

customElements.define('booker-countdown', Countdown);
