//! Envelopes: an object whose only keys are `data` and optionally
//! `$schema` is an envelope around the document in `data`; every path into
//! it keeps the `/data` prefix. This module is the only one that decides it.

use serde_json::Value;

/// Whether `doc` is an envelope.
pub(crate) fn is_envelope(doc: &Value) -> bool {
    matches!(doc, Value::Object(m) if m.contains_key("data") && m.keys().all(|k| k == "data" || k == "$schema"))
}

/// The document inside an envelope (or `doc` itself), and the pointer
/// prefix its paths get.
pub(crate) fn unwrap(doc: &Value) -> (&Value, &'static str) {
    match doc {
        Value::Object(m) if is_envelope(doc) => (m.get("data").unwrap_or(&Value::Null), "/data"),
        _ => (doc, ""),
    }
}

/// The same, mutable.
pub(crate) fn unwrap_mut(doc: &mut Value) -> (&mut Value, &'static str) {
    if is_envelope(doc) {
        // An envelope is an object with `data`: indexing an object cannot fail.
        #[allow(clippy::indexing_slicing)]
        return (&mut doc["data"], "/data");
    }
    (doc, "")
}

/// Removes a leading envelope segment (`data`): no kind has a `data` field.
pub(crate) fn strip_segments(segs: &mut Vec<String>) -> Vec<String> {
    if segs.first().map(String::as_str) == Some("data") {
        segs.remove(0);
    }
    segs.clone()
}
