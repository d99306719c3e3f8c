// border-map.js: the border region as an SVG map, drawn from the embedded Natural Earth
// boundaries (virtual:border-basemap, built by ../basemap.js): no tiles, no network.
// Every located gate, bridge and route side is a point coloured by the project's status
// (and shaped by it, so colour is not the only cue), province seats are labelled, and
// each project is one keyboard-focusable button that opens its timeline and quotes.
import { basemap, project } from 'virtual:border-basemap';
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
export const STATUS_COLOURS = {
  operational: '#15803d',
  under_construction: '#b45309',
  planned: '#1d4ed8',
  proposed: '#7e22ce',
  reported: '#4b5563',
};
// a shape per status: the colour is never the only difference
const SHAPES = {
  operational: 'circle',
  under_construction: 'square',
  planned: 'diamond',
  proposed: 'triangle',
  reported: 'circle',
};

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v != null) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c != null) el.append(c);
  return el;
}

function marker(shape, x, y, r, colour) {
  const common = { fill: colour, stroke: '#ffffff', 'stroke-width': 1.5, class: 'map-marker' };
  if (shape === 'square') return s('rect', { ...common, x: x - r, y: y - r, width: 2 * r, height: 2 * r });
  if (shape === 'diamond') return s('path', { ...common, d: `M${x},${y - r * 1.3}L${x + r * 1.3},${y}L${x},${y + r * 1.3}L${x - r * 1.3},${y}Z` });
  if (shape === 'triangle') return s('path', { ...common, d: `M${x},${y - r * 1.3}L${x + r * 1.2},${y + r}L${x - r * 1.2},${y + r}Z` });
  return s('circle', { ...common, cx: x, cy: y, r });
}

/** The sides of p that have coordinates: [{side, lat, lon, location}]. */
export function locatedSides(p) {
  return ['vn', 'cn'].map((side) => ({ side, loc: p[`${side}_location`] }))
    .filter((x) => x.loc && Number.isFinite(x.loc.lat) && Number.isFinite(x.loc.lon));
}

/**
 * Draws the map into container. projects and provinces are API documents; onOpen(p,
 * button) opens a project's dialog; label(status) names a status.
 */
export function renderBorderMap(container, { projects, provinces, onOpen, label }) {
  const { width, height, countries } = basemap;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'border-map-svg', role: 'group',
    'aria-labelledby': 'map-title', 'aria-describedby': 'map-desc',
  });
  svg.append(s('title', { id: 'map-title' }, 'Map of the Vietnam – China border region'));
  svg.append(s('desc', { id: 'map-desc' }, 'Province seats are labelled; each gate, bridge or route is a button at its Vietnamese and Chinese sides, coloured and shaped by status.'));
  svg.append(s('rect', { x: 0, y: 0, width, height, class: 'map-sea' }));
  for (const c of countries) {
    svg.append(s('path', { d: c.d, class: `map-country map-country-${c.id}`, 'data-country': c.name }));
  }
  // country names where they fall inside the view
  const names = [['CHINA', 104.6, 24.6], ['VIETNAM', 105.2, 21.2], ['LAOS', 102.3, 21.0]];
  for (const [n, lon, lat] of names) {
    const [x, y] = project(lon, lat);
    svg.append(s('text', { x, y, class: 'map-country-name', 'aria-hidden': 'true' }, n));
  }
  // province seats
  const seats = s('g', { class: 'map-seats' });
  for (const pv of provinces) {
    const loc = pv.location;
    if (!loc || pv.merged_into) continue;
    const [x, y] = project(loc.lon, loc.lat);
    // labels sit below their seat (gates lie north, on the border); near the right
    // edge they end at the seat instead of starting there
    const right = x > width * 0.72;
    const name = pv.name.replace(/ Zhuang Autonomous Region$/, '');
    seats.append(s('g', { class: 'map-seat', 'data-province': pv.id },
      s('rect', { x: x - 3, y: y - 3, width: 6, height: 6, class: 'map-seat-dot' }),
      s('text', { x: right ? x - 6 : x + 6, y: y + 16, 'text-anchor': right ? 'end' : 'start', class: 'map-seat-label' }, name)));
  }
  svg.append(seats);

  // projects: sides sharing a point are spread around it so every one stays visible
  const used = new Map();
  const layer = s('g', { class: 'map-projects' });
  const unlocated = [];
  for (const p of projects) {
    const sides = locatedSides(p);
    if (sides.length === 0) {
      unlocated.push(p);
      continue;
    }
    const colour = STATUS_COLOURS[p.status] ?? STATUS_COLOURS.reported;
    const pts = sides.map(({ side, loc }) => {
      let [x, y] = project(loc.lon, loc.lat);
      const key = `${Math.round(x)},${Math.round(y)}`;
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      if (n > 0) {
        const a = (n * 2 * Math.PI) / 6;
        x += Math.cos(a) * 9;
        y += Math.sin(a) * 9;
      }
      return { side, x, y };
    });
    const where = sides.map(({ side, loc }) => `${side === 'vn' ? 'Vietnam' : 'China'} side near ${loc.reference_name ?? 'its reference point'}`).join('; ');
    const g = s('g', {
      class: 'map-project', tabindex: 0, role: 'button',
      'aria-label': `${p.name}: ${label(p.status)}. ${where}. Open its timeline and quotes.`,
      'data-project': p.id, 'data-status': p.status, 'data-focus-key': `map:${p.id}`,
    });
    const route = p.kind === 'transport_route' || p.kind === 'sea_route';
    if (pts.length === 2) {
      g.append(s('line', { x1: pts[0].x, y1: pts[0].y, x2: pts[1].x, y2: pts[1].y, class: route ? 'map-link map-route' : 'map-link', stroke: colour }));
    }
    for (const pt of pts) g.append(marker(SHAPES[p.status] ?? 'circle', pt.x, pt.y, route ? 4.5 : 6.5, colour));
    g.append(s('title', null, `${p.name} (${label(p.status)})`));
    const open = () => onOpen(p, g);
    g.addEventListener('click', open);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    });
    layer.append(g);
  }
  svg.append(layer);

  const legend = h('ul', { class: 'map-legend', 'aria-label': 'Map legend' },
    Object.keys(STATUS_COLOURS).map((st) => {
      const icon = s('svg', { viewBox: '-8 -8 16 16', width: 16, height: 16, 'aria-hidden': 'true' },
        marker(SHAPES[st], 0, 0, 5, STATUS_COLOURS[st]));
      return h('li', null, icon, ' ', label(st));
    }),
    h('li', null, h('span', { class: 'map-seat-key', 'aria-hidden': 'true' }), ' province seat'));
  const note = unlocated.length
    ? h('p', { class: 'muted small', id: 'map-unlocated' }, 'Not on the map (no reference coordinates found): ',
      unlocated.map((p) => p.name).join('; '), '.')
    : null;
  container.replaceChildren(h('div', { class: 'map-frame' }, svg), legend, note);
  return { located: projects.length - unlocated.length, unlocated: unlocated.length };
}
