// The package from TypeScript (tsc --noEmit --strict on tests/ts/usage.mts)
// and from a bundler (a Vite build of tests/bundler/).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

test('tsc --strict accepts the typed uses and rejects the wrong ones', () => {
  try {
    execFileSync(bin('tsc'), ['-p', 'tests/ts/tsconfig.json'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

test('the public types have no `any`', () => {
  for (const file of ['js/telschema.d.ts', 'js/documents.d.ts', 'js/results.d.ts', 'js/codes.d.ts']) {
    const text = fs.readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(text, /\bany\b/, file);
  }
});

test('a Vite build of one page bundles the package and its .wasm', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'telschema-vite-'));
  execFileSync(bin('vite'), ['build', 'tests/bundler', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'pipe',
  });
  const assets = fs.readdirSync(path.join(out, 'assets'));
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, assets.join(', '));
  assert.deepEqual(
    fs.readFileSync(path.join(out, 'assets', wasm[0])),
    fs.readFileSync(path.join(root, 'pkg/web/telschema_glue_bg.wasm')),
  );
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(out, 'assets', f), 'utf8'));
  assert.ok(js.some((t) => t.includes(wasm[0])), 'the bundle refers to the emitted .wasm');
  assert.ok(js.some((t) => t.includes('draft_sub_request')), 'the page code is in the bundle');
  assert.match(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), /<script type="module"[^>]*src="\/assets\//);
  fs.rmSync(out, { recursive: true, force: true });
});
