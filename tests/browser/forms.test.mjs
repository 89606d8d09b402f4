// telschema's Standard Schema object in real form libraries, in Debian's
// Chromium (playwright-core): a React Hook Form page (standardSchemaResolver)
// and a TanStack Form page (validators.onChange), each built by Vite into a
// temporary directory and served from it. Typing into the fields must show
// the message pkg/node's core gives for the same document; fixing them must
// clear it and let the submit through. Any console error fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

import { launchChromium, listen, sendFile } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const telschema = require(path.join(root, 'pkg/node/telschema.js'));

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'telschema-forms-'));
let server;
let browser;
let base;
const consoleErrors = [];

before(async () => {
  for (const page of ['rhf', 'tanstack']) {
    await build({
      configFile: false,
      root: path.join(root, 'tests/browser/forms', page),
      base: './',
      logLevel: 'warn',
      // The package as built in pkg/ (its browser entry), whether or not node_modules/telschema links it.
      resolve: { alias: { telschema: path.join(root, 'pkg/web/telschema.js') } },
      build: {
        outDir: path.join(out, page),
        emptyOutDir: true,
        // TanStack's "use client" lines mean nothing outside a server-components bundler.
        rollupOptions: { onwarn: (w, warn) => w.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(w) },
      },
    });
  }
  ({ server, base } = await listen((req, res) => sendFile(res, out, new URL(req.url, 'http://x').pathname)));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  fs.rmSync(out, { recursive: true, force: true });
  assert.deepEqual(consoleErrors, [], 'no console errors');
});

async function open(name) {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${name}: ${m.text()}`));
  page.on('pageerror', (e) => consoleErrors.push(`${name}: ${e}`));
  await page.goto(`${base}/${name}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return page;
}

// The error message the core gives for a field of a document.
const coreError = (report, pointer) => report.errors.filter((i) => i.path === pointer).map((i) => i.message)[0] ?? '';
const text = (page, selector) => page.locator(selector).textContent();
// Waits until the element's text is the expected one (React renders after the validation), then asserts it.
async function expectText(page, selector, expected) {
  await page
    .waitForFunction(([s, t]) => document.querySelector(s)?.textContent === t, [selector, expected], { timeout: 5_000 })
    .catch(() => {});
  assert.equal(await text(page, selector), expected, selector);
}

test('React Hook Form: standardSchemaResolver shows the core\'s messages, the warnings through onReport, and submits once fixed', async () => {
  const page = await open('rhf');
  // The page's first validation ran before init() had finished: a Promise, answered with the empty form's errors.
  assert.equal(await page.getAttribute('body', 'data-early'), `true ${telschema.validate('e911', {}).errors.length}`);

  // Saving the empty form: the required fields, as the core names them (blank inputs count as absent).
  await page.click('#submit');
  await expectText(page, '#attempts', 'invalid');
  const empty = telschema.validate('e911', {});
  for (const name of ['street_address', 'locality', 'region', 'postal_code']) {
    const expected = coreError(empty, `/${name}`);
    assert.ok(expected, name);
    await expectText(page, `#${name}-error`, expected);
  }
  assert.equal(await text(page, '#submitted'), '');

  await page.fill('#street_address', '311 W Superior St');
  await page.fill('#locality', 'Chicago');
  await page.locator('#region').pressSequentially('Illinois');
  await page.locator('#postal_code').pressSequentially('606');
  await page.locator('#caller_name').pressSequentially('Al');
  const typed = { street_address: '311 W Superior St', locality: 'Chicago', region: 'Illinois', postal_code: '606', caller_name: 'Al' };
  const report = telschema.validate('e911', typed);
  const regionError = coreError(report, '/region');
  const callerError = coreError(report, '/caller_name');
  assert.ok(regionError && callerError, 'the core finds the state and the caller name wrong');
  await expectText(page, '#region-error', regionError);
  await expectText(page, '#caller_name-error', callerError);
  await expectText(page, '#street_address-error', '');
  // A ZIP code too short is a warning: not an error, shown from onReport.
  const warning = report.warnings.find((w) => w.path === '/postal_code');
  assert.ok(warning, 'the core warns on the ZIP code');
  await expectText(page, '#postal_code-error', '');
  await expectText(page, '#postal_code-warning', warning.message);

  await page.click('#submit');
  await expectText(page, '#attempts', 'invalid invalid');
  assert.equal(await text(page, '#submitted'), '', 'errors block the submit');

  // Fix the state and the ZIP code; empty the optional caller name (a blank input is absent).
  await page.fill('#region', 'IL');
  await page.fill('#postal_code', '60654');
  await page.fill('#caller_name', '');
  await expectText(page, '#region-error', '');
  await expectText(page, '#caller_name-error', '');
  await expectText(page, '#postal_code-warning', '');
  await page.click('#submit');
  const fixed = { street_address: '311 W Superior St', locality: 'Chicago', region: 'IL', postal_code: '60654' };
  assert.equal(telschema.validate('e911', fixed).valid, true);
  await expectText(page, '#attempts', 'invalid invalid sent');
  assert.deepEqual(JSON.parse(await text(page, '#submitted')), fixed, 'the resolver hands over the document without the blank field');
  await page.close();
});

test('TanStack Form: validators.onChange shows the core\'s messages per field, and submits the normalized draft once fixed', async () => {
  const page = await open('tanstack');
  await page.fill('#auth_person_name', 'Jane Smith');
  await page.locator('#billing_phone_number').pressSequentially('312 55');
  await page.locator('#administrative_area').pressSequentially('Illinois');
  const typed = { auth_person_name: 'Jane Smith', billing_phone_number: '312 55', administrative_area: 'Illinois' };
  const report = telschema.check('draft_sub_request', typed).report;
  const phoneError = coreError(report, '/billing_phone_number');
  const stateError = coreError(report, '/administrative_area');
  assert.ok(phoneError && stateError, 'the core finds the number and the state wrong');
  await expectText(page, '#billing_phone_number-error', phoneError);
  await expectText(page, '#administrative_area-error', stateError);
  await expectText(page, '#auth_person_name-error', '');
  await expectText(page, '#postal_code-error', '');

  await page.click('#submit');
  await expectText(page, '#attempts', 'invalid');
  assert.equal(await text(page, '#submitted'), '', 'errors block the submit');

  // A national-format number is fine: the schema judges the normalized document.
  await page.fill('#billing_phone_number', '(312) 535-4200');
  await page.fill('#administrative_area', 'IL');
  await page.fill('#postal_code', '60654');
  await expectText(page, '#billing_phone_number-error', '');
  await expectText(page, '#administrative_area-error', '');
  await page.click('#submit');
  const fixed = { auth_person_name: 'Jane Smith', billing_phone_number: '(312) 535-4200', administrative_area: 'IL', postal_code: '60654' };
  const outcome = telschema.check('draft_sub_request', fixed);
  assert.equal(outcome.report.valid, true);
  await expectText(page, '#attempts', 'invalid sent');
  const sent = JSON.parse(await text(page, '#submitted'));
  assert.deepEqual(sent, outcome.document);
  assert.equal(sent.billing_phone_number, '+13125354200');
  await page.close();
});
