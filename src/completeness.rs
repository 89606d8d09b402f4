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
/// errors `validate` found in the whole document and the needs its rules
/// weighed on this same document (`met`, reused rather than weighed again).
pub(crate) fn of(
    kind: Kind,
    doc: &Value,
    base: &str,
    errors: &[Issue],
    options: &Options,
    met: &[require::MetAt],
) -> Completeness {
    if kind == Kind::DraftPortRequest {
        return of_port_request(doc, base, errors, options, met);
    }
    let weighed = match require::kept(met, kind, base, errors) {
        Some(m) => m.clone(),
        None => require::met(kind, doc, base, errors, options),
    };
    let e = require::evaluation(kind, base, errors, weighed);
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

fn of_port_request(
    doc: &Value,
    base: &str,
    errors: &[Issue],
    options: &Options,
    met: &[require::MetAt],
) -> Completeness {
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
                        met,
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
    let (report, met) = crate::validate::judge_met(kind, doc, options, std::collections::HashMap::new());
    // Lenient types validate a coerced copy: its needs are not this document's.
    let met = if options.lenient_types { Vec::new() } else { met };
    let (inner, base) = envelope::unwrap(doc);
    of(kind, inner, base, &report.errors, options, &met)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::HashMap;

    /// The needs the `complete` flag rule weighed while validating, reused by
    /// completeness: the same result as weighing them again, for a draft and
    /// for each sub request of a port request.
    #[test]
    fn the_needs_weighed_by_the_complete_flag_are_reused_unchanged() {
        let options = Options::default();
        let sub = json!({"complete": true, "billing_phone_number": "(312) 535-4200", "auth_person_name": ""});
        let port = json!({"sub_requests": [sub, {"complete": false, "auth_person_name": "Ann"}]});
        for (kind, doc, weighed) in [(Kind::DraftSubRequest, &sub, 1), (Kind::DraftPortRequest, &port, 2)] {
            let (report, met) = crate::validate::judge_met(kind, doc, &options, HashMap::new());
            assert_eq!(met.len(), weighed, "{kind:?}");
            assert!(!report.errors.is_empty());
            let reused = of(kind, doc, "", &report.errors, &options, &met);
            assert_eq!(reused, of(kind, doc, "", &report.errors, &options, &[]), "{kind:?}");
            assert!(!reused.complete);
            // Kept needs are for the errors they were weighed with, not others.
            assert!(require::kept(&met, Kind::DraftSubRequest, &met[0].base, &report.errors[1..]).is_none());
            assert!(require::kept(&met, Kind::DraftSubRequest, &met[0].base, &report.errors).is_some());
        }
    }
}
