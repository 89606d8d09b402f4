// The published schemas stand on their own: each compiles in ajv's strict
// 2020-12 mode with ajv-formats, and on every fixture every error ajv reports
// is one `validate` reports at the same path (the stored report, which the
// Rust fixture test proves is what `validate` gives), and every document
// `validate` calls valid ajv calls valid too. What ajv cannot see (phone
// validity, duplicates after normalization, option-dependent rules) are our
// own codes.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const root = path.join(__dirname, '..', '..');
const kinds = fs.readdirSync(path.join(root, 'tests', 'fixtures')).sort();

// The envelope rule (ARCHITECTURE.md, Documents): {"data": …} (optionally with $schema).
function unwrap(doc) {
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && 'data' in doc && Object.keys(doc).every((k) => k === 'data' || k === '$schema')) {
    return [doc.data, '/data'];
  }
  return [doc, ''];
}

// Where an ajv error points: a missing property's own path.
function ajvPath(e, base) {
  const p = base + e.instancePath;
  return e.keyword === 'required' ? `${p}/${e.params.missingProperty.replace(/~/g, '~0').replace(/\//g, '~1')}` : p;
}

test('nine kinds have fixtures', () => {
  assert.strictEqual(kinds.length, 9);
});

for (const kind of kinds) {
  test(`${kind}: schema compiles strictly and agrees with validate on every fixture`, () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', `${kind}.schema.json`), 'utf8'));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const check = ajv.compile(schema);
    const dir = path.join(root, 'tests', 'fixtures', kind);
    let compared = 0;
    const failures = [];
    const skipped = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const fixture = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      if (fixture.options && fixture.options.lenientTypes) {
        skipped.push(file); // ajv cannot be lenient
        continue;
      }
      const [doc, base] = unwrap(fixture.document);
      const ajvValid = check(doc);
      const ours = fixture.report;
      if (ours.valid) {
        assert.ok(ajvValid, `${kind}/${file}: validate says valid, ajv says ${JSON.stringify(check.errors)}`);
      }
      for (const e of ajvValid ? [] : check.errors) {
        // `if` and `anyOf` only wrap the errors of their branches, which are checked themselves.
        if (e.keyword === 'if' || e.keyword === 'anyOf') continue;
        const p = ajvPath(e, base);
        // "must be null" is the other branch of a nullable field: the real
        // error is at that path or inside the value.
        const nullBranch = e.keyword === 'type' && e.params.type === 'null' && /\/anyOf\/\d+\/type$/.test(e.schemaPath);
        // Inside a nullable anyOf or a conditional, ajv's branch keyword can differ from the one we name.
        const pathOnly = /\/anyOf\/|\/then\//.test(e.schemaPath);
        // One mistake, one issue: a format's paired pattern is reported as the format alone.
        const twin = (o) => e.keyword === 'pattern' && o.keyword === 'format';
        const match = ours.errors.find((o) =>
          nullBranch ? o.path === p || o.path.startsWith(p + '/') : o.path === p && (pathOnly || o.keyword === e.keyword || twin(o)));
        if (!match) {
          failures.push(`${kind}/${file}: ajv reports ${e.keyword} at ${p} (${e.message}); validate reports ${JSON.stringify(ours.errors.map((o) => [o.path, o.keyword]))}`);
        }
      }
      compared += 1;
    }
    assert.deepStrictEqual(failures, []);
    assert.ok(compared >= 8, `${kind}: only ${compared} fixtures compared (skipped: ${skipped.join(', ')})`);
  });
}
