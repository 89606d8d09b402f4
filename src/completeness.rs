//! Draft completeness: which necessary fields are still missing, why, and
//! which one a form should ask for next.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::documents::rules::get;
use crate::documents::{schema_node, Kind, EU_MEMBER_STATES, NANP_COUNTRIES};
use crate::report::{pointer_push, pointer_segments, Issue};
use crate::Options;

/// A necessary field that is absent (or `null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[serde(rename_all = "camelCase")]
pub struct Invalid {
    /// JSON Pointer of the field.
    pub path: String,
    /// The code of its first error.
    pub code: String,
}

/// How far along a document is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub sub_requests: Option<Vec<Completeness>>,
    /// `draft_port_request`: every sub request complete and `status` still `pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submittable: Option<bool>,
}

/// The form order of the sub-request kinds (the demo page uses it too).
pub const SUB_REQUEST_FORM_ORDER: [&str; 19] = [
    "auth_person_name",
    "person_or_company_name",
    "billing_phone_number",
    "account_number",
    "pin_passcode",
    "street_address",
    "extended_address",
    "locality",
    "administrative_area",
    "postal_code",
    "country_code",
    "tax_identifier",
    "business_identifier",
    "foc_date_requested_by_user",
    "porting_option/type",
    "porting_option/remaining_numbers_action",
    "porting_option/new_billing_phone_number",
    "default_connection_id",
    "default_message_profile_id",
];

const UPDATE_REQUIRED: [&str; 9] = [
    "foc_date_requested_by_user",
    "auth_person_name",
    "billing_phone_number",
    "street_address",
    "locality",
    "administrative_area",
    "postal_code",
    "country_code",
    "default_connection_id",
];

/// A human name for a field.
pub fn label(field: &str) -> &'static str {
    match field.rsplit('/').next().unwrap_or(field) {
        "auth_person_name" => "Authorized person's name",
        "person_or_company_name" => "Person or company name",
        "billing_phone_number" => "Billing phone number",
        "account_number" => "Account number",
        "pin_passcode" => "PIN or passcode",
        "street_address" => "Street address",
        "extended_address" => "Address line 2",
        "locality" => "City",
        "administrative_area" => "State or province",
        "postal_code" => "Postal code",
        "country_code" => "Country",
        "tax_identifier" => "Tax identifier",
        "business_identifier" => "Business identifier",
        "foc_date_requested_by_user" => "Requested FOC date",
        "type" => "Porting type",
        "remaining_numbers_action" => "Remaining numbers",
        "new_billing_phone_number" => "New billing phone number",
        "default_connection_id" => "Connection",
        "default_message_profile_id" => "Messaging profile",
        "region" => "State or region",
        "numbers" => "Numbers",
        "phone_numbers" => "Phone numbers",
        "sub_requests" => "Sub requests",
        "companyProfileId" => "Company profile",
        "quantity" => "Quantity",
        "numberType" => "Number type",
        "areaCode" => "Area code",
        "city" => "City",
        _ => "Field",
    }
}

/// One necessary field, satisfied by any of `by` (relative paths).
struct Need {
    field: &'static str,
    by: Vec<&'static str>,
    reason: String,
}

fn need(field: &'static str, reason: impl Into<String>) -> Need {
    Need {
        field,
        by: vec![field],
        reason: reason.into(),
    }
}

/// A field's value; `null`, and an empty or blank string (what a form
/// sends for an empty input), count as absent.
fn at<'v>(doc: &'v Value, rel: &str) -> Option<&'v Value> {
    rel.split('/')
        .try_fold(doc, |v, k| get(v, k))
        .filter(|v| !v.as_str().is_some_and(|s| s.trim().is_empty()))
}

fn is_wireless(svtype: &str) -> bool {
    let s = svtype.to_ascii_lowercase();
    s.contains("wireless") || s.contains("mobile")
}

fn needs(kind: Kind, doc: &Value, options: &Options) -> Vec<Need> {
    let mut out = Vec::new();
    match kind {
        Kind::SubRequestUpdate | Kind::DraftSubRequestUpdate | Kind::DraftSubRequest => {
            let why = match kind {
                Kind::SubRequestUpdate => "Telnyx requires it to update a sub request.",
                _ => "Telnyx requires it before the draft can be submitted.",
            };
            out.extend(UPDATE_REQUIRED.iter().map(|f| need(f, why)));
            if kind != Kind::SubRequestUpdate {
                out.push(need("default_message_profile_id", why));
            }
            if at(doc, "porting_option/remaining_numbers_action").and_then(Value::as_str) == Some("keep") {
                out.push(need(
                    "porting_option/new_billing_phone_number",
                    "Required because the remaining numbers are kept (remaining_numbers_action is keep).",
                ));
            }
            let wireless = get(doc, "phone_numbers").and_then(Value::as_array).and_then(|ns| {
                ns.iter()
                    .find(|n| get(n, "svtype").and_then(Value::as_str).is_some_and(is_wireless))
            });
            if let Some(n) = wireless {
                let which = get(n, "phone_number")
                    .and_then(Value::as_str)
                    .unwrap_or("one of the numbers");
                for f in ["account_number", "pin_passcode"] {
                    out.push(need(f, format!("Required because {which} is a wireless number.")));
                }
            }
            if let Some(c) = get(doc, "country_code")
                .and_then(Value::as_str)
                .filter(|c| EU_MEMBER_STATES.contains(c))
            {
                for f in ["tax_identifier", "business_identifier"] {
                    out.push(need(f, format!("Required in the European Union (country {c}).")));
                }
            }
        }
        Kind::NumberRequest => {
            for f in ["companyProfileId", "quantity", "numberType"] {
                out.push(need(f, "Required to place a CM.com order."));
            }
            for f in ["areaCode", "city"] {
                out.push(Need {
                    field: f,
                    by: vec!["areaCode", "city"],
                    reason: "An area code or a city is required (either one satisfies both).".into(),
                });
            }
            let country = options.order_country.as_deref().map(str::to_ascii_uppercase);
            if let Some(c) = country.filter(|c| NANP_COUNTRIES.contains(&c.as_str())) {
                out.push(need(
                    "region",
                    format!("Required for an order in a NANP country ({c})."),
                ));
            }
        }
        Kind::PhoneNumber => {
            if get(doc, "e911").is_some() {
                for f in [
                    "e911/locality",
                    "e911/postal_code",
                    "e911/region",
                    "e911/street_address",
                ] {
                    out.push(need(f, "Required for an E911 service address."));
                }
            }
        }
        Kind::E911 => {
            for f in ["locality", "postal_code", "region", "street_address"] {
                out.push(need(f, "Required for an E911 service address."));
            }
        }
        Kind::NumberCollection => out.push(need("numbers", "The numbers to look up.")),
        Kind::PortabilityCheck => out.push(need("phone_numbers", "The numbers to check.")),
        Kind::DraftPortRequest => {}
    }
    out
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
    let needs = needs(kind, doc, options);
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
                label: label(n.field).to_string(),
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
                code: e.code.clone(),
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
            label: label("sub_requests").to_string(),
            reason: "A port request needs at least one sub request.".into(),
        });
    }
    let mut invalid: Vec<Invalid> = subs.iter().flat_map(|c| c.invalid.iter().cloned()).collect();
    let mut seen: HashSet<String> = invalid.iter().map(|i| i.path.clone()).collect();
    for e in &mine {
        if !e.path.starts_with(&format!("{list}/")) && seen.insert(e.path.clone()) {
            invalid.push(Invalid {
                path: e.path.clone(),
                code: e.code.clone(),
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
