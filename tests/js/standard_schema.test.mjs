// standardSchema(kind, options?): the Standard Schema v1 object form
// libraries take. Its issues are the core's errors (compared with pkg/node's
// validate and check), with paths decoded from the pointers; blank strings
// dropped or kept by the option; the normalized document on request; the
// warnings reachable; JSON text judged strictly without a throw; and, in
// pkg/web, a Promise before initSync and a plain result after it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const telschema = require(path.join(root, 'pkg/node/telschema.js'));
const { standardSchema, validate, check, kinds, TelschemaError } = telschema;

const run = (schema, value) => schema['~standard'].validate(value);
// The issues a Standard Schema consumer should see for a report: its errors, in order.
const messages = (report) => report.errors.map((i) => i.message);
const E911 = { street_address: '311 W Superior St', locality: 'Chicago', region: 'IL', postal_code: '60654' };

// First, while pkg/web has not been initialized in this process.
test('pkg/web before initSync: validate returns a Promise that answers once initSync has run; then it answers synchronously', async () => {
  const web = await import(path.join(root, 'pkg/web/telschema.js'));
  // Mistakes in the kind and standardSchema's own options show at once, before init.
  assert.throws(() => web.standardSchema('e912'), (e) => e instanceof web.TelschemaError && e.code === 'unknown_kind');
  assert.throws(() => web.standardSchema('e911', { normalize: 'yes' }), (e) => e.code === 'invalid_option');
  const schema = web.standardSchema('e911');
  // telschema's own options can only be judged by the core: at the first validation after init.
  const badOption = web.standardSchema('e911', { region: 'US' });
  const pending = schema['~standard'].validate({ ...E911, region: 'Illinois' });
  assert.ok(pending instanceof Promise, 'a Promise while init is pending');
  const badPending = badOption['~standard'].validate(E911);
  assert.ok(badPending instanceof Promise);
  let settled = false;
  pending.then(() => {
    settled = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false, 'it waits for initialization');

  web.initSync(fs.readFileSync(path.join(root, 'pkg/web/telschema_glue_bg.wasm')));
  const result = await pending;
  const expected = validate('e911', { ...E911, region: 'Illinois' });
  assert.deepEqual(result.issues.map((i) => i.message), messages(expected));
  assert.deepEqual(result.issues[0].path, ['region']);
  await assert.rejects(badPending, (e) => e.code === 'unknown_option');

  const now = schema['~standard'].validate(E911);
  assert.equal(typeof now.then, 'undefined', 'synchronous once ready');
  assert.deepEqual(now.value, E911);
  assert.equal(now.issues, undefined);
  // Created after init, a bad telschema option throws at once.
  assert.throws(() => web.standardSchema('e911', { region: 'US' }), (e) => e.code === 'unknown_option');
});

test('the Standard Schema v1 shape, and a valid document comes back as its value', () => {
  const schema = standardSchema('e911');
  const props = schema['~standard'];
  assert.equal(props.version, 1);
  assert.equal(props.vendor, 'telschema');
  assert.equal(typeof props.validate, 'function');
  const result = props.validate(E911);
  assert.deepEqual(result.value, E911);
  assert.equal(result.issues, undefined);
  assert.equal(result.report.valid, true);
});

test('every kind and auto are accepted; an unknown kind and bad options throw when standardSchema is called', () => {
  for (const kind of [...kinds(), 'auto']) assert.equal(standardSchema(kind)['~standard'].vendor, 'telschema');
  const is = (code) => (e) => e instanceof TelschemaError && e.code === code;
  assert.throws(() => standardSchema('e912'), is('unknown_kind'));
  // The wrapper's own list of kinds (it answers before init) is the core's, no more, no fewer.
  assert.throws(() => standardSchema('e912'), { message: `Unknown kind "e912"; the kinds are auto, ${kinds().join(', ')}.` });
  assert.throws(() => standardSchema(undefined), is('unknown_kind'));
  assert.throws(() => standardSchema('e911', { region: 'US' }), is('unknown_option'));
  assert.throws(() => standardSchema('e911', { phoneLevel: 'strict' }), is('invalid_option'));
  assert.throws(() => standardSchema('e911', { emptyAsAbsent: 1 }), is('invalid_option'));
  assert.throws(() => standardSchema('e911', { onReport: 'log' }), is('invalid_option'));
  assert.throws(() => standardSchema('e911', []), is('invalid_option'));
  assert.throws(() => standardSchema('e911', { now: 10n }), is('invalid_option'));
  // Its own keys are stripped before the core sees the rest.
  standardSchema('e911', { emptyAsAbsent: false, normalize: true, onReport() {}, defaultRegion: 'GB', phoneLevel: 'possible' });
});

test('issues are the errors of validate, with paths decoded from the pointers', () => {
  const cases = [
    // A nested envelope.
    ['e911', { data: { ...E911, region: 'Illinois' } }, [['data', 'region']], {}],
    // ~1 and ~0 in a key, an array index as a number, a key "0" in an object as a string.
    ['e911', { ...E911, 'a/b~c': ['ok', 'x'.repeat(40)], 0: 'y'.repeat(40) }, [['0'], ['a/b~c', 1]], { limits: { maxStringLength: 30 } }],
    ['draft_sub_request', { phone_numbers: [{ phone_number: '+13125354200' }, { phone_number: '312 55' }] }, [['phone_numbers', 1, 'phone_number']], {}],
    // A document that is not an object: an issue at the root, path [].
    ['e911', [1, 2], [[]], {}],
  ];
  for (const [kind, document, paths, options] of cases) {
    const report = validate(kind, document, options);
    const result = run(standardSchema(kind, options), document);
    assert.deepEqual(result.issues.map((i) => i.path), paths, JSON.stringify(document));
    assert.deepEqual(result.issues.map((i) => i.message), messages(report));
    assert.deepEqual(result.issues.map((i) => i.code), report.errors.map((i) => i.code));
    assert.deepEqual(result.report, report);
  }
});

test('blank strings count as absent by default, recursively; kept with emptyAsAbsent: false', () => {
  const form = { street_address: '', locality: '   ', region: 'IL', postal_code: '60654', notification_contact_emails: ['', 'ops@example.com'] };
  const given = structuredClone(form);
  const dropped = run(standardSchema('e911'), form);
  const withoutBlanks = { region: 'IL', postal_code: '60654', notification_contact_emails: ['', 'ops@example.com'] };
  assert.deepEqual(dropped.issues.map((i) => i.message), messages(validate('e911', withoutBlanks)));
  assert.deepEqual(dropped.issues.map((i) => i.code), ['required', 'required']);
  assert.deepEqual(dropped.issues.map((i) => i.path.join('.')).sort(), ['locality', 'street_address']);
  assert.deepEqual(form, given, 'the input is not changed');

  const kept = run(standardSchema('e911', { emptyAsAbsent: false }), form);
  const asGiven = validate('e911', form);
  assert.deepEqual((kept.issues ?? []).map((i) => i.message), messages(asGiven));
  assert.deepEqual(kept.report.warnings.map((i) => i.code), asGiven.warnings.map((i) => i.code));
  assert.notDeepEqual(kept.report, dropped.report);

  // A section left wholly blank is absent; one partly filled is judged.
  const blankSection = { phone_number: '+13125354200', e911: { street_address: '', locality: ' ', region: '', postal_code: '' } };
  const ok = run(standardSchema('phone_number'), blankSection);
  assert.equal(ok.issues, undefined);
  assert.deepEqual(ok.value, { phone_number: '+13125354200' });
  assert.equal(validate('phone_number', blankSection).valid, false, 'as given, the blank section is wrong');
  const partSection = { phone_number: '+13125354200', e911: { ...E911, street_address: '', plus_four: '' } };
  const part = run(standardSchema('phone_number'), partSection);
  assert.deepEqual(part.issues.map((i) => i.path), [['e911', 'street_address']]);
  // Array items are never removed: a "" item and the index of the items after it stay.
  const items = run(standardSchema('draft_sub_request'), { phone_numbers: [{ phone_number: '' }, { phone_number: '312 55' }] });
  assert.deepEqual(items.issues.map((i) => i.path), [['phone_numbers', 1, 'phone_number']]);
});

test('normalize: true returns check\'s document (phone fields in E.164) and judges it', () => {
  const draft = { auth_person_name: 'Jane Smith', billing_phone_number: '(312) 535-4200', phone_numbers: [{ phone_number: '312-535-4500' }] };
  const outcome = check('draft_sub_request', draft);
  const normalized = run(standardSchema('draft_sub_request', { normalize: true }), draft);
  assert.equal(normalized.issues, undefined);
  assert.deepEqual(normalized.value, outcome.document);
  assert.equal(normalized.value.billing_phone_number, '+13125354200');
  assert.equal(normalized.value.phone_numbers[0].phone_number, '+13125354500');
  assert.equal(validate('draft_sub_request', normalized.value).valid, true, 'the value returned passes validate');

  const asGiven = run(standardSchema('draft_sub_request'), draft);
  assert.deepEqual(asGiven.issues.map((i) => i.path), [['billing_phone_number'], ['phone_numbers', 0, 'phone_number']]);
  assert.deepEqual(asGiven.issues.map((i) => i.message), messages(validate('draft_sub_request', draft)));
  // A number that cannot be normalized is an issue at its field.
  const bad = run(standardSchema('draft_sub_request', { normalize: true, defaultRegion: 'US' }), { ...draft, billing_phone_number: '312 55' });
  assert.deepEqual(bad.issues.map((i) => i.path), [['billing_phone_number']]);
  assert.deepEqual(bad.issues.map((i) => i.message), messages(check('draft_sub_request', { ...draft, billing_phone_number: '312 55' }).report));
});

test('warnings never block, and reach the form through result.report and onReport', () => {
  const reports = [];
  const schema = standardSchema('e911', { onReport: (r) => reports.push(r) });
  const short = { ...E911, postal_code: '606' };
  const result = run(schema, short);
  const expected = validate('e911', short);
  assert.ok(expected.warnings.length > 0 && expected.errors.length === 0, 'the core warns only');
  assert.equal(result.issues, undefined);
  assert.deepEqual(result.value, short);
  assert.deepEqual(result.report.warnings, expected.warnings);
  assert.deepEqual(reports, [expected]);
  run(schema, { ...short, region: 'Illinois' });
  assert.equal(reports.length, 2);
  assert.deepEqual(reports[1].warnings.map((w) => w.path), ['/postal_code']);
  assert.deepEqual(reports[1].errors.map((w) => w.path), ['/region']);
});

test('JSON text is judged as the core reads it, and a document it cannot read is an issue, not a throw', () => {
  const schema = standardSchema('e911');
  const text = JSON.stringify({ data: { ...E911, region: 'Illinois' } });
  const fromText = run(schema, text);
  assert.deepEqual(fromText.issues.map((i) => i.path), [['data', 'region']]);
  assert.deepEqual(fromText.issues.map((i) => i.message), messages(validate('e911', text)));
  const bytes = run(schema, new TextEncoder().encode(JSON.stringify(E911)));
  assert.deepEqual(bytes.value, E911, 'the value of valid JSON text is the parsed document');

  for (const [value, code] of [
    ['{"street_address": "a", "street_address": "b"}', 'duplicate_key'],
    ['{"street_address": ', 'invalid_json'],
    [{ ...E911, latitude: 10n }, 'invalid_document'],
  ]) {
    let expected;
    try {
      const report = validate('e911', value);
      expected = report.errors.map((i) => i.code);
    } catch (e) {
      expected = [e.code];
    }
    const result = run(schema, value);
    assert.ok(result.issues.length > 0, String(value));
    assert.deepEqual(result.issues.map((i) => i.code), expected);
    assert.ok(result.issues.every((i) => Array.isArray(i.path) && typeof i.message === 'string' && i.message.length > 0));
  }
  const cycle = { ...E911 };
  cycle.self = cycle;
  assert.deepEqual(run(schema, cycle).issues.map((i) => [i.code, i.path]), [['invalid_document', []]]);
});

test('telschema options pass through: a locale, a default region', () => {
  const doc = { ...E911, region: 'Illinois' };
  const fr = run(standardSchema('e911', { locale: 'fr' }), doc);
  assert.deepEqual(fr.issues.map((i) => i.message), messages(validate('e911', doc, { locale: 'fr' })));
  // The locale reaches the core: one it does not know is refused there.
  assert.throws(() => standardSchema('e911', { locale: 'xx' }), (e) => e.code === 'unknown_option');
  const gb = { auth_person_name: 'Jane Smith', billing_phone_number: '020 7946 0958' };
  const value = run(standardSchema('draft_sub_request', { normalize: true, defaultRegion: 'GB' }), gb).value;
  assert.equal(value.billing_phone_number, '+442079460958');
});

test('the hand-written adapter standardSchema replaces gives the same issues on plain forms; it could not give the warnings', async () => {
  const { telschemaSchema } = await import('./handwritten_adapter.mjs');
  const forms = [
    ['e911', { ...E911, region: 'Illinois', caller_name: '' }],
    ['e911', { street_address: '', locality: ' ', region: 'IL', postal_code: '606' }],
    ['draft_sub_request', { billing_phone_number: '312 55', administrative_area: 'Illinois', phone_numbers: [{ phone_number: '1' }] }],
  ];
  for (const [kind, form] of forms) {
    const before = run(telschemaSchema(kind), form);
    const after = run(standardSchema(kind), form);
    assert.deepEqual(after.issues.map(({ message, path }) => ({ message, path })), before.issues, JSON.stringify(form));
  }
  const warned = { ...E911, postal_code: '606' };
  assert.deepEqual(Object.keys(run(telschemaSchema('e911'), warned)), ['value']);
  assert.equal(run(standardSchema('e911'), warned).report.warnings[0].code, 'postal_code_format');
});

test('a document nested past any limit, or with a getter that throws, is an issue, not a throw', () => {
  let deep = { street_address: 'x' };
  for (let i = 0; i < 200_000; i++) deep = { e911: deep };
  const result = run(standardSchema('phone_number'), deep);
  assert.deepEqual(result.issues.map((i) => [i.code, i.path]), [['limit_exceeded', []]]);
  const hostile = { ...E911 };
  Object.defineProperty(hostile, 'locality', { enumerable: true, get: () => { throw new Error('boom'); } });
  for (const emptyAsAbsent of [true, false]) {
    const r = run(standardSchema('e911', { emptyAsAbsent }), hostile);
    assert.equal(r.issues.length, 1);
    assert.deepEqual(r.issues[0].path, []);
    assert.match(r.issues[0].message, /boom/);
  }
});
