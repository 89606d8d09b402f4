#![doc = include_str!("../README.md")]
// No unsafe code of ours; only wasm-bindgen's generated export shims (src/wasm.rs).
#![deny(unsafe_code)]
// No panic paths outside tests (a justified `allow` where one is impossible).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)
)]
// Without the documents (the phone-only build), the crate-internal helpers
// that only they call (json::read, limits::cut, …) are unused, not wrong.
#![cfg_attr(not(feature = "documents"), allow(dead_code, unused_imports))]

#[cfg(feature = "documents")]
mod check;
mod code;
#[cfg(feature = "documents")]
mod coerce;
#[cfg(feature = "documents")]
mod completeness;
#[cfg(feature = "documents")]
pub mod documents;
#[cfg(feature = "documents")]
mod error;
pub mod json;
#[cfg(feature = "documents")]
mod kazoo;
mod kind;
mod limits;
mod locale;
pub mod messages;
mod options;
pub mod phone;
mod pointer;
pub mod report;
// toKazooError's reader of a report (the WebAssembly build; tested natively).
#[cfg(all(feature = "documents", any(target_arch = "wasm32", test)))]
mod report_read;
#[cfg(feature = "documents")]
mod schema;
#[cfg(feature = "documents")]
mod sort;
mod time;
#[cfg(feature = "documents")]
mod validate;
mod value_de;
#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)]
mod wasm;

#[cfg(feature = "documents")]
pub use check::{check, check_str, Outcome};
pub use code::{Code, Severity, UnknownCode};
#[cfg(feature = "documents")]
pub use coerce::Change;
#[cfg(feature = "documents")]
pub use completeness::{completeness, label, Completeness, Invalid, Missing};
#[cfg(feature = "documents")]
pub use documents::{
    fields, fields_in, kind_for, resolve_kind, Field, Kind, KindError, Need, UnknownKind, KINDS, SUB_REQUEST_FORM_ORDER,
};
#[cfg(feature = "documents")]
pub use error::Error;
pub use limits::Limits;
pub use locale::{Locale, UnknownLocale};
pub use messages::Message;
pub use options::{OptionError, Options, PhoneLevel};
pub use phone::{normalize, NormalizedNumber, NumberType, PhoneError};
pub use report::{Issue, Omitted, Report};
pub use time::{InvalidTimestamp, Timestamp};
#[cfg(feature = "documents")]
pub use validate::{validate, validate_str};
