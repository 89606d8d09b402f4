//! Classifiers other systems put on a number: Kazoo's number classifiers and
//! Telnyx's coverage category.

use serde::{Deserialize, Serialize};

use super::NumberType;

/// Telnyx's `coverage_category`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CoverageCategory {
    /// A +1 number that is not toll free.
    NanpGeneric,
    /// A +1 toll-free number.
    NanpTollFree,
    /// Any other valid number.
    International,
    /// Not a valid number.
    Invalid,
}

impl CoverageCategory {
    /// The snake_case name, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NanpGeneric => "nanp_generic",
            Self::NanpTollFree => "nanp_toll_free",
            Self::International => "international",
            Self::Invalid => "invalid",
        }
    }
}

/// ARCHITECTURE.md, Phone numbers: `invalid` if not valid; `nanp_toll_free` for +1 toll
/// free; `nanp_generic` for other +1; else `international`.
pub fn telnyx_coverage(country_code: u32, number_type: NumberType, valid: bool) -> CoverageCategory {
    match (valid, country_code, number_type) {
        (false, _, _) => CoverageCategory::Invalid,
        (true, 1, NumberType::TollFree) => CoverageCategory::NanpTollFree,
        (true, 1, _) => CoverageCategory::NanpGeneric,
        _ => CoverageCategory::International,
    }
}

const CARIBBEAN: [&str; 26] = [
    "684", "264", "268", "242", "246", "441", "284", "345", "767", "809", "829", "849", "473", "671", "876", "664",
    "670", "787", "939", "869", "758", "784", "721", "868", "649", "340",
];
const TOLL_FREE: [&str; 7] = ["800", "877", "866", "855", "844", "833", "822"];

fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// Kazoo's number classifier for a number (first match wins), the regexes of
/// the reference table written out, except `emergency`: Kazoo's default list
/// (`911|922|933|833|811|711|999`) is a hand list, so here it is a number of
/// digits only that the short-number metadata calls an emergency number of
/// the US (112, 911; README, "Short and emergency numbers").
/// [`normalize`](super::normalize) sets `emergency` for an emergency number
/// of the default region written in national form.
pub fn kazoo_classifier(number: &str) -> &'static str {
    let nanp10 = |rest: &str| rest.len() == 10 && digits(rest);
    // tollfree_us: ^\+1((?:800|88\d|877|866|855|844|833|822)\d{7})$
    if let Some(rest) = number.strip_prefix("+1") {
        if nanp10(rest) && (TOLL_FREE.iter().any(|p| rest.starts_with(p)) || rest.starts_with("88")) {
            return "tollfree_us";
        }
        // toll_us: ^\+1(900\d{7})$
        if nanp10(rest) && rest.starts_with("900") {
            return "toll_us";
        }
    }
    // emergency: Kazoo's ^(911|922|933|833|811|711|999)$, from the metadata.
    if !number.is_empty() && digits(number) && super::is_emergency_number(number, "US") {
        return "emergency";
    }
    // caribbean: ^\+?1((?:684|…|340)\d{7})$
    let plus_opt = number.strip_prefix('+').unwrap_or(number);
    if let Some(rest) = plus_opt.strip_prefix('1') {
        if nanp10(rest) && CARIBBEAN.iter().any(|p| rest.starts_with(p)) {
            return "caribbean";
        }
    }
    // did_us: ^(\+?1)?([2-9][0-9]{2}[2-9][0-9]{6})$
    let nanp_did = |s: &str| {
        let b = s.as_bytes();
        s.len() == 10 && digits(s) && matches!(b.first(), Some(b'2'..=b'9')) && matches!(b.get(3), Some(b'2'..=b'9'))
    };
    if nanp_did(number) || nanp_did(plus_opt) || plus_opt.strip_prefix('1').is_some_and(nanp_did) {
        return "did_us";
    }
    // international: ^\+([2-9]\d{7,})$
    if let Some(rest) = number.strip_prefix('+') {
        if rest.len() >= 8 && digits(rest) && matches!(rest.as_bytes().first(), Some(b'2'..=b'9')) {
            return "international";
        }
    }
    "unknown"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazoo_classifiers_in_order() {
        assert_eq!(kazoo_classifier("+18005550123"), "tollfree_us");
        assert_eq!(kazoo_classifier("+18885550123"), "tollfree_us");
        assert_eq!(kazoo_classifier("+19005550123"), "toll_us");
        assert_eq!(kazoo_classifier("911"), "emergency");
        assert_eq!(kazoo_classifier("112"), "emergency");
        // Not US emergency numbers in the metadata (Kazoo's hand list has 999, 711).
        assert_eq!(kazoo_classifier("999"), "unknown");
        assert_eq!(kazoo_classifier("711"), "unknown");
        assert_eq!(kazoo_classifier("+1911"), "unknown");
        assert_eq!(kazoo_classifier("+18765550123"), "caribbean");
        assert_eq!(kazoo_classifier("+12125550123"), "did_us");
        assert_eq!(kazoo_classifier("2125550123"), "did_us");
        assert_eq!(kazoo_classifier("+442079460958"), "international");
        assert_eq!(kazoo_classifier("+11125550123"), "unknown");
        assert_eq!(kazoo_classifier("+2345678"), "unknown");
        // 833 is toll free before it could be an emergency short code.
        assert_eq!(kazoo_classifier("+18335550123"), "tollfree_us");
    }

    #[test]
    fn telnyx_coverage_rule() {
        assert_eq!(
            telnyx_coverage(1, NumberType::TollFree, true),
            CoverageCategory::NanpTollFree
        );
        assert_eq!(
            telnyx_coverage(1, NumberType::FixedLineOrMobile, true),
            CoverageCategory::NanpGeneric
        );
        assert_eq!(
            telnyx_coverage(44, NumberType::Mobile, true),
            CoverageCategory::International
        );
        assert_eq!(
            telnyx_coverage(1, NumberType::TollFree, false),
            CoverageCategory::Invalid
        );
    }
}
