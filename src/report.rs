//! Validation reports: issues with a JSON Pointer, a stable code and a
//! message, and Kazoo's 400 error body.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use crate::pointer::{pointer_push, pointer_segments};

use crate::code::Code;
use crate::kind::Kind;
use crate::locale::Locale;
use crate::messages::{Message, Source, Texts};

/// One problem (error or warning) with a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// RFC 6901 JSON Pointer into the document as given; for a missing
    /// field, the path of that field.
    pub path: String,
    /// Stable snake_case code (README table).
    pub code: Code,
    /// The JSON Schema keyword, where one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub keyword: Option<String>,
    /// A message a form can show next to the field, in the locale asked for.
    pub message: String,
    /// The issue's values, the same in every locale (README, Locales and
    /// params): `limit`, `allowed`, `format`, `pattern`, `e164`, `country`,
    /// `suggestion`, ... `{}` when it has none.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Map<String, Value>"))]
    pub params: Map<String, Value>,
    /// The offending value, where useful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(with = "Value"))]
    pub value: Option<Value>,
    /// Where the message comes from, to write it in another locale.
    #[serde(skip)]
    #[cfg_attr(feature = "schemars", schemars(skip))]
    pub(crate) source: Source,
}

impl Issue {
    /// An issue without keyword or value.
    pub fn new(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Issue {
            path: path.into(),
            code,
            keyword: None,
            message: message.into(),
            params: Map::new(),
            value: None,
            source: Source::default(),
        }
    }

    /// An issue with a message of the catalog, in English, filled from `params`.
    pub(crate) fn of(path: impl Into<String>, message: Message, params: Map<String, Value>) -> Self {
        Issue::texts(path, message.code(), message.texts(), params)
    }

    /// An issue whose message is one of `texts` (a catalog entry or a
    /// spec's string), in English, filled from `params`.
    pub(crate) fn texts(
        path: impl Into<String>,
        code: Code,
        texts: &'static Texts,
        params: Map<String, Value>,
    ) -> Self {
        Issue {
            path: path.into(),
            code,
            keyword: None,
            message: crate::messages::fill(crate::messages::text_in(texts, Locale::En), &params),
            params,
            value: None,
            source: Source(Some(texts)),
        }
    }

    /// The message written again in `locale` (an issue made by
    /// [`Issue::new`] keeps its own).
    pub(crate) fn localize(&mut self, locale: Locale) {
        if let Source(Some(texts)) = self.source {
            self.message = crate::messages::fill(crate::messages::text_in(texts, locale), &self.params);
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
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
    #[cfg_attr(feature = "schemars", schemars(with = "Omitted"))]
    pub omitted: Option<Omitted>,
}

impl Report {
    /// Every message written in `locale`.
    pub(crate) fn localize(&mut self, locale: Locale) {
        if locale != Locale::En {
            self.errors
                .iter_mut()
                .chain(&mut self.warnings)
                .for_each(|i| i.localize(locale));
        }
    }
}

/// Issues beyond `max_issues`, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Omitted {
    /// Errors not listed.
    pub errors: usize,
    /// Warnings not listed.
    pub warnings: usize,
}
