// The demo: two forms judged live by telschema in WebAssembly, and a paste
// panel. Everything runs in the page (../pkg/web/telschema.js).
import init, { check, kinds, normalize, toKazooError, TelschemaError } from '../pkg/web/telschema.js';

const $ = (id) => document.getElementById(id);
const fieldId = (form, path) => `${form}-${path.replace(/\//g, '-')}`;
const words = (s) => s.replace(/_/g, ' ');

// Two numbers the draft ports (a form does not edit them); the toggle makes the second wireless.
const SAMPLE_NUMBERS = [
  { phone_number: '+13125354200', svtype: 'landline' },
  { phone_number: '+13125354500', svtype: 'landline' },
];

// draft_sub_request_update's fields in the form order of the completeness rules.
const PORTING_FIELDS = [
  { path: 'auth_person_name', label: "Authorized person's name", autocomplete: 'name' },
  { path: 'person_or_company_name', label: 'Person or company name', autocomplete: 'organization' },
  { path: 'billing_phone_number', label: 'Billing phone number', type: 'tel', phone: true, autocomplete: 'tel' },
  { path: 'account_number', label: 'Account number' },
  { path: 'pin_passcode', label: 'PIN or passcode' },
  { path: 'street_address', label: 'Street address', autocomplete: 'address-line1' },
  { path: 'extended_address', label: 'Address line 2', autocomplete: 'address-line2' },
  { path: 'locality', label: 'City', autocomplete: 'address-level2' },
  { path: 'administrative_area', label: 'State or province', hint: 'Two letters, such as IL', autocomplete: 'address-level1' },
  { path: 'postal_code', label: 'Postal code', autocomplete: 'postal-code' },
  { path: 'country_code', label: 'Country', hint: 'ISO code, such as US or DE', autocomplete: 'country' },
  { path: 'tax_identifier', label: 'Tax identifier', hint: 'EU numbers only' },
  { path: 'business_identifier', label: 'Business identifier', hint: 'EU numbers only' },
  { path: 'foc_date_requested_by_user', label: 'Requested FOC date', type: 'datetime-local', hint: 'Your local time' },
  { path: 'porting_option/type', label: 'Porting type', options: ['', 'full', 'partial'] },
  { path: 'porting_option/remaining_numbers_action', label: 'Remaining numbers', options: ['', 'keep', 'disconnect'] },
  { path: 'porting_option/new_billing_phone_number', label: 'New billing phone number', type: 'tel', phone: true },
  { path: 'default_connection_id', label: 'Connection' },
  { path: 'default_message_profile_id', label: 'Messaging profile', hint: 'A UUID' },
];

const E911_FIELDS = [
  { path: 'e911/street_address', label: 'Street address', autocomplete: 'address-line1' },
  { path: 'e911/extended_address', label: 'Suite, floor or apartment', autocomplete: 'address-line2' },
  { path: 'e911/locality', label: 'City', autocomplete: 'address-level2' },
  { path: 'e911/region', label: 'State', hint: 'Two letters, such as IL', autocomplete: 'address-level1' },
  { path: 'e911/postal_code', label: 'ZIP code', autocomplete: 'postal-code' },
  { path: 'e911/plus_four', label: 'ZIP+4 extension' },
  { path: 'e911/caller_name', label: 'Name shown to emergency services' },
  { path: 'e911/notification_contact_emails', label: 'Notify these e-mail addresses', hint: 'Separated by commas', list: true },
];

function buildForm(formId, fields) {
  const form = $(formId);
  for (const f of fields) {
    const id = fieldId(formId, f.path);
    const wrap = document.createElement('div');
    wrap.className = 'field';
    wrap.id = `${id}-field`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = f.label;
    let input;
    if (f.options) {
      input = document.createElement('select');
      for (const o of f.options) input.add(new Option(o ? words(o) : '—', o));
    } else {
      input = document.createElement('input');
      input.type = f.type ?? 'text';
      if (f.autocomplete) input.autocomplete = f.autocomplete;
    }
    input.id = id;
    input.name = f.path;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = `${id}-hint`;
    hint.textContent = f.hint ?? '';
    const msg = document.createElement('p');
    msg.className = 'msg';
    msg.id = `${id}-msg`;
    msg.setAttribute('aria-live', 'polite');
    input.setAttribute('aria-describedby', `${id}-hint ${id}-msg`);
    wrap.append(label, input, hint, msg);
    form.append(wrap);
  }
}

// The form's values as a document: empty fields are absent; nested paths nest.
function readForm(formId, fields, base = {}) {
  const doc = structuredClone(base);
  for (const f of fields) {
    const input = $(fieldId(formId, f.path));
    let value = input.value.trim();
    if (!value) continue;
    if (f.type === 'datetime-local') {
      const d = new Date(value);
      value = Number.isNaN(d.getTime()) ? value : d.toISOString().replace('.000Z', 'Z');
    }
    if (f.list) value = value.split(',').map((s) => s.trim()).filter(Boolean);
    const segs = f.path.split('/');
    let at = doc;
    for (const s of segs.slice(0, -1)) at = at[s] ??= {};
    at[segs.at(-1)] = value;
  }
  return doc;
}

// Shows each issue under its field (errors before warnings), phone hints,
// the progress bar, what is missing and the next field.
function render(formId, fields, outcome, prefix = '') {
  const { report, completeness } = outcome;
  const byPath = new Map();
  for (const [severity, list] of [['error', report.errors], ['warning', report.warnings]]) {
    for (const issue of list) {
      const key = issue.path.slice(1 + prefix.length);
      if (!byPath.has(key)) byPath.set(key, []);
      byPath.get(key).push({ severity, ...issue });
    }
  }
  const known = new Set(fields.map((f) => f.path));
  for (const f of fields) {
    const id = fieldId(formId, f.path);
    const input = $(id);
    const msg = $(`${id}-msg`);
    const hint = $(`${id}-hint`);
    const issues = byPath.get(f.path) ?? [];
    const error = issues.find((i) => i.severity === 'error' && i.code !== 'required');
    const shown = error ?? issues.find((i) => i.severity === 'warning');
    // A missing field is listed under "Still needed"; under the field only what is wrong with a value.
    msg.textContent = shown && input.value.trim() ? shown.message : '';
    msg.className = `msg ${shown?.severity ?? ''}`;
    input.setAttribute('aria-invalid', String(Boolean(error && input.value.trim())));
    if (f.phone) {
      hint.textContent = '';
      const v = input.value.trim();
      if (v) {
        try {
          const n = normalize(v);
          hint.textContent = `${n.e164} · ${words(n.numberType)}${n.valid ? '' : ' (not a number in use)'}`;
        } catch {
          hint.textContent = '';
        }
      }
    }
    $(`${id}-field`).classList.toggle('next', completeness.next === `/${prefix}${f.path}`);
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
  const other = [...byPath].filter(([k]) => !known.has(k)).flatMap(([, list]) => list);
  $(`${panel}-other`).replaceChildren(
    ...other.map((i) => Object.assign(document.createElement('li'), { className: i.severity, textContent: `${i.path}: ${i.message}` })),
  );
  $(`${panel}-submit`).disabled = !completeness.complete;
}

function statusError(e) {
  $('status').textContent = `Something went wrong: ${e instanceof TelschemaError ? `${e.code}: ` : ''}${e.message}`;
  $('status').className = 'status error';
}

// Porting form.
let porting;
function updatePorting() {
  const numbers = structuredClone(SAMPLE_NUMBERS);
  if ($('wireless').checked) numbers[1].svtype = 'wireless';
  $('porting-numbers').replaceChildren(
    ...numbers.map((n) => Object.assign(document.createElement('li'), { textContent: `${n.phone_number} · ${n.svtype}` })),
  );
  const draft = readForm('porting-form', PORTING_FIELDS, { phone_numbers: numbers });
  porting = check('draft_sub_request', draft, { now: new Date().toISOString() });
  render('porting-form', PORTING_FIELDS, porting);
  $('porting-body').hidden = true;
}

// The update body that would be sent: the draft's editable fields, normalized.
function submitPorting() {
  const update = {};
  for (const [k, v] of Object.entries(porting.document)) {
    if (PORTING_FIELDS.some((f) => f.path.split('/')[0] === k)) update[k] = v;
  }
  const body = $('porting-body');
  body.textContent = `PATCH /v2/porting_orders/…/sub_requests/…\n${JSON.stringify(update, null, 2)}`;
  body.hidden = false;
}

// E911 form (a Kazoo phone number document with its e911 object).
let e911;
function updateE911() {
  const doc = readForm('e911-form', E911_FIELDS, { e911: {} });
  e911 = check('phone_number', doc, { now: new Date().toISOString() });
  render('e911-form', E911_FIELDS, e911);
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
  buildForm('porting-form', PORTING_FIELDS);
  buildForm('e911-form', E911_FIELDS);
  const select = $('paste-kind');
  for (const k of ['auto', ...kinds()]) select.add(new Option(k === 'auto' ? 'auto (tell from the document)' : k, k));
  $('porting-form').addEventListener('input', updatePorting);
  $('wireless').addEventListener('change', updatePorting);
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
