//! What a form knows about a kind, written once in that kind's file: each
//! field's label, place in the form, hint and autocomplete token, and each
//! requirement with its condition and reason. Completeness (what is missing
//! and why, in form order), `check` (which paths are phone fields) and
//! [`fields`] (form metadata on every surface) all read it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::codes::{EU_MEMBER_STATES, NANP_COUNTRIES};
use super::rules::Ctx;
use super::translations::tr;
use super::{non_null_branch, schema_node, Kind};
use crate::locale::Locale;
use crate::messages::Message;
use crate::Options;

/// One field as a form shows it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FormField {
    /// Path relative to the document, segments joined with `/` (`*` for every item).
    pub path: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub autocomplete: Option<&'static str>,
}

impl FormField {
    pub(crate) const fn new(path: &'static str, label: &'static str) -> Self {
        FormField {
            path,
            label,
            hint: None,
            autocomplete: None,
        }
    }
    pub(crate) const fn hint(self, hint: &'static str) -> Self {
        FormField {
            hint: Some(hint),
            ..self
        }
    }
    pub(crate) const fn auto(self, token: &'static str) -> Self {
        FormField {
            autocomplete: Some(token),
            ..self
        }
    }
}

/// When a requirement applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// Always.
    Always,
    /// `porting_option.remaining_numbers_action` is `keep`.
    NumbersKept,
    /// One of `phone_numbers` has an `svtype` saying wireless or mobile.
    Wireless,
    /// `country_code` is an EU member state.
    EuCountry,
    /// The `order_country` option is a NANP country.
    NanpOrder,
    /// The document has an `e911` object.
    E911Present,
}

/// A field a document needs, satisfied by any of `by`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Requirement {
    pub field: &'static str,
    pub by: &'static [&'static str],
    pub when: When,
    /// Why, with `{number}` or `{country}` filled from the document.
    pub reason: &'static str,
    /// For a requirement no schema keyword expresses: the error's message
    /// (and so its code) when it applies and is unmet (`require::enforce`).
    pub error: Option<Message>,
}

impl Requirement {
    pub(crate) const fn always(field: &'static str, reason: &'static str) -> Self {
        Requirement {
            field,
            by: &[],
            when: When::Always,
            reason,
            error: None,
        }
    }
    /// Enforced by the rules, with this message of the catalog (and its code).
    pub(crate) const fn error(self, message: Message) -> Self {
        Requirement {
            error: Some(message),
            ..self
        }
    }
    pub(crate) const fn when(self, when: When) -> Self {
        Requirement { when, ..self }
    }
    pub(crate) const fn satisfied_by(self, by: &'static [&'static str]) -> Self {
        Requirement { by, ..self }
    }
    /// The fields that satisfy it.
    pub(crate) fn by(&self) -> Vec<&'static str> {
        if self.by.is_empty() {
            vec![self.field]
        } else {
            self.by.to_vec()
        }
    }
}

/// A kind's form and requirements.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    pub form: &'static [FormField],
    pub requirements: &'static [Requirement],
    /// The phone fields (`check` normalizes them), with `*` for every item.
    pub phones: &'static [&'static str],
    /// Another kind's spec inside this one, at a path (`e911` in a phone
    /// number, each of `sub_requests` in a port request), under a condition.
    pub embed: Option<(&'static str, Kind, When)>,
    /// How its phone fields are judged.
    pub phone_rule: PhoneRule,
    /// The kind's own rules, beyond the schema and the requirements.
    pub rules: fn(&mut Ctx, &Value, &str),
}

/// How a kind judges its phone fields (the project's rule: warnings in the
/// Kazoo kinds, errors in the collection and the Telnyx kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhoneRule {
    /// A Kazoo document: no pattern upstream, so problems are warnings.
    Warning,
    /// Kazoo's collection endpoints reject what they cannot normalize or is
    /// not even possible; a possible number the metadata calls invalid is a warning.
    ErrorUnlessPossible,
    /// Telnyx: the schema's E.164 pattern judges the form; a value in E.164
    /// form is judged by the engine, as an error.
    ErrorInE164Form,
}

/// A form entry with its full path.
pub(crate) struct Entry {
    pub path: String,
    pub field: FormField,
}

/// A form path as schema-node segments (`*` stands for any item).
fn segments(path: &str) -> Vec<String> {
    path.split('/')
        .map(|x| if x == "*" { "0".into() } else { x.into() })
        .collect()
}

/// The form of a kind, embedded kinds included, in form order.
pub(crate) fn form(kind: Kind) -> Vec<Entry> {
    let s = spec(kind);
    let mut out: Vec<Entry> = s
        .form
        .iter()
        .map(|f| Entry {
            path: f.path.to_string(),
            field: *f,
        })
        .collect();
    if let Some((at, inner, _)) = s.embed {
        out.extend(spec(inner).form.iter().map(|f| Entry {
            path: format!("{at}/{}", f.path),
            field: *f,
        }));
    }
    // A shared form (the sub-request family) keeps only the kind's own fields.
    out.retain(|e| {
        let segs: Vec<String> = segments(&e.path);
        schema_node(kind.schema(), &segs).is_some()
    });
    out
}

/// The phone-field paths of a kind, embedded kinds included.
pub(crate) fn phone_paths(kind: Kind) -> Vec<String> {
    let s = spec(kind);
    let mut out: Vec<String> = s.phones.iter().map(|p| p.to_string()).collect();
    if let Some((at, inner, _)) = s.embed {
        out.extend(spec(inner).phones.iter().map(|p| format!("{at}/{p}")));
    }
    out.retain(|p| {
        let segs: Vec<String> = segments(p);
        schema_node(kind.schema(), &segs).is_some()
    });
    out
}

/// The spec of a kind, from its file.
pub(crate) fn spec(kind: Kind) -> Spec {
    match kind {
        Kind::PhoneNumber => super::phone_number::SPEC,
        Kind::E911 => super::e911::SPEC,
        Kind::NumberCollection => super::number_collection::SPEC,
        Kind::PortabilityCheck => super::portability_check::SPEC,
        Kind::SubRequestUpdate => super::telnyx::SUB_REQUEST_UPDATE_SPEC,
        Kind::DraftSubRequestUpdate | Kind::DraftSubRequest => super::telnyx::DRAFT_SUB_REQUEST_SPEC,
        Kind::DraftPortRequest => super::draft_port_request::SPEC,
        Kind::NumberRequest => super::number_request::SPEC,
    }
}

fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    crate::json::field(v, key).filter(|x| !x.is_null())
}

fn is_wireless(svtype: &str) -> bool {
    let s = svtype.to_ascii_lowercase();
    s.contains("wireless") || s.contains("mobile")
}

impl When {
    /// Every condition.
    #[cfg(test)]
    pub(crate) const ALL: &'static [When] = &[
        When::Always,
        When::NumbersKept,
        When::Wireless,
        When::EuCountry,
        When::NanpOrder,
        When::E911Present,
    ];

    /// Whether it applies to `doc`, with the values its reason names.
    pub(crate) fn applies(self, doc: &Value, options: &Options) -> Option<(String, String)> {
        let none = || (String::new(), String::new());
        match self {
            When::Always => Some(none()),
            When::NumbersKept => {
                let action = get(doc, "porting_option").and_then(|p| get(p, "remaining_numbers_action"));
                (action.and_then(Value::as_str) == Some("keep")).then(none)
            }
            When::Wireless => {
                let numbers = get(doc, "phone_numbers").and_then(Value::as_array)?;
                let n = numbers
                    .iter()
                    .find(|n| get(n, "svtype").and_then(Value::as_str).is_some_and(is_wireless))?;
                let which = get(n, "phone_number")
                    .and_then(Value::as_str)
                    .unwrap_or("one of the numbers");
                Some((which.to_string(), String::new()))
            }
            When::EuCountry => {
                let c = get(doc, "country_code").and_then(Value::as_str)?;
                EU_MEMBER_STATES.contains(&c).then(|| (String::new(), c.to_string()))
            }
            When::NanpOrder => {
                let c = options.order_country.as_deref()?.to_ascii_uppercase();
                NANP_COUNTRIES.contains(&c.as_str()).then(|| (String::new(), c))
            }
            When::E911Present => get(doc, "e911").is_some().then(none),
        }
    }

    /// The condition in words, for form metadata.
    pub(crate) fn describe(self) -> Option<&'static str> {
        match self {
            When::Always => None,
            When::NumbersKept => Some("Needed when remaining_numbers_action is keep."),
            When::Wireless => Some("Needed when one of the numbers is a wireless or mobile number."),
            When::EuCountry => Some("Needed when country_code is a member state of the European Union."),
            When::NanpOrder => Some("Needed when the order country (orderCountry) is a NANP country."),
            When::E911Present => Some("Needed when an e911 address is given."),
        }
    }

    /// The condition as a schema `if` on the object holding the field, where
    /// a schema can express it.
    #[cfg(feature = "schemars")]
    pub(crate) fn schema_if(self) -> Option<Value> {
        match self {
            When::NumbersKept => Some(serde_json::json!({
                "properties": {"remaining_numbers_action": {"const": "keep"}},
                "required": ["remaining_numbers_action"]
            })),
            _ => None,
        }
    }
}

/// A requirement that applies to a document: the field and what satisfies
/// it (paths relative to the document), and the reason.
pub(crate) struct Applied {
    /// The embedding path (`""` for the kind's own requirement).
    pub prefix: &'static str,
    pub requirement: Requirement,
    /// What the reason's `{number}` and `{country}` say.
    number: String,
    country: String,
}

impl Applied {
    /// A path of the requirement below the prefix.
    fn full(&self, p: &'static str) -> std::borrow::Cow<'static, str> {
        if self.prefix.is_empty() {
            p.into()
        } else {
            format!("{}/{p}", self.prefix).into()
        }
    }

    /// The field needed.
    pub(crate) fn field(&self) -> std::borrow::Cow<'static, str> {
        self.full(self.requirement.field)
    }

    /// The fields any one of which satisfies it.
    pub(crate) fn by(&self) -> impl Iterator<Item = std::borrow::Cow<'static, str>> + '_ {
        // The field itself when no other field is named.
        let own = self.requirement.by.is_empty().then_some(self.requirement.field);
        own.into_iter()
            .chain(self.requirement.by.iter().copied())
            .map(move |p| self.full(p))
    }

    /// Why it is needed, in `locale` (written only for a field that is missing).
    pub(crate) fn reason(&self, locale: Locale) -> String {
        fill_reason(self.requirement.reason, locale, &self.number, &self.country)
    }
}

/// The requirements that apply to `doc`, each with its reason; an embedded
/// kind's apply under its condition (a port request's sub requests are
/// measured one by one instead, in completeness).
pub(crate) fn needs(kind: Kind, doc: &Value, options: &Options) -> Vec<Applied> {
    let s = spec(kind);
    let mut out = Vec::new();
    let mut add = |r: &Requirement, prefix: &'static str, when: When| {
        if let Some((number, country)) = when.applies(doc, options) {
            out.push(Applied {
                prefix,
                requirement: *r,
                number,
                country,
            });
        }
    };
    for r in s.requirements {
        add(r, "", r.when);
    }
    if let Some((at, inner, when)) = s.embed.filter(|(at, _, _)| !at.contains('*')) {
        for r in spec(inner).requirements {
            add(r, at, when);
        }
    }
    out
}

/// A requirement's reason with its `{number}` and `{country}` filled (most
/// have neither: those are copied once, not searched and copied twice).
fn fill_reason(reason: &'static str, locale: Locale, number: &str, country: &str) -> String {
    // English is the table's own column: no lookup.
    let reason = if locale == Locale::En {
        reason
    } else {
        tr(reason, locale)
    };
    if reason.contains('{') {
        reason.replace("{number}", number).replace("{country}", country)
    } else {
        reason.to_string()
    }
}

/// A field's label: the form's, else the form's label of the same last
/// segment, else the segment in words.
pub(crate) fn label(kind: Kind, path: &str, locale: Locale) -> String {
    let form = form(kind);
    let last = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    form.iter()
        .find(|e| e.path == path)
        .or_else(|| form.iter().find(|e| last(&e.path) == last(path)))
        .map_or_else(
            || last(path).replace('_', " "),
            |e| tr(e.field.label, locale).to_string(),
        )
}

/// Whether and why a field is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Always needed.
    Required,
    /// Needed when a condition holds (`condition` says which).
    Conditional,
    /// Never needed.
    Optional,
}

/// Form metadata of one field of a kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// JSON Pointer of the field in the document (`/phone_numbers/*/phone_number` for every item).
    pub pointer: String,
    /// The label a form shows.
    pub label: String,
    /// Its place in the form, from 0.
    pub order: usize,
    /// The JSON type the schema expects (`string`, `integer`, `boolean`, `array`, `object`).
    #[serde(rename = "type")]
    #[cfg_attr(feature = "schemars", schemars(extend("tsType" = "'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | null")))]
    pub value_type: Option<String>,
    /// The asserted format (`date-time`, `uuid`, `uri`), `int32` (a
    /// bounded integer) or `phone` for a phone field (tests/generated.rs
    /// checks every field's against this list).
    #[cfg_attr(feature = "schemars", schemars(extend("tsType" = "'date-time' | 'uuid' | 'uri' | 'int32' | 'phone' | null")))]
    pub format: Option<String>,
    /// Whether it is needed.
    pub need: Need,
    /// Why (for a required field) or when (for a conditional one).
    pub reason: Option<String>,
    /// The allowed values, where the schema lists them.
    pub allowed: Option<Vec<Value>>,
    /// Shortest string length.
    pub min_length: Option<u64>,
    /// Longest string length.
    pub max_length: Option<u64>,
    /// Smallest number.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<f64>"))]
    pub minimum: Option<Value>,
    /// Largest number.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<f64>"))]
    pub maximum: Option<Value>,
    /// A short hint under the input.
    pub hint: Option<String>,
    /// The HTML `autocomplete` token.
    pub autocomplete: Option<String>,
}

/// The form metadata of a kind: every field of its form, in form order,
/// labels, hints and reasons in English.
pub fn fields(kind: Kind) -> Vec<Field> {
    fields_in(kind, Locale::En)
}

/// [`fields`] with the labels, hints and reasons in `locale`.
pub fn fields_in(kind: Kind, locale: Locale) -> Vec<Field> {
    let s = spec(kind);
    let phones = phone_paths(kind);
    // Requirements by full path, with the embedded kind's under its condition.
    let mut reqs: Vec<(String, When, &'static str)> = Vec::new();
    for r in s.requirements {
        reqs.extend(r.by().into_iter().map(|b| (b.to_string(), r.when, r.reason)));
    }
    if let Some((at, inner, when)) = s.embed {
        for r in spec(inner).requirements {
            let w = if when == When::Always { r.when } else { when };
            reqs.extend(r.by().into_iter().map(|b| (format!("{at}/{b}"), w, r.reason)));
        }
    }
    form(kind)
        .into_iter()
        .enumerate()
        .map(|(order, e)| {
            let segs: Vec<String> = segments(&e.path);
            let node = schema_node(kind.schema(), &segs).map(non_null_branch);
            let get_s = |k: &str| node.and_then(|n| n.get(k)).and_then(Value::as_str).map(str::to_string);
            let mine: Vec<&(String, When, &str)> = reqs.iter().filter(|r| r.0 == e.path).collect();
            let (need, reason) = match mine.iter().find(|r| r.1 == When::Always) {
                Some(r) => (Need::Required, Some(tr(r.2, locale).to_string())),
                None => match mine.first() {
                    Some(r) => (Need::Conditional, r.1.describe().map(|w| tr(w, locale).to_string())),
                    None => (Need::Optional, None),
                },
            };
            let pointer = e
                .path
                .split('/')
                .fold(String::new(), |p, k| crate::report::pointer_push(&p, k));
            Field {
                pointer,
                label: tr(e.field.label, locale).to_string(),
                order,
                value_type: get_s("type"),
                format: if phones.contains(&e.path) {
                    Some("phone".into())
                } else {
                    get_s("format")
                },
                need,
                reason,
                allowed: node.and_then(|n| n.get("enum")).and_then(Value::as_array).cloned(),
                min_length: node.and_then(|n| n.get("minLength")).and_then(Value::as_u64),
                max_length: node.and_then(|n| n.get("maxLength")).and_then(Value::as_u64),
                minimum: node.and_then(|n| n.get("minimum")).cloned(),
                maximum: node.and_then(|n| n.get("maximum")).cloned(),
                hint: e.field.hint.map(|h| tr(h, locale).to_string()),
                autocomplete: e.field.autocomplete.map(str::to_string),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::KINDS;

    #[test]
    fn every_requirement_and_phone_field_is_a_field_of_its_form_and_schema() {
        for kind in KINDS {
            let s = spec(kind);
            for r in s.requirements {
                for f in r.by() {
                    assert!(
                        s.form.iter().any(|x| x.path == f),
                        "{kind}: {f} is required but not in the form"
                    );
                }
            }
            let all = form(kind);
            for e in &all {
                let segs: Vec<String> = segments(&e.path);
                assert!(
                    schema_node(kind.schema(), &segs).is_some(),
                    "{kind}: {} is not in the schema",
                    e.path
                );
            }
            for p in phone_paths(kind) {
                let segs: Vec<String> = segments(&p);
                assert!(
                    schema_node(kind.schema(), &segs).is_some(),
                    "{kind}: phone field {p} is not in the schema"
                );
            }
            assert_eq!(fields(kind).len(), all.len());
        }
    }

    #[test]
    fn fields_carry_need_reason_type_and_limits() {
        let f = fields(Kind::DraftSubRequest);
        let by = |p: &str| f.iter().find(|x| x.pointer == p).unwrap();
        assert_eq!(by("/auth_person_name").need, Need::Required);
        assert_eq!(by("/auth_person_name").order, 0);
        let pin = by("/pin_passcode");
        assert_eq!(pin.need, Need::Conditional);
        assert_eq!(
            pin.reason.as_deref(),
            Some("Needed when one of the numbers is a wireless or mobile number.")
        );
        assert_eq!(by("/billing_phone_number").format.as_deref(), Some("phone"));
        assert_eq!(by("/foc_date_requested_by_user").format.as_deref(), Some("date-time"));
        assert!(by("/porting_option/type").allowed.is_some());
        let e = fields(Kind::PhoneNumber);
        let region = e.iter().find(|x| x.pointer == "/e911/region").unwrap();
        assert_eq!((region.min_length, region.max_length), (Some(2), Some(2)));
        assert_eq!(region.need, Need::Conditional);
    }
}
