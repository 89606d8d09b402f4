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
// The inputs run.mjs drew (benches/js/inputs.mjs): numbers and porting documents
// that no test of the package uses.
const tRead = performance.now();
const inputs = JSON.parse(fs.readFileSync(path.join(root, 'benches/js/corpus.json'), 'utf8'));
// Cold start leaves out reading the bench's own inputs (the same for both sides).
const readMs = performance.now() - tRead;
const { updates, drafts } = inputs;

// Warm-up before measuring, by time, the same for both sides: the engines
// tier up (V8 compiles hot WebAssembly and JavaScript again, optimized, on
// background threads), which on a busy machine takes longer than a few calls.
const WARM_MS = Number(process.env.WARM_MS ?? 1000);

/** Runs `fn` (which handles `unit` items per call) for about `ms` after a warm-up; items per second. */
function rate(fn, unit, ms = 1500) {
  for (let i = 0; i < 3; i++) fn();
  for (const warm = performance.now(); performance.now() - warm < WARM_MS; ) fn();
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
  return inputs.numbers;
}

/** One call per document, the documents in turn. */
function perDocument(fn, texts) {
  let i = 0;
  return () => fn(texts[i++ % texts.length]);
}

// TELSCHEMA_PKG: another build of the package (a baseline, or one with a name section for --cpu-prof).
function ours() {
  return require(path.join(path.resolve(root, process.env.TELSCHEMA_PKG ?? 'pkg'), 'node/telschema.js'));
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

// The JavaScript equivalents: ajv plus libphonenumber-js on the same phone
// fields (the billing number and the porting option's new billing number).
function jsValidate({ lpn, validateUpdate }, text) {
  const doc = JSON.parse(text);
  const ok = validateUpdate(doc);
  const valid = (v) => (typeof v === 'string' ? (lpn.parsePhoneNumberFromString(v, 'US')?.isValid() ?? false) : null);
  const phones = [valid(doc.billing_phone_number), valid(doc.porting_option?.new_billing_phone_number)];
  return { ok, errors: validateUpdate.errors, phones };
}

function jsCheck({ lpn, validateDraft }, text) {
  const doc = JSON.parse(text);
  const changes = [];
  const rewrite = (holder, key, at) => {
    const v = holder?.[key];
    if (typeof v !== 'string') return;
    const p = lpn.parsePhoneNumberFromString(v, 'US');
    if (p && p.isValid() && p.number !== v) {
      changes.push({ path: at, from: v, to: p.number });
      holder[key] = p.number;
    }
  };
  rewrite(doc, 'billing_phone_number', '/billing_phone_number');
  rewrite(doc.porting_option, 'new_billing_phone_number', '/porting_option/new_billing_phone_number');
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
    result = rate(perDocument((text) => t.validate('draft_sub_request_update', text), updates), 1, 1000);
    break;
  }
  case 'validate-js': {
    const s = jsStack();
    result = rate(perDocument((text) => jsValidate(s, text), updates), 1, 1000);
    break;
  }
  case 'check-ours': {
    const t = ours();
    result = rate(perDocument((text) => t.check('draft_sub_request', text), drafts), 1, 1000);
    break;
  }
  case 'check-js': {
    const s = jsStack();
    result = rate(perDocument((text) => jsCheck(s, text), drafts), 1, 1000);
    break;
  }
  case 'cold-ours': {
    const t = ours();
    t.check('draft_sub_request', drafts[0]);
    result = performance.now() - t0 - readMs;
    break;
  }
  case 'cold-js': {
    const s = jsStack(['draft']);
    jsCheck(s, drafts[0]);
    result = performance.now() - t0 - readMs;
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}`);
}
console.log(JSON.stringify({ mode, result }));
