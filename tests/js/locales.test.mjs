// Messages in several languages through the package (pkg/node and pkg/web):
// `locale` changes the messages, labels and reasons, never the params.
import assert from 'node:assert/strict';
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

const e911 = { street_address: '1 Main St', locality: 'Chicago', region: 'ILL', postal_code: '6060' };

for (const [name, t] of [['node', node], ['web', web]]) {
  test(`${name}: validate in German gives German messages and the English params`, () => {
    const en = t.validate('e911', e911);
    const de = t.validate('e911', e911, { locale: 'de' });
    assert.equal(de.errors[0].message, 'Darf höchstens 2 Zeichen lang sein.');
    assert.deepEqual(de.errors[0].params, { limit: 2 });
    assert.equal(de.warnings[0].message, 'Das sieht weder wie eine US-Postleitzahl (ZIP) noch wie eine kanadische Postleitzahl aus.');
    const strip = (r) => [...r.errors, ...r.warnings].map(({ message, ...rest }) => rest);
    assert.deepEqual(strip(de), strip(en));
    for (const i of [...de.errors, ...de.warnings]) assert.notEqual(i.message, en.errors.concat(en.warnings).find((x) => x.path === i.path && x.code === i.code).message);
    // A tag reads as its language; an unknown one is unknown_option.
    assert.deepEqual(t.validate('e911', e911, { locale: 'de-AT' }), de);
    assert.throws(() => t.validate('e911', e911, { locale: 'pt' }), (e) => e.code === 'unknown_option');
  });

  test(`${name}: unknown_field carries the suggestion as a param and the field's own value`, () => {
    const r = t.validate('sub_request_update', { billing_phone_numbr: '+13125354200' }, { locale: 'fr' });
    const u = r.warnings.find((i) => i.code === 'unknown_field');
    assert.equal(u.message, 'Champ inconnu « billing_phone_numbr » ; peut-être « billing_phone_number » ?');
    assert.deepEqual(u.params, { field: 'billing_phone_numbr', suggestion: 'billing_phone_number' });
    assert.equal(u.value, '+13125354200');
  });

  test(`${name}: completeness and fields(kind, options) in the locale`, () => {
    const c = t.completeness('e911', { locality: 'Chicago' }, { locale: 'nl' });
    assert.deepEqual(c.missing.find((m) => m.path === '/street_address'), { path: '/street_address', label: 'Straat en huisnummer', reason: 'Verplicht voor een E911-serviceadres.' });
    const en = t.fields('e911');
    const es = t.fields('e911', { locale: 'es' });
    assert.equal(es.length, en.length);
    assert.equal(es.find((f) => f.pointer === '/region').hint, 'Dos letras, como IL');
    assert.deepEqual(es.map((f) => f.pointer), en.map((f) => f.pointer));
    assert.throws(() => t.fields('e911', { locale: 'xx' }), (e) => e.code === 'unknown_option');
  });
}
