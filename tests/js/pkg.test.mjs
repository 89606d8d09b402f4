// One truth, two surfaces: every fixture of the Rust suite through pkg/node
// (and pkg/web, instantiated in Node) gives the same report, completeness and
// check outcome, compared as parsed JSON; plus the API's inputs and errors.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const node = require(path.join(root, 'pkg/node/telschema.js'));
const web = await import(pathToFileURL(path.join(root, 'pkg/web/telschema.js')));
web.initSync(fs.readFileSync(path.join(root, 'pkg/web/telschema_glue_bg.wasm')));

const fixtures = [];
for (const kind of fs.readdirSync(path.join(root, 'tests/fixtures')).sort()) {
  const dir = path.join(root, 'tests/fixtures', kind);
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith('.json')) fixtures.push({ kind, file, ...JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) });
  }
}

test('the fixture set is the Rust suite’s (every kind, at least 8 each)', () => {
  assert.deepEqual(new Set(fixtures.map((f) => f.kind)), new Set(node.kinds()));
  for (const kind of node.kinds()) assert.ok(fixtures.filter((f) => f.kind === kind).length >= 8, kind);
});

// The keys of Rust's check::Outcome, in its order.
const OUTCOME_KEYS = ['document', 'changes', 'report', 'completeness'];
const inOutcomeOrder = (o) => Object.fromEntries(OUTCOME_KEYS.map((k) => [k, o[k]]));

for (const [surface, api] of [['node', node], ['web', web]]) {
  test(`every fixture through pkg/${surface} gives the Rust report, completeness and outcome`, () => {
    for (const f of fixtures) {
      const name = `${f.kind}/${f.file}`;
      const before = JSON.stringify(f.document);
      assert.deepStrictEqual(api.validate(f.kind, f.document, f.options), f.report, `validate ${name}`);
      assert.deepStrictEqual(api.completeness(f.kind, f.document, f.options), f.completeness, `completeness ${name}`);
      // The fixture stores check's document only when check rewrote it.
      const expected = 'document' in f.check ? f.check : { ...f.check, document: f.document };
      const result = api.check(f.kind, f.document, f.options);
      // The reply carries the document once (as documentJson) and the wrapper
      // parses it into `document`: the caller gets the shape a reply with
      // both gave, the Rust Outcome's keys in order, then documentJson.
      assert.deepStrictEqual(Object.keys(result), [...OUTCOME_KEYS, 'documentJson'], `check keys ${name}`);
      const { documentJson, ...outcome } = result;
      assert.deepStrictEqual(outcome, expected, `check ${name}`);
      assert.equal(JSON.stringify(outcome), JSON.stringify(inOutcomeOrder(expected)), `check as JSON ${name}`);
      assert.equal(documentJson, JSON.stringify(expected.document), `documentJson ${name}`);
      assert.equal(JSON.stringify(outcome.document), JSON.stringify(expected.document), `key order ${name}`);
      assert.equal(JSON.stringify(f.document), before, `check must not modify its input (${name})`);
      // The same document as a JSON string and as UTF-8 bytes.
      const text = JSON.stringify(f.document);
      assert.deepStrictEqual(api.validate(f.kind, text, f.options), f.report, `validate(string) ${name}`);
      const bytes = new TextEncoder().encode(text);
      const { documentJson: fromBytesJson, ...fromBytes } = api.check(f.kind, bytes, f.options);
      assert.deepStrictEqual(fromBytes, expected, `check(Uint8Array) ${name}`);
      assert.equal(JSON.stringify(fromBytes), JSON.stringify(inOutcomeOrder(expected)), `check(Uint8Array) as JSON ${name}`);
      assert.equal(fromBytesJson, documentJson, `check(Uint8Array) documentJson ${name}`);
    }
  });
}

test('kind "auto" resolves as the core does, by $schema or by shape', () => {
  const e911 = { street_address: '1 Main St', locality: 'Chicago', region: 'IL', postal_code: '60601' };
  assert.equal(node.validate('auto', e911).kind, 'e911');
  const draft = { $schema: 'urn:telschema:schema:draft_sub_request', data: { phone_numbers: [] } };
  assert.equal(node.check('auto', draft).report.kind, 'draft_sub_request');
  assert.throws(() => node.validate('auto', { phone_numbers: [] }), {
    name: 'TelschemaError',
    code: 'ambiguous_kind',
    message: /portability_check, draft_sub_request, draft_port_request/,
  });
  assert.throws(() => node.validate('auto', { colour: 'red' }), { code: 'unknown_kind' });
});

test('a body that is not JSON is a report a server can answer with, as Kazoo does', () => {
  const r = node.validate('e911', '{"locality": "Chicago",\n "region": ');
  assert.deepEqual(
    [r.valid, r.errors.length, r.errors[0].path, r.errors[0].code],
    [false, 1, '', 'invalid_json'],
  );
  assert.equal(r.errors[0].message, 'The document is not JSON (line 2, column 11).');
  assert.deepEqual(r.errors[0].params, { line: 2, column: 11, offset: 35, detail: 'EOF while parsing a value' });
  const body = node.toKazooError(r);
  assert.deepEqual(body.data, { json: { invalid: { message: 'truncated_json around 35', target: 'body' } } });
  const de = node.validate('e911', '{"locality": "Chicago",\n "region": ', { locale: 'de' });
  assert.equal(de.errors[0].message, 'Das Dokument ist kein gültiges JSON (Zeile 2, Spalte 11).');
  assert.deepEqual([body.status, body.error, body.message], ['error', '400', 'validation error']);
  const bytes = node.validate('e911', new Uint8Array([0x7b, 0xff, 0x7d]));
  assert.deepEqual([bytes.errors[0].code, bytes.errors[0].value], ['invalid_utf8', 1]);
  const c = node.check('e911', '[1, 2');
  assert.deepEqual([c.document, c.documentJson, c.changes, c.report.errors[0].code], [null, 'null', [], 'invalid_json']);
  assert.equal(c.completeness.complete, false);
  // A top-level non-object: crossbar's answer to a body it cannot read, not the key "".
  const list = node.toKazooError(node.validate('e911', []));
  assert.deepEqual(list.data, { json: { invalid: { message: 'All JSON must be valid', target: 'body' } } });
  const data = node.toKazooError(node.validate('phone_number', { data: [] }));
  assert.deepEqual(Object.keys(data.data), ['data']);
});

test('errors are real Error objects with a code', () => {
  const cases = [
    [() => node.validate('e912', {}), 'unknown_kind'],
    [() => node.validate(42, {}), 'unknown_kind'],
    [() => node.validate('e911', {}, { region: 'US' }), 'unknown_option'],
    [() => node.validate('e911', {}, { phoneLevel: 'strict' }), 'invalid_option'],
    [() => node.validate('e911', {}, { now: 'tomorrow' }), 'invalid_option'],
    [() => node.validate('auto', '{"locality": '), 'invalid_json'],
    [() => node.check('auto', new Uint8Array([0x7b, 0xff, 0x7d])), 'invalid_utf8'],
    [() => node.completeness('e911', '{"locality": '), 'invalid_json'],
    [() => node.validate('e911', '{"locality": "\ud800"}'), 'invalid_unicode'],
    [() => node.validate('e911', { locality: 'Chicago\udc00' }), 'invalid_unicode'],
    [() => node.validate('e911', { ['\ud83dkey']: 'x' }), 'invalid_unicode'],
    [() => node.validate('e911', undefined), 'invalid_document'],
    [() => node.validate('e911', { locality: 10n }), 'invalid_document'],
    [() => node.validate('e911', { locality: () => 'x' }), 'invalid_document'],
    [() => node.validate('e911', { locality: new Map() }), 'invalid_document'],
    [() => node.validate('e911', { latitude: NaN }), 'invalid_document'],
    [() => node.validate('e911', { notification_contact_emails: [undefined] }), 'invalid_document'],
    [() => node.normalize('+1 312 535 4200', { defaultRegion: 1 }), 'invalid_option'],
    [() => node.normalize('abc'), 'not_a_number'],
    [() => node.normalize('+1 312\ud800'), 'invalid_unicode'],
    [() => node.normalize(3125354200), 'invalid_argument'],
    [() => node.normalize('312 535 4200', { defaultRegion: 'XX' }), 'unknown_region'],
    [() => node.normalizeMany('not a list'), 'invalid_argument'],
    [() => node.toKazooError({ not: 'a report' }), 'invalid_argument'],
  ];
  for (const [run, code] of cases) {
    assert.throws(run, (e) => {
      assert.ok(e instanceof Error, `${code}: an Error`);
      assert.ok(e instanceof node.TelschemaError);
      assert.equal(e.code, code, `${run}: ${e.message}`);
      assert.ok(e.message.length > 10, e.message);
      return true;
    });
  }
  const cyclic = { locality: 'Chicago' };
  cyclic.self = cyclic;
  assert.throws(() => node.validate('e911', cyclic), { code: 'invalid_document', message: /cycle/ });
  assert.throws(() => node.validate('e911', { data: { a: [1, { b: 2n }] } }), { message: /at \/data\/a\/1\/b/ });
});

test('JavaScript values map to JSON as documented', () => {
  // undefined properties are absent; a Date is its ISO string; null is judged.
  const r = node.validate('e911', { street_address: '1 Main St', locality: 'Chicago', region: 'IL', postal_code: '60601', caller_name: undefined });
  assert.equal(r.valid, true);
  const at = node.validate('e911', { street_address: '1 Main St', locality: 'Chicago', region: 'IL', postal_code: '60601', activated_time: new Date(0) });
  assert.deepEqual(at, r);
  const nul = node.validate('e911', null);
  assert.equal(nul.valid, false);
  assert.equal(nul.errors[0].path, '');
  // A __proto__ key from JSON.parse is an ordinary (unknown) field, not a prototype.
  const proto = node.validate('portability_check', JSON.parse('{"phone_numbers":[{"phone_number":"+13125354200"}],"__proto__":{"x":1}}'));
  assert.deepEqual([...proto.errors, ...proto.warnings].map((i) => [i.path, i.code]), [['/__proto__', 'unknown_field']]);
});

test('normalize and normalizeMany', () => {
  const n = node.normalize('(312) 535-4200');
  assert.deepEqual(n, {
    e164: '+13125354200',
    countryCode: 1,
    region: 'US',
    nationalNumber: '3125354200',
    numberType: 'fixed_line_or_mobile',
    valid: true,
    possible: true,
    extension: null,
    kazooClassifier: 'did_us',
    coverageCategory: 'nanp_generic',
  });
  assert.equal(node.normalize('020 7946 0958', { defaultRegion: 'GB' }).e164, '+442079460958');
  const many = node.normalizeMany(['+44 20 7946 0958', 'abc', 42, '+1 312\ud800', '+800 1234 5678']);
  assert.equal(many.length, 5);
  assert.equal(many[0].e164, '+442079460958');
  assert.equal(many[1].error.code, 'not_a_number');
  assert.equal(many[2].error.code, 'invalid_argument');
  assert.equal(many[3].error.code, 'invalid_unicode');
  assert.equal(many[4].region, null);
  assert.deepEqual(node.normalizeMany(new Set(['+13125354200'])).map((x) => x.e164), ['+13125354200']);
  assert.deepEqual(node.normalizeMany([]), []);
});

test('schema, kinds and toKazooError', () => {
  assert.deepEqual(node.kinds(), [
    'phone_number', 'e911', 'number_collection', 'portability_check', 'sub_request_update',
    'draft_sub_request_update', 'draft_sub_request', 'draft_port_request', 'number_request',
  ]);
  for (const kind of node.kinds()) {
    const published = JSON.parse(fs.readFileSync(path.join(root, 'schemas', `${kind}.schema.json`), 'utf8'));
    assert.deepStrictEqual(node.schema(kind), published, kind);
  }
  const report = node.validate('e911', { data: { locality: 'Chicago' } });
  const body = node.toKazooError(report);
  assert.equal(body.status, 'error');
  assert.equal(body.error, '400');
  assert.deepEqual(Object.keys(body.data).sort(), ['postal_code', 'region', 'street_address']);
  assert.equal(node.toKazooError(node.validate('e911', { street_address: 'a', locality: 'b', region: 'IL', postal_code: '60601' })), null);
});

test('web/telschema.js refuses calls before init', async () => {
  // A query string makes a second instance of the wrapper (the glue is shared).
  const fresh = await import(`${pathToFileURL(path.join(root, 'pkg/web/telschema.js'))}?before-init`);
  assert.notEqual(fresh, web);
  assert.throws(() => fresh.kinds(), { code: 'not_initialized', message: /init\(\)/ });
});

test('the package works from require and import through its exports map', () => {
  const cjs = `const t = require('telschema'); const r = t.check('auto', {street_address:'1 Main St',locality:'Chicago',region:'IL',postal_code:'60601'}); console.log(typeof t, r.report.kind, r.report.valid);`;
  const esm = `import init, { check, normalize } from 'telschema'; await init(); console.log(typeof init, check('e911', {street_address:'1 Main St',locality:'Chicago',region:'IL',postal_code:'60601'}).report.valid, normalize('+44 20 7946 0958').e164);`;
  assert.equal(execFileSync('node', ['-e', cjs], { cwd: root, encoding: 'utf8' }).trim(), 'function e911 true');
  assert.equal(
    execFileSync('node', ['--input-type=module', '-e', esm], { cwd: root, encoding: 'utf8' }).trim(),
    'function true +442079460958',
  );
});

test('fields gives form metadata from the kind’s spec, the same on both targets', () => {
  const f = node.fields('draft_sub_request');
  assert.deepStrictEqual(web.fields('draft_sub_request'), f);
  assert.equal(f[0].pointer, '/auth_person_name');
  assert.equal(f[0].need, 'required');
  const pin = f.find((x) => x.pointer === '/pin_passcode');
  assert.equal(pin.need, 'conditional');
  assert.match(pin.reason, /wireless/);
  assert.equal(f.find((x) => x.pointer === '/billing_phone_number').format, 'phone');
  // Labels are the ones completeness reports.
  const c = node.completeness('draft_sub_request', {});
  for (const m of c.missing) assert.equal(f.find((x) => x.pointer === m.path).label, m.label, m.path);
  const e911 = node.fields('phone_number').find((x) => x.pointer === '/e911/region');
  assert.deepEqual([e911.minLength, e911.maxLength, e911.need], [2, 2, 'conditional']);
  assert.throws(() => node.fields('e912'), { code: 'unknown_kind' });
});
