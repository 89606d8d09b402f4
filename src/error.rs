//! One error type for callers that use several entry points: each concern
//! keeps its own enum (the function's signature says exactly what can go
//! wrong, and a `match` on it is complete), and [`Error`] wraps them all, so
//! `?` works across them. Every one has `code()`, the stable snake_case
//! string the CLI and JavaScript show (README, Codes), and its Display is
//! the message they show.
//!
//! This module depends on the others and nothing depends on it, so it adds
//! no cycle among the top-level modules (ARCHITECTURE.md).

use std::fmt;

use crate::documents::{KindError, UnknownKind};
use crate::json::JsonError;
use crate::options::OptionError;
use crate::phone::PhoneError;
use crate::time::InvalidTimestamp;

/// Any error a telschema function returns.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The kind could not be named (`unknown_kind`, `ambiguous_kind`).
    Kind(KindError),
    /// Options could not be read (`unknown_option`, `invalid_option`).
    Option(OptionError),
    /// Text is not a document (`invalid_json`, `duplicate_key`, `limit_exceeded`).
    Json(JsonError),
    /// No E.164 could be produced (`empty`, `not_a_number`, …).
    Phone(PhoneError),
    /// Not an RFC 3339 date-time (`invalid_timestamp`).
    Timestamp(InvalidTimestamp),
}

impl Error {
    /// The stable code of the wrapped error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Kind(e) => e.code(),
            Error::Option(e) => e.code(),
            Error::Json(e) => e.code(),
            Error::Phone(e) => e.code(),
            Error::Timestamp(e) => e.code(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Kind(e) => e.fmt(f),
            Error::Option(e) => e.fmt(f),
            Error::Json(e) => e.fmt(f),
            Error::Phone(e) => e.fmt(f),
            Error::Timestamp(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Kind(e) => Some(e),
            Error::Option(e) => Some(e),
            Error::Json(e) => Some(e),
            Error::Phone(e) => Some(e),
            Error::Timestamp(e) => Some(e),
        }
    }
}

impl From<KindError> for Error {
    fn from(e: KindError) -> Self {
        Error::Kind(e)
    }
}

impl From<UnknownKind> for Error {
    fn from(e: UnknownKind) -> Self {
        Error::Kind(e.into())
    }
}

impl From<OptionError> for Error {
    fn from(e: OptionError) -> Self {
        Error::Option(e)
    }
}

impl From<JsonError> for Error {
    fn from(e: JsonError) -> Self {
        Error::Json(e)
    }
}

impl From<PhoneError> for Error {
    fn from(e: PhoneError) -> Self {
        Error::Phone(e)
    }
}

impl From<InvalidTimestamp> for Error {
    fn from(e: InvalidTimestamp) -> Self {
        Error::Timestamp(e)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::{kind_for, normalize, Limits, Options};

    /// Parse, name the kind and normalize with one `?`.
    fn first_number(text: &str, options: &str) -> Result<String, Error> {
        let options = Options::from_json_value(&crate::json::parse(options.as_bytes(), &Limits::default())?)?;
        let doc = crate::json::parse(text.as_bytes(), &options.limits)?;
        kind_for("number_collection", &doc)?;
        let first = doc["numbers"][0].as_str().unwrap_or_default();
        Ok(normalize(first, &options)?.e164)
    }

    #[test]
    fn one_error_type_keeps_each_code_message_and_source() {
        assert_eq!(
            first_number(r#"{"numbers": ["312 535 4200"]}"#, "{}"),
            Ok("+13125354200".into())
        );
        let cases = [
            (first_number("{", "{}"), "invalid_json"),
            (first_number(r#"{"a": 1, "a": 2}"#, "{}"), "duplicate_key"),
            (first_number("{}", r#"{"region": "GB"}"#), "unknown_option"),
            (first_number("{}", r#"{"now": "soon"}"#), "invalid_option"),
            (first_number(r#"{"numbers": ["abc"]}"#, "{}"), "not_a_number"),
            (first_number(r#"{"numbers": [""]}"#, "{}"), "empty"),
        ];
        for (result, code) in cases {
            let e = result.unwrap_err();
            assert_eq!(e.code(), code, "{e}");
            let source = std::error::Error::source(&e).map(ToString::to_string);
            assert_eq!(source, Some(e.to_string()));
        }
        let e: Error = kind_for("e912", &json!({})).unwrap_err().into();
        assert!(matches!(e, Error::Kind(KindError::UnknownName(_))));
        assert_eq!(e.code(), "unknown_kind");
        let e: Error = "yesterday".parse::<crate::Timestamp>().unwrap_err().into();
        assert_eq!(
            (e.code(), matches!(e, Error::Timestamp(_))),
            ("invalid_timestamp", true)
        );
        assert!(
            e.to_string().contains("\"yesterday\" is not an RFC 3339 date-time"),
            "{e}"
        );
    }
}
