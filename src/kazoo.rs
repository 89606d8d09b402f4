//! Kazoo's HTTP 400 body for a report: Kazoo's keywords, messages and
//! `target`s (the reference README's error body), and the collection
//! endpoints' own answer on the key `numbers`.

use serde_json::{json, Map, Value};

use crate::code::Code;
use crate::kind::Kind;
use crate::pointer::pointer_segments;
use crate::report::{Issue, Report};

fn kazoo_keyword(issue: &Issue) -> String {
    match issue.keyword.as_deref() {
        Some(
            k @ ("required"
            | "minLength"
            | "maxLength"
            | "enum"
            | "type"
            | "pattern"
            | "minimum"
            | "maximum"
            | "minItems"
            | "maxItems"
            | "uniqueItems"
            | "additionalProperties"),
        ) => k.to_string(),
        Some("format") => "wrong_format".to_string(),
        _ => issue.code.as_str().to_string(),
    }
}

/// What `cb_phone_numbers:validate_collection_request` answers on the key
/// `numbers` (its own keywords and messages, not the schema validator's); a
/// duplicate after normalization is one `uniqueItems` for the list, though the
/// report names each repeated item.
fn collection_entry(segs: &[String], issue: &Issue) -> Option<(&'static str, &'static str)> {
    let on_list = segs.len() == 1 && segs.first().is_some_and(|s| s == "numbers");
    let on_item = segs.len() == 2 && segs.first().is_some_and(|s| s == "numbers");
    match issue.code {
        Code::Required if on_list => Some(("required", "list of numbers missing")),
        Code::MinItems if on_list => Some(("minimum", "minimum 1 number required")),
        Code::Type if on_list => Some(("type", "numbers must be a list")),
        Code::DuplicateNumber if on_item => Some(("uniqueItems", "some numbers appear twice")),
        _ => None,
    }
}

/// Kazoo's message for a keyword, with the schema's `target` where Kazoo gives one.
fn kazoo_entry(issue: &Issue, target: Option<&Value>) -> Value {
    let n = |t: Option<&Value>| t.map(|v| v.to_string()).unwrap_or_default();
    let message = match issue.keyword.as_deref() {
        Some("required") => "Field is required but missing".to_string(),
        Some("minLength") => format!("String must be at least {} characters", n(target)),
        Some("maxLength") => format!("String must not be more than {} characters", n(target)),
        Some("enum") => "Value not found in enumerated list of values".to_string(),
        Some("type") => format!(
            "Value did not match type(s): {}",
            match target {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
                _ => String::new(),
            }
        ),
        Some("pattern") => format!(
            "Failed to match pattern '{}'",
            target.and_then(Value::as_str).unwrap_or_default()
        ),
        Some("minimum") => format!("Value must be at least {}", n(target)),
        Some("maximum") => format!("Value must be at most {}", n(target)),
        Some("minItems") => format!("The list must have at least {} items", n(target)),
        Some("maxItems") => format!("The list is more than {} items", n(target)),
        Some("uniqueItems") => "List of items is not unique".to_string(),
        Some("additionalProperties") => {
            "Strict checking of data is enabled; only include schema-defined properties".to_string()
        }
        Some("format") => "Field is not in the correct format".to_string(),
        _ => issue.message.clone(),
    };
    let mut entry = Map::new();
    entry.insert("message".into(), Value::String(message));
    let with_target = matches!(
        issue.keyword.as_deref(),
        Some("minLength" | "maxLength" | "enum" | "minimum" | "maximum" | "minItems" | "maxItems" | "pattern")
    );
    if let (true, Some(t)) = (with_target, target) {
        entry.insert("target".into(), t.clone());
    }
    if let Some(v) = &issue.value {
        if issue.keyword.as_deref() != Some("required") {
            entry.insert("value".into(), v.clone());
        }
    }
    Value::Object(entry)
}

/// What crossbar answers for a request body it cannot read
/// (`api_util`: `json` / `invalid`, target `body`): for text that is not
/// JSON, the decoder's reason and where ("truncated_json around 12"); for a
/// body that is not an object, its default "All JSON must be valid". Kazoo
/// takes a duplicate key silently; we refuse it, under our code.
fn body_entry(issue: &Issue) -> (String, Value) {
    let message = match issue.code {
        Code::Type => "All JSON must be valid".to_string(),
        Code::InvalidJson => match (issue.params.get("detail"), issue.params.get("offset")) {
            (Some(Value::String(d)), Some(at)) => format!("{} around {at}", crate::json::kazoo_reason(d)),
            _ => issue.message.clone(),
        },
        _ => issue.message.clone(),
    };
    let keyword = match issue.code {
        Code::InvalidJson | Code::InvalidUtf8 | Code::Type => "invalid".to_string(),
        c => c.as_str().to_string(),
    };
    (keyword, json!({ "message": message, "target": "body" }))
}

impl Report {
    /// Kazoo's HTTP 400 body for the errors (warnings never appear), or
    /// `None` for a valid report. Keys are paths relative to the envelope
    /// joined with `.` (a literal `.` written `%2E`); keyword keys are
    /// Kazoo's keywords where one applies, else our code.
    pub fn to_kazoo(&self) -> Option<Value> {
        if self.valid {
            return None;
        }
        let mut data = Map::new();
        for issue in &self.errors {
            if issue.path.is_empty() {
                // The body itself (not JSON, a duplicate key, not an object):
                // crossbar's answer to a body it cannot read.
                let (keyword, entry) = body_entry(issue);
                let e = data.entry("json").or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(m) = e {
                    m.entry(keyword).or_insert(entry);
                }
                continue;
            }
            let mut segs = pointer_segments(&issue.path);
            let schema_segs = crate::documents::envelope::strip_segments(&mut segs);
            if self.kind == Kind::NumberCollection {
                if let Some((keyword, message)) = collection_entry(&segs, issue) {
                    let entry = data.entry("numbers").or_insert_with(|| Value::Object(Map::new()));
                    if let Value::Object(m) = entry {
                        m.entry(keyword).or_insert_with(|| json!({ "message": message }));
                    }
                    continue;
                }
            }
            let key = if segs.is_empty() {
                // The envelope's `data` itself (not an object).
                "data".to_string()
            } else {
                segs.iter().map(|s| s.replace('.', "%2E")).collect::<Vec<_>>().join(".")
            };
            let target = issue
                .keyword
                .as_deref()
                .and_then(|k| crate::documents::schema_keyword_at(self.kind, &schema_segs, k));
            let entry = data.entry(key).or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = entry {
                m.entry(kazoo_keyword(issue))
                    .or_insert_with(|| kazoo_entry(issue, target.as_ref()));
            }
        }
        Some(json!({"status": "error", "error": "400", "message": "validation error", "data": data}))
    }
}
