// make bench: telschema's pkg/node against the JavaScript stack a user would
// pick instead (libphonenumber-js max, google-libphonenumber, ajv), one fresh
// Node process per measurement, ours and theirs alternating, several rounds;
// medians and the ratio ours/theirs from the same run. Writes
// benches/RESULTS.md with the machine, versions, date and the native
// criterion figures (cargo bench runs first in make bench).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

// The corpus: 10,000 numbers from 39 regions, drawn (seeded) from the
// committed Google corpus (metadata examples in every written style).
const REGIONS = 'US CA GB DE FR IT ES NL BE CH AT SE NO DK FI PL CZ IE PT GR AU NZ JP KR CN IN SG HK BR MX AR CL CO ZA NG EG AE IL TR'.split(' ');
const googleCorpus = JSON.parse(fs.readFileSync(path.join(root, 'tests/corpus/google.json'), 'utf8'));
const google = googleCorpus.cases;
// Regions whose metadata differs between google-libphonenumber 3.2.46 and ours
// (9.0.33): their answers are not compared (as in tests/differential.rs).
const differs = new Set(googleCorpus.metadataDiffers);
const pool = google.filter((c) => REGIONS.includes(c.region) || REGIONS.includes(c.google?.region));
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const corpus = Array.from({ length: 10_000 }, () => pool[Math.floor(random() * pool.length)]);
fs.writeFileSync(path.join(root, 'benches/js/corpus.json'), JSON.stringify(corpus.map(({ input, region }) => ({ input, region }))));

function measure(mode) {
  const out = execFileSync(process.execPath, [path.join(root, 'benches/js/child.mjs'), mode], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()).result;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pairs = [
  ['normalize', 'normalize-ours', 'normalize-lpn', 'numbers/s', 'higher'],
  ['normalizeMany', 'normalize-many-ours', 'normalize-lpn', 'numbers/s', 'higher'],
  ['normalize vs Google', 'normalize-ours', 'normalize-google', 'numbers/s', 'higher'],
  ['validate (JSON string)', 'validate-ours', 'validate-js', 'documents/s', 'higher'],
  ['check (JSON string)', 'check-ours', 'check-js', 'documents/s', 'higher'],
  ['cold start (load + first check)', 'cold-ours', 'cold-js', 'ms', 'lower'],
];
const results = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [, a, b] of pairs) {
    for (const mode of round % 2 ? [b, a] : [a, b]) {
      (results[mode] ??= []).push(measure(mode));
    }
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
}

// Agreement with Google's answers on the same corpus (validity and E.164).
const t = require(path.join(root, 'pkg/node/telschema.js'));
const lpn = require('libphonenumber-js/max');
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
return `telschema ${(100 * oursAgree / cases.length).toFixed(2)}%, libphonenumber-js ${(100 * lpnAgree / cases.length).toFixed(2)}%`;
};
const compared = corpus.filter((c) => !differs.has(c.region) && !differs.has(c.google?.region));

// Sizes: our .wasm against esbuild bundles (minified) of the peers, gzip -9.
const esbuild = require('esbuild');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
async function bundle(code) {
  const r = await esbuild.build({ stdin: { contents: code, resolveDir: root }, bundle: true, minify: true, format: 'esm', write: false, platform: 'browser' });
  return gz(Buffer.from(r.outputFiles[0].contents));
}
const sizes = {
  ours: gz(fs.readFileSync(path.join(root, 'pkg/web/telschema_glue_bg.wasm'))),
  oursJs: gz(fs.readFileSync(path.join(root, 'pkg/web/telschema.js'))) + gz(fs.readFileSync(path.join(root, 'pkg/web/telschema_glue.js'))),
  lpn: await bundle("export * from 'libphonenumber-js/max';"),
  ajv: await bundle("import Ajv2020 from 'ajv/dist/2020'; import addFormats from 'ajv-formats'; export { Ajv2020, addFormats };"),
  google: await bundle("export * from 'google-libphonenumber';"),
};

// Native figures from criterion (make bench runs cargo bench first).
function criterion(dir) {
  const f = path.join(root, 'target/criterion', dir, 'new/estimates.json');
  return fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')).median.point_estimate : null;
}
const nativeNormalizeNs = criterion('normalize/mixed_corpus');
const nativeValidateNs = criterion('validate_draft_sub_request_update_from_json');
const nativeCheckNs = criterion('check_draft_sub_request');
const cases = JSON.parse(fs.readFileSync(path.join(root, 'tests/corpus/google.json'), 'utf8')).cases.length;

const version = (name) => require(`${name}/package.json`).version;
const fmt = (v, unit) => (unit === 'ms' ? `${v.toFixed(1)} ms` : `${Math.round(v).toLocaleString('en-US')} ${unit}`);
const rows = pairs.map(([label, a, b, unit, better]) => {
  const ma = median(results[a]);
  const mb = median(results[b]);
  const ratio = better === 'higher' ? ma / mb : ma / mb;
  return `| ${label} | ${fmt(ma, unit)} | ${fmt(mb, unit)} (${b.replace(/^.*-/, '') === 'lpn' ? 'libphonenumber-js' : b.endsWith('google') ? 'google-libphonenumber' : 'ajv + libphonenumber-js'}) | ${ratio.toFixed(2)}× ${better === 'higher' ? '(ours/theirs, higher is better)' : '(ours/theirs, lower is better)'} |`;
});
const coldJsMedian = median(results['cold-js']);
const md = `# Benchmark results

Written by \`make bench\` (benches/js/run.mjs) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; Node ${process.version}.
Peers: libphonenumber-js ${version('libphonenumber-js')} (max metadata), google-libphonenumber ${version('google-libphonenumber')}, ajv ${version('ajv')} + ajv-formats ${version('ajv-formats')}; telschema pkg/node ${require(path.join(root, 'pkg/package.json')).version}.

Each figure is the median of ${ROUNDS} fresh Node processes, ours and theirs alternating; ratios are of medians from this run. The machine is shared and noisy: read ratios, not absolute figures.

| what | telschema | peer | ratio |
|---|---|---|---|
${rows.join('\n')}

- normalize: ${corpus.length.toLocaleString('en-US')} numbers from ${REGIONS.length} regions (seeded draw from tests/corpus/google.json), parse + validity + E.164 per number; ours is \`normalize(input, { defaultRegion })\` per number, or \`normalizeMany\` per region group.
- validate: benches/docs/draft_sub_request_update.json given as a JSON string; the peer is JSON.parse + ajv (Ajv2020, strict, allErrors, ajv-formats) + libphonenumber-js \`isValid\` on its phone fields.
- check: benches/docs/draft_sub_request.json as a JSON string; the peer is JSON.parse + libphonenumber-js rewrite of every phone field to E.164 + ajv (no completeness: the peer has none).
- cold start: in a fresh process, load and the first check; the peer loads ajv + ajv-formats + libphonenumber-js max and compiles one schema (${coldJsMedian.toFixed(1)} ms).
- Agreement with Google's answers (same E.164 and validity, or both refuse) on the ${compared.length.toLocaleString('en-US')} numbers of this corpus outside the ${differs.size} regions whose metadata differs between google-libphonenumber 3.2.46 and ours: ${agreement(compared)}; on all ${corpus.length.toLocaleString('en-US')} (metadata versions differ there, so part of this is version, not engine): ${agreement(corpus)}.

| size (gzip -9) | bytes |
|---|---|
| telschema .wasm | ${sizes.ours.toLocaleString('en-US')} |
| telschema JS (wrapper + glue) | ${sizes.oursJs.toLocaleString('en-US')} |
| libphonenumber-js max (esbuild, minified) | ${sizes.lpn.toLocaleString('en-US')} |
| ajv 2020 + ajv-formats (esbuild, minified) | ${sizes.ajv.toLocaleString('en-US')} |
| google-libphonenumber (esbuild, minified) | ${sizes.google.toLocaleString('en-US')} |
| ratio: telschema .wasm / (libphonenumber-js + ajv) | ${(sizes.ours / (sizes.lpn + sizes.ajv)).toFixed(2)}× |

Native (criterion, \`cargo bench\`, medians):
${nativeNormalizeNs ? `- normalize, mixed corpus (${cases.toLocaleString('en-US')} numbers): ${Math.round(cases / (nativeNormalizeNs / 1e9)).toLocaleString('en-US')} numbers/s (${(nativeNormalizeNs / cases).toFixed(0)} ns each), ${(cases / (nativeNormalizeNs / 1e9) / median(results['normalize-lpn'])).toFixed(1)}× libphonenumber-js in Node above` : '- normalize: no criterion figures (run cargo bench)'}
${nativeValidateNs ? `- validate draft_sub_request_update from JSON: ${(nativeValidateNs / 1000).toFixed(2)} µs` : ''}
${nativeCheckNs ? `- check draft_sub_request: ${(nativeCheckNs / 1000).toFixed(2)} µs` : ''}
`;
fs.writeFileSync(path.join(root, 'benches/RESULTS.md'), md);
console.log(md);
