// The package from TypeScript (tsc --noEmit --strict on tests/ts/usage.mts).
// The bundlers (esbuild, webpack, Vite, Rollup) are tests/browser/bundlers.test.mjs.
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
