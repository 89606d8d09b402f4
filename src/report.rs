//! Validation reports: issues with a JSON Pointer, a stable code and a
//! message, and Kazoo's 400 error body.

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::pointer::{pointer_push, pointer_segments};

use crate::code::Code;
use crate::kind::Kind;

/// One problem (error or warning) with a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// RFC 6901 JSON Pointer into the document as given; for a missing
    /// field, the path of that field.
    pub path: String,
    /// Stable snake_case code (README table).
    pub code: Code,
    /// The JSON Schema keyword, where one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub keyword: Option<String>,
    /// A message a form can show next to the field.
    pub message: String,
    /// The offending value, where useful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Value")]
    pub value: Option<Value>,
}

impl Issue {
    /// An issue without keyword or value.
    pub fn new(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Issue {
            path: path.into(),
            code,
            keyword: None,
            message: message.into(),
            value: None,
        }
    }

    /// With the offending value.
    pub fn with_value(mut self, value: Value) -> Self {
        self.value = Some(value);
        self
    }

    /// With the JSON Schema keyword.
    pub fn with_keyword(mut self, keyword: &str) -> Self {
        self.keyword = Some(keyword.to_string());
        self
    }
}

/// The verdict on one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The kind the document was judged as.
    pub kind: Kind,
    /// False exactly when there is an error.
    pub valid: bool,
    /// What upstream would reject.
    pub errors: Vec<Issue>,
    /// Legal but likely wrong.
    pub warnings: Vec<Issue>,
    /// Issues past the reporting limit (`limits.max_issues`), counted; absent when none were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Omitted")]
    pub omitted: Option<Omitted>,
}

/// Issues beyond `max_issues`, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Omitted {
    /// Errors not listed.
    pub errors: usize,
    /// Warnings not listed.
    pub warnings: usize,
}
