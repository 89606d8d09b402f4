//! Example numbers and the region list, for placeholders and country
//! selectors, from the same compiled metadata.

use serde::{Deserialize, Serialize};

use super::tables::{self, Territory};
use super::{normalize, NormalizedNumber, NumberType};
use crate::Options;

/// What a country selector needs to know about one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct RegionInfo {
    /// ISO 3166-1 alpha-2 code (`US`).
    pub region: String,
    /// Country calling code (`1`).
    pub calling_code: u16,
    /// National (trunk) prefix (`0`, `1` in NANP), if the region has one.
    pub national_prefix: Option<String>,
    /// The international prefix as the metadata writes it: a pattern where
    /// a region has several (`0(?:0|1[0-9])`), else the digits.
    pub international_prefix: Option<String>,
    /// The international prefix one dials, as out-of-country formatting
    /// writes it: the metadata's `preferredInternationalPrefix` (`8~10` in
    /// Russia), else `international_prefix` when that is a single prefix;
    /// `None` where there are several and none is preferred.
    pub dialling_prefix: Option<String>,
    /// Possible lengths of a national significant number, ascending.
    pub possible_lengths: Vec<u8>,
}

/// Every region the metadata knows, sorted by code (non-geographic entities,
/// which have no region, are not listed). Names are left to the platform
/// (`Intl.DisplayNames` in browsers).
pub fn regions() -> Vec<RegionInfo> {
    tables::REGIONS
        .iter()
        .filter_map(|&(id, i)| tables::territory(i).map(|t| info(id, t)))
        .collect()
}

fn info(id: &str, t: &Territory) -> RegionInfo {
    RegionInfo {
        region: id.to_string(),
        calling_code: t.country_code,
        national_prefix: t.national_prefix.map(str::to_string),
        international_prefix: t.international_prefix_text.map(str::to_string),
        dialling_prefix: t.dialling_prefix.map(str::to_string),
        possible_lengths: (0u8..32).filter(|&l| t.general.lengths & (1 << l) != 0).collect(),
    }
}

/// The metadata's example number of a type in a region (`None` for the
/// type: fixed line, as libphonenumber's `getExampleNumber`), read as
/// `normalize` reads it in that region. `None` for an unknown region or
/// where the metadata has no example (`Unknown` never has one).
pub fn example_number(region: &str, number_type: Option<NumberType>) -> Option<NormalizedNumber> {
    let code = region.trim().to_ascii_uppercase();
    let t = tables::region(&code)?;
    // getNumberDescByType: FixedLineOrMobile reads the fixed-line description.
    let index = match number_type.unwrap_or(NumberType::FixedLine) {
        NumberType::FixedLine | NumberType::FixedLineOrMobile => 0,
        NumberType::Mobile => 1,
        NumberType::TollFree => 2,
        NumberType::PremiumRate => 3,
        NumberType::SharedCost => 4,
        NumberType::PersonalNumber => 5,
        NumberType::Voip => 6,
        NumberType::Pager => 7,
        NumberType::Uan => 8,
        NumberType::Voicemail => 9,
        NumberType::Unknown => return None,
    };
    let example = (*t.examples.get(index)?)?;
    normalize(example, &Options::with_region(code)).ok()
}
