// Compiled by `tsc --noEmit --strict` (tests/js/tooling.test.mjs): each
// `@ts-expect-error` below must be needed (tsc fails on one that is not), so
// each proves that the types reject that mistake; the other lines must
// compile. A negative line changes one thing in a document that compiles;
// the text in [brackets] must be in tsc's message for that line (the
// tooling test checks it), so each fails for the reason it names.
import {
  check,
  completeness,
  validate,
  type DocumentInput,
  type Documents,
  type Issue,
  type IssueCode,
  type JsonValue,
  type Kind,
  type Options,
  type PartialDocumentInput,
  type Report,
} from 'telschema';

const address = {
  street_address: '222 W Merchandise Mart Plaza',
  locality: 'Chicago',
  region: 'IL',
  postal_code: '60654',
};
const d: Documents['e911'] = address;

// A document literal is checked against its kind's type.
validate('e911', { ...address, extended_address: 'Suite 1200' });
validate('e911', { data: address, $schema: 'https://telschema.dev/schemas/e911.schema.json' });
// @ts-expect-error: a misspelt field ['stret_address' does not exist]
validate('e911', { ...address, stret_address: 'x' });
// @ts-expect-error: a misspelt field, in an envelope ['stret_address' does not exist]
validate('e911', { data: { ...address, stret_address: 'x' } });
// @ts-expect-error: postal_code is a string [Type 'number' is not assignable to type 'string']
validate('e911', { ...address, postal_code: 60654 });
// @ts-expect-error: a required field is missing (e911 is not a draft kind) [Property 'street_address' is missing]
validate('e911', { locality: 'Chicago', region: 'IL', postal_code: '60654' });
// @ts-expect-error: a misspelt field in check ['stret_address' does not exist]
check('e911', { ...address, stret_address: 'x' });
// @ts-expect-error: a wrong type in check [Type 'number' is not assignable to type 'string']
check('e911', { ...address, postal_code: 60654 });

// A list's length is judged at run time (min_items), so any string[] is a numbers list.
const pasted: string[] = '+13125354200 +13125354201'.split(' ');
validate('number_collection', { numbers: pasted });
// @ts-expect-error: the numbers are strings [Type 'number' is not assignable to type 'string']
validate('number_collection', { numbers: [3125354200] });

// JSON text and bytes compile whatever they hold; "auto" takes any JSON value.
validate('e911', '{"stret_address": "x"}');
validate('e911', new TextEncoder().encode(JSON.stringify(address)));
const body: JsonValue = JSON.parse('{"whatever": [1, "two", null]}');
validate('auto', body);
validate('auto', { anything: { goes: [1, 'two', null] } });
validate('auto', d);
check('auto', body);
completeness('auto', body);
// A kind typed as the whole Kind (chosen at run time) takes any JSON value too.
const chosen = 'e911' as Kind;
validate(chosen, body);

// A function generic over the kind passes its document on as DocumentInput<K>.
export function judge<K extends Kind>(kind: K, document: DocumentInput<K>, partial: PartialDocumentInput<K>) {
  return [validate(kind, document).valid, check(kind, document).report, completeness(kind, partial).percent] as const;
}
judge('e911', d, { street_address: '' });
// @ts-expect-error: the wrapper checks the literal too ['stret_address' does not exist]
judge('e911', d, { stret_address: '' });

// Forms: completeness takes a deep-partial document of the kind; so do
// validate and check for the draft read kinds.
completeness('e911', { street_address: '' });
completeness('draft_port_request', { sub_requests: [{ phone_numbers: [{}] }] });
validate('draft_sub_request', { phone_numbers: [{}] });
check('draft_port_request', { data: { sub_requests: [{ auth_person_name: 'Ada' }] } });
// @ts-expect-error: a misspelt field in a partial document ['stret_address' does not exist]
completeness('e911', { stret_address: 'x' });
// @ts-expect-error: a wrong type deep in a partial document [Type 'number' is not assignable to type 'string']
completeness('draft_sub_request', { phone_numbers: [{ phone_number: 3125354200 }] });
// @ts-expect-error: a misspelt field deep in a draft ['auth_persn_name' does not exist]
validate('draft_port_request', { sub_requests: [{ auth_persn_name: 'Ada' }] });

// check's document is typed by its kind, bare or enveloped as given.
const street: string = check('e911', d).document.street_address;
const enveloped: string | undefined = check('e911', { data: d }).document.data?.locality;
const draftNumber: string | null | undefined = check('draft_sub_request', { phone_numbers: [{}] }).document
  .phone_numbers?.[0]?.phone_number;
const fromText = check('e911', '{"data": {}}').document;
// @ts-expect-error: JSON text may hold an envelope: narrow before reading a field [Property 'street_address' does not exist on type 'Bare<E911Document> | Envelope<E911Document>']
void fromText.street_address;
if (!('data' in fromText)) void (fromText.street_address satisfies string);
// @ts-expect-error: a field the kind does not have [Property 'stret_address' does not exist]
void check('e911', d).document.stret_address;
void [street, enveloped, draftNumber];

// Issue codes are the union IssueCode.
const report: Report = validate('e911', d);
if (report.errors[0].code === 'required') void report.errors[0].path;
const codes: IssueCode[] = report.warnings.map((w: Issue) => w.code);
// @ts-expect-error: not an issue code ['"requird"']
if (report.errors[0].code === 'requird') void 0;
// @ts-expect-error: not an issue code ['"requird"']
codes.includes('requird');
void codes;

// Kinds, options and locales.
// @ts-expect-error: not a kind ['"e912"' is not assignable to parameter of type 'KindOrAuto']
validate('e912', '{}');
// @ts-expect-error: not a kind ['"E911"' is not assignable to parameter of type 'KindOrAuto']
completeness('E911', '{}');
const options: Options = { defaultRegion: 'CA', locale: 'fr-CA', phoneLevel: 'possible', limits: { maxDepth: 8 } };
validate('e911', d, { ...options, locale: 'nl' });
// @ts-expect-error: not an option (it is defaultRegion) ['region' does not exist in type 'Options']
validate('e911', d, { region: 'US' });
// @ts-expect-error: not a limit ['maxBytes' does not exist in type 'Limits']
validate('e911', d, { limits: { maxBytes: 10 } });
// @ts-expect-error: a locale telschema has no messages in [Type '"pt"' is not assignable]
validate('e911', d, { locale: 'pt' });
// @ts-expect-error: a locale telschema has no messages in, as a tag [Type '"pt-BR"' is not assignable]
validate('e911', d, { locale: 'pt-BR' });
