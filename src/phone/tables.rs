//! The metadata tables `build.rs` generates, and lookups over them.

use std::num::NonZeroU16;

/// A number-type description: its pattern and its possible lengths as bit
/// masks. Eight bytes, and so is `Option<Desc>` (the pattern is stored plus
/// one, a niche): the territories hold ten and the short numbers seven.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Desc {
    /// Bit `n` set when length `n` is possible; `0` means "no list" (no length check).
    pub lengths: u32,
    /// Lengths possible only for local dialling (none reaches 16).
    pub local: u16,
    /// One more than the index into [`PATTERNS`]: see [`Desc::pattern`].
    pattern_plus_one: NonZeroU16,
}

impl Desc {
    /// The description of pattern `pattern` (the generated tables' constructor).
    const fn new(pattern: u16, lengths: u32, local: u16) -> Desc {
        Desc {
            lengths,
            local,
            pattern_plus_one: NonZeroU16::MIN.saturating_add(pattern),
        }
    }

    /// A pattern number: the pattern's place in [`PATTERNS`] (not a byte offset).
    pub(crate) fn pattern(&self) -> u16 {
        self.pattern_plus_one.get() - 1
    }
}

/// One `numberFormat` of the metadata, as `chooseFormattingPatternForNumber`
/// and `formatNsnUsingPattern` read it. Its texts are offsets into
/// [`TEXT`] (twelve bytes a format, no pointers).
#[derive(Debug)]
pub(crate) struct NumberFormat {
    /// A pattern number (its place in [`PATTERNS`]): the whole national number, with the groups.
    pub pattern: u16,
    /// Where the leading-digits patterns start in [`LEADING`] (see
    /// [`NumberFormat::leading`]).
    leading_at: u16,
    format_at: u16,
    rule_at: u16,
    format_len: u8,
    rule_len: u8,
    leading_len: u8,
    /// [`NP_OPTIONAL`] and [`HAS_CARRIER_RULE`].
    pub flags: u8,
}

impl NumberFormat {
    /// The leading-digits patterns (indices into [`PATTERNS`]): formatting
    /// consults the last, as-you-type formatting the one for the number of
    /// digits typed.
    pub(crate) fn leading(&self) -> &'static [u16] {
        let at = usize::from(self.leading_at);
        LEADING.get(at..at + usize::from(self.leading_len)).unwrap_or(&[])
    }

    /// The replacement, `$1 $2 $3`.
    pub(crate) fn format(&self) -> &'static str {
        let at = usize::from(self.format_at);
        TEXT.get(at..at + usize::from(self.format_len)).unwrap_or("")
    }

    /// For national formatting: the first group's replacement (`(0$1)`),
    /// `$NP` and `$FG` already substituted.
    pub(crate) fn national_prefix_rule(&self) -> Option<&'static str> {
        let at = usize::from(self.rule_at);
        TEXT.get(at..at + usize::from(self.rule_len)).filter(|r| !r.is_empty())
    }
}

/// `nationalPrefixOptionalWhenFormatting`.
pub(crate) const NP_OPTIONAL: u8 = 1;
/// The format has a `carrierCodeFormattingRule` (its own or the territory's).
pub(crate) const HAS_CARRIER_RULE: u8 = 2;

/// A string of [`TEXT`]: where it starts and its length; `len` 0 is none.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Text {
    at: u16,
    len: u8,
}

impl Text {
    fn get(self) -> Option<&'static str> {
        let at = usize::from(self.at);
        TEXT.get(at..at + usize::from(self.len)).filter(|t| !t.is_empty())
    }
}

/// One territory (or non-geographic entity, id `001`) of the metadata. Its
/// strings and format lists are offsets into [`TEXT`] and [`FORMAT_LISTS`].
#[derive(Debug)]
pub(crate) struct Territory {
    pub id: &'static str,
    pub country_code: u16,
    pub international_prefix: Option<u16>,
    pub national_prefix_for_parsing: Option<u16>,
    pub leading_digits: Option<u16>,
    pub same_mobile_and_fixed_line: bool,
    pub general: Desc,
    /// fixed_line, mobile, toll_free, premium_rate, shared_cost,
    /// personal_number, voip, pager, uan, voicemail.
    pub types: [Option<Desc>; 10],
    /// [`Territory::formats`] then [`Territory::intl_formats`] in [`FORMAT_LISTS`].
    formats_at: u16,
    formats_len: u8,
    intl_formats_len: u8,
    national_prefix: Text,
    national_prefix_transform_rule: Text,
    international_prefix_text: Text,
    dialling_prefix: Text,
    extension_prefix: Text,
    /// The example national number of each type, in the order of `types`,
    /// comma-separated (empty where the type has none): see [`Territory::example`].
    examples: Text,
}

impl Territory {
    /// Indices into [`FORMATS`]: `numberFormat`, in order.
    pub(crate) fn formats(&self) -> &'static [u16] {
        let at = usize::from(self.formats_at);
        FORMAT_LISTS.get(at..at + usize::from(self.formats_len)).unwrap_or(&[])
    }

    /// `intlNumberFormat`; empty means the national formats serve.
    pub(crate) fn intl_formats(&self) -> &'static [u16] {
        let at = usize::from(self.formats_at) + usize::from(self.formats_len);
        FORMAT_LISTS
            .get(at..at + usize::from(self.intl_formats_len))
            .unwrap_or(&[])
    }

    pub(crate) fn national_prefix(&self) -> Option<&'static str> {
        self.national_prefix.get()
    }

    pub(crate) fn national_prefix_transform_rule(&self) -> Option<&'static str> {
        self.national_prefix_transform_rule.get()
    }

    /// The international prefix pattern as the metadata writes it.
    pub(crate) fn international_prefix_text(&self) -> Option<&'static str> {
        self.international_prefix_text.get()
    }

    /// What out-of-country formatting dials: `preferredInternationalPrefix`,
    /// else the international prefix when it is a single one.
    pub(crate) fn dialling_prefix(&self) -> Option<&'static str> {
        self.dialling_prefix.get()
    }

    /// `preferredExtnPrefix` (` доб. `, ` ext. ` by default).
    pub(crate) fn extension_prefix(&self) -> Option<&'static str> {
        self.extension_prefix.get()
    }

    /// The example national number of type `index` (the order of `types`).
    pub(crate) fn example(&self, index: usize) -> Option<&'static str> {
        self.examples.get()?.split(',').nth(index).filter(|e| !e.is_empty())
    }
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
