#!/usr/bin/env node
// check.mjs: validates every application/geo+json response the API tests recorded
// (BCT_RECORD, one JSON line per response: method, target, status, content_type, body)
// with Mapbox's RFC 7946 linter, @mapbox/geojsonhint (pinned in package-lock.json).
//
//   node tests/geojson/check.mjs RECORDED.jsonl MIN
//
// Every 200 GeoJSON body must give no hint at all (errors, and the "message" level too:
// precision beyond 6 decimals, a "crs" member, wrong winding), and every position must
// be [longitude, latitude] within range, which the linter does not check. At least MIN
// GeoJSON responses must have been recorded, so a test that stopped asking cannot pass.
// Exits 1 listing every problem, 0 when all conform.
import { readFileSync } from 'node:fs';
import geojsonhint from '@mapbox/geojsonhint';

const [file, minArg = '1'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node check.mjs RECORDED.jsonl MIN');
  process.exit(2);
}
const min = Number(minArg);
const problems = [];
let checked = 0;

// Positions below a geometry's coordinates, however deeply nested.
function positions(coords, out = []) {
  if (Array.isArray(coords) && coords.length > 0 && typeof coords[0] === 'number') out.push(coords);
  else if (Array.isArray(coords)) for (const c of coords) positions(c, out);
  return out;
}

function geometries(g, out = []) {
  if (!g) return out;
  if (g.type === 'GeometryCollection') for (const x of g.geometries ?? []) geometries(x, out);
  else out.push(g);
  return out;
}

for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  if (r.status !== 200 || !r.content_type || !r.content_type.startsWith('application/geo+json'))
    continue;
  if (r.method === 'HEAD' || r.body === null) continue;
  checked++;
  const where = `${r.method} ${r.target}`;
  for (const h of geojsonhint.hint(r.body, { precisionWarning: true }))
    problems.push(`${where}: ${h.level ?? 'error'}: ${h.message}${h.line ? ` (line ${h.line})` : ''}`);
  let doc;
  try {
    doc = JSON.parse(r.body);
  } catch {
    continue; // the linter has reported it
  }
  const features = doc.type === 'FeatureCollection' ? doc.features ?? [] : [doc];
  for (const f of features)
    for (const g of geometries(f.geometry))
      for (const [lon, lat, ...rest] of positions(g.coordinates))
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) || rest.length > 1)
          problems.push(`${where}: feature ${f.id}: position [${lon}, ${lat}] out of range`);
}

if (checked < min) problems.push(`only ${checked} GeoJSON responses were recorded, expected at least ${min}`);
for (const p of problems) console.error(p);
console.log(`geojsonhint: ${checked} GeoJSON responses checked, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
