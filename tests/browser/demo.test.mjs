// The demo page in a real browser: Debian's Chromium driven by
// playwright-core. Serves the repository, opens /www/, types a partial
// porting draft and checks what the page shows against the same core in
// Node (pkg/node), completes the draft and submits it; fails on any console
// error; saves a screenshot to target/browser/demo.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const telschema = require(path.join(root, 'pkg/node/telschema.js'));
const shots = path.join(root, 'target/browser');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
let server;
let browser;
let base;
const consoleErrors = [];

before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openDemo(viewport) {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${base}/www/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return page;
}

const id = (p) => `#porting-form-${p.replace(/\//g, '-')}`;
const SAMPLE = [
  { phone_number: '+13125354200', svtype: 'landline' },
  { phone_number: '+13125354500', svtype: 'landline' },
];

test('the porting form judges a draft as the core does, and submits it when complete', async () => {
  const page = await openDemo({ width: 1280, height: 900 });
  // A partial draft with a wrong country and a national-format billing number.
  await page.fill(id('auth_person_name'), 'Jane Smith');
  await page.fill(id('billing_phone_number'), '(312) 535-4200');
  await page.fill(id('country_code'), 'XX');
  const partial = {
    phone_numbers: SAMPLE,
    auth_person_name: 'Jane Smith',
    billing_phone_number: '(312) 535-4200',
    country_code: 'XX',
  };
  const expected = telschema.check('draft_sub_request', partial);

  assert.equal(await page.textContent(`${id('country_code')}-msg`), 'Must be an ISO 3166-1 alpha-2 country code (such as US or DE).');
  assert.equal(await page.getAttribute(id('country_code'), 'aria-invalid'), 'true');
  assert.equal(await page.textContent(`${id('billing_phone_number')}-hint`), '+13125354200 · fixed line or mobile');
  assert.equal(await page.textContent(`${id('auth_person_name')}-msg`), '');
  const percent = await page.textContent('#porting-percent');
  assert.ok(percent.startsWith(`${expected.completeness.percent}% `), `${percent} vs ${expected.completeness.percent}`);
  const next = await page.getAttribute('#porting-form .field.next', 'id');
  assert.equal(next, `porting-form-${expected.completeness.next.slice(1).replace(/\//g, '-')}-field`);
  assert.equal(await page.isDisabled('#porting-submit'), true);

  // A wireless number makes the PIN and account number necessary.
  await page.check('#wireless');
  assert.match(await page.textContent('#porting-missing'), /PIN or passcode — Required because \+13125354500 is a wireless number\./);

  // Complete it.
  const values = {
    country_code: 'US',
    person_or_company_name: 'Acme Corp',
    account_number: 'ACC-42',
    pin_passcode: '1234',
    street_address: '311 W Superior St',
    locality: 'Chicago',
    administrative_area: 'IL',
    postal_code: '60654',
    default_connection_id: '1293384261075731499',
    default_message_profile_id: '4001767e-ce0f-4cae-9d5f-0d5e636e7809',
  };
  for (const [k, v] of Object.entries(values)) await page.fill(id(k), v);
  await page.fill(id('foc_date_requested_by_user'), '2027-03-01T09:00');
  await page.selectOption(id('porting_option/type'), 'full');
  assert.equal(await page.textContent('#porting-percent').then((t) => t.split('%')[0]), '100');
  assert.equal(await page.isDisabled('#porting-submit'), false);
  await page.click('#porting-submit');
  const body = await page.textContent('#porting-body');
  const update = JSON.parse(body.slice(body.indexOf('\n') + 1));
  assert.equal(update.billing_phone_number, '+13125354200');
  assert.equal(update.country_code, 'US');
  assert.equal(update.porting_option.type, 'full');
  assert.equal(update.phone_numbers, undefined, 'the update body holds only the editable fields');

  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'demo.png'), fullPage: true });
  await page.close();
});

test('the E911 form shows the Kazoo error body, and the paste panel judges any kind', async () => {
  const page = await openDemo({ width: 390, height: 844 });
  await page.fill('#e911-form-e911-street_address', '311 W Superior St');
  await page.fill('#e911-form-e911-region', 'Illinois');
  assert.equal(await page.textContent('#e911-form-e911-region-msg'), 'Must be at most 2 characters.');
  assert.equal(await page.getAttribute('#e911-form-e911-region', 'aria-invalid'), 'true');
  await page.check('#kazoo-toggle');
  const kazoo = JSON.parse(await page.textContent('#kazoo-body'));
  assert.equal(kazoo.error, '400');
  assert.deepEqual(Object.keys(kazoo.data).sort(), ['e911.locality', 'e911.postal_code', 'e911.region']);
  await page.fill('#e911-form-e911-region', 'IL');
  await page.fill('#e911-form-e911-locality', 'Chicago');
  await page.fill('#e911-form-e911-postal_code', '60654');
  assert.equal(await page.isDisabled('#e911-submit'), false);

  await page.fill('#paste-text', '{"phone_numbers": [{"phone_number": "+13125354200"}]}');
  assert.match(await page.textContent('#paste-error'), /^ambiguous_kind: /);
  await page.selectOption('#paste-kind', 'portability_check');
  assert.match(await page.textContent('#paste-report'), /Valid portability_check\./);
  await page.screenshot({ path: path.join(shots, 'demo-narrow.png'), fullPage: true });
  await page.close();
});

test('no console errors', () => {
  assert.deepEqual(consoleErrors, []);
});
