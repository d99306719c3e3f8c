// main.js: the bordercoop dashboard. Everything shown comes from the public API of the
// daemon that served this page; every number and row opens the sentence it was read from.
import { Api } from './api.js';
import { initDialog, setArticles, showSources, showSourcesAsync } from './dialog.js';
import { h, replace, snippet, visuallyHidden } from './dom.js';
import {
  amount, clock, figureValue, label, period, reducedDate, vocab,
} from './format.js';
import { Poller } from './poller.js';
import { legendOf, renderTradeChart } from './trade-chart.js';
import { renderBorderMap } from './border-map.js';
import { keepingFocus, keyed } from './focus.js';

const DEFAULT_REFRESH_S = 30;
const LIMIT = 500; // the API's largest page: every list here fits in one

// what the page shows: by default only facts a person vouched for (the API's default,
// curation=trusted); with the toggle on, also the machine-read facts awaiting review
// (curation=all), each marked "machine-read, unreviewed"
function withCuration(url) {
  if (!state.machine) return url;
  return `${url}${url.includes('?') ? '&' : '?'}curation=all`;
}

function currentUrls() {
  return {
    stats: withCuration('/v1/stats'),
    trade: withCuration(`/v1/trade-figures?limit=${LIMIT}`),
    series: withCuration('/v1/series?metric=trade_turnover'),
    meetings: withCuration(`/v1/meetings?sort=date&limit=${LIMIT}`),
    protocols: `/v1/protocols?limit=${LIMIT}`,
    projectsAll: withCuration(`/v1/border-gate-projects?limit=${LIMIT}`),
    provinces: `/v1/provinces?limit=${LIMIT}`,
    sources: withCuration(`/v1/sources?fields=title,lang,url,publisher,published_on&limit=${LIMIT}`),
  };
}

const PROJECT_STATUSES = ['operational', 'under_construction', 'planned', 'proposed', 'reported'];
// a meeting named only as the time of something else ("ahead of the 14th meeting") has status
// unknown: the text says neither that it took place nor that it will (README, Status)
const MEETING_STATUS_LABELS = { held: 'Held', planned: 'Planned', unknown: 'Status not stated' };

const api = new Api();
const state = {
  data: {}, // key of URLS -> response body
  projects: null, // the filtered list shown in the table
  projectsUrl: null,
  filters: { province: '', status: '' },
  machine: false, // include machine-read facts awaiting review (#machine=1)
  rendered: false,
};

// ---- settings from the address: #refresh=N (or ?refresh=N where the server allows it) ----
function refreshFromLocation() {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('refresh');
  const fromQuery = new URLSearchParams(location.search).get('refresh');
  const n = Number(fromHash ?? fromQuery);
  return Number.isFinite(n) && n >= 1 ? Math.min(3600, Math.round(n)) : DEFAULT_REFRESH_S;
}

function machineFromLocation() {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('machine') === '1';
}

function projectsUrl() {
  const q = new URLSearchParams();
  if (state.filters.province) q.set('province', state.filters.province);
  if (state.filters.status) q.set('status', state.filters.status);
  q.set('limit', String(LIMIT));
  if (state.machine) q.set('curation', 'all');
  return `/v1/border-gate-projects?${q}`;
}

/** The mark of a fact no person has vouched for yet, or of one a reviewer approved. */
function curationBadge(item) {
  if (item?.curation === 'extracted') {
    return h('span', { class: 'badge machine-read', title: 'Extracted automatically from an ingested article; no person has reviewed it yet' }, 'machine-read, unreviewed');
  }
  if (item?.curation === 'reviewed') {
    return h('span', { class: 'badge reviewed', title: 'Extracted automatically, then approved or corrected by a reviewer' }, 'reviewed');
  }
  return null;
}

// ---- sources: look-ups and the dialog ----
const byId = (list, id) => (list ?? []).find((x) => x.id === id);
const listOf = (key) => state.data[key]?.data ?? [];

/** With machine-read facts shown, the unreviewed figures of items that name a more trusted
 * one among their conflicts, by that one's id (the API lists a figure's conflicts among
 * those at least as trusted as it, so only the unreviewed side names the other); empty
 * otherwise. */
function unreviewedConflicts(items) {
  const reverse = new Map();
  for (const p of state.machine ? items : []) {
    if (p.curation !== 'extracted') continue;
    for (const c of p.conflicts_with ?? []) {
      if (!reverse.has(c.id)) reverse.set(c.id, []);
      reverse.get(c.id).push({ id: p.id, value: p.value, qualifier: p.qualifier, period: p.period, curation: p.curation });
    }
  }
  return reverse;
}

/** f with the unreviewed figures that contradict it (reverse, unreviewedConflicts) added to
 * its `conflicts_with`, each once. */
function withUnreviewed(f, reverse) {
  const own = f?.conflicts_with ?? [];
  const more = (reverse?.get(f?.id) ?? []).filter((c) => !own.some((o) => o.id === c.id));
  return more.length ? { ...f, conflicts_with: [...own, ...more], conflicts_total: (f.conflicts_total ?? own.length) + more.length } : f;
}

function openFigure(id, from, fallbackTitle) {
  const f = byId(listOf('trade'), id) && withUnreviewed(byId(listOf('trade'), id), unreviewedConflicts(listOf('trade')));
  if (f) {
    showSources({
      title: `${figureValue(f)}`,
      subtitle: `${f.description} · ${period(f.period)}`,
      groups: [{ sources: f.sources, meta: [f.note, conflictText(f)].filter(Boolean).join(' · ') }],
      from,
    });
    return;
  }
  showSourcesAsync({
    title: fallbackTitle ?? id,
    from,
    load: async () => {
      // the document names its conflicts without their curation (0051): the collection says who vouched
      const path = `/v1/figures/${encodeURIComponent(id)}`;
      const [{ data }, { data: conflicts }] = await Promise.all([
        api.get(path, { conditional: false }), api.get(`${path}/conflicts?limit=20`, { conditional: false })]);
      const f = { ...data, conflicts_with: conflicts.data ?? data.conflicts_with };
      return { title: figureValue(f), subtitle: `${f.description} · ${period(f.period)}`, groups: [{ sources: f.sources, meta: [f.note, conflictText(f)].filter(Boolean).join(' · ') }] };
    },
  });
}

const CURATION_NOTE = { extracted: 'machine-read, unreviewed', reviewed: 'machine-read, reviewed by a person' };

function meetingGroup(m) {
  return {
    heading: m.title,
    meta: [reducedDate(m.date) ?? 'date not stated', m.place ?? 'place not stated', CURATION_NOTE[m.curation]].filter(Boolean).join(' · '),
    sources: m.sources,
  };
}

function protocolGroup(p) {
  return {
    heading: p.title,
    meta: [vocab(p.kind), p.status, p.signed_on ? reducedDate(p.signed_on) : null].filter(Boolean).join(' · '),
    sources: p.sources,
  };
}

function projectGroups(p) {
  const groups = [{ heading: p.name, meta: p.description, sources: p.sources }];
  for (const e of p.events ?? []) {
    groups.push({
      heading: `Event: ${vocab(e.kind)}${e.date ? `, ${reducedDate(e.date)}` : ''}`,
      meta: e.description,
      sources: e.sources,
    });
  }
  return groups;
}

function openList(title, subtitle, groups, from) {
  showSources({ title, subtitle, groups, from });
}

/** A number (or any short text) that opens its sources. key: its data-focus-key, what it
 * shows, so that the focus finds it again after a refresh rebuilt it (focus.js). */
function sourceButton(text, onOpen, { cls = 'num', hint = 'show sources', key = null } = {}) {
  const btn = h('button', { type: 'button', class: `src-btn ${cls}`, ...keyed(key) }, h('span', { class: 'src-btn-text' }, text), visuallyHidden(` (${hint})`));
  btn.addEventListener('click', () => onOpen(btn));
  return btn;
}

/** A figure's conflicts (`conflicts_with`, the first few; `conflicts_total`, how many there
 * are when the document says) as text for its dialog: each other figure's value and period,
 * who vouched for it and the conflict's note; null when it has none. */
function conflictText(f) {
  const list = f?.conflicts_with ?? [];
  if (!list.length) return null;
  const more = (f.conflicts_total ?? list.length) - list.length;
  const items = list.map((c) => `${figureValue({ ...c, unit: f.unit })} for ${period(c.period)}`
    + `${CURATION_NOTE[c.curation] ? ` (${CURATION_NOTE[c.curation]})` : ''}${c.note ? `: ${c.note}` : ''}`);
  return `Conflicts with ${items.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/** A figure's conflicts as a line of the headline, never merely an overlap: a "conflict"
 * badge, then each figure it conflicts with (its value and period: what differs; the
 * button opens its sources); null when it has none. */
function conflictLine(f, keyPrefix) {
  const list = f?.conflicts_with ?? [];
  if (!list.length) return null;
  const more = (f.conflicts_total ?? list.length) - list.length;
  const items = list.map((c, i) => {
    const text = `${figureValue({ ...c, unit: f.unit })} for ${period(c.period)}`;
    return [i ? ', ' : '',
      sourceButton(text, (b) => openFigure(c.id, b, text), { cls: 'link', key: `${keyPrefix}:conflict:${f.id}:${c.id}` }),
      c.curation === 'extracted' ? ' (machine-read, unreviewed)' : c.curation === 'reviewed' ? ' (reviewed)' : ''];
  });
  return h('span', { class: 'conflict', 'data-conflicts-with': list.map((c) => c.id).join(' ') },
    h('span', { class: 'badge conflict-badge' }, 'conflict'), ' contradicted by ', items,
    more > 0 ? ` and ${more} more` : '');
}

// ---- rendering ----
/** Province names by id, from /v1/provinces: every province a fact of any curation can
 * name as a party is one of its documents (`parties` are ids). Read from the gazetteer, not
 * from the turnover pairs of /v1/stats, which know only the provinces of the turnovers the
 * view counts: a reviewed export of Lang Son and Guangxi, in a view with no turnover of
 * theirs, showed its parties as ids. An id missing from the list stays an id. */
function provinceNames(provinces) {
  const names = new Map((provinces ?? []).map((p) => [p.id, p.name]));
  return (id) => names.get(id) ?? id;
}

/** A figure's parties by name, then the whole country on the other side when it has one
 * (`counterpart_country`: "Yunnan – Vietnam" is Yunnan's trade with all of Vietnam). */
const COUNTRY_NAMES = { VN: 'Vietnam', CN: 'China' };
function partiesText(f, nameOf) {
  const names = (f.parties ?? []).map(nameOf);
  if (f.counterpart_country) names.push(COUNTRY_NAMES[f.counterpart_country] ?? f.counterpart_country);
  return names.join(' – ');
}

function renderHeadline() {
  const stats = state.data.stats;
  if (!stats) return;
  const c = stats.counts;
  const meetings = listOf('meetings');
  const protocols = listOf('protocols');
  const projects = listOf('projectsAll');

  const held = meetings.filter((m) => m.status === 'held');
  const planned = meetings.filter((m) => m.status === 'planned');
  const meetingCard = h('article', { class: 'card', 'aria-labelledby': 'card-meetings' },
    h('h3', { id: 'card-meetings' }, 'Meetings'),
    h('div', { class: 'figures-row' },
      h('div', { class: 'figure' },
        sourceButton(String(c.meetings_held), (b) => openList(`${c.meetings_held} meetings held`, 'Each meeting and the sentences that report it', held.map(meetingGroup), b), { key: 'headline:held' }),
        h('span', { class: 'figure-label' }, 'held')),
      h('div', { class: 'figure' },
        sourceButton(String(c.meetings_planned), (b) => openList(`${c.meetings_planned} meetings planned`, 'Each planned meeting and the sentences that announce it', planned.map(meetingGroup), b), { key: 'headline:planned' }),
        h('span', { class: 'figure-label' }, 'planned'))),
    briefMeeting('Latest', stats.meetings?.latest_held),
    briefMeeting('Next', stats.meetings?.next_planned));

  // the largest trade figure, with its period and parties
  // amounts in different currencies are never ranked against each other (no rate is
  // stated): the largest is that of the currency most figures are in, USD first
  const points = (stats.trade_turnover?.by_pair ?? []).flatMap((p) => p.points ?? []);
  const inUnit = (u) => points.filter((p) => p.unit === u);
  const units = [...new Set(points.map((p) => p.unit))]
    .sort((a, b) => (b === 'USD') - (a === 'USD') || inUnit(b).length - inUnit(a).length || a.localeCompare(b));
  const top = inUnit(units[0]).reduce((a, b) => (b.value > (a?.value ?? -Infinity) ? b : a), null);
  const byCurrency = (a, b) => units.indexOf(a.unit) - units.indexOf(b.unit) || b.value - a.value;
  // a reviewed point is also contradicted by the unreviewed ones that name it
  const reverse = unreviewedConflicts(points);
  const topConflict = top ? conflictLine(withUnreviewed(top, reverse), 'headline:top') : null;
  const tradeCard = h('article', { class: 'card card-wide', 'aria-labelledby': 'card-trade' },
    h('h3', { id: 'card-trade' }, 'Trade turnover'),
    top
      ? [
        h('div', { class: 'figure' },
          sourceButton(amount(top.value, top.unit), (b) => openFigure(top.id, b, amount(top.value, top.unit)), { cls: 'num num-big', key: 'headline:top' }),
          h('span', { class: 'figure-label' }, `in ${period(top.period)}`),
          curationBadge(top)),
        h('p', { class: 'card-note' }, top.qualifier !== 'exact' ? `${figureValue(top)} · ` : '', top.label),
        topConflict ? h('p', { class: 'card-note' }, topConflict) : null,
        h('p', { class: 'muted small' }, units.length > 1
          ? `The largest of ${inUnit(top.unit).length} turnover figures in ${top.unit}; ${points.length - inUnit(top.unit).length} in ${units.slice(1).join(', ')} follow apart, never converted:`
          : `The largest of ${points.length} turnover figures reported:`),
        h('ul', { class: 'other-figures', 'aria-label': 'The other turnover figures' }, points.filter((p) => p !== top)
          .sort(byCurrency)
          .map((p) => [p, conflictLine(withUnreviewed(p, reverse), 'headline')])
          .map(([p, conflict]) => h('li', null,
            sourceButton(figureValue(p), (b) => openFigure(p.id, b), { cls: 'link', key: `headline:figure:${p.id}` }),
            h('span', { class: 'muted' }, ` · ${p.label} · ${period(p.period)}`,
              (p.overlaps_total ?? (p.overlaps ?? []).length) > (p.conflicts_total ?? (p.conflicts_with ?? []).length)
                ? ' · overlaps another figure, not to be added' : '', ' '),
            curationBadge(p),
            conflict ? [' ', conflict] : null))),
      ]
      : h('p', { class: 'muted' }, 'No trade turnover figure.'));

  const byStatus = stats.border_gate_projects?.by_status ?? {};
  const statuses = [...PROJECT_STATUSES.filter((s) => s in byStatus), ...Object.keys(byStatus).filter((s) => !PROJECT_STATUSES.includes(s))];
  const projectCard = h('article', { class: 'card', 'aria-labelledby': 'card-projects' },
    h('h3', { id: 'card-projects' }, 'Border gate projects'),
    h('ul', { class: 'status-counts' }, statuses.map((s) => h('li', null,
      sourceButton(String(byStatus[s]), (b) => {
        const these = projects.filter((p) => p.status === s);
        openList(`${byStatus[s]} ${label(s).toLowerCase()} border gate project${byStatus[s] === 1 ? '' : 's'}`,
          'Each project and the sentences that report it', these.flatMap((p) => projectGroups(p).slice(0, 1)), b);
      }, { key: `headline:status:${s}` }),
      h('span', { class: `badge status-${s}` }, label(s))))),
    h('p', { class: 'muted small' }, `${c.border_gate_projects} in total`));

  const signed = protocols.filter((p) => p.status === 'signed');
  const protocolCard = h('article', { class: 'card', 'aria-labelledby': 'card-protocols' },
    h('h3', { id: 'card-protocols' }, 'Protocols'),
    h('div', { class: 'figure' },
      sourceButton(String(c.protocols_signed), (b) => openList(`${c.protocols_signed} protocols signed`, 'Each signed protocol and the sentences that report it', signed.map(protocolGroup), b), { key: 'headline:signed' }),
      h('span', { class: 'figure-label' }, 'signed')),
    h('p', { class: 'muted small' }, `${c.protocols} protocols, agreements and plans named in the articles`));

  const headline = document.getElementById('headline');
  headline.removeAttribute('aria-busy');
  replace(headline, tradeCard, meetingCard, projectCard, protocolCard);
}

function briefMeeting(what, m) {
  if (!m) return null;
  const full = byId(listOf('meetings'), m.id);
  const text = `${m.title}`;
  return h('p', { class: 'card-note' },
    h('span', { class: 'muted' }, `${what}: `),
    full ? sourceButton(text, (b) => openList(m.title, null, [meetingGroup(full)], b), { cls: 'link', key: `headline:${what.toLowerCase()}` }) : text,
    m.curation && m.curation !== 'curated' ? [' ', curationBadge(m)] : null,
    h('br'),
    h('span', { class: 'muted small' }, [reducedDate(m.date) ?? 'date not stated', m.place].filter(Boolean).join(' · ')));
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The line and point shape of a chart series, as a small SVG. */
function legendSwatch({ color, point, dash }) {
  const s = svg('svg', { width: 34, height: 14, viewBox: '0 0 34 14', 'aria-hidden': 'true' });
  s.append(svg('line', { x1: 1, y1: 7, x2: 33, y2: 7, stroke: color, 'stroke-width': 2, 'stroke-dasharray': (dash ?? []).join(' ') || 'none' }));
  const shapes = {
    circle: () => svg('circle', { cx: 17, cy: 7, r: 5 }),
    rectRot: () => svg('polygon', { points: '17,1 23,7 17,13 11,7' }),
    triangle: () => svg('polygon', { points: '17,1 23,12 11,12' }),
    rect: () => svg('rect', { x: 12, y: 2, width: 10, height: 10 }),
  };
  const shape = (shapes[point] ?? shapes.circle)();
  shape.setAttribute('fill', color);
  s.append(shape);
  return s;
}

function renderTrade() {
  const stats = state.data.stats;
  if (!stats) return;
  const canvas = document.getElementById('trade-chart');
  const undated = renderTradeChart(canvas, state.data.series?.series, (point, pair) => openFigure(point.id, canvas, `${pair.label}: ${amount(point.value, point.unit)}`));
  replace('trade-legend', legendOf().map((l) => h('li', null, legendSwatch(l), l.label)));
  replace('trade-undated', undated.length
    ? ['Not plotted, no period stated: ', undated.map(({ point, pair }, i) => [
      i ? '; ' : '',
      sourceButton(`${pair.label}: ${figureValue(point)}`, (b) => openFigure(point.id, b), { cls: 'link', key: `undated:${point.id}` }),
    ])]
    : []);

  const figures = listOf('trade');
  const nameOf = provinceNames(listOf('provinces'));
  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, 'Trade figures: parties, period, value and source'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Figure'),
      h('th', { scope: 'col' }, 'Parties'),
      h('th', { scope: 'col' }, 'Period'),
      h('th', { scope: 'col', class: 'right' }, 'Value'))),
    h('tbody', null, figures.map((f) => h('tr', null,
      h('td', { 'data-label': 'Figure' }, f.description, curationBadge(f) ? h('span', { class: 'block' }, curationBadge(f)) : null, f.change ? h('span', { class: 'muted small block' }, `Change: ${f.change.qualifier !== 'exact' ? `${f.change.qualifier} ` : ''}${f.change.value > 0 ? '+' : ''}${f.change.value}% against ${f.change.basis ?? 'an earlier period'}`) : null),
      h('td', { 'data-label': 'Parties' }, partiesText(f, nameOf)),
      h('td', { 'data-label': 'Period' }, period(f.period)),
      h('td', { 'data-label': 'Value', class: 'right' },
        sourceButton(figureValue(f), (b) => openFigure(f.id, b), { cls: 'num num-cell', key: `figure:${f.id}` }))))));
  replace('trade-table', figures.length ? table : h('p', { class: 'muted' }, 'No trade figures.'));
}

function renderTimeline() {
  const meetings = listOf('meetings');
  const protocols = listOf('protocols');
  const items = meetings.map((m) => {
    const signedHere = protocols.filter((p) => p.meeting?.id === m.id);
    return h('li', { class: `tl-item tl-${m.status}` },
      h('div', { class: 'tl-date' },
        h('time', { datetime: m.date ?? null }, reducedDate(m.date) ?? 'date not stated'),
        h('span', { class: `badge meeting-${m.status}` }, MEETING_STATUS_LABELS[m.status] ?? m.status),
        curationBadge(m)),
      h('div', { class: 'tl-body' },
        h('h3', { class: 'tl-title' }, sourceButton(m.title, (b) => openList(m.title, m.mechanism?.name ?? null, [meetingGroup(m)], b), { cls: 'link', key: `meeting:${m.id}` })),
        h('p', { class: 'tl-place' }, h('span', { class: 'muted' }, 'Place: '), m.place ?? h('em', null, 'not stated')),
        signedHere.length
          ? h('div', { class: 'tl-protocols' },
            h('span', { class: 'muted' }, signedHere.length === 1 ? 'Protocol: ' : 'Protocols: '),
            h('ul', null, signedHere.map((p) => h('li', null,
              h('span', { class: `badge protocol-${p.status}` }, p.status),
              sourceButton(p.title, (b) => openList(p.title, null, [protocolGroup(p)], b), { cls: 'link', key: `meeting:${m.id}:protocol:${p.id}` })))))
          : h('p', { class: 'muted small' }, m.status === 'planned' ? 'No protocol yet.' : 'No protocol recorded.')));
  });
  replace('timeline', items.length ? h('ol', { class: 'timeline' }, items) : h('p', { class: 'muted' }, 'No meetings.'));
}

function renderFilters() {
  const provinces = listOf('provinces');
  const sel = document.getElementById('filter-province');
  const keep = state.filters.province;
  const group = (country, name) => {
    const list = provinces.filter((p) => p.country === country);
    return list.length ? h('optgroup', { label: name }, list.map((p) => h('option', { value: p.id },
      p.merged_into ? `${p.name} (now part of ${p.merged_into.name})` : p.name))) : null;
  };
  replace(sel, h('option', { value: '' }, 'All provinces'), group('VN', 'Vietnam'), group('CN', 'China'));
  sel.value = keep;

  const stSel = document.getElementById('filter-status');
  const keepSt = state.filters.status;
  replace(stSel, h('option', { value: '' }, 'All statuses'), PROJECT_STATUSES.map((s) => h('option', { value: s }, label(s))));
  stSel.value = keepSt;
}

function renderProjects() {
  const list = state.projects?.data ?? [];
  const n = list.length;
  const f = state.filters;
  const provName = f.province ? (byId(listOf('provinces'), f.province)?.name ?? f.province) : null;
  replace('projects-count', `${n} project${n === 1 ? '' : 's'}`,
    provName ? ` in ${provName}` : '', f.status ? ` with status “${label(f.status).toLowerCase()}”` : '', '.');
  if (n === 0) {
    replace('projects-table', h('p', { class: 'muted' }, 'No border gate project matches these filters.'));
    return;
  }
  const table = h('table', { class: 'data-table projects' },
    h('caption', { class: 'visually-hidden' }, 'Border gate projects: Vietnamese and Chinese sides, kind, status and latest event'),
    h('thead', null, h('tr', null,
      ['Project', 'VN side', 'CN side', 'Kind', 'Status', 'Latest event'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, list.map((p) => {
      const e = p.latest_event;
      return h('tr', null,
        h('td', { 'data-label': 'Project' }, sourceButton(p.name, (b) => openList(p.name, `${vocab(p.kind)} · ${label(p.status)}`, projectGroups(p), b), { cls: 'link', key: `project:${p.id}` })),
        h('td', { 'data-label': 'VN side' }, p.vn_side ?? '–', p.provinces?.vn ? h('span', { class: 'muted small block' }, p.provinces.vn.name) : null),
        h('td', { 'data-label': 'CN side' }, p.cn_side ?? '–', p.provinces?.cn ? h('span', { class: 'muted small block' }, p.provinces.cn.name) : null),
        h('td', { 'data-label': 'Kind' }, vocab(p.kind)),
        h('td', { 'data-label': 'Status' }, h('span', { class: `badge status-${p.status}` }, label(p.status)),
          curationBadge(p) ? h('span', { class: 'block badge-line' }, curationBadge(p)) : null),
        h('td', { 'data-label': 'Latest event' }, e
          ? [sourceButton(`${vocab(e.kind)}${e.date ? `, ${reducedDate(e.date, true)}` : ''}`,
            (b) => openList(`${p.name}: ${vocab(e.kind).toLowerCase()}`, e.date ? reducedDate(e.date) : 'date not stated', [{ meta: e.description, sources: e.sources }], b), { cls: 'link', key: `project:${p.id}:event` }),
          e.description ? h('span', { class: 'muted small block' }, e.description) : null]
          : h('span', { class: 'muted' }, 'none recorded')));
    })));
  replace('projects-table', table);
}

function renderMap() {
  renderBorderMap(document.getElementById('border-map'), {
    projects: listOf('projectsAll'),
    provinces: listOf('provinces'),
    label,
    onOpen: (p, from) => openList(p.name, `${vocab(p.kind)} · ${label(p.status)}`, projectGroups(p), from),
  });
}

function renderCurationNote() {
  const c = state.data.stats?.curation;
  replace('curation-note', c === 'all'
    ? ['Including machine-read facts awaiting review, each marked ', h('span', { class: 'badge machine-read' }, 'machine-read, unreviewed'), '.']
    : 'Counting only facts a person has read: curated from the articles, or machine-read and then reviewed.');
}

function renderFooter() {
  const s = state.data.stats?.store;
  if (!s) return;
  replace('store-info', `Store built ${s.built_at}, content ${String(s.content_version).slice(0, 12)}…`);
}

// each part is rebuilt only when one of its inputs changed (a 304, or a 200 with the body
// kept, hands back the same object),
// so a refresh with unchanged data leaves the page, and the keyboard focus, alone; a part
// rebuilt under the focus hands it to the new element showing the same thing (focus.js)
const lastDeps = new Map();
function renderIfChanged(fn, deps) {
  const prev = lastDeps.get(fn);
  if (prev && prev.length === deps.length && prev.every((d, i) => d === deps[i])) return;
  lastDeps.set(fn, deps);
  keepingFocus(fn);
}

function renderAll() {
  const d = state.data;
  setArticles(listOf('sources'));
  renderIfChanged(renderHeadline, [d.stats, d.meetings, d.protocols, d.projectsAll, d.trade]);
  renderIfChanged(renderTrade, [d.stats, d.series, d.trade, d.provinces]);
  renderIfChanged(renderTimeline, [d.meetings, d.protocols]);
  renderIfChanged(renderFilters, [d.provinces]);
  renderIfChanged(renderProjects, [state.projects, d.provinces]);
  renderIfChanged(renderMap, [d.projectsAll, d.provinces]);
  renderIfChanged(renderFooter, [d.stats]);
  renderIfChanged(renderCurationNote, [d.stats]);
  state.rendered = true;
}

function sectionError(message) {
  for (const id of ['headline', 'trade-table', 'timeline', 'border-map', 'projects-table']) {
    const el = document.getElementById(id);
    if (!state.rendered) replace(el, h('p', { class: 'error' }, message));
  }
}

// ---- refreshing ----
async function refresh() {
  const URLS = currentUrls();
  const keys = Object.keys(URLS);
  const pUrl = projectsUrl();
  // one request per distinct URL (unfiltered, the table's list is projectsAll's)
  const urls = [...new Set([...keys.map((k) => URLS[k]), pUrl])];
  const got = new Map(await Promise.all(urls.map(async (u) => [u, await api.get(u)])));
  const results = [...keys.map((k) => got.get(URLS[k])), got.get(pUrl)];
  if (JSON.stringify(URLS) !== JSON.stringify(currentUrls())) return; // the toggle moved meanwhile
  // compare the objects, not the status: a 200 that arrived in a refresh that failed as a
  // whole is kept by the Api and comes back from the next 304 not yet shown
  let changed = !state.rendered;
  keys.forEach((k, i) => {
    if (state.data[k] !== results[i].data) changed = true;
    state.data[k] = results[i].data;
  });
  const pr = results[keys.length];
  if (pUrl === projectsUrl()) { // the filters did not change meanwhile
    if (state.projects !== pr.data) changed = true;
    state.projects = pr.data;
    state.projectsUrl = pUrl;
  }
  if (changed) renderAll();
}

let filterSeq = 0;
async function applyFilters() {
  const seq = ++filterSeq;
  const url = projectsUrl();
  document.getElementById('projects-table').setAttribute('aria-busy', 'true');
  try {
    const { data } = await api.get(url);
    if (seq !== filterSeq) return;
    state.projects = data;
    state.projectsUrl = url;
    keepingFocus(renderProjects);
  } catch (e) {
    if (seq !== filterSeq) return;
    replace('projects-count', h('span', { class: 'error' }, `The projects could not be loaded (${e.message}); showing the previous list.`));
  } finally {
    if (seq === filterSeq) document.getElementById('projects-table').removeAttribute('aria-busy');
  }
}

function showState({ state: st, hidden, lastOk, nextAt, error }) {
  const status = document.getElementById('status');
  status.dataset.state = st;
  status.dataset.hidden = hidden ? 'true' : 'false';
  document.body.classList.toggle('is-stale', st === 'stale' || st === 'error');
  let text, detail = '';
  if (st === 'loading') text = 'Loading…';
  else if (st === 'ok') {
    text = 'Up to date';
    detail = `updated ${clock(lastOk)}`;
  } else if (st === 'stale') {
    text = `Stale since ${clock(lastOk)}`;
    detail = `the API did not answer (${error?.message ?? 'error'})`;
  } else {
    text = 'Could not reach the API';
    detail = error?.message ?? '';
  }
  if (hidden) detail = [detail, 'paused while this tab is hidden'].filter(Boolean).join(' · ');
  else if (nextAt && st !== 'ok') detail = [detail, `retrying at ${clock(nextAt)}`].filter(Boolean).join(' · ');
  else if (nextAt) detail = [detail, `next at ${clock(nextAt)}`].filter(Boolean).join(' · ');
  const textEl = document.getElementById('status-text');
  if (textEl.textContent !== text) textEl.textContent = text; // announce changes only
  document.getElementById('status-detail').textContent = detail;
  if (st === 'error') sectionError(`The data could not be loaded (${error?.message ?? 'error'}).`);
}

// ---- search ----
const TYPE_LABEL = { border_gate_project: 'Border gate project', source: 'Article passage' };
const SEARCH_PAGE = 8;
let searchSeq = 0, searchAbort = null, searchTimer = null, searchNext = null, searchShown = 0, searchQuery = '';

function hitItem(hit) {
  return h('li', { class: 'hit', dataset: { type: hit.type, id: hit.id } },
    h('div', { class: 'hit-head' },
      h('span', { class: `badge type-${hit.type}` }, TYPE_LABEL[hit.type] ?? label(hit.type)),
      sourceButton(hit.title, (b) => openHit(hit, b), { cls: 'link hit-title' })),
    h('p', { class: 'hit-snippet' }, snippet(hit.snippet)),
    h('p', { class: 'muted small' }, `Languages: ${(hit.langs ?? []).join(', ')}`));
}

/** A new search (more = false) or the next page of the current one (more = true). */
async function runSearch(q, more = false) {
  const seq = ++searchSeq;
  searchAbort?.abort();
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  const moreBtn = document.getElementById('search-more');
  if (!more) {
    searchQuery = q.trim();
    searchNext = null;
    searchShown = 0;
    if (!searchQuery) {
      status.textContent = '';
      results.replaceChildren();
      moreBtn.hidden = true;
      return;
    }
  }
  const url = more ? searchNext : withCuration(`/v1/search?${new URLSearchParams({ q: searchQuery, limit: String(SEARCH_PAGE) })}`);
  if (!url) return;
  searchAbort = new AbortController();
  status.textContent = more ? 'Loading more results…' : 'Searching…';
  try {
    const { data } = await api.get(url, { conditional: false, signal: searchAbort.signal });
    if (seq !== searchSeq) return;
    const hits = data.data ?? [];
    const firstNew = results.children.length;
    if (more) results.append(...hits.map(hitItem));
    else replace(results, hits.map(hitItem));
    searchShown = (more ? searchShown : 0) + hits.length;
    searchNext = data.links?.next ?? null;
    moreBtn.hidden = !searchNext;
    status.textContent = searchShown
      ? `${searchShown}${searchNext ? '+' : ''} result${searchShown === 1 ? '' : 's'} for “${searchQuery}”`
      : `No results for “${searchQuery}”.`;
    if (more) results.children[firstNew]?.querySelector('button')?.focus();
  } catch (e) {
    if (e?.name === 'AbortError' || seq !== searchSeq) return;
    status.textContent = e.detail ? `Search: ${e.detail}` : `The search failed (${e.message}).`;
    if (!more) results.replaceChildren();
    moreBtn.hidden = true;
  }
}

function openHit(hit, from) {
  showSourcesAsync({
    title: hit.title,
    subtitle: TYPE_LABEL[hit.type] ?? label(hit.type),
    from,
    load: async () => {
      const { data } = await api.get(hit.links.self, { conditional: false });
      if (hit.type === 'source') {
        return {
          subtitle: [data.publisher, data.published_on].filter(Boolean).join(', ') || 'Article',
          groups: [{ heading: 'The matching passage', passage: { source_id: data.id, lang: data.lang, url: data.url, snippet: hit.snippet } }],
        };
      }
      if (hit.type === 'border_gate_project') return { groups: projectGroups(data) };
      if (hit.type === 'figure') return { title: `${hit.title}: ${figureValue(data)}`, groups: [{ meta: period(data.period), sources: data.sources }] };
      return { groups: [{ meta: data.summary ?? data.description ?? null, sources: data.sources }] };
    },
  });
}

// ---- start ----
function start() {
  initDialog();
  const interval = refreshFromLocation();
  const input = document.getElementById('refresh-interval');
  input.value = String(interval);

  const poller = new Poller({ interval, refresh, onState: showState });

  const applyInterval = () => {
    const n = Math.round(Number(input.value));
    if (!Number.isFinite(n) || n < 1) return;
    const s = Math.min(3600, n);
    input.value = String(s);
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (s === DEFAULT_REFRESH_S) params.delete('refresh'); else params.set('refresh', String(s));
    const hash = params.toString();
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
    poller.setInterval(s);
    poller.emit();
  };
  input.addEventListener('change', applyInterval);
  window.addEventListener('hashchange', () => {
    const s = refreshFromLocation();
    if (s !== poller.interval) {
      input.value = String(s);
      poller.setInterval(s);
      poller.emit();
    }
  });
  document.getElementById('refresh-form').addEventListener('submit', (e) => {
    e.preventDefault();
    applyInterval();
    poller.now();
  });

  const machine = document.getElementById('show-machine-read');
  state.machine = machineFromLocation();
  machine.checked = state.machine;
  const applyMachine = (on) => {
    if (on === state.machine) return;
    state.machine = on;
    machine.checked = on;
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (on) params.set('machine', '1'); else params.delete('machine');
    const hash = params.toString();
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
    poller.now();
  };
  machine.addEventListener('change', () => applyMachine(machine.checked));
  document.getElementById('curation-form').addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('hashchange', () => applyMachine(machineFromLocation()));

  const filters = document.getElementById('project-filters');
  filters.addEventListener('change', () => {
    state.filters.province = document.getElementById('filter-province').value;
    state.filters.status = document.getElementById('filter-status').value;
    applyFilters();
  });
  filters.addEventListener('reset', () => {
    setTimeout(() => {
      state.filters = { province: '', status: '' };
      document.getElementById('filter-province').value = '';
      document.getElementById('filter-status').value = '';
      applyFilters();
    });
  });
  filters.addEventListener('submit', (e) => e.preventDefault());

  const search = document.getElementById('search-q');
  document.getElementById('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(searchTimer);
    runSearch(search.value);
  });
  document.getElementById('search-more').addEventListener('click', () => runSearch('', true));
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => runSearch(search.value), 350);
  });

  window.bordercoop = { api, poller }; // for the browser tests and the curious
  poller.start();
}

start();
