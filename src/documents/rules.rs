//! The rules a JSON Schema cannot express: phone numbers judged by the
//! engine, duplicates after normalization, option-dependent requirements,
//! and the warnings for what is legal but likely wrong.

use std::collections::HashMap;

use serde_json::Value;

use super::codes::{CA_PROVINCES, EU_MEMBER_STATES, NANP_COUNTRIES, US_STATES};
use super::{non_null_branch, Kind};
use crate::options::PhoneLevel;
use crate::report::{pointer_push, Issue};
use crate::{phone, Options};

/// What the rules add to a report.
pub(crate) struct Ctx<'a> {
    pub kind: Kind,
    pub options: &'a Options,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

/// A field's value; `null` equals absent.
pub(crate) fn get<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    v.get(key).filter(|x| !x.is_null())
}

fn get_str<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    get(v, key).and_then(Value::as_str)
}

/// An assigned ISO 3166-1 alpha-2 code (the list is sorted).
fn is_iso_country(c: &str) -> bool {
    super::ISO_3166_ALPHA2.binary_search(&c).is_ok()
}

fn is_e164(s: &str) -> bool {
    let digits = s.strip_prefix('+').unwrap_or("");
    (2..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

type Normalized = Result<phone::NormalizedNumber, phone::PhoneError>;

/// The problem with a phone number at `level`, if any: it cannot be
/// normalized or is not in use (`phone_invalid`), or has the wrong number of
/// digits (`phone_not_possible`).
fn phone_issue(path: String, value: &Value, n: &Normalized, level: PhoneLevel) -> Option<Issue> {
    let (code, message) = match n {
        Err(e) => ("phone_invalid", format!("Not a valid phone number: {e}")),
        Ok(n) if !n.possible => (
            "phone_not_possible",
            "This number has the wrong number of digits for its country.".into(),
        ),
        Ok(n) if !n.valid && level == PhoneLevel::Valid => (
            "phone_invalid",
            "This number is not in use in its country's numbering plan.".into(),
        ),
        Ok(_) => return None,
    };
    // An emergency number or a short code: say so instead (README, phone_emergency).
    let (code, message) = n
        .as_ref()
        .ok()
        .and_then(phone::short_field_problem)
        .unwrap_or((code, message));
    Some(Issue::new(path, code, message).with_value(value.clone()))
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
    fn error(&mut self, issue: Issue) {
        self.errors.push(issue);
    }

    fn warn(&mut self, issue: Issue) {
        self.warnings.push(issue);
    }

    /// A phone field of a Telnyx kind: the schema's E.164 pattern catches the
    /// form; here the number itself is judged at `phone_level`, as an error.
    fn telnyx_phone(&mut self, path: String, value: &Value) {
        let Some(s) = value.as_str().filter(|s| is_e164(s)) else {
            return;
        };
        let n = phone::normalize(s, self.options);
        self.judge_telnyx(path, value, &n);
    }

    fn judge_telnyx(&mut self, path: String, value: &Value, n: &Normalized) {
        self.errors
            .extend(phone_issue(path, value, n, self.options.phone_level));
    }

    /// A phone field of a Kazoo document: no pattern upstream, so problems are warnings.
    fn kazoo_phone(&mut self, path: String, value: &Value) {
        let Some(s) = value.as_str() else { return };
        let n = phone::normalize(s, self.options);
        self.warnings
            .extend(phone_issue(path, value, &n, self.options.phone_level));
    }

    fn postal_code(&mut self, path: String, value: &Value, country: &str) {
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
        let (fits, expected) = match country {
            "US" => (us(b), "a US ZIP code (12345 or 12345-6789)"),
            "CA" => (ca(b), "a Canadian postal code (A1A 1A1)"),
            _ => (us(b) || ca(b), "a US ZIP code or a Canadian postal code"),
        };
        if !fits {
            self.warn(
                Issue::new(
                    path,
                    "postal_code_format",
                    format!("This does not look like {expected}."),
                )
                .with_value(value.clone()),
            );
        }
    }

    fn area(&mut self, path: String, value: &Value, countries: &[&str]) {
        let Some(area) = value.as_str() else { return };
        let upper = area.to_ascii_uppercase();
        let known = countries.iter().any(|c| match *c {
            "US" => US_STATES.contains(&upper.as_str()),
            "CA" => CA_PROVINCES.contains(&upper.as_str()),
            _ => true,
        });
        if !known && area.len() == 2 {
            let names = if countries.len() > 1 {
                "US state or Canadian province"
            } else if countries == ["CA"] {
                "Canadian province"
            } else {
                "US state or territory"
            };
            self.warn(
                Issue::new(
                    path,
                    "unknown_administrative_area",
                    format!("{area} is not a {names} code."),
                )
                .with_value(value.clone()),
            );
        }
    }
}

/// Unknown fields, with a "did you mean" where a known one is close. Kazoo
/// allows custom fields, so there only likely typos are reported.
fn unknown_fields(ctx: &mut Ctx, v: &Value, schema: &Value, path: &str, root: bool) {
    let schema = non_null_branch(schema);
    match v {
        Value::Object(m) => {
            let props = schema.get("properties").and_then(Value::as_object);
            for (key, val) in m {
                match props.and_then(|ps| ps.get(key)) {
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
                        match best {
                            Some((_, k)) => ctx.warn(
                                Issue::new(
                                    p,
                                    "unknown_field",
                                    format!("Unknown field {key:?}; did you mean {k:?}?"),
                                )
                                .with_value(Value::String(k.clone())),
                            ),
                            None if !ctx.kind.is_kazoo() => {
                                ctx.warn(Issue::new(p, "unknown_field", format!("Unknown field {key:?}.")))
                            }
                            None => {}
                        }
                    }
                }
            }
        }
        Value::Array(a) => {
            if let Some(items) = schema.get("items") {
                for (i, val) in a.iter().enumerate() {
                    unknown_fields(ctx, val, items, &pointer_push(path, &i.to_string()), false);
                }
            }
        }
        _ => {}
    }
}

fn e911(ctx: &mut Ctx, e: &Value, base: &str) {
    if !e.is_object() {
        return;
    }
    let region = get_str(e, "region").map(str::to_ascii_uppercase);
    if let Some(r) = get(e, "region") {
        ctx.area(pointer_push(base, "region"), r, &["US", "CA"]);
    }
    if let Some(pc) = get(e, "postal_code") {
        let country = match region.as_deref() {
            Some(r) if CA_PROVINCES.contains(&r) => "CA",
            Some(r) if US_STATES.contains(&r) => "US",
            _ => "",
        };
        ctx.postal_code(pointer_push(base, "postal_code"), pc, country);
    }
}

/// The Telnyx sub-request rules, on an update or a draft at `base`.
fn sub_request(ctx: &mut Ctx, o: &Value, base: &str) {
    if !o.is_object() {
        return;
    }
    // Normalized once: judged here, compared with country_code below.
    let billing = get(o, "billing_phone_number").and_then(|v| Some((v, v.as_str().filter(|s| is_e164(s))?)));
    let billing = billing.map(|(v, s)| (v, s, phone::normalize(s, ctx.options)));
    if let Some((v, _, n)) = &billing {
        ctx.judge_telnyx(pointer_push(base, "billing_phone_number"), v, n);
    }
    if let Some(Value::Array(numbers)) = get(o, "phone_numbers") {
        let list = pointer_push(base, "phone_numbers");
        for (i, n) in numbers.iter().enumerate() {
            if let Some(v) = get(n, "phone_number") {
                ctx.telnyx_phone(pointer_push(&pointer_push(&list, &i.to_string()), "phone_number"), v);
            }
        }
    }
    let po_path = pointer_push(base, "porting_option");
    if let Some(po) = get(o, "porting_option") {
        if let Some(v) = get(po, "new_billing_phone_number") {
            ctx.telnyx_phone(pointer_push(&po_path, "new_billing_phone_number"), v);
        }
        if get_str(po, "type") == Some("full") {
            for attr in ["remaining_numbers_action", "new_billing_phone_number"] {
                if let Some(v) = get(po, attr) {
                    ctx.warn(
                        Issue::new(
                            pointer_push(&po_path, attr),
                            "full_port_attribute",
                            "A full port moves every number; this attribute only applies to a partial port.",
                        )
                        .with_value(v.clone()),
                    );
                }
            }
        }
    }
    let country = get_str(o, "country_code");
    if let (Some(c @ ("US" | "CA")), Some(area)) = (country, get(o, "administrative_area")) {
        ctx.area(pointer_push(base, "administrative_area"), area, &[c]);
    }
    if let (Some(c @ ("US" | "CA")), Some(pc)) = (country, get(o, "postal_code")) {
        ctx.postal_code(pointer_push(base, "postal_code"), pc, c);
    }
    if let Some(c) = country.filter(|c| is_iso_country(c) && !EU_MEMBER_STATES.contains(c)) {
        for field in ["tax_identifier", "business_identifier"] {
            if let Some(v) = get(o, field) {
                ctx.warn(
                    Issue::new(
                        pointer_push(base, field),
                        "eu_identifier_outside_eu",
                        format!("European identifiers apply only in the European Union; the country is {c}."),
                    )
                    .with_value(v.clone()),
                );
            }
        }
    }
    if let (Some(c), Some((_, b, Ok(n)))) = (country, &billing) {
        if let Some(r) = n.region.as_deref().filter(|r| n.valid && *r != c && is_iso_country(c)) {
            ctx.warn(
                Issue::new(
                    pointer_push(base, "billing_phone_number"),
                    "billing_country_mismatch",
                    format!("This number is from {r}, but the billing address is in {c}."),
                )
                .with_value(Value::String(b.to_string())),
            );
        }
    }
    if let (Some(now), Some(foc)) = (ctx.options.now, get_str(o, "foc_date_requested_by_user")) {
        if let Ok(t) = foc.parse::<crate::time::Timestamp>() {
            let path = pointer_push(base, "foc_date_requested_by_user");
            if t.unix < now.unix {
                ctx.warn(
                    Issue::new(
                        path.clone(),
                        "foc_date_in_past",
                        "The requested FOC date is in the past.",
                    )
                    .with_value(Value::String(foc.to_string())),
                );
            }
            if t.is_weekend() {
                ctx.warn(
                    Issue::new(
                        path,
                        "foc_date_on_weekend",
                        "The requested FOC date falls on a weekend.",
                    )
                    .with_value(Value::String(foc.to_string())),
                );
            }
        }
    }
}

fn number_collection(ctx: &mut Ctx, doc: &Value, base: &str) {
    let Some(Value::Array(numbers)) = get(doc, "numbers") else {
        return;
    };
    let list = pointer_push(base, "numbers");
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, v) in numbers.iter().enumerate() {
        let Some(s) = v.as_str() else { continue };
        let path = pointer_push(&list, &i.to_string());
        let n = phone::normalize(s, ctx.options);
        // Kazoo rejects what it cannot normalize or is not even possible; a
        // possible number the metadata calls invalid is only a warning.
        match (phone_issue(path.clone(), v, &n, ctx.options.phone_level), &n) {
            (Some(issue), Ok(n)) if n.possible => ctx.warn(issue),
            (Some(issue), _) => ctx.error(issue),
            (None, _) => {}
        }
        if let Ok(n) = n {
            if let Some(first) = seen.get(&n.e164) {
                ctx.error(
                    Issue::new(
                        path,
                        "duplicate_number",
                        format!("Same number as {list}/{first} once normalized ({}).", n.e164),
                    )
                    .with_value(v.clone()),
                );
            } else {
                seen.insert(n.e164, i);
            }
        }
    }
}

fn number_request(ctx: &mut Ctx, doc: &Value, base: &str) {
    if !doc.is_object() {
        return;
    }
    let is_str = |k: &str| doc.get(k).is_some_and(Value::is_string);
    if !is_str("areaCode") && !is_str("city") {
        for field in ["areaCode", "city"] {
            ctx.error(
                Issue::new(
                    pointer_push(base, field),
                    "area_code_or_city_required",
                    "Give an area code or a city.",
                )
                .with_keyword("required"),
            );
        }
    }
    let nanp = ctx
        .options
        .order_country
        .as_deref()
        .map(str::to_ascii_uppercase)
        .filter(|c| NANP_COUNTRIES.contains(&c.as_str()));
    if let (Some(c), None) = (nanp, get(doc, "region")) {
        ctx.error(Issue::new(
            pointer_push(base, "region"),
            "region_required",
            format!("A region is required for orders in a NANP country ({c})."),
        ));
    }
}

/// Runs the rules of `kind` on the document (envelope removed) at `base`.
pub(crate) fn apply(ctx: &mut Ctx, doc: &Value, base: &str) {
    unknown_fields(ctx, doc, ctx.kind.schema(), base, true);
    match ctx.kind {
        Kind::PhoneNumber => {
            if let Some(e) = get(doc, "e911") {
                e911(ctx, e, &pointer_push(base, "e911"));
            }
            if let Some(p) = get(doc, "porting") {
                for field in ["billing_telephone_number", "customer_contact"] {
                    if let Some(v) = get(p, field) {
                        ctx.kazoo_phone(pointer_push(&pointer_push(base, "porting"), field), v);
                    }
                }
            }
        }
        Kind::E911 => e911(ctx, doc, base),
        Kind::NumberCollection => number_collection(ctx, doc, base),
        Kind::PortabilityCheck => {
            if let Some(Value::Array(items)) = get(doc, "phone_numbers") {
                let list = pointer_push(base, "phone_numbers");
                for (i, item) in items.iter().enumerate() {
                    if let Some(v) = get(item, "phone_number") {
                        ctx.telnyx_phone(pointer_push(&pointer_push(&list, &i.to_string()), "phone_number"), v);
                    }
                }
            }
        }
        Kind::SubRequestUpdate | Kind::DraftSubRequestUpdate | Kind::DraftSubRequest => sub_request(ctx, doc, base),
        Kind::DraftPortRequest => {
            if let Some(Value::Array(numbers)) = get(doc, "phone_numbers") {
                let list = pointer_push(base, "phone_numbers");
                for (i, n) in numbers.iter().enumerate() {
                    if let Some(v) = get(n, "phone_number") {
                        ctx.telnyx_phone(pointer_push(&pointer_push(&list, &i.to_string()), "phone_number"), v);
                    }
                }
            }
            if let Some(Value::Array(subs)) = get(doc, "sub_requests") {
                let list = pointer_push(base, "sub_requests");
                for (i, s) in subs.iter().enumerate() {
                    sub_request(ctx, s, &pointer_push(&list, &i.to_string()));
                }
            }
        }
        Kind::NumberRequest => number_request(ctx, doc, base),
    }
}
