#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod check;
mod completeness;
pub mod documents;
mod options;
pub mod phone;
pub mod report;
mod time;
mod validate;

pub use check::{check, Change, Outcome};
pub use completeness::{completeness, label, Completeness, Invalid, Missing, SUB_REQUEST_FORM_ORDER};
pub use documents::{Kind, UnknownKind, KINDS};
pub use options::{Options, PhoneLevel};
pub use phone::{normalize, NormalizedNumber, NumberType, PhoneError};
pub use report::{Issue, Report};
pub use time::{InvalidTimestamp, Timestamp};
pub use validate::validate;
