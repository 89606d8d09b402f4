//! Telnyx portability check request (`POST /portability_checks`).

use serde::{Deserialize, Serialize};

/// One number to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PortabilityNumber {
    /// The number to check, E.164
    #[cfg_attr(feature = "schemars", schemars(regex(pattern = E164)))]
    pub phone_number: String,
}

/// Verifies the portability of a list of phone numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PortabilityCheck {
    /// The phone numbers to check
    pub phone_numbers: Vec<PortabilityNumber>,
}

#[cfg(feature = "schemars")]
use super::patterns::E164;
use super::spec::{FormField as F, PhoneRule, Requirement as R, Spec};

pub(crate) const SPEC: Spec = Spec {
    form: &[F::new("phone_numbers", "Phone numbers")],
    requirements: &[R::always("phone_numbers", "The numbers to check.")],
    phones: &["phone_numbers/*/phone_number"],
    embed: None,
    phone_rule: PhoneRule::ErrorInE164Form,
    rules: super::rules::none,
};
