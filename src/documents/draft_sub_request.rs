//! Telnyx draft sub request (read form).
use serde::{Deserialize, Serialize};

#[cfg(feature = "schemars")]
use super::patterns::{DATE_TIME, E164, TWO_LETTERS};
use super::telnyx::{DraftPortRequestPhoneNumber, PortingOption};

/// A Telnyx draft sub request as a client holds it: read-only fields allowed, every field optional (a missing field is a gap, not an error; `null` equals absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct DraftSubRequest {
    /// Identifier of the draft sub request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// True if object contains all necessary information, otherwise false
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete: Option<bool>,
    /// Phone numbers associated with this sub request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_numbers: Option<Vec<DraftPortRequestPhoneNumber>>,
    /// ISO 8601 formatted Date/Time requested for the FOC date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = DATE_TIME), extend("format" = "date-time")))]
    pub foc_date_requested_by_user: Option<String>,
    /// Number of phone numbers attached to this sub request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_count: Option<i32>,
    /// Names of underlying carriers for phone numbers on this sub request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underlying_carrier_names: Option<Vec<String>>,
    /// Person Name or Company name requesting the port
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_or_company_name: Option<String>,
    /// Name of person authorizing the port request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_person_name: Option<String>,
    /// Billing phone number associated with these phone numbers
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = E164)))]
    pub billing_phone_number: Option<String>,
    /// First line of billing address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    /// Second line of billing address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_address: Option<String>,
    /// City of billing address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// Two character state abbreviation of billing address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = TWO_LETTERS)))]
    pub administrative_area: Option<String>,
    /// Postal Code of billing address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO3166-1 alpha-2 country code of billing address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(extend("enum" = crate::documents::ISO_3166_ALPHA2.as_slice())))]
    pub country_code: Option<String>,
    /// ISO 8601 formatted date indicating when the resource was created
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Identifies the connection to set on the numbers when the port completes
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_connection_id: Option<String>,
    /// Identifies the messaging profile to set on the numbers when the port completes
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_message_profile_id: Option<String>,
    /// Porting options
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub porting_option: Option<PortingOption>,
    /// PIN/passcode for accounts that have wireless type numbers
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_passcode: Option<String>,
    /// The authorized person's account number with the current service provider
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// Description of draft sub request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// European tax identification number. Applicable only in the European Union
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identifier: Option<String>,
    /// European business identification number. Applicable only in the European Union
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_identifier: Option<String>,
}
