//! Kazoo / Vinix phone-number document (`phone_numbers` schema).
//! Fields in Kazoo's own schema order; descriptions are Kazoo's.

use serde::{Deserialize, Serialize};

use super::e911::E911;

/// Caller ID name settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Cnam {
    /// The name shown for outbound calls
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 1, max = 15)))]
    pub display_name: Option<String>,
    /// Whether to look up the caller's name on inbound calls
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_lookup: Option<bool>,
}

/// The state to create numbers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum NumberState {
    Aging,
    Available,
    Deleted,
    Discovery,
    InService,
    PortIn,
    PortOut,
    Released,
    Reserved,
}

/// Porting (in) information for the phone number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Porting {
    /// The account id the losing carrier has on file
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_account_id: Option<String>,
    /// The suit/floor/apt. address the losing carrier has on file
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_extended_address: Option<String>,
    /// The locality (city) the losing carrier has on file
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_locality: Option<String>,
    /// The name or company name the losing carrier has on file
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_name: Option<String>,
    /// The zip/postal code the losing carrier has on file
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_postal_code: Option<String>,
    /// The region (state) the losing carrier has on file
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_region: Option<String>,
    /// The street address the losing carrier has on file
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_street_address: Option<String>,
    /// The BTN of the account the number belongs to
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_telephone_number: Option<String>,
    /// An array of comments
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<Vec<String>>,
    /// The phone number that can be used to contact the owner of the number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_contact: Option<String>,
    /// The id of the port request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    /// The requested port date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_port_date: Option<String>,
    /// The name of the losing carrier
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_provider: Option<String>,
}

/// Schema for a number: a Kazoo/Vinix phone-number document. Kazoo allows
/// fields its schema does not name (custom fields).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PhoneNumber {
    /// The name of the carrier the number is with
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 1, max = 30)))]
    pub carrier_name: Option<String>,
    /// Caller ID name settings
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cnam: Option<Cnam>,
    /// The state to create numbers in
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_with_state: Option<NumberState>,
    /// The E911 service address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e911: Option<E911>,
    /// Porting (in) information for the phone number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub porting: Option<Porting>,
}

use serde_json::Value;

use super::rules::{get, Ctx};
use super::spec::{FormField as F, PhoneRule, Spec, When};
use crate::pointer::pointer_push;

/// A Kazoo phone number's form; its `e911` address is the E911 kind's form,
/// needed when an `e911` object is given.
pub(crate) const SPEC: Spec = Spec {
    form: &[
        F::new("carrier_name", "Carrier name"),
        F::new("cnam/display_name", "Caller ID name"),
        F::new("cnam/inbound_lookup", "Look up inbound caller ID"),
        F::new("create_with_state", "State on creation"),
        F::new("porting/billing_telephone_number", "Billing telephone number"),
        F::new("porting/customer_contact", "Customer contact number"),
    ],
    requirements: &[],
    phones: &["porting/billing_telephone_number", "porting/customer_contact"],
    embed: Some(("e911", super::Kind::E911, When::E911Present)),
    phone_rule: PhoneRule::Warning,
    rules,
};

/// A phone number's own rules are its E911 address's.
fn rules(ctx: &mut Ctx, doc: &Value, base: &str) {
    if let Some(e) = get(doc, "e911") {
        super::e911::rules(ctx, e, &pointer_push(base, "e911"));
    }
}
