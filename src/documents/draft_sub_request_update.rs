//! Telnyx draft sub request update.
use serde::{Deserialize, Serialize};

#[cfg(feature = "schemars")]
use super::patterns::{DATE_TIME, E164, TWO_LETTERS};
use super::telnyx::PortingOption;

/// Updates a draft sub request (Telnyx `PATCH /draft_sub_requests/{id}`). Upstream lists ten required fields even though it says fields not sent stay unchanged; we follow the required list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct DraftSubRequestUpdate {
    /// ISO 8601 formatted Date/Time requested for the FOC date
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = DATE_TIME), extend("format" = "date-time")))]
    pub foc_date_requested_by_user: String,
    /// Person Name or Company name requesting the port
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_or_company_name: Option<String>,
    /// Name of person authorizing the port request
    pub auth_person_name: String,
    /// Billing phone number associated with these phone numbers
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = E164)))]
    pub billing_phone_number: String,
    /// First line of billing address
    pub street_address: String,
    /// Second line of billing address
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended_address: Option<String>,
    /// City of billing address
    pub locality: String,
    /// Two character state abbreviation of billing address
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = TWO_LETTERS)))]
    pub administrative_area: String,
    /// Postal Code of billing address
    pub postal_code: String,
    /// ISO3166-1 alpha-2 country code of billing address
    #[cfg_attr(feature = "schemars", schemars(extend("enum" = crate::documents::ISO_3166_ALPHA2.as_slice())))]
    pub country_code: String,
    /// Identifies the connection to set on the numbers when the port completes
    pub default_connection_id: String,
    /// Identifies the messaging profile to set on the numbers when the port completes
    pub default_message_profile_id: String,
    /// Porting options
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub porting_option: Option<PortingOption>,
    /// PIN/passcode for accounts that have wireless type numbers
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_passcode: Option<String>,
    /// The authorized person's account number with the current service provider
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// European tax identification number. Applicable only in the European Union
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_identifier: Option<String>,
    /// European business identification number. Applicable only in the European Union
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_identifier: Option<String>,
}
