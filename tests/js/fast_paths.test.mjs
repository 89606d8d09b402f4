// The wrapper's fast paths for normalize and normalizeMany (the compact
// exports: options read once per distinct text, inputs as one joined string
// with their lengths, compact records decoded in JavaScript) give exactly the
// objects of the general path (the glue's JSON exports, parsed), key order
// included, on a sample of the differential corpus and on inputs chosen to
// reach the decoder's edges (non-ASCII and astral text, tabs and newlines in
// inputs that messages quote, extensions, non-geographic numbers, failures,
// many options), on every surface of the full and the phone-only build;
// and documents sent as UTF-8 bytes answer as the glue reading the string.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { phone } from './surfaces.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const t = require(path.join(root, 'pkg/node/telschema.js'));
// The glue itself (its own instance): the JSON path the fast paths replace,
// for every surface (the full and the phone-only build, node and web).
const glue = require(path.join(root, 'pkg/node/telschema_glue.js'));

const cases = JSON.parse(fs.readFileSync(path.join(root, 'tests/corpus/google.json'), 'utf8')).cases;
const sample = cases.filter((_, i) => i % 7 === 0);
const edges = [
  '',
  '   ',
  'abc',
  '(312) 535-4200 ext. 12',
  '+1 312 535 4200 x7',
  '+800 1234 5678',
  '+882 3421 2345',
  '＋１ ３１２ ５３５ ４２００',
  '٠٢٠ ٧٩٤٦ ٠٩٥٨',
  '+44 20 7946 0958 \u{1F4DE}',
  '\u{1F4DE} +33 1 23 45 67 89',
  '+1 312\t535\n4200',
  'call\tme\non +1 312 535 4200 please',
  '+1 312 535 4200 Bob\t12',
  '1-800-FLOWERS',
  'tel:+1-312-535-4200;ext=99',
  '+33 0 1 23 45 67 89',
  '+999 123',
  '1'.repeat(300),
  '+1 (312) 535-42',
];

function general(input, options) {
  const r = JSON.parse(glue.normalize(input, options === undefined || typeof options === 'string' ? options : JSON.stringify(options)));
  return r.error ? { error: r.error } : r.ok;
}

function fast(input, options, api = t) {
  try {
    return api.normalize(input, options);
  } catch (e) {
    assert.equal(e.name, 'TelschemaError');
    return { error: { code: e.code, message: e.message } };
  }
}

const same = (a, b, what) => {
  assert.deepEqual(a, b, what);
  assert.equal(JSON.stringify(a), JSON.stringify(b), `${what}: key order`);
};

for (const [surface, api] of phone) {
  test(`${surface}: normalize per call: the same objects as the JSON path, corpus sample and edges`, () => {
    assert.ok(sample.length > 2000);
    for (const c of sample) same(fast(c.input, { defaultRegion: c.region }, api), general(c.input, { defaultRegion: c.region }), c.input);
    for (const input of edges) {
      for (const options of [undefined, { defaultRegion: 'GB' }, { phoneLevel: 'possible' }]) {
        same(fast(input, options, api), general(input, options), `${JSON.stringify(input)} ${JSON.stringify(options)}`);
      }
    }
  });

  test(`${surface}: options read once per text: many distinct options in turn, and option errors`, () => {
    const regions = ['US', 'GB', 'DE', 'FR', 'JP', 'BR', 'IN', 'AU', 'ZA', 'MX', 'CH', 'SE'];
    for (let round = 0; round < 3; round++) {
      for (const r of regions) {
        for (const input of ['020 7946 0958', '(312) 535-4200', '030 123456', '01 23 45 67 89']) {
          same(fast(input, { defaultRegion: r }, api), general(input, { defaultRegion: r }), `${input} ${r}`);
        }
      }
    }
    for (const options of [{ defaultRegion: 'XX' }, { color: 'red' }, '{"defaultRegion":"GB"}', '{not json', { phoneLevel: 'maybe' }]) {
      same(fast('+44 20 7946 0958', options, api), general('+44 20 7946 0958', options), JSON.stringify(options));
    }
  });

  test(`${surface}: normalizeMany: the same entries as one normalize each, ASCII, non-ASCII and astral batches`, () => {
    const many = (list, options) => {
      const got = api.normalizeMany(list, options);
      const want = JSON.parse(glue.normalizeMany(JSON.stringify(list), options === undefined ? undefined : JSON.stringify(options))).ok;
      same(got, want, `${list.length} inputs`);
      same(got, list.map((s) => general(s, options)), `${list.length} inputs, one by one`);
    };
    const byRegion = new Map();
    for (const c of sample) byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c.input]);
    for (const [region, inputs] of byRegion) many(inputs, { defaultRegion: region });
    many(edges);
    many(edges, { defaultRegion: 'FR' });
    many(sample.slice(0, 300).map((c) => c.input).concat(edges));
    many(['\u{1F4DE}', '+44 20 7946 0958', '日本 03-1234-5678', '+81 3-1234-5678']);
    many([]);
    many(['']);
    many(['', '', '+1 312 535 4200']);
    // Entries the fast path cannot take still go one by one.
    const mixed = api.normalizeMany(['+44 20 7946 0958', 42, '+1 312\ud800']);
    assert.deepEqual(mixed.map((x) => x.error?.code ?? x.e164), ['+442079460958', 'invalid_argument', 'invalid_unicode']);
    assert.throws(() => api.normalizeMany(['+44 20 7946 0958'], { color: 'red' }), { code: 'unknown_option' });
    assert.throws(() => api.normalizeMany(['+44 20 7946 0958'], '{not json'), { code: 'invalid_json' });
    assert.equal(api.normalizeMany(['+44 20 7946 0958'], { defaultRegion: 'XX' })[0].error.code, 'unknown_region');
  });
}

test('documents as UTF-8 bytes: the same answers as the glue reading the string', () => {
  const fixtures = [];
  for (const kind of fs.readdirSync(path.join(root, 'tests/fixtures')).sort()) {
    for (const file of fs.readdirSync(path.join(root, 'tests/fixtures', kind)).sort()) {
      const f = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures', kind, file), 'utf8'));
      if (f.document !== undefined) fixtures.push([kind, JSON.stringify(f.document, null, file.length % 2 ? 2 : 0)]);
    }
  }
  assert.ok(fixtures.length > 100);
  const wide = (n) => JSON.stringify({ description: 'é☎'.repeat(n), person_or_company_name: 'Zoë Ünal', billing_phone_number: '(312) 535-4200' });
  // One short of the reused buffer, past it (it grows), past 65,536 characters (a fresh encode), beyond the size limit.
  for (const text of [wide(2000), wide(3000), wide(40_000), wide(400_000), '{"a": 1, "a": 2}', '{"locality": "x"', '']) {
    fixtures.push(['draft_sub_request', text]);
  }
  for (const [kind, text] of fixtures) {
    for (const name of ['validate', 'check', 'completeness']) {
      let got;
      try {
        got = t[name](kind, text);
      } catch (e) {
        got = { error: { code: e.code, message: e.message } };
      }
      const out = glue[name](kind, text, undefined);
      const nl = name === 'check' ? out.indexOf('\n') : -1;
      const r = JSON.parse(nl < 0 ? out : out.slice(0, nl));
      if (name === 'check') {
        // The reply carries the document once, as text after a newline (only
        // when it is no error); the wrapper parses it into `document`.
        assert.equal(nl >= 0, r.ok !== undefined, `check's reply has the document text exactly when ok ${kind}`);
      }
      if (name === 'check' && r.ok) {
        assert.deepEqual([r.ok.document, r.ok.documentJson], [null, null], `check's reply holds no second copy ${kind}`);
        r.ok.documentJson = out.slice(nl + 1);
        r.ok.document = JSON.parse(r.ok.documentJson);
      }
      same(got, r.error ? { error: r.error } : r.ok, `${name} ${kind} ${text.slice(0, 60)}`);
    }
  }
});

// normalize and normalizeMany remember the options text of an options object
// (js/api.js, phoneOptions): a change to that object between calls (a value,
// a new or removed key, a getter's value) is read, never the text remembered.
test('an options object changed between calls is read again', () => {
  const o = { defaultRegion: 'FR' };
  assert.equal(t.normalize('06 12 34 56 78', o).e164, '+33612345678');
  assert.equal(t.normalize('06 12 34 56 78', o).e164, '+33612345678');
  o.defaultRegion = 'NL';
  assert.equal(t.normalize('06 12 34 56 78', o).e164, '+31612345678');
  assert.equal(t.normalizeMany(['06 12 34 56 78'], o)[0].e164, '+31612345678');
  o.bogus = 'x';
  assert.throws(() => t.normalize('06 12 34 56 78', o), { code: 'unknown_option' });
  delete o.bogus;
  assert.equal(t.normalize('06 12 34 56 78', o).e164, '+31612345678');
  let region = 'FR';
  const g = {};
  Object.defineProperty(g, 'defaultRegion', { get: () => region, enumerable: true });
  assert.equal(t.normalize('06 12 34 56 78', g).e164, '+33612345678');
  region = 'NL';
  assert.equal(t.normalize('06 12 34 56 78', g).e164, '+31612345678');
  assert.equal(t.normalizeMany(['06 12 34 56 78'], g)[0].e164, '+31612345678');
  // Options holding a Date (never remembered) answer the same call after call.
  const when = { defaultRegion: 'FR', now: new Date('2026-01-01T00:00:00Z') };
  assert.equal(t.normalize('06 12 34 56 78', when).e164, '+33612345678');
  when.defaultRegion = 'NL';
  assert.equal(t.normalize('06 12 34 56 78', when).e164, '+31612345678');
});
