//! Telnyx draft port request (read form) with its sub requests.

use serde::{Deserialize, Serialize};

use super::draft_sub_request::DraftSubRequest;
use super::telnyx::DraftPortRequestPhoneNumber;

/// Draft port request status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum DraftPortRequestStatus {
    Pending,
    Submitted,
}

/// A Telnyx draft port request as a client holds it; each of its sub
/// requests is judged as a `draft_sub_request`. Every field is optional
/// (`null` equals absent).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
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

use serde_json::Value;

use super::rules::{get, Ctx};
use super::spec::{FormField as F, PhoneRule, Spec, When};
use crate::pointer::pointer_push;

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
    phone_rule: PhoneRule::ErrorInE164Form,
    rules,
};

/// Each sub request's rules, then each one's `complete` flag against ours
/// (once every error is known).
fn rules(ctx: &mut Ctx, doc: &Value, base: &str) {
    let Some(Value::Array(subs)) = get(doc, "sub_requests") else {
        return;
    };
    let list = pointer_push(base, "sub_requests");
    for (i, s) in subs.iter().enumerate() {
        super::telnyx::sub_request(ctx, s, &pointer_push(&list, &i.to_string()));
    }
    for (i, s) in subs.iter().enumerate() {
        super::telnyx::complete_flag(ctx, s, &pointer_push(&list, &i.to_string()));
    }
}
