// AsYouType through both package targets, against the same oracle file
// tests/oracle.rs reads (tests/oracle/as_you_type.json, phonenumbers 9.0.33):
// every keystroke's string, the caret kept by reformat, the letters rule.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { phone } from './surfaces.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const oracle = JSON.parse(fs.readFileSync(path.join(root, 'tests/oracle/as_you_type.json'), 'utf8'));

for (const [surface, api] of phone) {
  test(`pkg/${surface}: AsYouType shows Google's string after every keystroke`, () => {
    let agree = 0;
    let total = 0;
    const differences = [];
    // Every third case keeps the run short; tests/oracle.rs checks them all.
    for (const [i, { region, mode, keys, expected }] of oracle.cases.entries()) {
      if (i % 3 !== 0) continue;
      const f = new api.AsYouType(region);
      [...keys].forEach((k, j) => {
        const ours = f.input(k);
        total++;
        if (ours === expected[j]) agree++;
        else differences.push(`${region} ${mode} ${keys} key ${j}: google ${expected[j]}, ours ${ours}`);
      });
    }
    console.log(`pkg/${surface} as-you-type: ${agree} of ${total} keystrokes agree`);
    assert.ok(total > 10000, `${total}`);
    assert.ok(agree / total >= 0.995, differences.slice(0, 20).join('\n'));
  });

  test(`pkg/${surface}: AsYouType input, reset and a paste`, () => {
    const f = new api.AsYouType('US');
    assert.equal(f.input('650'), '650');
    assert.equal(f.input('2'), '650-2');
    assert.equal(f.input('530000'), '(650) 253-0000');
    f.reset();
    assert.equal(f.input('+44'), '+44 ');
    assert.equal(f.input('2079460958'), '+44 20 7946 0958');
    assert.equal(new api.AsYouType('gb').input('02079460958'), '020 7946 0958');
    // Unknown region: only "+" numbers are formatted.
    assert.equal(new api.AsYouType('ZZ').input('6502530000'), '6502530000');
    assert.equal(new api.AsYouType('ZZ').input('+16502530000'), '+1 650-253-0000');
    assert.throws(() => new api.AsYouType(1), { code: 'invalid_argument' });
    assert.throws(() => f.input(5), { code: 'invalid_argument' });
    assert.throws(() => f.input('\uD800'), { code: 'invalid_unicode' });
    assert.throws(() => f.reformat('650', -1), { code: 'invalid_argument' });
  });

  test(`pkg/${surface}: AsYouType never shows a digit that was not typed`, () => {
    const digits = (s) => s.replace(/\D/g, '');
    const letters = (s) => s.replace(/[^A-Za-z]/g, '');
    for (const [region, text] of [['US', '1800FLOWERS'], ['GB', '0800 CALL NOW'], ['DE', '030 ABC 1234'], ['US', 'l5O0'], ['FR', '+33 O1 23']]) {
      const f = new api.AsYouType(region);
      let typed = '';
      for (const k of text) {
        typed += k;
        const out = f.input(k);
        assert.equal(digits(out), digits(typed), `${region} ${typed} -> ${out}`);
        assert.equal(letters(out), letters(typed), `${region} ${typed} -> ${out}`);
      }
    }
  });

  test(`pkg/${surface}: reformat keeps the caret after an inserted digit`, () => {
    const f = new api.AsYouType('US');
    const shown = f.input('6502530000');
    assert.equal(shown, '(650) 253-0000');
    // A 1 typed after "(65": the field holds "(651|0) 253-0000", caret 4.
    const value = '(651' + shown.slice(3);
    const r = f.reformat(value, 4);
    assert.deepEqual(r, { value: '65102530000', caret: 3 });
    // The 0 deleted with backspace from "(650|) 253-0000": the caret stays after the 5.
    assert.deepEqual(f.reformat('(65) 253-0000', 3), { value: '(652) 530-000', caret: 3 });
    // input continues from what reformat typed.
    assert.equal(f.input('0'), '(652) 530-0000');
    // Caret at the start, and the default (the end).
    assert.deepEqual(f.reformat('6502530000', 0), { value: '(650) 253-0000', caret: 0 });
    assert.deepEqual(f.reformat('6502530000'), { value: '(650) 253-0000', caret: 14 });
    // A caret counted in UTF-16 units past an astral character.
    assert.deepEqual(f.reformat('😀 650', 3), { value: '😀 650', caret: 3 });
    // Every insertion point of a German number: the digit before the caret is the inserted one.
    const de = new api.AsYouType('DE');
    const base = de.input('030123456');
    for (let at = 0; at <= base.length; at++) {
      const value = base.slice(0, at) + '7' + base.slice(at);
      const { value: out, caret } = de.reformat(value, at + 1);
      assert.equal(out[caret - 1], '7', `${value} -> ${out} caret ${caret}`);
      assert.equal(digits(out.slice(0, caret)), digits(value.slice(0, at + 1)), `${value} -> ${out} caret ${caret}`);
    }
  });
}

function digits(s) {
  return s.replace(/\D/g, '');
}
