//! The metadata tables `build.rs` generates, and lookups over them.

/// A number-type description: its pattern and its possible lengths as bit masks.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Desc {
    /// Index into [`PATTERN_START`].
    pub pattern: u16,
    /// Bit `n` set when length `n` is possible; `0` means "no list" (no length check).
    pub lengths: u32,
    /// Lengths possible only for local dialling.
    pub local: u32,
}

/// One `numberFormat` of the metadata, as `chooseFormattingPatternForNumber`
/// and `formatNsnUsingPattern` read it.
#[derive(Debug)]
pub(crate) struct NumberFormat {
    /// Index into [`PATTERN_START`]: the whole national number, with the groups.
    pub pattern: u16,
    /// The replacement, `$1 $2 $3`.
    pub format: &'static str,
    /// Where the leading-digits patterns start in [`LEADING`], and how many
    /// there are (see [`NumberFormat::leading`]).
    pub leading_at: u16,
    pub leading_len: u8,
    /// For national formatting: the first group's replacement (`(0$1)`),
    /// `$NP` and `$FG` already substituted.
    pub national_prefix_rule: Option<&'static str>,
    /// [`NP_OPTIONAL`] and [`HAS_CARRIER_RULE`].
    pub flags: u8,
}

impl NumberFormat {
    /// The leading-digits patterns (indices into [`PATTERN_START`]): formatting
    /// consults the last, as-you-type formatting the one for the number of
    /// digits typed.
    pub(crate) fn leading(&self) -> &'static [u16] {
        let at = usize::from(self.leading_at);
        LEADING.get(at..at + usize::from(self.leading_len)).unwrap_or(&[])
    }
}

/// `nationalPrefixOptionalWhenFormatting`.
pub(crate) const NP_OPTIONAL: u8 = 1;
/// The format has a `carrierCodeFormattingRule` (its own or the territory's).
pub(crate) const HAS_CARRIER_RULE: u8 = 2;

/// One territory (or non-geographic entity, id `001`) of the metadata.
#[derive(Debug)]
pub(crate) struct Territory {
    pub id: &'static str,
    pub country_code: u16,
    #[allow(dead_code)] // kept for completeness of the table; BY_CODE lists the main one first
    pub main: bool,
    pub international_prefix: Option<u16>,
    pub national_prefix: Option<&'static str>,
    pub national_prefix_for_parsing: Option<u16>,
    pub national_prefix_transform_rule: Option<&'static str>,
    pub leading_digits: Option<u16>,
    pub same_mobile_and_fixed_line: bool,
    pub general: Desc,
    /// fixed_line, mobile, toll_free, premium_rate, shared_cost,
    /// personal_number, voip, pager, uan, voicemail.
    pub types: [Option<Desc>; 10],
    /// Indices into [`FORMATS`]: `numberFormat`, in order.
    pub formats: &'static [u16],
    /// `intlNumberFormat`; empty means the national formats serve.
    pub intl_formats: &'static [u16],
    /// The international prefix pattern as the metadata writes it.
    pub international_prefix_text: Option<&'static str>,
    /// What out-of-country formatting dials: `preferredInternationalPrefix`,
    /// else the international prefix when it is a single one.
    pub dialling_prefix: Option<&'static str>,
    /// `preferredExtnPrefix` (` доб. `, ` ext. ` by default).
    pub extension_prefix: Option<&'static str>,
    /// The example national number of each type, in the order of `types`.
    pub examples: [Option<&'static str>; 10],
}

use super::short::ShortTerritory;

include!(concat!(env!("OUT_DIR"), "/metadata.rs"));

/// Territories sharing a country calling code, the main one first.
pub(crate) fn by_code(cc: u32) -> Option<&'static [u16]> {
    let cc = u16::try_from(cc).ok()?;
    BY_CODE
        .binary_search_by_key(&cc, |&(c, _)| c)
        .ok()
        .and_then(|i| BY_CODE.get(i))
        .map(|&(_, list)| list)
}

/// The territory at an index of [`TERRITORIES`].
pub(crate) fn territory(index: u16) -> Option<&'static Territory> {
    TERRITORIES.get(usize::from(index))
}

/// The number format at an index of [`FORMATS`].
pub(crate) fn number_format(index: u16) -> Option<&'static NumberFormat> {
    FORMATS.get(usize::from(index))
}

/// The territory of a region code such as `US`.
pub(crate) fn region(id: &str) -> Option<&'static Territory> {
    REGIONS
        .binary_search_by(|&(r, _)| r.cmp(id))
        .ok()
        .and_then(|i| REGIONS.get(i))
        .and_then(|&(_, t)| territory(t))
}

/// The main territory of a country calling code.
pub(crate) fn main_territory(cc: u32) -> Option<&'static Territory> {
    by_code(cc)?.first().copied().and_then(territory)
}

/// Every region code the metadata knows, sorted.
pub fn region_codes() -> impl Iterator<Item = &'static str> {
    REGIONS.iter().map(|&(r, _)| r)
}

fn in_ranges(table: &[(u32, u32)], c: char) -> Option<(u32, u32)> {
    let c = c as u32;
    let i = table.partition_point(|&(_, end)| end < c);
    table.get(i).copied().filter(|&(start, _)| start <= c)
}

/// The value of a Unicode decimal digit (`\p{Nd}`), as Java's `Character.digit(c, 10)`.
pub(crate) fn decimal_digit(c: char) -> Option<u8> {
    if c.is_ascii_digit() {
        return Some(c as u8 - b'0');
    }
    // Every Nd range is a run of whole blocks of ten starting at a zero.
    in_ranges(&ND, c).map(|(start, _)| ((c as u32 - start) % 10) as u8)
}

/// `\p{N}`.
pub(crate) fn is_number(c: char) -> bool {
    c.is_ascii_digit() || in_ranges(&NUMBER, c).is_some()
}

/// `\p{L}`.
pub(crate) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || in_ranges(&LETTER, c).is_some()
}
