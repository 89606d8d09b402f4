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
