//! The `{"numbers": [...]}` body of Kazoo's `/phone_numbers/check`,
//! `/locality` and `/collection` endpoints.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A list of numbers for Kazoo's collection endpoints. Kazoo normalizes
/// every number to E.164 and rejects duplicates after normalization.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct NumberCollection {
    /// The numbers, in any form Kazoo normalizes (E.164 or national); at least one
    #[schemars(length(min = 1))]
    pub numbers: Vec<String>,
}

use super::form::{FormField as F, Requirement as R, Spec};

pub(crate) const SPEC: Spec = Spec {
    form: &[F::new("numbers", "Numbers")],
    requirements: &[R::always("numbers", "The numbers to look up.")],
    phones: &["numbers/*"],
    embed: None,
};
