// Generated from telschema::Code by tests/generated.rs; do not edit
// (UPDATE_GENERATED=1 cargo test --release --test generated).

/** The stable snake_case code of an issue (README, Codes). */
export type IssueCode =
  /** error: a required field is missing (path = the field), or, in `sub_request_update` and `draft_sub_request_update`, `new_billing_phone_number` when `remaining_numbers_action` is `keep` (in the draft read kinds that is a completeness need, never an error) */
  | 'required'
  /** error: wrong JSON type (a required field that is `null` included) */
  | 'type'
  /** error: not one of the allowed values (ISO 3166-1 codes for `country_code`) */
  | 'enum'
  /** error: not the one value the schema allows there */
  | 'const'
  /** error: a string shorter than its minimum length */
  | 'min_length'
  /** error: a string longer than its maximum length */
  | 'max_length'
  /** error: a number below its minimum (CM.com `quantity` 1..1000; every `int32` field −2,147,483,648 and `int64` field likewise, the bounds written into the schemas so that every validator enforces them, as ajv-formats does) */
  | 'minimum'
  /** error: a number above its maximum (CM.com `quantity` 1..1000; `int32` 2,147,483,647, `int64` likewise) */
  | 'maximum'
  /** error: an empty `numbers` list in `number_collection` */
  | 'min_items'
  /** error: E.164, two-letter area, RFC 3339 date-time, UUID, http(s) URL */
  | 'pattern'
  /** error: `date-time` (RFC 3339, real dates, leap seconds only at 23:59 UTC), `uuid` (hyphenated), `uri` (RFC 3986, absolute) asserted. One mistake is one issue: a value failing both a format and the pattern paired with it gets the `format` issue alone, with the pattern's message */
  | 'format'
  /** warning: a required field sent as `""` or white space, which upstream accepts where the schema sets no minimum length; completeness counts it as missing */
  | 'blank_required'
  /** error / warning: the number cannot be normalized, or the metadata says it is not a number in use (warning in Kazoo kinds and for `numbers[]` that are possible) */
  | 'phone_invalid'
  /** error / warning: wrong number of digits for its country (warning in `phone_number`) */
  | 'phone_not_possible'
  /** error / warning: instead of `phone_not_possible` / `phone_invalid` (same severity): the number is an emergency number of its region (`911`, `+44 999`), not a DID (Short and emergency numbers) */
  | 'phone_emergency'
  /** error / warning: likewise for a short code of its region (`611`, `+1 23333`) */
  | 'phone_short_code'
  /** error: the same number twice in `numbers` once normalized */
  | 'duplicate_number'
  /** error: CM.com order with neither `areaCode` nor `city` (reported at both) */
  | 'area_code_or_city_required'
  /** error: CM.com order in a NANP country without `region` */
  | 'region_required'
  /** warning: a field the kind does not name, with "did you mean" where one is close */
  | 'unknown_field'
  /** warning: a US/CA `administrative_area`, or Kazoo `e911.region`, that is no state, territory or province code */
  | 'unknown_administrative_area'
  /** warning: a postal code that does not fit the country (US ZIP / ZIP+4, Canadian A1A 1A1) */
  | 'postal_code_format'
  /** warning: requested FOC date in the past (only when `now` is given) */
  | 'foc_date_in_past'
  /** warning: requested FOC date on a Saturday or Sunday (only when `now` is given) */
  | 'foc_date_on_weekend'
  /** warning: `remaining_numbers_action` or `new_billing_phone_number` sent with porting-option type `full` */
  | 'full_port_attribute'
  /** warning: `tax_identifier` / `business_identifier` with a non-EU `country_code` */
  | 'eu_identifier_outside_eu'
  /** warning: the billing number's country differs from `country_code` */
  | 'billing_country_mismatch'
  /** warning: a draft sub request's own `complete` flag disagrees with our completeness */
  | 'complete_flag_mismatch'
  /** warning: `check` removed an extension E.164 cannot hold; the warning's `value` carries it */
  | 'phone_extension'
  /** warning: `check` removed a label from a number (`(Handy)`, a name after it); the warning's `value` carries the text removed */
  | 'phone_label'
  /** warning: with `lenient_types`, a string read as a boolean or number */
  | 'lenient_type'
  /** error: the document's text is not JSON (a document given as text: `validate_str`, `check_str`, a string or bytes in JavaScript); at path `""`, with the line and column */
  | 'invalid_json'
  /** error: a key twice in one object of the document's text (the last value is judged, as `JSON.parse` keeps it), with the line and column */
  | 'duplicate_key'
  /** error: the document's bytes are not UTF-8, with the offset of the first bad byte */
  | 'invalid_utf8'
  /** error: a value past a limit (Limits): nesting, string or key length, array length */
  | 'limit_exceeded'
  /** error: the embedded schema failed to compile (never expected; a test compiles them all) */
  | 'internal_error';
