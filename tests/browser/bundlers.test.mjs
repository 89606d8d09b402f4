// The package through every bundler the README names, in Chromium under a
// strict Content-Security-Policy. tests/bundler/main.js (init, check a draft,
// show the result) and tests/bundler/phone/main.js (the same through
// telschema/phone: normalize, format, AsYouType; the page must show what the
// full package in Node says) are built by esbuild, webpack 5, Vite and Rollup into a
// temporary directory, each exactly as the package README tells a user to;
// each build must emit the package's .wasm unchanged; a small server sends
// `Content-Security-Policy: default-src 'self'; script-src 'self'
// 'wasm-unsafe-eval'` with every response, and the page must show what the
// core in Node (pkg/node) makes of the same draft, with no console error and
// no CSP violation. Vite's dev server serves the page from a project with the
// package copied into node_modules and js/README.md's vite.config.js. The
// no-build demo page (www/) is loaded under the same
// policy. Without 'wasm-unsafe-eval' the page must fail with the browser's
// error, which js/README.md and README.md quote (the test checks the quotes).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium, listen, sendFile } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const telschema = require(path.join(root, 'pkg/node/telschema.js'));
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const page = path.join(root, 'tests/bundler');
const wasm = fs.readFileSync(path.join(root, 'pkg/web/telschema_glue_bg.wasm'));
// The phone-only entry (telschema/phone): its page, its .wasm, and what the full package says of its number.
const phonePage = path.join(page, 'phone');
const phoneWasm = fs.readFileSync(path.join(root, 'pkg/phone/web/telschema_glue_bg.wasm'));

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const CSP_NO_WASM = "default-src 'self'; script-src 'self'";

const draft = { phone_numbers: [{ phone_number: '(312) 535-4200' }] };
const outcome = telschema.check('draft_sub_request', draft);
const expected = `draft_sub_request ${outcome.document.phone_numbers[0].phone_number} ${outcome.completeness.percent}% next ${outcome.completeness.next}`;
const n = telschema.normalize('(312) 535-4200');
const phoneExpected = `${n.e164} ${n.valid} ${telschema.format('(312) 535-4200', 'international')} ${new telschema.AsYouType('US').input('3125354200')}`;

let work;
let server;
let base;
let browser;

// /<name>/… is the build of that name; /no-wasm-eval/<name>/… the same under
// the policy without 'wasm-unsafe-eval'; /www/ and /pkg/ the repository's.
function serve(req, res) {
  let { pathname } = new URL(req.url, 'http://x');
  let csp = CSP;
  if (pathname.startsWith('/no-wasm-eval/')) {
    pathname = pathname.slice('/no-wasm-eval'.length);
    csp = CSP_NO_WASM;
  }
  const top = /^\/(www|pkg)\//.test(pathname) ? root : work;
  return sendFile(res, top, pathname, { 'content-security-policy': csp });
}

// Each build as the package README gives it (js/README.md, "Bundlers").
const builds = {
  // esbuild: one command, no config.
  esbuild(out, page) {
    execFileSync(bin('esbuild'), [path.join(page, 'main.js'), '--bundle', '--format=esm', '--loader:.wasm=file', `--outdir=${out}`, '--log-level=warning'], { cwd: root, stdio: 'pipe' });
    fs.copyFileSync(path.join(page, 'index.html'), path.join(out, 'index.html'));
  },
  // webpack 5: its defaults (the Node API with what `npx webpack --mode production` uses).
  async webpack(out, page) {
    const { default: webpack } = await import('webpack');
    const stats = await new Promise((resolve, reject) =>
      webpack({ mode: 'production', context: page, entry: './main.js', output: { path: out } }, (err, s) => (err ? reject(err) : resolve(s))),
    );
    assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
    // webpack's output is a classic script.
    const html = fs.readFileSync(path.join(page, 'index.html'), 'utf8').replace('<script type="module" src="./main.js">', '<script defer src="./main.js">');
    assert.match(html, /<script defer src=".\/main.js">/);
    fs.writeFileSync(path.join(out, 'index.html'), html);
  },
  // Vite: no config (`--base ./` only because the test serves it below /vite/).
  vite(out, page) {
    execFileSync(bin('vite'), ['build', page, '--outDir', out, '--emptyOutDir', '--base', './', '--logLevel', 'warn'], { cwd: root, stdio: 'pipe' });
  },
  // Rollup: @rollup/plugin-node-resolve (browser) and @web/rollup-plugin-import-meta-assets,
  // which emits what `new URL('…', import.meta.url)` names (the glue's .wasm).
  async rollup(out, page) {
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const { importMetaAssets } = await import('@web/rollup-plugin-import-meta-assets');
    const bundle = await rollup({
      input: path.join(page, 'main.js'),
      plugins: [nodeResolve({ browser: true }), importMetaAssets()],
    });
    await bundle.write({ dir: out, format: 'es' });
    await bundle.close();
    fs.copyFileSync(path.join(page, 'index.html'), path.join(out, 'index.html'));
  },
};

before(async () => {
  // The bundlers resolve `telschema` as a user's would, from node_modules (`make js` makes the same link).
  const link = path.join(root, 'node_modules/telschema');
  if (!fs.existsSync(path.join(link, 'package.json'))) {
    fs.rmSync(link, { force: true, recursive: true });
    fs.symlinkSync('../pkg', link);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'telschema-bundlers-'));
  ({ server, base } = await listen(serve));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

// Every file below dir, relative paths.
function files(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

// Opens url; returns the page, its console errors and the CSP violations it reported.
async function open(url) {
  const tab = await browser.newPage();
  const errors = [];
  // The bundled pages name no icon; the browser's own request for one is no error of theirs.
  await tab.route(/\/favicon\.ico$/, (route) => route.fulfill({ status: 204 }));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await tab.goto(url);
  assert.equal(response.headers()['content-security-policy'], url.includes('/no-wasm-eval/') ? CSP_NO_WASM : CSP);
  return { tab, errors, violations: () => tab.evaluate(() => window.__violations) };
}

// The full entry's page (tests/bundler/) and the phone entry's (tests/bundler/phone/), each through every bundler.
const pages = [
  ['', page, wasm, 'pkg/web', expected],
  ['phone-', phonePage, phoneWasm, 'pkg/phone/web', phoneExpected],
];
for (const [prefix, source, wasmFile, from, shows] of pages) for (const [bundler, build] of Object.entries(builds)) {
  const name = `${prefix}${bundler}`;
  test(`${name}: the build emits the .wasm and the page runs the core under script-src 'self' 'wasm-unsafe-eval'`, async () => {
    const out = path.join(work, name);
    await build(out, source);
    const emitted = files(out).filter((f) => f.endsWith('.wasm'));
    assert.equal(emitted.length, 1, `${name} emitted ${files(out).join(', ')}`);
    assert.ok(fs.readFileSync(path.join(out, emitted[0])).equals(wasmFile), `${name}: ${emitted[0]} is ${from}'s .wasm`);

    const { tab, errors, violations } = await open(`${base}/${name}/`);
    await tab.waitForSelector('#result[data-state]', { timeout: 15_000 });
    assert.equal(await tab.textContent('#result'), shows);
    assert.equal(await tab.getAttribute('#result', 'data-state'), 'ready');
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await tab.close();
  });
}

test("Vite's dev server, with the README's optimizeDeps.exclude, runs the page under the same policy", async () => {
  // A project of its own with the package copied into node_modules, as npm installs it (a linked package is never pre-bundled).
  const dir = path.join(work, 'vite-dev');
  fs.mkdirSync(path.join(dir, 'node_modules/telschema'), { recursive: true });
  fs.cpSync(path.join(root, 'pkg'), path.join(dir, 'node_modules/telschema'), { recursive: true, dereference: true });
  for (const f of ['index.html', 'main.js']) fs.copyFileSync(path.join(page, f), path.join(dir, f));
  const readme = fs.readFileSync(path.join(root, 'js/README.md'), 'utf8');
  const config = readme.match(/```js\n(\/\/ vite\.config\.js\n[^`]*)```/);
  assert.ok(config, 'js/README.md has the vite.config.js');
  fs.writeFileSync(path.join(dir, 'vite.config.js'), config[1]);
  const { createServer } = await import('vite');
  const vite = await createServer({
    root: dir,
    configFile: path.join(dir, 'vite.config.js'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, headers: { 'content-security-policy': CSP } },
  });
  try {
    await vite.listen();
    const { tab, errors, violations } = await open(`http://127.0.0.1:${vite.httpServer.address().port}/`);
    await tab.waitForSelector('#result[data-state]', { timeout: 30_000 });
    assert.equal(await tab.textContent('#result'), expected);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await tab.close();
  } finally {
    await vite.close();
  }
});

test("without 'wasm-unsafe-eval' the page fails with the browser's error, which the README quotes", async (t) => {
  const out = path.join(work, 'esbuild');
  if (!fs.existsSync(path.join(out, 'index.html'))) await builds.esbuild(out, page);
  const { tab, errors, violations } = await open(`${base}/no-wasm-eval/esbuild/`);
  await tab.waitForSelector('#result[data-state]', { timeout: 15_000 });
  assert.equal(await tab.getAttribute('#result', 'data-state'), 'error');
  const shown = await tab.textContent('#result');
  assert.match(shown, /WebAssembly module violates the following Content Security policy directive/);
  assert.ok((await violations()).some((v) => v.startsWith('script-src')), 'a script-src violation was reported');
  // The page caught the error (and showed it); nothing else went wrong.
  assert.deepEqual(errors, []);
  // Both READMEs (the package's, from js/README.md, and the repository's) quote the browser's words; they must be these.
  for (const file of ['js/README.md', 'README.md']) {
    const quote = fs.readFileSync(path.join(root, file), 'utf8').match(/^> `(.*WebAssembly module violates.*)`$/m);
    assert.ok(quote, `${file} quotes the error on a line of its own ("> \`…\`")`);
    assert.ok(shown.endsWith(quote[1]), `${file} quotes\n  ${quote[1]}\nthe browser says\n  ${shown}`);
  }
  t.diagnostic(`the browser's error without 'wasm-unsafe-eval': ${shown}`);
  await tab.close();
});

test("the no-build demo page (www/) runs under script-src 'self' 'wasm-unsafe-eval'", async () => {
  const { tab, errors, violations } = await open(`${base}/www/`);
  await tab.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  // It judged the sample draft: the progress shows the core's percentage.
  const percent = await tab.textContent('#porting-percent');
  assert.match(percent, /^\d+% /);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await tab.close();
});
