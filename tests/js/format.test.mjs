// format, exampleNumber and regions through both package targets, against
// the same oracle file tests/oracle.rs reads (phonenumbers 9.0.33).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { phone } from './surfaces.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const oracle = JSON.parse(fs.readFileSync(path.join(root, 'tests/oracle/formatting.json'), 'utf8'));

for (const [surface, api] of phone) {
  test(`pkg/${surface}: format gives libphonenumber's strings in every style`, () => {
    let checked = 0;
    for (const { e164, extension, formats } of oracle.numbers) {
      const input = extension ? `${e164} ext. ${extension}` : e164;
      for (const style of ['e164', 'international', 'national', 'rfc3966']) {
        assert.equal(api.format(input, style, { defaultRegion: 'ZZ' }), formats[style], `${input} ${style}`);
        checked++;
      }
      for (const [from, expected] of Object.entries(formats.outOfCountry)) {
        assert.equal(api.format(input, 'out_of_country', { defaultRegion: 'ZZ', from }), expected, `${input} from ${from}`);
        checked++;
      }
    }
    assert.ok(checked > 10000, `${checked}`);
  });

  test(`pkg/${surface}: format's errors`, () => {
    assert.equal(api.format('(312) 535-4200', 'national'), '(312) 535-4200');
    assert.throws(() => api.format('', 'national'), { code: 'empty' });
    assert.throws(() => api.format('+1 312 535 4200', 'fancy'), { code: 'invalid_argument' });
    assert.throws(() => api.format('+1 312 535 4200', 'out_of_country'), { code: 'invalid_option' });
    assert.throws(() => api.format('+1 312 535 4200', 'out_of_country', { from: 'XX' }), { code: 'unknown_region' });
    assert.throws(() => api.format('+1 312 535 4200', 'national', { region: 'US' }), { code: 'unknown_option' });
  });

  test(`pkg/${surface}: exampleNumber and regions are the metadata's`, () => {
    for (const [region, types] of Object.entries(oracle.examples)) {
      for (const [type, e164] of Object.entries(types)) {
        assert.equal(api.exampleNumber(region, type)?.e164 ?? null, e164, `${region} ${type}`);
      }
      assert.equal(api.exampleNumber(region)?.e164 ?? null, types.fixed_line, region);
    }
    assert.equal(api.exampleNumber('XX'), null);
    assert.throws(() => api.exampleNumber('US', 'landline'), { code: 'invalid_argument' });
    assert.deepStrictEqual(api.regions(), oracle.regions);
  });
}
