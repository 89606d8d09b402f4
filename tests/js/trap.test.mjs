// A trap (here a deliberate panic, built only with the test-panic feature)
// must not leave the package unusable: the wrapper throws internal_error and
// serves the next call from a fresh instance.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'target/pkg-test-panic');
const require = createRequire(import.meta.url);
const node = require(path.join(dir, 'node/telschema.js'));
const web = await import(pathToFileURL(path.join(dir, 'web/telschema.js')));
web.initSync(fs.readFileSync(path.join(dir, 'web/telschema_glue_bg.wasm')));

const draft = {
  phone_numbers: [{ phone_number: '+13125354200' }],
  auth_person_name: 'Ada Lovelace',
  billing_phone_number: '(312) 535-4200',
};

test('the published package has no test-panic export', () => {
  const published = require(path.join(root, 'pkg/node/telschema.js'));
  assert.equal(published.testPanic, undefined);
  assert.ok(!fs.readFileSync(path.join(root, 'pkg/web/telschema_glue.js'), 'utf8').includes('testPanic'));
});

for (const [surface, api] of [['node', node], ['web', web]]) {
  test(`a trap in ${surface}/telschema.js throws internal_error and the next call works`, () => {
    const before = api.check('draft_sub_request', draft);
    assert.equal(before.changes.length, 1);
    // An AsYouType made before the trap keeps what was typed (its state
    // lives in JavaScript, not in the instance the trap replaces).
    const typing = new api.AsYouType('US');
    assert.equal(typing.input('650'), '650');
    for (let round = 0; round < 3; round++) {
      assert.throws(() => api.testPanic(), (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.code, 'internal_error');
        assert.match(e.message, /testPanic/);
        assert.ok(e.cause instanceof WebAssembly.RuntimeError, String(e.cause));
        return true;
      });
      assert.deepStrictEqual(api.check('draft_sub_request', draft), before);
      assert.equal(api.normalize('+44 20 7946 0958').e164, '+442079460958');
    }
    assert.equal(typing.input('2530000'), '(650) 253-0000');
  });
}
