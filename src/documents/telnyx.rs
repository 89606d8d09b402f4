//! Types Telnyx's porting documents share, and the schema conditional for
//! `new_billing_phone_number`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// E.164 as Telnyx takes it.
pub const E164_PATTERN: &str = r"^\+[1-9]\d{1,14}$";
/// RFC 3339 date-time, paired with `format: date-time`.
pub const DATE_TIME_PATTERN: &str = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$";

/// Whether all or part of the numbers on the account are ported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum PortingOptionType {
    Partial,
    Full,
}

/// What happens to the numbers that stay on the old account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum RemainingNumbersAction {
    Keep,
    Disconnect,
}

/// Porting options of a sub request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PortingOption {
    /// Whether all (`full`) or some (`partial`) of the account's numbers are ported
    #[serde(rename = "type")]
    pub kind: PortingOptionType,
    /// What to do with the numbers that remain on the old account
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_numbers_action: Option<RemainingNumbersAction>,
    /// The new billing number of the old account, required when the remaining numbers are kept; one of the numbers that remain
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\+[1-9]\d{1,14}$"))]
    pub new_billing_phone_number: Option<String>,
}

/// Telnyx's coverage category of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum CoverageCategory {
    NanpGeneric,
    NanpTollFree,
    International,
    Invalid,
}

/// Telnyx's portability status of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum PortabilityStatus {
    Pending,
    Confirmed,
    Provisional,
}

/// A phone number of a draft port request (read-only).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct DraftPortRequestPhoneNumber {
    /// The phone number, E.164
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\+[1-9]\d{1,14}$"))]
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

/// Adds to every `porting_option` object of a schema the conditional
/// "`new_billing_phone_number` is required when `remaining_numbers_action`
/// is `keep`" (a `null` counts as absent).
pub(crate) fn add_conditionals(v: &mut Value) {
    match v {
        Value::Object(m) => {
            let is_porting_option = m.get("properties").is_some_and(|p| {
                p.get("remaining_numbers_action").is_some() && p.get("new_billing_phone_number").is_some()
            });
            if is_porting_option && m.get("type").and_then(Value::as_str) == Some("object") {
                m.insert(
                    "if".into(),
                    json!({"properties": {"remaining_numbers_action": {"const": "keep"}}, "required": ["remaining_numbers_action"]}),
                );
                m.insert(
                    "then".into(),
                    json!({"properties": {"new_billing_phone_number": {"type": "string"}}, "required": ["new_billing_phone_number"]}),
                );
            }
            for val in m.values_mut() {
                add_conditionals(val);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(add_conditionals),
        _ => {}
    }
}

use super::form::{FormField as F, Requirement as R, Spec, When};

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
};

const DRAFT_WHY: &str = "Telnyx requires it before the draft can be submitted.";

/// `draft_sub_request_update` and `draft_sub_request`: the ten fields the
/// update requires, and the conditional ones.
pub(crate) const DRAFT_SUB_REQUEST_SPEC: Spec = Spec {
    form: &SUB_REQUEST_FORM,
    requirements: sub_request_requirements!(DRAFT_WHY, R::always("default_message_profile_id", DRAFT_WHY)),
    phones: SUB_PHONES,
    embed: None,
};
