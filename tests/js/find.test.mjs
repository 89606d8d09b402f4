// findNumbers through both package targets: the same numbers and UTF-16
// offsets as phonenumbers 9.0.33's PhoneNumberMatcher on the oracle texts
// tests/oracle_matcher.rs reads, where the Rust test agrees too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { phone } from './surfaces.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const oracle = JSON.parse(fs.readFileSync(path.join(root, 'tests/oracle/matcher.json'), 'utf8'));

/** Python's code point offset -> UTF-16 offset in `text`. */
function utf16(text, codePoints) {
  return [...text].slice(0, codePoints).join('').length;
}

const asciiDigits = (s) => s.replace(/\p{Nd}/gu, (d) => String(Number.parseInt(d.normalize('NFKC'), 10) || arabic(d)));
function arabic(d) {
  for (const zero of [0x660, 0x6f0, 0x966, 0xff10]) {
    const v = d.codePointAt(0) - zero;
    if (v >= 0 && v < 10) return v;
  }
  return d;
}

for (const [surface, api] of phone) {
  test(`pkg/${surface}: findNumbers agrees with PhoneNumberMatcher on the oracle texts`, () => {
    let agree = 0;
    let total = 0;
    for (const { region, text, valid } of oracle.texts) {
      const google = valid.map((m) => ({
        start: utf16(text, m.start),
        end: utf16(text, m.end),
        e164: m.e164,
        extension: m.extension === null ? null : asciiDigits(m.extension),
      }));
      const ours = api.findNumbers(text, { defaultRegion: region }).map((f) => {
        assert.equal(text.slice(f.start, f.end), f.text);
        return { start: f.start, end: f.end, e164: f.number.e164, extension: f.number.extension };
      });
      total++;
      if (JSON.stringify(google) === JSON.stringify(ours)) agree++;
    }
    console.log(`pkg/${surface} findNumbers: ${agree}/${total} oracle texts agree`);
    // The Rust test lists the differences (all of them the integrity rule's).
    assert.ok(agree / total >= 0.99, `${agree}/${total}`);
  });

  test(`pkg/${surface}: findNumbers offsets are UTF-16 and the options apply`, () => {
    const text = '📞 Téléphone : 01 42 68 53 00 — ou +44 20 7031 3000';
    const found = api.findNumbers(text, { defaultRegion: 'FR' });
    assert.deepEqual(
      found.map((f) => text.slice(f.start, f.end)),
      ['01 42 68 53 00', '+44 20 7031 3000'],
    );
    // The emoji is two UTF-16 code units (one character, four UTF-8 bytes).
    assert.equal(found[0].start, 15);
    assert.equal(found[0].number.e164, '+33142685300');
    assert.equal(found[1].number.region, 'GB');
    assert.deepEqual(api.findNumbers('ring 20 7031 3000', { defaultRegion: 'GB' }), []);
    assert.equal(api.findNumbers('ring 20 7031 3000', { defaultRegion: 'GB', phoneLevel: 'possible' }).length, 1);
    assert.deepEqual(api.findNumbers('only 020 7031 3000', { defaultRegion: 'ZZ' }), []);
    assert.deepEqual(api.findNumbers(''), []);
  });

  test(`pkg/${surface}: findNumbers errors`, () => {
    assert.throws(() => api.findNumbers('x', { defaultRegion: 'QQ' }), { code: 'unknown_region' });
    assert.throws(() => api.findNumbers('x', { leniency: 'valid' }), { code: 'unknown_option' });
    assert.throws(() => api.findNumbers(42), { code: 'invalid_argument' });
    assert.throws(() => api.findNumbers('\ud800 312 535 4200'), { code: 'invalid_unicode' });
    assert.throws(() => api.findNumbers('1'.repeat(1_000_001)), { code: 'limit_exceeded' });
    // Letters are never digits: a vanity number in text is not found.
    assert.deepEqual(api.findNumbers('1-800-FLOWERS'), []);
  });
}
