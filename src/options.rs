//! The one options struct every entry point takes (CONVENTIONS.md).

use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

/// How strictly phone fields are judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhoneLevel {
    /// Valid by the metadata (pattern and length of a number type).
    #[default]
    Valid,
    /// Possible: only the length is checked.
    Possible,
}

/// Options for normalizing and validating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Options {
    /// Region for numbers written in national form (ISO 3166-1 alpha-2,
    /// any case); `ZZ` means none, so only international forms parse.
    pub default_region: String,
    /// `valid` (metadata validity) or `possible` (length only).
    pub phone_level: PhoneLevel,
    /// The current time for date rules; without it they are skipped (the
    /// core never reads the clock).
    pub now: Option<Timestamp>,
    /// Country of a CM.com order: a NANP country makes `region` required.
    pub order_country: Option<String>,
    /// Accept `"true"`/`"42"` where a boolean or number is expected, with a
    /// warning, as Kazoo does by default.
    pub lenient_types: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_region: "US".to_string(),
            phone_level: PhoneLevel::Valid,
            now: None,
            order_country: None,
            lenient_types: false,
        }
    }
}

impl Options {
    /// The defaults with another default region.
    pub fn with_region(region: impl Into<String>) -> Self {
        Options {
            default_region: region.into(),
            ..Options::default()
        }
    }
}
