//! Lenient coercion (the `lenient_types` option): Kazoo's lenient types,
//! `"true"`/`"false"` where a boolean is expected and `"42"` where a number
//! is, rewritten along the schema with a `lenient_type` warning each.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::messages::{params, Message};
use crate::pointer::pointer_push;
use crate::report::Issue;
use crate::schema::non_null_branch;

/// One rewrite `check` made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// JSON Pointer of the rewritten value.
    pub path: String,
    /// The value as given.
    pub from: Value,
    /// The value in `document`.
    pub to: Value,
}

/// Kazoo's lenient types: `"true"`/`"false"` where a boolean is expected,
/// `"42"` where a number is, rewritten with a warning each.
pub(crate) fn coerce_lenient(
    v: &mut Value,
    schema: &Value,
    path: &str,
    changes: &mut Vec<Change>,
    warnings: &mut Vec<Issue>,
) {
    let schema = non_null_branch(schema);
    let expected = schema.get("type").and_then(Value::as_str);
    if let (Value::String(s), Some(t)) = (&*v, expected) {
        let coerced = match t {
            "boolean" => match s.as_str() {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            },
            // Read as JSON number text, so the digits are kept exactly.
            "integer" if s.strip_prefix('-').unwrap_or(s).bytes().all(|b| b.is_ascii_digit()) => {
                s.parse::<serde_json::Number>().ok().map(Value::Number)
            }
            "number" => s.parse::<serde_json::Number>().ok().map(Value::Number),
            _ => None,
        };
        if let Some(c) = coerced {
            warnings.push(
                Issue::of(path, Message::LenientType, params(json!({ "sent": s, "read": c })))
                    .with_value(Value::String(s.clone())),
            );
            changes.push(Change {
                path: path.to_string(),
                from: v.clone(),
                to: c.clone(),
            });
            *v = c;
        }
        return;
    }
    match v {
        Value::Object(m) => {
            if let Some(props) = schema.get("properties") {
                for (k, x) in m.iter_mut() {
                    if let Some(sub) = props.get(k) {
                        coerce_lenient(x, sub, &pointer_push(path, k), changes, warnings);
                    }
                }
            }
        }
        Value::Array(a) => {
            if let Some(items) = schema.get("items") {
                for (i, x) in a.iter_mut().enumerate() {
                    coerce_lenient(x, items, &pointer_push(path, &i.to_string()), changes, warnings);
                }
            }
        }
        _ => {}
    }
}
