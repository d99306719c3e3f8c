// api.js: GET JSON from the daemon with conditional requests. The ETag of every URL is
// kept; the next request for that URL sends it as If-None-Match, and a 304 hands back
// the data kept with it. cache: 'no-store' keeps the browser's HTTP cache out of the
// way, so the 304 reaches this code instead of being turned into a cached 200. A 200
// whose body is the one kept (a new ETag after a change elsewhere in the store, such as
// an article whose facts this view leaves out) hands back the kept data too: the page
// rebuilds only what really changed.

export class ApiError extends Error {
  constructor(message, status = 0, detail = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
  }
}

export class Api {
  constructor(base = '') {
    this.base = base;
    this.kept = new Map(); // url -> { etag, data, text }
    this.stats = { requests: 0, notModified: 0 };
  }

  /**
   * Resolves to { data, changed } where changed is false when the daemon answered 304.
   * conditional: false skips the ETag bookkeeping (one-off requests such as searches).
   */
  async get(url, { conditional = true, signal } = {}) {
    const kept = conditional ? this.kept.get(url) : undefined;
    const headers = { Accept: 'application/json' };
    if (kept?.etag) headers['If-None-Match'] = kept.etag;
    let res;
    try {
      this.stats.requests++;
      res = await fetch(this.base + url, { headers, cache: 'no-store', signal, credentials: 'same-origin' });
    } catch (e) {
      if (e?.name === 'AbortError') throw e;
      throw new ApiError(`network error (${e?.message ?? e})`);
    }
    if (res.status === 304) {
      this.stats.notModified++;
      if (kept) return { data: kept.data, changed: false };
      // a 304 without anything kept cannot be used: ask again, unconditionally
      this.kept.delete(url);
      return this.get(url, { conditional: false, signal });
    }
    if (!res.ok) {
      let detail = null;
      try {
        const problem = await res.json();
        detail = typeof problem?.detail === 'string' ? problem.detail : null;
      } catch {
        /* not a problem document */
      }
      throw new ApiError(`HTTP ${res.status}${detail ? `: ${detail}` : ''}`, res.status, detail);
    }
    let text, data;
    try {
      text = await res.text();
    } catch (e) {
      if (e?.name === 'AbortError') throw e;
      throw new ApiError(`network error (${e?.message ?? e})`, res.status);
    }
    const same = kept !== undefined && kept.text === text;
    if (same) {
      data = kept.data;
    } else {
      try {
        data = JSON.parse(text);
      } catch {
        throw new ApiError(`unreadable JSON from ${url}`, res.status);
      }
    }
    if (conditional) {
      const etag = res.headers.get('ETag');
      if (etag) this.kept.set(url, { etag, data, text });
      else this.kept.delete(url);
    }
    return { data, changed: !same };
  }
}
