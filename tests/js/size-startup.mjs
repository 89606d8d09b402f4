// Prints the package's size and start-up figures (make test; a report, not a
// test: timings on a shared machine are noisy, so the median of fresh
// processes is given). Budget from the WebAssembly issue: the .wasm at most
// 800 KB gzip; instantiate + first check in Node at most 60 ms.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
// A module's code and data sections (the machine code, and the metadata
// tables with every other constant), each gzipped on its own.
function sections(wasm) {
  const found = {};
  let i = 8;
  const leb = () => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const b = wasm[i++];
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
  };
  while (i < wasm.length) {
    const id = wasm[i++];
    const size = leb();
    if (id === 10 || id === 11) found[id === 10 ? 'code' : 'data'] = wasm.subarray(i, i + size);
    i += size;
  }
  return Object.entries(found)
    .map(([name, bytes]) => `${name} ${bytes.length} (gzip ${zlib.gzipSync(bytes, { level: 9 }).length})`)
    .join(', ');
}

// The full build, and beside it the phone-only one (telschema/phone).
function sizes(file) {
  const wasm = fs.readFileSync(path.join(root, file));
  const gz = zlib.gzipSync(wasm, { level: 9 }).length;
  const br = zlib.brotliCompressSync(wasm).length;
  console.log(`${file}: ${wasm.length} bytes (${kb(wasm.length)}), gzip -9 ${gz} bytes (${kb(gz)}), brotli ${br} bytes (${kb(br)}); ${sections(wasm)}`);
  return gz;
}
const gz = sizes('pkg/web/telschema_glue_bg.wasm');
const phoneGz = sizes('pkg/phone/web/telschema_glue_bg.wasm');

// In a fresh Node process: require pkg/node (read + compile + instantiate the
// module) and the first check of a porting draft, timed from inside.
const probe = `
const t0 = process.hrtime.bigint();
const t = require(${JSON.stringify(path.join(root, 'pkg/node/telschema.js'))});
const t1 = process.hrtime.bigint();
const doc = require(${JSON.stringify(path.join(root, 'benches/docs/draft_sub_request.json'))});
const r = t.check('draft_sub_request', doc);
const t2 = process.hrtime.bigint();
if (!r.report) throw new Error('no report');
console.log(JSON.stringify([Number(t1 - t0) / 1e6, Number(t2 - t1) / 1e6]));
`;
const runs = [];
for (let i = 0; i < 9; i++) runs.push(JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = median(runs.map((r) => r[0]));
const first = median(runs.map((r) => r[1]));
const total = median(runs.map((r) => r[0] + r[1]));
console.log(
  `instantiate + first check in Node (median of ${runs.length} fresh processes): ${total.toFixed(1)} ms ` +
    `(load and instantiate ${load.toFixed(1)} ms, first check ${first.toFixed(1)} ms)`,
);
console.log(`budget: wasm <= 800 KB gzip: ${gz <= 800 * 1024 ? 'met' : 'NOT met'}; start-up <= 60 ms: ${total <= 60 ? 'met' : 'NOT met'}`);
console.log(`target (issue 18): phone-only wasm <= 64 KB gzip: ${phoneGz <= 64 * 1024 ? 'met' : `NOT met (${kb(phoneGz - 64 * 1024)} over)`}`);
