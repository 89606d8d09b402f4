//! Compiles libphonenumber's metadata, as the `phonenumber` crate carries it,
//! into static tables and a small digit bytecode, so that no regex engine and
//! no metadata parser ship in the library.
//!
//! `phonenumber::metadata::DATABASE` hands over raw XML values, so this script
//! applies libphonenumber's own build-time defaults (`BuildMetadataFromXml`):
//! the general description's possible lengths are the union of the number
//! types' lengths, the national prefix for parsing falls back to the national
//! prefix, and `sameMobileAndFixedLinePattern` is computed from the patterns.
//!
//! `ShortNumberMetadata.xml` (the crate ships it but does not read it) is
//! read here and compiled the same way into `SHORT_TERRITORIES`.
//!
//! The sources (README, "Fresh metadata"): the crate's by default;
//! `TELSCHEMA_METADATA_XML` and `TELSCHEMA_SHORT_METADATA_XML` name other
//! files, `TELSCHEMA_METADATA_VERSION` what `METADATA_VERSION` reports.
//! `tests/metadata_xml.rs` includes this file to run [`generate`] on both paths.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use phonenumber::metadata::{Database, Descriptor, Metadata, DATABASE};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

// The token stream and the matcher's program (src/phone/compile.rs): the
// tables store tokens, the matcher compiles a pattern on first use; the
// check here proves each pattern's tokens give its regular expression's program.
#[allow(dead_code)]
mod compile {
    include!("src/phone/compile.rs");
}
use compile::*;

/// One pattern: its regular expression, its reference program unpacked
/// (absolute targets) as compiled from it, and its number of capture groups.
struct Pattern {
    hir: Hir,
    prog: Vec<u32>,
    groups: u32,
}

#[derive(Default)]
struct Compiler {
    /// By id.
    pats: Vec<Pattern>,
    /// Same pattern text, same program: descriptors repeat across territories.
    seen: std::collections::HashMap<String, usize>,
    prog: Vec<u32>,
}

impl Compiler {
    fn pattern(&mut self, source: &str) -> usize {
        let cleaned: String = source.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(&id) = self.seen.get(&cleaned) {
            return id;
        }
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&cleaned)
            .unwrap_or_else(|e| panic!("metadata pattern {cleaned:?} does not parse: {e}"));
        let groups = max_capture(&hir);
        self.prog.clear();
        self.emit(&hir, &cleaned);
        self.prog.push(OP_MATCH);
        // A provisional id, the order met; the tables renumber the patterns
        // they refer to in the order their decoder meets them (`Refs`).
        let id = self.pats.len();
        self.pats.push(Pattern {
            hir,
            prog: std::mem::take(&mut self.prog),
            groups,
        });
        self.seen.insert(cleaned, id);
        id
    }

    fn here(&self) -> u32 {
        self.prog.len() as u32
    }

    fn patch(&mut self, at: u32, target: u32) {
        let op = self.prog[at as usize] & 7;
        self.prog[at as usize] = op | (target << 3);
    }

    fn emit(&mut self, hir: &Hir, src: &str) {
        match hir.kind() {
            HirKind::Empty => {}
            HirKind::Literal(lit) => {
                for &b in lit.0.iter() {
                    assert!(b.is_ascii_digit(), "non-digit literal in {src:?}");
                    self.prog.push(OP_SET | ((1u32 << (b - b'0')) << 3));
                }
            }
            HirKind::Class(Class::Unicode(cls)) => {
                let mask = class_mask(cls);
                assert!(mask != 0, "class without ASCII digits in {src:?}");
                self.prog.push(OP_SET | (mask << 3));
            }
            HirKind::Class(Class::Bytes(_)) => panic!("byte class in {src:?}"),
            HirKind::Look(Look::End) | HirKind::Look(Look::EndLF) | HirKind::Look(Look::EndCRLF) => {
                self.prog.push(OP_END)
            }
            HirKind::Look(Look::Start) | HirKind::Look(Look::StartLF) | HirKind::Look(Look::StartCRLF) => {
                self.prog.push(OP_START)
            }
            HirKind::Look(other) => panic!("unsupported assertion {other:?} in {src:?}"),
            HirKind::Capture(cap) => {
                self.prog.push(OP_SAVE | ((cap.index * 2) << 3));
                self.emit(&cap.sub, src);
                self.prog.push(OP_SAVE | ((cap.index * 2 + 1) << 3));
            }
            HirKind::Concat(subs) => {
                for s in subs {
                    self.emit(s, src);
                }
            }
            HirKind::Alternation(alts) => {
                let mut jumps = Vec::new();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 < alts.len() {
                        let split = self.here();
                        self.prog.push(OP_SPLIT);
                        self.emit(alt, src);
                        jumps.push(self.here());
                        self.prog.push(OP_JMP);
                        let next = self.here();
                        self.patch(split, next);
                    } else {
                        self.emit(alt, src);
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            HirKind::Repetition(rep) => {
                assert!(
                    rep.sub.properties().minimum_len().unwrap_or(0) > 0,
                    "repetition of an expression that can match empty in {src:?}"
                );
                // The token stream has no lazy quantifier: the metadata uses none.
                assert!(rep.greedy, "a lazy quantifier in {src:?}");
                for _ in 0..rep.min {
                    self.emit(&rep.sub, src);
                }
                match rep.max {
                    None => {
                        let top = self.here();
                        self.prog.push(OP_SPLIT);
                        self.emit(&rep.sub, src);
                        self.prog.push(OP_JMP | (top << 3));
                        let exit = self.here();
                        self.patch(top, exit);
                    }
                    Some(max) => {
                        // x{0,k} as nested optionals; every exit leaves the whole loop.
                        let mut splits = Vec::new();
                        for _ in rep.min..max {
                            splits.push(self.here());
                            self.prog.push(OP_SPLIT);
                            self.emit(&rep.sub, src);
                        }
                        let exit = self.here();
                        for s in splits {
                            self.patch(s, exit);
                        }
                    }
                }
            }
        }
    }
}

fn class_mask(cls: &regex_syntax::hir::ClassUnicode) -> u32 {
    let mut mask = 0u32;
    for r in cls.ranges() {
        for d in 0..10u32 {
            let c = char::from_u32('0' as u32 + d).expect("digit");
            if r.start() <= c && c <= r.end() {
                mask |= 1 << d;
            }
        }
    }
    mask
}

/// Every digit set of the patterns that is neither one digit nor `\d`, with
/// its number of uses.
fn count_classes(hir: &Hir, counts: &mut std::collections::BTreeMap<u32, usize>) {
    match hir.kind() {
        HirKind::Class(Class::Unicode(cls)) => {
            let mask = class_mask(cls);
            if mask.count_ones() > 1 && mask != 0x3FF {
                *counts.entry(mask).or_default() += 1;
            }
        }
        HirKind::Capture(c) => count_classes(&c.sub, counts),
        HirKind::Concat(s) | HirKind::Alternation(s) => s.iter().for_each(|h| count_classes(h, counts)),
        HirKind::Repetition(r) => count_classes(&r.sub, counts),
        _ => {}
    }
}

/// Where an expression stands in the token stream: what needs a `(?:…)`.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// The whole pattern, an alternative, a group's body: nothing.
    Free,
    /// Beside others in a concatenation: an alternation.
    Concat,
    /// Under a quantifier: anything but a single atom.
    Quantified,
}

/// The tokens of `hir` (src/phone/compile.rs).
fn tokens(hir: &Hir, classes: &[u16], place: Place, out: &mut Vec<u8>) {
    let grouped = |out: &mut Vec<u8>, group: bool, f: &dyn Fn(&mut Vec<u8>)| {
        if group {
            out.push(T_OPEN);
        }
        f(out);
        if group {
            out.push(T_CLOSE);
        }
    };
    let quantified = place == Place::Quantified;
    match hir.kind() {
        HirKind::Empty => grouped(out, quantified, &|_| {}),
        HirKind::Literal(lit) => grouped(out, quantified && lit.0.len() > 1, &|out| {
            out.extend(lit.0.iter().map(|b| b - b'0'))
        }),
        HirKind::Class(Class::Unicode(cls)) => {
            let mask = class_mask(cls);
            if mask.count_ones() == 1 {
                out.push(mask.trailing_zeros() as u8);
            } else if mask == 0x3FF {
                out.push(T_ANY);
            } else if let Some(i) = classes.iter().position(|&c| u32::from(c) == mask) {
                out.push(T_CLASS + i as u8);
            } else {
                out.extend([T_MASK, mask as u8, (mask >> 8) as u8]);
            }
        }
        HirKind::Class(Class::Bytes(_)) => unreachable!("refused by the compiler"),
        HirKind::Look(Look::Start | Look::StartLF | Look::StartCRLF) => out.push(T_CARET),
        HirKind::Look(_) => out.push(T_DOLLAR),
        HirKind::Capture(cap) => {
            out.push(T_CAP);
            tokens(&cap.sub, classes, Place::Free, out);
            out.push(T_CLOSE);
        }
        HirKind::Concat(subs) => grouped(out, quantified, &|out| {
            subs.iter().for_each(|s| tokens(s, classes, Place::Concat, out))
        }),
        HirKind::Alternation(alts) => grouped(out, place != Place::Free, &|out| {
            for (i, a) in alts.iter().enumerate() {
                if i > 0 {
                    out.push(T_ALT);
                }
                tokens(a, classes, Place::Free, out);
            }
        }),
        HirKind::Repetition(rep) => grouped(out, quantified, &|out| {
            let byte = |n: u32| {
                u8::try_from(n)
                    .ok()
                    .filter(|&n| n != UNBOUNDED)
                    .expect("a repetition count under 255")
            };
            match (rep.min, rep.max) {
                (0, Some(1)) => out.push(T_OPT),
                (m, Some(n)) if m == n => out.extend([T_REP, byte(m)]),
                (m, Some(n)) => out.extend([T_RANGE, byte(m), byte(n)]),
                (m, None) => out.extend([T_RANGE, byte(m), UNBOUNDED]),
            }
            tokens(&rep.sub, classes, Place::Quantified, out);
        }),
    }
}

/// The class table (the most used digit sets first, as many as tokens
/// remain) and the tokens of the patterns of `order` (provisional ids, in
/// their final order), each checked to compile to exactly the program of its
/// regular expression.
fn token_stream(c: &Compiler, order: &[usize]) -> (Vec<u16>, Vec<u8>) {
    let patterns = || order.iter().map(|&i| &c.pats[i]);
    let mut counts = std::collections::BTreeMap::new();
    for p in patterns() {
        count_classes(&p.hir, &mut counts);
    }
    let mut ranked: Vec<(usize, u32)> = counts.into_iter().map(|(mask, n)| (n, mask)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let classes: Vec<u16> = ranked
        .iter()
        .take(usize::from(u8::MAX - T_CLASS) + 1)
        .map(|&(_, mask)| mask as u16)
        .collect();
    let mut stream = Vec::new();
    for (id, p) in patterns().enumerate() {
        let at = stream.len();
        tokens(&p.hir, &classes, Place::Free, &mut stream);
        stream.push(T_END);
        let reference = encode16(&pack_sets(&p.prog).expect("pack")).expect("a program that fits 16 bits");
        let from_tokens = compile(&stream[at..], &classes);
        assert!(
            from_tokens == Some((reference, p.groups)),
            "pattern {id}: its tokens compile to another program"
        );
    }
    (classes, stream)
}

fn max_capture(hir: &Hir) -> u32 {
    match hir.kind() {
        HirKind::Capture(c) => c.index.max(max_capture(&c.sub)),
        HirKind::Concat(s) | HirKind::Alternation(s) => s.iter().map(max_capture).max().unwrap_or(0),
        HirKind::Repetition(r) => max_capture(&r.sub),
        _ => 0,
    }
}

fn mask(lengths: &[u16]) -> u32 {
    lengths.iter().fold(0u32, |m, &l| {
        assert!(l < 32, "possible length {l} does not fit the mask");
        m | (1 << l)
    })
}

/// Number types in the order the generated `types` array holds them.
const TYPES: [&str; 10] = [
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
];

fn type_desc(m: &Metadata, i: usize) -> Option<&Descriptor> {
    let d = m.descriptors();
    match i {
        0 => d.fixed_line(),
        1 => d.mobile(),
        2 => d.toll_free(),
        3 => d.premium_rate(),
        4 => d.shared_cost(),
        5 => d.personal_number(),
        6 => d.voip(),
        7 => d.pager(),
        8 => d.uan(),
        9 => d.voicemail(),
        _ => None,
    }
}

fn clean(p: &str) -> String {
    p.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A number-type description: its pattern (a provisional id), its possible
/// lengths and its local-only lengths as bit masks.
#[derive(Clone, Copy)]
struct Desc {
    pattern: usize,
    lengths: u32,
    local: u32,
}

fn desc_of(c: &mut Compiler, d: &Descriptor) -> Desc {
    let local = mask(d.possible_local_length());
    assert!(local < 1 << 16, "a local-only length of 16 or more");
    Desc {
        pattern: c.pattern(d.national_number().as_str()),
        lengths: mask(d.possible_length()),
        local,
    }
}

/// libphonenumber's `SINGLE_INTERNATIONAL_PREFIX` (`[\d]+(?:[~⁓∼～][\d]+)?`):
/// an international prefix pattern that is one prefix, so it can be dialled.
fn single_international_prefix(p: &str) -> bool {
    let mut parts = p.splitn(2, ['~', '\u{2053}', '\u{223C}', '\u{FF5E}']);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_some_and(digits) && parts.next().map_or(true, digits)
}

/// One `numberFormat` as `BuildMetadataFromXml` leaves it.
#[derive(Clone, PartialEq, Eq, Hash)]
struct FormatRow {
    pattern: usize,
    /// Every leading-digits pattern (`chooseFormattingPatternForNumber`
    /// reads the last, as-you-type formatting one per digit typed).
    leading: Vec<usize>,
    format: String,
    /// For national formatting, `$NP` and `$FG` substituted; empty for none.
    rule: String,
    /// `NP_OPTIONAL`, `HAS_CARRIER_RULE` (src/phone/tables.rs).
    flags: u8,
}

/// The number formats, deduplicated across territories (the NANP regions,
/// for one, repeat theirs).
#[derive(Default)]
struct Formats {
    seen: std::collections::HashMap<FormatRow, usize>,
    rows: Vec<FormatRow>,
}

impl Formats {
    /// One `numberFormat`, and the flags as-you-type formatting filters on.
    /// The national prefix formatting rule gets `$NP` and `$FG` substituted
    /// as the Java build does; international formats never use it.
    fn id(&mut self, c: &mut Compiler, f: &phonenumber::metadata::Format, np: Option<&str>, national: bool) -> usize {
        let row = FormatRow {
            pattern: c.pattern(f.pattern().as_str()),
            leading: f.leading_digits().iter().map(|r| c.pattern(r.as_str())).collect(),
            format: f.format().to_string(),
            rule: f
                .national_prefix()
                .filter(|_| national)
                .map(|r| r.replacen("$NP", np.unwrap_or(""), 1).replacen("$FG", "$1", 1))
                .unwrap_or_default(),
            flags: u8::from(f.is_national_prefix_optional()) | (u8::from(f.domestic_carrier().is_some()) << 1),
        };
        let next = self.rows.len();
        *self.seen.entry(row.clone()).or_insert_with(|| {
            self.rows.push(row);
            next
        })
    }
}

/// One territory (or non-geographic entity) of the metadata.
struct TerritoryRow {
    id: String,
    cc: u16,
    intl: Option<usize>,
    npp: Option<usize>,
    leading: Option<usize>,
    same: bool,
    general: Desc,
    types: [Option<Desc>; 10],
    /// Indices into `Formats::rows`.
    national: Vec<usize>,
    intl_formats: Vec<usize>,
    /// The national prefix, its transform rule, the international prefix
    /// as written, the dialling prefix, the extension prefix and the
    /// example numbers (comma-separated, in the order of `types`).
    texts: [String; 6],
}

/// One territory of the short-number metadata.
struct ShortRow {
    id: String,
    general: Desc,
    descs: [Option<Desc>; 7],
}

/// The tables as byte columns, one per cursor of their decoder
/// (`src/phone/tables.rs`, `decode`), which reads them in the order written
/// here: a column holds one field of every row (or a few fields read
/// together), so that like bytes stand side by side for gzip.
#[derive(Default)]
struct Columns(Vec<(&'static str, Vec<u8>)>);

impl Columns {
    fn col(&mut self, name: &'static str) -> &mut Vec<u8> {
        let at = match self.0.iter().position(|(n, _)| *n == name) {
            Some(at) => at,
            None => {
                self.0.push((name, Vec::new()));
                self.0.len() - 1
            }
        };
        &mut self.0[at].1
    }
}

/// LEB128: seven bits a byte, low first.
fn varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n & 0x7F) as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A text: its length (a byte), then its UTF-8.
fn put_text(out: &mut Vec<u8>, s: &str) {
    out.push(u8::try_from(s.len()).expect("a metadata text under 256 bytes"));
    out.extend_from_slice(s.as_bytes());
}

/// Pattern references in the order the decoder reads them: `0` is the next
/// pattern never referred to before (so the patterns are numbered, and
/// stored, in that order, and most references cost one byte), `n + 1`
/// pattern `n`.
#[derive(Default)]
struct Refs {
    final_id: std::collections::HashMap<usize, usize>,
    /// Provisional ids in their final order.
    order: Vec<usize>,
}

impl Refs {
    fn put(&mut self, out: &mut Vec<u8>, provisional: usize) {
        match self.final_id.get(&provisional) {
            Some(&id) => varint(out, u32::try_from(id + 1).expect("a pattern id")),
            None => {
                self.final_id.insert(provisional, self.order.len());
                self.order.push(provisional);
                out.push(0);
            }
        }
    }
}

fn put_desc(cols: &mut Columns, refs: &mut Refs, d: &Desc, local: bool) {
    refs.put(cols.col("M_REF"), d.pattern);
    let len = cols.col("M_LEN");
    varint(len, d.lengths);
    if local {
        varint(len, d.local);
    }
}

/// The columns of the territories, their formats and the short-number
/// territories, and the patterns' final order.
fn encode(territories: &[TerritoryRow], formats: &Formats, short: &[ShortRow]) -> (Columns, Refs) {
    let mut cols = Columns::default();
    let mut refs = Refs::default();
    for t in territories {
        cols.col("M_IDS").extend_from_slice(t.id.as_bytes());
        cols.col("M_FLAGS").push(
            u8::from(t.same)
                | u8::from(t.intl.is_some()) << 1
                | u8::from(t.npp.is_some()) << 2
                | u8::from(t.leading.is_some()) << 3,
        );
        let present = (0..10).filter(|&k| t.types[k].is_some()).fold(0u16, |m, k| m | 1 << k);
        cols.col("M_PRESENT").extend_from_slice(&present.to_le_bytes());
    }
    for t in territories {
        put_desc(&mut cols, &mut refs, &t.general, true);
    }
    for k in 0..10 {
        for d in territories.iter().filter_map(|t| t.types[k].as_ref()) {
            put_desc(&mut cols, &mut refs, d, true);
        }
    }
    let fields: [fn(&TerritoryRow) -> Option<usize>; 3] = [|t| t.intl, |t| t.npp, |t| t.leading];
    for field in fields {
        for p in territories.iter().filter_map(field) {
            refs.put(cols.col("M_REF"), p);
        }
    }
    for j in 0..6 {
        for t in territories {
            put_text(cols.col("M_TEXTS"), &t.texts[j]);
        }
    }
    // The format lists, the formats numbered in the order they are met.
    let mut format_ids = std::collections::HashMap::new();
    let mut format_order = Vec::new();
    for t in territories {
        let lists = cols.col("M_LISTS");
        lists.push(u8::try_from(t.national.len()).expect("under 256 formats"));
        lists.push(u8::try_from(t.intl_formats.len()).expect("under 256 formats"));
        for &f in t.national.iter().chain(&t.intl_formats) {
            match format_ids.get(&f) {
                Some(&id) => varint(lists, id + 1),
                None => {
                    format_ids.insert(f, format_order.len() as u32);
                    format_order.push(f);
                    lists.push(0);
                }
            }
        }
    }
    for &f in &format_order {
        let f = &formats.rows[f];
        refs.put(cols.col("M_REF"), f.pattern);
        let leading = u8::try_from(f.leading.len()).ok().filter(|&n| n < 64);
        cols.col("M_FORMAT_FLAGS")
            .push(f.flags | leading.expect("under 64 leading-digits patterns") << 2);
        for &p in &f.leading {
            refs.put(cols.col("M_REF"), p);
        }
        put_text(cols.col("M_FORMAT_TEXTS"), &f.format);
        put_text(cols.col("M_RULES"), &f.rule);
    }
    for s in short {
        cols.col("M_SHORT_IDS").extend_from_slice(s.id.as_bytes());
        let present = (0..7).filter(|&k| s.descs[k].is_some()).fold(0u8, |m, k| m | 1 << k);
        cols.col("M_SHORT_PRESENT").push(present);
    }
    for s in short {
        put_desc(&mut cols, &mut refs, &s.general, false);
    }
    for k in 0..7 {
        for d in short.iter().filter_map(|s| s.descs[k].as_ref()) {
            assert!(d.local == 0, "a short-number description with local lengths");
            put_desc(&mut cols, &mut refs, d, false);
        }
    }
    (cols, refs)
}

fn ranges(class: &str) -> Vec<(u32, u32)> {
    let hir = regex_syntax::parse(class).expect("unicode class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => c.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect(),
        _ => panic!("not a class: {class}"),
    }
}

// The keywords src/schema/ interprets.
include!("src/schema/keywords.rs");

/// Refuses a published schema that uses a keyword the interpreter lacks.
fn check_schema_keywords() {
    fn walk(file: &str, node: &serde_json::Value, path: &str) {
        let Some(map) = node.as_object() else { return };
        for (key, v) in map {
            let at = format!("{path}/{key}");
            assert!(
                KEYWORDS.contains(&key.as_str()),
                "{file}: keyword {key:?} at {at} is not one src/schema/ interprets"
            );
            match key.as_str() {
                "properties" => {
                    for (name, s) in v.as_object().into_iter().flatten() {
                        walk(file, s, &format!("{at}/{name}"));
                    }
                }
                "anyOf" => {
                    for (i, s) in v.as_array().into_iter().flatten().enumerate() {
                        walk(file, s, &format!("{at}/{i}"));
                    }
                }
                "items" | "if" | "then" => walk(file, v, &at),
                _ => {}
            }
        }
    }
    println!("cargo:rerun-if-changed=schemas");
    println!("cargo:rerun-if-changed=src/schema/keywords.rs");
    let mut files: Vec<_> = std::fs::read_dir("schemas")
        .expect("schemas/")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a schema");
        let schema: serde_json::Value = serde_json::from_str(&text).expect("schema JSON");
        walk(&path.display().to_string(), &schema, "");
    }
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    check_schema_keywords();
    let out = generate(&inputs());
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("metadata.rs");
    std::fs::write(dest, out).expect("write metadata.rs");
}

/// The generated source of `metadata.rs`.
pub fn generate(inputs: &Inputs) -> String {
    let mut c = Compiler::default();
    let mut territories = Vec::new();
    let mut formats = Formats::default();

    // `iter()` collapses the non-geographic "001" entities into one, so walk the codes.
    for cc in 1u16..=999 {
        let Some(list) = inputs.db.by_code(&cc) else {
            continue;
        };
        for m in list {
            let general = m.descriptors().general();
            let mut lengths = BTreeSet::new();
            let mut local = BTreeSet::new();
            for i in 0..TYPES.len() {
                if let Some(d) = type_desc(m, i) {
                    lengths.extend(d.possible_length().iter().copied());
                    local.extend(d.possible_local_length().iter().copied());
                }
            }
            let local: Vec<u16> = local.difference(&lengths).copied().collect();
            let lengths: Vec<u16> = lengths.into_iter().collect();
            let general = Desc {
                pattern: c.pattern(general.national_number().as_str()),
                lengths: mask(&lengths),
                local: mask(&local),
            };
            assert!(general.local < 1 << 16, "a local-only length of 16 or more");
            let types: [Option<Desc>; 10] = std::array::from_fn(|i| type_desc(m, i).map(|d| desc_of(&mut c, d)));
            let same = {
                let f = type_desc(m, 0)
                    .map(|d| clean(d.national_number().as_str()))
                    .unwrap_or_default();
                let mo = type_desc(m, 1)
                    .map(|d| clean(d.national_number().as_str()))
                    .unwrap_or_default();
                f == mo
            };
            let intl = m.international_prefix().map(|r| c.pattern(r.as_str()));
            let npp_source = m
                .national_prefix_for_parsing()
                .map(|r| r.as_str().to_string())
                .or_else(|| m.national_prefix().map(str::to_string));
            let npp = npp_source.filter(|s| !clean(s).is_empty()).map(|s| c.pattern(&s));
            let leading = m.leading_digits().map(|r| c.pattern(r.as_str()));
            let transform = m.national_prefix_transform_rule().filter(|s| !s.is_empty());
            let np = m.national_prefix();
            let national: Vec<usize> = m.formats().iter().map(|f| formats.id(&mut c, f, np, true)).collect();
            let intl_list: Vec<usize> = m
                .international_formats()
                .iter()
                .map(|f| formats.id(&mut c, f, np, false))
                .collect();
            // Java keeps `intlNumberFormat` only when a format has an explicit
            // `intlFormat`; the crate copies the national ones instead, which
            // formats the same. An identical list is stored empty: "use the
            // national formats", as the runtime does with an empty list.
            let national_as_intl: Vec<usize> = m.formats().iter().map(|f| formats.id(&mut c, f, np, false)).collect();
            let intl_list = if intl_list == national_as_intl {
                Vec::new()
            } else {
                intl_list
            };
            let intl_text = m.international_prefix().map(|r| clean(r.as_str()));
            let dialling = m
                .preferred_international_prefix()
                .map(str::to_string)
                .or_else(|| intl_text.clone().filter(|p| single_international_prefix(p)));
            // One string per territory, not ten: `Territory::example` splits it.
            let examples: Vec<&str> = (0..TYPES.len())
                .map(|i| type_desc(m, i).and_then(Descriptor::example).unwrap_or(""))
                .collect();
            assert!(
                examples.iter().all(|e| !e.contains(',')),
                "an example number with a comma"
            );
            let id = m.id().to_string();
            assert!(
                id == "001" || (id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase())),
                "region id {id:?}"
            );
            territories.push(TerritoryRow {
                id,
                cc,
                intl,
                npp,
                leading,
                same,
                general,
                types,
                national,
                intl_formats: intl_list,
                texts: [
                    m.national_prefix().unwrap_or("").to_string(),
                    transform.unwrap_or("").to_string(),
                    intl_text.unwrap_or_default(),
                    dialling.unwrap_or_default(),
                    m.preferred_extension_prefix().unwrap_or("").to_string(),
                    examples.join(","),
                ],
            });
        }
    }
    let short = short_rows(&mut c, &inputs.short_xml);
    let (cols, refs) = encode(&territories, &formats, &short);
    let (classes, stream) = token_stream(&c, &refs.order);

    let mut out = String::new();
    let _ = writeln!(
        out,
        "// libphonenumber metadata, compiled by build.rs: byte columns that\n\
         // `decode` reads once (src/phone/tables.rs), and the patterns' tokens."
    );
    let _ = writeln!(
        out,
        "pub(crate) const TERRITORY_COUNT: usize = {};\npub(crate) const SHORT_COUNT: usize = {};",
        territories.len(),
        short.len()
    );
    for (name, bytes) in &cols.0 {
        let _ = writeln!(out, "static {name}: [u8; {}] = {bytes:?};", bytes.len());
    }
    // The lookups of every call: plain sorted arrays, no pointers.
    let mut regions: Vec<(&str, usize)> = territories
        .iter()
        .enumerate()
        .filter(|(_, t)| t.id != "001")
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    regions.sort();
    let ids: Vec<[u8; 2]> = regions
        .iter()
        .map(|(id, _)| <[u8; 2]>::try_from(id.as_bytes()).expect("a two-letter region"))
        .collect();
    let index: Vec<u8> = regions
        .iter()
        .map(|&(_, i)| u8::try_from(i).expect("under 256 territories"))
        .collect();
    let _ = writeln!(
        out,
        "/// The region codes, sorted, and each one's territory.\npub(crate) static REGION_IDS: [[u8; 2]; {}] = {ids:?};\nstatic REGION_INDEX: [u8; {}] = {index:?};",
        ids.len(),
        index.len()
    );
    let mut codes: Vec<u16> = Vec::new();
    let mut first: Vec<u8> = Vec::new();
    for (i, t) in territories.iter().enumerate() {
        if codes.last() != Some(&t.cc) {
            codes.push(t.cc);
            first.push(u8::try_from(i).expect("under 256 territories"));
        }
    }
    first.push(u8::try_from(territories.len()).expect("under 256 territories"));
    let _ = writeln!(
        out,
        "/// The country calling codes, sorted, and where each one's territories\n/// start (the main one first; one more entry: the end).\nstatic CODES: [u16; {}] = {codes:?};\nstatic CODE_FIRST: [u8; {}] = {first:?};",
        codes.len(),
        first.len()
    );
    for (name, class) in [("ND", r"\p{Nd}"), ("NUMBER", r"\p{N}"), ("LETTER", r"\p{L}")] {
        let r = ranges(class);
        let _ = writeln!(out, "pub(crate) static {name}: [(u32, u32); {}] = {:?};", r.len(), r);
    }
    let _ = writeln!(out, "pub(crate) const METADATA_VERSION: &str = {:?};", inputs.version);
    let _ = writeln!(
        out,
        "/// The digit sets of tokens `T_CLASS..` (src/phone/compile.rs).\npub(crate) static CLASSES: [u16; {}] = {:?};",
        classes.len(),
        classes
    );
    let _ = writeln!(
        out,
        "/// How many patterns [`PATTERNS`] holds.\npub(crate) const PATTERN_COUNT: usize = {};",
        refs.order.len()
    );
    let _ = writeln!(
        out,
        "/// Every pattern's tokens, each ending in `T_END` (src/phone/compile.rs).\npub(crate) static PATTERNS: [u8; {}] = {:?};",
        stream.len(),
        stream
    );
    out
}

/// What the tables are compiled from.
pub struct Inputs {
    pub db: Database,
    pub short_xml: String,
    /// What `METADATA_VERSION` reports.
    pub version: String,
}

/// The metadata sources (README, "Fresh metadata without waiting for a crate
/// release"): the `phonenumber` crate's by default; `TELSCHEMA_METADATA_XML`
/// and `TELSCHEMA_SHORT_METADATA_XML` name other files. The version is
/// `TELSCHEMA_METADATA_VERSION` when set, else the crate's (`9.0.33`) when
/// both files are the crate's, else `custom-` and the FNV-1a 64 hash of the
/// files given.
pub fn inputs() -> Inputs {
    for var in [
        "TELSCHEMA_METADATA_XML",
        "TELSCHEMA_SHORT_METADATA_XML",
        "TELSCHEMA_METADATA_VERSION",
    ] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    let path_var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let mut hash: Option<u64> = None;
    let mut read = |path: &std::path::Path| -> String {
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let h = bytes.iter().fold(hash.unwrap_or(0xcbf2_9ce4_8422_2325), |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        hash = Some(h);
        String::from_utf8(bytes).unwrap_or_else(|_| panic!("{} is not UTF-8", path.display()))
    };
    let db = match path_var("TELSCHEMA_METADATA_XML") {
        Some(path) => {
            Database::parse(read(&path)).unwrap_or_else(|e| panic!("TELSCHEMA_METADATA_XML {}: {e:?}", path.display()))
        }
        None => DATABASE.clone(),
    };
    let krate = phonenumber_crate();
    let short_xml = match path_var("TELSCHEMA_SHORT_METADATA_XML") {
        Some(path) => read(&path),
        None => {
            let (dir, _) = krate.as_ref().unwrap_or_else(|| {
                panic!("the phonenumber crate's directory was not found; set TELSCHEMA_SHORT_METADATA_XML")
            });
            let path = dir.join("assets/ShortNumberMetadata.xml");
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        }
    };
    let version = match (std::env::var("TELSCHEMA_METADATA_VERSION"), hash) {
        (Ok(v), _) if !v.is_empty() => v,
        (_, Some(h)) => format!("custom-{h:016x}"),
        _ => krate
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("the phonenumber crate's version was not found; set TELSCHEMA_METADATA_VERSION")),
    };
    Inputs { db, short_xml, version }
}

/// The `phonenumber` crate this build links: its directory and its
/// metadata version (`9.0.33` of `0.3.10+9.0.33`), from `cargo metadata`,
/// else from the registry's sources under `CARGO_HOME`.
pub fn phonenumber_crate() -> Option<(PathBuf, String)> {
    let from_version = |v: &str| v.split_once('+').map(|(_, m)| m.to_string());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_else(|| ".".into())).join("Cargo.toml");
    let metadata = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--offline", "--manifest-path"])
        .arg(&manifest)
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| serde_json::from_slice::<serde_json::Value>(&o.stdout).ok());
    let found = metadata.as_ref().and_then(|m| {
        m["packages"].as_array()?.iter().find_map(|p| {
            let version = p["version"].as_str()?;
            (p["name"] == "phonenumber" && version.starts_with(PHONENUMBER_PIN)).then(|| {
                let dir = PathBuf::from(p["manifest_path"].as_str()?).parent()?.to_path_buf();
                Some((dir, from_version(version)?))
            })?
        })
    });
    found.or_else(|| {
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(home.join("registry/src"))
            .ok()?
            .flatten()
            .filter_map(|index| std::fs::read_dir(index.path()).ok())
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("phonenumber-{PHONENUMBER_PIN}+")))
            })
            .collect();
        dirs.sort();
        let dir = dirs.pop()?;
        let version = from_version(dir.file_name()?.to_str()?)?;
        Some((dir, version))
    })
}

/// The `phonenumber` version Cargo.toml pins (`=0.3.10`).
const PHONENUMBER_PIN: &str = "0.3.10";

/// The short-number descriptions `ShortNumberInfo` reads, in the order of
/// `ShortTerritory`'s fields after `general`.
const SHORT_DESCS: [&str; 7] = [
    "shortCode",
    "tollFree",
    "standardRate",
    "premiumRate",
    "carrierSpecific",
    "emergency",
    "smsServices",
];

/// The text between `<name…>` and `</name>` (the first one), or `None`.
fn xml_element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let mut from = 0;
    loop {
        let at = from + xml.get(from..)?.find(&open)?;
        let after = at + open.len();
        let rest = xml.get(after..)?;
        // `<emergency` must not match `<emergencyX`.
        if rest.starts_with('>') || rest.starts_with(char::is_whitespace) || rest.starts_with('/') {
            let gt = after + rest.find('>')?;
            if xml.get(gt - 1..gt) == Some("/") {
                return Some("");
            }
            let close = format!("</{name}>");
            let end = gt + 1 + xml.get(gt + 1..)?.find(&close)?;
            return xml.get(gt + 1..end);
        }
        from = after;
    }
}

/// The value of attribute `name` in the first `<element …>` tag of `xml`.
fn xml_attribute<'a>(xml: &'a str, element: &str, name: &str) -> Option<&'a str> {
    let at = xml.find(&format!("<{element} "))?;
    let tag = xml.get(at..at + xml.get(at..)?.find('>')?)?;
    let key = format!(" {name}=\"");
    let v = tag.find(&key)? + key.len();
    tag.get(v..v + tag.get(v..)?.find('"')?)
}

/// `possibleLengths national="3,[5-7]"` as a list.
fn xml_lengths(value: &str) -> Vec<u16> {
    let mut out = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if let Some(range) = part.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
            let (a, b) = range.split_once('-').expect("a length range");
            let (a, b): (u16, u16) = (a.parse().expect("a length"), b.parse().expect("a length"));
            out.extend(a..=b);
        } else {
            out.push(part.parse().expect("a length"));
        }
    }
    out
}

fn xml_text(s: &str) -> String {
    clean(s)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// `ShortNumberMetadata.xml` as `BuildMetadataFromXml` builds it for short
/// numbers, sorted by region: the general description's possible lengths
/// are the short code's; a description the territory lacks is `None` (it
/// matches nothing).
fn short_rows(c: &mut Compiler, xml: &str) -> Vec<ShortRow> {
    let mut text = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("<!--") {
        text.push_str(&rest[..at]);
        rest = rest[at..].find("-->").map_or("", |end| &rest[at + end + 3..]);
    }
    text.push_str(rest);
    let territories = xml_element(&text, "territories").expect("<territories> in the short-number metadata");
    let mut rows: Vec<ShortRow> = Vec::new();
    let mut rest = territories;
    while let Some(at) = rest.find("<territory") {
        let body = xml_element(&rest[at..], "territory").expect("a <territory> element");
        let id = xml_attribute(&rest[at..], "territory", "id")
            .expect("a territory id")
            .to_string();
        assert!(
            id.len() == 2 && id.bytes().all(|b| b.is_ascii_uppercase()),
            "short-number region id {id:?}"
        );
        let desc = |c: &mut Compiler, name: &str, lengths: Option<u32>| -> Option<Desc> {
            let d = xml_element(body, name)?;
            let pattern = xml_element(d, "nationalNumberPattern")
                .map(xml_text)
                .filter(|p| !p.is_empty())?;
            let own = xml_attribute(d, "possibleLengths", "national").map_or(0, |l| mask(&xml_lengths(l)));
            Some(Desc {
                pattern: c.pattern(&pattern),
                lengths: lengths.unwrap_or(own),
                local: 0,
            })
        };
        let short_lengths = xml_element(body, "shortCode")
            .and_then(|d| xml_attribute(d, "possibleLengths", "national"))
            .map_or(0, |l| mask(&xml_lengths(l)));
        let general = desc(c, "generalDesc", Some(short_lengths))
            .unwrap_or_else(|| panic!("short-number territory {id} without a general pattern"));
        let descs: [Option<Desc>; 7] = std::array::from_fn(|i| desc(c, SHORT_DESCS[i], None));
        rows.push(ShortRow { id, general, descs });
        let end = rest[at..].find("</territory>").expect("</territory>") + at + "</territory>".len();
        rest = &rest[end..];
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    assert!(
        rows.windows(2).all(|w| w[0].id < w[1].id),
        "a short-number region twice"
    );
    rows
}
