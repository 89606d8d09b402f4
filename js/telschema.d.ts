// The types of telschema's JavaScript API (pkg/web/telschema.js,
// pkg/node/telschema.js). The function signatures are written here; the
// types they use are generated: the document types from the schemas
// (documents.d.ts), the result shapes from the Rust types (results.d.ts) and
// the issue codes from telschema::Code (codes.d.ts). See js/gen-types.mjs.
// The part above the "telschema/phone ends here" line is also the types of
// the phone-only entry (pkg/phone/, js/build-pkg.mjs).
import type { NormalizedNumber, NumberType, RegionInfo, ShortNumberInfo } from './results.js';

export type * from './results.js';
export type * from './codes.js';

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

/**
 * The codes of telschema's PhoneError: a number that cannot be normalized
 * throws them (or gets them in normalizeMany); `limit_exceeded` is
 * findNumbers' text over its limit.
 */
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
  | 'two_numbers'
  | 'limit_exceeded';

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

// ---------------------------------------------------------------------------
// telschema/phone ends here: the documents' API, in the full entry only.

import type { Documents, Kind } from './documents.js';
import type { CheckOutcome, Completeness, Field, Report } from './results.js';

export type * from './documents.js';

/** Any value JSON can hold (what a document may be before it is judged). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/** A kind id, or "auto" to let telschema name it (by "$schema", else by shape). */
export type KindOrAuto = Kind | 'auto';

/** Every field optional, at every depth: a document while a form fills it in. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [P in keyof T]?: DeepPartial<T[P]> }
    : T;

/** The draft read kinds: nothing missing is an error there, so their documents are deep-partial. */
export type DraftKind = 'draft_sub_request' | 'draft_port_request';

/**
 * The document of kind K as `validate` and `check` take it: the kind's type
 * (`Documents[K]`), deep-partial for the draft read kinds.
 */
export type DocumentFor<K extends Kind> = K extends DraftKind ? DeepPartial<Documents[K]> : Documents[K];

/** A document bare (a "$schema" key allowed beside its fields). */
export type Bare<T> = T & { $schema?: string };
/** A document in an envelope `{ "data": … }` (paths are reported with it: `/data/…`). */
export interface Envelope<T> {
  data: T | null;
  $schema?: string;
}

/**
 * The document an object literal of kind K must be: bare or in an envelope;
 * with "auto", or a kind typed as the whole `Kind` rather than one literal,
 * any JSON value or document.
 */
export type DocumentObject<K extends KindOrAuto, Shape extends { [k in Kind]: unknown } = DocumentShapes> = [
  Kind,
] extends [K]
  ? AnyDocument<Shape>
  : K extends Kind
    ? Bare<Shape[K]> | Envelope<Shape[K]>
    : AnyDocument<Shape>;

/** Any JSON value, or a document of any kind's type. */
export type AnyDocument<Shape extends { [k in Kind]: unknown } = DocumentShapes> =
  | JsonValue
  | Bare<Shape[Kind]>
  | Envelope<Shape[Kind]>;

/** `DocumentFor` of every kind. */
export type DocumentShapes = { [K in Kind]: DocumentFor<K> };
/** `DeepPartial<Documents[K]>` of every kind (what `completeness` takes). */
export type PartialShapes = { [K in Kind]: DeepPartial<Documents[K]> };

/** JSON text whose shape the compiler cannot know: a string, or a Uint8Array of UTF-8. */
export type DocumentText = string | Uint8Array;

/**
 * Any document `validate` and `check` take: an object of the kind's type, or
 * JSON text. A function generic over the kind takes its document as this.
 */
export type DocumentInput<K extends KindOrAuto = KindOrAuto> = DocumentObject<K> | DocumentText;
/** Any document `completeness` takes: a deep-partial object of the kind's type, or JSON text. */
export type PartialDocumentInput<K extends KindOrAuto = KindOrAuto> = DocumentObject<K, PartialShapes> | DocumentText;

/**
 * What check() found (CheckOutcome, with the document typed by its kind, and
 * its JSON text). `document` is what was given with its phone fields
 * rewritten: of the kind's type when the report is valid, whatever was given
 * otherwise (the type says what a valid one holds).
 */
export interface Outcome<K extends KindOrAuto = KindOrAuto, D = OutcomeDocument<K>>
  extends Omit<CheckOutcome, 'document'> {
  /** The document with its phone fields in E.164 (key order kept); judged in `report`. */
  document: D;
  /**
   * The same document as JSON text. `document` went through `JSON.parse`, which
   * rounds integers past 2^53 (12345678901234567890 becomes 12345678901234567000);
   * this text keeps every digit of a document given as JSON text or bytes.
   */
  documentJson: string;
}

/** The document of an Outcome: bare or enveloped as given; any JSON for "auto". */
export type OutcomeDocument<K extends KindOrAuto> = DocumentObject<K>;

/** Kazoo's 400 body: keys are dotted paths, then keyword → { message, target?, value? }. */
export interface KazooErrorBody {
  data: Record<string, Record<string, { message: string; target?: unknown; value?: unknown }>>;
  error: string;
  message: string;
  status: 'error';
}


/**
 * Validates a document as `kind` (or "auto"). An object literal is checked
 * against the kind's type (misspelt fields and wrong types do not compile);
 * JSON text (string or Uint8Array) of any shape is judged at run time.
 */
export function validate<K extends KindOrAuto>(kind: K, document: DocumentObject<K>, options?: Options): Report;
/** JSON text (string or Uint8Array) of any shape; or the above, in a function generic over the kind. */
export function validate<K extends KindOrAuto>(kind: K, document: DocumentInput<K>, options?: Options): Report;
/**
 * Which necessary fields are missing, why, and which to ask for next. Takes
 * a form's document as it is being filled in: every field of the kind's type
 * is optional, at every depth (`DeepPartial`).
 */
export function completeness<K extends KindOrAuto>(
  kind: K,
  document: DocumentObject<K, PartialShapes>,
  options?: Options,
): Completeness;
/** JSON text (string or Uint8Array) of any shape; or the above, in a function generic over the kind. */
export function completeness<K extends KindOrAuto>(kind: K, document: PartialDocumentInput<K>, options?: Options): Completeness;
/**
 * Normalizes phone fields in a copy, then validates and computes
 * completeness. The outcome's `document` has the type of the document given:
 * bare, in an envelope, or (for JSON text) either, to narrow with `'data' in`.
 */
export function check<K extends Kind>(
  kind: K,
  document: Bare<DocumentFor<K>>,
  options?: Options,
): Outcome<K, Bare<DocumentFor<K>>>;
/** A document in an envelope `{ data }`. */
export function check<K extends Kind>(
  kind: K,
  document: Envelope<DocumentFor<K>>,
  options?: Options,
): Outcome<K, Envelope<DocumentFor<K>>>;
/** JSON text (string or Uint8Array) of any shape; "auto"; or either of the above in a function generic over the kind. */
export function check<K extends KindOrAuto>(kind: K, document: DocumentInput<K>, options?: Options): Outcome<K>;
/** The published JSON Schema (draft 2020-12) of a kind. */
export function schema(kind: Kind): Record<string, unknown>;
/** Form metadata of a kind: every field of its form, in form order; labels, hints and reasons in `options.locale`. */
export function fields(kind: Kind, options?: Options): Field[];
/** The kind ids. */
export function kinds(): Kind[];
/** Kazoo's 400 error body for a report, or null when it is valid. */
export function toKazooError(report: Report): KazooErrorBody | null;

// ---------------------------------------------------------------------------
// Standard Schema (standardSchema): self-contained, for form libraries.

/**
 * The Standard Schema v1 interface (https://standardschema.dev), written out
 * here so that the package needs no dependency; structurally the same as
 * `StandardSchemaV1` of `@standard-schema/spec` 1.1.0 (tests/ts checks that
 * one is assignable to the other).
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}
export namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: StandardSchemaV1.Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** What a form holds for a document type: every field optional at any depth, and "" wherever a value goes (blank inputs). */
export type FormValues<T> = T extends readonly (infer U)[]
  ? FormValues<U>[]
  : T extends object
    ? { [P in keyof T]?: FormValues<T[P]> }
    : T | '';

/** The input of `standardSchema(kind)`: the form's values for the kind's document (any object for "auto"). */
export type StandardSchemaInput<K extends KindOrAuto> = K extends Kind
  ? FormValues<import('./documents.js').Documents[K]>
  : { [key: string]: JsonValue | undefined };
/** The value of a successful validation: the kind's document (blank fields dropped; phone fields in E.164 with `normalize`). */
export type StandardSchemaOutput<K extends KindOrAuto> = K extends Kind ? import('./documents.js').Documents[K] : import('./documents.js').DocumentOf<Kind>;

/** A Standard Schema issue from telschema: one per error of the report. */
export interface StandardSchemaIssue extends StandardSchemaV1.Issue {
  /** The error's JSON Pointer as keys and array indexes (numbers); `[]` at the root. */
  readonly path: ReadonlyArray<string | number>;
  /** The issue's code (an error the document could not even be read with, such as `invalid_json`, is an ErrorCode). */
  readonly code: import('./codes.js').IssueCode | ErrorCode;
}

/** A Report, except that `kind` is the kind asked for when the document could not be read ("auto" stays "auto"). */
export type StandardSchemaReport = Omit<import('./results.js').Report, 'kind'> & { kind: KindOrAuto };

/** The result of `validate`: Standard Schema's, with the whole report (its warnings too) beside it. */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined; readonly report: StandardSchemaReport }
  | { readonly issues: ReadonlyArray<StandardSchemaIssue>; readonly report: StandardSchemaReport };

/** The options of `standardSchema`: its own three, and telschema's Options passed to the core. */
export interface StandardSchemaOptions extends Options {
  /** Object fields whose value is "" or only whitespace are absent, at any depth (array items stay). Default true. */
  emptyAsAbsent?: boolean;
  /** Validate and return `check`'s document (phone fields in E.164) instead of the document as given. Default false. */
  normalize?: boolean;
  /** Called with the whole report (errors and warnings) on every validation. */
  onReport?: (report: StandardSchemaReport) => void;
}

/** The `~standard` property of `standardSchema`'s object. */
export interface TelschemaStandardProps<K extends KindOrAuto = KindOrAuto>
  extends StandardSchemaV1.Props<StandardSchemaInput<K>, StandardSchemaOutput<K>> {
  readonly vendor: 'telschema';
  /** Synchronous once telschema is initialized; a Promise that waits for `init()` before. Never throws for a bad document. */
  readonly validate: (
    value: unknown,
    options?: StandardSchemaV1.Options | undefined,
  ) => StandardSchemaResult<StandardSchemaOutput<K>> | Promise<StandardSchemaResult<StandardSchemaOutput<K>>>;
}

/** The object `standardSchema` returns. */
export interface TelschemaStandardSchema<K extends KindOrAuto = KindOrAuto>
  extends StandardSchemaV1<StandardSchemaInput<K>, StandardSchemaOutput<K>> {
  readonly '~standard': TelschemaStandardProps<K>;
}

/**
 * A Standard Schema v1 object for a kind, for React Hook Form
 * (`standardSchemaResolver`), TanStack Form (`validators`) and any other
 * library that takes one. Throws `unknown_kind` or `invalid_option` (and
 * `unknown_option` once initialized) at once.
 */
export function standardSchema<K extends KindOrAuto>(kind: K, options?: StandardSchemaOptions): TelschemaStandardSchema<K>;
