//! The one options struct every entry point takes (ARCHITECTURE.md, Conventions).

use serde::{Deserialize, Serialize};

use crate::limits::Limits;
use crate::locale::Locale;
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
    /// Limits on documents and reports.
    pub limits: Limits,
    /// The language of messages, labels and reasons (`en`, `fr`, `es`,
    /// `de`, `nl`; a tag such as `fr-CA` reads as its language). Kazoo's
    /// error body keeps Kazoo's own English strings.
    pub locale: Locale,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            default_region: "US".to_string(),
            phone_level: PhoneLevel::Valid,
            now: None,
            order_country: None,
            lenient_types: false,
            limits: Limits::default(),
            locale: Locale::En,
        }
    }
}

/// A builder: `Options::new().region("DE").phone_level(PhoneLevel::Possible).locale(Locale::De)`.
/// `Options` is `#[non_exhaustive]` (a new option is no breaking change), so
/// outside the crate it is built this way, or from the defaults and then
/// assigned field by field.
impl Options {
    /// The defaults (the same as `Options::default()`).
    pub fn new() -> Self {
        Options::default()
    }

    /// The defaults with another default region.
    pub fn with_region(region: impl Into<String>) -> Self {
        Options::new().region(region)
    }

    /// Region for numbers written in national form (`ZZ`: none).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.default_region = region.into();
        self
    }

    /// `Valid` (metadata validity) or `Possible` (length only).
    pub fn phone_level(mut self, level: PhoneLevel) -> Self {
        self.phone_level = level;
        self
    }

    /// The current time for date rules.
    pub fn now(mut self, now: Timestamp) -> Self {
        self.now = Some(now);
        self
    }

    /// Country of a CM.com order.
    pub fn order_country(mut self, country: impl Into<String>) -> Self {
        self.order_country = Some(country.into());
        self
    }

    /// Accept `"true"`/`"42"` for booleans/numbers, with a warning.
    pub fn lenient_types(mut self, lenient: bool) -> Self {
        self.lenient_types = lenient;
        self
    }

    /// Limits on documents and reports.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The language of messages, labels and reasons.
    pub fn locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }
}

/// Options that could not be read: `unknown_option` (a key that is not an
/// option) or `invalid_option` (a value of the wrong type or form).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OptionError {
    /// The options are not an object (`invalid_option`).
    NotAnObject,
    /// A key that is not an option (`unknown_option`).
    UnknownOption(String),
    /// A key of `limits` that is not a limit (`unknown_option`).
    UnknownLimit(String),
    /// A `locale` telschema has no messages in (`unknown_option`).
    UnknownLocale(String),
    /// A value of the wrong type or form, with serde's description of it
    /// (`invalid_option`).
    InvalidValue(String),
}

impl OptionError {
    /// Stable code: `unknown_option` or `invalid_option`.
    pub fn code(&self) -> &'static str {
        match self {
            OptionError::UnknownOption(_) | OptionError::UnknownLimit(_) | OptionError::UnknownLocale(_) => {
                "unknown_option"
            }
            OptionError::NotAnObject | OptionError::InvalidValue(_) => "invalid_option",
        }
    }
}

/// The option keys of the JSON form.
pub(crate) const KEYS: [&str; 7] = [
    "defaultRegion",
    "phoneLevel",
    "now",
    "orderCountry",
    "lenientTypes",
    "limits",
    "locale",
];
/// The keys of `limits` in the JSON form.
pub(crate) const LIMITS: [&str; 5] = [
    "maxDocumentBytes",
    "maxDepth",
    "maxStringLength",
    "maxArrayLength",
    "maxIssues",
];

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionError::NotAnObject => f.write_str("Options must be an object."),
            OptionError::UnknownOption(k) => write!(f, "Unknown option {k:?}; the options are {}.", KEYS.join(", ")),
            OptionError::UnknownLimit(k) => {
                write!(f, "Unknown option limits.{k}; the limits are {}.", LIMITS.join(", "))
            }
            OptionError::UnknownLocale(l) => write!(f, "{}", crate::locale::UnknownLocale(l.clone())),
            OptionError::InvalidValue(e) => write!(f, "Invalid options: {e}."),
        }
    }
}

impl std::error::Error for OptionError {}

impl Options {
    /// Reads options from their JSON form (the JavaScript keys:
    /// `defaultRegion`, `phoneLevel`, `now`, `orderCountry`, `lenientTypes`,
    /// `limits`, `locale`);
    /// `null` gives the defaults.
    pub fn from_json_value(value: &serde_json::Value) -> Result<Options, OptionError> {
        if value.is_null() {
            return Ok(Options::default());
        }
        let serde_json::Value::Object(map) = value else {
            return Err(OptionError::NotAnObject);
        };
        if let Some(k) = map.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(OptionError::UnknownOption(k.clone()));
        }
        if let Some(serde_json::Value::Object(limits)) = map.get("limits") {
            if let Some(k) = limits.keys().find(|k| !LIMITS.contains(&k.as_str())) {
                return Err(OptionError::UnknownLimit(k.clone()));
            }
        }
        if let Some(serde_json::Value::String(tag)) = map.get("locale") {
            if Locale::parse(tag).is_none() {
                return Err(OptionError::UnknownLocale(tag.clone()));
            }
        }
        crate::value_de::from_value::<Options>(value).map_err(|e| OptionError::InvalidValue(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_builder_sets_each_option() {
        let o = Options::new()
            .region("DE")
            .phone_level(PhoneLevel::Possible)
            .order_country("NL")
            .lenient_types(true)
            .locale(Locale::De);
        assert_eq!(
            o,
            Options {
                default_region: "DE".into(),
                phone_level: PhoneLevel::Possible,
                order_country: Some("NL".into()),
                lenient_types: true,
                locale: Locale::De,
                ..Options::default()
            }
        );
        assert_eq!(Options::new(), Options::default());
    }

    #[test]
    fn options_from_json_take_the_javascript_keys_and_refuse_unknown_ones() {
        let o = Options::from_json_value(
            &json!({"defaultRegion": "GB", "phoneLevel": "possible", "now": "2026-11-28T00:00:00Z"}),
        )
        .unwrap();
        assert_eq!(o.default_region, "GB");
        assert_eq!(o.phone_level, PhoneLevel::Possible);
        assert!(o.now.is_some());
        assert_eq!(Options::from_json_value(&json!(null)).unwrap(), Options::default());
        let e = Options::from_json_value(&json!({"region": "GB"})).unwrap_err();
        assert_eq!(e, OptionError::UnknownOption("region".into()));
        assert_eq!(e.code(), "unknown_option");
        assert_eq!(
            e.to_string(),
            "Unknown option \"region\"; the options are defaultRegion, phoneLevel, now, orderCountry, lenientTypes, limits, locale."
        );
        let o = Options::from_json_value(&json!({"locale": "fr-CA"})).unwrap();
        assert_eq!(o.locale, Locale::Fr);
        let e = Options::from_json_value(&json!({"locale": "pt"})).unwrap_err();
        assert_eq!(
            (e.code(), e.to_string().as_str()),
            (
                "unknown_option",
                "Unknown locale \"pt\"; the locales are en, fr, es, de, nl."
            )
        );
        assert_eq!(
            Options::from_json_value(&json!({"locale": 3})).unwrap_err().code(),
            "invalid_option"
        );
        let e = Options::from_json_value(&json!({"limits": {"maxBytes": 1}})).unwrap_err();
        assert_eq!(
            (e.code(), e),
            ("unknown_option", OptionError::UnknownLimit("maxBytes".into()))
        );
        assert_eq!(
            Options::from_json_value(&json!({"now": "yesterday"}))
                .unwrap_err()
                .code(),
            "invalid_option"
        );
        assert_eq!(
            Options::from_json_value(&json!({"phoneLevel": "valid!"}))
                .unwrap_err()
                .code(),
            "invalid_option"
        );
        assert_eq!(
            Options::from_json_value(&json!("US")).unwrap_err().code(),
            "invalid_option"
        );
        assert_eq!(Options::from_json_value(&json!("US")), Err(OptionError::NotAnObject));
        assert!(matches!(
            Options::from_json_value(&json!({"now": "yesterday"})),
            Err(OptionError::InvalidValue(m)) if m.contains("yesterday")
        ));
    }
}
