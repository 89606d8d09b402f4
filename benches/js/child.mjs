// One measurement in a fresh Node process (benches/js/run.mjs starts one per
// measurement, alternating ours and theirs). Prints one JSON line.
//   node benches/js/child.mjs MODE
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const t0 = performance.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const mode = process.argv[2];
const docs = path.join(root, 'benches/docs');
const updateText = fs.readFileSync(path.join(docs, 'draft_sub_request_update.json'), 'utf8');
const draftText = fs.readFileSync(path.join(docs, 'draft_sub_request.json'), 'utf8');
const PHONE_FIELDS = ['billing_phone_number', 'new_billing_phone_number'];

/** Runs `fn` (which handles `unit` items per call) for about `ms` after a warm-up; items per second. */
function rate(fn, unit, ms = 1500) {
  for (let i = 0; i < 3; i++) fn();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    fn();
    n++;
    now = performance.now();
  }
  return (n * unit) / ((now - start) / 1000);
}

function corpus() {
  return JSON.parse(fs.readFileSync(path.join(root, 'benches/js/corpus.json'), 'utf8'));
}

function ours() {
  return require(path.join(root, 'pkg/node/telschema.js'));
}

function jsStack(kinds = ['update', 'draft']) {
  const Ajv2020 = require('ajv/dist/2020').default;
  const addFormats = require('ajv-formats').default;
  const lpn = require('libphonenumber-js/max');
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const load = (kind) => ajv.compile(JSON.parse(fs.readFileSync(path.join(root, `schemas/${kind}.schema.json`), 'utf8')));
  return {
    ajv,
    lpn,
    validateUpdate: kinds.includes('update') ? load('draft_sub_request_update') : null,
    validateDraft: kinds.includes('draft') ? load('draft_sub_request') : null,
  };
}

// The JavaScript equivalents: ajv plus libphonenumber-js on the same phone fields.
function jsValidate({ lpn, validateUpdate }, text) {
  const doc = JSON.parse(text);
  const ok = validateUpdate(doc);
  const phones = PHONE_FIELDS.filter((f) => typeof doc[f] === 'string').map((f) => lpn.parsePhoneNumberFromString(doc[f], 'US')?.isValid() ?? false);
  return { ok, errors: validateUpdate.errors, phones };
}

function jsCheck({ lpn, validateDraft }, text) {
  const doc = JSON.parse(text);
  const changes = [];
  const rewrite = (holder, key, at) => {
    const v = holder[key];
    if (typeof v !== 'string') return;
    const p = lpn.parsePhoneNumberFromString(v, 'US');
    if (p && p.isValid() && p.number !== v) {
      changes.push({ path: at, from: v, to: p.number });
      holder[key] = p.number;
    }
  };
  for (const f of PHONE_FIELDS) rewrite(doc, f, `/${f}`);
  (doc.phone_numbers ?? []).forEach((n, i) => n && rewrite(n, 'phone_number', `/phone_numbers/${i}/phone_number`));
  const ok = validateDraft(doc);
  return { document: doc, changes, ok, errors: validateDraft.errors };
}

let result;
switch (mode) {
  case 'normalize-ours': {
    const t = ours();
    const c = corpus();
    const opts = Object.fromEntries([...new Set(c.map((x) => x.region))].map((r) => [r, { defaultRegion: r }]));
    result = rate(() => {
      for (const { input, region } of c) {
        try {
          t.normalize(input, opts[region]);
        } catch {}
      }
    }, c.length);
    break;
  }
  case 'normalize-many-ours': {
    const t = ours();
    const c = corpus();
    const byRegion = new Map();
    for (const { input, region } of c) byRegion.set(region, [...(byRegion.get(region) ?? []), input]);
    const groups = [...byRegion].map(([r, inputs]) => [inputs, { defaultRegion: r }]);
    result = rate(() => {
      for (const [inputs, o] of groups) t.normalizeMany(inputs, o);
    }, c.length);
    break;
  }
  case 'normalize-lpn': {
    const lpn = require('libphonenumber-js/max');
    const c = corpus();
    result = rate(() => {
      for (const { input, region } of c) {
        const p = lpn.parsePhoneNumberFromString(input, region);
        if (p) {
          p.isValid();
          p.format('E.164');
        }
      }
    }, c.length);
    break;
  }
  case 'normalize-google': {
    const g = require('google-libphonenumber');
    const util = g.PhoneNumberUtil.getInstance();
    const c = corpus();
    result = rate(() => {
      for (const { input, region } of c) {
        try {
          const p = util.parse(input, region);
          util.isValidNumber(p);
          util.format(p, g.PhoneNumberFormat.E164);
        } catch {}
      }
    }, c.length);
    break;
  }
  case 'validate-ours': {
    const t = ours();
    result = rate(() => t.validate('draft_sub_request_update', updateText), 1, 1000);
    break;
  }
  case 'validate-js': {
    const s = jsStack();
    result = rate(() => jsValidate(s, updateText), 1, 1000);
    break;
  }
  case 'check-ours': {
    const t = ours();
    result = rate(() => t.check('draft_sub_request', draftText), 1, 1000);
    break;
  }
  case 'check-js': {
    const s = jsStack();
    result = rate(() => jsCheck(s, draftText), 1, 1000);
    break;
  }
  case 'cold-ours': {
    const t = ours();
    t.check('draft_sub_request', draftText);
    result = performance.now() - t0;
    break;
  }
  case 'cold-js': {
    const s = jsStack(['draft']);
    jsCheck(s, draftText);
    result = performance.now() - t0;
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}`);
}
console.log(JSON.stringify({ mode, result }));
