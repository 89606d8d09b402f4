// The demo: two forms judged live by telschema in WebAssembly, and a paste
// panel. Everything runs in the page (../pkg/web/telschema.js).
import init, {
  AsYouType,
  check,
  exampleNumber,
  fields,
  findNumbers,
  format,
  kinds,
  normalize,
  regions,
  shortNumberInfo,
  toKazooError,
  TelschemaError,
} from '../pkg/web/telschema.js';

const $ = (id) => document.getElementById(id);
const fieldId = (form, path) => `${form}-${path.replace(/\//g, '-')}`;
const words = (s) => s.replace(/_/g, ' ');

// Two numbers the draft ports (a form does not edit them); the toggle makes the second wireless.
const SAMPLE_NUMBERS = [
  { phone_number: '+13125354200', svtype: 'landline' },
  { phone_number: '+13125354500', svtype: 'landline' },
];

// The two forms: which kind's fields() each shows, and where that kind's
// document sits in the document the page checks (the E911 form edits the
// e911 object of a Kazoo phone number). Labels, order, hints, autocomplete
// tokens, needs and limits all come from fields(kind).
const FORMS = {
  porting: { id: 'porting-form', kind: 'draft_sub_request', at: [] },
  e911: { id: 'e911-form', kind: 'e911', at: ['e911'] },
};

// RFC 6901: a pointer's segments, and back.
const segmentsOf = (pointer) => pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
const pointerOf = (segs) => segs.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

// A form's fields from fields(kind), in `order`, as the page uses them: the
// segments of each field in the checked document, its pointer there, its id.
// Fields of every item of a list (`*`) are the numbers, shown apart.
function formFields(form) {
  return fields(form.kind)
    .filter((f) => !segmentsOf(f.pointer).includes('*'))
    .sort((a, b) => a.order - b.order)
    .map((f) => {
      const segs = [...form.at, ...segmentsOf(f.pointer)];
      return { ...f, segs, path: pointerOf(segs), id: fieldId(form.id, segs.join('/')) };
    });
}

// Every region of the metadata with its calling code, named in the page's
// language by Intl.DisplayNames (the code where the browser has no name),
// sorted by name. Filled once the module is loaded.
let REGIONS = [];
function regionList() {
  let names = null;
  try {
    names = new Intl.DisplayNames([navigator.language || 'en', 'en'], { type: 'region' });
  } catch {
    // No Intl.DisplayNames: the codes stand for the names.
  }
  const nameOf = (code) => {
    try {
      return names?.of(code) || code;
    } catch {
      return code;
    }
  };
  return regions()
    .map((r) => ({ ...r, name: nameOf(r.region) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region));
}

function fillCountries(select, region = 'US') {
  select.replaceChildren(...REGIONS.map((r) => new Option(`${r.name} (+${r.callingCode})`, r.region)));
  select.value = region;
}

// Phone fields: each has a country (its own select) and formats as it is
// typed with AsYouType, the caret kept after the character it was after.
const phones = new Map(); // input id -> { region, ayt }

// A phone field's country: a new AsYouType, the placeholder the region's
// example number written nationally, and the value formatted anew.
function setRegion(input, region) {
  const phone = { region, ayt: new AsYouType(region) };
  phones.set(input.id, phone);
  const example = exampleNumber(region);
  input.placeholder = example ? format(example.e164, 'national', { defaultRegion: region }) : '';
  if (input.value) input.value = phone.ayt.reformat(input.value).value;
}

// On every input event: the whole value formatted, the caret where it was
// (a value with a letter comes back as it is: letters are never read as digits).
function formatAsTyped(event) {
  const input = event.target;
  const phone = phones.get(input.id);
  if (!phone) return;
  const { value, caret } = phone.ayt.reformat(input.value, input.selectionStart ?? input.value.length);
  if (value !== input.value) input.value = value;
  input.setSelectionRange(caret, caret);
}

// What a phone field gives the check: the number in E.164, read in the
// field's country (the check reads a national number as a US one only); a
// value with a letter, or one that is no number, as typed, for the check to
// say what is wrong with it.
function phoneValue(input, value) {
  if (/\p{L}/u.test(value)) return value;
  try {
    return normalize(value, { defaultRegion: phones.get(input.id)?.region ?? 'US' }).e164;
  } catch {
    return value;
  }
}

// The input for a field: a select for allowed values (and booleans), else an
// input whose type, autocomplete token and limits come from the field.
const choicesOf = (f) => f.allowed ?? (f.type === 'boolean' ? [true, false] : null);
function inputFor(f) {
  const choices = choicesOf(f);
  if (choices) {
    const select = document.createElement('select');
    select.add(new Option('—', ''));
    for (const v of choices) select.add(new Option(typeof v === 'boolean' ? (v ? 'yes' : 'no') : words(String(v)), String(v)));
    return select;
  }
  const input = document.createElement('input');
  input.type =
    f.format === 'phone' ? 'tel' : f.format === 'date-time' ? 'datetime-local' : f.type === 'integer' || f.type === 'number' ? 'number' : 'text';
  if (f.maxLength != null) input.maxLength = f.maxLength;
  if (f.minLength != null) input.minLength = f.minLength;
  if (f.minimum != null) input.min = String(f.minimum);
  if (f.maximum != null) input.max = String(f.maximum);
  if (f.type === 'integer') input.step = '1';
  return input;
}

function buildForm(formId, list) {
  const form = $(formId);
  for (const f of list) {
    const wrap = document.createElement('div');
    wrap.className = 'field';
    wrap.id = `${f.id}-field`;
    wrap.dataset.need = f.need;
    const head = document.createElement('div');
    head.className = 'field-head';
    const label = document.createElement('label');
    label.htmlFor = f.id;
    label.textContent = f.label;
    head.append(label);
    const described = [];
    if (f.need !== 'optional') {
      const need = document.createElement('span');
      need.className = `need ${f.need}`;
      need.id = `${f.id}-need`;
      need.textContent = words(f.need);
      head.append(need);
      described.push(need.id);
    }
    const input = inputFor(f);
    input.id = f.id;
    if (f.autocomplete) input.setAttribute('autocomplete', f.autocomplete);
    input.name = f.path;
    if (f.need === 'required') input.required = true;
    const parts = [head, input];
    if (f.format === 'phone') {
      // The country first, then the number; both in one row.
      const country = document.createElement('select');
      country.id = `${f.id}-country`;
      country.className = 'country';
      country.setAttribute('aria-label', `Country of ${f.label}`);
      fillCountries(country);
      country.addEventListener('input', () => setRegion(input, country.value));
      input.addEventListener('input', formatAsTyped);
      const row = document.createElement('div');
      row.className = 'phone-row';
      row.append(country, input);
      parts[1] = row;
      setRegion(input, country.value);
    }
    if (f.reason) {
      const reason = document.createElement('p');
      reason.className = 'reason';
      reason.id = `${f.id}-reason`;
      reason.textContent = f.reason;
      parts.push(reason);
      described.push(reason.id);
    }
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `${f.id}-hint`;
    hint.textContent = f.hint ?? '';
    const msg = document.createElement('p');
    msg.className = 'msg';
    msg.id = `${f.id}-msg`;
    msg.setAttribute('aria-live', 'polite');
    input.setAttribute('aria-describedby', [...described, hint.id, msg.id].join(' '));
    wrap.append(...parts, hint, msg);
    form.append(wrap);
  }
}

// The form's values as a document: empty fields are absent; nested pointers
// nest; a select gives its value as listed, a list field a list.
function readForm(list, base = {}) {
  const doc = structuredClone(base);
  for (const f of list) {
    const input = $(f.id);
    let value = input.value.trim();
    if (!value) continue;
    if (input.tagName === 'SELECT') value = choicesOf(f).find((v) => String(v) === value) ?? value;
    else if (f.format === 'date-time') {
      const d = new Date(value);
      value = Number.isNaN(d.getTime()) ? value : d.toISOString().replace('.000Z', 'Z');
    } else if (f.format === 'phone') value = phoneValue(input, value);
    else if (f.type === 'array') value = value.split(',').map((s) => s.trim()).filter(Boolean);
    else if ((f.type === 'integer' || f.type === 'number') && Number.isFinite(Number(value))) value = Number(value);
    let at = doc;
    for (const s of f.segs.slice(0, -1)) {
      if (at[s] === null || typeof at[s] !== 'object') at[s] = {};
      at = at[s];
    }
    at[f.segs.at(-1)] = value;
  }
  return doc;
}

// Shows each issue under its field (errors before warnings), phone hints,
// the progress bar, what is missing and the next field.
function render(formId, list, outcome) {
  const { report, completeness } = outcome;
  const byPath = new Map();
  for (const [severity, issues] of [['error', report.errors], ['warning', report.warnings]]) {
    for (const issue of issues) {
      if (!byPath.has(issue.path)) byPath.set(issue.path, []);
      byPath.get(issue.path).push({ severity, ...issue });
    }
  }
  const known = new Set(list.map((f) => f.path));
  for (const f of list) {
    const input = $(f.id);
    const msg = $(`${f.id}-msg`);
    const hint = $(`${f.id}-hint`);
    const issues = byPath.get(f.path) ?? [];
    const error = issues.find((i) => i.severity === 'error' && i.code !== 'required');
    const shown = error ?? issues.find((i) => i.severity === 'warning');
    // A missing field is listed under "Still needed"; under the field only what is wrong with a value.
    msg.textContent = shown && input.value.trim() ? shown.message : '';
    msg.className = `msg ${shown?.severity ?? ''}`;
    input.setAttribute('aria-invalid', String(Boolean(error && input.value.trim())));
    if (f.format === 'phone') {
      hint.textContent = f.hint ?? '';
      const v = input.value.trim();
      if (v) {
        try {
          const region = phones.get(f.id)?.region ?? 'US';
          const n = normalize(v, { defaultRegion: region });
          let kind = `${words(n.numberType)}${n.valid ? '' : ' (not a number in use)'}`;
          if (!n.valid && !/\p{L}/u.test(v)) {
            // The message under the field (phone_emergency, phone_short_code) says why it is not a DID.
            const short = shortNumberInfo(v, region);
            if (short.emergency) kind = 'emergency number';
            else if (short.valid) kind = 'short code';
          }
          hint.textContent = `${n.e164} · ${kind}`;
        } catch {
          // Not a number: the message under the field says why.
        }
      }
    }
    $(`${f.id}-field`).classList.toggle('next', completeness.next === f.path);
  }
  const panel = formId.replace('-form', '');
  const bar = $(`${panel}-bar`);
  bar.setAttribute('aria-valuenow', String(completeness.percent));
  bar.querySelector('.fill').style.width = `${completeness.percent}%`;
  $(`${panel}-percent`).textContent = `${completeness.percent}% · ${completeness.satisfied} of ${completeness.total} necessary fields`;
  const missing = $(`${panel}-missing`);
  missing.replaceChildren(
    ...completeness.missing.map((m) => {
      const li = document.createElement('li');
      const b = document.createElement('strong');
      b.textContent = m.label;
      li.append(b, ` — ${m.reason}`);
      return li;
    }),
  );
  if (!completeness.missing.length) missing.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'Nothing.' }));
  // Issues that belong to no field of the form (the numbers, say).
  const other = [...byPath].filter(([k]) => !known.has(k)).flatMap(([, issues]) => issues);
  $(`${panel}-other`).replaceChildren(
    ...other.map((i) => Object.assign(document.createElement('li'), { className: i.severity, textContent: `${i.path}: ${i.message}` })),
  );
  $(`${panel}-document`).textContent = JSON.stringify(outcome.document, null, 2);
  $(`${panel}-submit`).disabled = !completeness.complete;
}

function statusError(e) {
  $('status').textContent = `Something went wrong: ${e instanceof TelschemaError ? `${e.code}: ` : ''}${e.message}`;
  $('status').className = 'status error';
}

// Porting form.
let porting;
let portingFields = [];
let draftNumbers = structuredClone(SAMPLE_NUMBERS);
function updatePorting() {
  const numbers = structuredClone(draftNumbers);
  if ($('wireless').checked && numbers[1]) numbers[1].svtype = 'wireless';
  $('porting-numbers').replaceChildren(
    ...numbers.map((n) =>
      Object.assign(document.createElement('li'), { textContent: `${n.phone_number}${n.svtype ? ` · ${n.svtype}` : ''}` }),
    ),
  );
  const draft = readForm(portingFields, { phone_numbers: numbers });
  porting = check('draft_sub_request', draft, { now: new Date().toISOString() });
  render('porting-form', portingFields, porting);
  $('porting-body').hidden = true;
}

// "Paste numbers": findNumbers reads the numbers out of any text (national
// ones in the country chosen); they become the draft's phone_numbers, each
// listed as written and in E.164; the lines where nothing was found are shown,
// so nothing pasted is lost silently.
const svtypeOf = (n) => ({ mobile: 'wireless', fixed_line: 'landline' })[n.numberType];
const item = (text, className = '') => Object.assign(document.createElement('li'), { className, textContent: text });
function pasteNumbers() {
  const text = $('numbers-paste').value;
  const summary = $('numbers-paste-summary');
  let found;
  try {
    found = findNumbers(text, { defaultRegion: $('numbers-paste-country').value });
  } catch (e) {
    if (!(e instanceof TelschemaError)) throw e;
    summary.textContent = `${e.code}: ${e.message}`;
    return;
  }
  const unmatched = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    const end = at + line.length;
    at = end + 1;
    if (line.trim() && !found.some((m) => m.start < end && m.end > start)) unmatched.push(line.trim());
  }
  $('numbers-found').replaceChildren(...found.map((m) => item(`${m.text} → ${m.number.e164}`)));
  const unique = [...new Map(found.map((m) => [m.number.e164, m.number])).values()];
  if (unique.length) {
    draftNumbers = unique.map((n) => (svtypeOf(n) ? { phone_number: n.e164, svtype: svtypeOf(n) } : { phone_number: n.e164 }));
  }
  const count = (k, one, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  summary.textContent = !found.length
    ? 'No number found; the draft keeps its numbers.'
    : `Found ${count(found.length, 'number')}${unique.length < found.length ? ` (${unique.length} different)` : ''}; the draft now ports ${unique.length === 1 ? 'it' : 'them'}.`;
  $('numbers-unmatched').replaceChildren(
    ...(unmatched.length ? [item(`No number found on ${count(unmatched.length, 'line')}:`, 'head')] : []),
    ...unmatched.map((l) => item(l, 'warning')),
  );
  updatePorting();
}

// The update body that would be sent: the draft's editable fields, normalized.
function submitPorting() {
  const update = {};
  for (const [k, v] of Object.entries(porting.document)) {
    if (portingFields.some((f) => f.segs[0] === k)) update[k] = v;
  }
  const body = $('porting-body');
  body.textContent = `PATCH /v2/porting_orders/…/sub_requests/…\n${JSON.stringify(update, null, 2)}`;
  body.hidden = false;
}

// E911 form (a Kazoo phone number document with its e911 object).
let e911;
let e911Fields = [];
function updateE911() {
  const doc = readForm(e911Fields, { e911: {} });
  e911 = check('phone_number', doc, { now: new Date().toISOString() });
  render('e911-form', e911Fields, e911);
  const kazoo = $('kazoo-body');
  kazoo.hidden = !$('kazoo-toggle').checked;
  kazoo.textContent = JSON.stringify(toKazooError(e911.report), null, 2) ?? 'null';
  $('e911-body').hidden = true;
}

function submitE911() {
  const body = $('e911-body');
  body.textContent = `POST /v2/accounts/…/phone_numbers/…\n${JSON.stringify({ data: e911.document }, null, 2)}`;
  body.hidden = false;
}

// Paste panel.
function updatePaste() {
  const text = $('paste-text').value;
  const error = $('paste-error');
  const report = $('paste-report');
  if (!text.trim()) {
    error.textContent = '';
    report.replaceChildren();
    $('paste-completeness').textContent = '';
    $('paste-document').textContent = '';
    return;
  }
  try {
    const outcome = check($('paste-kind').value, text, { now: new Date().toISOString() });
    error.textContent = '';
    const items = [
      ...outcome.report.errors.map((i) => ['error', i]),
      ...outcome.report.warnings.map((i) => ['warning', i]),
    ].map(([severity, i]) =>
      Object.assign(document.createElement('li'), { className: severity, textContent: `${severity} ${i.path || '(document)'} · ${i.code}: ${i.message}` }),
    );
    if (!items.length) items.push(Object.assign(document.createElement('li'), { textContent: `Valid ${outcome.report.kind}.` }));
    report.replaceChildren(...items);
    const c = outcome.completeness;
    $('paste-completeness').textContent = `${outcome.report.kind}: ${c.percent}% (${c.satisfied} of ${c.total})${c.next ? `, next ${c.next}` : ''}${c.missing.length ? `; missing ${c.missing.map((m) => m.label).join(', ')}` : ''}.`;
    $('paste-document').textContent = JSON.stringify(outcome.document, null, 2);
  } catch (e) {
    if (!(e instanceof TelschemaError)) throw e;
    error.textContent = `${e.code}: ${e.message}`;
    report.replaceChildren();
    $('paste-completeness').textContent = '';
    $('paste-document').textContent = '';
  }
}

async function main() {
  await init();
  REGIONS = regionList();
  fillCountries($('numbers-paste-country'));
  portingFields = formFields(FORMS.porting);
  e911Fields = formFields(FORMS.e911);
  buildForm(FORMS.porting.id, portingFields);
  buildForm(FORMS.e911.id, e911Fields);
  const select = $('paste-kind');
  for (const k of ['auto', ...kinds()]) select.add(new Option(k === 'auto' ? 'auto (tell from the document)' : k, k));
  $('porting-form').addEventListener('input', updatePorting);
  $('wireless').addEventListener('change', updatePorting);
  $('numbers-paste-button').addEventListener('click', pasteNumbers);
  $('porting-submit').addEventListener('click', submitPorting);
  $('e911-form').addEventListener('input', updateE911);
  $('kazoo-toggle').addEventListener('change', updateE911);
  $('e911-submit').addEventListener('click', submitE911);
  $('paste-text').addEventListener('input', updatePaste);
  select.addEventListener('change', updatePaste);
  $('paste-text').value = JSON.stringify(
    { data: { street_address: '311 W Superior St', locality: 'Chicago', region: 'Illinois', postal_code: '6065' } },
    null,
    2,
  );
  updatePorting();
  updateE911();
  updatePaste();
  $('status').textContent = 'Ready: the checks below run in this page.';
  document.body.dataset.ready = 'true';
}

main().catch(statusError);
