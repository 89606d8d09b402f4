//! The one options struct every entry point takes (CONVENTIONS.md).

use serde::{Deserialize, Serialize};

/// Options for normalizing and validating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Options {
    /// Region for numbers written in national form (ISO 3166-1 alpha-2,
    /// any case); `ZZ` means none, so only international forms parse.
    pub default_region: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_region: "US".to_string(),
        }
    }
}

impl Options {
    /// The defaults with another default region.
    pub fn with_region(region: impl Into<String>) -> Self {
        Options {
            default_region: region.into(),
        }
    }
}
