// The package from TypeScript (tsc --noEmit --strict on tests/ts/usage.mts and
// tests/ts/strict.mts, each `@ts-expect-error` failing for the reason it
// names; completions in a document literal from the language service; the
// error codes of the types against those the Rust and JavaScript code throw).
// The bundlers (esbuild, webpack, Vite, Rollup) are tests/browser/bundlers.test.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

test('tsc --strict accepts the typed uses and rejects the wrong ones', () => {
  try {
    execFileSync(bin('tsc'), ['-p', 'tests/ts/tsconfig.json'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

// Every `@ts-expect-error: why [text]` of tests/ts/strict.mts: with the
// directives removed, tsc reports an error on exactly those lines, and the
// message of each holds its bracketed text (so none passes for another reason).
test('each @ts-expect-error of strict.mts fails for the reason it names', () => {
  const file = path.join(root, 'tests/ts/strict.mts');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const expected = new Map();
  lines.forEach((line, i) => {
    const m = line.match(/^\/\/ @ts-expect-error: .*\[(.+)\]$/);
    if (m) expected.set(i + 1, m[1]);
    else assert.doesNotMatch(line, /@ts-expect-error:/, `line ${i + 1} names no [reason]`);
  });
  assert.ok(expected.size >= 19, `${expected.size} expectations`);
  const stripped = lines.map((l) => l.replace(/^\/\/ @ts-expect-error:/, '// (expected error):')).join('\n');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tests/ts/tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  });
  const host = ts.createCompilerHost(config.options);
  const read = host.readFile;
  host.readFile = (f) => (path.resolve(f) === file ? stripped : read(f));
  const program = ts.createProgram([file], config.options, host);
  const found = new Map();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    assert.equal(d.file && path.resolve(d.file.fileName), file, ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    found.set(line, `${found.get(line) ?? ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n`);
  }
  // An expectation covers the line after it.
  const want = [...expected.keys()].map((l) => l + 1).sort((a, b) => a - b);
  assert.deepEqual([...found.keys()].sort((a, b) => a - b), want, [...found.values()].join('\n'));
  for (const [line, text] of expected) {
    assert.ok(found.get(line + 1).includes(text), `line ${line + 1}: no [${text}] in\n${found.get(line + 1)}`);
  }
});

// What an editor offers inside a document literal, from the language service.
function completionsIn(source) {
  const file = path.join(root, 'tests/ts/completion-probe.mts');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tests/ts/tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => {},
  });
  const text = source.replace('|', '');
  const service = ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => {
      if (path.resolve(f) === file) return ts.ScriptSnapshot.fromString(text);
      return fs.existsSync(f) ? ts.ScriptSnapshot.fromString(fs.readFileSync(f, 'utf8')) : undefined;
    },
    getCurrentDirectory: () => root,
    getCompilationSettings: () => config.options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => path.resolve(f) === file || ts.sys.fileExists(f),
    readFile: (f) => (path.resolve(f) === file ? text : ts.sys.readFile(f)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  });
  const entries = service.getCompletionsAtPosition(file, source.indexOf('|'), {})?.entries ?? [];
  return entries.map((e) => e.name).sort();
}

test("completions in a document literal are the kind's fields (and the envelope's), no Uint8Array members", () => {
  const envelope = ['$schema', 'data'];
  const e911 = [...Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'schemas/e911.schema.json'), 'utf8')).properties), ...envelope];
  for (const call of ['validate', 'completeness']) {
    assert.deepEqual(completionsIn(`import { ${call} } from 'telschema';\n${call}('e911', { | });\n`), e911.sort(), call);
  }
  // check's first overload is the bare document (its outcome's document is
  // typed bare), so `data` is not offered.
  const bare = e911.filter((f) => f !== 'data').sort();
  assert.deepEqual(completionsIn(`import { check } from 'telschema';\ncheck('e911', { | });\n`), bare, 'check');
  assert.deepEqual(completionsIn(`import { check } from 'telschema';\ncheck('e911', { street_address: '', | });\n`), bare.filter((f) => f !== 'street_address'), 'check');
  const draft = JSON.parse(fs.readFileSync(path.join(root, 'schemas/draft_sub_request.schema.json'), 'utf8'));
  const item = Object.keys(draft.properties.phone_numbers.anyOf[0].items.properties).sort();
  assert.deepEqual(completionsIn(`import { check } from 'telschema';\ncheck('draft_sub_request', { phone_numbers: [{ | }] });\n`), item);
});

// The codes the types promise against those thrown: every string literal
// in the Rust error types' code() (src/), every code the wasm boundary
// (src/wasm.rs Fail::new) and the wrapper (js/api.js) throw. A code added on
// the Rust or JavaScript side without the union fails here.
test('ErrorCode and PhoneErrorCode hold every code the Rust and JavaScript sides throw', () => {
  const dts = fs.readFileSync(path.join(root, 'js/telschema.d.ts'), 'utf8');
  const union = (name) => {
    const m = dts.match(new RegExp(`export type ${name} =([^;]*);`));
    assert.ok(m, name);
    return new Set([...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]));
  };
  const phone = union('PhoneErrorCode');
  const all = new Set([...phone, ...union('ErrorCode')]);
  const codesOf = (file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const out = [];
    for (const m of text.matchAll(/pub fn code\(&self\) -> &'static str \{/g)) {
      let depth = 0;
      let i = m.index + m[0].length - 1;
      const start = i;
      for (; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) break;
      }
      out.push(...[...text.slice(start, i).matchAll(/"([a-z_]+)"/g)].map((x) => x[1]));
    }
    return out;
  };
  const rustFiles = execFileSync('git', ['ls-files', 'src/*.rs', 'src/**/*.rs'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
  const core = new Set(rustFiles.flatMap(codesOf));
  // The Rust error types: PhoneError's codes are exactly PhoneErrorCode.
  const phoneCodes = new Set(codesOf('src/phone/mod.rs'));
  assert.deepEqual([...phone].sort(), [...phoneCodes].sort(), 'PhoneErrorCode vs PhoneError::code');
  // A timestamp only reaches JavaScript as the `now` option (invalid_option).
  core.delete('invalid_timestamp');
  const wasm = fs.readFileSync(path.join(root, 'src/wasm.rs'), 'utf8');
  const boundary = [...wasm.matchAll(/Fail::new\(\s*"([a-z_]+)"/g)].map((m) => m[1]);
  boundary.push(...[...wasm.matchAll(/"code":"([a-z_]+)"/g)].map((m) => m[1]));
  const api = fs.readFileSync(path.join(root, 'js/api.js'), 'utf8');
  const wrapper = [...api.matchAll(/(?:TelschemaError\(|refuse\(|toJson\([^)]*?, )\s*'([a-z_]+)'/g)].map((m) => m[1]);
  assert.ok(core.size >= 15 && boundary.length >= 10 && wrapper.length >= 5, `${core.size} ${boundary.length} ${wrapper.length}`);
  for (const code of [...core, ...boundary, ...wrapper]) assert.ok(all.has(code), `${code} is not in ErrorCode`);
});

// The types still written by hand in js/telschema.d.ts (the wasm-only
// shapes and the options) against what the package returns and what Rust
// reads: the keys of each interface, by the compiler, equal the keys of a
// real result (every required one present, none undeclared) and, for the
// options, the keys src/options.rs accepts.
test('the hand-written types have the keys the package returns and the options Rust reads', () => {
  const program = ts.createProgram([path.join(root, 'js/telschema.d.ts')], { strict: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const exportsOf = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(path.join(root, 'js/telschema.d.ts'))));
  const keys = (name, type) => {
    if (!type) {
      const symbol = exportsOf.find((e) => e.name === name);
      assert.ok(symbol, name);
      type = checker.getDeclaredTypeOfSymbol(symbol);
    }
    const out = { required: [], optional: [], types: {} };
    for (const p of checker.getPropertiesOfType(type)) {
      (p.flags & ts.SymbolFlags.Optional ? out.optional : out.required).push(p.name);
      out.types[p.name] = checker.getTypeOfSymbol(p);
    }
    return out;
  };
  const matches = (name, value, declared = keys(name)) => {
    const given = Object.keys(value);
    for (const k of declared.required) assert.ok(given.includes(k), `${name}.${k} is not in ${JSON.stringify(value)}`);
    for (const k of given) assert.ok([...declared.required, ...declared.optional].includes(k), `${name} does not declare ${k}`);
  };
  const rustKeys = (constName) => {
    const text = fs.readFileSync(path.join(root, 'src/options.rs'), 'utf8');
    const m = text.match(new RegExp(`const ${constName}: \\[&str; \\d+\\] = \\[([^\\]]*)\\]`));
    assert.ok(m, constName);
    return [...m[1].matchAll(/"([A-Za-z]+)"/g)].map((x) => x[1]).sort();
  };
  const options = keys('Options');
  assert.deepEqual([...options.required, ...options.optional].sort(), rustKeys('KEYS'), 'Options vs src/options.rs KEYS');
  const limits = keys('Limits');
  assert.deepEqual([...limits.required, ...limits.optional].sort(), rustKeys('LIMITS'), 'Limits vs src/options.rs LIMITS');

  const require = createRequire(import.meta.url);
  const t = require(path.join(root, 'pkg/node/telschema.js'));
  const found = t.findNumbers('Call +1 312 535 4200 today');
  assert.equal(found.length, 1);
  matches('FoundNumber', found[0]);
  matches('Reformatted', new t.AsYouType('US').reformat('650253', 3));
  const failure = t.normalizeMany(['abc'])[0];
  matches('NormalizeFailure', failure);
  const failureKeys = keys('NormalizeFailure');
  matches('NormalizeFailure.error', failure.error, keys('', failureKeys.types.error));
  const body = t.toKazooError(t.validate('e911', '{}'));
  matches('KazooErrorBody', body);
  matches('Outcome', t.check('e911', '{"locality": "Chicago"}'));
});

test('the public types have no `any`', () => {
  for (const file of ['js/telschema.d.ts', 'js/documents.d.ts', 'js/results.d.ts', 'js/codes.d.ts']) {
    const text = fs.readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(text, /\bany\b/, file);
  }
});
