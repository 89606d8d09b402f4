//! The string patterns of our schemas, each declared once with the message a
//! form shows when a value does not match it. The schema types use the
//! constants (`#[cfg_attr(feature = "schemars", schemars(regex(pattern = E164)))]`); the interpreter knows
//! no pattern, and `validate` puts these messages on its `pattern` issues.

use crate::messages::Message;

/// E.164 as Telnyx takes it.
pub const E164: &str = r"^\+[1-9]\d{1,14}$";
/// RFC 3339 date-time, paired with `format: date-time`.
pub const DATE_TIME: &str = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$";
/// Two ASCII letters (an ISO country or subdivision code).
pub const TWO_LETTERS: &str = "^[A-Za-z]{2}$";
/// An absolute http(s) URL, paired with `format: uri`.
pub const HTTP_URL: &str = "^https?://";
/// A UUID, paired with `format: uuid`.
pub const UUID: &str = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// Every pattern with its message (the catalog's, `src/messages.rs`).
pub const PATTERNS: [(&str, Message); 5] = [
    (E164, Message::PatternE164),
    (DATE_TIME, Message::PatternDateTime),
    (TWO_LETTERS, Message::PatternTwoLetters),
    (HTTP_URL, Message::PatternHttpUrl),
    (UUID, Message::PatternUuid),
];

/// The message for a value that does not match `pattern`.
pub(crate) fn message(pattern: &str) -> Message {
    PATTERNS
        .iter()
        .find(|(p, _)| *p == pattern)
        .map_or(Message::PatternOther, |(_, m)| *m)
}
