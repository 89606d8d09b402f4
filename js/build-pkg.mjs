// Finishes the npm package after wasm-pack has written OUT/web and OUT/node
// (`make pkg`): runs binaryen's wasm-opt on each .wasm (wasm-pack's own is
// off, it would download), writes our wrapper telschema.js for each target
// from js/api.js, web/import-wasm.js (for esbuild), the TypeScript types, the
// package.json files and README.md (from js/README.md, with this build's sizes);
// the same for the phone-only build in OUT/phone/ (entry telschema/phone).
//
//   node js/build-pkg.mjs OUT [--no-opt]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? 'pkg');
const optimize = !process.argv.includes('--no-opt');
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');
const write = (p, text) => fs.writeFileSync(path.join(out, p), text);

function fail(message) {
  console.error(`build-pkg: ${message}`);
  process.exit(1);
}

// The full build in OUT/web and OUT/node; the phone-only one (no feature
// documents, entry telschema/phone) in OUT/phone/web and OUT/phone/node when
// it was built (`make pkg` builds it; the trap test's package has none).
const phone = fs.existsSync(path.join(out, 'phone'));
const builds = phone ? ['.', 'phone'] : ['.'];
for (const target of builds.flatMap((b) => ['web', 'node'].map((t) => path.join(b, t)))) {
  if (!fs.existsSync(path.join(out, target, 'telschema_glue.js'))) fail(`${out}/${target} has no wasm-pack output`);
  // wasm-pack's .gitignore ("*") would also hide the files from `npm pack`.
  fs.rmSync(path.join(out, target, '.gitignore'), { force: true });
}

// wasm-opt -Oz on a build's two targets at once (two cores).
function wasmOpt(file) {
  const bin = path.join(root, 'node_modules/.bin/wasm-opt');
  return new Promise((resolve, reject) => {
    const before = fs.statSync(file).size;
    // Exactly the features rustc's wasm32 target enables: with --all-features
    // wasm-opt may emit stringref, which Node 20 and most browsers refuse.
    const features = ['bulk-memory', 'mutable-globals', 'nontrapping-float-to-int', 'sign-ext', 'reference-types', 'multivalue'];
    const args = ['-Oz', ...features.map((f) => `--enable-${f}`), '--strip-debug', '--strip-producers', file, '-o', `${file}.opt`];
    const p = spawn(bin, args, { stdio: 'inherit' });
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wasm-opt exited with ${code}`));
      fs.renameSync(`${file}.opt`, file);
      console.log(`wasm-opt -Oz ${path.relative(root, file)}: ${before} -> ${fs.statSync(file).size} bytes`);
      resolve();
    });
  });
}
if (optimize) {
  for (const b of builds) {
    await Promise.all(['web', 'node'].map((t) => wasmOpt(path.join(out, b, t, 'telschema_glue_bg.wasm')))).catch((e) =>
      fail(e.message),
    );
  }
}

// What the phone-only entry holds: js/api.js and js/telschema.d.ts down to
// their "telschema/phone ends here" line.
const PHONE_NAMES = ['normalize', 'normalizeMany', 'format', 'findNumbers', 'exampleNumber', 'regions', 'shortNumberInfo', 'AsYouType'];
const DOCUMENT_NAMES = ['validate', 'completeness', 'check', 'schema', 'fields', 'kinds', 'toKazooError', 'standardSchema'];
function phonePart(text, file) {
  const at = text.indexOf('// ---------------------------------------------------------------------------\n// telschema/phone ends here');
  if (at < 0) fail(`${file} has no "telschema/phone ends here" line`);
  return text.slice(0, at);
}

// The wrappers and types of one build: dir '.' (the full one) or 'phone'.
function writeEntry(dir) {
  // The web glue's init() and initSync() keep their first instance for good;
  // after a trap the wrapper needs a fresh one, synchronously. The glue is
  // pinned (wasm-bindgen =0.2.130), and this checks the lines it relies on.
  const webGlue = path.join(out, dir, 'web', 'telschema_glue.js');
  let glue = fs.readFileSync(webGlue, 'utf8');
  for (const needed of ['let wasmModule, wasmInstance, wasm;', 'function initSync(module) {']) {
    if (!glue.includes(needed)) fail(`the web glue no longer has ${JSON.stringify(needed)}; update js/build-pkg.mjs`);
  }
  if (!glue.includes('__telschema_reinstantiate')) {
    glue += `
/** telschema: replace a trapped instance with a fresh one of the same module. */
export function __telschema_reinstantiate() {
    const module = wasmModule;
    wasm = undefined;
    return initSync({ module });
}
`;
    fs.writeFileSync(webGlue, glue);
  }

  let api = dir === 'phone' ? phonePart(read('js/api.js'), 'js/api.js') : read('js/api.js');
  const names = dir === 'phone' ? [...PHONE_NAMES] : [...PHONE_NAMES, ...DOCUMENT_NAMES];
  // Only a build with the test-panic feature has this export (the trap test's).
  if (glue.includes('export function testPanic(')) {
    api += '\n/** Panics inside the module on purpose (test-panic builds only). */\nfunction testPanic() {\n  return call(\'testPanic\', []);\n}\n';
    names.push('testPanic');
  }
  const banner = '// Generated by js/build-pkg.mjs from js/api.js; edit those, not this file.\n';

  write(
    path.join(dir, 'web/telschema.js'),
    `${banner}// telschema for browsers and bundlers (ES module). Call \`await init()\` once first.
import initGlue, * as glueModule from './telschema_glue.js';

let ready = false;
let markReady;
const initialized = new Promise((resolve) => {
  markReady = resolve;
});

// null once init() or initSync() has finished, else a Promise of that (standardSchema waits on it).
function whenReady() {
  return ready ? null : initialized;
}

function glue() {
  if (!ready) throw new TelschemaError('not_initialized', 'Call \`await init()\` (or initSync) before using telschema.');
  return glueModule;
}

function reinstantiate() {
  glueModule.__telschema_reinstantiate();
}

/** Loads the WebAssembly module (by default telschema_glue_bg.wasm next to this file). */
async function init(input) {
  await initGlue(input === undefined ? undefined : { module_or_path: input });
  ready = true;
  markReady();
}

/** Instantiates synchronously from a WebAssembly.Module or the .wasm bytes. */
function initSync(input) {
  glueModule.initSync({ module: input });
  ready = true;
  markReady();
}

${api}
export default init;
export { init, initSync, TelschemaError, ${names.join(', ')} };
`,
  );

  write(
    path.join(dir, 'node/telschema.js'),
    `${banner}// telschema for Node (CommonJS; \`import\` works too). Ready on load; init() is there for code shared with browsers.
'use strict';

const GLUE = require.resolve('./telschema_glue.js');
let glueModule = require(GLUE);

function glue() {
  return glueModule;
}

function whenReady() {
  return null;
}

function reinstantiate() {
  delete require.cache[GLUE];
  glueModule = require(GLUE);
}

${api}
/** Nothing to load in Node; here so that browser code runs unchanged. */
async function init() {}

function initSync() {}

module.exports = init;
module.exports.default = init;
module.exports.init = init;
module.exports.initSync = initSync;
module.exports.TelschemaError = TelschemaError;
${names.map((n) => `module.exports.${n} = ${n};`).join('\n')}
`,
  );

  // The entry for bundlers that do not follow `new URL('….wasm', import.meta.url)`
  // (esbuild): it imports the .wasm, so a file loader emits it and gives its
  // URL; everything else is web/telschema.js. webpack 5, Vite and Rollup never
  // reach it (package.json's exports send them to web/telschema.js first).
  write(
    path.join(dir, 'web/import-wasm.js'),
    `${banner}// telschema for bundlers with a .wasm file loader (esbuild --loader:.wasm=file):
// the import below makes the bundler emit the .wasm and gives its URL, which
// init() loads. Otherwise the same as web/telschema.js.
import wasmUrl from './telschema_glue_bg.wasm';
import { init as initWeb } from './telschema.js';

export * from './telschema.js';

/** Loads the WebAssembly module the bundler emitted (or \`input\`, as web/telschema.js). */
async function init(input) {
  // esbuild's path is relative to the bundle (its outdir) unless --public-path makes it absolute.
  const base = import.meta.url;
  await initWeb(input !== undefined ? input : base ? new URL(wasmUrl, base) : wasmUrl);
}

export default init;
export { init };
`,
  );

  // The same declarations as ESM (.d.mts, for `import`) and CommonJS (.d.ts,
  // for `require`, where the default export is module.exports.default).
  // The phone entry's are the part of js/telschema.d.ts above its phone line;
  // results.d.ts names the kinds, so documents.d.ts comes along (types only).
  const types = dir === 'phone' ? phonePart(read('js/telschema.d.ts'), 'js/telschema.d.ts') : read('js/telschema.d.ts');
  for (const sub of ['.', 'web', 'node']) {
    write(path.join(dir, sub, 'telschema.d.ts'), types);
    write(path.join(dir, sub, 'telschema.d.mts'), types);
    write(path.join(dir, sub, 'documents.d.ts'), read('js/documents.d.ts'));
    write(path.join(dir, sub, 'results.d.ts'), read('js/results.d.ts'));
    write(path.join(dir, sub, 'codes.d.ts'), read('js/codes.d.ts'));
  }
  write(path.join(dir, 'web/package.json'), `${JSON.stringify({ type: 'module', types: './telschema.d.ts' }, null, 2)}\n`);
  write(path.join(dir, 'node/package.json'), `${JSON.stringify({ type: 'commonjs', types: './telschema.d.ts' }, null, 2)}\n`);
}
for (const b of builds) writeEntry(b);

const cargo = read('Cargo.toml');
const field = (name) => (cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm')) ?? fail(`Cargo.toml has no ${name}`))[1];
// Which file each bundler and runtime gets, by the conditions it sets (the
// first key of an object that a tool's conditions match wins):
//   Node (import, require)          node/telschema.js
//   webpack 5 (`webpack`)            web/telschema.js, emits the .wasm from new URL(…, import.meta.url)
//   Vite, Rollup's node-resolve 16 (`development`/`production`)
//                                    web/telschema.js, the same (Rollup with importMetaAssets)
//   esbuild, anything else (`browser`, `import`, `default`)
//                                    web/import-wasm.js, which imports the .wasm
// A page without a build imports web/telschema.js by its path. The phone
// entry (telschema/phone) is the same map under ./phone/.
const entryOf = (dir) => {
  const web = { types: `${dir}/telschema.d.mts`, default: `${dir}/web/telschema.js` };
  const importWasm = { types: `${dir}/telschema.d.mts`, default: `${dir}/web/import-wasm.js` };
  return {
    node: {
      import: { types: `${dir}/telschema.d.mts`, default: `${dir}/node/telschema.js` },
      require: { types: `${dir}/telschema.d.ts`, default: `${dir}/node/telschema.js` },
    },
    webpack: web,
    development: web,
    production: web,
    browser: importWasm,
    import: importWasm,
    default: { types: `${dir}/telschema.d.ts`, default: `${dir}/web/import-wasm.js` },
  };
};
const entry = entryOf('.');
const phoneExports = phone
  ? {
      './phone': entryOf('./phone'),
      './phone/web': { types: './phone/web/telschema.d.mts', default: './phone/web/telschema.js' },
      './phone/import-wasm': { types: './phone/web/telschema.d.mts', default: './phone/web/import-wasm.js' },
      './phone/node': { types: './phone/node/telschema.d.ts', default: './phone/node/telschema.js' },
      './phone/telschema.wasm': './phone/web/telschema_glue_bg.wasm',
    }
  : {};
const pkg = {
  name: 'telschema',
  version: field('version'),
  description: field('description'),
  license: field('license'),
  repository: field('repository'),
  keywords: ['e164', 'phone', 'libphonenumber', 'json-schema', 'telnyx', 'kazoo', 'porting', 'e911', 'webassembly'],
  types: './telschema.d.ts',
  main: './node/telschema.js',
  browser: './web/telschema.js',
  exports: {
    '.': entry,
    './web': { types: './web/telschema.d.mts', default: './web/telschema.js' },
    './import-wasm': { types: './web/telschema.d.mts', default: './web/import-wasm.js' },
    './node': { types: './node/telschema.d.ts', default: './node/telschema.js' },
    './telschema.wasm': './web/telschema_glue_bg.wasm',
    ...phoneExports,
    './package.json': './package.json',
  },
  files: ['telschema.d.ts', 'telschema.d.mts', 'documents.d.ts', 'results.d.ts', 'codes.d.ts', 'web/', 'node/', ...(phone ? ['phone/'] : []), 'README.md'],
  sideEffects: false,
  engines: { node: '>=20' },
};
write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);

// The package's README: js/README.md with the figures of this build written in
// (sizes measured here, so they are never stale) and the repository's links.
const size = (files) => files.reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0);
const gzip = (files) => files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(out, f)), { level: 9 }).length, 0);
const kib = (n) => (n / 1024).toFixed(0);
const wasmFile = ['web/telschema_glue_bg.wasm'];
const jsFiles = ['web/telschema.js', 'web/telschema_glue.js'];
const figures = {
  repository: pkg.repository,
  license: pkg.license,
  version: pkg.version,
  wasmBytes: String(size(wasmFile)),
  wasmKiB: kib(size(wasmFile)),
  wasmGzipKiB: kib(gzip(wasmFile)),
  jsGzipKiB: kib(gzip(jsFiles)),
};
const phoneWasm = wasmFile.map((f) => `phone/${f}`);
const phoneJs = jsFiles.map((f) => `phone/${f}`);
Object.assign(figures, {
  phoneWasmBytes: phone ? String(size(phoneWasm)) : '(not built)',
  phoneWasmGzipKiB: phone ? kib(gzip(phoneWasm)) : '(not built)',
  phoneJsGzipKiB: phone ? kib(gzip(phoneJs)) : '(not built)',
});
const readme = read('js/README.md').replace(/\{\{(\w+)\}\}/g, (all, name) => figures[name] ?? fail(`js/README.md: no figure {{${name}}}`));
write('README.md', readme);
console.log(`README.md: .wasm ${figures.wasmBytes} bytes, ${figures.wasmGzipKiB} KiB gzip; JS ${figures.jsGzipKiB} KiB gzip`);
if (phone) console.log(`README.md: phone .wasm ${figures.phoneWasmBytes} bytes, ${figures.phoneWasmGzipKiB} KiB gzip`);
execFileSync('ls', ['-l', ...builds.flatMap((b) => ['web', 'node'].map((t) => path.join(out, b, t)))], { stdio: 'inherit' });
