// telschema's JavaScript API over the wasm-bindgen glue, shared by
// pkg/web/telschema.js (ES module) and pkg/node/telschema.js (CommonJS), and
// its phone part (down to the "telschema/phone ends here" line) by
// pkg/phone/web/ and pkg/phone/node/;
// js/build-pkg.mjs joins it with each target's head and tail. The head
// defines `glue()` (the current glue module, or a `not_initialized` error)
// and `reinstantiate()` (a fresh WebAssembly instance after a trap).

/** An error thrown by telschema: a real `Error` with a stable `code`. */
class TelschemaError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'TelschemaError';
    this.code = code;
  }
}

// The export's reply text; a trap re-instantiates the module and throws.
function invoke(name, args) {
  const g = glue();
  try {
    return g[name](...args);
  } catch (cause) {
    // The exports never throw by design: anything thrown here is a trap
    // (panic, stack overflow, out of memory). The instance may be corrupt,
    // so replace it before anyone calls again.
    let recovered = true;
    try {
      reinstantiate();
    } catch {
      recovered = false;
    }
    throw new TelschemaError(
      'internal_error',
      `telschema failed inside ${name} (${cause && cause.message}); ` +
        (recovered ? 'a fresh instance serves the next call.' : 'it could not be restarted.'),
      { cause },
    );
  }
}

function parsed(out) {
  const result = JSON.parse(out);
  if (result.error) throw new TelschemaError(result.error.code, result.error.message);
  return result.ok;
}

function call(name, args) {
  return parsed(invoke(name, args));
}

function pointerSegment(key) {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(value) {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const proto = Object.getPrototypeOf(value);
  return (proto && proto.constructor && proto.constructor.name) || 'object';
}

// A document or options object as a JSON string, refusing what JSON cannot
// hold instead of dropping it: BigInt, functions, symbols, NaN/Infinity,
// `undefined` in an array, Map, Set and other class instances, cycles, and
// strings or keys with lone surrogates. `undefined` as an object property
// means the field is absent (as in JSON.stringify). A Date becomes its ISO
// string (toJSON). Strings, Uint8Arrays and null pass through to the core.
function toJson(value, what, badCode) {
  if (value === undefined || value === null || typeof value === 'string' || value instanceof Uint8Array) {
    return value;
  }
  const paths = new WeakMap();
  const refuse = (code, path, message) => {
    throw new TelschemaError(code, `${what}${path ? ` at ${path}` : ''}: ${message}`);
  };
  const replacer = function (key, v) {
    const parent = paths.get(this);
    const path = parent === undefined ? '' : `${parent}/${pointerSegment(key)}`;
    if (!String(key).isWellFormed()) refuse('invalid_unicode', path, 'the key holds a lone surrogate.');
    switch (typeof v) {
      case 'string':
        if (!v.isWellFormed()) refuse('invalid_unicode', path, 'the string holds a lone surrogate.');
        return v;
      case 'number':
        if (!Number.isFinite(v)) refuse(badCode, path, `${v} is not a JSON number.`);
        return v;
      case 'boolean':
        return v;
      case 'undefined':
        if (Array.isArray(this)) refuse(badCode, path, 'undefined is not a JSON value (use null).');
        return v;
      case 'bigint':
      case 'function':
      case 'symbol':
        return refuse(badCode, path, `a ${typeof v} is not a JSON value.`);
      default: {
        if (v === null) return v;
        const proto = Object.getPrototypeOf(v);
        if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) {
          refuse(badCode, path, `a ${describe(v)} is not a JSON value (pass plain objects and arrays).`);
        }
        paths.set(v, path);
        return v;
      }
    }
  };
  try {
    return JSON.stringify(value, replacer);
  } catch (e) {
    if (e instanceof TelschemaError) throw e;
    if (e instanceof TypeError) {
      throw new TelschemaError(badCode, `${what} refers to itself (a cycle) and cannot be JSON.`, { cause: e });
    }
    if (e instanceof RangeError) {
      throw new TelschemaError('limit_exceeded', `${what} nests too deeply to be read (limit maxDepth).`, { cause: e });
    }
    throw new TelschemaError(badCode, `${what} cannot be JSON: ${e.message}`, { cause: e });
  }
}

// Options are small and flat: when every value is a string, boolean or Date
// (the common case), plain JSON.stringify is exact and much cheaper.
function opts(value) {
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let plain = true;
    for (const k in value) {
      const v = value[k];
      const t = typeof v;
      if (!((t === 'string' && v.isWellFormed() && k.isWellFormed()) || t === 'boolean' || t === 'undefined' || v instanceof Date)) {
        plain = false;
        break;
      }
    }
    if (plain) return JSON.stringify(value);
  }
  return toJson(value, 'The options', 'invalid_option');
}

// The compact replies of normalizeCompact and normalizeManyCompact (see
// push_compact in src/wasm.rs), decoded into the objects the JSON reply
// gives, keys in the same order; a reply starting with `{` is that JSON.
// A number's record from `at` to the next newline or the end; indexOf and
// slice over the whole reply (no split: measured 2-4x cheaper for a batch).
function numberAt(s, at) {
  let i = s.indexOf('\t', at);
  const e164 = s.slice(at, i);
  let j = s.indexOf('\t', i + 1);
  const countryCode = Number(s.slice(i + 1, j));
  i = s.indexOf('\t', j + 1);
  const region = s.slice(j + 1, i);
  j = s.indexOf('\t', i + 1);
  const nationalNumber = s.slice(i + 1, j);
  i = s.indexOf('\t', j + 1);
  const numberType = s.slice(j + 1, i);
  const flags = s.charCodeAt(i + 1) - 97;
  j = s.indexOf('\t', i + 3);
  const extension = s.slice(i + 3, j);
  i = s.indexOf('\t', j + 1);
  let end = s.indexOf('\n', i + 1);
  if (end < 0) end = s.length;
  return {
    e164,
    countryCode,
    region: flags & 4 ? region : null,
    nationalNumber,
    numberType,
    valid: (flags & 1) !== 0,
    possible: (flags & 2) !== 0,
    extension: flags & 8 ? extension : null,
    kazooClassifier: s.slice(j + 1, i),
    coverageCategory: s.slice(i + 1, end),
  };
}

function failureAt(s, at, end) {
  const tab = s.indexOf('\t', at);
  return { code: s.slice(at + 1, tab), message: s.slice(tab + 1, end) };
}

// Every record of a batch reply, in order.
function records(s) {
  const out = [];
  for (let at = 0; ; ) {
    let end = s.indexOf('\n', at);
    if (end < 0) end = s.length;
    out.push(s.charCodeAt(at) === 33 ? { error: failureAt(s, at, end) } : numberAt(s, at));
    if (end === s.length) return out;
    at = end + 1;
  }
}

// The options as the JSON text the compact exports take, or undefined when
// only the general path can take them (bytes, a string with a lone surrogate).
function optionsText(o) {
  if (o === undefined || o === null) return 'null';
  return typeof o === 'string' && o.isWellFormed() ? o : undefined;
}

// The options text of each options object normalize and normalizeMany were
// given, with the keys and values it was written from: a loop over numbers
// passes the same object each call, and comparing its values is cheaper than
// writing them again (measured: JSON.stringify was a fifth of the wrapper's
// cost per call). Only plain objects of strings, booleans and undefined are
// remembered (a Date can change under the same object); any change of a key,
// a value or their order writes the text again.
const phoneOptionsSeen = new WeakMap();

function phoneOptions(options) {
  if (options === null || typeof options !== 'object' || Object.getPrototypeOf(options) !== Object.prototype) {
    return opts(options);
  }
  const seen = phoneOptionsSeen.get(options);
  if (seen !== undefined) {
    const values = seen.values;
    let i = 0;
    let same = true;
    for (const k in options) {
      if (values[i] !== k || values[i + 1] !== options[k]) {
        same = false;
        break;
      }
      i += 2;
    }
    if (same && i === values.length) return seen.text;
  }
  const text = opts(options);
  const values = [];
  for (const k in options) {
    const v = options[k];
    const type = typeof v;
    if (type !== 'string' && type !== 'boolean' && type !== 'undefined') return text;
    values.push(k, v);
  }
  if (typeof text === 'string') phoneOptionsSeen.set(options, { values, text });
  return text;
}

/** Normalizes one number to E.164; throws `TelschemaError` when no E.164 can be produced. */
function normalize(input, options) {
  const o = phoneOptions(options);
  const text = optionsText(o);
  if (typeof input === 'string' && text !== undefined && input.isWellFormed()) {
    const out = invoke('normalizeCompact', [input, text]);
    if (out.charCodeAt(0) === 123) return parsed(out);
    if (out.charCodeAt(0) !== 33) return numberAt(out, 0);
    const { code, message } = failureAt(out, 0, out.length);
    throw new TelschemaError(code, message);
  }
  return call('normalize', [input, o]);
}

/** One entry per input, in order; `{ error: { code, message } }` for a number that cannot be normalized. */
function normalizeMany(inputs, options) {
  const list =
    inputs != null && typeof inputs !== 'string' && !Array.isArray(inputs) && typeof inputs[Symbol.iterator] === 'function'
      ? Array.from(inputs)
      : inputs;
  const o = phoneOptions(options);
  // Fastest path: every entry a well-formed string; one joined string and
  // the lengths go over, compact records come back.
  const text = optionsText(o);
  if (Array.isArray(list) && text !== undefined) {
    const lengths = new Uint32Array(list.length);
    let columnar = true;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (typeof s !== 'string' || !s.isWellFormed()) {
        columnar = false;
        break;
      }
      lengths[i] = s.length;
    }
    if (columnar) {
      const out = invoke('normalizeManyCompact', [list.join(''), lengths, text]);
      if (out.charCodeAt(0) === 123) return parsed(out);
      if (list.length === 0) return [];
      return records(out);
    }
  }
  // Fast path: every entry a well-formed string goes over as one JSON string;
  // otherwise each entry is judged on its own (and gets its own error).
  const fast = Array.isArray(list) && list.every((s) => typeof s === 'string' && s.isWellFormed());
  return call('normalizeMany', [fast ? JSON.stringify(list) : list, o]);
}

/** Normalizes a number, then formats it in a style; `options.from` is the calling region for `out_of_country`. */
function format(input, style, options) {
  let from;
  let rest = options;
  if (options !== null && typeof options === 'object' && 'from' in options) {
    ({ from, ...rest } = options);
  }
  return call('format', [input, style, opts(rest), from]);
}

/** The phone numbers in a text, with UTF-16 offsets (`text.slice(start, end)`), as libphonenumber's PhoneNumberMatcher finds them. */
function findNumbers(text, options) {
  return call('findNumbers', [text, opts(options)]);
}

/** The metadata's example number of a type (default fixed line) in a region, or null. */
function exampleNumber(region, type) {
  return call('exampleNumber', [region, type]);
}

/** Every region of the metadata: calling code, national and international prefixes, possible lengths. */
function regions() {
  return call('regions', []);
}

/** What the short-number metadata says of a number dialled in a region: emergency number, short code, cost. */
function shortNumberInfo(text, region) {
  return call('shortNumberInfo', [text, region]);
}

/**
 * Formats a phone number as it is typed, as libphonenumber's
 * AsYouTypeFormatter. The module keeps no state: this object holds what was
 * typed and the module formats all of it on every call.
 */
class AsYouType {
  #region;
  #typed = '';

  constructor(region) {
    if (typeof region !== 'string') throw new TelschemaError('invalid_argument', 'The region must be a string.');
    this.#region = region;
  }

  /** Appends text (one keystroke or a paste); returns the whole value formatted so far. */
  input(text) {
    if (typeof text !== 'string') throw new TelschemaError('invalid_argument', 'The text must be a string.');
    const typed = this.#typed + text;
    const out = call('asYouType', [this.#region, typed]);
    this.#typed = typed;
    return out;
  }

  /** Forgets what was typed. */
  reset() {
    this.#typed = '';
  }

  /**
   * A form field's whole value with its caret (a UTF-16 offset, as
   * selectionStart): { value, caret } with the value formatted and the caret
   * after the same character. Later input() calls continue from it.
   */
  reformat(value, caret) {
    if (typeof value !== 'string') throw new TelschemaError('invalid_argument', 'The value must be a string.');
    const r = call('asYouType', [this.#region, value, caret === undefined ? value.length : caret]);
    this.#typed = r.typed;
    return { value: r.value, caret: r.caret };
  }
}

// ---------------------------------------------------------------------------
// telschema/phone ends here: js/build-pkg.mjs builds the phone-only wrapper
// (pkg/phone/) from the part above this line, the full one from all of it.

// A well-formed document text goes over as its UTF-8 bytes, written by
// encodeInto into a reused buffer (the core reads bytes and text with the same
// reader, limits and messages): the glue's own string passing copies
// character by character in JavaScript, measured 5 µs for a 900-character
// document against 0.4 µs. A lone surrogate keeps the string path, which
// refuses it (invalid_unicode).
const encoder = new TextEncoder();
let scratch = new Uint8Array(16384);
function utf8(text) {
  if (!text.isWellFormed()) return text;
  if (text.length * 3 > scratch.length) {
    if (text.length > 65536) return encoder.encode(text);
    scratch = new Uint8Array(text.length * 3);
  }
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

function doc(value) {
  const v = toJson(value, 'The document', 'invalid_document');
  return typeof v === 'string' ? utf8(v) : v;
}

/** Validates a document as `kind` (or `"auto"`). */
function validate(kind, document, options) {
  return call('validate', [kind, doc(document), opts(options)]);
}

/** Which necessary fields are missing, why, and which to ask for next. */
function completeness(kind, document, options) {
  return call('completeness', [kind, doc(document), opts(options)]);
}

// check's reply is the outcome's JSON (`document` and `documentJson` null in
// their places), a newline, then the document as JSON text: parsing that
// text fills `document` (keeping the key order), and it is `documentJson`.
// An error reply has no newline.
function checked(out) {
  const nl = out.indexOf('\n');
  if (nl < 0) return parsed(out);
  const outcome = parsed(out.slice(0, nl));
  const documentJson = out.slice(nl + 1);
  outcome.document = JSON.parse(documentJson);
  outcome.documentJson = documentJson;
  return outcome;
}

/** Normalizes phone fields (in a copy), then validates and computes completeness. */
function check(kind, document, options) {
  return checked(invoke('check', [kind, doc(document), opts(options)]));
}

/** The published JSON Schema of a kind. */
function schema(kind) {
  return call('schema', [kind]);
}

/**
 * Form metadata of a kind: each field's pointer, label, order, need and
 * limits; labels, hints and reasons in `options.locale` (default en).
 */
function fields(kind, options) {
  return call('fields', [kind, opts(options)]);
}

/** The kind ids. */
function kinds() {
  return call('kinds', []);
}

/** Kazoo's 400 error body for a report, or null for a valid one. */
function toKazooError(report) {
  return call('toKazooError', [toJson(report, 'The report', 'invalid_argument')]);
}

// ---------------------------------------------------------------------------
// Standard Schema v1 (https://standardschema.dev), for form libraries.

// The kind ids, so that standardSchema refuses an unknown kind at once, even
// before init() has finished; tests/js/standard_schema.test.mjs checks that
// it equals kinds().
const KIND_IDS = [
  'phone_number',
  'e911',
  'number_collection',
  'portability_check',
  'sub_request_update',
  'draft_sub_request_update',
  'draft_sub_request',
  'draft_port_request',
  'number_request',
];

const isPlainObject = (v) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const isBlank = (v) => typeof v === 'string' && v.trim() === '';

// A copy with every object member whose value is "" or only whitespace
// removed, at any depth, as forms send an empty input. An object that had
// members and is left with none (a blank section) is removed as well. Array
// items are never removed (that would renumber the items after them and put
// their errors on the wrong inputs): a "" item stays and is judged; an
// object item is cleaned but kept, `{}` if nothing is left.
function dropBlank(value, ancestors = new Set()) {
  const array = Array.isArray(value);
  if (!array && !isPlainObject(value)) return value;
  if (ancestors.has(value)) return value; // a cycle: the core's reader refuses it
  ancestors.add(value);
  let out;
  if (array) {
    out = value.map((v) => dropBlank(v, ancestors));
  } else {
    out = {};
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (isBlank(v)) continue;
      const cleaned = dropBlank(v, ancestors);
      if (isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(cleaned).length === 0) continue;
      // defineProperty: a "__proto__" key stays a key.
      Object.defineProperty(out, key, { value: cleaned, enumerable: true, writable: true, configurable: true });
    }
  }
  ancestors.delete(value);
  return out;
}

// An RFC 6901 pointer as a Standard Schema path: its keys unescaped (~1 is
// "/", ~0 is "~"), and a number for the index of an array item (found by
// walking the document); the root is [].
function pointerToPath(pointer, document) {
  if (typeof pointer !== 'string' || pointer === '') return [];
  const segments = pointer.startsWith('/') ? pointer.slice(1).split('/') : [pointer];
  let node = document;
  return segments.map((segment) => {
    const raw = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(raw) ? Number(raw) : raw;
    node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? node[key] : undefined;
    return key;
  });
}

// A document given as JSON text (string or UTF-8 bytes), parsed for the
// path walk and the value returned; the core has already read it strictly.
function parsedText(value) {
  try {
    return JSON.parse(typeof value === 'string' ? value : new TextDecoder().decode(value));
  } catch {
    return undefined;
  }
}

const SCHEMA_OPTION_KEYS = ['emptyAsAbsent', 'normalize', 'onReport'];

/**
 * A Standard Schema v1 object for a kind (or "auto"): `validate(value)`
 * returns `{ value, report }` or `{ issues, report }`, one issue
 * `{ message, path, code }` per error of the report (warnings never block);
 * before `init()` has finished in a browser, a Promise of that. Options:
 * `emptyAsAbsent` (default true), `normalize` (default false), `onReport`,
 * and telschema's own options.
 */
function standardSchema(kind, options) {
  if (kind !== 'auto' && !KIND_IDS.includes(kind)) {
    throw new TelschemaError('unknown_kind', `Unknown kind ${JSON.stringify(kind)}; the kinds are auto, ${KIND_IDS.join(', ')}.`);
  }
  if (options !== undefined && options !== null && !isPlainObject(options)) {
    throw new TelschemaError('invalid_option', 'The options of standardSchema must be a plain object.');
  }
  const { emptyAsAbsent = true, normalize: normalized = false, onReport, ...core } = options ?? {};
  for (const [name, v] of [['emptyAsAbsent', emptyAsAbsent], ['normalize', normalized]]) {
    if (typeof v !== 'boolean') throw new TelschemaError('invalid_option', `The option ${name} must be a boolean.`);
  }
  if (onReport !== undefined && typeof onReport !== 'function') {
    throw new TelschemaError('invalid_option', 'The option onReport must be a function.');
  }
  // telschema's own options as JSON once (refusing what JSON cannot hold);
  // the core judges them at once when it is ready, else at the first
  // validation after init().
  const coreOptions = opts(core);
  let optionsChecked = false;
  const checkOptions = () => {
    if (optionsChecked) return;
    try {
      call('validate', [kind === 'auto' ? 'e911' : kind, '{}', coreOptions]);
    } catch (e) {
      if (e instanceof TelschemaError && e.code === 'unknown_option') {
        e.message += ` (standardSchema adds ${SCHEMA_OPTION_KEYS.join(', ')}.)`;
      }
      throw e;
    }
    optionsChecked = true;
  };
  if (whenReady() === null) checkOptions();

  const judge = (value) => {
    checkOptions();
    const text = typeof value === 'string' || value instanceof Uint8Array;
    let input = value;
    let report;
    let output;
    try {
      if (emptyAsAbsent && !text) input = dropBlank(value);
      if (normalized) {
        const outcome = checked(invoke('check', [kind, doc(input), coreOptions]));
        report = outcome.report;
        output = outcome.document;
      } else {
        report = call('validate', [kind, doc(input), coreOptions]);
        output = text ? parsedText(input) : input;
      }
    } catch (e) {
      // A document the core cannot read (invalid JSON, a duplicate key, a
      // BigInt, a cycle, a limit) or a trap: an issue at the root, never a throw.
      const deep = e instanceof RangeError; // dropBlank's recursion on a document nested past any limit
      const code = e instanceof TelschemaError ? e.code : deep ? 'limit_exceeded' : 'internal_error';
      const message = deep ? 'The document nests too deeply to be read (limit maxDepth).' : e instanceof Error ? e.message : String(e);
      report = { kind, valid: false, errors: [{ path: '', code, message }], warnings: [] };
      output = undefined;
    }
    if (onReport) onReport(report);
    if (report.errors.length === 0) return { value: output, report };
    const walked = output !== undefined ? output : text ? parsedText(input) : input;
    const issues = report.errors.map((i) => ({ message: i.message, path: pointerToPath(i.path, walked), code: i.code }));
    return { issues, report };
  };

  return {
    '~standard': {
      version: 1,
      vendor: 'telschema',
      validate(value) {
        const pending = whenReady();
        return pending === null ? judge(value) : pending.then(() => judge(value));
      },
    },
  };
}
