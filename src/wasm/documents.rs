//! The documents' exports (feature `documents`): a document read from a
//! JSON string, UTF-8 bytes or a value, its kind named, then judged. The
//! phone-only build (`pkg/phone/`) has none of them.

use js_sys::Uint8Array;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{options, reply, rust_string, Fail};
use crate::{documents, Options};

/// A document: a JSON string, UTF-8 JSON bytes, or a value for
/// `JSON.stringify`.
fn document(v: &JsValue, limits: &crate::Limits) -> Result<Value, Fail> {
    let read = document_read(v, limits)?;
    match (read.doc, read.problem) {
        (Some(doc), None) => Ok(doc),
        (_, Some(p)) => Err(fail_of(&p)),
        (None, None) => Err(Fail::new("internal_error", "The document could not be read.")),
    }
}

/// The thrown error for a problem with a document's text (where no report
/// can hold it: `completeness`, kind `auto` with no document).
fn fail_of(p: &crate::Issue) -> Fail {
    let code = match p.code {
        crate::Code::DuplicateKey => "duplicate_key",
        crate::Code::InvalidUtf8 => "invalid_utf8",
        crate::Code::LimitExceeded => "limit_exceeded",
        _ => "invalid_json",
    };
    Fail::new(code, p.message.clone())
}

/// A document read for judging: what the text gives, and its problem as an
/// issue (a report holds it). Thrown only for what is no document at all
/// (`undefined`, a lone surrogate, a value JSON cannot hold).
fn document_read(v: &JsValue, limits: &crate::Limits) -> Result<crate::json::Read, Fail> {
    if v.is_undefined() {
        return Err(Fail::new(
            "invalid_document",
            "The document is undefined; pass an object, a JSON string or a Uint8Array of UTF-8 JSON.",
        ));
    }
    if v.is_string() {
        return Ok(crate::json::read(rust_string(v, "The document")?.as_bytes(), limits));
    }
    if let Some(bytes) = v.dyn_ref::<Uint8Array>() {
        return Ok(crate::json::read(&bytes.to_vec(), limits));
    }
    let text = js_sys::JSON::stringify(v)
        .map_err(|_| Fail::new("invalid_document", "The document cannot be written as JSON."))?;
    match text.as_string() {
        Some(t) => Ok(crate::json::read(t.as_bytes(), limits)),
        None => Err(Fail::new("invalid_document", "The document cannot be written as JSON.")),
    }
}

fn kind(name: &JsValue, doc: &Value) -> Result<documents::Kind, Fail> {
    // A kind id or "auto" read in one call across the boundary (the checked
    // read below costs three): ids are ASCII, and a string holding a lone
    // surrogate reads here with U+FFFD in its place, so it is never taken for
    // one and gets the checked read's error.
    if let Some(s) = name.as_string() {
        if s == "auto" || s.parse::<documents::Kind>().is_ok() {
            return documents::kind_for(&s, doc).map_err(|e| Fail::new(e.code(), e.to_string()));
        }
    }
    let name = rust_string(name, "The kind").map_err(|f| Fail::new("unknown_kind", f.message))?;
    documents::kind_for(&name, doc).map_err(|e| Fail::new(e.code(), e.to_string()))
}

/// Reads the options, the document (within their limits) and the kind
/// (`"auto"` resolved on the document), then judges it with `f`.
fn judge<T: Serialize>(
    kind: &JsValue,
    doc: &JsValue,
    options: &JsValue,
    f: fn(crate::Kind, &Value, &Options) -> T,
) -> String {
    reply((|| {
        let options = self::options(options)?;
        let doc = document(doc, &options.limits)?;
        let kind = self::kind(kind, &doc)?;
        Ok(f(kind, &doc, &options))
    })())
}

/// Like [`judge`], for the calls whose result holds a report: a problem with
/// the document's text (not JSON, a duplicate key, not UTF-8, too large) is
/// an error issue in it, not a thrown error. With kind `"auto"`, text that
/// gives no document names no kind, so that is thrown.
fn judge_read<T: Serialize>(
    kind: &JsValue,
    doc: &JsValue,
    options: &JsValue,
    f: impl FnOnce(crate::Kind, crate::json::Read, &Options) -> T,
) -> String {
    reply((|| {
        let options = self::options(options)?;
        let read = document_read(doc, &options.limits)?;
        let kind = match (&read.doc, &read.problem) {
            (Some(doc), _) => self::kind(kind, doc)?,
            (None, Some(p)) => {
                let name = rust_string(kind, "The kind").map_err(|f| Fail::new("unknown_kind", f.message))?;
                if name == "auto" {
                    return Err(fail_of(p));
                }
                documents::kind_for(&name, &Value::Null).map_err(|e| Fail::new(e.code(), e.to_string()))?
            }
            (None, None) => return Err(Fail::new("internal_error", "The document could not be read.")),
        };
        Ok(f(kind, read, &options))
    })())
}

/// Validates a document as `kind` (or `"auto"`).
#[wasm_bindgen]
pub fn validate(kind: JsValue, doc: JsValue, options: JsValue) -> String {
    judge_read(&kind, &doc, &options, crate::validate::validate_read)
}

/// Completeness of a document as `kind` (or `"auto"`).
#[wasm_bindgen]
pub fn completeness(kind: JsValue, doc: JsValue, options: JsValue) -> String {
    judge(&kind, &doc, &options, crate::completeness)
}

/// `check`'s outcome without its document: `document` and `documentJson`
/// stay in their places as `null` so that js/api.js, which fills them from
/// the text after the reply, gives the caller the keys in the order of
/// [`crate::Outcome`], then `documentJson`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CheckResult {
    document: (),
    changes: Vec<crate::Change>,
    report: crate::Report,
    completeness: crate::Completeness,
    document_json: (),
}

/// Normalizes phone fields, then validates and computes completeness. The
/// reply is `{"ok": …}`, a newline, and the document as JSON text (a reply
/// holds no raw newline): `JSON.parse` rounds integers past 2^53, while the
/// text keeps every digit as the core has it, and written after the reply
/// rather than inside it as a string it is neither escaped here nor
/// unescaped by a second parse in JavaScript. An error is the reply alone.
#[wasm_bindgen]
pub fn check(kind: JsValue, doc: JsValue, options: JsValue) -> String {
    let mut document = None;
    let mut out = judge_read(&kind, &doc, &options, |kind, read, options| {
        let crate::Outcome {
            document: d,
            changes,
            report,
            completeness,
        } = crate::check::check_read(kind, read, options);
        document = Some(d);
        CheckResult {
            document: (),
            changes,
            report,
            completeness,
            document_json: (),
        }
    });
    if let Some(d) = document.filter(|_| out.starts_with("{\"ok\":")) {
        // Writing a Value cannot fail (its keys are strings).
        let text = serde_json::to_string(&d).unwrap_or_default();
        out.reserve(text.len() + 1);
        out.push('\n');
        out.push_str(&text);
    }
    out
}

/// Form metadata of a kind: each field's pointer, label, order, need and
/// limits, the labels, hints and reasons in `options.locale`.
#[wasm_bindgen]
pub fn fields(kind: JsValue, options: JsValue) -> String {
    reply((|| {
        let options = super::options(&options)?;
        let kind = self::kind(&kind, &Value::Null)?;
        Ok(crate::fields_in(kind, options.locale))
    })())
}

/// The published JSON Schema of a kind.
#[wasm_bindgen]
pub fn schema(kind: JsValue) -> String {
    reply(self::kind(&kind, &Value::Null).and_then(|k| {
        if k.schema().is_null() {
            Err(Fail::new("internal_error", "The schema is missing."))
        } else {
            Ok(k.schema())
        }
    }))
}

/// The kind ids.
#[wasm_bindgen]
pub fn kinds() -> String {
    reply::<Vec<&str>>(Ok(documents::KINDS.iter().map(|k| k.as_str()).collect()))
}

/// Kazoo's 400 body for a report (`null` for a valid one).
#[wasm_bindgen(js_name = toKazooError)]
pub fn to_kazoo_error(report: JsValue) -> String {
    reply((|| {
        let value = document(&report, &crate::Limits::default())?;
        let report = crate::report_read::report(&value)
            .map_err(|e| Fail::new("invalid_argument", format!("Not a telschema report: {e}.")))?;
        Ok(report.to_kazoo())
    })())
}
