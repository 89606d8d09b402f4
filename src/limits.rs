//! Limits on what a document may hold (ARCHITECTURE.md, Conventions): size, nesting depth,
//! string length, list length, and how many issues a report lists. A breach
//! is an error issue `limit_exceeded` at its path; issues past the reporting
//! limit are counted in the report's `omitted`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::messages::{params, Message};
use crate::pointer::pointer_push;
use crate::report::{Issue, Omitted};

/// The limits; every field has a documented default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Limits {
    /// Largest document text in bytes (checked where there is text: the
    /// CLI, and strings and bytes given to the WebAssembly package).
    pub max_document_bytes: usize,
    /// Deepest nesting of objects and arrays (the document itself is level 1).
    pub max_depth: usize,
    /// Longest string (and object key), in characters.
    pub max_string_length: usize,
    /// Longest array (the numbers of a collection, say).
    pub max_array_length: usize,
    /// Most errors, and most warnings, a report lists; the rest are counted in `omitted`.
    pub max_issues: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 1 << 20,
            max_depth: 32,
            max_string_length: 10_000,
            max_array_length: 10_000,
            max_issues: 1_000,
        }
    }
}

/// One step of a path in [`breaches`].
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The breaches of depth, string length and array length in `doc`, found
/// without recursion (the walk stops descending at a breach of depth).
pub(crate) fn breaches(doc: &Value, base: &str, limits: &Limits) -> Vec<Issue> {
    // Paths are rendered only for breaches: each node keeps its parent's
    // index and its key (borrowed) or array index.
    let mut nodes: Vec<(usize, Seg<'_>)> = vec![(usize::MAX, Seg::Index(0))];
    let mut stack: Vec<(&Value, usize, usize)> = vec![(doc, 1, 0)];
    let mut out = Vec::new();
    let path_of = |nodes: &Vec<(usize, Seg<'_>)>, mut i: usize| {
        let mut segs = Vec::new();
        while i != 0 && i != usize::MAX {
            if let Some((parent, seg)) = nodes.get(i) {
                segs.push(match seg {
                    Seg::Key(k) => (*k).to_string(),
                    Seg::Index(n) => n.to_string(),
                });
                i = *parent;
            } else {
                break;
            }
        }
        segs.iter().rev().fold(base.to_string(), |p, s| pointer_push(&p, s))
    };
    while let Some((v, depth, id)) = stack.pop() {
        if depth > limits.max_depth && (v.is_object() || v.is_array()) {
            let p = params(json!({ "limit": limits.max_depth }));
            out.push(Issue::of(path_of(&nodes, id), Message::LimitDepth, p));
            continue;
        }
        match v {
            Value::Object(m) => {
                for (k, child) in m.iter().rev() {
                    nodes.push((id, Seg::Key(k)));
                    let child_id = nodes.len() - 1;
                    // No more characters than bytes: a short key is counted only when needed.
                    if k.len() > limits.max_string_length && k.chars().count() > limits.max_string_length {
                        let n = k.chars().count();
                        let p = params(json!({ "length": n, "limit": limits.max_string_length }));
                        out.push(Issue::of(path_of(&nodes, child_id), Message::LimitKey, p));
                        continue;
                    }
                    stack.push((child, depth + 1, child_id));
                }
            }
            Value::Array(a) => {
                if a.len() > limits.max_array_length {
                    let p = params(json!({ "length": a.len(), "limit": limits.max_array_length }));
                    out.push(Issue::of(path_of(&nodes, id), Message::LimitArray, p));
                    continue;
                }
                for (i, child) in a.iter().enumerate().rev() {
                    nodes.push((id, Seg::Index(i)));
                    stack.push((child, depth + 1, nodes.len() - 1));
                }
            }
            // Counting stops at the limit: a huge string costs no more than a long one.
            Value::String(s)
                if s.len() > limits.max_string_length && s.chars().nth(limits.max_string_length).is_some() =>
            {
                let p = params(json!({ "limit": limits.max_string_length }));
                out.push(Issue::of(path_of(&nodes, id), Message::LimitString, p));
            }
            _ => {}
        }
    }
    out
}

/// Keeps the first `max` issues; returns how many were dropped.
fn truncate(issues: &mut Vec<Issue>, max: usize) -> usize {
    let dropped = issues.len().saturating_sub(max);
    issues.truncate(max);
    dropped
}

/// The one place the reporting limit applies: after every issue is known
/// and every verdict (validity, completeness) is made from all of them,
/// only the lists are cut and what is left out is counted.
pub(crate) fn cut(report: &mut crate::Report, max_issues: usize) {
    let errors = truncate(&mut report.errors, max_issues);
    let warnings = truncate(&mut report.warnings, max_issues);
    report.omitted = (errors + warnings > 0).then_some(Omitted { errors, warnings });
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;

    fn nested(depth: usize) -> Value {
        let mut v = json!(1);
        for _ in 0..depth {
            v = Value::Array(vec![v]);
        }
        v
    }

    #[test]
    fn depth_at_and_past_the_limit() {
        let limits = Limits::default();
        assert!(breaches(&nested(32), "", &limits).is_empty());
        let past = breaches(&nested(33), "", &limits);
        assert_eq!(past.len(), 1);
        assert_eq!(past[0].code, "limit_exceeded");
        assert_eq!(past[0].path, format!("/{}", vec!["0"; 32].join("/")));
        // Far past it: no recursion, one issue.
        let deep = nested(100_000);
        assert_eq!(breaches(&deep, "/data", &limits).len(), 1);
        std::mem::forget(deep); // dropping it would recurse (serde_json's Drop)
    }

    #[test]
    fn strings_keys_and_arrays_at_and_past_the_limit() {
        let limits = Limits {
            max_string_length: 5,
            max_array_length: 3,
            ..Limits::default()
        };
        let ok = json!({"abcde": "éééèè", "list": [1, 2, 3]});
        assert!(breaches(&ok, "", &limits).is_empty());
        let bad = json!({"abcdef": 1, "s": "éééèèx", "list": [1, 2, 3, 4]});
        let found: Vec<(String, String)> = breaches(&bad, "/data", &limits)
            .into_iter()
            .map(|i| (i.path, i.message))
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].0, "/data/abcdef");
        assert_eq!(found[1].0, "/data/s");
        assert_eq!(found[2].0, "/data/list");
        assert!(found[2].1.contains("4 items"), "{found:?}");
    }
}
