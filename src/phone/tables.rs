//! The metadata tables `build.rs` generates, and lookups over them.

use std::num::NonZeroU16;
use std::sync::LazyLock;

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
/// and `formatNsnUsingPattern` read it.
#[derive(Debug)]
pub(crate) struct NumberFormat {
    /// A pattern number (its place in [`PATTERNS`]): the whole national number, with the groups.
    pub pattern: u16,
    /// [`NP_OPTIONAL`] and [`HAS_CARRIER_RULE`].
    pub flags: u8,
    leading: &'static [u16],
    format: &'static str,
    rule: &'static str,
}

impl NumberFormat {
    /// The leading-digits patterns (indices into [`PATTERNS`]): formatting
    /// consults the last, as-you-type formatting the one for the number of
    /// digits typed.
    pub(crate) fn leading(&self) -> &'static [u16] {
        self.leading
    }

    /// The replacement, `$1 $2 $3`.
    pub(crate) fn format(&self) -> &'static str {
        self.format
    }

    /// For national formatting: the first group's replacement (`(0$1)`),
    /// `$NP` and `$FG` already substituted.
    pub(crate) fn national_prefix_rule(&self) -> Option<&'static str> {
        Some(self.rule).filter(|r| !r.is_empty())
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
    pub international_prefix: Option<u16>,
    pub national_prefix_for_parsing: Option<u16>,
    pub leading_digits: Option<u16>,
    pub same_mobile_and_fixed_line: bool,
    pub general: Desc,
    /// fixed_line, mobile, toll_free, premium_rate, shared_cost,
    /// personal_number, voip, pager, uan, voicemail.
    pub types: [Option<Desc>; 10],
    formats: &'static [u16],
    intl_formats: &'static [u16],
    /// national prefix, its transform rule, the international prefix as
    /// written, the dialling prefix, the extension prefix, and the example
    /// national number of each type in the order of `types`,
    /// comma-separated (empty where the type has none): see
    /// [`Territory::example`]. Empty is none.
    texts: [&'static str; 6],
}

impl Territory {
    /// Indices of [`number_format`]: `numberFormat`, in order.
    pub(crate) fn formats(&self) -> &'static [u16] {
        self.formats
    }

    /// `intlNumberFormat`; empty means the national formats serve.
    pub(crate) fn intl_formats(&self) -> &'static [u16] {
        self.intl_formats
    }

    fn text(&self, i: usize) -> Option<&'static str> {
        self.texts.get(i).copied().filter(|t| !t.is_empty())
    }

    pub(crate) fn national_prefix(&self) -> Option<&'static str> {
        self.text(0)
    }

    pub(crate) fn national_prefix_transform_rule(&self) -> Option<&'static str> {
        self.text(1)
    }

    /// The international prefix pattern as the metadata writes it.
    pub(crate) fn international_prefix_text(&self) -> Option<&'static str> {
        self.text(2)
    }

    /// What out-of-country formatting dials: `preferredInternationalPrefix`,
    /// else the international prefix when it is a single one.
    pub(crate) fn dialling_prefix(&self) -> Option<&'static str> {
        self.text(3)
    }

    /// `preferredExtnPrefix` (` доб. `, ` ext. ` by default).
    pub(crate) fn extension_prefix(&self) -> Option<&'static str> {
        self.text(4)
    }

    /// The example national number of type `index` (the order of `types`).
    pub(crate) fn example(&self, index: usize) -> Option<&'static str> {
        self.text(5)?.split(',').nth(index).filter(|e| !e.is_empty())
    }
}

use super::short::ShortTerritory;

include!(concat!(env!("OUT_DIR"), "/metadata.rs"));

/// The tables `build.rs` writes as byte columns, decoded on first use
/// (a few thousand small numbers: well under a millisecond).
#[derive(Default)]
pub(crate) struct Tables {
    territories: Vec<Territory>,
    formats: Vec<NumberFormat>,
    short: Vec<ShortTerritory>,
    /// Region code -> index into `territories`, sorted; `001` left out.
    regions: Vec<(&'static str, u16)>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| decode().unwrap_or_default());

/// One table of [`Tables`], as a slice (the decoding on first use).
pub(crate) struct Table<T: 'static>(fn(&'static Tables) -> &'static [T]);

impl<T> std::ops::Deref for Table<T> {
    type Target = [T];

    fn deref(&self) -> &'static [T] {
        (self.0)(&TABLES)
    }
}

impl<T> IntoIterator for &Table<T> {
    type Item = &'static T;
    type IntoIter = std::slice::Iter<'static, T>;

    fn into_iter(self) -> Self::IntoIter {
        (self.0)(&TABLES).iter()
    }
}

/// ShortNumberMetadata.xml's territories, sorted by region.
pub(crate) static SHORT_TERRITORIES: Table<ShortTerritory> = Table(|t| &t.short);
/// Every region code and its territory, sorted by region.
pub(crate) static REGIONS: Table<(&'static str, u16)> = Table(|t| &t.regions);
/// A cursor over one column of the generated tables.
struct Reader(&'static [u8]);

impl Reader {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    #[inline(never)]
    fn bytes(&mut self, n: usize) -> Option<&'static [u8]> {
        let (head, rest) = (self.0.get(..n)?, self.0.get(n..)?);
        self.0 = rest;
        Some(head)
    }

    /// LEB128, at most 32 bits.
    #[inline(never)]
    fn varint(&mut self) -> Option<u32> {
        let mut n = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= u32::from(b & 0x7F).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn u16(&mut self) -> Option<u16> {
        u16::try_from(self.varint()?).ok()
    }

    /// A length byte, then that much UTF-8.
    #[inline(never)]
    fn text(&mut self) -> Option<&'static str> {
        let n = self.byte()?;
        std::str::from_utf8(self.bytes(usize::from(n))?).ok()
    }

    /// A region id: two letters, or `001`.
    #[inline(never)]
    fn id(&mut self) -> Option<&'static str> {
        let n = if self.0.first()?.is_ascii_digit() { 3 } else { 2 };
        std::str::from_utf8(self.bytes(n)?).ok()
    }

    /// A reference (build.rs, `Refs`): `0` is the next item not referred to
    /// before (`*next` counts them), `n + 1` item `n`.
    #[inline(never)]
    fn reference(&mut self, next: &mut u16) -> Option<u16> {
        match self.u16()? {
            0 => {
                *next = next.checked_add(1)?;
                Some(*next - 1)
            }
            n => Some(n - 1),
        }
    }
}

/// The pattern references and their lengths.
struct Patterns {
    refs: Reader,
    lengths: Reader,
    next: u16,
}

impl Patterns {
    fn pattern(&mut self) -> Option<u16> {
        self.refs.reference(&mut self.next)
    }

    #[inline(never)]
    fn desc(&mut self, local: bool) -> Option<Desc> {
        let pattern = self.pattern()?;
        let lengths = self.lengths.varint()?;
        let local = if local { self.lengths.u16()? } else { 0 };
        Some(Desc::new(pattern, lengths, local))
    }
}

/// The columns, read in the order build.rs's `encode` writes them; `None`
/// when they do not fit together (which the tests rule out).
#[cold]
#[inline(never)]
fn decode() -> Option<Tables> {
    let mut p = Patterns {
        refs: Reader(&M_REF),
        lengths: Reader(&M_LEN),
        next: 0,
    };
    let none = Desc::new(0, 0, 0);
    let (mut ids, mut flags, mut types_present) = (Reader(&M_IDS), Reader(&M_FLAGS), Reader(&M_PRESENT));
    let mut territories = Vec::with_capacity(TERRITORY_COUNT);
    let mut kinds = Vec::with_capacity(TERRITORY_COUNT);
    let mut code = 0;
    for i in 0..TERRITORY_COUNT {
        while CODE_FIRST.get(code + 1).is_some_and(|&f| usize::from(f) <= i) {
            code += 1;
        }
        let f = flags.byte()?;
        kinds.push((f, u16::from_le_bytes([types_present.byte()?, types_present.byte()?])));
        territories.push(Territory {
            id: ids.id()?,
            country_code: *CODES.get(code)?,
            international_prefix: None,
            national_prefix_for_parsing: None,
            leading_digits: None,
            same_mobile_and_fixed_line: f & 1 != 0,
            general: none,
            types: [None; 10],
            formats: &[],
            intl_formats: &[],
            texts: [""; 6],
        });
    }
    for t in &mut territories {
        t.general = p.desc(true)?;
    }
    for k in 0..10 {
        for (t, &(_, present)) in territories.iter_mut().zip(&kinds) {
            if present & 1 << k != 0 {
                *t.types.get_mut(k)? = Some(p.desc(true)?);
            }
        }
    }
    for bit in 1..4 {
        for (t, &(flags, _)) in territories.iter_mut().zip(&kinds) {
            if flags & 1 << bit != 0 {
                let id = Some(p.pattern()?);
                match bit {
                    1 => t.international_prefix = id,
                    2 => t.national_prefix_for_parsing = id,
                    _ => t.leading_digits = id,
                }
            }
        }
    }
    let mut texts = Reader(&M_TEXTS);
    for j in 0..6 {
        for t in &mut territories {
            *t.texts.get_mut(j)? = texts.text()?;
        }
    }
    // The format lists, then the formats they name, in the order named.
    let mut lists = Reader(&M_LISTS);
    let mut all = Vec::new();
    let mut spans = Vec::with_capacity(TERRITORY_COUNT);
    let mut formats = 0u16;
    for _ in 0..TERRITORY_COUNT {
        let (national, intl) = (usize::from(lists.byte()?), usize::from(lists.byte()?));
        spans.push((all.len(), national));
        for _ in 0..national + intl {
            all.push(lists.reference(&mut formats)?);
        }
    }
    spans.push((all.len(), 0));
    let all: &'static [u16] = all.leak();
    for (t, w) in territories.iter_mut().zip(spans.windows(2)) {
        let (&(at, national), &(end, _)) = (w.first()?, w.get(1)?);
        t.formats = all.get(at..at + national)?;
        t.intl_formats = all.get(at + national..end)?;
    }
    let (mut format_flags, mut format_texts, mut rules) =
        (Reader(&M_FORMAT_FLAGS), Reader(&M_FORMAT_TEXTS), Reader(&M_RULES));
    let mut leading = Vec::new();
    let mut rows = Vec::with_capacity(usize::from(formats));
    for _ in 0..formats {
        let pattern = p.pattern()?;
        let f = format_flags.byte()?;
        let at = leading.len();
        for _ in 0..f >> 2 {
            leading.push(p.pattern()?);
        }
        rows.push((pattern, f & 3, at, format_texts.text()?, rules.text()?));
    }
    let leading: &'static [u16] = leading.leak();
    let mut formats = Vec::with_capacity(rows.len());
    for (i, &(pattern, flags, at, format, rule)) in rows.iter().enumerate() {
        let end = rows.get(i + 1).map_or(leading.len(), |r| r.2);
        formats.push(NumberFormat {
            pattern,
            flags,
            leading: leading.get(at..end)?,
            format,
            rule,
        });
    }
    let (mut short_ids, mut short_present) = (Reader(&M_SHORT_IDS), Reader(&M_SHORT_PRESENT));
    let mut short = Vec::with_capacity(SHORT_COUNT);
    let mut short_kinds = Vec::with_capacity(SHORT_COUNT);
    for _ in 0..SHORT_COUNT {
        short.push(ShortTerritory {
            id: short_ids.id()?,
            general: none,
            descs: [None; 7],
        });
        short_kinds.push(short_present.byte()?);
    }
    for s in &mut short {
        s.general = p.desc(false)?;
    }
    for k in 0..7 {
        for (s, &present) in short.iter_mut().zip(&short_kinds) {
            if present & 1 << k != 0 {
                *s.descs.get_mut(k)? = Some(p.desc(false)?);
            }
        }
    }
    let mut regions = Vec::with_capacity(REGION_IDS.len());
    for (id, &i) in REGION_IDS.iter().zip(&REGION_INDEX) {
        regions.push((std::str::from_utf8(id).ok()?, u16::from(i)));
    }
    let every = [
        p.refs,
        p.lengths,
        ids,
        flags,
        types_present,
        texts,
        lists,
        format_flags,
        format_texts,
        rules,
        short_ids,
        short_present,
    ];
    (usize::from(p.next) == PATTERN_COUNT && every.iter().all(|r| r.0.is_empty())).then_some(())?;
    Some(Tables {
        territories,
        formats,
        short,
        regions,
    })
}

/// `0, 1, 2 …`: the lists [`by_code`] gives are runs of it.
static INDICES: [u16; TERRITORY_COUNT] = {
    let mut all = [0u16; TERRITORY_COUNT];
    let mut i = 0;
    while i < TERRITORY_COUNT {
        #[allow(clippy::indexing_slicing)] // const evaluation: `i` is below the length, and no `get_mut` in a const
        {
            all[i] = i as u16;
        }
        i += 1;
    }
    all
};

/// Where the territories of a country calling code are among the territories.
fn code_span(cc: u32) -> Option<std::ops::Range<usize>> {
    let cc = u16::try_from(cc).ok()?;
    let i = CODES.binary_search(&cc).ok()?;
    Some(usize::from(*CODE_FIRST.get(i)?)..usize::from(*CODE_FIRST.get(i + 1)?))
}

/// Territories sharing a country calling code, the main one first.
pub(crate) fn by_code(cc: u32) -> Option<&'static [u16]> {
    INDICES.get(code_span(cc)?)
}

/// The territory at an index of the territories (country-code order, the
/// main one of a code first).
pub(crate) fn territory(index: u16) -> Option<&'static Territory> {
    TABLES.territories.get(usize::from(index))
}

/// The number format at an index of the formats (in the order the
/// territories' lists first name them).
pub(crate) fn number_format(index: u16) -> Option<&'static NumberFormat> {
    TABLES.formats.get(usize::from(index))
}

/// The territory of a region code such as `US`.
pub(crate) fn region(id: &str) -> Option<&'static Territory> {
    let id: [u8; 2] = id.as_bytes().try_into().ok()?;
    let i = REGION_IDS.binary_search(&id).ok()?;
    territory(u16::from(*REGION_INDEX.get(i)?))
}

/// The main territory of a country calling code.
pub(crate) fn main_territory(cc: u32) -> Option<&'static Territory> {
    TABLES.territories.get(code_span(cc)?.start)
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
    if c.is_ascii() {
        // The only ASCII characters of `\p{Nd}`.
        return c.is_ascii_digit().then(|| c as u8 - b'0');
    }
    // Every Nd range is a run of whole blocks of ten starting at a zero.
    in_ranges(&ND, c).map(|(start, _)| ((c as u32 - start) % 10) as u8)
}

/// `\p{N}`.
pub(crate) fn is_number(c: char) -> bool {
    // ASCII has no `\p{N}` but the digits: the table is for the rest.
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(&NUMBER, c).is_some()
}

/// `\p{L}`.
pub(crate) fn is_letter(c: char) -> bool {
    // ASCII has no `\p{L}` but the letters: the table is for the rest.
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(&LETTER, c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns decode to the tables build.rs wrote: every byte read,
    /// every pattern referred to, every reference within the tables.
    #[test]
    fn the_columns_decode_whole() {
        let t = decode().expect("the generated columns decode");
        assert_eq!(t.territories.len(), TERRITORY_COUNT);
        assert_eq!(t.short.len(), SHORT_COUNT);
        let patterns = PATTERN_COUNT as u16;
        let descs = t
            .territories
            .iter()
            .flat_map(|t| std::iter::once(&t.general).chain(t.types.iter().flatten()))
            .chain(
                t.short
                    .iter()
                    .flat_map(|s| std::iter::once(&s.general).chain(s.descs.iter().flatten())),
            );
        assert!(descs.into_iter().all(|d| d.pattern() < patterns));
        for f in t.formats.iter() {
            assert!(f.pattern < patterns && f.leading.iter().all(|&p| p < patterns));
        }
        for terr in t.territories.iter() {
            let others = [
                terr.international_prefix,
                terr.national_prefix_for_parsing,
                terr.leading_digits,
            ];
            assert!(others.iter().flatten().all(|&p| p < patterns));
            let lists = terr.formats().iter().chain(terr.intl_formats());
            assert!(lists.into_iter().all(|&f| usize::from(f) < t.formats.len()));
        }
        // Every format is named by a list, and the regions are each territory's.
        let mut named = vec![false; t.formats.len()];
        for &f in t
            .territories
            .iter()
            .flat_map(|t| t.formats().iter().chain(t.intl_formats()))
        {
            named[usize::from(f)] = true;
        }
        assert!(named.iter().all(|&n| n));
        assert_eq!(t.regions.len(), t.territories.iter().filter(|t| t.id != "001").count());
        assert!(t.regions.windows(2).all(|w| w[0].0 < w[1].0));
        for &cc in &CODES {
            let list = by_code(u32::from(cc)).expect("a code's territories");
            assert!(!list.is_empty());
            assert!(list.iter().all(|&i| t.territories[usize::from(i)].country_code == cc));
        }
        assert_eq!(CODE_FIRST.last().map(|&n| usize::from(n)), Some(TERRITORY_COUNT));
        let us = region("US").expect("US");
        assert_eq!((us.id, us.country_code, us.national_prefix()), ("US", 1, Some("1")));
        assert_eq!(us.example(0), Some("2015550123"));
    }

    /// A column cut short, or one byte too many, fails the decoder rather
    /// than giving tables.
    #[test]
    fn a_reader_refuses_what_is_not_there() {
        assert_eq!(Reader(&[0x80]).varint(), None);
        assert_eq!(Reader(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01]).varint(), None);
        assert_eq!(Reader(&[0xE5, 0x8E, 0x26]).varint(), Some(624_485));
        assert_eq!(Reader(&[3, b'a', b'b']).text(), None);
        assert_eq!(Reader(&[2, 0xFF, 0xFE]).text(), None);
        assert_eq!(Reader(b"001US").id(), Some("001"));
        assert_eq!(Reader(b"U").id(), None);
    }
}
