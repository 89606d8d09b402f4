// What pkg/ publishes besides the code: which file each tool's conditions
// reach through package.json's exports (the browser suite builds each bundler
// for real, tests/browser/bundlers.test.mjs), and README.md, written from
// js/README.md with this build's sizes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'pkg/package.json'), 'utf8'));

// Node's rule for a conditional export: the first key, in the object's order, that is one of the conditions.
function resolve(target, conditions) {
  if (typeof target === 'string') return target;
  for (const [key, value] of Object.entries(target)) {
    if (key === 'default' || conditions.includes(key)) {
      const found = resolve(value, conditions);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

// telschema and telschema/phone (the phone-only build, in pkg/phone/) alike.
for (const [name, dir] of [['telschema', '.'], ['telschema/phone', './phone']]) {
  test(`${name}: each tool's default conditions reach the entry it can bundle`, () => {
    const dot = pkg.exports[dir];
    const cases = [
      // Node: import and require.
      [['node', 'import'], 'node/telschema.js'],
      [['node', 'require'], 'node/telschema.js'],
      // webpack 5 (target web, production mode).
      [['webpack', 'production', 'browser', 'import', 'module'], 'web/telschema.js'],
      // Vite (build and dev) and Rollup's node-resolve 16 with browser: true.
      [['module', 'browser', 'production', 'import'], 'web/telschema.js'],
      [['module', 'browser', 'development', 'import'], 'web/telschema.js'],
      [['module', 'import', 'browser', 'production'], 'web/telschema.js'],
      // esbuild (platform browser): the entry that imports the .wasm.
      [['browser', 'import', 'module'], 'web/import-wasm.js'],
      [['import'], 'web/import-wasm.js'],
      // TypeScript (moduleResolution bundler) reads the types of the same keys.
      [['types', 'import'], 'telschema.d.mts'],
    ];
    for (const [conditions, file] of cases) assert.equal(resolve(dot, conditions), `${dir}/${file}`, conditions.join(', '));
    assert.equal(resolve(pkg.exports[`${dir}/web`], ['browser', 'import']), `${dir}/web/telschema.js`);
    assert.equal(resolve(pkg.exports[`${dir}/import-wasm`], ['webpack', 'import']), `${dir}/web/import-wasm.js`);
    for (const file of ['web/telschema.js', 'web/import-wasm.js', 'node/telschema.js', 'telschema.d.ts', 'telschema.d.mts']) {
      assert.ok(fs.existsSync(path.join(root, 'pkg', dir, file)), `${dir}/${file}`);
    }
  });
}

// What only the full entry has.
const DOCUMENT_EXPORTS = ['validate', 'completeness', 'check', 'schema', 'fields', 'kinds', 'toKazooError', 'standardSchema'];

test('telschema/phone loads by the package name with require and import, and holds the phone API alone', () => {
  // node_modules/telschema is pkg/ (make js links it), so this goes through package.json's exports.
  const script = `
    const phone = require('telschema/phone');
    const full = require('telschema');
    import('telschema/phone').then((esm) => {
      console.log(JSON.stringify({
        cjs: Object.keys(phone).sort(),
        full: Object.keys(full).sort(),
        esm: Object.keys(esm).sort(),
        same: esm.normalize === phone.normalize,
        e164: esm.normalize('(312) 535-4200').e164,
        typed: new phone.AsYouType('GB').input('02079460958'),
        fullTyped: new full.AsYouType('GB').input('02079460958'),
      }));
    });`;
  const got = JSON.parse(execFileSync('node', ['-e', script], { cwd: root, encoding: 'utf8' }));
  assert.deepEqual(got.cjs, got.full.filter((k) => !DOCUMENT_EXPORTS.includes(k)));
  for (const name of ['normalize', 'normalizeMany', 'format', 'AsYouType', 'exampleNumber', 'regions', 'findNumbers', 'shortNumberInfo', 'init', 'initSync', 'TelschemaError']) {
    assert.ok(got.cjs.includes(name), name);
  }
  assert.ok(got.esm.includes('default') && got.esm.includes('normalize') && !got.esm.includes('validate'), got.esm.join());
  assert.equal(got.same, true);
  assert.equal(got.e164, '+13125354200');
  assert.equal(got.typed, got.fullTyped);
  assert.equal(got.typed, '020 7946 0958');
});

test("the phone-only .wasm exports the phone functions and none of the documents'", async () => {
  const exportsOf = async (dir) =>
    WebAssembly.Module.exports(await WebAssembly.compile(fs.readFileSync(path.join(root, dir, 'web/telschema_glue_bg.wasm')))).map((e) => e.name);
  const full = await exportsOf('pkg');
  const phone = await exportsOf('pkg/phone');
  for (const name of ['normalize', 'normalizeMany', 'format', 'asYouType', 'exampleNumber', 'regions', 'findNumbers', 'shortNumberInfo']) {
    assert.ok(phone.includes(name), name);
  }
  for (const name of ['validate', 'completeness', 'check', 'schema', 'fields', 'kinds', 'toKazooError']) {
    assert.ok(full.includes(name), name);
    assert.ok(!phone.includes(name), `the phone build exports ${name}`);
  }
  const sizes = ['pkg', 'pkg/phone'].map((d) => fs.statSync(path.join(root, d, 'web/telschema_glue_bg.wasm')).size);
  assert.ok(sizes[1] < sizes[0], `phone ${sizes[1]} bytes, full ${sizes[0]}`);
});

test("the phone entry's types are js/telschema.d.ts down to its phone line: no document API", () => {
  const types = fs.readFileSync(path.join(root, 'pkg/phone/telschema.d.ts'), 'utf8');
  const all = fs.readFileSync(path.join(root, 'js/telschema.d.ts'), 'utf8');
  assert.ok(all.startsWith(types) && types.length < all.length);
  assert.match(types, /^export function normalize\(/m);
  assert.match(types, /^export class AsYouType/m);
  assert.doesNotMatch(types, /^export function (validate|check|completeness|standardSchema)\b/m);
  assert.doesNotMatch(types, /from '\.\/documents\.js'/);
  assert.ok(pkg.files.includes('phone/'));
});

test('web/import-wasm.js imports the .wasm, re-exports web/telschema.js and only replaces init', () => {
  const source = fs.readFileSync(path.join(root, 'pkg/web/import-wasm.js'), 'utf8');
  assert.match(source, /^import wasmUrl from '\.\/telschema_glue_bg\.wasm';$/m);
  assert.match(source, /^export \* from '\.\/telschema\.js';$/m);
  const own = [...source.matchAll(/^export (?:default (\w+)|\{ ([^}]*) \});$/gm)].map((m) => m[1] ?? m[2]);
  assert.deepEqual(own, ['init', 'init']);
  assert.match(source, /initWeb\(input !== undefined \? input : /);
});

test('pkg/README.md is js/README.md with the sizes of this build and no placeholder left', () => {
  const readme = fs.readFileSync(path.join(root, 'pkg/README.md'), 'utf8');
  assert.doesNotMatch(readme, /\{\{/);
  const wasm = fs.readFileSync(path.join(root, 'pkg/web/telschema_glue_bg.wasm'));
  const gzipKiB = (zlib.gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0);
  assert.ok(readme.includes(`is ${wasm.length} bytes (${gzipKiB} KiB gzip`), `README gives ${wasm.length} bytes, ${gzipKiB} KiB gzip`);
  const phoneWasm = fs.readFileSync(path.join(root, 'pkg/phone/web/telschema_glue_bg.wasm'));
  const phoneGzipKiB = (zlib.gzipSync(phoneWasm, { level: 9 }).length / 1024).toFixed(0);
  assert.ok(readme.includes(`(${phoneWasm.length} bytes, ${phoneGzipKiB} KiB gzip;`), `README gives phone ${phoneWasm.length} bytes, ${phoneGzipKiB} KiB gzip`);
  const source = fs.readFileSync(path.join(root, 'js/README.md'), 'utf8');
  // Same text apart from the figures.
  const pattern = new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+?')}$`, 's');
  assert.match(readme, pattern);
  assert.ok(pkg.files.includes('README.md'));
  assert.match(readme, /^# telschema\n/);
  assert.match(readme, /'wasm-unsafe-eval'/);
});

const readmeExamples = fs.readFileSync(path.join(root, 'js/README.md'), 'utf8').match(/```js\n(import init[^`]*)```/g);
test('js/README.md has its first example and the telschema/phone one', () => {
  assert.equal(readmeExamples.length, 2);
  assert.match(readmeExamples[1], /from 'telschema\/phone'/);
});
for (const [i, block] of readmeExamples.entries()) {
  test(`js/README.md's example ${i + 1} gives what its comments say, through the package's exports`, () => {
    const code = block.slice('```js\n'.length, -'```'.length);
    // `expr; // 'value'` (or `// true…`) becomes an assertion; other lines run as they are.
    let claims = 0;
    const script = code.replace(/^(.+?); \/\/ ('[^']*'|true)(?!\w).*$/gm, (line, expr, value) => {
      claims += 1;
      return `assert.deepEqual(${expr}, ${value}, ${JSON.stringify(expr)});`;
    });
    assert.ok(claims >= (i === 0 ? 4 : 2), `${claims} claims`);
    const out = execFileSync('node', ['--input-type=module', '-e', `import assert from 'node:assert/strict';\n${script}\nconsole.log('ok');`], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(out.trim(), 'ok');
  });
}
