//! Draft completeness: which necessary fields are still missing, why, and
//! which one a form should ask for next.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::documents::rules::get;
use crate::documents::{envelope, require, Kind};
use crate::pointer::pointer_push;
use crate::report::Issue;
use crate::Options;

/// A necessary field that is absent (or `null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Invalid {
    /// JSON Pointer of the field.
    pub path: String,
    /// The code of its first error.
    pub code: crate::code::Code,
}

/// How far along a document is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
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
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<Completeness>"))]
    pub sub_requests: Option<Vec<Completeness>>,
    /// `draft_port_request`: every sub request complete and `status` still `pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(with = "bool"))]
    pub submittable: Option<bool>,
}

/// A field's label in a kind's form (the kind's file says it).
pub fn label(kind: Kind, path: &str) -> String {
    crate::documents::spec::label(kind, path, crate::Locale::En)
}

/// Completeness of one document (envelope removed) at `base`, given the
/// errors `validate` found in the whole document.
pub(crate) fn of(kind: Kind, doc: &Value, base: &str, errors: &[Issue], options: &Options) -> Completeness {
    if kind == Kind::DraftPortRequest {
        return of_port_request(doc, base, errors, options);
    }
    let e = require::evaluate(kind, doc, base, errors, options);
    let complete = e.complete();
    let missing = e
        .missing
        .into_iter()
        .map(|m| Missing {
            path: m.path,
            label: m.label,
            reason: m.reason,
        })
        .collect();
    let invalid = e
        .invalid
        .into_iter()
        .map(|(path, code)| Invalid { path, code })
        .collect();
    Completeness::new(complete, e.satisfied, e.total, missing, invalid)
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
    let mine = require::errors_under(errors, base);
    let satisfied = subs.iter().map(|c| c.satisfied).sum();
    let mut total: usize = subs.iter().map(|c| c.total).sum();
    let mut missing: Vec<Missing> = subs.iter().flat_map(|c| c.missing.iter().cloned()).collect();
    // A port request with no sub request has nothing to submit.
    if subs.is_empty() {
        total += 1;
        missing.push(Missing {
            path: list.clone(),
            label: crate::documents::spec::label(Kind::DraftPortRequest, "sub_requests", options.locale),
            reason: crate::documents::translations::tr(
                "A port request needs at least one sub request.",
                options.locale,
            )
            .into(),
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
    let (inner, base) = envelope::unwrap(doc);
    of(kind, inner, base, &report.errors, options)
}
