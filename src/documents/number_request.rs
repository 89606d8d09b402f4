//! CM.com Voice "Create Number Request" order. Upstream does not show the
//! JSON names; we use camelCase, as CM.com's responses do (README).

use serde::{Deserialize, Serialize};

/// Request data for new phone number ranges.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct NumberRequest {
    /// Unique identifier of the company profile that will be operating the requested numbers.
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = UUID), extend("format" = "uuid")))]
    pub company_profile_id: String,
    /// The quantity of numbers to be requested.
    #[cfg_attr(feature = "schemars", schemars(range(min = 1, max = 1000)))]
    pub quantity: i32,
    /// The size of the range to be requested. Only required if a range of numbers is requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_size: Option<i32>,
    /// Phone number type (allowed values are not published upstream).
    pub number_type: String,
    /// The area code to request numbers for. Required when city is not provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    /// City to request numbers for. Required when area code is not provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Region to request numbers for. Only required for NANPA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Additional comment for customers to for example add a distribution group or IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// URL that we'll send a POST request to when the status of the request has been updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = HTTP_URL), extend("format" = "uri")))]
    pub callback_url: Option<String>,
}

#[cfg(feature = "schemars")]
use super::patterns::{HTTP_URL, UUID};
use super::spec::{FormField as F, PhoneRule, Requirement as R, Spec, When};
use crate::messages::Message;

const ORDER: &str = "Required to place a CM.com order.";
const AREA_OR_CITY: &str = "An area code or a city is required (either one satisfies both).";

/// A CM.com order, in upstream field order.
pub(crate) const SPEC: Spec = Spec {
    form: &[
        F::new("companyProfileId", "Company profile").hint("A UUID"),
        F::new("quantity", "Quantity"),
        F::new("rangeSize", "Range size"),
        F::new("numberType", "Number type"),
        F::new("areaCode", "Area code"),
        F::new("city", "City"),
        F::new("region", "State or region"),
        F::new("comment", "Comment"),
        F::new("callbackUrl", "Callback URL"),
    ],
    requirements: &[
        R::always("companyProfileId", ORDER),
        R::always("quantity", ORDER),
        R::always("numberType", ORDER),
        R::always("areaCode", AREA_OR_CITY)
            .satisfied_by(&["areaCode", "city"])
            .error(Message::AreaCodeOrCity),
        R::always("city", AREA_OR_CITY)
            .satisfied_by(&["areaCode", "city"])
            .error(Message::AreaCodeOrCity),
        R::always("region", "Required for an order in a NANP country ({country}).")
            .when(When::NanpOrder)
            .error(Message::RegionRequired),
    ],
    phones: &[],
    embed: None,
    phone_rule: PhoneRule::ErrorInE164Form,
    rules: super::rules::none,
};
