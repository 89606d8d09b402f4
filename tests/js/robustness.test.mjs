// Hostile and broken input through pkg/node: each gives a stated result and
// the package stays usable; and the same reports natively (the release CLI)
// and from the package on a seeded sample of mutated fixture documents.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const t = require(path.join(root, 'pkg/node/telschema.js'));
const E911 = { street_address: '1 Main St', locality: 'Chicago', region: 'IL', postal_code: '60654' };

const code = (run) => {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof t.TelschemaError, String(e));
    return e.code;
  }
  return 'no error';
};

// The one root error of a report on text that cannot be judged as it is.
const rootError = (r) => {
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].path, '');
  return r.errors[0].code;
};

test('duplicate keys, deep nesting and the limits option', () => {
  const dup = t.validate('e911', '{"locality": "a", "locality": "b"}');
  assert.equal(rootError(dup), 'duplicate_key');
  assert.match(dup.errors[0].message, /"locality" appears twice .*line 1, column 28/);
  // The rest of the document is judged too (its last value of the key).
  assert.deepEqual(dup.errors.slice(1).map((i) => i.path), ['/postal_code', '/region', '/street_address']);
  assert.equal(rootError(t.validate('e911', new TextEncoder().encode('{"a": {"x": 1, "x": 1}}'))), 'duplicate_key');
  assert.equal(rootError(t.check('e911', '{"locality": "a", "locality": "b"}').report), 'duplicate_key');
  // completeness has no report to hold it: thrown.
  assert.equal(code(() => t.completeness('e911', '{"locality": "a", "locality": "b"}')), 'duplicate_key');
  // Deeper than serde_json's parser allows: as text a report, as an object refused.
  assert.equal(rootError(t.validate('e911', '['.repeat(100_000) + ']'.repeat(100_000))), 'limit_exceeded');
  let deep = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(code(() => t.validate('e911', { data: deep })), 'limit_exceeded');
  // Past maxDepth but readable: a report with limit_exceeded at the path.
  let nested = 'x';
  for (let i = 0; i < 40; i++) nested = { n: nested };
  const r = t.validate('e911', { ...E911, legacy_data: nested });
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].code, 'limit_exceeded');
  assert.match(r.errors[0].path, /^\/legacy_data(\/n)+$/);
  // maxDocumentBytes at and past the limit.
  const text = JSON.stringify(E911);
  assert.equal(t.validate('e911', text, { limits: { maxDocumentBytes: text.length } }).valid, true);
  const big = t.validate('e911', text, { limits: { maxDocumentBytes: text.length - 1 } });
  assert.equal(rootError(big), 'limit_exceeded');
  assert.equal(big.errors.length, 1);
  // maxIssues: the rest counted.
  const many = t.validate('number_collection', { numbers: ['a', 'b', 'c'] }, { limits: { maxIssues: 1 } });
  assert.deepEqual([many.errors.length, many.omitted], [1, { errors: 2, warnings: 0 }]);
  assert.equal(code(() => t.validate('e911', {}, { limits: { maxIssue: 1 } })), 'unknown_option');
  assert.equal(code(() => t.validate('e911', {}, { limits: { maxIssues: 'many' } })), 'invalid_option');
  // Still usable after all of it.
  assert.equal(t.normalize('+1 312 535 4200').e164, '+13125354200');
});

test('numbers, null and other values where strings belong are judged, not thrown', () => {
  const r = t.validate('e911', { ...E911, locality: 5, region: null, postal_code: ['60654'] });
  assert.deepEqual(
    r.errors.map((i) => [i.path, i.code]),
    [['/locality', 'type'], ['/region', 'type'], ['/postal_code', 'type']],
  );
  assert.equal(t.validate('e911', 42).errors[0].code, 'type');
  assert.equal(t.validate('e911', '"a string"').errors[0].code, 'type');
});

// A seeded sample of fixture documents with one value replaced.
function sample() {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const values = [null, true, 0, -1, 1.5, 1001, '', 'x', '+13125354200', '(312) 535-4200', '2026-02-29T09:00:00Z', 'US', 'ZZ', [], {}, ['+1'], 'é'.repeat(50)];
  const byKind = {};
  for (const kind of fs.readdirSync(path.join(root, 'tests/fixtures')).sort()) {
    for (const file of fs.readdirSync(path.join(root, 'tests/fixtures', kind)).sort()) {
      const doc = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures', kind, file), 'utf8')).document;
      for (let n = 0; n < 4; n++) {
        const copy = structuredClone(doc);
        const holders = [];
        (function walk(v) {
          if (v && typeof v === 'object') for (const k of Object.keys(v)) { holders.push([v, k]); walk(v[k]); }
        })(copy);
        if (holders.length) {
          const [h, k] = holders[Math.floor(random() * holders.length)];
          h[k] = values[Math.floor(random() * values.length)];
        }
        (byKind[kind] ??= []).push(copy);
      }
    }
  }
  return byKind;
}

test('the same reports natively (the release CLI) and from pkg/ on mutated fixtures', () => {
  const exe = path.join(root, 'target/release/telschema');
  const now = '2026-11-28T12:00:00Z';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'telschema-same-'));
  let compared = 0;
  for (const [kind, docs] of Object.entries(sample())) {
    const file = path.join(dir, `${kind}.ndjson`);
    fs.writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    let out;
    try {
      out = execFileSync(exe, ['validate', '--kind', kind, '--format', 'ndjson', '--now', now, file], { encoding: 'utf8' });
    } catch (e) {
      assert.equal(e.status, 1, e.stderr);
      out = e.stdout;
    }
    const native = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(native.length, docs.length);
    docs.forEach((d, i) => {
      const { file: _f, line: _l, kindAuto: _k, ...report } = native[i];
      assert.deepStrictEqual(t.validate(kind, d, { now }), report, `${kind} #${i}: ${JSON.stringify(d)}`);
      compared++;
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(compared >= 400, String(compared));
});

test('a document with 100,000 fields is judged within the default limits (linear time; benches/js/many_fields.mjs times it)', () => {
  const fields = [];
  for (let i = 0; i < 100000; i++) fields.push(`"k${i.toString(36)}":1`);
  const text = `{"billing_phone_number":"+13125354200",${fields.join(',')}}`;
  const r = t.validate('draft_sub_request', text);
  assert.equal(r.warnings.length, 1000);
  assert.equal(r.warnings.length + r.omitted.warnings, 100000);
  assert.ok(r.warnings.every((w) => w.code === 'unknown_field'));
  assert.equal(t.check('draft_sub_request', text).completeness.satisfied, 1);
});
