//! A compact JSON Schema (draft 2020-12) interpreter for exactly the keywords
//! our generated schemas use, with the reports `validate` gives.
//!
//! The `jsonschema` crate is the reference (a test runs both on every
//! fixture and on generated documents and requires the same issues), but it
//! carries two regex engines, their Unicode tables and every format of the
//! specification: about 700 KB gzip in WebAssembly and tens of milliseconds
//! to compile one schema. Our schemas need far less: the keywords in
//! [`KEYWORDS`], five anchored ASCII patterns and three formats. A schema
//! with any other keyword does not compile (a test compiles all of them, and
//! `build.rs` refuses such a schema before that).

mod decimal;
mod format;
mod nav;
mod pattern;

use serde_json::{json, Map, Number, Value};

use crate::messages::{params, Message};
use crate::report::{pointer_push, Issue};
pub(crate) use nav::{non_null_branch, schema_node};
pub(crate) use pattern::Pattern;

// The keywords the interpreter knows (`KEYWORDS`); anything else refuses to
// compile. build.rs includes the same file to refuse such a schema early.
include!("keywords.rs");

/// A compiled schema node: its keywords in the order the schema gives them.
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    keywords: Vec<Keyword>,
    /// `type: "null"` (the null branch of a nullable `anyOf`).
    null_type: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Null,
    Boolean,
    Object,
    Array,
    Number,
    Integer,
    String,
}

impl Type {
    fn name(self) -> &'static str {
        match self {
            Type::Null => "null",
            Type::Boolean => "boolean",
            Type::Object => "object",
            Type::Array => "array",
            Type::Number => "number",
            Type::Integer => "integer",
            Type::String => "string",
        }
    }
}

#[derive(Debug, Clone)]
enum Keyword {
    Type(Type),
    Properties(Vec<(String, Schema)>),
    Required(Vec<String>),
    /// The options, and when all are strings, those strings sorted (binary search).
    Enum(Vec<Value>, Option<Vec<String>>),
    Const(Value),
    /// The message for a value it does not match, the pattern's source, and the pattern.
    Pattern(Message, String, Pattern),
    Format(format::Format),
    MinLength(u64),
    MinItems(u64),
    MaxLength(u64),
    Minimum(Number),
    Maximum(Number),
    Items(Box<Schema>),
    AnyOf(Vec<Schema>),
    IfThen(Box<Schema>, Box<Schema>),
}

fn bad(path: &str, what: impl std::fmt::Display) -> String {
    format!("schema{path}: {what}")
}

fn length(v: &Value, path: &str) -> Result<u64, String> {
    v.as_u64()
        .ok_or_else(|| bad(path, "a length must be a non-negative integer"))
}

impl Schema {
    /// Compiles a schema, refusing keywords and forms outside the subset.
    /// `pattern_message` gives the message for a value that does not match
    /// a pattern (the kinds declare their patterns with their messages).
    pub(crate) fn compile(schema: &Value, pattern_message: fn(&str) -> Message) -> Result<Schema, String> {
        Schema::node(schema, "", pattern_message)
    }

    fn node(schema: &Value, path: &str, pm: fn(&str) -> Message) -> Result<Schema, String> {
        let map = match schema {
            Value::Object(m) => m,
            Value::Bool(true) => &Map::new(),
            _ => return Err(bad(path, "a schema must be an object or true")),
        };
        let mut keywords = Vec::new();
        let mut null_type = false;
        for (key, v) in map {
            let at = pointer_push(path, key);
            if !KEYWORDS.contains(&key.as_str()) {
                return Err(bad(&at, format!("keyword {key:?} is not supported")));
            }
            let kw = match key.as_str() {
                "$schema" | "$id" | "title" | "description" => continue,
                "type" => {
                    let t = match v.as_str() {
                        Some("null") => Type::Null,
                        Some("boolean") => Type::Boolean,
                        Some("object") => Type::Object,
                        Some("array") => Type::Array,
                        Some("number") => Type::Number,
                        Some("integer") => Type::Integer,
                        Some("string") => Type::String,
                        _ => return Err(bad(&at, "type must be one type name")),
                    };
                    null_type = t == Type::Null;
                    Keyword::Type(t)
                }
                "properties" => {
                    let props = v.as_object().ok_or_else(|| bad(&at, "properties must be an object"))?;
                    let mut out = Vec::with_capacity(props.len());
                    for (name, s) in props {
                        out.push((name.clone(), Schema::node(s, &pointer_push(&at, name), pm)?));
                    }
                    Keyword::Properties(out)
                }
                "required" => Keyword::Required(
                    v.as_array()
                        .and_then(|a| a.iter().map(|x| x.as_str().map(str::to_string)).collect())
                        .ok_or_else(|| bad(&at, "required must be a list of names"))?,
                ),
                "enum" => {
                    let options = v.as_array().ok_or_else(|| bad(&at, "enum must be a list"))?.clone();
                    let strings: Option<Vec<String>> = options.iter().map(|o| o.as_str().map(str::to_string)).collect();
                    let sorted = strings.map(|mut s| {
                        crate::sort::sort_by(&mut s, |a, b| a.cmp(b));
                        s
                    });
                    Keyword::Enum(options, sorted)
                }
                "const" => Keyword::Const(v.clone()),
                "pattern" => {
                    let p = v.as_str().ok_or_else(|| bad(&at, "pattern must be a string"))?;
                    Keyword::Pattern(pm(p), p.to_string(), Pattern::new(p).map_err(|e| bad(&at, e))?)
                }
                "format" => match format::Format::from_name(v.as_str().unwrap_or_default()) {
                    Some(Some(f)) => Keyword::Format(f),
                    // Formats the reference ignores (int32, int64) are annotations.
                    Some(None) => continue,
                    None => return Err(bad(&at, format!("unknown format {v}"))),
                },
                "minLength" => Keyword::MinLength(length(v, &at)?),
                "minItems" => Keyword::MinItems(length(v, &at)?),
                "maxLength" => Keyword::MaxLength(length(v, &at)?),
                "minimum" | "maximum" => {
                    let n = v
                        .as_number()
                        .ok_or_else(|| bad(&at, "a limit must be a number"))?
                        .clone();
                    if key == "minimum" {
                        Keyword::Minimum(n)
                    } else {
                        Keyword::Maximum(n)
                    }
                }
                "items" => Keyword::Items(Box::new(Schema::node(v, &at, pm)?)),
                "anyOf" => {
                    let branches = v.as_array().ok_or_else(|| bad(&at, "anyOf must be a list"))?;
                    let mut out = Vec::with_capacity(branches.len());
                    for (i, b) in branches.iter().enumerate() {
                        out.push(Schema::node(b, &pointer_push(&at, &i.to_string()), pm)?);
                    }
                    Keyword::AnyOf(out)
                }
                "if" => {
                    let then = map.get("then").ok_or_else(|| bad(&at, "if without then"))?;
                    Keyword::IfThen(
                        Box::new(Schema::node(v, &at, pm)?),
                        Box::new(Schema::node(then, &pointer_push(path, "then"), pm)?),
                    )
                }
                "then" if map.contains_key("if") => continue,
                other => return Err(bad(&at, format!("keyword {other:?} is not supported"))),
            };
            keywords.push(kw);
        }
        Ok(Schema { keywords, null_type })
    }

    /// Appends the issues of `value` (at `path`) to `out`; returns how many
    /// failures the schema found (nested `anyOf`s report none of their own,
    /// yet count as one, as the reference does).
    pub(crate) fn check(&self, value: &Value, path: &str, out: &mut Vec<Issue>) -> usize {
        self.walk(value, &Loc::Root(path), false, out)
    }

    fn walk(&self, value: &Value, path: &Loc<'_>, conditional: bool, out: &mut Vec<Issue>) -> usize {
        let start = out.len();
        let mut failures = 0;
        for kw in &self.keywords {
            failures += kw.walk(value, path, conditional, out);
        }
        one_issue_per_cause(out, start);
        failures
    }

    fn is_valid(&self, value: &Value) -> bool {
        self.walk(value, &Loc::Root(""), false, &mut Vec::new()) == 0
    }
}

/// One mistake, one issue: every `format` is paired with a `pattern` that
/// decides on its own (so that validators agree), and a malformed value
/// fails both; the `format` issue is kept with the pattern's plainer message
/// ("Must be a UUID (8-4-4-4-12 hexadecimal digits)."), its twin dropped.
pub(crate) fn one_issue_per_cause(out: &mut Vec<Issue>, start: usize) {
    if !out.get(start..).unwrap_or(&[]).iter().any(|i| i.code == "format") {
        return;
    }
    let mut i = start;
    while i < out.len() {
        let twin = out.get(i).filter(|x| x.code == "pattern").and_then(|p| {
            let f = out
                .iter()
                .skip(start)
                .position(|f| f.code == "format" && f.path == p.path)?;
            Some((start + f, p.message.clone(), p.source, p.params.get("pattern").cloned()))
        });
        match twin {
            Some((f, message, source, pattern)) => {
                if let Some(format) = out.get_mut(f) {
                    format.message = message;
                    format.source = source;
                    if let Some(p) = pattern {
                        format.params.insert("pattern".into(), p);
                    }
                }
                out.remove(i);
            }
            None => i += 1,
        }
    }
}

/// How many keys ahead of the last one found a lookup compares before it
/// hashes (keys written in the schema's order are found without hashing).
pub(crate) const AHEAD: usize = 8;

/// Where a value sits, rendered as a JSON Pointer only when an issue needs it.
#[derive(Clone, Copy)]
enum Loc<'a> {
    Root(&'a str),
    Key(&'a Loc<'a>, &'a str),
    Index(&'a Loc<'a>, usize),
}

impl Loc<'_> {
    fn render(&self) -> String {
        match self {
            Loc::Root(base) => base.to_string(),
            Loc::Key(parent, key) => pointer_push(&parent.render(), key),
            Loc::Index(parent, i) => pointer_push(&parent.render(), &i.to_string()),
        }
    }
}

// The message and params of each keyword's failure (the reference mapping
// in `validate` shares them, so the agreement test compares them too).

/// `minItems`.
pub(crate) fn min_items(limit: u64) -> (Message, Map<String, Value>) {
    let m = if limit == 1 {
        Message::MinItemsOne
    } else {
        Message::MinItems
    };
    (m, params(json!({ "limit": limit })))
}

/// `type`, by the type's name.
pub(crate) fn type_message(name: &str) -> (Message, Map<String, Value>) {
    let m = match name {
        "string" => Message::TypeString,
        "integer" => Message::TypeInteger,
        "number" => Message::TypeNumber,
        "boolean" => Message::TypeBoolean,
        "object" => Message::TypeObject,
        "array" => Message::TypeArray,
        _ => Message::TypeNull,
    };
    (m, params(json!({ "type": name })))
}

/// `enum`: its values, written out when the list is short.
pub(crate) fn enum_message(options: &[Value]) -> (Message, Map<String, Value>) {
    let m = if options.len() > 12 {
        Message::EnumCountry
    } else {
        Message::Enum
    };
    (m, params(json!({ "allowed": options })))
}

/// `format`, by the format's name.
pub(crate) fn format_message(name: &str) -> (Message, Map<String, Value>) {
    let m = match name {
        "date-time" => Message::FormatDateTime,
        "uuid" => Message::FormatUuid,
        _ => Message::FormatUri,
    };
    (m, params(json!({ "format": name })))
}

/// `minLength`, `maxLength`, `minimum`, `maximum`: the limit.
pub(crate) fn limit_message(m: Message, limit: Value) -> (Message, Map<String, Value>) {
    (m, params(json!({ "limit": limit })))
}

fn issue(path: &Loc<'_>, keyword: &str, (m, p): (Message, Map<String, Value>), value: Option<&Value>) -> Issue {
    let mut i = Issue::of(path.render(), m, p).with_keyword(keyword);
    i.value = value.cloned();
    i
}

fn required(path: &Loc<'_>) -> Issue {
    issue(path, "required", (Message::Required, Map::new()), None)
}

impl Keyword {
    fn walk(&self, value: &Value, path: &Loc<'_>, conditional: bool, out: &mut Vec<Issue>) -> usize {
        match self {
            Keyword::Type(t) => {
                if type_matches(*t, value) {
                    return 0;
                }
                if conditional && value.is_null() {
                    // null counts as absent for a conditional field.
                    out.push(required(path));
                } else {
                    out.push(issue(path, "type", type_message(t.name()), Some(value)));
                }
                1
            }
            Keyword::Properties(props) => {
                let Value::Object(map) = value else { return 0 };
                let mut failures = 0;
                // A document's keys often come in the schema's order: the next
                // few keys are compared first, and only a miss is looked up (hashed).
                let mut next = map.iter();
                for (name, schema) in props {
                    let found = match next.clone().take(AHEAD).position(|(k, _)| k == name) {
                        Some(j) => next.nth(j).map(|(_, v)| v),
                        None => crate::json::member(map, name),
                    };
                    if let Some(v) = found {
                        failures += schema.walk(v, &Loc::Key(path, name), conditional, out);
                    }
                }
                failures
            }
            Keyword::Required(names) => {
                let Value::Object(map) = value else { return 0 };
                let mut failures = 0;
                for name in names.iter().filter(|n| crate::json::member(map, n.as_str()).is_none()) {
                    out.push(required(&Loc::Key(path, name)));
                    failures += 1;
                }
                failures
            }
            Keyword::Enum(options, sorted) => {
                let found = match (sorted, value) {
                    (Some(sorted), Value::String(s)) => sorted.binary_search(s).is_ok(),
                    (Some(_), _) => false,
                    (None, _) => options.iter().any(|o| equal(o, value)),
                };
                if found {
                    return 0;
                }
                out.push(issue(path, "enum", enum_message(options), Some(value)));
                1
            }
            Keyword::Const(expected) => {
                if equal(expected, value) {
                    return 0;
                }
                let p = params(json!({ "expected": expected }));
                out.push(issue(path, "const", (Message::Const, p), Some(value)));
                1
            }
            Keyword::Pattern(message, source, p) => match value {
                Value::String(s) if !p.is_match(s) => {
                    let ps = params(json!({ "pattern": source }));
                    out.push(issue(path, "pattern", (*message, ps), Some(value)));
                    1
                }
                _ => 0,
            },
            Keyword::Format(f) => match value {
                Value::String(s) if !f.is_valid(s) => {
                    out.push(issue(path, "format", format_message(f.name()), Some(value)));
                    1
                }
                _ => 0,
            },
            Keyword::MinItems(limit) => match value {
                Value::Array(a) if (a.len() as u64) < *limit => {
                    out.push(issue(path, "minItems", min_items(*limit), None));
                    1
                }
                _ => 0,
            },
            Keyword::MinLength(limit) | Keyword::MaxLength(limit) => {
                let Value::String(s) = value else { return 0 };
                let n = s.chars().count() as u64;
                let (fails, m, keyword) = if matches!(self, Keyword::MinLength(_)) {
                    (n < *limit, Message::MinLength, "minLength")
                } else {
                    (n > *limit, Message::MaxLength, "maxLength")
                };
                if !fails {
                    return 0;
                }
                out.push(issue(path, keyword, limit_message(m, json!(limit)), Some(value)));
                1
            }
            Keyword::Minimum(limit) | Keyword::Maximum(limit) => {
                let Value::Number(n) = value else { return 0 };
                let order = compare(n, limit);
                let (fails, m, keyword) = if matches!(self, Keyword::Minimum(_)) {
                    (order == Some(std::cmp::Ordering::Less), Message::Minimum, "minimum")
                } else {
                    (order == Some(std::cmp::Ordering::Greater), Message::Maximum, "maximum")
                };
                if !fails {
                    return 0;
                }
                let limit = Value::Number(limit.clone());
                out.push(issue(path, keyword, limit_message(m, limit), Some(value)));
                1
            }
            Keyword::Items(schema) => {
                let Value::Array(items) = value else { return 0 };
                let mut failures = 0;
                for (i, item) in items.iter().enumerate() {
                    failures += schema.walk(item, &Loc::Index(path, i), conditional, out);
                }
                failures
            }
            Keyword::AnyOf(branches) => {
                // Allocated only once a branch fails: a valid value passes its first branch.
                let mut results = Vec::new();
                for b in branches {
                    let mut issues = Vec::new();
                    let failures = b.walk(value, path, conditional, &mut issues);
                    if failures == 0 {
                        return 0;
                    }
                    // The null branch failed on a non-null value: exactly its type error.
                    results.push((b.null_type && failures == 1, issues));
                }
                // A nullable field: report why its non-null branch failed. Other
                // `anyOf`s (CM.com's areaCode-or-city) are reported by the rules.
                if results.iter().any(|(null_branch, _)| *null_branch) {
                    for (_, issues) in results.into_iter().filter(|(null_branch, _)| !null_branch) {
                        out.extend(issues);
                    }
                }
                1
            }
            Keyword::IfThen(cond, then) => {
                if cond.is_valid(value) {
                    then.walk(value, path, true, out)
                } else {
                    0
                }
            }
        }
    }
}

fn type_matches(t: Type, v: &Value) -> bool {
    match (t, v) {
        (Type::Null, Value::Null)
        | (Type::Boolean, Value::Bool(_))
        | (Type::Object, Value::Object(_))
        | (Type::Array, Value::Array(_))
        | (Type::Number, Value::Number(_))
        | (Type::String, Value::String(_)) => true,
        (Type::Integer, Value::Number(n)) => decimal::is_integer(n.as_str()),
        _ => false,
    }
}

/// Exact order of two JSON numbers, on their text (see `decimal`).
fn compare(a: &Number, b: &Number) -> Option<std::cmp::Ordering> {
    decimal::compare(a.as_str(), b.as_str())
}

/// JSON Schema equality: numbers by value (1 equals 1.0), objects regardless of key order.
fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => compare(x, y) == Some(std::cmp::Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn generic(_: &str) -> Message {
        Message::PatternOther
    }

    #[test]
    fn every_published_schema_compiles() {
        for kind in crate::KINDS {
            Schema::compile(kind.schema(), crate::documents::patterns::message)
                .unwrap_or_else(|e| panic!("{kind}: {e}"));
        }
    }

    #[test]
    fn refuses_unknown_keywords_and_forms() {
        assert!(Schema::compile(&json!({"oneOf": []}), generic)
            .unwrap_err()
            .contains("oneOf"));
        assert!(Schema::compile(&json!({"type": ["string", "null"]}), generic).is_err());
        assert!(Schema::compile(&json!({"format": "email"}), generic).is_err());
        assert!(Schema::compile(&json!({"pattern": "\\w+"}), generic).is_err());
        assert!(Schema::compile(&json!({"properties": {"a": {"additionalProperties": false}}}), generic).is_err());
    }

    /// Values put in place of every value of every fixture document.
    fn mutants() -> Vec<Value> {
        let mut v = vec![
            json!(null),
            json!(true),
            json!(0),
            json!(-1),
            json!(1.5),
            json!(2.0),
            json!(1000),
            json!(1001),
            json!(1e300),
            json!(""),
            json!("x"),
            json!("é".repeat(300)),
            json!("+13125354200"),
            json!("+03125354200"),
            json!("3125354200"),
            json!("+1"),
            json!("2026-12-01T09:00:00Z"),
            json!("2026-02-29T09:00:00Z"),
            json!("2024-12-31T23:59:60Z"),
            json!("2024-12-31T23:59:60+01:00"),
            json!("2026-12-01T09:00:00.Z"),
            json!("123e4567-e89b-12d3-a456-426614174000"),
            json!("123e4567-e89b-12d3-a456-42661417400z"),
            json!("https://example.com/cb?x=1"),
            json!("http://[::1]:8080/x"),
            json!("http://[::g]/x"),
            json!("https://exa mple.com"),
            json!("keep"),
            json!("full"),
            json!("US"),
            json!("ZZ"),
            json!("mobile"),
            json!([]),
            json!([null]),
            json!(["+13125354200", 5]),
            json!({}),
            json!({"phone_number": "+13125354200"}),
        ];
        v.push(json!({"type": "full", "remaining_numbers_action": "keep"}));
        v
    }

    fn paths(v: &Value, at: String, out: &mut Vec<String>) {
        out.push(at.clone());
        match v {
            Value::Object(m) => m.iter().for_each(|(k, x)| paths(x, pointer_push(&at, k), out)),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| paths(x, pointer_push(&at, &i.to_string()), out)),
            _ => {}
        }
    }

    fn same_as_reference(kind: crate::Kind, doc: &Value) -> Result<(), String> {
        let mut ours = Vec::new();
        crate::validate::schema(kind).unwrap().check(doc, "", &mut ours);
        let mut theirs = crate::validate::reference::schema_issues(kind, doc, "");
        crate::validate::sort(&mut ours, doc, kind);
        crate::validate::sort(&mut theirs, doc, kind);
        if ours == theirs {
            Ok(())
        } else {
            Err(format!("{kind} {doc}\n ours:   {ours:?}\n theirs: {theirs:?}"))
        }
    }

    /// The interpreter against `jsonschema` on every fixture document and on
    /// every document obtained by replacing one value (or removing one key).
    #[test]
    fn same_issues_as_jsonschema_on_fixtures_and_their_mutations() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let (mut cases, mut failures) = (0, Vec::new());
        let mutants = mutants();
        for kind in crate::KINDS {
            let mut files: Vec<_> = std::fs::read_dir(root.join(kind.as_str())).unwrap().flatten().collect();
            files.sort_by_key(|e| e.path());
            for file in files {
                let fixture: Value = serde_json::from_str(&std::fs::read_to_string(file.path()).unwrap()).unwrap();
                let doc = crate::documents::envelope::unwrap(&fixture["document"]).0.clone();
                let mut all = Vec::new();
                paths(&doc, String::new(), &mut all);
                let mut variants = vec![doc.clone()];
                for p in &all {
                    for m in &mutants {
                        let mut d = doc.clone();
                        *d.pointer_mut(p).unwrap() = m.clone();
                        variants.push(d);
                    }
                    if let Some((parent, key)) = p.rsplit_once('/') {
                        let mut d = doc.clone();
                        if let Some(Value::Object(o)) = d.pointer_mut(parent) {
                            o.shift_remove(&key.replace("~1", "/").replace("~0", "~"));
                            variants.push(d);
                        }
                    }
                }
                for d in variants {
                    cases += 1;
                    if let Err(e) = same_as_reference(kind, &d) {
                        failures.push(e);
                    }
                }
            }
        }
        eprintln!(
            "interpreter vs jsonschema: {cases} documents, {} differ",
            failures.len()
        );
        assert!(cases > 50_000, "{cases}");
        assert!(
            failures.is_empty(),
            "{} of {cases} differ; first:\n{}",
            failures.len(),
            failures[..failures.len().min(5)].join("\n")
        );
    }

    #[test]
    fn numbers_compare_exactly() {
        let n = |v: Value| v.as_number().unwrap().clone();
        use std::cmp::Ordering::*;
        assert_eq!(compare(&n(json!(1)), &n(json!(1.0))), Some(Equal));
        assert_eq!(compare(&n(json!(0.5)), &n(json!(1))), Some(Less));
        assert_eq!(compare(&n(json!(1000)), &n(json!(1000.5))), Some(Less));
        assert_eq!(compare(&n(json!(-1)), &n(json!(-0.5))), Some(Less));
        assert_eq!(compare(&n(json!(u64::MAX)), &n(json!(1000))), Some(Greater));
        assert_eq!(
            compare(&n(json!(9007199254740993u64)), &n(json!(9007199254740992.0))),
            Some(Greater)
        );
        assert!(equal(&json!({"a": 1, "b": [2.0]}), &json!({"b": [2], "a": 1.0})));
        assert!(type_matches(Type::Integer, &json!(2.0)) && !type_matches(Type::Integer, &json!(2.5)));
    }
}
