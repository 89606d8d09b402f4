// The types of telschema's JavaScript API (pkg/web/telschema.js,
// pkg/node/telschema.js). The function signatures are written here; the
// types they use are generated: the document types from the schemas
// (documents.d.ts), the result shapes from the Rust types (results.d.ts) and
// the issue codes from telschema::Code (codes.d.ts). See js/gen-types.mjs.
import type { DocumentOf, Kind } from './documents.js';
import type {
  CheckOutcome,
  Completeness,
  Field,
  NormalizedNumber,
  NumberType,
  RegionInfo,
  Report,
  ShortNumberCost,
  ShortNumberInfo,
} from './results.js';

export type * from './documents.js';
export type * from './results.js';
export type * from './codes.js';

/** Any value JSON can hold (what a document may be before it is judged). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/** A kind id, or "auto" to let telschema name it (by "$schema", else by shape). */
export type KindOrAuto = Kind | 'auto';

/**
 * A document: a JavaScript object, a JSON string, or a Uint8Array of UTF-8
 * JSON. Any JSON value is judged (that is the point); the kind's own type
 * gives editors its fields.
 */
export type DocumentInput<K extends KindOrAuto = KindOrAuto> =
  | (K extends Kind ? DocumentOf<K> : DocumentOf<Kind>)
  | JsonValue
  | Uint8Array;

/** The options every entry point takes; an unknown key throws `unknown_option`. */
export interface Options {
  /** Region for numbers written in national form (ISO 3166-1 alpha-2). Default "US". */
  defaultRegion?: string;
  /** "valid" (metadata validity, the default) or "possible" (length only). */
  phoneLevel?: 'valid' | 'possible';
  /** The current time (RFC 3339) for date rules; without it they are skipped. */
  now?: string | Date;
  /** Country of a CM.com order: a NANP country makes `region` required. */
  orderCountry?: string;
  /** Accept "true"/"42" for booleans/numbers, with a `lenient_type` warning. */
  lenientTypes?: boolean;
  /** Limits on documents and reports (README, Limits). */
  limits?: Limits;
  /**
   * Language of messages, labels and reasons: "en" (default), "fr", "es", "de", "nl"; a tag such as
   * "fr-CA" reads as its language. Any other throws `unknown_option`.
   */
  locale?: Locale | `${Locale}-${string}` | `${Locale}_${string}`;
}

/** A language telschema writes its messages in. */
export type Locale = 'en' | 'fr' | 'es' | 'de' | 'nl';

/** Each limit's default is in the README; a breach is a `limit_exceeded` error. */
export interface Limits {
  /** Largest document text in bytes (strings and Uint8Arrays). Default 1048576. */
  maxDocumentBytes?: number;
  /** Deepest nesting of objects and arrays. Default 32. */
  maxDepth?: number;
  /** Longest string or key, in characters. Default 10000. */
  maxStringLength?: number;
  /** Longest array. Default 10000. */
  maxArrayLength?: number;
  /** Most errors, and most warnings, a report lists (the rest are counted in `omitted`). Default 1000. */
  maxIssues?: number;
}

/** The codes a number that cannot be normalized throws (or gets in normalizeMany). */
export type PhoneErrorCode =
  | 'empty'
  | 'not_a_number'
  | 'invalid_country_code'
  | 'too_short'
  | 'too_long'
  | 'too_large'
  | 'normalization_mismatch'
  | 'unknown_region'
  | 'text_in_number'
  | 'ambiguous_extension'
  | 'two_numbers';

/** A phone number found in a text by `findNumbers`. */
export interface FoundNumber {
  /** Offset of the first character, in UTF-16 code units: `text.slice(start, end)` is `text`. */
  start: number;
  /** Offset after the last character, in UTF-16 code units. */
  end: number;
  /** The number as written in the text. */
  text: string;
  number: NormalizedNumber;
}

/** A normalizeMany entry for an input that cannot be normalized. */
export interface NormalizeFailure {
  error: { code: PhoneErrorCode | 'invalid_argument' | 'invalid_unicode'; message: string };
}

/** A formatting style of `format`. */
export type FormatStyle = 'e164' | 'international' | 'national' | 'rfc3966' | 'out_of_country';

/** The options of `format`: those of `normalize`, and the calling region for `out_of_country`. */
export interface FormatOptions extends Options {
  from?: string;
}


/** What check() found (CheckOutcome, with the document typed by its kind, and its JSON text). */
export interface Outcome<K extends KindOrAuto = KindOrAuto> extends Omit<CheckOutcome, 'document'> {
  /** The document with its phone fields in E.164 (key order kept); judged in `report`. */
  document: (K extends Kind ? DocumentOf<K> : DocumentOf<Kind>) | JsonValue;
  /**
   * The same document as JSON text. `document` went through `JSON.parse`, which
   * rounds integers past 2^53 (12345678901234567890 becomes 12345678901234567000);
   * this text keeps every digit of a document given as JSON text or bytes.
   */
  documentJson: string;
}

/** Kazoo's 400 body: keys are dotted paths, then keyword → { message, target?, value? }. */
export interface KazooErrorBody {
  data: Record<string, Record<string, { message: string; target?: unknown; value?: unknown }>>;
  error: string;
  message: string;
  status: 'error';
}

export type ErrorCode =
  | PhoneErrorCode
  | 'unknown_kind'
  | 'ambiguous_kind'
  | 'unknown_option'
  | 'invalid_option'
  | 'invalid_document'
  | 'invalid_json'
  | 'invalid_utf8'
  | 'invalid_unicode'
  | 'invalid_argument'
  | 'duplicate_key'
  | 'limit_exceeded'
  | 'not_initialized'
  | 'internal_error';

/** Every error telschema throws: a real Error with a stable code. */
export class TelschemaError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown });
}

/** Browsers: loads the .wasm (default: next to telschema.js). Node: resolves at once. */
export default function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
export function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Instantiates synchronously from a WebAssembly.Module or the .wasm bytes. */
export function initSync(input: BufferSource | WebAssembly.Module): void;

/** Normalizes one number to E.164; throws TelschemaError when no E.164 can be produced. */
export function normalize(input: string, options?: Options): NormalizedNumber;
/** One entry per input, in order; never throws for a bad number. */
export function normalizeMany(inputs: Iterable<string>, options?: Options): Array<NormalizedNumber | NormalizeFailure>;
/** Normalizes a number (same errors as normalize), then formats it in a style. */
export function format(input: string, style: FormatStyle, options?: FormatOptions): string;
/**
 * The phone numbers in a text (libphonenumber's PhoneNumberMatcher: leniency VALID, or POSSIBLE
 * with `phoneLevel: 'possible'`); letters are never read as digits. Throws `limit_exceeded` for a
 * text over 1,000,000 characters, `unknown_region` for an unknown `defaultRegion`.
 */
export function findNumbers(text: string, options?: Options): FoundNumber[];
/** The metadata's example number of a type (default fixed_line) in a region, or null. */
export function exampleNumber(region: string, type?: NumberType): NormalizedNumber | null;
/** Every region of the metadata (names: Intl.DisplayNames). */
export function regions(): RegionInfo[];
/** What the short-number metadata says of `text` dialled in `region`; throws unknown_region for a region it does not know. */
export function shortNumberInfo(text: string, region: string): ShortNumberInfo;
/** A form field's value formatted as you type, with its caret (`AsYouType.reformat`). */
export interface Reformatted {
  value: string;
  /** UTF-16 offset into `value` (for `setSelectionRange`). */
  caret: number;
}
/**
 * Formats a phone number as it is typed, giving libphonenumber's
 * AsYouTypeFormatter's string after every keystroke. A letter, or a `+`
 * after the start, stops formatting (the text is shown as typed; letters are
 * never read as digits). A region the metadata does not know formats only
 * numbers typed with `+`.
 */
export class AsYouType {
  constructor(region: string);
  /** Appends text (a keystroke or a paste); returns the whole value formatted so far. */
  input(text: string): string;
  /** Forgets what was typed. */
  reset(): void;
  /**
   * Formats a field's whole value (its punctuation dropped, the rest typed
   * anew) with the caret (UTF-16 offset, default the end) kept after the same
   * character; a value holding a letter is returned as it is. Later `input`
   * calls continue from it.
   */
  reformat(value: string, caret?: number): Reformatted;
}
/** Validates a document as `kind` (or "auto"). */
export function validate<K extends KindOrAuto>(kind: K, document: DocumentInput<K>, options?: Options): Report;
/** Which necessary fields are missing, why, and which to ask for next. */
export function completeness<K extends KindOrAuto>(kind: K, document: DocumentInput<K>, options?: Options): Completeness;
/** Normalizes phone fields in a copy, then validates and computes completeness. */
export function check<K extends KindOrAuto>(kind: K, document: DocumentInput<K>, options?: Options): Outcome<K>;
/** The published JSON Schema (draft 2020-12) of a kind. */
export function schema(kind: Kind): Record<string, unknown>;
/** Form metadata of a kind: every field of its form, in form order; labels, hints and reasons in `options.locale`. */
export function fields(kind: Kind, options?: Options): Field[];
/** The kind ids. */
export function kinds(): Kind[];
/** Kazoo's 400 error body for a report, or null when it is valid. */
export function toKazooError(report: Report): KazooErrorBody | null;
