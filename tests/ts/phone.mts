// Compiled by `tsc --noEmit --strict` in make test (tests/ts/tsconfig.json):
// telschema/phone resolves to the phone entry's own types, which have the
// phone API with the full entry's types and none of the documents' API.
import init, { AsYouType, exampleNumber, findNumbers, format, normalize, normalizeMany, regions, shortNumberInfo, TelschemaError } from 'telschema/phone';
import type { FoundNumber, NormalizedNumber, NormalizeFailure, Options, RegionInfo, Reformatted } from 'telschema/phone';
import * as phone from 'telschema/phone';

await init();
const options: Options = { defaultRegion: 'GB', phoneLevel: 'possible' };
const n: NormalizedNumber = normalize('020 7946 0958', options);
const e164: string = n.e164;
const many: Array<NormalizedNumber | NormalizeFailure> = normalizeMany(['+44 20 7946 0958', 'abc']);
const international: string = format(e164, 'out_of_country', { from: 'US' });
const found: FoundNumber[] = findNumbers('Call 020 7946 0958', options);
const example: NormalizedNumber | null = exampleNumber('DE', 'mobile');
const list: RegionInfo[] = regions();
const emergency: boolean = shortNumberInfo('112', 'DE').emergency;
const typing = new AsYouType('US');
const shown: string = typing.input('312');
const field: Reformatted = typing.reformat('3125354200', 4);
try {
  normalize('');
} catch (e) {
  if (e instanceof TelschemaError) console.log(e.code);
}
// @ts-expect-error: the phone entry has no validate (the full entry's documents API)
phone.validate('e911', {});
// @ts-expect-error: nor standardSchema
phone.standardSchema('e911');
console.log(many, international, found, example, list, emergency, shown, field);
