//! Short and emergency numbers: libphonenumber's `ShortNumberInfo` over
//! `ShortNumberMetadata.xml`, which `build.rs` compiles into
//! [`SHORT_TERRITORIES`](super::tables::SHORT_TERRITORIES).
//!
//! ```
//! use telschema::phone;
//!
//! assert!(phone::is_emergency_number("911", "US"));
//! assert!(phone::is_emergency_number("999", "GB"));
//! assert!(!phone::is_emergency_number("999", "US"));
//! let info = phone::short_number_info("611", "US").unwrap();
//! assert!(info.valid && info.carrier_specific && !info.emergency);
//! ```

use serde::{Deserialize, Serialize};

use super::tables::{self, Desc, SHORT_TERRITORIES};
use super::{default_territory, matcher, normalize, text, NormalizedNumber, PhoneError};
use crate::Options;

/// One territory of the short-number metadata.
#[derive(Debug)]
pub(crate) struct ShortTerritory {
    pub id: &'static str,
    /// The general pattern; its lengths are the short code's, as
    /// `BuildMetadataFromXml` sets them for short numbers.
    pub general: Desc,
    /// shortCode, tollFree, standardRate, premiumRate, carrierSpecific,
    /// emergency, smsServices; `None` where the territory has none.
    pub descs: [Option<Desc>; 7],
}

const SHORT_CODE: usize = 0;
const TOLL_FREE: usize = 1;
const STANDARD_RATE: usize = 2;
const PREMIUM_RATE: usize = 3;
const CARRIER_SPECIFIC: usize = 4;
/// The place of the emergency description in `ShortTerritory::descs`.
pub(crate) const EMERGENCY: usize = 5;
const SMS_SERVICES: usize = 6;

/// `REGIONS_WHERE_EMERGENCY_NUMBERS_MUST_BE_EXACT`: extra digits after an
/// emergency number no longer connect to it there.
const EXACT_EMERGENCY_REGIONS: [&str; 3] = ["BR", "CL", "NI"];

/// What calling a short number costs, as libphonenumber's `ShortNumberCost`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShortNumberCost {
    /// Free for the caller (emergency numbers are).
    TollFree,
    /// Charged at the normal rate.
    StandardRate,
    /// Charged above the normal rate.
    PremiumRate,
    /// Not known (also for a number that is not a short number of the region).
    UnknownCost,
}

impl ShortNumberCost {
    /// The snake_case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TollFree => "toll_free",
            Self::StandardRate => "standard_rate",
            Self::PremiumRate => "premium_rate",
            Self::UnknownCost => "unknown_cost",
        }
    }
}

/// What the short-number metadata says of a number dialled in a region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ShortNumberInfo {
    /// `isValidShortNumberForRegion`: a short code of the region.
    pub valid: bool,
    /// `isPossibleShortNumberForRegion`: a length the region's short codes have.
    pub possible: bool,
    /// `isEmergencyNumber`: exactly an emergency number of the region.
    pub emergency: bool,
    /// `connectsToEmergencyNumber`: an emergency number, or one followed by
    /// more digits where the region still connects it (not BR, CL, NI).
    pub connects_to_emergency: bool,
    /// `getExpectedCostForRegion`.
    pub cost: ShortNumberCost,
    /// `isCarrierSpecificForRegion`: reaches a different place (or nothing)
    /// depending on the caller's carrier.
    pub carrier_specific: bool,
    /// `isSmsServiceForRegion`: meant for text messages.
    pub sms_service: bool,
}

fn short_territory(region: &str) -> Option<&'static ShortTerritory> {
    SHORT_TERRITORIES
        .binary_search_by(|t| t.id.cmp(region))
        .ok()
        .and_then(|i| SHORT_TERRITORIES.get(i))
}

fn has_length(d: &Desc, len: usize) -> bool {
    len < 32 && d.lengths & (1 << len) != 0
}

/// `matchesPossibleNumberAndNationalNumber`: the length (when the
/// description lists lengths) and the whole pattern.
fn matches_desc(nsn: &str, d: Option<&Desc>) -> bool {
    d.is_some_and(|d| (d.lengths == 0 || has_length(d, nsn.len())) && matcher::matches(d.pattern(), nsn.as_bytes()))
}

/// `matchesEmergencyNumberHelper`.
fn emergency_helper(text: &str, region: &str, allow_prefix: bool) -> bool {
    let region = region.trim().to_ascii_uppercase();
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    let possible = text::extract_possible_number(&chars);
    if possible.first().copied().is_some_and(text::is_plus) {
        return false;
    }
    let Some(d) = short_territory(&region)
        .and_then(|t| t.descs.get(EMERGENCY))
        .and_then(Option::as_ref)
    else {
        return false;
    };
    // normalizeDigitsOnly: every decimal digit by its value, nothing else.
    let digits: String = possible
        .iter()
        .filter_map(|&c| tables::decimal_digit(c))
        .map(|d| char::from(b'0' + d))
        .collect();
    if allow_prefix && !EXACT_EMERGENCY_REGIONS.contains(&region.as_str()) {
        matcher::looking_at(d.pattern(), digits.as_bytes()).is_some()
    } else {
        matcher::matches(d.pattern(), digits.as_bytes())
    }
}

/// Whether `text`, dialled in `region`, is exactly one of its emergency
/// numbers (libphonenumber's `isEmergencyNumber`: a number written with `+`
/// never is; an unknown region has none).
pub fn is_emergency_number(text: &str, region: &str) -> bool {
    emergency_helper(text, region, false)
}

/// Whether `text`, dialled in `region`, reaches an emergency service: an
/// emergency number, or one with digits after it except in BR, CL and NI
/// (libphonenumber's `connectsToEmergencyNumber`).
pub fn connects_to_emergency_number(text: &str, region: &str) -> bool {
    emergency_helper(text, region, true)
}

/// A number read in its region, as the `…ForRegion` methods see it: the
/// national significant number, when the number's country code is the
/// region's (`regionDialingFromMatchesNumber`) and the region has
/// short-number metadata.
fn for_region<'a>(n: &'a NormalizedNumber, region: &str) -> Option<(&'a str, &'static ShortTerritory)> {
    let ids = tables::by_code(u32::from(n.country_code))?;
    let matches_number = ids.iter().filter_map(|&i| tables::territory(i)).any(|t| t.id == region);
    matches_number
        .then(|| short_territory(region))
        .flatten()
        .map(|t| (n.national_number.as_str(), t))
}

fn valid_for_region(nsn: &str, t: &ShortTerritory) -> bool {
    matches_desc(nsn, Some(&t.general)) && matches_desc(nsn, t.descs.get(SHORT_CODE).and_then(Option::as_ref))
}

fn cost_for_region(nsn: &str, t: &ShortTerritory) -> ShortNumberCost {
    let d = |i: usize| t.descs.get(i).and_then(Option::as_ref);
    if !has_length(&t.general, nsn.len()) {
        ShortNumberCost::UnknownCost
    } else if matches_desc(nsn, d(PREMIUM_RATE)) {
        ShortNumberCost::PremiumRate
    } else if matches_desc(nsn, d(STANDARD_RATE)) {
        ShortNumberCost::StandardRate
    } else if matches_desc(nsn, d(TOLL_FREE)) || is_emergency_number(nsn, t.id) {
        ShortNumberCost::TollFree
    } else {
        ShortNumberCost::UnknownCost
    }
}

fn info_of(text: &str, region: &str, n: Option<&NormalizedNumber>) -> ShortNumberInfo {
    let read = n.and_then(|n| for_region(n, region));
    let desc = |i: usize| read.is_some_and(|(nsn, t)| matches_desc(nsn, t.descs.get(i).and_then(Option::as_ref)));
    ShortNumberInfo {
        valid: read.is_some_and(|(nsn, t)| valid_for_region(nsn, t)),
        possible: read.is_some_and(|(nsn, t)| has_length(&t.general, nsn.len())),
        emergency: is_emergency_number(text, region),
        connects_to_emergency: connects_to_emergency_number(text, region),
        cost: read.map_or(ShortNumberCost::UnknownCost, |(nsn, t)| cost_for_region(nsn, t)),
        carrier_specific: desc(CARRIER_SPECIFIC),
        sms_service: desc(SMS_SERVICES),
    }
}

/// Everything the short-number metadata says of `text` dialled in `region`
/// (libphonenumber's `ShortNumberInfo` methods `…ForRegion`, on the number
/// as `normalize` reads it in that region; a text that does not read as a
/// number is no short number, though it may still be an emergency number).
/// `Err` only for a region code the metadata does not know.
pub fn short_number_info(text: &str, region: &str) -> Result<ShortNumberInfo, PhoneError> {
    default_territory(region)?;
    let region = region.trim().to_ascii_uppercase();
    let n = normalize(text, &Options::with_region(region.as_str())).ok();
    Ok(info_of(text, &region, n.as_ref()))
}

/// Whether `text` dialled in `region` is one of its short codes
/// (`isValidShortNumberForRegion`); `false` for an unknown region.
pub fn is_valid_short_number(text: &str, region: &str) -> bool {
    short_number_info(text, region).is_ok_and(|i| i.valid)
}

/// What dialling `text` in `region` costs (`getExpectedCostForRegion`).
pub fn short_number_cost(text: &str, region: &str) -> ShortNumberCost {
    short_number_info(text, region).map_or(ShortNumberCost::UnknownCost, |i| i.cost)
}

/// For a phone field: a number that is not a valid full number but an
/// emergency number or a short code of its own region gets this code and
/// message instead of "not possible" or "invalid".
pub(crate) fn field_problem(n: &NormalizedNumber) -> Option<ShortProblem> {
    if n.valid {
        return None;
    }
    let region = n.region.as_deref()?;
    let (nsn, t) = for_region(n, region)?;
    let emergency = is_emergency_number(nsn, region);
    (emergency || valid_for_region(nsn, t)).then(|| ShortProblem {
        emergency,
        number: nsn.to_string(),
        region: region.to_string(),
    })
}

/// What a phone field holds instead of a full number: an emergency number
/// or a short code of `region` (the national digits in `number`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShortProblem {
    pub emergency: bool,
    pub number: String,
    pub region: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emergency_numbers_by_region() {
        for (text, region) in [
            ("911", "US"),
            ("112", "US"),
            ("999", "GB"),
            ("112", "DE"),
            ("000", "AU"),
            ("110", "DE"),
        ] {
            assert!(is_emergency_number(text, region), "{text} {region}");
        }
        for (text, region) in [
            ("999", "US"),
            ("+1 911", "US"),
            ("9111", "US"),
            ("911", "ZZ"),
            ("911", "XX"),
        ] {
            assert!(!is_emergency_number(text, region), "{text} {region}");
        }
        // Prefix matches connect, except where the metadata's users say not.
        assert!(connects_to_emergency_number("9111", "US"));
        assert!(connects_to_emergency_number("190", "BR"));
        assert!(!connects_to_emergency_number("1901", "BR"));
        // normalizeDigitsOnly: punctuation and full-width digits.
        assert!(is_emergency_number("9-1-1", "US"));
        assert!(is_emergency_number("\u{FF19}\u{FF11}\u{FF11}", "US"));
    }

    #[test]
    fn short_codes_and_costs() {
        let i = short_number_info("611", "US").unwrap();
        assert!(i.valid && i.possible && i.carrier_specific && !i.emergency);
        assert_eq!(i.cost, ShortNumberCost::TollFree);
        let i = short_number_info("911", "US").unwrap();
        assert!(i.valid && i.emergency && i.connects_to_emergency);
        assert_eq!(i.cost, ShortNumberCost::TollFree);
        assert_eq!(short_number_cost("24280", "US"), ShortNumberCost::PremiumRate);
        assert_eq!(short_number_cost("23333", "US"), ShortNumberCost::StandardRate);
        assert!(short_number_info("20000", "US").unwrap().sms_service);
        // Another region's number is no short number of this one.
        assert!(!is_valid_short_number("+44 999", "US"));
        assert!(is_valid_short_number("+44 999", "GB"));
        assert!(!is_valid_short_number("3125550100", "US"));
        assert_eq!(short_number_info("911", "XX").unwrap_err().code(), "unknown_region");
        assert!(short_number_info("911", "us").unwrap().emergency);
    }

    #[test]
    fn field_problems() {
        let us = Options::default();
        let n = normalize("911", &us).unwrap();
        assert_eq!(field_problem(&n).map(|p| p.emergency), Some(true));
        let n = normalize("611", &us).unwrap();
        assert_eq!(field_problem(&n).map(|p| p.emergency), Some(false));
        let n = normalize("3125354200", &us).unwrap();
        assert_eq!(field_problem(&n), None);
        let n = normalize("+44 999", &us).unwrap();
        assert_eq!(field_problem(&n).map(|p| p.emergency), Some(true));
    }

    #[test]
    fn every_territory_is_sorted_and_known() {
        assert!(SHORT_TERRITORIES
            .windows(2)
            .all(|w| w.first().map(|a| a.id) < w.get(1).map(|b| b.id)));
        assert!(SHORT_TERRITORIES.len() > 200);
        for t in SHORT_TERRITORIES.iter() {
            assert!(
                tables::region(t.id).is_some(),
                "{} has short numbers but no region",
                t.id
            );
        }
    }
}
