// dialog.js: the source-quote dialog. A modal <dialog> (the rest of the page is inert
// while it is open), with Tab and Shift+Tab kept inside it, Escape or the Close button to
// close, and focus handed back to whatever opened it (or, when a refresh replaced that
// while the dialog was open, to what took its place).
import { h, replace, snippet } from './dom.js';
import { focusAgain, focusIsLost, focusMark } from './focus.js';
import { language } from './format.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

let dialog, titleEl, subtitleEl, bodyEl, opener = null, focusedBefore = null, articles = new Map(), token = 0;

export function initDialog() {
  dialog = document.getElementById('sources-dialog');
  titleEl = document.getElementById('sources-title');
  subtitleEl = document.getElementById('sources-subtitle');
  bodyEl = document.getElementById('sources-body');
  document.getElementById('sources-close').addEventListener('click', () => dialog.close());
  // the close event comes a task after the dialog hid, when the browser has already put
  // the focus back on what had it before (or on <body> if that is gone): the focus moves
  // to the opener only from there, never from where someone put it meanwhile
  dialog.addEventListener('close', () => {
    token++;
    const back = opener, before = focusedBefore;
    opener = null;
    focusedBefore = null;
    const now = document.activeElement;
    if (focusIsLost() || dialog.contains(now) || now === before || now === back?.el) focusAgain(back);
  });
  // a click on the backdrop (outside the dialog's box) closes it
  dialog.addEventListener('click', (e) => {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (!inside) dialog.close();
  });
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
    if (items.length === 0) return;
    const first = items[0], last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !dialog.contains(active) || active === titleEl)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  });
}

/** The articles (from /v1/sources) by id, to name publishers in the dialog. */
export function setArticles(list) {
  articles = new Map((list ?? []).map((a) => [a.id, a]));
}

function articleLine(s) {
  const a = articles.get(s.source_id);
  const url = s.url ?? a?.url ?? null;
  const who = a ? [a.publisher, a.published_on].filter(Boolean).join(', ') : null;
  return h('figcaption', null,
    h('span', { class: 'src-lang' }, 'Language: ', h('strong', null, language(s.lang))),
    h('span', { class: 'src-article' }, 'Article: ', h('code', null, s.source_id), who ? ` (${who})` : null),
    h('span', { class: 'src-url' }, 'URL: ',
      url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'))
        : h('em', null, 'the article names no URL')));
}

function quoteFigure(s) {
  return h('li', null, h('figure', { class: 'quote' },
    h('blockquote', { lang: s.lang || null, cite: s.url || null, class: 'quote-text' }, s.quote),
    articleLine(s)));
}

function dedupe(sources) {
  const seen = new Set();
  return (sources ?? []).filter((s) => {
    const key = `${s.source_id}|${s.quote_start}|${s.quote_end}|${s.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Open the dialog. groups: [{ heading, meta, sources, passage }] where sources are API
 * `sources[]` items and passage an optional {lang, url, source_id, snippet} (search hit).
 */
export function showSources({ title, subtitle, groups, from }) {
  token++;
  render(title, subtitle, groups);
  open(from);
}

/** Open the dialog at once with "Loading…", then fill it from load() (a promise of the same shape). */
export async function showSourcesAsync({ title, subtitle, from, load }) {
  const mine = ++token;
  render(title, subtitle, null);
  replace(bodyEl, h('p', { class: 'muted' }, 'Loading the sources…'));
  open(from);
  try {
    const r = await load();
    if (mine !== token || !dialog.open) return;
    render(r.title ?? title, r.subtitle ?? subtitle, r.groups);
  } catch (e) {
    if (mine !== token || !dialog.open) return;
    replace(bodyEl, h('p', { class: 'error' }, `The sources could not be loaded: ${e.message}`));
  }
}

function render(title, subtitle, groups) {
  titleEl.textContent = title;
  subtitleEl.textContent = subtitle ?? '';
  subtitleEl.hidden = !subtitle;
  if (!groups) return;
  const nodes = [];
  let count = 0;
  for (const g of groups) {
    const sources = dedupe(g.sources);
    count += sources.length + (g.passage ? 1 : 0);
    nodes.push(h('section', { class: 'src-group' },
      g.heading ? h('h3', null, g.heading) : null,
      g.meta ? h('p', { class: 'muted' }, g.meta) : null,
      g.passage ? h('ul', { class: 'quotes' }, h('li', null, h('figure', { class: 'quote' },
        h('blockquote', { lang: g.passage.lang || null, class: 'quote-text' }, snippet(g.passage.snippet)),
        articleLine(g.passage)))) : null,
      sources.length ? h('ul', { class: 'quotes' }, sources.map(quoteFigure))
        : g.passage ? null : h('p', { class: 'muted' }, 'No source recorded.')));
  }
  if (count === 0 && nodes.length === 0) nodes.push(h('p', { class: 'muted' }, 'No source recorded.'));
  replace(bodyEl, nodes);
}

function open(from) {
  if (!dialog.open) {
    focusedBefore = document.activeElement;
    opener = focusMark(from ?? (document.activeElement instanceof Element ? document.activeElement : null));
    dialog.showModal();
  }
  bodyEl.scrollTop = 0;
  titleEl.focus();
}
