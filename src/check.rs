//! `check`: the one call forms and hooks make. Phone fields are normalized
//! to E.164 in a copy of the document, every rewrite is listed, and the copy
//! is validated and measured for completeness.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::coerce::{coerce_lenient, Change};
use crate::completeness::{self, Completeness};
use crate::documents::envelope;
use crate::documents::Kind;
use crate::messages::{params, Message};
use crate::report::{pointer_push, Issue, Report};
use crate::{phone, NormalizedNumber, Options, PhoneLevel};

/// What `check` found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The document with its phone fields in E.164 (key order kept).
    pub document: Value,
    /// Every rewrite, in document order.
    pub changes: Vec<Change>,
    /// The report on `document`.
    pub report: Report,
    /// The completeness of `document`.
    pub completeness: Completeness,
}

/// Calls `f` with the pointer and a mutable reference of every value at `spec`.
fn visit(v: &mut Value, spec: &[&str], path: &str, f: &mut dyn FnMut(&str, &mut Value)) {
    let Some((&head, rest)) = spec.split_first() else {
        f(path, v);
        return;
    };
    if head == "*" {
        if let Value::Array(a) = v {
            for (i, x) in a.iter_mut().enumerate() {
                visit(x, rest, &pointer_push(path, &i.to_string()), f);
            }
        }
    } else if let Some(x) = v.as_object_mut().and_then(|m| m.get_mut(head)) {
        visit(x, rest, &pointer_push(path, head), f);
    }
}

/// Normalizes every phone field of `kind` to E.164 in a copy of `doc`,
/// validates the copy and computes its completeness. The input is never
/// modified; every rewrite is in `changes`; an extension E.164 cannot hold
/// is kept as a `phone_extension` warning carrying it.
pub fn check(kind: Kind, doc: &Value, options: &Options) -> Outcome {
    check_with(kind, doc.clone(), options, None)
}

/// [`check`] of a document given as JSON text or UTF-8 bytes, read strictly
/// within `options.limits` (README, Documents as text): text that is not
/// JSON, or not UTF-8, or past a limit, gives an outcome whose report holds
/// that one error at the root (`invalid_json` with its line and column,
/// `invalid_utf8`, `limit_exceeded`) and whose document is `null`; a
/// duplicate key is a `duplicate_key` error beside whatever else the
/// document has (its last value judged).
pub fn check_str(kind: Kind, text: impl AsRef<[u8]>, options: &Options) -> Outcome {
    check_read(kind, crate::json::read(text.as_ref(), &options.limits), options)
}

pub(crate) fn check_read(kind: Kind, read: crate::json::Read, options: &Options) -> Outcome {
    match read.doc {
        // The document read is this call's own: rewritten in place, not copied.
        Some(doc) => check_with(kind, doc, options, read.problem),
        None => {
            let mut report = crate::validate::unreadable(kind, read.problem);
            report.localize(options.locale);
            let completeness = completeness::of(kind, &Value::Null, "", &report.errors, options, &[]);
            Outcome {
                document: Value::Null,
                changes: Vec::new(),
                report,
                completeness,
            }
        }
    }
}

fn check_with(kind: Kind, mut document: Value, options: &Options, problem: Option<Issue>) -> Outcome {
    let mut changes = Vec::new();
    let mut extra = Vec::new();
    // Each phone field read once: the rules judge what was read here.
    let mut known = std::collections::HashMap::new();
    {
        let (target, base) = envelope::unwrap_mut(&mut document);
        if options.lenient_types {
            coerce_lenient(target, kind.schema(), base, &mut changes, &mut extra);
        }
        for spec in crate::documents::rules::phone_paths(kind) {
            let segs: Vec<&str> = spec.split('/').collect();
            visit(target, &segs, base, &mut |path, v| {
                let Some(s) = v.as_str() else { return };
                // Only a number that meets the phone level is rewritten; any
                // other value stays exactly as given, and its issue says why.
                let (n, labels) = match phone::read(s, options) {
                    Ok(r) => r,
                    Err(e) => {
                        known.insert(path.to_string(), (s.to_string(), Err(e)));
                        return;
                    }
                };
                let meets = match options.phone_level {
                    PhoneLevel::Valid => n.valid,
                    PhoneLevel::Possible => n.possible,
                };
                if meets && n.e164 != s {
                    changes.push(Change {
                        path: path.to_string(),
                        from: v.clone(),
                        to: Value::String(n.e164.clone()),
                    });
                    if let Some(ext) = &n.extension {
                        extra.push(
                            Issue::of(
                                path,
                                Message::PhoneExtension,
                                params(json!({ "extension": ext, "e164": n.e164 })),
                            )
                            .with_value(Value::String(ext.clone())),
                        );
                    }
                    if !labels.is_empty() {
                        let text = labels.join(", ");
                        extra.push(
                            Issue::of(
                                path,
                                Message::PhoneLabel,
                                params(json!({ "text": text, "e164": n.e164 })),
                            )
                            .with_value(Value::String(text)),
                        );
                    }
                    // The rules judge the E.164 written: the same number, without the extension.
                    let judged = NormalizedNumber {
                        extension: None,
                        ..n.clone()
                    };
                    known.insert(path.to_string(), (n.e164.clone(), Ok(judged)));
                    *v = Value::String(n.e164);
                } else {
                    known.insert(path.to_string(), (s.to_string(), Ok(n)));
                }
            });
        }
    }
    // Lenient coercion is done here, as listed rewrites; validate must not do it again.
    let strict;
    let judged_with = if options.lenient_types {
        strict = Options {
            lenient_types: false,
            ..options.clone()
        };
        &strict
    } else {
        options
    };
    let (mut report, met) = crate::validate::judge_met(kind, &document, judged_with, known);
    crate::validate::add_problem(&mut report, problem);
    if !extra.is_empty() {
        report.warnings.extend(extra);
        crate::validate::sort(&mut report.warnings, &document, kind);
    }
    let (inner, base) = envelope::unwrap(&document);
    let completeness = completeness::of(kind, inner, base, &report.errors, options, &met);
    crate::limits::cut(&mut report, options.limits.max_issues);
    report.localize(options.locale);
    crate::sort::sort_by_cached_key(&mut changes, |c| crate::validate::position(&document, kind, &c.path));
    Outcome {
        document,
        changes,
        report,
        completeness,
    }
}
