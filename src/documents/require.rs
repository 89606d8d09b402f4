//! Requirements, read from each kind's spec: which necessary fields a
//! document satisfies, misses or gets wrong (completeness is built from
//! it), the errors for requirements a schema cannot express, and the
//! schema's `required`, `if`/`then` and `anyOf` (the published schemas are
//! generated from the same requirements).

use std::collections::HashSet;

use serde_json::{json, Map, Value};

use super::rules::{get, Ctx};
use super::spec::{self, spec, When};
use super::{non_null_branch, schema_node, Kind};
use crate::code::Code;
use crate::messages::params;
use crate::pointer::{pointer_push, pointer_segments};
use crate::report::Issue;
use crate::Options;

/// A field's value; `null`, and an empty or blank string (what a form
/// sends for an empty input), count as absent.
fn at<'v>(doc: &'v Value, rel: &str) -> Option<&'v Value> {
    rel.split('/')
        .try_fold(doc, |v, k| get(v, k))
        .filter(|v| !v.as_str().is_some_and(|s| s.trim().is_empty()))
}

/// Whether `path` is `field` or inside it.
fn within(path: &str, field: &str) -> bool {
    path == field || path.strip_prefix(field).is_some_and(|rest| rest.starts_with('/'))
}

/// The errors at `base` or inside it.
pub(crate) fn errors_under<'e>(errors: &'e [Issue], base: &str) -> Vec<&'e Issue> {
    errors.iter().filter(|e| within(&e.path, base)).collect()
}

/// The position of a path in the kind's form order: the spec's form for
/// the sub-request kinds, else the upstream (schema) order.
pub(crate) fn form_key(kind: Kind, rel: &str) -> Vec<usize> {
    let sub = matches!(
        kind,
        Kind::SubRequestUpdate | Kind::DraftSubRequestUpdate | Kind::DraftSubRequest
    );
    if sub {
        let form: Vec<&str> = spec(kind).form.iter().map(|f| f.path).collect();
        let segs = pointer_segments(rel);
        let joined = segs.join("/");
        let first = segs.first().map(String::as_str).unwrap_or("");
        let pos = form
            .iter()
            .position(|f| *f == joined)
            .or_else(|| form.iter().position(|f| f.split('/').next() == Some(first)));
        return vec![pos.unwrap_or(form.len()), usize::from(pos.is_none()) * joined.len()];
    }
    let mut node = Some(kind.schema());
    let mut key = Vec::new();
    for seg in pointer_segments(rel) {
        let idx = node
            .and_then(|n| crate::json::field(non_null_branch(n), "properties"))
            .and_then(Value::as_object)
            .and_then(|p| p.keys().position(|k| *k == seg))
            .or_else(|| seg.parse().ok())
            .unwrap_or(usize::MAX / 2);
        key.push(idx);
        node = node.and_then(|n| schema_node(n, std::slice::from_ref(&seg)));
    }
    key
}

/// A necessary field that is absent.
#[derive(Clone)]
pub(crate) struct Unmet {
    pub path: String,
    pub label: String,
    pub reason: String,
}

/// How a document stands against its kind's requirements.
pub(crate) struct Evaluation {
    /// Necessary fields present and free of errors.
    pub satisfied: usize,
    /// Necessary fields that apply.
    pub total: usize,
    /// Necessary fields absent, in form order.
    pub missing: Vec<Unmet>,
    /// Fields present but failing a rule (path, code of the first error), in form order.
    pub invalid: Vec<(String, Code)>,
    /// Whether any error lies inside the document.
    pub errors: bool,
}

impl Evaluation {
    /// Every necessary field satisfied and no error.
    pub(crate) fn complete(&self) -> bool {
        self.satisfied == self.total && !self.errors
    }
}

/// The needs of one document weighed: the part of an [`Evaluation`] that
/// depends on the errors as a set, not on their order.
#[derive(Clone)]
pub(crate) struct Met {
    pub satisfied: usize,
    pub total: usize,
    /// Necessary fields absent, in form order.
    pub missing: Vec<Unmet>,
}

/// A [`Met`] computed while validating (by the `complete` flag rule), kept
/// so that completeness weighs the needs of the same document once: the kind
/// and base it was for, and how many errors the document had then.
pub(crate) struct MetAt {
    pub kind: Kind,
    pub base: String,
    pub errors: usize,
    pub met: Met,
}

/// The `Met` kept for `kind` at `base`, when it was computed given the same
/// errors (errors are only ever added, and sorting keeps the set).
pub(crate) fn kept<'m>(known: &'m [MetAt], kind: Kind, base: &str, errors: &[Issue]) -> Option<&'m Met> {
    known
        .iter()
        .find(|k| k.kind == kind && k.base == base && k.errors == errors.len())
        .map(|k| &k.met)
}

/// The needs of `kind` on one document (envelope removed) at `base`, given
/// every error of the whole document; [`evaluation`] completes them.
pub(crate) fn met(kind: Kind, doc: &Value, base: &str, errors: &[Issue], options: &Options) -> Met {
    let rel = |p: &str| p.strip_prefix(base).unwrap_or(p).to_string();
    let mine = errors_under(errors, base);
    let needs = spec::needs(kind, doc, options);
    // `within(rel, "/f")` without writing either string.
    let error_at = |f: &str| {
        mine.iter().any(|e| {
            let r = e.path.strip_prefix(base).unwrap_or(&e.path);
            r.strip_prefix('/').is_some_and(|r| within(r, f))
        })
    };
    let mut satisfied = 0;
    let mut missing = Vec::new();
    for n in &needs {
        if n.by().any(|f| at(doc, &f).is_some() && !error_at(&f)) {
            satisfied += 1;
        } else if n.by().all(|f| at(doc, &f).is_none()) {
            let field = n.field();
            missing.push(Unmet {
                path: field.split('/').fold(base.to_string(), |p, k| pointer_push(&p, k)),
                label: spec::label(kind, &field, options.locale),
                reason: n.reason(options.locale),
            });
        }
    }
    crate::sort::sort_by_cached_key(&mut missing, |m| form_key(kind, &rel(&m.path)));
    Met {
        satisfied,
        total: needs.len(),
        missing,
    }
}

/// An [`Evaluation`] from the needs weighed and the errors in their order
/// (an invalid field's code is its first error's).
pub(crate) fn evaluation(kind: Kind, base: &str, errors: &[Issue], met: Met) -> Evaluation {
    let rel = |p: &str| p.strip_prefix(base).unwrap_or(p).to_string();
    let mine = errors_under(errors, base);
    let Met {
        satisfied,
        total,
        missing,
    } = met;
    // Sets, not scans: one lookup per error keeps this linear in the errors.
    let missing_paths: HashSet<&str> = missing.iter().map(|m| m.path.as_str()).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut invalid: Vec<(String, Code)> = Vec::new();
    for e in &mine {
        if !missing_paths.contains(e.path.as_str()) && seen.insert(e.path.as_str()) {
            invalid.push((e.path.clone(), e.code));
        }
    }
    crate::sort::sort_by_cached_key(&mut invalid, |(p, _)| form_key(kind, &rel(p)));
    Evaluation {
        satisfied,
        total,
        missing,
        invalid,
        errors: !mine.is_empty(),
    }
}

/// Whether a value satisfies a field of schema node `node`: present, not
/// `null`, and a string where the schema expects one.
fn present(v: Option<&Value>, node: Option<&Value>) -> bool {
    let wants_string = node.and_then(|n| crate::json::field(n, "type")).and_then(Value::as_str) == Some("string");
    v.is_some_and(|v| !v.is_null() && (!wants_string || v.is_string()))
}

/// The requirements a schema cannot express (a condition on an option,
/// or a one-of the rules name by its own code): an error each when unmet.
/// A draft read kind has none: nothing missing is an error there.
pub(crate) fn enforce(ctx: &mut Ctx, doc: &Value, base: &str) {
    if ctx.kind.is_draft() || !doc.is_object() {
        return;
    }
    for r in spec(ctx.kind).requirements {
        let Some(message) = r.error else { continue };
        let Some((_, country)) = r.when.applies(doc, ctx.options) else {
            continue;
        };
        let met = r.by().iter().any(|f| {
            let segs: Vec<String> = f.split('/').map(str::to_string).collect();
            let v = segs.iter().try_fold(doc, |v, k| v.get(k.as_str()));
            present(v, schema_node(ctx.kind.schema(), &segs))
        });
        if !met {
            let path = r.field.split('/').fold(base.to_string(), |p, k| pointer_push(&p, k));
            let p = if message.placeholders().contains(&"country") {
                params(json!({ "country": country }))
            } else {
                Map::new()
            };
            let mut issue = Issue::of(path, message, p);
            if r.when == When::Always {
                issue = issue.with_keyword("required");
            }
            ctx.error(issue);
        }
    }
}

/// The reason of a conditional requirement of `rel` (a path relative to the
/// document, items as numbers), for the schema's `required` issue there.
pub(crate) fn conditional_reason(kind: Kind, rel: &str) -> Option<&'static str> {
    let starred: Vec<String> = pointer_segments(rel)
        .into_iter()
        .map(|s| if s.parse::<usize>().is_ok() { "*".into() } else { s })
        .collect();
    let path = starred.join("/");
    spec(kind)
        .requirements
        .iter()
        .find(|r| r.field == path && r.when != When::Always)
        .map(|r| r.reason)
}

/// Writes the spec's requirements into a generated schema: `required` on
/// the document (and an embedded kind's object), `if`/`then`
/// for a requirement on a field's value, `anyOf` for a one-of. A draft read
/// kind gets none: its requirements are completeness only.
#[cfg(feature = "schemars")]
pub(crate) fn write_schema(kind: Kind, schema: &mut Value) {
    let s = spec(kind);
    let mut reqs: Vec<(String, &'static [&'static str], When)> = Vec::new();
    if !kind.is_draft() {
        for r in s.requirements {
            reqs.push((r.field.to_string(), r.by, r.when));
        }
        if let Some((at, inner, _)) = s.embed.filter(|(at, _, _)| !at.contains('*')) {
            for r in spec(inner).requirements {
                reqs.push((format!("{at}/{}", r.field), r.by, r.when));
            }
        }
    }
    // The governed objects: the document and an embedded kind's root. A
    // nested object's own fields (a porting option's `type`) are required by
    // its Rust type whenever the object is given.
    let mut objects: Vec<String> = vec![String::new()];
    if let Some((at, _, _)) = s.embed.filter(|(at, _, _)| !at.contains('*')) {
        objects.push(at.to_string());
    }
    for o in &objects {
        if let Some(node) = object_at(schema, o) {
            node.remove("required");
        }
    }
    let mut any_of_done: Vec<&'static [&'static str]> = Vec::new();
    for (field, by, when) in reqs {
        let (parent, name) = field.rsplit_once('/').unwrap_or(("", field.as_str()));
        let Some(node) = object_at(schema, parent) else {
            continue;
        };
        match when {
            When::Always if by.len() > 1 => {
                if any_of_done.contains(&by) {
                    continue;
                }
                any_of_done.push(by);
                let branches: Vec<Value> = by
                    .iter()
                    .map(|b| {
                        let t = node
                            .get("properties")
                            .and_then(|p| p.get(*b))
                            .map(non_null_branch)
                            .and_then(|n| n.get("type"))
                            .cloned()
                            .unwrap_or(Value::Null);
                        json!({"properties": {*b: {"type": t}}, "required": [b]})
                    })
                    .collect();
                node.insert("anyOf".into(), Value::Array(branches));
            }
            When::Always => push_required(node, name),
            other => {
                if let Some(cond) = other.schema_if() {
                    node.insert("if".into(), cond);
                    let t = node
                        .get("properties")
                        .and_then(|p| p.get(name))
                        .map(non_null_branch)
                        .and_then(|n| n.get("type"))
                        .cloned()
                        .unwrap_or(Value::Null);
                    node.insert(
                        "then".into(),
                        json!({"properties": {name: {"type": t}}, "required": [name]}),
                    );
                }
            }
        }
    }
    // `required` in the schema's property order, as schemars writes it.
    for o in &objects {
        if let Some(node) = object_at(schema, o) {
            let order: Vec<String> = node
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            if let Some(Value::Array(req)) = node.get_mut("required") {
                req.sort_by_key(|r| order.iter().position(|k| Some(k.as_str()) == r.as_str()));
            }
        }
    }
}

#[cfg(feature = "schemars")]
fn push_required(node: &mut Map<String, Value>, name: &str) {
    let req = node.entry("required").or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(a) = req {
        if !a.iter().any(|x| x.as_str() == Some(name)) {
            a.push(Value::String(name.to_string()));
        }
    }
}

/// The object schema at a form path (through nullable `anyOf`s).
#[cfg(feature = "schemars")]
fn object_at<'s>(schema: &'s mut Value, path: &str) -> Option<&'s mut Map<String, Value>> {
    let mut node = schema;
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        node = non_null_mut(node).get_mut("properties")?.get_mut(seg)?;
    }
    non_null_mut(node).as_object_mut()
}

#[cfg(feature = "schemars")]
fn non_null_mut(node: &mut Value) -> &mut Value {
    let is_null = |b: &Value| b.get("type").and_then(Value::as_str) == Some("null");
    let nullable = node
        .get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|b| b.len() == 2 && b.iter().any(is_null));
    if !nullable {
        return node;
    }
    let i = node
        .get("anyOf")
        .and_then(Value::as_array)
        .and_then(|b| b.iter().position(|x| !is_null(x)))
        .unwrap_or(0);
    // Checked just above: `anyOf` is an array of two with a non-null branch at `i`.
    #[allow(clippy::indexing_slicing)]
    &mut node["anyOf"][i]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::KINDS;

    #[cfg(feature = "schemars")]
    fn required(schema: &Value, path: &str) -> Vec<String> {
        let mut v = schema.clone();
        let mut out: Vec<String> = object_at(&mut v, path)
            .and_then(|o| o.get("required").cloned())
            .and_then(|r| serde_json::from_value(r).ok())
            .unwrap_or_default();
        out.sort();
        out
    }

    /// The Rust types (a field that is not an `Option`) and the spec (an
    /// unconditional requirement) say the same of every governed object, so
    /// serde and the published schema agree on what a document must hold.
    #[test]
    #[cfg(feature = "schemars")]
    fn the_types_and_the_spec_require_the_same_fields() {
        for kind in KINDS {
            let types = kind.schema_of_types();
            let published = kind.generate_schema();
            let mut objects = vec![String::new()];
            if let Some((at, _, _)) = spec(kind).embed.filter(|(at, _, _)| !at.contains('*')) {
                objects.push(at.to_string());
            }
            for o in objects {
                let from_spec = required(&published, &o);
                let from_types = required(&types, &o);
                if kind.is_draft() {
                    assert!(
                        from_spec.is_empty() && from_types.is_empty(),
                        "{kind} /{o}: a draft requires nothing"
                    );
                } else {
                    assert_eq!(from_spec, from_types, "{kind} /{o}");
                }
            }
        }
    }

    #[test]
    fn a_conditional_requirement_gives_its_reason_and_an_option_one_its_error() {
        let reason = conditional_reason(Kind::SubRequestUpdate, "/porting_option/new_billing_phone_number");
        assert!(reason.is_some_and(|r| r.contains("remaining numbers are kept")));
        assert_eq!(conditional_reason(Kind::SubRequestUpdate, "/auth_person_name"), None);
        let options = Options {
            order_country: Some("us".into()),
            ..Options::default()
        };
        let doc = serde_json::json!({"areaCode": "312"});
        let mut ctx = Ctx {
            kind: Kind::NumberRequest,
            options: &options,
            errors: Vec::new(),
            warnings: Vec::new(),
            numbers: Default::default(),
            known: Default::default(),
            met: Vec::new(),
        };
        enforce(&mut ctx, &doc, "");
        let codes: Vec<(&str, &str)> = ctx.errors.iter().map(|e| (e.path.as_str(), e.code.as_str())).collect();
        assert_eq!(codes, [("/region", "region_required")]);
        assert!(ctx.errors[0].message.contains("(US)"));
    }
}
