// poller.js: runs refresh() every `interval` seconds while the page is visible.
//  - errors back off exponentially (interval × 2^failures, capped) and the state says
//    "stale" with the time of the last good refresh; the page keeps showing that data;
//  - while the tab is hidden (Page Visibility API) nothing is requested; becoming
//    visible refreshes once, then the schedule resumes;
//  - one refresh at a time: a tick that finds one in flight does nothing.

export const MAX_BACKOFF_S = 300;

export class Poller {
  /**
   * refresh: async () => void (throws on failure)
   * onState: ({ state: 'loading'|'ok'|'stale'|'error', hidden, lastOk, failures, nextAt, error }) => void
   */
  constructor({ interval, refresh, onState }) {
    this.interval = interval;
    this.refresh = refresh;
    this.onState = onState;
    this.timer = null;
    this.inFlight = null;
    this.failures = 0;
    this.lastOk = null;
    this.lastError = null;
    this.nextAt = null;
    this.onVisibility = () => {
      if (document.hidden) {
        this.clear();
        this.emit();
      } else {
        this.tick(); // one refresh on becoming visible, then the schedule
      }
    };
  }

  start() {
    document.addEventListener('visibilitychange', this.onVisibility);
    if (document.hidden) this.emit();
    else this.tick();
  }

  stop() {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clear();
  }

  setInterval(seconds) {
    this.interval = seconds;
    if (this.failures === 0 && !this.inFlight && !document.hidden) this.schedule();
  }

  /** Refresh now (the button, a filter change): resets nothing but the timer. */
  now() {
    return this.tick();
  }

  delay() {
    if (this.failures === 0) return this.interval;
    const cap = Math.max(MAX_BACKOFF_S, this.interval);
    const base = Math.min(cap, this.interval * 2 ** this.failures);
    return base * (0.9 + Math.random() * 0.2); // a little jitter: clients do not line up
  }

  clear() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  schedule() {
    this.clear();
    if (document.hidden) return;
    const s = this.delay();
    this.nextAt = new Date(Date.now() + s * 1000);
    this.timer = setTimeout(() => this.tick(), s * 1000);
  }

  async tick() {
    if (this.inFlight) return this.inFlight;
    if (document.hidden) {
      this.clear();
      this.emit();
      return undefined;
    }
    this.clear();
    this.inFlight = (async () => {
      try {
        await this.refresh();
        this.failures = 0;
        this.lastError = null;
        this.lastOk = new Date();
      } catch (e) {
        this.failures++;
        this.lastError = e;
      } finally {
        this.inFlight = null;
        this.schedule();
        this.emit();
      }
    })();
    return this.inFlight;
  }

  emit() {
    let state = this.lastOk ? 'ok' : 'loading';
    if (this.failures > 0) state = this.lastOk ? 'stale' : 'error';
    this.onState?.({
      state,
      hidden: document.hidden,
      lastOk: this.lastOk,
      failures: this.failures,
      nextAt: this.nextAt,
      error: this.lastError,
    });
  }
}
