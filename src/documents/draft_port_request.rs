//! Telnyx draft port request (read form) with its sub requests.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::draft_sub_request::DraftSubRequest;
use super::telnyx::DraftPortRequestPhoneNumber;

/// Draft port request status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum DraftPortRequestStatus {
    Pending,
    Submitted,
}

/// A Telnyx draft port request as a client holds it; each of its sub
/// requests is judged as a `draft_sub_request`. Every field is optional
/// (`null` equals absent).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct DraftPortRequest {
    /// Identifier of the draft port request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// ISO 8601 formatted date indicating when the resource was created
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Draft port request status
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DraftPortRequestStatus>,
    /// Count of phone numbers associated with this draft port request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_count: Option<i32>,
    /// Phone numbers associated with this draft port request
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_numbers: Option<Vec<DraftPortRequestPhoneNumber>>,
    /// The sub requests of the draft
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_requests: Option<Vec<DraftSubRequest>>,
    /// ID the associated Port Request. This field is filled if the draft port request has been submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_request_id: Option<String>,
}

use super::form::{FormField as F, Spec, When};

/// A draft port request: its numbers and sub requests; each sub request is
/// measured by the draft sub request's spec.
pub(crate) const SPEC: Spec = Spec {
    form: &[
        F::new("phone_numbers", "Phone numbers"),
        F::new("sub_requests", "Sub requests"),
    ],
    requirements: &[],
    phones: &["phone_numbers/*/phone_number"],
    embed: Some(("sub_requests/*", super::Kind::DraftSubRequest, When::Always)),
};
