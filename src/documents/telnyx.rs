//! Types Telnyx's porting documents share, and the schema conditional for
//! `new_billing_phone_number`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Whether all or part of the numbers on the account are ported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum PortingOptionType {
    Partial,
    Full,
}

/// What happens to the numbers that stay on the old account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum RemainingNumbersAction {
    Keep,
    Disconnect,
}

/// Porting options of a sub request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PortingOption {
    /// Whether all (`full`) or some (`partial`) of the account's numbers are ported
    #[serde(rename = "type")]
    pub kind: PortingOptionType,
    /// What to do with the numbers that remain on the old account
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_numbers_action: Option<RemainingNumbersAction>,
    /// The new billing number of the old account, required when the remaining numbers are kept; one of the numbers that remain
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = E164)))]
    pub new_billing_phone_number: Option<String>,
}

/// Telnyx's coverage category of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum CoverageCategory {
    NanpGeneric,
    NanpTollFree,
    International,
    Invalid,
}

/// Telnyx's portability status of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum PortabilityStatus {
    Pending,
    Confirmed,
    Provisional,
}

/// A phone number of a draft port request (read-only).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct DraftPortRequestPhoneNumber {
    /// The phone number, E.164
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = E164)))]
    pub phone_number: Option<String>,
    /// The service type of the number (wireless numbers need a PIN)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub svtype: Option<String>,
    /// The carrier the number is with
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_name: Option<String>,
    /// Telnyx's coverage category of the number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage_category: Option<CoverageCategory>,
    /// The sub request the number belongs to
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_request_id: Option<String>,
    /// The portability status of the number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portability_status: Option<PortabilityStatus>,
}

use super::codes::EU_MEMBER_STATES;
#[cfg(feature = "schemars")]
use super::patterns::E164;
use super::rules::{get, get_str, is_iso_country, Ctx};
use super::spec::{FormField as F, PhoneRule, Requirement as R, Spec, When};
use super::Kind;
use crate::messages::{params, Message};
use crate::pointer::pointer_push;
use crate::report::Issue;

/// The sub-request form, in the order a person fills it in (the demo page
/// and completeness's order).
const SUB_REQUEST_FORM: [F; 19] = [
    F::new("auth_person_name", "Authorized person's name").auto("name"),
    F::new("person_or_company_name", "Person or company name").auto("organization"),
    F::new("billing_phone_number", "Billing phone number").auto("tel"),
    F::new("account_number", "Account number"),
    F::new("pin_passcode", "PIN or passcode"),
    F::new("street_address", "Street address").auto("address-line1"),
    F::new("extended_address", "Address line 2").auto("address-line2"),
    F::new("locality", "City").auto("address-level2"),
    F::new("administrative_area", "State or province")
        .hint("Two letters, such as IL")
        .auto("address-level1"),
    F::new("postal_code", "Postal code").auto("postal-code"),
    F::new("country_code", "Country")
        .hint("ISO code, such as US or DE")
        .auto("country"),
    F::new("tax_identifier", "Tax identifier").hint("EU numbers only"),
    F::new("business_identifier", "Business identifier").hint("EU numbers only"),
    F::new("foc_date_requested_by_user", "Requested FOC date").hint("Your local time"),
    F::new("porting_option/type", "Porting type"),
    F::new("porting_option/remaining_numbers_action", "Remaining numbers"),
    F::new("porting_option/new_billing_phone_number", "New billing phone number"),
    F::new("default_connection_id", "Connection"),
    F::new("default_message_profile_id", "Messaging profile").hint("A UUID"),
];

/// The form order of the sub-request kinds.
pub const SUB_REQUEST_FORM_ORDER: [&str; 19] = {
    let mut out = [""; 19];
    let mut i = 0;
    while i < 19 {
        // Constant evaluation: an index out of bounds fails the build.
        #[allow(clippy::indexing_slicing)]
        {
            out[i] = SUB_REQUEST_FORM[i].path;
        }
        i += 1;
    }
    out
};

const SUB_PHONES: &[&str] = &[
    "billing_phone_number",
    "porting_option/new_billing_phone_number",
    "phone_numbers/*/phone_number",
];

const KEPT: R = R::always(
    "porting_option/new_billing_phone_number",
    "Required because the remaining numbers are kept (remaining_numbers_action is keep).",
)
.when(When::NumbersKept);
const WIRELESS: &str = "Required because {number} is a wireless number.";
const EU: &str = "Required in the European Union (country {country}).";

macro_rules! sub_request_requirements {
    ($why:expr $(, $extra:expr)*) => {
        &[
            R::always("foc_date_requested_by_user", $why),
            R::always("auth_person_name", $why),
            R::always("billing_phone_number", $why),
            R::always("street_address", $why),
            R::always("locality", $why),
            R::always("administrative_area", $why),
            R::always("postal_code", $why),
            R::always("country_code", $why),
            R::always("default_connection_id", $why),
            $($extra,)*
            KEPT,
            R::always("account_number", WIRELESS).when(When::Wireless),
            R::always("pin_passcode", WIRELESS).when(When::Wireless),
            R::always("tax_identifier", EU).when(When::EuCountry),
            R::always("business_identifier", EU).when(When::EuCountry),
        ]
    };
}

/// `sub_request_update`: the nine fields the edit requires, and the conditional ones.
pub(crate) const SUB_REQUEST_UPDATE_SPEC: Spec = Spec {
    form: &SUB_REQUEST_FORM,
    requirements: sub_request_requirements!("Telnyx requires it to update a sub request."),
    phones: SUB_PHONES,
    embed: None,
    phone_rule: PhoneRule::ErrorInE164Form,
    rules: sub_request_rules,
};

const DRAFT_WHY: &str = "Telnyx requires it before the draft can be submitted.";

/// `draft_sub_request_update` and `draft_sub_request`: the ten fields the
/// update requires, and the conditional ones.
pub(crate) const DRAFT_SUB_REQUEST_SPEC: Spec = Spec {
    form: &SUB_REQUEST_FORM,
    requirements: sub_request_requirements!(DRAFT_WHY, R::always("default_message_profile_id", DRAFT_WHY)),
    phones: SUB_PHONES,
    embed: None,
    phone_rule: PhoneRule::ErrorInE164Form,
    rules: sub_request_rules,
};

/// The rules of the sub-request kinds on the document; a draft as a client
/// holds it also has the server's `complete` flag to compare.
fn sub_request_rules(ctx: &mut Ctx, doc: &Value, base: &str) {
    sub_request(ctx, doc, base);
    if ctx.kind == Kind::DraftSubRequest {
        complete_flag(ctx, doc, base);
    }
}

/// The Telnyx sub-request rules, on an update or a draft at `base`.
pub(crate) fn sub_request(ctx: &mut Ctx, o: &Value, base: &str) {
    if !o.is_object() {
        return;
    }
    let billing_path = pointer_push(base, "billing_phone_number");
    let billing = get_str(o, "billing_phone_number").zip(ctx.numbers.get(&billing_path));
    let billing_region = billing.and_then(|(b, n)| {
        let n = n.as_ref().ok().filter(|n| n.valid)?;
        Some((b.to_string(), n.region.clone()?))
    });
    let po_path = pointer_push(base, "porting_option");
    if let Some(po) = get(o, "porting_option") {
        if get_str(po, "type") == Some("full") {
            for attr in ["remaining_numbers_action", "new_billing_phone_number"] {
                if let Some(v) = get(po, attr) {
                    ctx.warn(
                        Issue::of(
                            pointer_push(&po_path, attr),
                            Message::FullPortAttribute,
                            serde_json::Map::new(),
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
                    Issue::of(
                        pointer_push(base, field),
                        Message::EuIdentifierOutsideEu,
                        params(json!({ "country": c })),
                    )
                    .with_value(v.clone()),
                );
            }
        }
    }
    if let (Some(c), Some((b, r))) = (country, billing_region) {
        if r != c && is_iso_country(c) {
            ctx.warn(
                Issue::of(
                    billing_path,
                    Message::BillingCountryMismatch,
                    params(json!({ "region": r, "country": c })),
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
                    Issue::of(path.clone(), Message::FocDateInPast, serde_json::Map::new())
                        .with_value(Value::String(foc.to_string())),
                );
            }
            if t.is_weekend() {
                ctx.warn(
                    Issue::of(path, Message::FocDateOnWeekend, serde_json::Map::new())
                        .with_value(Value::String(foc.to_string())),
                );
            }
        }
    }
}

/// A draft sub request's own `complete` flag (the server's) against ours,
/// given every error found so far.
pub(crate) fn complete_flag(ctx: &mut Ctx, sub: &Value, path: &str) {
    let Some(flag) = crate::json::field(sub, "complete").and_then(Value::as_bool) else {
        return;
    };
    let kind = Kind::DraftSubRequest;
    let met = super::require::met(kind, sub, path, &ctx.errors, ctx.options);
    ctx.met.push(super::require::MetAt {
        kind,
        base: path.to_string(),
        errors: ctx.errors.len(),
        met: met.clone(),
    });
    let ours = super::require::evaluation(kind, path, &ctx.errors, met);
    if ours.complete() != flag {
        let (message, p) = match (ours.missing.first(), ours.invalid.first()) {
            (Some(m), _) => (
                Message::CompleteFlagMissing,
                params(json!({ "flag": flag, "missing": m.path })),
            ),
            (None, Some((p, code))) => (
                Message::CompleteFlagInvalid,
                params(json!({ "flag": flag, "field": p, "failed": code })),
            ),
            _ => (Message::CompleteFlagComplete, params(json!({ "flag": flag }))),
        };
        ctx.warn(Issue::of(pointer_push(path, "complete"), message, p).with_value(Value::Bool(flag)));
    }
}
