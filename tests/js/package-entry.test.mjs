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

test("each tool's default conditions reach the entry it can bundle", () => {
  const dot = pkg.exports['.'];
  const cases = [
    // Node: import and require.
    [['node', 'import'], './node/telschema.js'],
    [['node', 'require'], './node/telschema.js'],
    // webpack 5 (target web, production mode).
    [['webpack', 'production', 'browser', 'import', 'module'], './web/telschema.js'],
    // Vite (build and dev) and Rollup's node-resolve 16 with browser: true.
    [['module', 'browser', 'production', 'import'], './web/telschema.js'],
    [['module', 'browser', 'development', 'import'], './web/telschema.js'],
    [['module', 'import', 'browser', 'production'], './web/telschema.js'],
    // esbuild (platform browser): the entry that imports the .wasm.
    [['browser', 'import', 'module'], './web/import-wasm.js'],
    [['import'], './web/import-wasm.js'],
    // TypeScript (moduleResolution bundler) reads the types of the same keys.
    [['types', 'import'], './telschema.d.mts'],
  ];
  for (const [conditions, file] of cases) assert.equal(resolve(dot, conditions), file, conditions.join(', '));
  assert.equal(resolve(pkg.exports['./web'], ['browser', 'import']), './web/telschema.js');
  assert.equal(resolve(pkg.exports['./import-wasm'], ['webpack', 'import']), './web/import-wasm.js');
  for (const file of ['web/telschema.js', 'web/import-wasm.js', 'node/telschema.js']) assert.ok(fs.existsSync(path.join(root, 'pkg', file)), file);
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
  const source = fs.readFileSync(path.join(root, 'js/README.md'), 'utf8');
  // Same text apart from the figures.
  const pattern = new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{\w+\\\}\\\}/g, '.+?')}$`, 's');
  assert.match(readme, pattern);
  assert.ok(pkg.files.includes('README.md'));
  assert.match(readme, /^# telschema\n/);
  assert.match(readme, /'wasm-unsafe-eval'/);
});

test("js/README.md's first example gives what its comments say, through the package's exports", () => {
  const source = fs.readFileSync(path.join(root, 'js/README.md'), 'utf8');
  const code = source.match(/```js\n(import init[^`]*)```/)[1];
  // `expr; // 'value'` (or `// true…`) becomes an assertion; other lines run as they are.
  let claims = 0;
  const script = code.replace(/^(.+?); \/\/ ('[^']*'|true)(?!\w).*$/gm, (line, expr, value) => {
    claims += 1;
    return `assert.deepEqual(${expr}, ${value}, ${JSON.stringify(expr)});`;
  });
  assert.ok(claims >= 4, `${claims} claims`);
  const out = execFileSync('node', ['--input-type=module', '-e', `import assert from 'node:assert/strict';\n${script}\nconsole.log('ok');`], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(out.trim(), 'ok');
});
