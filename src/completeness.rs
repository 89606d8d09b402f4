//! Draft completeness: which necessary fields are still missing, why, and
//! which one a form should ask for next.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::documents::rules::get;
use crate::documents::{schema_node, Kind, SUB_REQUEST_FORM_ORDER};
use crate::report::{pointer_push, pointer_segments, Issue};
use crate::Options;

/// A necessary field that is absent (or `null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Missing {
    /// JSON Pointer of the field.
    pub path: String,
    /// A human name ("Authorized person's name").
    pub label: String,
    /// Why the field is needed now.
    pub reason: String,
}

/// A field that is present but fails a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Invalid {
    /// JSON Pointer of the field.
    pub path: String,
    /// The code of its first error.
    pub code: crate::code::Code,
}

/// How far along a document is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Completeness {
    /// Every necessary field satisfied and no error in the document.
    pub complete: bool,
    /// 100 when complete, else `min(99, floor(100 × satisfied / total))`.
    pub percent: u8,
    /// Necessary fields present and free of errors.
    pub satisfied: usize,
    /// Necessary fields: the required ones plus the conditional ones that apply.
    pub total: usize,
    /// Necessary fields still absent, in form order.
    pub missing: Vec<Missing>,
    /// Fields present but failing a rule, in form order.
    pub invalid: Vec<Invalid>,
    /// The path a form should ask for next: the first missing field, else the first invalid one.
    pub next: Option<String>,
    /// `draft_port_request`: the completeness of each sub request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<Completeness>")]
    pub sub_requests: Option<Vec<Completeness>>,
    /// `draft_port_request`: every sub request complete and `status` still `pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "bool")]
    pub submittable: Option<bool>,
}

/// A field's value; `null`, and an empty or blank string (what a form
/// sends for an empty input), count as absent.
fn at<'v>(doc: &'v Value, rel: &str) -> Option<&'v Value> {
    rel.split('/')
        .try_fold(doc, |v, k| get(v, k))
        .filter(|v| !v.as_str().is_some_and(|s| s.trim().is_empty()))
}

/// A field's label in a kind's form (the kind's file says it).
pub fn label(kind: Kind, path: &str) -> String {
    crate::documents::form::label(kind, path)
}

/// The errors at `base` or inside it.
fn errors_under<'e>(errors: &'e [Issue], base: &str) -> Vec<&'e Issue> {
    errors.iter().filter(|e| within(&e.path, base)).collect()
}

/// Whether `path` is `field` or inside it.
fn within(path: &str, field: &str) -> bool {
    path == field || path.strip_prefix(field).is_some_and(|rest| rest.starts_with('/'))
}

/// The position of a path in the kind's form order: for the sub-request
/// kinds [`SUB_REQUEST_FORM_ORDER`], else the upstream (schema) order.
fn form_key(kind: Kind, rel: &str) -> Vec<usize> {
    let sub = matches!(
        kind,
        Kind::SubRequestUpdate | Kind::DraftSubRequestUpdate | Kind::DraftSubRequest
    );
    if sub {
        let segs = pointer_segments(rel);
        let joined = segs.join("/");
        let first = segs.first().map(String::as_str).unwrap_or("");
        let pos = SUB_REQUEST_FORM_ORDER.iter().position(|f| *f == joined).or_else(|| {
            SUB_REQUEST_FORM_ORDER
                .iter()
                .position(|f| f.split('/').next() == Some(first))
        });
        return vec![
            pos.unwrap_or(SUB_REQUEST_FORM_ORDER.len()),
            usize::from(pos.is_none()) * joined.len(),
        ];
    }
    let mut node = Some(kind.schema());
    let mut key = Vec::new();
    for seg in pointer_segments(rel) {
        let idx = node
            .and_then(|n| crate::documents::non_null_branch(n).get("properties"))
            .and_then(Value::as_object)
            .and_then(|p| p.keys().position(|k| *k == seg))
            .or_else(|| seg.parse().ok())
            .unwrap_or(usize::MAX / 2);
        key.push(idx);
        node = node.and_then(|n| schema_node(n, std::slice::from_ref(&seg)));
    }
    key
}

/// Completeness of one document (envelope removed) at `base`, given the
/// errors `validate` found in the whole document.
pub(crate) fn of(kind: Kind, doc: &Value, base: &str, errors: &[Issue], options: &Options) -> Completeness {
    if kind == Kind::DraftPortRequest {
        return of_port_request(doc, base, errors, options);
    }
    let rel = |p: &str| p.strip_prefix(base).unwrap_or(p).to_string();
    let mine = errors_under(errors, base);
    let needs = crate::documents::form::needs(kind, doc, options);
    let error_at = |f: &str| mine.iter().any(|e| within(&rel(&e.path), &format!("/{f}")));
    let mut satisfied = 0;
    let mut missing = Vec::new();
    for n in &needs {
        let ok = n.by.iter().any(|f| at(doc, f).is_some() && !error_at(f));
        if ok {
            satisfied += 1;
        } else if n.by.iter().all(|f| at(doc, f).is_none()) {
            let path = n.field.split('/').fold(base.to_string(), |p, k| pointer_push(&p, k));
            missing.push(Missing {
                path,
                label: label(kind, &n.field),
                reason: n.reason.clone(),
            });
        }
    }
    missing.sort_by_key(|m| form_key(kind, &rel(&m.path)));
    let mut invalid: Vec<Invalid> = Vec::new();
    // Sets, not scans: one lookup per error keeps this linear in the errors.
    let missing_paths: HashSet<&str> = missing.iter().map(|m| m.path.as_str()).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for e in &mine {
        if !missing_paths.contains(e.path.as_str()) && seen.insert(e.path.as_str()) {
            invalid.push(Invalid {
                path: e.path.clone(),
                code: e.code,
            });
        }
    }
    invalid.sort_by_key(|i| form_key(kind, &rel(&i.path)));
    let total = needs.len();
    let complete = satisfied == total && mine.is_empty();
    Completeness::new(complete, satisfied, total, missing, invalid)
}

impl Completeness {
    /// Percent and `next` from the parts, by the rules above.
    fn new(complete: bool, satisfied: usize, total: usize, missing: Vec<Missing>, invalid: Vec<Invalid>) -> Self {
        let next = missing
            .first()
            .map(|m| m.path.clone())
            .or_else(|| invalid.first().map(|i| i.path.clone()));
        Completeness {
            complete,
            percent: percent(complete, satisfied, total),
            satisfied,
            total,
            missing,
            invalid,
            next,
            sub_requests: None,
            submittable: None,
        }
    }
}

fn percent(complete: bool, satisfied: usize, total: usize) -> u8 {
    if complete {
        return 100;
    }
    // total 0 (and not complete: there are errors) is 99.
    (100 * satisfied).checked_div(total).map_or(99, |p| p.min(99) as u8)
}

fn of_port_request(doc: &Value, base: &str, errors: &[Issue], options: &Options) -> Completeness {
    let list = pointer_push(base, "sub_requests");
    let subs: Vec<Completeness> = get(doc, "sub_requests")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .enumerate()
                .map(|(i, s)| {
                    of(
                        Kind::DraftSubRequest,
                        s,
                        &pointer_push(&list, &i.to_string()),
                        errors,
                        options,
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let mine = errors_under(errors, base);
    let satisfied = subs.iter().map(|c| c.satisfied).sum();
    let mut total: usize = subs.iter().map(|c| c.total).sum();
    let mut missing: Vec<Missing> = subs.iter().flat_map(|c| c.missing.iter().cloned()).collect();
    // A port request with no sub request has nothing to submit.
    if subs.is_empty() {
        total += 1;
        missing.push(Missing {
            path: list.clone(),
            label: label(Kind::DraftPortRequest, "sub_requests"),
            reason: "A port request needs at least one sub request.".into(),
        });
    }
    let mut invalid: Vec<Invalid> = subs.iter().flat_map(|c| c.invalid.iter().cloned()).collect();
    let mut seen: HashSet<String> = invalid.iter().map(|i| i.path.clone()).collect();
    for e in &mine {
        if !e.path.starts_with(&format!("{list}/")) && seen.insert(e.path.clone()) {
            invalid.push(Invalid {
                path: e.path.clone(),
                code: e.code,
            });
        }
    }
    let complete = !subs.is_empty() && subs.iter().all(|c| c.complete) && mine.is_empty();
    let pending = get(doc, "status")
        .and_then(Value::as_str)
        .map_or(true, |s| s == "pending");
    Completeness {
        submittable: Some(complete && pending && !subs.is_empty()),
        sub_requests: Some(subs),
        ..Completeness::new(complete, satisfied, total, missing, invalid)
    }
}

/// How complete a document (or an envelope) of `kind` is.
pub fn completeness(kind: Kind, doc: &Value, options: &Options) -> Completeness {
    // Every error counts, however many a report would list.
    let report = crate::validate::judge(kind, doc, options);
    let (inner, base) = crate::validate::unwrap_envelope(doc);
    of(kind, inner, base, &report.errors, options)
}
