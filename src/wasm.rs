//! The WebAssembly exports (compiled only for `wasm32`): thin calls into the
//! core. Each export takes `JsValue`s and returns one JSON string,
//! `{"ok": value}` or `{"error": {"code", "message"}}`; `telschema.js` (the
//! package's wrapper, see `js/`) parses it, throws `Error` with `code` for an
//! error and re-instantiates the module after a trap. One string each way is
//! cheaper than building JavaScript objects field by field across the
//! boundary. Two replies differ: `check`'s ok reply is that JSON, a newline,
//! then the document as JSON text (parsed once by the wrapper, not escaped
//! into the reply), and the compact normalize exports answer in the compact
//! form `js/api.js` describes.
//!
//! Documents arrive as a JSON string, a `Uint8Array` of UTF-8 JSON, or (when
//! the glue is called directly rather than through the wrapper) any other
//! value, which goes through `JSON.stringify`. The wrapper converts objects
//! itself so that values JSON cannot hold (`BigInt`, functions, `Map`,
//! `undefined` in arrays, cycles) are refused instead of dropped.

use js_sys::JsString;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::Options;

// The documents' exports (validate, completeness, check, fields, schema,
// kinds, toKazooError); the phone-only build leaves them out.
#[cfg(feature = "documents")]
mod documents;

#[wasm_bindgen]
extern "C" {
    /// A JavaScript string, for `String.prototype.isWellFormed`.
    #[wasm_bindgen(extends = JsString, js_name = String)]
    type Utf16;
    /// False when the string holds a lone surrogate.
    #[wasm_bindgen(method, js_name = isWellFormed)]
    fn is_well_formed(this: &Utf16) -> bool;
}

/// An error thrown to JavaScript as `Error` with `code`.
struct Fail {
    code: &'static str,
    message: String,
}

impl Fail {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        Fail {
            code,
            message: message.into(),
        }
    }
}

/// `{"ok": value}` written straight from the value (no intermediate
/// `serde_json::Value`), or `{"error": {"code", "message"}}`.
fn reply<T: Serialize>(result: Result<T, Fail>) -> String {
    match result {
        Ok(v) => ok_reply(&v),
        Err(f) => error_reply(f),
    }
}

/// `{"ok": value}`: the one part of [`reply`] written once per type.
fn ok_reply<T: Serialize>(v: &T) -> String {
    let mut buf = b"{\"ok\":".to_vec();
    match serde_json::to_writer(&mut buf, v) {
        Ok(()) => {
            buf.push(b'}');
            String::from_utf8(buf).unwrap_or_else(|_| unwritable())
        }
        Err(_) => unwritable(),
    }
}

/// `{"error": {"code", "message"}}`, written by one function for every
/// export (`#[inline(never)]`: inlined, each export's reply held a copy;
/// code size, README "Speed and size").
#[inline(never)]
fn error_reply(f: Fail) -> String {
    #[derive(Serialize)]
    struct Body {
        error: ErrorBody,
    }
    let body = Body {
        error: ErrorBody {
            code: f.code,
            message: f.message,
        },
    };
    serde_json::to_string(&body).unwrap_or_else(|_| unwritable())
}

#[cold]
fn unwritable() -> String {
    r#"{"error":{"code":"internal_error","message":"The result could not be written as JSON."}}"#.to_string()
}

/// One `normalizeMany` entry.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry {
    Number(crate::NormalizedNumber),
    Failure { error: ErrorBody },
}

#[derive(Serialize)]
struct ErrorBody {
    code: &'static str,
    message: String,
}

/// A JavaScript string as Rust text, refusing lone surrogates.
fn rust_string(v: &JsValue, what: &str) -> Result<String, Fail> {
    let s: &JsString = v
        .dyn_ref::<JsString>()
        .ok_or_else(|| Fail::new("invalid_argument", format!("{what} must be a string.")))?;
    if !s.unchecked_ref::<Utf16>().is_well_formed() {
        return Err(Fail::new(
            "invalid_unicode",
            format!("{what} is not valid UTF-16 (it holds a lone surrogate)."),
        ));
    }
    Ok(String::from(s))
}

fn parse_json(text: &str, limits: &crate::Limits) -> Result<Value, Fail> {
    crate::json::parse_str(text, limits).map_err(|e| match &e {
        crate::json::JsonError::Syntax { message, .. } if message.contains("surrogate") => Fail::new(
            "invalid_unicode",
            format!("The JSON holds a lone surrogate: {message}."),
        ),
        crate::json::JsonError::Syntax { message, .. } => {
            Fail::new("invalid_json", format!("The document is not JSON: {message}."))
        }
        e => Fail::new(e.code(), format!("{}.", e.to_string().trim_end_matches('.'))),
    })
}

/// Options: `undefined`/`null` for the defaults, an object, or a JSON string.
fn options(v: &JsValue) -> Result<Options, Fail> {
    let value = if v.is_undefined() || v.is_null() {
        Value::Null
    } else if v.is_string() {
        parse_json(&rust_string(v, "The options")?, &crate::Limits::default())?
    } else {
        let text = js_sys::JSON::stringify(v)
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| Fail::new("invalid_option", "The options cannot be written as JSON."))?;
        parse_json(&text, &crate::Limits::default())?
    };
    Options::from_json_value(&value).map_err(|e| Fail::new(e.code(), e.to_string()))
}

/// Normalizes one number; `{ error }` with the phone error's code when no
/// E.164 can be produced.
#[wasm_bindgen]
pub fn normalize(input: JsValue, options: JsValue) -> String {
    reply((|| {
        let input = rust_string(&input, "The number")?;
        let options = self::options(&options)?;
        crate::normalize(&input, &options).map_err(|e| Fail::new(e.code(), e.to_string()))
    })())
}

/// Normalizes one number, then formats it: `style` is `e164`,
/// `international`, `national`, `rfc3966` or `out_of_country` (dialled from
/// `from`, which that style requires). The wrapper takes `from` out of the
/// options, since it is no field of `Options`.
#[wasm_bindgen]
pub fn format(input: JsValue, style: JsValue, options: JsValue, from: JsValue) -> String {
    reply((|| {
        let input = rust_string(&input, "The number")?;
        let style = rust_string(&style, "The style")?;
        let options = self::options(&options)?;
        let from = if from.is_undefined() || from.is_null() {
            None
        } else {
            Some(rust_string(&from, "The option from")?)
        };
        let n = crate::normalize(&input, &options).map_err(|e| Fail::new(e.code(), e.to_string()))?;
        let bad_style = || {
            Fail::new(
                "invalid_argument",
                format!("Unknown style {style:?}; use e164, international, national, rfc3966 or out_of_country."),
            )
        };
        if style == "out_of_country" {
            let from = from.ok_or_else(|| {
                Fail::new(
                    "invalid_option",
                    "The style out_of_country needs the option from (a region code).",
                )
            })?;
            return crate::phone::format_out_of_country(&n, &from).map_err(|e| Fail::new(e.code(), e.to_string()));
        }
        let style = match style.as_str() {
            "e164" => crate::phone::Format::E164,
            "international" => crate::phone::Format::International,
            "national" => crate::phone::Format::National,
            "rfc3966" => crate::phone::Format::Rfc3966,
            _ => return Err(bad_style()),
        };
        Ok(crate::phone::format(&n, style))
    })())
}

/// One `findNumbers` entry: offsets in UTF-16 code units, so that
/// `text.slice(start, end)` is the number as written.
#[derive(Serialize)]
struct FoundJs {
    start: usize,
    end: usize,
    text: String,
    number: crate::NormalizedNumber,
}

/// The phone numbers in a text (libphonenumber's `PhoneNumberMatcher`, at
/// leniency VALID, or POSSIBLE with `phoneLevel: "possible"`).
#[wasm_bindgen(js_name = findNumbers)]
pub fn find_numbers(text: JsValue, options: JsValue) -> String {
    reply((|| {
        let text = rust_string(&text, "The text")?;
        let options = self::options(&options)?;
        let chars: Vec<char> = text.chars().collect();
        let found =
            crate::phone::find::find_in_chars(&chars, &options).map_err(|e| Fail::new(e.code(), e.to_string()))?;
        // Character index -> UTF-16 offset, walking once.
        let (mut at, mut unit) = (0usize, 0usize);
        let mut to = |index: usize| {
            while at < index {
                unit += chars.get(at).map_or(0, |c| c.len_utf16());
                at += 1;
            }
            unit
        };
        Ok(found
            .into_iter()
            .map(|m| FoundJs {
                start: to(m.start),
                end: to(m.end),
                text: chars.get(m.start..m.end).unwrap_or(&[]).iter().collect(),
                number: m.number,
            })
            .collect::<Vec<_>>())
    })())
}

/// The metadata's example number of a type in a region (`null` where there
/// is none); the type defaults to fixed line.
#[wasm_bindgen(js_name = exampleNumber)]
pub fn example_number(region: JsValue, number_type: JsValue) -> String {
    reply((|| {
        let region = rust_string(&region, "The region")?;
        let number_type = if number_type.is_undefined() || number_type.is_null() {
            None
        } else {
            let name = rust_string(&number_type, "The number type")?;
            Some(
                NUMBER_TYPES
                    .iter()
                    .copied()
                    .find(|t| t.as_str() == name)
                    .ok_or_else(|| Fail::new("invalid_argument", format!("Unknown number type {name:?}.")))?,
            )
        };
        Ok(crate::phone::example_number(&region, number_type))
    })())
}

/// The number types `exampleNumber` takes, by their serialized names (a
/// match on the name, not serde's enum deserializer through a `Value`).
const NUMBER_TYPES: [crate::phone::NumberType; 12] = {
    use crate::phone::NumberType as T;
    [
        T::FixedLine,
        T::Mobile,
        T::FixedLineOrMobile,
        T::TollFree,
        T::PremiumRate,
        T::SharedCost,
        T::Voip,
        T::PersonalNumber,
        T::Pager,
        T::Uan,
        T::Voicemail,
        T::Unknown,
    ]
};

/// What `reformat` of the wrapper's `AsYouType` returns; `typed` is what
/// later `input` calls continue from.
#[derive(Serialize)]
struct Reformatted {
    value: String,
    caret: usize,
    typed: String,
}

/// The char index of a UTF-16 offset (an offset inside a surrogate pair
/// counts the whole character).
fn char_index(s: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.chars().enumerate() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    s.chars().count()
}

/// The UTF-16 offset of a char index.
fn utf16_offset(s: &str, chars: usize) -> usize {
    s.chars().take(chars).map(char::len_utf16).sum()
}

/// As-you-type formatting without state in the module: the wrapper's
/// `AsYouType` keeps what was typed and sends all of it (re-typing a few
/// dozen characters costs microseconds), so that no object lives in the
/// module, none needs `free()`, and a fresh instance after a trap loses
/// nothing. Without `caret`: the formatted text of `typed`. With `caret` (a
/// UTF-16 offset into `typed`, a form field's value): `reformat`, the caret
/// as a UTF-16 offset into the result.
#[wasm_bindgen(js_name = asYouType)]
pub fn as_you_type(region: JsValue, typed: JsValue, caret: JsValue) -> String {
    let region = match rust_string(&region, "The region") {
        Ok(r) => r,
        Err(f) => return reply::<String>(Err(f)),
    };
    let typed = match rust_string(&typed, "The text") {
        Ok(t) => t,
        Err(f) => return reply::<String>(Err(f)),
    };
    let mut formatter = crate::phone::AsYouType::new(&region);
    if caret.is_undefined() || caret.is_null() {
        return reply(Ok(formatter.input(&typed)));
    }
    let caret = match caret.as_f64() {
        Some(c) if c >= 0.0 && c.fract() == 0.0 => c.min(1e9) as usize,
        _ => {
            return reply::<String>(Err(Fail::new(
                "invalid_argument",
                "The caret must be a whole number of UTF-16 code units, 0 or more.",
            )))
        }
    };
    let (value, at) = formatter.reformat(&typed, char_index(&typed, caret));
    reply(Ok(Reformatted {
        caret: utf16_offset(&value, at),
        value,
        typed: formatter.typed().to_string(),
    }))
}

/// Every region of the metadata with its calling code and prefixes.
#[wasm_bindgen]
pub fn regions() -> String {
    reply(Ok(crate::phone::regions()))
}

/// What the short-number metadata says of a number dialled in a region
/// (emergency number, short code, cost …); `unknown_region` for a region
/// the metadata does not know.
#[wasm_bindgen(js_name = shortNumberInfo)]
pub fn short_number_info(text: JsValue, region: JsValue) -> String {
    reply((|| {
        let text = rust_string(&text, "The number")?;
        let region = rust_string(&region, "The region")?;
        crate::phone::short_number_info(&text, &region).map_err(|e| Fail::new(e.code(), e.to_string()))
    })())
}

/// Normalizes many numbers in one call: one entry per input, in order, with
/// `{ error: { code, message } }` for an input that cannot be normalized.
#[wasm_bindgen(js_name = normalizeMany)]
pub fn normalize_many(inputs: JsValue, options: JsValue) -> String {
    reply((|| {
        let options = self::options(&options)?;
        let entry = |r: Result<crate::NormalizedNumber, Fail>| match r {
            Ok(n) => Entry::Number(n),
            Err(f) => Entry::Failure {
                error: ErrorBody {
                    code: f.code,
                    message: f.message,
                },
            },
        };
        let normalize = |s: &str| crate::normalize(s, &options).map_err(|e| Fail::new(e.code(), e.to_string()));
        // The wrapper's fast path: a JSON array of well-formed strings, one crossing.
        if inputs.is_string() {
            let list: Vec<String> = serde_json::from_str(&rust_string(&inputs, "The list")?).map_err(|e| {
                Fail::new(
                    "invalid_argument",
                    format!("normalizeMany takes an array of strings: {e}."),
                )
            })?;
            return Ok(list.iter().map(|s| entry(normalize(s))).collect::<Vec<_>>());
        }
        let inputs = inputs
            .dyn_ref::<js_sys::Array>()
            .ok_or_else(|| Fail::new("invalid_argument", "normalizeMany takes an array of strings."))?;
        let mut out = Vec::with_capacity(inputs.length() as usize);
        for (i, v) in inputs.iter().enumerate() {
            out.push(entry(
                rust_string(&v, &format!("Entry {i}")).and_then(|s| normalize(&s)),
            ));
        }
        Ok(out)
    })())
}

thread_local! {
    /// The options texts most recently read by the compact exports and what
    /// they parsed to, so that `normalize(x, sameOptions)` called per number
    /// parses its options once (the wrapper sends their JSON text each call).
    static OPTIONS_SEEN: std::cell::RefCell<Vec<(String, Options)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many options texts `OPTIONS_SEEN` keeps, and the longest it keeps.
const OPTIONS_SEEN_MAX: usize = 8;
const OPTIONS_TEXT_MAX: usize = 1024;

/// Runs `f` with the options that `text` (JSON; `null` for the defaults)
/// gives, read once per distinct text.
fn with_options<R>(text: &str, f: impl FnOnce(&Options) -> R) -> Result<R, Fail> {
    OPTIONS_SEEN.with(|seen| {
        let Ok(mut seen) = seen.try_borrow_mut() else {
            return Ok(f(&options_of_text(text)?));
        };
        if let Some((_, options)) = seen.iter().find(|(t, _)| t == text) {
            return Ok(f(options));
        }
        let options = options_of_text(text)?;
        let r = f(&options);
        if text.len() <= OPTIONS_TEXT_MAX {
            if seen.len() >= OPTIONS_SEEN_MAX {
                seen.remove(0);
            }
            seen.push((text.to_string(), options));
        }
        Ok(r)
    })
}

fn options_of_text(text: &str) -> Result<Options, Fail> {
    let value = parse_json(text, &crate::Limits::default())?;
    Options::from_json_value(&value).map_err(|e| Fail::new(e.code(), e.to_string()))
}

/// The compact reply of `normalizeCompact` and `normalizeManyCompact`, which
/// the wrapper decodes into the same objects the JSON reply gives: one record
/// per number, records apart by `\n`, fields by `\t`. A number is `e164,
/// countryCode, region, nationalNumber, numberType, flags, extension,
/// kazooClassifier, coverageCategory`, `flags` one letter `a` + (valid 1,
/// possible 2, region present 4, extension present 8); a failure is `!code`
/// and its message. `None` when a field holds a separator (a message may
/// quote the input): the caller answers in JSON then.
fn push_compact(out: &mut String, r: &Result<crate::NormalizedNumber, Fail>) -> Option<()> {
    let field = |out: &mut String, s: &str| {
        if s.contains(['\t', '\n']) {
            return None;
        }
        out.push_str(s);
        Some(())
    };
    match r {
        Ok(n) => {
            field(out, &n.e164)?;
            out.push('\t');
            let mut digits = [0u8; 5];
            let mut at = digits.len();
            let mut cc = n.country_code;
            loop {
                at -= 1;
                *digits.get_mut(at)? = b'0' + (cc % 10) as u8;
                cc /= 10;
                if cc == 0 || at == 0 {
                    break;
                }
            }
            out.push_str(std::str::from_utf8(digits.get(at..)?).ok()?);
            out.push('\t');
            field(out, n.region.as_deref().unwrap_or(""))?;
            out.push('\t');
            field(out, &n.national_number)?;
            out.push('\t');
            out.push_str(n.number_type.as_str());
            out.push('\t');
            let flags = u8::from(n.valid)
                | u8::from(n.possible) << 1
                | u8::from(n.region.is_some()) << 2
                | u8::from(n.extension.is_some()) << 3;
            out.push(char::from(b'a' + flags));
            out.push('\t');
            field(out, n.extension.as_deref().unwrap_or(""))?;
            out.push('\t');
            field(out, &n.kazoo_classifier)?;
            out.push('\t');
            out.push_str(n.coverage_category.as_str());
        }
        Err(f) => {
            out.push('!');
            out.push_str(f.code);
            out.push('\t');
            field(out, &f.message)?;
        }
    }
    Some(())
}

fn phone_result(input: &str, options: &Options) -> Result<crate::NormalizedNumber, Fail> {
    crate::normalize(input, options).map_err(|e| Fail::new(e.code(), e.to_string()))
}

/// `normalize` for the wrapper's fast path: a well-formed string and the
/// options' JSON text (read once per distinct text), answered in the compact
/// form (`!code\tmessage` for a number with no E.164), or in JSON (`{…}`)
/// for an options error or a message the compact form cannot hold.
#[wasm_bindgen(js_name = normalizeCompact)]
pub fn normalize_compact(input: &str, options: &str) -> String {
    match with_options(options, |o| phone_result(input, o)) {
        Err(f) => reply::<()>(Err(f)),
        Ok(r) => {
            let mut out = String::with_capacity(96);
            match push_compact(&mut out, &r) {
                Some(()) => out,
                None => reply(r),
            }
        }
    }
}

/// The inputs of `normalizeManyCompact`: `joined` cut after each length
/// (UTF-16 code units, as JavaScript counts); `None` when they do not add up.
fn split_utf16<'a>(joined: &'a str, lengths: &[u32]) -> Option<Vec<&'a str>> {
    let total: u64 = lengths.iter().map(|&n| u64::from(n)).sum();
    let mut out = Vec::with_capacity(lengths.len());
    let mut start = 0usize;
    if total == joined.len() as u64 {
        // Only ASCII text has as many bytes as UTF-16 units.
        for &n in lengths {
            let end = start + n as usize;
            out.push(joined.get(start..end)?);
            start = end;
        }
        return Some(out);
    }
    let mut chars = joined.char_indices();
    for &n in lengths {
        let mut units = 0usize;
        let mut end = start;
        while units < n as usize {
            let (i, c) = chars.next()?;
            units += c.len_utf16();
            end = i + c.len_utf8();
        }
        if units != n as usize {
            return None;
        }
        out.push(joined.get(start..end)?);
        start = end;
    }
    (start == joined.len()).then_some(out)
}

/// `normalizeMany` for the wrapper's fast path: the inputs as one string and
/// their lengths, the options' JSON text; one compact record per input (see
/// `push_compact`), or the JSON reply of `normalizeMany` when a message
/// holds a separator or the options are wrong.
#[wasm_bindgen(js_name = normalizeManyCompact)]
pub fn normalize_many_compact(joined: &str, lengths: &[u32], options: &str) -> String {
    let results = with_options(options, |o| {
        let inputs = split_utf16(joined, lengths)
            .ok_or_else(|| Fail::new("invalid_argument", "normalizeMany: the lengths do not match the text."))?;
        Ok(inputs.iter().map(|s| phone_result(s, o)).collect::<Vec<_>>())
    });
    let results = match results.and_then(|r| r) {
        Ok(r) => r,
        Err(f) => return reply::<()>(Err(f)),
    };
    let mut out = String::with_capacity(results.len() * 96);
    let mut compact = true;
    for (i, r) in results.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if push_compact(&mut out, r).is_none() {
            compact = false;
            break;
        }
    }
    if compact {
        return out;
    }
    let entries: Vec<Entry> = results
        .into_iter()
        .map(|r| match r {
            Ok(n) => Entry::Number(n),
            Err(f) => Entry::Failure {
                error: ErrorBody {
                    code: f.code,
                    message: f.message,
                },
            },
        })
        .collect();
    reply(Ok(entries))
}

/// Panics on purpose, to test that a trap leaves the package usable.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = testPanic)]
pub fn test_panic() -> String {
    panic!("test-panic: a deliberate panic")
}
