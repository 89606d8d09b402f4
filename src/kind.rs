//! The document kinds by name: the same id everywhere (Rust, CLI,
//! JavaScript, schemas). What each kind knows lives in `documents/`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A document kind; the same id everywhere (Rust, CLI, JavaScript, schemas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
// The TypeScript type is documents.d.ts's Kind (generated from the schemas).
#[cfg_attr(feature = "schemars", schemars(inline, extend("tsType" = "Kind")))]
pub enum Kind {
    /// Kazoo / Vinix phone-number document.
    PhoneNumber,
    /// The E911 service address of a Kazoo phone number.
    E911,
    /// `{"numbers": [...]}` body of Kazoo's check, locality and collection endpoints.
    NumberCollection,
    /// Telnyx portability check request.
    PortabilityCheck,
    /// Telnyx edit of a port request's sub request.
    SubRequestUpdate,
    /// Telnyx update of a draft sub request.
    DraftSubRequestUpdate,
    /// A Telnyx draft sub request as a client holds it.
    DraftSubRequest,
    /// A Telnyx draft port request with its sub requests.
    DraftPortRequest,
    /// CM.com create-number-request order.
    NumberRequest,
}

/// Every kind, in the README's order.
pub const KINDS: [Kind; 9] = [
    Kind::PhoneNumber,
    Kind::E911,
    Kind::NumberCollection,
    Kind::PortabilityCheck,
    Kind::SubRequestUpdate,
    Kind::DraftSubRequestUpdate,
    Kind::DraftSubRequest,
    Kind::DraftPortRequest,
    Kind::NumberRequest,
];

/// A kind name that is not one of [`KINDS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl UnknownKind {
    /// Stable code.
    pub fn code(&self) -> &'static str {
        "unknown_kind"
    }
}

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
        write!(f, "Unknown kind {:?}; the kinds are {}.", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KINDS
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Kind {
    /// The id (`phone_number`, `e911` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PhoneNumber => "phone_number",
            Kind::E911 => "e911",
            Kind::NumberCollection => "number_collection",
            Kind::PortabilityCheck => "portability_check",
            Kind::SubRequestUpdate => "sub_request_update",
            Kind::DraftSubRequestUpdate => "draft_sub_request_update",
            Kind::DraftSubRequest => "draft_sub_request",
            Kind::DraftPortRequest => "draft_port_request",
            Kind::NumberRequest => "number_request",
        }
    }

    pub(crate) fn index(self) -> usize {
        KINDS.iter().position(|&k| k == self).unwrap_or(0)
    }

    /// The schema's stable `$id`.
    pub fn schema_id(self) -> String {
        format!("urn:telschema:schema:{}", self.as_str())
    }

    /// A one-line title.
    pub fn title(self) -> &'static str {
        match self {
            Kind::PhoneNumber => "Kazoo phone number",
            Kind::E911 => "Kazoo E911 service address",
            Kind::NumberCollection => "Kazoo number collection",
            Kind::PortabilityCheck => "Telnyx portability check",
            Kind::SubRequestUpdate => "Telnyx sub request update",
            Kind::DraftSubRequestUpdate => "Telnyx draft sub request update",
            Kind::DraftSubRequest => "Telnyx draft sub request",
            Kind::DraftPortRequest => "Telnyx draft port request",
            Kind::NumberRequest => "CM.com number request",
        }
    }

    /// Whether the kind is Kazoo's (custom fields allowed, phone problems are warnings).
    pub fn is_kazoo(self) -> bool {
        matches!(self, Kind::PhoneNumber | Kind::E911 | Kind::NumberCollection)
    }
}
