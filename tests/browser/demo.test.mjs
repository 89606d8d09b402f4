// The demo page in a real browser: Debian's Chromium driven by
// playwright-core. Serves the repository, opens /www/, types a partial
// porting draft and checks what the page shows against the same core in
// Node (pkg/node), completes the draft and submits it; checks that both
// forms are built from fields(kind) (labels in order, needs, selects, limits,
// nested objects); fails on any console error; saves a screenshot to
// target/browser/demo.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium, listen, sendFile } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const telschema = require(path.join(root, 'pkg/node/telschema.js'));
const shots = path.join(root, 'target/browser');

let server;
let browser;
let base;
const consoleErrors = [];

before(async () => {
  ({ server, base } = await listen((req, res) => sendFile(res, root, new URL(req.url, 'http://x').pathname)));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openDemo(viewport) {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${base}/www/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return page;
}

const id = (p) => `#porting-form-${p.replace(/\//g, '-')}`;
const SAMPLE = [
  { phone_number: '+13125354200', svtype: 'landline' },
  { phone_number: '+13125354500', svtype: 'landline' },
];

test('the porting form judges a draft as the core does, and submits it when complete', async () => {
  const page = await openDemo({ width: 1280, height: 900 });
  // A partial draft with a state that is not two letters and a national-format billing number.
  await page.fill(id('auth_person_name'), 'Jane Smith');
  await page.fill(id('billing_phone_number'), '(312) 535-4200');
  await page.fill(id('administrative_area'), 'Illinois');
  const partial = {
    phone_numbers: SAMPLE,
    auth_person_name: 'Jane Smith',
    billing_phone_number: '(312) 535-4200',
    administrative_area: 'Illinois',
  };
  const expected = telschema.check('draft_sub_request', partial);
  const stateError = expected.report.errors.find((i) => i.path === '/administrative_area');
  assert.ok(stateError, 'the core finds the state wrong');

  assert.equal(await page.textContent(`${id('administrative_area')}-msg`), stateError.message);
  assert.equal(await page.getAttribute(id('administrative_area'), 'aria-invalid'), 'true');
  assert.equal(await page.textContent(`${id('billing_phone_number')}-hint`), '+13125354200 · fixed line or mobile');
  assert.equal(await page.textContent(`${id('auth_person_name')}-msg`), '');
  const percent = await page.textContent('#porting-percent');
  assert.ok(percent.startsWith(`${expected.completeness.percent}% `), `${percent} vs ${expected.completeness.percent}`);
  const next = await page.getAttribute('#porting-form .field.next', 'id');
  assert.equal(next, `porting-form-${expected.completeness.next.slice(1).replace(/\//g, '-')}-field`);
  assert.equal(await page.isDisabled('#porting-submit'), true);

  // A wireless number makes the PIN and account number necessary.
  await page.check('#wireless');
  assert.match(await page.textContent('#porting-missing'), /PIN or passcode — Required because \+13125354500 is a wireless number\./);

  // Complete it.
  const values = {
    person_or_company_name: 'Acme Corp',
    account_number: 'ACC-42',
    pin_passcode: '1234',
    street_address: '311 W Superior St',
    locality: 'Chicago',
    administrative_area: 'IL',
    postal_code: '60654',
    default_connection_id: '1293384261075731499',
    default_message_profile_id: '4001767e-ce0f-4cae-9d5f-0d5e636e7809',
  };
  for (const [k, v] of Object.entries(values)) await page.fill(id(k), v);
  await page.selectOption(id('country_code'), 'US');
  await page.fill(id('foc_date_requested_by_user'), '2027-03-01T09:00');
  await page.selectOption(id('porting_option/type'), 'full');
  assert.equal(await page.textContent('#porting-percent').then((t) => t.split('%')[0]), '100');
  assert.equal(await page.isDisabled('#porting-submit'), false);
  await page.click('#porting-submit');
  const body = await page.textContent('#porting-body');
  const update = JSON.parse(body.slice(body.indexOf('\n') + 1));
  assert.equal(update.billing_phone_number, '+13125354200');
  assert.equal(update.country_code, 'US');
  assert.equal(update.porting_option.type, 'full');
  assert.equal(update.phone_numbers, undefined, 'the update body holds only the editable fields');

  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'demo.png'), fullPage: true });
  await page.close();
});

test('the E911 form shows the Kazoo error body, and the paste panel judges any kind', async () => {
  const page = await openDemo({ width: 390, height: 844 });
  const e = (p) => `#e911-form-e911-${p}`;
  await page.fill(e('street_address'), '311 W Superior St');
  // The state takes two characters at most (its maxLength): the browser keeps "Il".
  await page.fill(e('region'), 'Illinois');
  assert.equal(await page.inputValue(e('region')), 'Il');
  await page.fill(e('caller_name'), 'Al');
  const doc = { e911: { street_address: '311 W Superior St', region: 'Il', caller_name: 'Al' } };
  const expected = telschema.check('phone_number', doc);
  const short = expected.report.errors.find((i) => i.path === '/e911/caller_name');
  assert.ok(short, 'the core finds the caller name too short');
  assert.equal(await page.textContent(`${e('caller_name')}-msg`), short.message);
  assert.equal(await page.getAttribute(e('caller_name'), 'aria-invalid'), 'true');
  await page.check('#kazoo-toggle');
  const kazoo = JSON.parse(await page.textContent('#kazoo-body'));
  assert.deepEqual(kazoo, telschema.toKazooError(expected.report));
  assert.deepEqual(Object.keys(kazoo.data).sort(), ['e911.caller_name', 'e911.locality', 'e911.postal_code']);
  await page.fill(e('region'), 'IL');
  await page.fill(e('caller_name'), 'Alice');
  await page.fill(e('locality'), 'Chicago');
  await page.fill(e('postal_code'), '60654');
  assert.equal(await page.isDisabled('#e911-submit'), false);

  await page.fill('#paste-text', '{"phone_numbers": [{"phone_number": "+13125354200"}]}');
  assert.match(await page.textContent('#paste-error'), /^ambiguous_kind: /);
  await page.selectOption('#paste-kind', 'portability_check');
  assert.match(await page.textContent('#paste-report'), /Valid portability_check\./);
  await page.screenshot({ path: path.join(shots, 'demo-narrow.png'), fullPage: true });
  await page.close();
});

// What a form shows of each field of fields(kind), in DOM order.
async function shown(page, formId) {
  return page.$$eval(`#${formId} .field`, (wraps) =>
    wraps.map((w) => {
      // A phone field's country select (.country) comes before its input.
      const input = w.querySelector('input, select:not(.country)');
      return {
        id: input.id,
        label: w.querySelector('label').textContent,
        labelFor: w.querySelector('label').htmlFor,
        need: w.querySelector('.need')?.textContent ?? null,
        reason: w.querySelector('.reason')?.textContent ?? null,
        hint: w.querySelector('.hint').textContent,
        required: input.required,
        tag: input.tagName.toLowerCase(),
        type: input.type,
        autocomplete: input.getAttribute('autocomplete'),
        maxLength: input.getAttribute('maxlength'),
        minLength: input.getAttribute('minlength'),
        options: input.tagName === 'SELECT' ? [...input.options].map((o) => o.value) : null,
      };
    }),
  );
}

// The fields a form shows: those of fields(kind) in `order`, but for the fields
// of every item of a list (`*`), which are the numbers the page lists apart.
const formFields = (kind) =>
  telschema
    .fields(kind)
    .filter((f) => !f.pointer.split('/').includes('*'))
    .sort((a, b) => a.order - b.order);

test('both forms are built from fields(kind): labels in order, needs, selects, limits and nested objects', async () => {
  const page = await openDemo({ width: 1280, height: 900 });
  for (const [formId, kind, at] of [
    ['porting-form', 'draft_sub_request', ''],
    ['e911-form', 'e911', 'e911-'],
  ]) {
    const want = formFields(kind);
    const got = await shown(page, formId);
    assert.ok(want.length > 5, `${kind} has fields`);
    // The labels, in DOM order, are fields(kind)'s in `order`.
    assert.deepEqual(
      got.map((g) => g.label),
      want.map((f) => f.label),
      formId,
    );
    for (const [g, f] of want.map((f, i) => [got[i], f])) {
      const where = `${formId} ${f.pointer}`;
      assert.equal(g.id, `${formId}-${at}${f.pointer.slice(1).replace(/\//g, '-')}`, where);
      assert.equal(g.labelFor, g.id, where);
      // A required field shows its marker and reason; a conditional one says when.
      assert.equal(g.need, f.need === 'optional' ? null : f.need, where);
      assert.equal(g.required, f.need === 'required', where);
      assert.equal(g.reason, f.reason, where);
      assert.equal(g.autocomplete, f.autocomplete, where);
      assert.equal(g.maxLength, f.maxLength == null ? null : String(f.maxLength), where);
      assert.equal(g.minLength, f.minLength == null ? null : String(f.minLength), where);
      if (f.format !== 'phone') assert.equal(g.hint, f.hint ?? '', where);
      if (f.allowed) {
        // A select offers exactly the allowed values (after the empty choice).
        assert.equal(g.tag, 'select', where);
        assert.deepEqual(g.options, ['', ...f.allowed.map(String)], where);
      } else {
        assert.equal(g.tag, 'input', where);
        const type = { phone: 'tel', 'date-time': 'datetime-local' }[f.format] ?? 'text';
        assert.equal(g.type, type, where);
      }
    }
  }
  // The forms' data: a required field of each form, a select with its values.
  const porting = formFields('draft_sub_request');
  const required = porting.filter((f) => f.need === 'required');
  assert.ok(required.length > 0 && porting.some((f) => f.need === 'optional'));
  assert.equal(await page.textContent(`${id(required[0].pointer.slice(1))}-need`), 'required');
  const type = porting.find((f) => f.pointer === '/porting_option/type');
  assert.ok(type?.allowed?.includes('partial'), 'porting type lists partial');

  // A nested pointer builds a nested object in the document checked.
  const checked = async () => JSON.parse(await page.textContent('#porting-document'));
  assert.equal((await checked()).porting_option, undefined);
  await page.selectOption(id('porting_option/type'), 'partial');
  await page.selectOption(id('porting_option/remaining_numbers_action'), 'keep');
  const doc = await checked();
  assert.deepEqual(doc.porting_option, { type: 'partial', remaining_numbers_action: 'keep' });
  assert.equal(Object.keys(doc).some((k) => k.includes('/')), false);
  assert.deepEqual(doc.phone_numbers, SAMPLE, 'the numbers are the ones the page lists');
  // The core saw it nested: keeping the other numbers asks for a new billing number.
  const newBilling = porting.find((f) => f.pointer === '/porting_option/new_billing_phone_number');
  const core = telschema.completeness('draft_sub_request', doc);
  const expectedMissing = core.missing.find((m) => m.path === newBilling.pointer);
  assert.ok(expectedMissing, 'the core asks for the new billing number');
  assert.ok((await page.textContent('#porting-missing')).includes(`${expectedMissing.label} — ${expectedMissing.reason}`));
  // The E911 form's fields sit in the phone number's e911 object.
  await page.fill('#e911-form-e911-locality', 'Chicago');
  assert.deepEqual(JSON.parse(await page.textContent('#e911-document')), { e911: { locality: 'Chicago' } });
  await page.close();
});

// The offset in `s` just after its `n`th digit.
const afterDigit = (s, n) => {
  let seen = 0;
  for (let i = 0; i < s.length; i++) if (/\d/.test(s[i]) && ++seen === n) return i + 1;
  return -1;
};

test('phone fields format as you type with the caret kept, take a country and its example, and the paste box reads numbers', async () => {
  const page = await openDemo({ width: 1280, height: 900 });
  const field = id('billing_phone_number');
  const value = () => page.inputValue(field);
  const caret = () => page.$eval(field, (el) => el.selectionStart);
  const checked = async () => JSON.parse(await page.textContent('#porting-document'));

  // The country selector: every region of regions(), named, with its calling code; US first chosen.
  const options = await page.$$eval(`${field}-country option`, (os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  const regions = telschema.regions();
  assert.deepEqual(options.map((o) => o.value).sort(), regions.map((r) => r.region).sort());
  for (const r of regions) assert.ok(options.find((o) => o.value === r.region).text.endsWith(`(+${r.callingCode})`), r.region);
  assert.equal(options.find((o) => o.value === 'GB').text, 'United Kingdom (+44)');
  const names = options.map((o) => o.text);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), 'sorted by name');
  assert.equal(await page.inputValue(`${field}-country`), 'US');
  const example = (region) => telschema.format(telschema.exampleNumber(region).e164, 'national', { defaultRegion: region });
  assert.equal(await page.getAttribute(field, 'placeholder'), example('US'));

  // Typed one key at a time: after each, the library's string, the caret at its end.
  const typed = '312535200';
  const ayt = new telschema.AsYouType('US');
  await page.click(field);
  let want = '';
  for (const ch of typed) {
    want = ayt.input(ch);
    await page.keyboard.type(ch);
    assert.equal(await value(), want, `after typing ${ch}`);
    assert.equal(await caret(), want.length, `caret after typing ${ch}`);
  }
  assert.notEqual(want, typed, 'the library formats it');

  // The caret moved back after the sixth digit ("312535|200"), and a 4 typed there.
  const shown = await value();
  const at = afterDigit(shown, 6);
  assert.ok(at > 0 && at < shown.length);
  for (let i = shown.length; i > at; i--) await page.keyboard.press('ArrowLeft');
  assert.equal(await caret(), at);
  await page.keyboard.type('4');
  const expected = new telschema.AsYouType('US').reformat(`${shown.slice(0, at)}4${shown.slice(at)}`, at + 1);
  const [v, c] = [await value(), await caret()];
  assert.deepEqual({ value: v, caret: c }, expected);
  // The 4 sits right after the 5 it was typed after, and the rest is formatted as if typed in order.
  assert.equal(v.slice(0, c).replace(/\D/g, ''), '3125354');
  assert.equal(v[c - 1], '4');
  const straight = new telschema.AsYouType('US');
  assert.equal(v, [...'3125354200'].map((d) => straight.input(d)).at(-1));
  assert.equal(await page.textContent(`${field}-hint`), '+13125354200 · fixed line or mobile');
  assert.equal((await checked()).billing_phone_number, '+13125354200');

  // An emergency number and a short code: the check's own issue under the field, the hint says which.
  for (const [typedNumber, code, kind] of [
    ['911', 'phone_emergency', 'emergency number'],
    ['611', 'phone_short_code', 'short code'],
  ]) {
    await page.fill(field, typedNumber);
    const doc = { phone_numbers: SAMPLE, billing_phone_number: `+1${typedNumber}` };
    const issue = telschema.check('draft_sub_request', doc).report.errors.find((i) => i.path === '/billing_phone_number');
    assert.equal(issue?.code, code);
    assert.equal(await page.textContent(`${field}-msg`), issue.message);
    assert.equal(await page.textContent(`${field}-hint`), `+1${typedNumber} · ${kind}`);
    assert.equal(telschema.shortNumberInfo(typedNumber, 'US')[code === 'phone_emergency' ? 'emergency' : 'valid'], true);
  }
  // A letter is never read as a digit: from the first letter on, the value is left as it is.
  await page.fill(field, '');
  await page.click(field);
  const vanity = new telschema.AsYouType('US');
  let vanityWant = '';
  for (const ch of '1-800-FLOWERS') {
    vanityWant = vanity.reformat(vanityWant + ch).value;
    await page.keyboard.type(ch);
    assert.equal(await value(), vanityWant, `after typing ${ch}`);
  }
  assert.equal(vanityWant.replace(/[^A-Z]/g, ''), 'FLOWERS');
  assert.equal(vanityWant.replace(/\D/g, ''), '1800');

  // The country: GB gives its example as placeholder and formats a national number the GB way.
  await page.fill(field, '');
  await page.selectOption(`${field}-country`, 'GB');
  assert.equal(await page.getAttribute(field, 'placeholder'), example('GB'));
  assert.notEqual(example('GB'), example('US'));
  const gb = new telschema.AsYouType('GB');
  await page.click(field);
  for (const ch of '02079460000') {
    const w = gb.input(ch);
    await page.keyboard.type(ch);
    assert.equal(await value(), w, `GB after typing ${ch}`);
  }
  assert.equal((await checked()).billing_phone_number, '+442079460000', 'read as a GB number');

  // The paste box: three numbers and a line without one.
  const block = 'Main line: (312) 535-4200\n+44 20 7946 0000, London office\nfax 312.535.4500\nthe number is on the invoice\n';
  const found = telschema.findNumbers(block, { defaultRegion: 'US' });
  assert.equal(found.length, 3, 'the library finds three');
  await page.fill('#numbers-paste', block);
  await page.click('#numbers-paste-button');
  assert.deepEqual(
    await page.$$eval('#numbers-found li', (lis) => lis.map((l) => l.textContent)),
    found.map((m) => `${m.text} → ${m.number.e164}`),
  );
  assert.match(await page.textContent('#numbers-paste-summary'), /^Found 3 numbers/);
  assert.deepEqual(await page.$$eval('#numbers-unmatched li.warning', (lis) => lis.map((l) => l.textContent)), ['the number is on the invoice']);
  assert.match(await page.textContent('#numbers-unmatched'), /No number found on 1 line:/);
  const doc = await checked();
  assert.deepEqual(
    doc.phone_numbers.map((n) => n.phone_number),
    found.map((m) => m.number.e164),
  );
  assert.equal(await page.$$eval('#porting-numbers li', (lis) => lis.length), 3);
  await page.screenshot({ path: path.join(shots, 'demo-phone.png'), fullPage: true });
  await page.close();
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
