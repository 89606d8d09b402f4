#![doc = include_str!("../README.md")]
// No unsafe code of ours; only wasm-bindgen's generated export shims (src/wasm.rs).
#![deny(unsafe_code)]
// No panic paths outside tests (a justified `allow` where one is impossible).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)
)]

mod check;
mod code;
mod coerce;
mod completeness;
pub mod documents;
mod error;
pub mod json;
mod kazoo;
mod kind;
mod limits;
mod locale;
pub mod messages;
mod options;
pub mod phone;
mod pointer;
pub mod report;
mod schema;
mod time;
mod validate;
#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)]
mod wasm;

pub use check::{check, check_str, Outcome};
pub use code::{Code, Severity, UnknownCode};
pub use coerce::Change;
pub use completeness::{completeness, label, Completeness, Invalid, Missing};
pub use documents::{
    fields, fields_in, kind_for, resolve_kind, Field, Kind, KindError, Need, UnknownKind, KINDS, SUB_REQUEST_FORM_ORDER,
};
pub use error::Error;
pub use limits::Limits;
pub use locale::{Locale, UnknownLocale};
pub use messages::Message;
pub use options::{OptionError, Options, PhoneLevel};
pub use phone::{normalize, NormalizedNumber, NumberType, PhoneError};
pub use report::{Issue, Omitted, Report};
pub use time::{InvalidTimestamp, Timestamp};
pub use validate::{validate, validate_str};
