#!/usr/bin/env node
// validate.mjs: checks responses recorded by the API tests (BCT_RECORD, one JSON line per
// response: method, target, status, content_type, body) against openapi.yaml.
//
//   node tests/contract/validate.mjs RECORDED.jsonl [openapi.yaml]
//
// For every recorded response it finds the operation (the target's decoded path matched
// against the path templates, literal paths first; GET and HEAD use `get`), requires the
// status to be declared there (or `default`), requires the Content-Type to be one of the
// response's media types, and validates the body against that media type's schema with
// Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses): application/json and
// application/problem+json bodies are parsed and validated, text/csv bodies must be
// text, application/yaml is not checked. Bodies recorded as null (not UTF-8: gzip) and
// HEAD bodies are not checked; 304 and 204 must be declared and empty.
//
// Conventions of the contract (see info.description, "Methods"): HEAD is not written
// out as an operation (it is GET without a body); a method the path does not list must
// answer with a 405 the path's `get` declares; a path the router does not serve must
// answer 404 (components/responses/NotFound), or 413/414 (ContentTooLarge, UriTooLong)
// which the daemon checks before routing. 503 (a budget or overload answer,
// components/responses/ServiceUnavailable) may answer any operation; any other 5xx
// is always a failure.
//
// Exits 1 listing every mismatch, 0 when all responses conform.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const [recordFile, specFile = join(here, '..', '..', 'openapi.yaml')] = process.argv.slice(2);
if (!recordFile) {
  console.error('usage: node validate.mjs RECORDED.jsonl [openapi.yaml]');
  process.exit(2);
}

const spec = YAML.parse(readFileSync(specFile, 'utf8'), { maxAliasCount: -1 });
const SPEC_ID = 'urn:bordercoop:openapi';
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
// The whole document is one schema resource: `#/components/...` refs inside the schemas
// resolve against it, and each media type schema is compiled as a ref into it.
ajv.addSchema(spec, SPEC_ID);

const pointer = (parts) =>
  '#/' + parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

// Resolves a (local) $ref of a non-schema object such as a response.
function deref(obj) {
  const seen = new Set();
  while (obj && typeof obj.$ref === 'string') {
    if (!obj.$ref.startsWith('#/') || seen.has(obj.$ref)) throw new Error(`cannot resolve ${obj.$ref}`);
    seen.add(obj.$ref);
    const ref = obj.$ref;
    obj = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((o, k) => (o == null ? undefined : o[k]), spec);
    if (obj === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return obj;
}

// The response object for a status in an operation's responses: exact, then 4XX-style
// ranges, then default. Returns [response, pointer parts] or null.
function pickResponse(responses, responsesPath, status) {
  if (!responses) return null;
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    if (responses[key] !== undefined) {
      const raw = responses[key];
      // a $ref'd response: point the schema ref at the component, not at the $ref
      if (raw.$ref) return [deref(raw), raw.$ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))];
      return [raw, [...responsesPath, key]];
    }
  }
  return null;
}

const validators = new Map();
function validatorFor(parts) {
  const ref = SPEC_ID + pointer(parts);
  let v = validators.get(ref);
  if (!v) {
    v = ajv.compile({ $ref: ref });
    validators.set(ref, v);
  }
  return v;
}

// ---- path matching -----------------------------------------------------------------------
const templates = Object.keys(spec.paths || {}).map((key) => {
  const segs = key.split('/');
  return { key, segs, literal: !key.includes('{') };
});
// literal paths win over templates (/v1/search is not /v1/{x})
templates.sort((a, b) => Number(b.literal) - Number(a.literal));

function decodePath(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null; // not decodable: the server answers 400 malformed_path
  }
}

function matchPath(target) {
  const rawPath = target.split('?')[0];
  const decoded = decodePath(rawPath);
  // a template segment matches any non-empty segment; match on the raw path so that an
  // encoded '/' (%2F) stays inside its segment, literal segments on the decoded one
  const rawSegs = rawPath.split('/');
  for (const t of templates) {
    if (t.segs.length !== rawSegs.length) continue;
    const ok = t.segs.every((s, i) => {
      if (/^\{[^}]+\}$/.test(s)) return rawSegs[i].length > 0;
      const d = decodePath(rawSegs[i]);
      return s === rawSegs[i] || s === d;
    });
    if (ok) return t.key;
  }
  // an encoded '/' is never a separator: /v1%2Fmeetings names no path of the contract
  return decoded !== null && !/%2f/i.test(rawPath) && spec.paths[decoded] ? decoded : null;
}

// ---- checks ------------------------------------------------------------------------------
const mediaBase = (ct) => (ct == null ? null : ct.split(';')[0].trim().toLowerCase());

function checkBody(rec, response, respParts, failures) {
  const content = response.content;
  const ct = mediaBase(rec.content_type);
  const isHead = rec.method === 'HEAD';
  if (!content || Object.keys(content).length === 0) {
    if (rec.body !== '' && rec.body !== null) failures.push(`a body (${rec.body.length} chars) where the contract declares none`);
    else if (rec.body === null) failures.push('a (non-UTF-8) body where the contract declares none');
    return;
  }
  if (ct === null) {
    failures.push(`no Content-Type; the contract declares ${Object.keys(content).join(', ')}`);
    return;
  }
  const mt = Object.keys(content).find((k) => k.toLowerCase() === ct);
  if (mt === undefined) {
    failures.push(`Content-Type ${rec.content_type} is not declared (declared: ${Object.keys(content).join(', ')})`);
    return;
  }
  if (isHead || rec.body === null) return; // HEAD: no body; null: not UTF-8 (gzip)
  if (rec.body === '') {
    failures.push(`empty body for ${mt}`);
    return;
  }
  const media = content[mt];
  if (mt === 'application/yaml') return;
  if (mt === 'text/csv' || !/[/+]json$/.test(mt)) {
    if (typeof rec.body !== 'string') failures.push(`${mt} body is not text`);
    return;
  }
  if (!media.schema) return;
  let data;
  try {
    data = JSON.parse(rec.body);
  } catch (e) {
    failures.push(`body is not JSON (${e.message})`);
    return;
  }
  const validate = validatorFor([...respParts, 'content', mt, 'schema']);
  if (!validate(data)) {
    const errs = validate.errors;
    for (const e of errs.slice(0, 12))
      failures.push(`${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''} [${e.schemaPath}]`);
    if (errs.length > 12) failures.push(`... and ${errs.length - 12} more schema errors`);
  }
}

function checkRecord(rec) {
  const failures = [];
  try {
    return checkRecordInto(rec, failures);
  } catch (e) {
    failures.push(`contract error: ${e.message}`);
    return { pathKey: null, failures };
  }
}

function checkRecordInto(rec, failures) {
  // 503 is the daemon's overload and budget answer (with Retry-After), declared once
  // as components/responses/ServiceUnavailable; any other 5xx is a failure
  if (rec.status >= 500 && rec.status !== 503) failures.push(`server error ${rec.status}`);
  const pathKey = matchPath(rec.target);
  let response = null;
  let respParts = null;
  if (pathKey === null) {
    // not served: the router answers 404 whatever the method (413 and 414 come first)
    const name = { 404: 'NotFound', 413: 'ContentTooLarge', 414: 'UriTooLong' }[rec.status];
    if (!name) failures.push(`no path of the contract matches, and the status is ${rec.status}, not 404`);
    else [response, respParts] = [deref({ $ref: `#/components/responses/${name}` }), ['components', 'responses', name]];
  } else {
    const item = spec.paths[pathKey];
    const method = rec.method.toLowerCase();
    let op = item[method];
    let opParts = ['paths', pathKey, method];
    if (!op && method === 'head') [op, opParts] = [item.get, ['paths', pathKey, 'get']];
    else if (!op) {
      // a method the path does not serve: the 405 its GET declares
      if (rec.status !== 405) failures.push(`method ${rec.method} answered ${rec.status}, not 405`);
      [op, opParts] = [item.get, ['paths', pathKey, 'get']];
    }
    if (op) {
      let picked = pickResponse(op.responses, [...opParts, 'responses'], rec.status);
      if (!picked && rec.status === 503)
        picked = [deref({ $ref: '#/components/responses/ServiceUnavailable' }), ['components', 'responses', 'ServiceUnavailable']];
      if (!picked) failures.push(`status ${rec.status} is not declared for ${opParts[2]} ${pathKey} (declared: ${Object.keys(op.responses || {}).join(', ')})`);
      else [response, respParts] = picked;
    }
  }
  if (response) {
    if (rec.status === 304 || rec.status === 204) {
      if (rec.body) failures.push(`${rec.status} with a body`);
    } else {
      checkBody(rec, response, respParts, failures);
    }
  }
  return { pathKey, failures };
}

// ---- main --------------------------------------------------------------------------------
let recorded;
try {
  recorded = readFileSync(recordFile, 'utf8');
} catch (e) {
  console.log(`cannot read the recorded responses: ${e.message}`);
  process.exit(1);
}
const lines = recorded.split('\n').filter((l) => l.trim() !== '');
let bad = 0;
let n = 0;
const byOperation = new Map();
for (const [i, line] of lines.entries()) {
  let rec;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    console.log(`FAIL ${recordFile}:${i + 1}: not a JSON line (${e.message})`);
    bad++;
    continue;
  }
  n++;
  const { pathKey, failures } = checkRecord(rec);
  const opKey = `${rec.method} ${pathKey ?? '(unmatched)'} ${rec.status}`;
  byOperation.set(opKey, (byOperation.get(opKey) || 0) + 1);
  if (failures.length > 0) {
    bad++;
    const target = rec.target.length > 160 ? `${rec.target.slice(0, 160)}...` : rec.target;
    console.log(`FAIL ${rec.method} ${target} -> ${rec.status} (${rec.content_type ?? 'no Content-Type'})`);
    for (const f of failures) console.log(`    ${f}`);
  }
}
if (process.env.VALIDATE_VERBOSE)
  for (const [k, c] of [...byOperation.entries()].sort()) console.log(`  ${String(c).padStart(4)}  ${k}`);
console.log(`validated ${n} responses against openapi.yaml (${byOperation.size} method/path/status combinations): ${n - bad} conform, ${bad} do not`);
if (n === 0) {
  console.log(`no responses recorded in ${recordFile}`);
  process.exit(1);
}
process.exit(bad > 0 ? 1 : 0);
