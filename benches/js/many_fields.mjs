// Many fields through the npm package (pkg/node): a draft_sub_request with N
// unknown keys, given as JSON text, validated and checked. Medians of 5 runs
// in this process; prints one line per size. Not a test: `node
// benches/js/many_fields.mjs` (after `make pkg`).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const t = createRequire(import.meta.url)(path.join(root, 'pkg/node/telschema.js'));

function doc(n) {
  const fields = [];
  for (let i = 0; i < n; i++) fields.push(`"k${i.toString(36)}":1`);
  return `{"billing_phone_number":"+13125354200",${fields.join(',')}}`;
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const n of [40000, 100000]) {
  const text = doc(n);
  const times = { validate: [], check: [] };
  let warnings = 0;
  for (let r = 0; r < 5; r++) {
    let t0 = performance.now();
    const rep = t.validate('draft_sub_request', text);
    times.validate.push(performance.now() - t0);
    warnings = rep.warnings.length + (rep.omitted?.warnings ?? 0);
    t0 = performance.now();
    t.check('draft_sub_request', text);
    times.check.push(performance.now() - t0);
  }
  console.log(`${n} unknown fields (${(text.length / 1024).toFixed(0)} KiB): validate ${median(times.validate).toFixed(0)} ms, check ${median(times.check).toFixed(0)} ms (${warnings} warnings)`);
}
