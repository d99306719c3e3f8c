// basemap.js: a Vite plugin that turns Natural Earth's 1:50m country boundaries (the
// world-atlas package, pinned in package-lock.json) into the small SVG base map of the
// Vietnam – China border region that the dashboard embeds: no tile server, no network.
// It exports `virtual:border-basemap`: { width, height, bbox, countries: [{id, name,
// d}], project(lon, lat) → [x, y] as source text }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const ID = 'virtual:border-basemap';
const RESOLVED = '\0' + ID;

// the region: Dien Bien to the Gulf of Tonkin, Kunming to Ha Long
export const BBOX = { west: 101.9, east: 109.4, south: 20.4, north: 25.4 };
const SCALE = 100; // SVG units per degree of latitude
const COS = Math.cos(((BBOX.south + BBOX.north) / 2) * Math.PI / 180);
const WIDTH = Math.round((BBOX.east - BBOX.west) * COS * SCALE);
const HEIGHT = Math.round((BBOX.north - BBOX.south) * SCALE);
// ISO 3166 numeric ids in world-atlas
const COUNTRIES = { 704: 'Vietnam', 156: 'China', 418: 'Laos' };

const project = (lon, lat) => [
  +(((lon - BBOX.west) * COS) * SCALE).toFixed(1),
  +((BBOX.north - lat) * SCALE).toFixed(1),
];

// Points far outside the view are clamped to a margin around it: the visible part of
// each polygon is unchanged and the path stays small.
function ringPath(ring) {
  const m = 1.5;
  let d = '', last = '';
  for (const [lon, lat] of ring) {
    const c = [Math.min(Math.max(lon, BBOX.west - m), BBOX.east + m),
      Math.min(Math.max(lat, BBOX.south - m), BBOX.north + m)];
    const [x, y] = project(c[0], c[1]);
    const p = `${x},${y}`;
    if (p === last) continue;
    d += (d ? 'L' : 'M') + p;
    last = p;
  }
  return d ? d + 'Z' : '';
}

function ringTouches(ring) {
  return ring.some(([lon, lat]) => lon > BBOX.west - 1 && lon < BBOX.east + 1 &&
    lat > BBOX.south - 1 && lat < BBOX.north + 1);
}

export function buildBasemap() {
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const fc = feature(topo, topo.objects.countries);
  const countries = [];
  for (const f of fc.features) {
    const name = COUNTRIES[Number(f.id)];
    if (!name) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const d = polys.filter((p) => ringTouches(p[0])).map((p) => p.map(ringPath).join('')).join('');
    countries.push({ id: Number(f.id), name, d });
  }
  countries.sort((a, b) => a.id - b.id);
  return { width: WIDTH, height: HEIGHT, bbox: BBOX, scale: SCALE, cos: COS, countries };
}

export default function basemap() {
  return {
    name: 'border-basemap',
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const m = buildBasemap();
      return `export const basemap = ${JSON.stringify(m)};\n` +
        `export function project(lon, lat) { return [(lon - ${BBOX.west}) * ${COS} * ${SCALE}, (${BBOX.north} - lat) * ${SCALE}]; }\n`;
    },
  };
}
