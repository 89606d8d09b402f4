// The integrity promise through the npm package (pkg/node and pkg/web; the
// phone-only build too where no document is involved): no word becomes digits,
// check rewrites only numbers it can vouch for, JSON text
// keeps every digit in documentJson, verdicts do not depend on maxIssues, and
// kind auto never picks a kind because it requires nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { full, phone } from './surfaces.mjs';

for (const [surface, t] of phone) {
  test(`${surface}: a word after a number never becomes digits`, () => {
    const de = { defaultRegion: 'DE' };
    const read = (s, o) => { const n = t.normalize(s, o); return [n.e164, n.extension]; };
    assert.deepEqual(read('+49 30 1234 (Handy)', de), ['+49301234', null]);
    assert.deepEqual(read('+358 9 1234 (koti)', de), ['+35891234', null]);
    assert.deepEqual(read('+1 312 535 4200 Bob'), ['+13125354200', null]);
    assert.deepEqual(read('+49 30 123456w12', de), ['+4930123456', '12']);
    assert.deepEqual(read('+49 30 123456 ext#12', de), ['+4930123456', '12']);
    assert.deepEqual(read('Tel: +1 312-535-4200; ext. 123'), ['+13125354200', '123']);
    assert.deepEqual(read('Tel: 312-535-4200;123'), ['+13125354200', '123']);
    assert.deepEqual(read('1-800-FLOWERS'), ['+18003569377', null]);
    assert.throws(() => t.normalize('tel:+1-312-535-4200;ext=12;ext=34'), { code: 'ambiguous_extension' });
    assert.throws(() => t.normalize('+1 312 535 4200 Bob 12'), { code: 'text_in_number' });
    const many = t.normalizeMany(['+1 312 535 4200 Bob 12', '+1 312 535 4200 (Bob)']);
    assert.equal(many[0].error.code, 'text_in_number');
    assert.equal(many[1].e164, '+13125354200');
  });

}

for (const [surface, t] of full) {
  test(`${surface}: check rewrites only numbers that meet the phone level`, () => {
    const o = t.check('draft_sub_request', { billing_phone_number: '030 1234567', phone_numbers: [{ phone_number: '555-0123' }] });
    assert.equal(o.document.billing_phone_number, '030 1234567');
    assert.equal(o.document.phone_numbers[0].phone_number, '555-0123');
    assert.deepEqual(o.changes, []);
    assert.equal(o.report.errors.find((e) => e.path === '/billing_phone_number').value, '030 1234567');
    const labelled = t.check('draft_sub_request', { billing_phone_number: '+49 30 1234567 (Handy)' });
    assert.equal(labelled.document.billing_phone_number, '+49301234567');
    assert.equal(labelled.report.warnings.find((w) => w.code === 'phone_label').value, 'Handy');
  });

  test(`${surface}: documentJson keeps every digit of a document given as JSON text`, () => {
    const text = '{"billing_phone_number":"(312) 535-4200","a":123456789012345678901234567890,"b":-9223372036854775809,"c":12345678901234567890,"d":-0,"e":0.1000000000000000055511151231257827}';
    const expected = text.replace('(312) 535-4200', '+13125354200');
    assert.equal(t.check('draft_sub_request', text).documentJson, expected);
    assert.equal(t.check('draft_sub_request', new TextEncoder().encode(text)).documentJson, expected);
    // `document` is JSON.parse'd: there the digits past 2^53 are rounded, as documented.
    assert.equal(t.check('draft_sub_request', text).document.c, 12345678901234567000);
    // Values in issues keep their digits in the core; here too they pass through JSON.parse.
    const r = t.validate('phone_number', '{"carrier_name": 123456789012345678901234567890}');
    assert.equal(r.errors[0].code, 'type');
  });

  test(`${surface}: verdicts are the same for every maxIssues`, () => {
    const draft = { billing_phone_number: '+1 312 535 4200 x7', country_code: 'XX', postal_code: 60654 };
    const full = t.check('draft_sub_request', draft);
    for (const maxIssues of [0, 1, 2]) {
      const options = { limits: { maxIssues } };
      const c = t.completeness('draft_sub_request', draft, options);
      assert.deepStrictEqual(c, t.completeness('draft_sub_request', draft), `completeness, maxIssues ${maxIssues}`);
      assert.equal(c.complete, false);
      const o = t.check('draft_sub_request', draft, options);
      assert.deepStrictEqual(o.completeness, full.completeness, `check, maxIssues ${maxIssues}`);
      assert.ok(o.report.errors.length <= maxIssues && o.report.warnings.length <= maxIssues);
      assert.equal(o.report.errors.length + (o.report.omitted?.errors ?? 0), full.report.errors.length);
      assert.equal(o.report.warnings.length + (o.report.omitted?.warnings ?? 0), full.report.warnings.length);
    }
  });

  test(`${surface}: kind auto never passes an E911 address without its region as a draft`, () => {
    const partial = { data: { street_address: '311 W Superior St', locality: 'Chicago', postal_code: '60654' } };
    assert.throws(() => t.validate('auto', partial), { code: 'ambiguous_kind', message: /e911/ });
    assert.equal(t.validate('auto', { $schema: 'urn:telschema:schema:e911', ...partial }).valid, false);
  });
}
