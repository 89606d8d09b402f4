//! Kazoo's `e911` object: the emergency service address of a number.
//! Fields in Kazoo's own schema order; descriptions are Kazoo's.

use serde::{Deserialize, Serialize};

/// The e911 provisioning system status for this service address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[allow(missing_docs, clippy::upper_case_acronyms)]
pub enum E911Status {
    INVALID,
    GEOCODED,
    PROVISIONED,
    REMOVED,
    ERROR,
}

/// Legacy E911 information.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct LegacyData {
    /// The name that will show to emergency services
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house_number: Option<String>,
    /// The name that will show to emergency services
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predirectional: Option<String>,
    /// The name that will show to emergency services
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub streetname: Option<String>,
    /// The name that will show to emergency services
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suite: Option<String>,
}

/// The E911 service address of a Kazoo/Vinix phone number. Kazoo requires
/// `locality`, `postal_code`, `region` and `street_address`, and allows
/// fields its schema does not name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct E911 {
    /// The time stamp e911 was provisioned
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activated_time: Option<String>,
    /// The name that will show to emergency services
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 3)))]
    pub caller_name: Option<String>,
    /// The suit/floor/apt. address where the number is in service
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_address: Option<String>,
    /// The e911 provisioning system calculated service address latitude
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<String>,
    /// Legacy E911 information
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_data: Option<LegacyData>,
    /// The locality (city) where the number is in service
    pub locality: String,
    /// The e911 provisioning system internal id for this service address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<String>,
    /// The e911 provisioning system calculated service address longitude
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<String>,
    /// A list of email addresses to receive notification when this number places an emergency call
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_contact_emails: Option<Vec<String>>,
    /// The extended zip/postal code where the number is in service
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plus_four: Option<String>,
    /// The zip/postal code where the number is in service
    pub postal_code: String,
    /// The region (state) where the number is in service
    #[cfg_attr(feature = "schemars", schemars(length(min = 2, max = 2)))]
    pub region: String,
    /// The e911 provisioning system status for this service address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<E911Status>,
    /// The street address where the number is in service
    pub street_address: String,
}

use serde_json::Value;

use super::codes::{CA_PROVINCES, US_STATES};
use super::rules::{get, get_str, Ctx};
use super::spec::{FormField as F, PhoneRule, Requirement as R, Spec};
use crate::pointer::pointer_push;

const WHY: &str = "Required for an E911 service address.";

/// The E911 address as a form asks for it.
pub(crate) const SPEC: Spec = Spec {
    form: &[
        F::new("street_address", "Street address").auto("address-line1"),
        F::new("extended_address", "Suite, floor or apartment").auto("address-line2"),
        F::new("locality", "City").auto("address-level2"),
        F::new("region", "State or region")
            .hint("Two letters, such as IL")
            .auto("address-level1"),
        F::new("postal_code", "Postal code").auto("postal-code"),
        F::new("plus_four", "ZIP+4 extension"),
        F::new("caller_name", "Name shown to emergency services"),
        F::new("notification_contact_emails", "Notify these e-mail addresses").hint("Separated by commas"),
    ],
    requirements: &[
        R::always("locality", WHY),
        R::always("postal_code", WHY),
        R::always("region", WHY),
        R::always("street_address", WHY),
    ],
    phones: &[],
    embed: None,
    phone_rule: PhoneRule::Warning,
    rules,
};

/// The address checks: the region is a US state or Canadian province, the
/// postal code fits it (warnings).
pub(crate) fn rules(ctx: &mut Ctx, e: &Value, base: &str) {
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
