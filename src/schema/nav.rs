//! Finding the schema node for a document position.

use serde_json::Value;

use crate::json::field;

/// The schema node for a document position: through nullable `anyOf`s,
/// `properties` and `items`.
pub(crate) fn schema_node<'a>(mut node: &'a Value, segs: &[String]) -> Option<&'a Value> {
    node = non_null_branch(node);
    for s in segs {
        node = if let Some(p) = field(node, "properties").and_then(|p| field(p, s.as_str())) {
            p
        } else if s.parse::<usize>().is_ok() {
            field(node, "items")?
        } else {
            return None;
        };
        node = non_null_branch(node);
    }
    Some(node)
}

/// The non-null branch of a nullable `anyOf`, else the node itself.
pub(crate) fn non_null_branch(node: &Value) -> &Value {
    let is_null = |b: &Value| field(b, "type").and_then(Value::as_str) == Some("null");
    match field(node, "anyOf").and_then(Value::as_array) {
        Some(branches) if branches.len() == 2 && branches.iter().any(is_null) => {
            branches.iter().find(|b| !is_null(b)).unwrap_or(node)
        }
        _ => node,
    }
}
