// Compiled by `tsc --noEmit --strict` in make test: the package's types
// describe the real shapes (a wrong use below must fail to compile).
import init, {
  AsYouType,
  check,
  completeness,
  exampleNumber,
  fields,
  findNumbers,
  format,
  kinds,
  normalize,
  normalizeMany,
  regions,
  schema,
  shortNumberInfo,
  TelschemaError,
  toKazooError,
  validate,
  type Completeness,
  type Documents,
  type Issue,
  type IssueCode,
  type Field,
  type FoundNumber,
  type NormalizedNumber,
  type Outcome,
  type Reformatted,
  type RegionInfo,
  type Report,
  type ShortNumberCost,
  type ShortNumberInfo,
} from 'telschema';

await init();

const update: Documents['draft_sub_request'] = {
  auth_person_name: 'Ada Lovelace',
  billing_phone_number: '+13125354200',
  country_code: 'US',
};
const report: Report = validate('draft_sub_request', update, { now: new Date(), phoneLevel: 'possible' });
const first: Issue | undefined = report.errors[0];
const path: string | undefined = first?.path;
const valid: boolean = report.valid;

const outcome: Outcome<'draft_sub_request'> = check('draft_sub_request', '{"phone_numbers": []}');
const percent: number = outcome.completeness.percent;
const next: string | null = completeness('auto', update).next;
const c: Completeness = outcome.completeness;

const n: NormalizedNumber = normalize('(312) 535-4200', { defaultRegion: 'US' });
const region: string | null = n.region;
for (const entry of normalizeMany(['+13125354200', 'abc'])) {
  if ('error' in entry) {
    const code: string = entry.error.code;
    void code;
  } else {
    const e164: string = entry.e164;
    void e164;
  }
}
const body = toKazooError(report);
const status: 'error' | undefined = body?.status;
const ids: string[] = kinds();
const s: Record<string, unknown> = schema('e911');

try {
  normalize('abc');
} catch (e) {
  if (e instanceof TelschemaError) {
    const code: string = e.code;
    void code;
  }
}

// @ts-expect-error: not a kind
validate('e912', '{}');
// @ts-expect-error: not an option
validate('e911', '{}', { region: 'US' });
// @ts-expect-error: phoneLevel is 'valid' | 'possible'
validate('e911', '{}', { phoneLevel: 'strict' });
// @ts-expect-error: a report's valid is a boolean, not a string
const wrong: string = report.valid;
// @ts-expect-error: a country code is one of the assigned ones
const badCountry: Documents['sub_request_update']['country_code'] = 'XX';
// @ts-expect-error: a BigInt is not JSON
check('e911', { street_address: '1 Main St', locality: 'Chicago', region: 'IL', postal_code: '60654', latitude: 10n });

// Issue codes are the generated union (codes.d.ts, from telschema::Code).
const issueCode: IssueCode | undefined = first?.code;
const missingCode: IssueCode | undefined = c.invalid[0]?.code;
// @ts-expect-error: not an issue code
const badCode: IssueCode = 'requried';
// @ts-expect-error: an outcome's document text is a string
const docText: number = outcome.documentJson;
const need: Field['need'] = 'conditional';
// @ts-expect-error: a field's need is required, conditional or optional
const badNeed: Field['need'] = 'maybe';

void [path, valid, percent, next, c, region, status, ids, s, wrong, badCountry];
void [issueCode, missingCode, badCode, docText, need, badNeed];

// Formatting, example numbers and regions.
const shown: string = format('3125354200', 'national', { defaultRegion: 'US' });
const dialled: string = format('+44 20 7946 0958', 'out_of_country', { from: 'US' });
const placeholder: NormalizedNumber | null = exampleNumber('DE', 'mobile');
const selector: RegionInfo[] = regions();
const code: number = selector[0].callingCode;
void [shown, dialled, placeholder, code];
// @ts-expect-error: not a style
format('3125354200', 'pretty');
// @ts-expect-error: not a number type
exampleNumber('DE', 'landline');

// Numbers in text.
const pasted: FoundNumber[] = findNumbers('Ring 020 7031 3000', { defaultRegion: 'GB', phoneLevel: 'possible' });
const at: [number, number, string, string] = [pasted[0].start, pasted[0].end, pasted[0].text, pasted[0].number.e164];
void at;
// @ts-expect-error: the text is a string
findNumbers(42);
// Short and emergency numbers.
const short: ShortNumberInfo = shortNumberInfo('911', 'US');
const emergency: boolean = short.emergency && short.connectsToEmergency;
const cost: ShortNumberCost = short.cost;
void [emergency, cost];
// @ts-expect-error: not a cost
const wrongCost: ShortNumberCost = 'free';
// @ts-expect-error: the region is needed
shortNumberInfo('911');
// As you type.
const typing = new AsYouType('US');
const partial: string = typing.input('650253');
const kept: Reformatted = typing.reformat('(650) 2153', 7);
const caret: number = kept.caret;
typing.reset();
void [partial, caret];
// @ts-expect-error: the caret is a number
typing.reformat('650', '3');


// Standard Schema: the object is the official interface's (@standard-schema/spec), typed by kind.
import { standardSchema, type StandardSchemaInput, type StandardSchemaIssue, type TelschemaStandardSchema } from 'telschema';
import type { StandardSchemaV1 as SpecSchema } from '@standard-schema/spec';
const e911Form: TelschemaStandardSchema<'e911'> = standardSchema('e911', { normalize: true, defaultRegion: 'US', onReport: (r) => void r.warnings });
const asSpec: SpecSchema<StandardSchemaInput<'e911'>, Documents['e911']> = e911Form;
const formValues: SpecSchema.InferInput<typeof asSpec> = { street_address: '', locality: 'Chicago', legacy_data: { suite: '' } };
const judged = e911Form['~standard'].validate(formValues);
if (!(judged instanceof Promise)) {
  const warnings: Issue[] = judged.report.warnings;
  if (judged.issues) {
    const issue: StandardSchemaIssue = judged.issues[0];
    const segment: string | number = issue.path[0];
    void [issue.code, segment];
  } else {
    const street: string = judged.value.street_address;
    void street;
  }
  void warnings;
}
void [asSpec, formValues];
// @ts-expect-error: not a kind
standardSchema('e912');
// @ts-expect-error: emptyAsAbsent is a boolean
standardSchema('e911', { emptyAsAbsent: 'yes' });
// @ts-expect-error: not an option
standardSchema('e911', { region: 'US' });
// @ts-expect-error: a misspelt field in the form's values
const misspelt: StandardSchemaInput<'e911'> = { stret_address: 'x' };
if (!(judged instanceof Promise) && !judged.issues) {
  // @ts-expect-error: a valid e911 value has no such field
  void judged.value.stret_address;
}
void misspelt;

// Form metadata in a locale: labels, hints and reasons translated.
const frenchFields = fields('e911', { locale: 'fr' });
const firstLabel: string | undefined = frenchFields[0]?.label;
void firstLabel;
// @ts-expect-error: no messages in Portuguese
fields('e911', { locale: 'pt' });
