//! `validate`: the published schema (through our interpreter, formats asserted)
//! plus the rules a schema cannot express, as one sorted report.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::code::Code;
use crate::documents::rules::{self, Ctx};
use crate::documents::{envelope, non_null_branch, schema_node, Kind, KINDS};
use crate::json::{field, member};
use crate::messages::Message;
use crate::report::{pointer_segments, Issue, Report};
use crate::schema::Schema;
use crate::Options;

/// The compiled schema of a kind (compiled once, on first use).
pub(crate) fn schema(kind: Kind) -> Option<&'static Schema> {
    static SCHEMAS: [OnceLock<Option<Schema>>; KINDS.len()] = [const { OnceLock::new() }; KINDS.len()];
    let i = KINDS.iter().position(|&k| k == kind)?;
    SCHEMAS
        .get(i)?
        .get_or_init(|| Schema::compile(kind.schema(), crate::documents::patterns::message).ok())
        .as_ref()
}

/// The positions of the keys of large objects, built once per object: a
/// linear `position` per issue was quadratic in the number of fields.
#[derive(Default)]
struct KeyIndex<'a> {
    maps: HashMap<*const Map<String, Value>, HashMap<&'a str, usize>>,
    /// One lookup only (`position`): a scan is cheaper than building an index.
    scan: bool,
}

impl<'a> KeyIndex<'a> {
    /// Objects this small are scanned: an index would cost more than it saves.
    const SCAN: usize = 32;

    fn position(&mut self, m: &'a Map<String, Value>, key: &str) -> Option<usize> {
        if self.scan || m.len() <= Self::SCAN {
            return m.keys().position(|k| k == key);
        }
        self.maps
            .entry(std::ptr::from_ref(m))
            .or_insert_with(|| m.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect())
            .get(key)
            .copied()
    }
}

/// Where a path sits in the document: field order as given, then upstream
/// (schema) order for fields that are missing.
fn sort_key<'a>(doc: &'a Value, schema: &Value, path: &str, index: &mut KeyIndex<'a>) -> Vec<usize> {
    let mut key = Vec::new();
    let mut v = Some(doc);
    let mut segs = pointer_segments(path);
    // The envelope is one more level.
    let mut s = Some(non_null_branch(schema));
    if let (Some(Value::Object(m)), Some("data")) = (v, segs.first().map(String::as_str)) {
        if v.is_some_and(envelope::is_envelope) {
            key.push(m.keys().position(|k| k == "data").unwrap_or(0));
            v = m.get("data");
            segs.remove(0);
        }
    }
    for seg in segs {
        let props = s.and_then(|s| field(s, "properties")).and_then(Value::as_object);
        let pos = match v {
            Some(Value::Object(m)) => match index.position(m, &seg) {
                Some(i) => i,
                None => {
                    m.len()
                        + props
                            .and_then(|p| p.keys().position(|k| *k == seg))
                            .unwrap_or(usize::MAX / 2)
                }
            },
            Some(Value::Array(_)) => seg.parse().unwrap_or(usize::MAX / 2),
            _ => props
                .and_then(|p| p.keys().position(|k| *k == seg))
                .unwrap_or(usize::MAX / 2),
        };
        key.push(pos);
        v = v.and_then(|x| match x {
            Value::Object(m) => member(m, &seg),
            Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        });
        s = s.and_then(|n| schema_node(n, std::slice::from_ref(&seg)));
    }
    key
}

/// The sort position of a path in a document of `kind`.
pub(crate) fn position(doc: &Value, kind: Kind, path: &str) -> Vec<usize> {
    let mut once = KeyIndex {
        scan: true,
        ..KeyIndex::default()
    };
    sort_key(doc, kind.schema(), path, &mut once)
}

/// Sorts issues by document position, then code.
pub(crate) fn sort(issues: &mut Vec<Issue>, doc: &Value, kind: Kind) {
    let schema = kind.schema();
    let mut index = KeyIndex::default();
    let mut keyed: Vec<(Vec<usize>, Issue)> = issues
        .drain(..)
        .map(|i| (sort_key(doc, schema, &i.path, &mut index), i))
        .collect();
    crate::sort::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0).then_with(|| a.1.code.cmp(&b.1.code)));
    keyed.dedup_by(|a, b| a.1.path == b.1.path && a.1.code == b.1.code && a.1.message == b.1.message);
    issues.extend(keyed.into_iter().map(|(_, i)| i));
}

/// Validates a document (or an envelope `{"data": …}`) as `kind`.
pub fn validate(kind: Kind, doc: &Value, options: &Options) -> Report {
    let mut report = judge(kind, doc, options);
    crate::limits::cut(&mut report, options.limits.max_issues);
    report.localize(options.locale);
    report
}

/// [`validate`] of a document given as JSON text or UTF-8 bytes, read
/// strictly within `options.limits` (README, Documents as text), so a
/// service needs no second call: text that is not JSON, or not UTF-8, or
/// past a limit, gives a report with that one error at the root
/// (`invalid_json` with its line and column, `invalid_utf8`,
/// `limit_exceeded`); a duplicate key is a `duplicate_key` error beside
/// whatever else the document has (its last value judged).
///
/// ```
/// use telschema::{validate_str, Code, Kind, Options};
/// let r = validate_str(Kind::E911, r#"{"locality": "Chicago", "#, &Options::default());
/// assert_eq!((r.valid, r.errors[0].code, r.errors[0].path.as_str()), (false, Code::InvalidJson, ""));
/// ```
pub fn validate_str(kind: Kind, text: impl AsRef<[u8]>, options: &Options) -> Report {
    validate_read(kind, crate::json::read(text.as_ref(), &options.limits), options)
}

pub(crate) fn validate_read(kind: Kind, read: crate::json::Read, options: &Options) -> Report {
    let mut report = match read.doc {
        Some(doc) => {
            let mut report = judge(kind, &doc, options);
            add_problem(&mut report, read.problem);
            report
        }
        None => unreadable(kind, read.problem),
    };
    crate::limits::cut(&mut report, options.limits.max_issues);
    report.localize(options.locale);
    report
}

/// The report on text that gave no document: its one problem.
pub(crate) fn unreadable(kind: Kind, problem: Option<Issue>) -> Report {
    Report {
        kind,
        valid: false,
        errors: problem.into_iter().collect(),
        warnings: Vec::new(),
        omitted: None,
    }
}

/// The text's problem first (its path is the root), and the report invalid.
pub(crate) fn add_problem(report: &mut Report, problem: Option<Issue>) {
    if let Some(p) = problem {
        report.errors.insert(0, p);
        report.valid = false;
    }
}

/// Every issue of the document, sorted, with no list cut: `validate`,
/// `completeness` and `check` make their verdicts from this, then cut.
pub(crate) fn judge(kind: Kind, doc: &Value, options: &Options) -> Report {
    judge_with(kind, doc, options, HashMap::new())
}

/// [`judge`], given the phone fields `check` has already read (by path: the
/// value and its reading), so that no field is normalized twice.
pub(crate) fn judge_with(
    kind: Kind,
    doc: &Value,
    options: &Options,
    known: HashMap<String, (String, crate::documents::rules::Normalized)>,
) -> Report {
    judge_met(kind, doc, options, known).0
}

/// [`judge_with`], and the needs the rules weighed on the way (the draft
/// `complete` flag's), for completeness to reuse on the same document.
pub(crate) fn judge_met(
    kind: Kind,
    doc: &Value,
    options: &Options,
    known: HashMap<String, (String, crate::documents::rules::Normalized)>,
) -> (Report, Vec<crate::documents::require::MetAt>) {
    // Limits first: a breach is the whole verdict, and nothing below recurses into it.
    let (inner, base) = envelope::unwrap(doc);
    let breaches = crate::limits::breaches(inner, base, &options.limits);
    if !breaches.is_empty() {
        let report = Report {
            kind,
            valid: false,
            errors: breaches,
            warnings: Vec::new(),
            omitted: None,
        };
        return (report, Vec::new());
    }
    let mut lenient = Vec::new();
    let coerced;
    let doc = if options.lenient_types {
        let mut copy = doc.clone();
        let (target, base) = envelope::unwrap_mut(&mut copy);
        crate::coerce::coerce_lenient(target, kind.schema(), base, &mut Vec::new(), &mut lenient);
        coerced = copy;
        &coerced
    } else {
        doc
    };
    let (inner, base) = envelope::unwrap(doc);
    let mut errors = Vec::new();
    match schema(kind) {
        Some(schema) => {
            schema.check(inner, base, &mut errors);
        }
        None => errors.push(Issue::of("", Message::InternalError, Map::new())),
    }
    // A conditional requirement's `required` says why (the kind's spec).
    for e in errors.iter_mut().filter(|e| e.code == "required") {
        let rel = e.path.strip_prefix(base).unwrap_or(&e.path);
        if let Some(reason) = crate::documents::require::conditional_reason(kind, rel) {
            match crate::documents::translations::row(reason) {
                Some(texts) => {
                    let keyword = e.keyword.take();
                    *e = Issue::texts(e.path.clone(), Code::Required, texts, Map::new());
                    e.keyword = keyword;
                }
                None => e.message = reason.to_string(),
            }
        }
    }
    let mut ctx = Ctx {
        kind,
        options,
        errors,
        warnings: lenient,
        numbers: HashMap::new(),
        known,
        met: Vec::new(),
    };
    rules::apply(&mut ctx, inner, base);
    let (mut errors, mut warnings, met) = (ctx.errors, ctx.warnings, ctx.met);
    blank_required(kind.schema(), inner, base, &errors, &mut warnings);
    sort(&mut errors, doc, kind);
    sort(&mut warnings, doc, kind);
    let report = Report {
        kind,
        valid: errors.is_empty(),
        errors,
        warnings,
        omitted: None,
    };
    (report, met)
}

/// A required field sent as `""` or white space: upstream accepts it where
/// the schema has no minimum length, but a form sends `""` for an empty input,
/// so it is likely missing (completeness counts it as missing). Walks the
/// document along the schema without recursion.
fn blank_required(schema: &Value, doc: &Value, base: &str, errors: &[Issue], warnings: &mut Vec<Issue>) {
    let mut stack: Vec<(&Value, &Value, String)> = vec![(non_null_branch(schema), doc, base.to_string())];
    while let Some((node, value, path)) = stack.pop() {
        match value {
            Value::Object(m) => {
                let props = field(node, "properties").and_then(Value::as_object);
                let required = field(node, "required").and_then(Value::as_array);
                for name in required.into_iter().flatten().filter_map(Value::as_str) {
                    let Some(Value::String(s)) = member(m, name) else {
                        continue;
                    };
                    // Blank (what `trim` would empty) before its path is written.
                    if !s.chars().all(char::is_whitespace) {
                        continue;
                    }
                    let at = crate::report::pointer_push(&path, name);
                    if !errors.iter().any(|e| e.path == at) {
                        warnings.push(
                            Issue::of(at, Message::BlankRequired, Map::new()).with_value(Value::String(s.clone())),
                        );
                    }
                }
                // Only objects and arrays are walked into: a scalar's schema is not looked up.
                for (k, v) in m.iter().filter(|(_, v)| v.is_object() || v.is_array()) {
                    if let Some(sub) = props.and_then(|p| p.get(k)) {
                        stack.push((non_null_branch(sub), v, crate::report::pointer_push(&path, k)));
                    }
                }
            }
            Value::Array(a) => {
                if let Some(items) = field(node, "items") {
                    for (i, v) in a.iter().enumerate() {
                        if v.is_object() {
                            stack.push((
                                non_null_branch(items),
                                v,
                                crate::report::pointer_push(&path, &i.to_string()),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The reference: the same schemas through the `jsonschema` crate, whose
/// errors map to the issues the interpreter must give.
#[cfg(test)]
pub(crate) mod reference {
    use std::sync::OnceLock;

    use jsonschema::error::{TypeKind, ValidationErrorKind};
    use jsonschema::{Draft, ValidationError, Validator};
    use serde_json::Value;

    use serde_json::{json, Map};

    use crate::documents::patterns::message as pattern_message;
    use crate::documents::{Kind, KINDS};
    use crate::messages::{params, Message};
    use crate::report::Issue;
    use crate::schema::{enum_message, format_message, limit_message, min_items, type_message};

    fn validator(kind: Kind) -> &'static Validator {
        static VALIDATORS: [OnceLock<Validator>; crate::KINDS.len()] = [const { OnceLock::new() }; crate::KINDS.len()];
        let i = KINDS.iter().position(|&k| k == kind).unwrap();
        VALIDATORS[i].get_or_init(|| {
            jsonschema::options()
                .with_draft(Draft::Draft202012)
                .should_validate_formats(true)
                .build(kind.schema())
                .unwrap()
        })
    }

    /// The schema issues of `doc` (no envelope) by the reference, at `base`.
    pub(crate) fn schema_issues(kind: Kind, doc: &Value, base: &str) -> Vec<Issue> {
        let mut out = Vec::new();
        for err in validator(kind).iter_errors(doc) {
            map_error(&err, base, &mut out);
        }
        crate::schema::one_issue_per_cause(&mut out, 0);
        out
    }

    /// Maps one `jsonschema` error into issues at `base`-prefixed paths.
    fn map_error(err: &ValidationError, base: &str, out: &mut Vec<Issue>) {
        let path = format!("{base}{}", err.instance_path().as_str());
        let keyword = err.kind().keyword().to_string();
        // A field a `then` requires (its reason is the spec's, put on by `judge`).
        let conditional = err.schema_path().as_str().contains("/then/");
        let required = |path: String| Issue::of(path, Message::Required, Map::new()).with_keyword("required");
        let value = err.instance().clone().into_owned();
        let (message, value) = match err.kind() {
            ValidationErrorKind::AnyOf { context } => {
                // A nullable field: report why its non-null branch failed. Other
                // `anyOf`s (CM.com's areaCode-or-city) are reported by the rules.
                let is_null_branch = |errs: &Vec<ValidationError>| {
                    errs.len() == 1 && errs.iter().all(|e| matches!(e.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(t) } if t.to_string() == "null"))
                };
                if context.iter().any(is_null_branch) {
                    for branch in context.iter().filter(|b| !is_null_branch(b)) {
                        for e in branch {
                            map_error(e, base, out);
                        }
                    }
                }
                return;
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                out.push(required(crate::report::pointer_push(&path, name)));
                return;
            }
            ValidationErrorKind::Type { .. } if conditional && err.instance().is_null() => {
                // null counts as absent for a conditional field.
                out.push(required(path));
                return;
            }
            ValidationErrorKind::Type { kind } => {
                let t = match kind {
                    TypeKind::Single(t) => t.to_string(),
                    TypeKind::Multiple(ts) => format!("{ts:?}"),
                };
                (type_message(&t), Some(value))
            }
            ValidationErrorKind::Enum { options } => (
                enum_message(options.as_array().map_or(&[][..], Vec::as_slice)),
                Some(value),
            ),
            ValidationErrorKind::MinLength { limit } => (limit_message(Message::MinLength, json!(limit)), Some(value)),
            ValidationErrorKind::MaxLength { limit } => (limit_message(Message::MaxLength, json!(limit)), Some(value)),
            ValidationErrorKind::Minimum { limit } => (limit_message(Message::Minimum, limit.clone()), Some(value)),
            ValidationErrorKind::Maximum { limit } => (limit_message(Message::Maximum, limit.clone()), Some(value)),
            ValidationErrorKind::Pattern { pattern } => (
                (pattern_message(pattern), params(json!({ "pattern": pattern }))),
                Some(value),
            ),
            ValidationErrorKind::Format { format } => (format_message(format), Some(value)),
            ValidationErrorKind::MinItems { limit } => (min_items(*limit), None),
            ValidationErrorKind::Constant { expected_value } => (
                (Message::Const, params(json!({ "expected": expected_value.as_ref() }))),
                Some(value),
            ),
            // Any other error is one the interpreter cannot give, so it disagrees.
            _ => {
                out.push(Issue::new(path, crate::code::Code::InternalError, err.to_string()));
                return;
            }
        };
        let mut issue = Issue::of(path, message.0, message.1).with_keyword(&keyword);
        issue.value = value;
        out.push(issue);
    }
}
