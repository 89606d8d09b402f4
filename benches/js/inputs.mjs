// The bench's inputs, drawn (seeded) so that no figure is measured on what the
// package's own tests use: numbers from the differential corpus
// (tests/corpus/google.json, metadata examples in every written style) minus
// every number that appears in a test of the package (tests/fixtures,
// tests/js, tests/browser), and porting documents assembled from lists of
// names, places and corpus numbers, none equal to a fixture document (checked
// here). run.mjs writes them to benches/js/corpus.json for child.mjs.
import fs from 'node:fs';
import path from 'node:path';

export const REGIONS = 'US CA GB DE FR IT ES NL BE CH AT SE NO DK FI PL CZ IE PT GR AU NZ JP KR CN IN SG HK BR MX AR CL CO ZA NG EG AE IL TR'.split(' ');

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'node_modules' ? [] : e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** Every digit string (6 or more digits) written in the package's tests. */
function testedDigits(root) {
  const files = ['tests/fixtures', 'tests/js', 'tests/browser'].flatMap((d) => walk(path.join(root, d))).filter((f) => /\.(json|m?js|ts|html)$/.test(f));
  const digits = new Set();
  for (const f of files) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/\+?[0-9][0-9 ().-]{4,}[0-9]/g)) {
      const d = m[0].replace(/\D/g, '');
      if (d.length >= 6) digits.add(d);
    }
  }
  return digits;
}

function seeded(seed) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

export function draw(root, lpn, count = 10_000) {
  const googleCorpus = JSON.parse(fs.readFileSync(path.join(root, 'tests/corpus/google.json'), 'utf8'));
  const tested = testedDigits(root);
  const untested = (c) => {
    const input = c.input.replace(/\D/g, '');
    const e164 = (c.google?.e164 ?? '').replace(/\D/g, '');
    if (tested.has(input) || (e164 && tested.has(e164))) return false;
    for (const d of tested) if (d.length >= 7 && e164 && e164.endsWith(d)) return false;
    return true;
  };
  const all = googleCorpus.cases.filter((c) => REGIONS.includes(c.region) || REGIONS.includes(c.google?.region));
  const pool = all.filter(untested);
  const random = seeded(42);
  const numbers = Array.from({ length: count }, () => pool[Math.floor(random() * pool.length)]);

  // US numbers for the documents: random lines in real area codes, kept when
  // libphonenumber-js (max) calls them valid (the corpus holds one US example).
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const areas = [303, 512, 503, 617, 404, 206, 602, 615, 720, 737, 971, 857, 470, 425, 480, 629];
  const us = [];
  while (us.length < 200) {
    const e164 = `+1${pick(areas)}${2 + Math.floor(random() * 8)}${String(Math.floor(random() * 100)).padStart(2, '0')}${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
    if (e164.slice(5, 8) !== '555' && !tested.has(e164.slice(1)) && !tested.has(e164.slice(2)) && lpn.parsePhoneNumberFromString(e164)?.isValid()) us.push(e164);
  }
  const national = (e164) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
  const dashed = (e164) => `${e164.slice(2, 5)}-${e164.slice(5, 8)}-${e164.slice(8)}`;
  const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
  const companies = ['Northwind Traders', 'Lakeside Dental LLC', 'Blue Ridge Logistics', 'Harbor & Pine Law', 'Quill Analytics Inc', 'Maple Street Bakery', 'Orion Freight', 'Summit Physical Therapy'];
  const people = ['Maria Lopez', 'Daniel Okafor', 'Priya Raman', 'Tom Becker', 'Aiko Tanaka', 'Samuel Reyes', 'Grace Liu', 'Omar Haddad'];
  const places = [
    ['Denver', 'CO', '80202', '1550 Wewatta St'],
    ['Austin', 'TX', '78701', '600 Congress Ave'],
    ['Portland', 'OR', '97205', '1120 SW 5th Ave'],
    ['Boston', 'MA', '02110', '100 Summer St'],
    ['Atlanta', 'GA', '30303', '55 Park Pl NE'],
    ['Seattle', 'WA', '98101', '1301 5th Ave'],
    ['Phoenix', 'AZ', '85004', '2 N Central Ave'],
    ['Nashville', 'TN', '37219', '222 3rd Ave N'],
  ];
  const day = () => `2027-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}T1${Math.floor(random() * 8)}:00:00Z`;
  const common = () => {
    const [locality, area, postal, street] = pick(places);
    return {
      foc_date_requested_by_user: day(),
      person_or_company_name: pick(companies),
      auth_person_name: pick(people),
      billing_phone_number: pick(us),
      street_address: street,
      extended_address: `Floor ${2 + Math.floor(random() * 30)}`,
      locality,
      administrative_area: area,
      postal_code: postal,
      country_code: 'US',
      default_connection_id: String(1_000_000_000_000_000_000n + BigInt(Math.floor(random() * 1e15))),
      default_message_profile_id: uuid(),
      porting_option: { type: 'partial', remaining_numbers_action: 'keep', new_billing_phone_number: pick(us) },
      pin_passcode: String(1000 + Math.floor(random() * 9000)),
      account_number: `AC-${100 + Math.floor(random() * 900)}`,
    };
  };
  // validate: a porting update with every field, both numbers in E.164.
  const updates = Array.from({ length: 64 }, common);
  // check: a draft whose two phone fields are in national form (two rewrites).
  const drafts = Array.from({ length: 64 }, () => {
    const d = common();
    d.billing_phone_number = national(d.billing_phone_number);
    d.porting_option.new_billing_phone_number = dashed(d.porting_option.new_billing_phone_number);
    const own = pick(us);
    return {
      ...d,
      id: uuid(),
      complete: true,
      phone_numbers: [{ phone_number: own, svtype: 'landline', carrier_name: 'Lumen', coverage_category: 'nanp_generic', portability_status: 'confirmed' }],
      phone_number_count: 1,
      created_at: '2026-11-20T16:00:00Z',
      description: `${d.locality} office`,
    };
  });
  const fixtureDocs = new Set(
    walk(path.join(root, 'tests/fixtures'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))
      .map((j) => JSON.stringify(j.document ?? j.input ?? j)),
  );
  for (const d of [...updates, ...drafts]) {
    if (fixtureDocs.has(JSON.stringify(d))) throw new Error('a bench document equals a fixture document');
  }
  return {
    numbers: numbers.map(({ input, region }) => ({ input, region })),
    cases: numbers,
    poolSize: pool.length,
    excluded: all.length - pool.length,
    updates: updates.map((d) => JSON.stringify(d)),
    drafts: drafts.map((d) => JSON.stringify(d)),
    differs: new Set(googleCorpus.metadataDiffers),
  };
}
