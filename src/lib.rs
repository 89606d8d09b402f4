#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod options;
pub mod phone;

pub use options::Options;
pub use phone::{normalize, NormalizedNumber, NumberType, PhoneError};
