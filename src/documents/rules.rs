//! What every kind's rules share: the context they add issues to, the phone
//! fields judged by the engine (the spec names them), the requirements a
//! schema cannot express (the spec says which), unknown fields, and the
//! checks several kinds use (postal codes, states and provinces). Each
//! kind's own rules live in its file and are named by its spec.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use super::codes::{CA_PROVINCES, US_STATES};
use super::spec::{self, PhoneRule};
use super::{non_null_branch, Kind};
use crate::messages::{params, Message};
use crate::options::PhoneLevel;
use crate::report::{pointer_push, Issue};
use crate::schema::Pattern;
use crate::{phone, Options};

/// What the rules add to a report.
pub(crate) struct Ctx<'a> {
    pub kind: Kind,
    pub options: &'a Options,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    /// Every phone field's value normalized once, by path.
    pub numbers: HashMap<String, Normalized>,
    /// What `check` already read, by path: the field's value and its reading
    /// (used when the value is the same, so a field is normalized once).
    pub known: HashMap<String, (String, Normalized)>,
    /// The needs the `complete` flag rule weighed, for completeness to reuse.
    pub met: Vec<super::require::MetAt>,
}

/// A field's value; `null` equals absent.
pub(crate) fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    crate::json::field(v, key).filter(|x| !x.is_null())
}

pub(crate) fn get_str<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    get(v, key).and_then(Value::as_str)
}

/// An assigned ISO 3166-1 alpha-2 code (the list is sorted).
pub(crate) fn is_iso_country(c: &str) -> bool {
    super::ISO_3166_ALPHA2.binary_search(&c).is_ok()
}

/// A value the schema's E.164 pattern accepts (the same pattern, compiled once).
fn is_e164(s: &str) -> bool {
    static E164: OnceLock<Option<Pattern>> = OnceLock::new();
    E164.get_or_init(|| Pattern::new(super::patterns::E164).ok())
        .as_ref()
        .is_some_and(|p| p.is_match(s))
}

pub(crate) type Normalized = Result<phone::NormalizedNumber, phone::PhoneError>;

/// The problem with a phone number at `level`, if any: it cannot be
/// normalized or is not in use (`phone_invalid`), or has the wrong number of
/// digits (`phone_not_possible`).
fn phone_issue(path: String, value: &Value, n: &Normalized, level: PhoneLevel) -> Option<Issue> {
    let (message, mut p) = match n {
        Err(e) => phone_error(e),
        Ok(n) if !n.possible => (Message::PhoneNotPossible, Map::new()),
        Ok(n) if !n.valid && level == PhoneLevel::Valid => (Message::PhoneNotInUse, Map::new()),
        Ok(_) => return None,
    };
    if let Ok(n) = n {
        p.insert("e164".into(), Value::String(n.e164.clone()));
    }
    // An emergency number or a short code: say so instead (README, phone_emergency).
    let message = match n.as_ref().ok().and_then(phone::short_field_problem) {
        Some(s) => {
            p.insert("number".into(), Value::String(s.number.to_string()));
            p.insert("region".into(), Value::String(s.region.to_string()));
            if s.emergency {
                Message::PhoneEmergency
            } else {
                Message::PhoneShortCode
            }
        }
        None => message,
    };
    Some(Issue::of(path, message, p).with_value(value.clone()))
}

/// The message and params of a number that cannot be normalized: its
/// `error` code, and what the message shows.
fn phone_error(e: &phone::PhoneError) -> (Message, Map<String, Value>) {
    use phone::PhoneError as E;
    let (m, mut p) = match e {
        E::Empty => (Message::PhoneEmpty, Map::new()),
        E::NotANumber => (Message::PhoneNotANumber, Map::new()),
        E::InvalidCountryCode => (Message::PhoneInvalidCountryCode, Map::new()),
        E::TooShort => (Message::PhoneTooShort, Map::new()),
        E::TooLong => (Message::PhoneTooLong, Map::new()),
        E::TooLarge => (
            Message::PhoneTooLarge,
            params(json!({ "limit": phone::MAX_INPUT_CHARS })),
        ),
        E::NormalizationMismatch { written, e164 } => (
            Message::PhoneMismatch,
            params(json!({ "written": written, "e164": e164 })),
        ),
        E::UnknownRegion(r) => (Message::PhoneUnknownRegion, params(json!({ "region": r }))),
        E::TextInNumber(w) => (Message::PhoneTextInNumber, params(json!({ "text": w }))),
        E::TwoNumbers => (Message::PhoneTwoNumbers, Map::new()),
        E::AmbiguousExtension => (Message::PhoneAmbiguousExtension, Map::new()),
        E::LimitExceeded(n) => (Message::PhoneLimitExceeded, params(json!({ "limit": n }))),
    };
    p.insert("error".into(), Value::String(e.code().to_string()));
    (m, p)
}

/// Damerau-free Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(c) = cur.get_mut(j + 1) {
                *c = sub.min(del).min(ins);
            }
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

impl Ctx<'_> {
    pub(crate) fn error(&mut self, issue: Issue) {
        self.errors.push(issue);
    }

    pub(crate) fn warn(&mut self, issue: Issue) {
        self.warnings.push(issue);
    }

    pub(crate) fn postal_code(&mut self, path: String, value: &Value, country: &str) {
        let Some(code) = value.as_str() else { return };
        let b = code.as_bytes();
        let us = |b: &[u8]| {
            (b.len() == 5 && b.iter().all(u8::is_ascii_digit))
                || (b.len() == 10
                    && b.get(5) == Some(&b'-')
                    && b.iter().enumerate().all(|(i, c)| i == 5 || c.is_ascii_digit()))
        };
        let ca = |b: &[u8]| {
            let compact: Vec<u8> = b.iter().copied().filter(|&c| c != b' ').collect();
            (b.len() == 6 || (b.len() == 7 && b.get(3) == Some(&b' ')))
                && compact.len() == 6
                && compact.iter().enumerate().all(|(i, c)| {
                    if i % 2 == 0 {
                        c.is_ascii_alphabetic()
                    } else {
                        c.is_ascii_digit()
                    }
                })
        };
        let (fits, message) = match country {
            "US" => (us(b), Message::PostalCodeUs),
            "CA" => (ca(b), Message::PostalCodeCa),
            _ => (us(b) || ca(b), Message::PostalCodeUsOrCa),
        };
        if !fits {
            let p = if country.is_empty() {
                Map::new()
            } else {
                params(json!({ "country": country }))
            };
            self.warn(Issue::of(path, message, p).with_value(value.clone()));
        }
    }

    pub(crate) fn area(&mut self, path: String, value: &Value, countries: &[&str]) {
        let Some(area) = value.as_str() else { return };
        let upper = area.to_ascii_uppercase();
        let known = countries.iter().any(|c| match *c {
            "US" => US_STATES.contains(&upper.as_str()),
            "CA" => CA_PROVINCES.contains(&upper.as_str()),
            _ => true,
        });
        if !known && area.len() == 2 {
            let mut p = params(json!({ "area": area }));
            let message = if countries.len() > 1 {
                Message::AreaUsOrCa
            } else {
                if let Some(c) = countries.first() {
                    p.insert("country".into(), Value::String((*c).to_string()));
                }
                if countries == ["CA"] {
                    Message::AreaCa
                } else {
                    Message::AreaUs
                }
            };
            self.warn(Issue::of(path, message, p).with_value(value.clone()));
        }
    }
}

/// Unknown fields, with a "did you mean" where a known one is close. Kazoo
/// allows custom fields, so there only likely typos are reported.
fn unknown_fields(ctx: &mut Ctx, v: &Value, schema: &Value, path: &str, root: bool) {
    let schema = non_null_branch(schema);
    match v {
        Value::Object(m) => {
            let props = crate::json::field(schema, "properties").and_then(Value::as_object);
            // Keys in the schema's order are matched without hashing (as in the schema walk).
            let mut next = props.map(|ps| ps.iter());
            for (key, val) in m {
                let known = next.as_mut().and_then(|n| {
                    match n.clone().take(crate::schema::AHEAD).position(|(k, _)| k == key) {
                        Some(j) => n.nth(j).map(|(_, sub)| sub),
                        None => props.and_then(|ps| ps.get(key)),
                    }
                });
                match known {
                    Some(sub) if val.is_object() || val.is_array() => {
                        unknown_fields(ctx, val, sub, &pointer_push(path, key), false)
                    }
                    Some(_) => {}
                    None if root && key == "$schema" => {}
                    None => {
                        let p = pointer_push(path, key);
                        let Some(props) = props else { continue };
                        // The distance is at least the difference in length: a known
                        // field too far in length is not measured (the same answer, faster).
                        let chars = key.chars().count();
                        let best = props
                            .keys()
                            .filter(|k| chars.abs_diff(k.chars().count()) <= 2.max(k.len() / 4))
                            .map(|k| (distance(key, k), k))
                            .filter(|(d, k)| *d <= 2.max(k.len() / 4) && *d < k.len())
                            .min_by_key(|(d, _)| *d);
                        // `value` is the field's own value; the suggestion is a param.
                        match best {
                            Some((_, k)) => ctx.warn(
                                Issue::of(
                                    p,
                                    Message::UnknownFieldSuggestion,
                                    params(json!({ "field": key, "suggestion": k })),
                                )
                                .with_value(val.clone()),
                            ),
                            None if !ctx.kind.is_kazoo() => ctx.warn(
                                Issue::of(p, Message::UnknownField, params(json!({ "field": key })))
                                    .with_value(val.clone()),
                            ),
                            None => {}
                        }
                    }
                }
            }
        }
        Value::Array(a) => {
            if let Some(items) = crate::json::field(schema, "items") {
                for (i, val) in a.iter().enumerate() {
                    unknown_fields(ctx, val, items, &pointer_push(path, &i.to_string()), false);
                }
            }
        }
        _ => {}
    }
}

/// Calls `f` with the pointer and value of every field at `path` (segments
/// joined with `/`, `*` for every item); `null` is absent.
pub(crate) fn visit<'v>(v: &'v Value, path: &str, base: &str, f: &mut dyn FnMut(String, &'v Value)) {
    let mut stack: Vec<(&'v Value, Vec<&str>, String)> = vec![(v, path.split('/').collect(), base.to_string())];
    while let Some((v, segs, at)) = stack.pop() {
        let Some((&head, rest)) = segs.split_first() else {
            if !v.is_null() {
                f(at, v);
            }
            continue;
        };
        if head == "*" {
            if let Value::Array(a) = v {
                for (i, x) in a.iter().enumerate().rev() {
                    stack.push((x, rest.to_vec(), pointer_push(&at, &i.to_string())));
                }
            }
        } else if let Some(x) = get(v, head) {
            stack.push((x, rest.to_vec(), pointer_push(&at, head)));
        }
    }
}

/// The phone-field paths of a kind ([`spec::phone_paths`]), found once:
/// `check` and the rules ask on every call, and each path is looked up in
/// the schema.
pub(crate) fn phone_paths(kind: Kind) -> &'static [String] {
    static PATHS: [OnceLock<Vec<String>>; crate::KINDS.len()] = [const { OnceLock::new() }; crate::KINDS.len()];
    match crate::KINDS.iter().position(|&k| k == kind).and_then(|i| PATHS.get(i)) {
        Some(cell) => cell.get_or_init(|| spec::phone_paths(kind)),
        None => &[],
    }
}

/// Every phone field of the kind (its spec's, embedded kinds' included),
/// normalized once and judged by the kind's phone rule.
fn phones(ctx: &mut Ctx, doc: &Value, base: &str) {
    let rule = spec::spec(ctx.kind).phone_rule;
    for path in phone_paths(ctx.kind) {
        visit(doc, path, base, &mut |at, v| {
            let Some(s) = v.as_str() else { return };
            // A Telnyx field not in E.164 form is the schema's pattern issue alone.
            if rule == PhoneRule::ErrorInE164Form && !is_e164(s) {
                return;
            }
            let n = match ctx.known.remove(&at) {
                Some((value, n)) if value == s => n,
                _ => phone::normalize(s, ctx.options),
            };
            if let Some(issue) = phone_issue(at.clone(), v, &n, ctx.options.phone_level) {
                let possible = n.as_ref().is_ok_and(|n| n.possible);
                match rule {
                    PhoneRule::Warning => ctx.warn(issue),
                    PhoneRule::ErrorUnlessPossible if possible => ctx.warn(issue),
                    PhoneRule::ErrorUnlessPossible | PhoneRule::ErrorInE164Form => ctx.error(issue),
                }
            }
            ctx.numbers.insert(at, n);
        });
    }
}

/// Runs the rules of `kind` on the document (envelope removed) at `base`:
/// unknown fields, the phone fields, the requirements a schema cannot
/// express, then the kind's own rules.
pub(crate) fn apply(ctx: &mut Ctx, doc: &Value, base: &str) {
    unknown_fields(ctx, doc, ctx.kind.schema(), base, true);
    phones(ctx, doc, base);
    super::require::enforce(ctx, doc, base);
    (spec::spec(ctx.kind).rules)(ctx, doc, base);
}

/// A kind with no rules of its own.
pub(crate) fn none(_: &mut Ctx, _: &Value, _: &str) {}
