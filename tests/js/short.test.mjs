// shortNumberInfo through both package targets, against the oracle file
// tests/oracle_short.rs reads (phonenumbers 9.0.33's ShortNumberInfo).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { full, phone } from './surfaces.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const oracle = JSON.parse(fs.readFileSync(path.join(root, 'tests/oracle/short.json'), 'utf8'));

for (const [surface, api] of phone) {
  test(`pkg/${surface}: shortNumberInfo gives libphonenumber's answers`, () => {
    for (const [text, region, flags, cost] of oracle.cases) {
      const i = api.shortNumberInfo(text, region);
      const ours = [i.valid, i.possible, i.emergency, i.connectsToEmergency, i.carrierSpecific, i.smsService]
        .map((f, k) => (f ? 'vpecks'[k] : '-'))
        .join('');
      assert.equal(ours, flags, `${text} in ${region}`);
      assert.equal(i.cost, cost, `${text} in ${region}`);
    }
    assert.ok(oracle.cases.length > 5000);
  });

  test(`pkg/${surface}: shortNumberInfo's shape and errors`, () => {
    assert.deepEqual(api.shortNumberInfo('911', 'US'), {
      valid: true,
      possible: true,
      emergency: true,
      connectsToEmergency: true,
      cost: 'toll_free',
      carrierSpecific: false,
      smsService: false,
    });
    assert.equal(api.shortNumberInfo('999', 'GB').emergency, true);
    assert.equal(api.shortNumberInfo('999', 'US').emergency, false);
    assert.throws(() => api.shortNumberInfo('911', 'XX'), { code: 'unknown_region' });
    assert.throws(() => api.shortNumberInfo(911, 'US'), { code: 'invalid_argument' });
    // normalize's Kazoo classifier and check's issue come from the same metadata.
    assert.equal(api.normalize('911').kazooClassifier, 'emergency');
    assert.equal(api.normalize('999', { defaultRegion: 'GB' }).kazooClassifier, 'emergency');
  });
}

for (const [surface, api] of full) {
  test(`pkg/${surface}: check's phone_emergency comes from the same metadata`, () => {
    const report = api.validate('portability_check', { phone_numbers: [{ phone_number: '+1911' }] });
    assert.ok(report.errors.some((e) => e.code === 'phone_emergency'), JSON.stringify(report.errors));
  });
}
