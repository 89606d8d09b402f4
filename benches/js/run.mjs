// make bench: telschema's pkg/node against the JavaScript stack a user would
// pick instead (libphonenumber-js max, google-libphonenumber, ajv), one fresh
// Node process per measurement, ours and theirs alternating, several rounds;
// medians and the ratio ours/theirs from the same run, each beside issue 18's
// target. Writes benches/RESULTS.md with the machine, versions, date, both
// .wasm sizes and the native criterion figures (cargo bench runs first in
// make bench).
//   ROUNDS=7 TELSCHEMA_PKG=pkg node benches/js/run.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { draw, REGIONS } from './inputs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const pkg = path.resolve(root, process.env.TELSCHEMA_PKG ?? 'pkg');
const lpn = require('libphonenumber-js/max');

const inputs = draw(root, lpn);
const corpus = inputs.cases;
fs.writeFileSync(
  path.join(root, 'benches/js/corpus.json'),
  JSON.stringify({ numbers: inputs.numbers, updates: inputs.updates, drafts: inputs.drafts }),
);

function measure(mode) {
  const out = execFileSync(process.execPath, [path.join(root, 'benches/js/child.mjs'), mode], {
    encoding: 'utf8',
    env: { ...process.env, TELSCHEMA_PKG: pkg },
  });
  return JSON.parse(out.trim().split('\n').pop()).result;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// [label, ours, theirs, unit, better, target ratio, peer name]
const LPN = 'libphonenumber-js/max';
const STACK = 'JSON.parse + ajv + libphonenumber-js';
const pairs = [
  ['normalize, per call', 'normalize-ours', 'normalize-lpn', 'numbers/s', 'higher', 4, LPN],
  ['normalizeMany', 'normalize-many-ours', 'normalize-lpn', 'numbers/s', 'higher', 8, LPN],
  ['normalize, per call, vs Google', 'normalize-ours', 'normalize-google', 'numbers/s', 'higher', null, 'google-libphonenumber'],
  ['validate, JSON text in', 'validate-ours', 'validate-js', 'documents/s', 'higher', 2, `${STACK} isValid`],
  ['check, JSON text in', 'check-ours', 'check-js', 'documents/s', 'higher', 1.5, `${STACK} rewrite to E.164`],
  ['cold start (load + first check)', 'cold-ours', 'cold-js', 'ms', 'lower', 0.2, 'ajv compile + libphonenumber-js load'],
];
const results = {};
const modes = [...new Set(pairs.flatMap(([, a, b]) => [a, b]))];
for (let round = 0; round < ROUNDS; round++) {
  for (const [, a, b] of pairs) {
    for (const mode of round % 2 ? [b, a] : [a, b]) {
      // A mode shared by two pairs is measured once per round.
      if ((results[mode] ?? []).length > round) continue;
      (results[mode] ??= []).push(measure(mode));
    }
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
}
if (!modes.every((m) => results[m].length === ROUNDS)) throw new Error('a mode was not measured every round');

// Agreement with Google's answers on the same corpus (validity and E.164).
const t = require(path.join(pkg, 'node/telschema.js'));
const agreement = (cases) => {
  let oursAgree = 0;
  let lpnAgree = 0;
  for (const c of cases) {
    const g = c.google?.e164 ? { e164: c.google.e164, valid: c.google.valid } : null;
    let o = null;
    try {
      const n = t.normalize(c.input, { defaultRegion: c.region });
      o = { e164: n.e164, valid: n.valid };
    } catch {}
    const p = lpn.parsePhoneNumberFromString(c.input, c.region);
    const l = p ? { e164: p.number, valid: p.isValid() } : null;
    const same = (x) => (x === null && g === null) || (x && g && x.e164 === g.e164 && x.valid === g.valid);
    oursAgree += same(o) ? 1 : 0;
    lpnAgree += same(l) ? 1 : 0;
  }
  return `telschema ${((100 * oursAgree) / cases.length).toFixed(2)}%, libphonenumber-js ${((100 * lpnAgree) / cases.length).toFixed(2)}%`;
};
const differs = inputs.differs;
const compared = corpus.filter((c) => !differs.has(c.region) && !differs.has(c.google?.region));

// Sizes: our .wasm files against esbuild bundles (minified) of the peers.
const esbuild = require('esbuild');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const br = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
async function bundle(code) {
  const r = await esbuild.build({ stdin: { contents: code, resolveDir: root }, bundle: true, minify: true, format: 'esm', write: false, platform: 'browser' });
  const b = Buffer.from(r.outputFiles[0].contents);
  return { gzip: gz(b), brotli: br(b) };
}
function walk(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];
}
const wasmSize = (file) => {
  const b = fs.readFileSync(file);
  return { file: path.relative(root, file), bytes: b.length, gzip: gz(b), brotli: br(b) };
};
const fullWasm = wasmSize(path.join(pkg, 'web/telschema_glue_bg.wasm'));
// The phone-only build (its own entry, e.g. telschema/phone): any .wasm in the
// package with "phone" in its path, the web target's when there are two.
const phoneFiles = walk(pkg).filter((f) => f.endsWith('.wasm') && /phone/i.test(path.relative(pkg, f)));
const phoneFile = phoneFiles.find((f) => f.includes(`${path.sep}web${path.sep}`)) ?? phoneFiles[0];
const phoneWasm = phoneFile ? wasmSize(phoneFile) : null;
const jsFiles = ['web/telschema.js', 'web/telschema_glue.js'].map((f) => fs.readFileSync(path.join(pkg, f)));
const sizes = {
  oursJs: jsFiles.reduce((s, b) => s + gz(b), 0),
  lpn: await bundle("export * from 'libphonenumber-js/max';"),
  ajv: await bundle("import Ajv2020 from 'ajv/dist/2020'; import addFormats from 'ajv-formats'; export { Ajv2020, addFormats };"),
  google: await bundle("export * from 'google-libphonenumber';"),
};

// Native figures from criterion (make bench runs cargo bench first).
function criterion(...dirs) {
  for (const dir of dirs) {
    const f = path.join(root, 'target/criterion', dir, 'new/estimates.json');
    if (fs.existsSync(f)) return JSON.parse(fs.readFileSync(f, 'utf8')).median.point_estimate;
  }
  return null;
}
const nativeNormalizeNs = criterion('normalize/mixed_corpus');
const nativeValidateNs = criterion('validate_draft_sub_request_update_from_json', 'validate/draft_sub_request_update_from_json');
const nativeValidateParsedNs = criterion('validate_draft_sub_request_update', 'validate/draft_sub_request_update');
const nativeCheckNs = criterion('check_draft_sub_request', 'check/draft_sub_request');
const nativeCases = JSON.parse(fs.readFileSync(path.join(root, 'tests/corpus/google.json'), 'utf8')).cases.length;
const nativeRate = nativeNormalizeNs ? nativeCases / (nativeNormalizeNs / 1e9) : null;

const version = (name) => require(`${name}/package.json`).version;
const n0 = (v) => Math.round(v).toLocaleString('en-US');
const fmt = (v, unit) => (unit === 'ms' ? `${v.toFixed(1)} ms` : `${n0(v)} ${unit}`);
const met = (ok) => (ok ? '**met**' : 'not met');
const rows = pairs.map(([label, a, b, unit, better, target, peer]) => {
  const ma = median(results[a]);
  const mb = median(results[b]);
  const ratio = ma / mb;
  const goal = target === null ? '—' : better === 'higher' ? `≥ ${target}×` : `≤ ${target}×`;
  const verdict = target === null ? '—' : met(better === 'higher' ? ratio >= target : ratio <= target);
  return `| ${label} | ${fmt(ma, unit)} | ${fmt(mb, unit)} (${peer}) | ${ratio.toFixed(2)}× | ${goal} | ${verdict} |`;
});
const kb = (v) => `${(v / 1000).toFixed(1)} KB`;
const peerGzip = sizes.lpn.gzip + sizes.ajv.gzip;
const sizeRows = [
  `| full package \`.wasm\` (${fullWasm.file}, ${n0(fullWasm.bytes)} bytes) | ${kb(fullWasm.gzip)} (${n0(fullWasm.gzip)}) | ${kb(fullWasm.brotli)} | libphonenumber-js/max + ajv: ${kb(peerGzip)} (${(fullWasm.gzip / peerGzip).toFixed(2)}×) | ≤ 190 KB gzip | ${met(fullWasm.gzip <= 190_000)} |`,
  `| moonshot: full \`.wasm\` ≤ libphonenumber-js/max + ajv | ${kb(fullWasm.gzip)} | | ${kb(peerGzip)} | ≤ ${kb(peerGzip)} | ${met(fullWasm.gzip <= peerGzip)} |`,
  phoneWasm
    ? `| phone-only \`.wasm\` (${phoneWasm.file}, ${n0(phoneWasm.bytes)} bytes) | ${kb(phoneWasm.gzip)} (${n0(phoneWasm.gzip)}) | ${kb(phoneWasm.brotli)} | libphonenumber-js/max: ${kb(sizes.lpn.gzip)} (${(phoneWasm.gzip / sizes.lpn.gzip).toFixed(2)}×) | ≤ 64 KB gzip | ${met(phoneWasm.gzip <= 64_000)} |`
    : `| phone-only \`.wasm\` | not built (no .wasm with "phone" in its path under ${path.relative(root, pkg) || '.'}) | | libphonenumber-js/max: ${kb(sizes.lpn.gzip)} | ≤ 64 KB gzip | not met |`,
];
const nativeRows = [
  nativeRate
    ? `| normalize, mixed corpus (${n0(nativeCases)} numbers), one thread | ${n0(nativeRate)} numbers/s (${(nativeNormalizeNs / nativeCases).toFixed(0)} ns each) | ≥ 1,500,000 numbers/s | ${met(nativeRate >= 1_500_000)} |`
    : '| normalize | no criterion figures (run cargo bench) | ≥ 1,500,000 numbers/s | not measured |',
  nativeValidateNs ? `| validate, JSON text in (benches/docs/draft_sub_request_update.json) | ${(nativeValidateNs / 1000).toFixed(2)} µs${nativeValidateParsedNs ? ` (${(nativeValidateParsedNs / 1000).toFixed(2)} µs from a parsed value)` : ''} | — | — |` : null,
  nativeCheckNs ? `| check (benches/docs/draft_sub_request.json) | ${(nativeCheckNs / 1000).toFixed(2)} µs | — | — |` : null,
].filter(Boolean);
const coldJsMedian = median(results['cold-js']);
const md = `# Benchmark results

Written by \`make bench\` (benches/js/run.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, load average ${os.loadavg()[0].toFixed(1)} at the end; Node ${process.version}.
Peers: libphonenumber-js ${version('libphonenumber-js')} (max metadata), google-libphonenumber ${version('google-libphonenumber')}, ajv ${version('ajv')} + ajv-formats ${version('ajv-formats')}; telschema ${path.relative(root, pkg) || '.'}/node ${require(path.join(pkg, 'package.json')).version}.

Each figure is the median of ${ROUNDS} fresh Node processes, ours and theirs alternating; ratios are of medians from this run; targets are issue 18's. Each throughput is measured after ${Number(process.env.WARM_MS ?? 1000)} ms of warm-up (\`WARM_MS\`), the same for both sides: V8 runs WebAssembly first from a baseline compile and tiers hot functions up on background threads, which a busy machine delays (with 3 warm-up calls only, as before, ours measured about half its steady rate on validate and check). The machine is shared and noisy: read ratios, not absolute figures.

| what | telschema | peer | ratio (ours/theirs) | target | |
|---|---|---|---|---|---|
${rows.join('\n')}

| size | gzip -9 (bytes) | brotli 11 | peer (gzip -9, esbuild minified) | target | |
|---|---|---|---|---|---|
${sizeRows.join('\n')}

Native (criterion, \`cargo bench --bench normalize --bench validate\`, medians):

| what | telschema | target | |
|---|---|---|---|
${nativeRows.join('\n')}

- Inputs (benches/js/inputs.mjs, seeded; none is used by a test of the package): ${corpus.length.toLocaleString('en-US')} numbers from ${REGIONS.length} regions drawn from tests/corpus/google.json (the differential corpus: metadata examples in every written style), leaving out the ${inputs.excluded} whose digits appear in tests/fixtures, tests/js or tests/browser; ${inputs.updates.length} porting updates and ${inputs.drafts.length} porting drafts assembled from names, places and US numbers drawn for the bench, checked to equal no fixture document.
- normalize: parse + validity + E.164 per number; ours is \`normalize(input, { defaultRegion })\` per number (each call throws for an input with no E.164, as the API does), or \`normalizeMany\` per region group; the peer is \`parsePhoneNumberFromString\`, \`isValid\` and \`format('E.164')\`.
- validate: a porting update (\`draft_sub_request_update\`, every field, two numbers in E.164) given as a JSON string, the documents in turn; the peer is JSON.parse + ajv (Ajv2020, strict, allErrors, ajv-formats, our published schema) + libphonenumber-js \`isValid\` on its two phone fields.
- check: a porting draft (\`draft_sub_request\`, two numbers in national form to rewrite) as a JSON string; the peer is JSON.parse + libphonenumber-js rewrite of every phone field to E.164 + ajv (no completeness: the peer has none).
- cold start: in a fresh process, load and the first check; the peer loads ajv + ajv-formats + libphonenumber-js max and compiles one schema (${coldJsMedian.toFixed(1)} ms).
- Agreement with Google's answers (same E.164 and validity, or both refuse) on the ${compared.length.toLocaleString('en-US')} numbers of this draw outside the ${differs.size} regions whose metadata differs between google-libphonenumber 3.2.46 and ours: ${agreement(compared)}; on all ${corpus.length.toLocaleString('en-US')} (metadata versions differ there, so part of this is version, not engine): ${agreement(corpus)}.
- JavaScript beside the \`.wasm\`: telschema's wrapper + glue ${n0(sizes.oursJs)} bytes gzip; google-libphonenumber (esbuild, minified) ${n0(sizes.google.gzip)} bytes gzip; libphonenumber-js/max ${n0(sizes.lpn.gzip)}, ajv 2020 + ajv-formats ${n0(sizes.ajv.gzip)}.
- Native validate and check run on the committed benches/docs/ documents (the Rust side has no draw); native normalize on the whole differential corpus.

Raw figures per process: ${modes.map((m) => `${m} ${results[m].map((v) => (v < 1000 ? v.toFixed(1) : Math.round(v))).join(', ')}`).join('; ')}.
`;
fs.writeFileSync(path.join(root, 'benches/RESULTS.md'), md);
console.log(md);
