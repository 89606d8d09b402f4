//! Numbers in text: a port of libphonenumber's `PhoneNumberMatcher` (as
//! Python's `phonenumbers` 9.0.33 has it, the oracle of
//! `tests/oracle_matcher.rs`) at leniency `POSSIBLE` or `VALID`.
//!
//! The runtime has no regex crate, so the matcher's patterns are written
//! here as small combinator trees run by a backtracking interpreter with
//! the semantics of Python's `re` (leftmost, greedy, first alternative
//! first). Every run has a step budget; every candidate is bounded by the
//! pattern's own limits (at most 21 digit blocks of 20 digits, 4
//! punctuation characters between them), so a text is read in linear time.
//!
//! Each candidate goes through [`super::read`], the same path as
//! `normalize`: the letters rule and the round-trip guard apply, so a
//! candidate whose digits would change is not returned.

use std::cell::Cell;

use serde::Serialize;

use super::format::choose_format;
use super::parse::{strip_national_prefix, Source};
use super::tables::{self, decimal_digit};
use super::{read_detailed, NormalizedNumber, PhoneError};
use crate::{Options, PhoneLevel};

/// The longest text [`find_numbers`] reads, in characters (Unicode scalar
/// values); a longer one is refused with `limit_exceeded`.
pub const MAX_TEXT_CHARS: usize = 1_000_000;

/// libphonenumber's default `maxTries` (Python's `max_tries=65535`): after
/// this many candidates that are not numbers, the rest of the text is not
/// searched.
const MAX_TRIES: u32 = 65_535;

/// Interpreter steps per pattern run; the patterns over a bounded
/// candidate need far fewer. A run over budget counts as no match.
const STEP_BUDGET: u32 = 2_000_000;

/// A phone number found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Found {
    /// Where the number starts: a UTF-8 byte offset into the text.
    pub start: usize,
    /// Where it ends (exclusive), a UTF-8 byte offset: `&text[start..end]`
    /// is [`Found::text`].
    pub end: usize,
    /// The number as written in the text.
    pub text: String,
    /// The number, normalized.
    pub number: NormalizedNumber,
}

/// A match in character (scalar value) indices, before the offsets are
/// converted for a surface.
#[derive(Debug, Clone)]
pub(crate) struct CharMatch {
    pub start: usize,
    pub end: usize,
    pub number: NormalizedNumber,
}

/// Finds the phone numbers in a text, as libphonenumber's
/// `PhoneNumberMatcher` does, at leniency `VALID` when `options.phone_level`
/// is `valid` (the default) and `POSSIBLE` when it is `possible`. National
/// forms are read in `options.default_region` (`ZZ`: only international
/// forms are found).
///
/// Each number goes through the same reading as [`super::normalize`]:
/// letters are never read as digits, and a candidate whose digits would
/// change is not returned.
///
/// ```
/// use telschema::{phone, Options};
///
/// let text = "Call 312-535-4200 or +44 20 7031 3000, not 12/10/2024.";
/// let found = phone::find_numbers(text, &Options::default()).unwrap();
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[0].start..found[0].end], "312-535-4200");
/// assert_eq!(found[1].number.e164, "+442070313000");
/// ```
///
/// # Errors
///
/// `unknown_region` for a default region the metadata does not know;
/// `limit_exceeded` for a text over [`MAX_TEXT_CHARS`] characters.
pub fn find_numbers(text: &str, options: &Options) -> Result<Vec<Found>, PhoneError> {
    let chars: Vec<char> = text.chars().collect();
    let found = find_in_chars(&chars, options)?;
    // Character index -> byte offset, walking once.
    let mut out = Vec::with_capacity(found.len());
    let mut byte = 0usize;
    let mut at = 0usize;
    let advance = |to: usize, byte: &mut usize, at: &mut usize| {
        while *at < to {
            *byte += chars.get(*at).map_or(0, |c| c.len_utf8());
            *at += 1;
        }
    };
    for m in found {
        advance(m.start, &mut byte, &mut at);
        let start = byte;
        advance(m.end, &mut byte, &mut at);
        out.push(Found {
            start,
            end: byte,
            text: text.get(start..byte).unwrap_or("").to_string(),
            number: m.number,
        });
    }
    Ok(out)
}

/// [`find_numbers`] over the characters of a text, in character indices.
pub(crate) fn find_in_chars(text: &[char], options: &Options) -> Result<Vec<CharMatch>, PhoneError> {
    super::default_territory(&options.default_region)?;
    if text.len() > MAX_TEXT_CHARS {
        return Err(PhoneError::LimitExceeded(MAX_TEXT_CHARS));
    }
    let mut m = Matcher {
        text,
        options,
        tries: MAX_TRIES,
    };
    let mut out = Vec::new();
    let mut index = 0;
    while let Some(found) = m.find(index) {
        index = found.end;
        out.push(found);
    }
    Ok(out)
}

// ---------------------------------------------------------------------
// The interpreter.

/// A pattern node. `Lit` compares ignoring case (the matcher's patterns
/// are compiled with `IGNORECASE`); a class's predicate spells out its
/// case variants.
enum Node {
    Class(fn(char) -> bool),
    Lit(&'static str),
    Seq(&'static [Node]),
    Alt(&'static [Node]),
    /// Greedy repetition, `min..=max` times.
    Rep(&'static Node, u16, u16),
    /// Records the position in capture slot `n` (0: group 1 start, 1: its end).
    Save(usize),
    /// `$`: the end, or before a final newline.
    End,
}

const MANY: u16 = u16::MAX;

struct Engine<'a> {
    s: &'a [char],
    steps: Cell<u32>,
    caps: Cell<[usize; 2]>,
}

impl<'a> Engine<'a> {
    fn new(s: &'a [char]) -> Self {
        Engine {
            s,
            steps: Cell::new(0),
            caps: Cell::new([0, 0]),
        }
    }

    fn step(&self) -> bool {
        let n = self.steps.get().saturating_add(1);
        self.steps.set(n);
        n <= STEP_BUDGET
    }

    fn m(&self, n: &Node, pos: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        if !self.step() {
            return false;
        }
        match n {
            Node::Class(f) => self.s.get(pos).is_some_and(|&c| f(c)) && k(pos + 1),
            Node::Lit(lit) => {
                let mut p = pos;
                for want in lit.chars() {
                    match self.s.get(p) {
                        Some(&c) if same_ignoring_case(c, want) => p += 1,
                        _ => return false,
                    }
                }
                k(p)
            }
            Node::Seq(items) => self.seq(items, pos, k),
            Node::Alt(items) => items.iter().any(|item| self.m(item, pos, k)),
            Node::Rep(inner, min, max) => {
                if let Node::Class(f) = inner {
                    // A class repeated: count the run, then try the longest first.
                    let mut run = 0usize;
                    while run < usize::from(*max) && self.s.get(pos + run).is_some_and(|&c| f(c)) {
                        run += 1;
                    }
                    let min = usize::from(*min);
                    if run < min {
                        return false;
                    }
                    (min..=run).rev().any(|r| self.step() && k(pos + r))
                } else {
                    self.rep(inner, *min, *max, 0, pos, k)
                }
            }
            Node::Save(slot) => {
                let old = self.caps.get();
                let mut new = old;
                if let Some(c) = new.get_mut(*slot) {
                    *c = pos;
                }
                self.caps.set(new);
                if k(pos) {
                    return true;
                }
                self.caps.set(old);
                false
            }
            Node::End => {
                let end = pos == self.s.len() || (pos + 1 == self.s.len() && self.s.get(pos) == Some(&'\n'));
                end && k(pos)
            }
        }
    }

    fn seq(&self, items: &[Node], pos: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        match items.split_first() {
            None => k(pos),
            Some((first, rest)) => self.m(first, pos, &mut |p| self.seq(rest, p, k)),
        }
    }

    fn rep(&self, n: &Node, min: u16, max: u16, count: u16, pos: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        if count < max && self.m(n, pos, &mut |p| p != pos && self.rep(n, min, max, count + 1, p, k)) {
            return true;
        }
        count >= min && k(pos)
    }

    /// `pattern.match(s, pos)`: the end of the first match starting at `pos`.
    fn match_at(&self, n: &Node, pos: usize) -> Option<usize> {
        let mut end = None;
        self.m(n, pos, &mut |p| {
            end = Some(p);
            true
        });
        end
    }

    /// `pattern.search(s, pos)`: the start and end of the leftmost match.
    fn search(&self, n: &Node, from: usize, may_start: fn(char) -> bool) -> Option<(usize, usize)> {
        (from..=self.s.len())
            .filter(|&i| self.s.get(i).is_some_and(|&c| may_start(c)))
            .find_map(|i| {
                self.steps.set(0);
                self.match_at(n, i).map(|e| (i, e))
            })
    }
}

fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn same_ignoring_case(a: char, b: char) -> bool {
    a == b || fold(a) == fold(b)
}

// ---------------------------------------------------------------------
// Character classes.

/// `\d` (`\p{Nd}`).
fn digit(c: char) -> bool {
    decimal_digit(c).is_some()
}

/// Python's `\s` (`str.isspace`).
fn space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\u{1C}'..='\u{1F}' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}'
        | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// `VALID_PUNCTUATION` under `IGNORECASE` (so `X` as well as `x`).
fn punctuation(c: char) -> bool {
    matches!(c, '-' | 'x' | 'X' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}'..='\u{FF0F}' | ' '
        | '\u{A0}' | '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{3000}' | '(' | ')' | '\u{FF08}' | '\u{FF09}'
        | '\u{FF3B}' | '\u{FF3D}' | '.' | '[' | ']' | '/' | '~' | '\u{2053}' | '\u{223C}' | '\u{FF5E}')
}

fn opening(c: char) -> bool {
    matches!(c, '(' | '[' | '\u{FF08}' | '\u{FF3B}')
}

fn closing(c: char) -> bool {
    matches!(c, ')' | ']' | '\u{FF09}' | '\u{FF3D}')
}

fn not_bracket(c: char) -> bool {
    !opening(c) && !closing(c)
}

/// `LEAD_CLASS`: opening brackets and plus signs.
fn lead(c: char) -> bool {
    opening(c) || matches!(c, '+' | '\u{FF0B}')
}

fn lead_or_digit(c: char) -> bool {
    lead(c) || digit(c)
}

fn not_newline(c: char) -> bool {
    c != '\n'
}

fn separator_before_label(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\t' | ',')
}

fn after_label_mark(c: char) -> bool {
    matches!(c, ':' | '.' | '\u{FF0E}')
}

fn separator_after_label(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\t' | ',' | '-')
}

fn ambiguous_label(c: char) -> bool {
    matches!(
        c,
        'x' | 'X' | '\u{FF58}' | '\u{FF38}' | '#' | '\u{FF03}' | '~' | '\u{FF5E}'
    )
}

fn dash_or_space(c: char) -> bool {
    c == '-' || c == ' '
}

fn dash(c: char) -> bool {
    c == '-'
}

fn slash(c: char) -> bool {
    c == '/'
}

fn open_paren(c: char) -> bool {
    c == '('
}

fn not_open_paren(c: char) -> bool {
    c != '('
}

fn dot(c: char) -> bool {
    c == '.'
}

fn not_dot(c: char) -> bool {
    c != '.'
}

fn not_space(c: char) -> bool {
    !space(c)
}

fn wide_hyphen(c: char) -> bool {
    matches!(c, '\u{2012}'..='\u{2015}' | '\u{FF0D}')
}

fn d0_1(c: char) -> bool {
    matches!(c, '0' | '1')
}

fn d0_2(c: char) -> bool {
    matches!(c, '0'..='2')
}

fn d0_3(c: char) -> bool {
    matches!(c, '0'..='3')
}

fn d0_5(c: char) -> bool {
    matches!(c, '0'..='5')
}

fn d1_2(c: char) -> bool {
    matches!(c, '1' | '2')
}

fn dash_or_slash(c: char) -> bool {
    c == '-' || c == '/'
}

fn ascii_space(c: char) -> bool {
    c == ' '
}

fn colon(c: char) -> bool {
    c == ':'
}

// ---------------------------------------------------------------------
// The patterns.

const DIGIT: Node = Node::Class(digit);
const DIGIT_BLOCK: Node = Node::Rep(&DIGIT, 1, 20);
const PUNCTUATION: Node = Node::Rep(&Node::Class(punctuation), 0, 4);

/// `EXTN_PATTERNS_FOR_MATCHING`.
const EXTENSION: Node = Node::Alt(&[
    // rfcExtn
    Node::Seq(&[Node::Lit(";ext="), Node::Rep(&DIGIT, 1, 20)]),
    // explicitExtn
    Node::Seq(&[
        Node::Rep(&Node::Class(separator_before_label), 0, MANY),
        Node::Alt(&[
            Node::Seq(&[
                Node::Rep(&Node::Lit("e"), 0, 1),
                Node::Lit("xt"),
                Node::Rep(
                    &Node::Seq(&[
                        Node::Lit("ensi"),
                        Node::Alt(&[
                            Node::Seq(&[Node::Lit("o"), Node::Rep(&Node::Lit("\u{301}"), 0, 1)]),
                            Node::Lit("\u{F3}"),
                        ]),
                    ]),
                    0,
                    1,
                ),
                Node::Rep(&Node::Lit("n"), 0, 1),
            ]),
            Node::Seq(&[
                Node::Rep(&Node::Lit("\u{FF45}"), 0, 1),
                Node::Lit("\u{FF58}\u{FF54}"),
                Node::Rep(&Node::Lit("\u{FF4E}"), 0, 1),
            ]),
            Node::Lit("\u{434}\u{43E}\u{431}"),
            Node::Lit("anexo"),
        ]),
        Node::Rep(&Node::Class(after_label_mark), 0, 1),
        Node::Rep(&Node::Class(separator_after_label), 0, MANY),
        Node::Rep(&DIGIT, 1, 20),
        Node::Rep(&Node::Lit("#"), 0, 1),
    ]),
    // ambiguousExtn
    Node::Seq(&[
        Node::Rep(&Node::Class(separator_before_label), 0, MANY),
        Node::Alt(&[
            Node::Class(ambiguous_label),
            Node::Lit("int"),
            Node::Lit("\u{FF49}\u{FF4E}\u{FF54}"),
        ]),
        Node::Rep(&Node::Class(after_label_mark), 0, 1),
        Node::Rep(&Node::Class(separator_after_label), 0, MANY),
        Node::Rep(&DIGIT, 1, 9),
        Node::Rep(&Node::Lit("#"), 0, 1),
    ]),
    // americanStyleExtnWithSuffix
    Node::Seq(&[
        Node::Rep(&Node::Class(dash_or_space), 1, MANY),
        Node::Rep(&DIGIT, 1, 6),
        Node::Lit("#"),
    ]),
]);

/// `PhoneNumberMatcher.PATTERN`.
const PATTERN: Node = Node::Seq(&[
    Node::Rep(&Node::Seq(&[Node::Class(lead), PUNCTUATION]), 0, 2),
    DIGIT_BLOCK,
    Node::Rep(&Node::Seq(&[PUNCTUATION, DIGIT_BLOCK]), 0, 20),
    Node::Rep(&EXTENSION, 0, 1),
]);

/// `MATCHING_BRACKETS`, matched against the whole candidate.
const MATCHING_BRACKETS: Node = Node::Seq(&[
    Node::Rep(&Node::Class(opening), 0, 1),
    Node::Rep(
        &Node::Seq(&[Node::Rep(&Node::Class(not_bracket), 1, MANY), Node::Class(closing)]),
        0,
        1,
    ),
    Node::Rep(&Node::Class(not_bracket), 1, MANY),
    Node::Rep(
        &Node::Seq(&[
            Node::Class(opening),
            Node::Rep(&Node::Class(not_bracket), 1, MANY),
            Node::Class(closing),
        ]),
        0,
        3,
    ),
    Node::Rep(&Node::Class(not_bracket), 0, MANY),
    Node::End,
]);

/// `PUB_PAGES`: `211-227 (2003`.
const PUB_PAGES: Node = Node::Seq(&[
    Node::Rep(&DIGIT, 1, 5),
    Node::Rep(&Node::Class(dash), 1, MANY),
    Node::Rep(&DIGIT, 1, 5),
    Node::Rep(&Node::Class(space), 0, 4),
    Node::Class(open_paren),
    Node::Rep(&DIGIT, 1, 4),
]);

/// `SLASH_SEPARATED_DATES`: `3/10/2011`, `31/10/96`.
const SLASH_SEPARATED_DATES: Node = Node::Seq(&[
    Node::Alt(&[
        Node::Seq(&[
            Node::Rep(&Node::Class(d0_3), 0, 1),
            DIGIT,
            Node::Class(slash),
            Node::Rep(&Node::Class(d0_1), 0, 1),
            DIGIT,
        ]),
        Node::Seq(&[
            Node::Rep(&Node::Class(d0_1), 0, 1),
            DIGIT,
            Node::Class(slash),
            Node::Rep(&Node::Class(d0_3), 0, 1),
            DIGIT,
        ]),
    ]),
    Node::Class(slash),
    Node::Rep(&Node::Seq(&[Node::Class(d1_2), DIGIT]), 0, 1),
    DIGIT,
    DIGIT,
]);

/// `TIME_STAMPS`: `2012-01-02 08` at the end of the candidate.
const TIME_STAMPS: Node = Node::Seq(&[
    Node::Class(d1_2),
    DIGIT,
    DIGIT,
    DIGIT,
    Node::Rep(&Node::Class(dash_or_slash), 0, 1),
    Node::Class(d0_1),
    DIGIT,
    Node::Rep(&Node::Class(dash_or_slash), 0, 1),
    Node::Class(d0_3),
    DIGIT,
    Node::Rep(&Node::Class(ascii_space), 1, MANY),
    Node::Class(d0_2),
    DIGIT,
    Node::End,
]);

/// `TIME_STAMPS_SUFFIX`: `:00` right after the candidate.
const TIME_STAMPS_SUFFIX: Node = Node::Seq(&[Node::Class(colon), Node::Class(d0_5), DIGIT]);

/// `INNER_MATCHES`, in order, each with the character a match can start with.
/// A pattern and the characters a match of it can start with.
type Searched = (Node, fn(char) -> bool);

const INNER_MATCHES: [Searched; 6] = [
    // `/+(.*)`: "651-234-2345/332-445-1234"
    (
        Node::Seq(&[
            Node::Rep(&Node::Class(slash), 1, MANY),
            Node::Save(0),
            Node::Rep(&Node::Class(not_newline), 0, MANY),
            Node::Save(1),
        ]),
        slash,
    ),
    // `(\([^(]*)`: "(650) 223 3345 (754) 223 3321"
    (
        Node::Seq(&[
            Node::Save(0),
            Node::Class(open_paren),
            Node::Rep(&Node::Class(not_open_paren), 0, MANY),
            Node::Save(1),
        ]),
        open_paren,
    ),
    // `(?:\s-|-\s)\s*(.+)`: "12345 - 332-445-1234 is my number."
    (
        Node::Seq(&[
            Node::Alt(&[
                Node::Seq(&[Node::Class(space), Node::Class(dash)]),
                Node::Seq(&[Node::Class(dash), Node::Class(space)]),
            ]),
            Node::Rep(&Node::Class(space), 0, MANY),
            Node::Save(0),
            Node::Rep(&Node::Class(not_newline), 1, MANY),
            Node::Save(1),
        ]),
        space_or_dash,
    ),
    // `[‒-―－]\s*(.+)`
    (
        Node::Seq(&[
            Node::Class(wide_hyphen),
            Node::Rep(&Node::Class(space), 0, MANY),
            Node::Save(0),
            Node::Rep(&Node::Class(not_newline), 1, MANY),
            Node::Save(1),
        ]),
        wide_hyphen,
    ),
    // `\.+\s*([^.]+)`: "12345. 332-445-1234 is my number."
    (
        Node::Seq(&[
            Node::Rep(&Node::Class(dot), 1, MANY),
            Node::Rep(&Node::Class(space), 0, MANY),
            Node::Save(0),
            Node::Rep(&Node::Class(not_dot), 1, MANY),
            Node::Save(1),
        ]),
        dot,
    ),
    // `\s+(\S+)`: "3324451234 8002341234"
    (
        Node::Seq(&[
            Node::Rep(&Node::Class(space), 1, MANY),
            Node::Save(0),
            Node::Rep(&Node::Class(not_space), 1, MANY),
            Node::Save(1),
        ]),
        space,
    ),
];

fn space_or_dash(c: char) -> bool {
    space(c) || c == '-'
}

// ---------------------------------------------------------------------
// The matcher.

struct Matcher<'a> {
    text: &'a [char],
    options: &'a Options,
    tries: u32,
}

impl Matcher<'_> {
    /// `find(index)`: the next number at or after `index`.
    fn find(&mut self, mut index: usize) -> Option<CharMatch> {
        let engine = Engine::new(self.text);
        while self.tries > 0 {
            let (start, end) = engine.search(&PATTERN, index, lead_or_digit)?;
            let mut candidate = self.text.get(start..end)?;
            candidate = trim_after_second_number_start(candidate);
            if let Some(m) = self.extract_match(candidate, start) {
                return Some(m);
            }
            self.tries = self.tries.saturating_sub(1);
            index = start + candidate.len().max(1);
        }
        None
    }

    fn extract_match(&mut self, candidate: &[char], offset: usize) -> Option<CharMatch> {
        let e = Engine::new(candidate);
        if e.search(&SLASH_SEPARATED_DATES, 0, digit).is_some() {
            return None;
        }
        if e.search(&TIME_STAMPS, 0, d1_2).is_some() {
            let following = self.text.get(offset + candidate.len()..).unwrap_or(&[]);
            let f = Engine::new(following);
            if f.match_at(&TIME_STAMPS_SUFFIX, 0).is_some() {
                return None;
            }
        }
        if let Some(m) = self.parse_and_verify(candidate, offset) {
            return Some(m);
        }
        self.extract_inner_match(candidate, offset)
    }

    fn extract_inner_match(&mut self, candidate: &[char], offset: usize) -> Option<CharMatch> {
        let e = Engine::new(candidate);
        for (pattern, may_start) in &INNER_MATCHES {
            let mut found = e.search(pattern, 0, *may_start);
            let mut first = true;
            while let Some((start, _)) = found {
                if self.tries == 0 {
                    break;
                }
                if first {
                    let group = trim_unwanted_end(candidate.get(..start).unwrap_or(&[]));
                    if let Some(m) = self.parse_and_verify(group, offset) {
                        return Some(m);
                    }
                    self.tries = self.tries.saturating_sub(1);
                    first = false;
                }
                let [g0, g1] = e.caps.get();
                let group = trim_unwanted_end(candidate.get(g0..g1).unwrap_or(&[]));
                if let Some(m) = self.parse_and_verify(group, offset + g0) {
                    return Some(m);
                }
                self.tries = self.tries.saturating_sub(1);
                found = e.search(pattern, start + 1, *may_start);
            }
        }
        None
    }

    fn parse_and_verify(&self, candidate: &[char], offset: usize) -> Option<CharMatch> {
        let e = Engine::new(candidate);
        e.match_at(&MATCHING_BRACKETS, 0)?;
        if e.search(&PUB_PAGES, 0, digit).is_some() {
            return None;
        }
        let valid = self.options.phone_level == PhoneLevel::Valid;
        if valid {
            if offset > 0 && !candidate.first().is_some_and(|&c| lead(c)) {
                let previous = *self.text.get(offset - 1)?;
                if invalid_punctuation(previous) || latin_letter(previous) {
                    return None;
                }
            }
            if let Some(&next) = self.text.get(offset + candidate.len()) {
                if invalid_punctuation(next) || latin_letter(next) {
                    return None;
                }
            }
        }
        let written: String = candidate.iter().collect();
        let read = read_detailed(&written, self.options).ok()?;
        let n = read.number;
        let ok = if valid {
            n.valid
                && only_valid_x_chars(&n, candidate, self.options)
                && national_prefix_present_if_required(&n, read.source, read.code_in_national, candidate)
        } else {
            n.possible
        };
        ok.then(|| CharMatch {
            start: offset,
            end: offset + candidate.len(),
            number: n,
        })
    }
}

/// `SECOND_NUMBER_START_PATTERN` (`[\\/] *x`): the candidate up to it.
fn trim_after_second_number_start(candidate: &[char]) -> &[char] {
    for (i, &c) in candidate.iter().enumerate() {
        if c == '\\' || c == '/' {
            let rest = candidate.get(i + 1..).unwrap_or(&[]);
            let spaces = rest.iter().take_while(|&&c| c == ' ').count();
            if rest.get(spaces) == Some(&'x') {
                return candidate.get(..i).unwrap_or(&[]);
            }
        }
    }
    candidate
}

/// `UNWANTED_END_CHAR_PATTERN` (`(?:_|[^#\w])+$`): trailing characters
/// that are neither letters, numbers nor `#` removed.
fn trim_unwanted_end(s: &[char]) -> &[char] {
    let keep = s
        .iter()
        .rposition(|&c| c == '#' || c.is_alphanumeric())
        .map_or(0, |i| i + 1);
    s.get(..keep).unwrap_or(&[])
}

/// `isInvalidPunctuationSymbol`: `%` or a currency symbol (`\p{Sc}`).
fn invalid_punctuation(c: char) -> bool {
    const SC: [(u32, u32); 21] = [
        (0x24, 0x24),
        (0xA2, 0xA5),
        (0x58F, 0x58F),
        (0x60B, 0x60B),
        (0x7FE, 0x7FF),
        (0x9F2, 0x9F3),
        (0x9FB, 0x9FB),
        (0xAF1, 0xAF1),
        (0xBF9, 0xBF9),
        (0xE3F, 0xE3F),
        (0x17DB, 0x17DB),
        (0x20A0, 0x20C0),
        (0xA838, 0xA838),
        (0xFDFC, 0xFDFC),
        (0xFE69, 0xFE69),
        (0xFF04, 0xFF04),
        (0xFFE0, 0xFFE1),
        (0xFFE5, 0xFFE6),
        (0x11FDD, 0x11FE0),
        (0x1E2FF, 0x1E2FF),
        (0x1ECB0, 0x1ECB0),
    ];
    let u = c as u32;
    c == '%' || SC.iter().any(|&(a, b)| (a..=b).contains(&u))
}

/// `isLatinLetter`: a letter or combining mark in the Latin blocks.
fn latin_letter(c: char) -> bool {
    let u = c as u32;
    let combining = (0x300..=0x36F).contains(&u);
    let latin_block = u <= 0x24F || (0x1E00..=0x1EFF).contains(&u) || combining;
    latin_block && (combining || tables::is_letter(c))
}

fn digits_only(s: &[char]) -> String {
    s.iter()
        .filter_map(|&c| decimal_digit(c))
        .map(|d| char::from(b'0' + d))
        .collect()
}

/// `containsOnlyValidXChars`: an `x` starts the extension, and `xx` a
/// carrier code before the national number.
fn only_valid_x_chars(n: &NormalizedNumber, candidate: &[char], options: &Options) -> bool {
    let mut i = 0;
    while i + 1 < candidate.len() {
        let is_x = |c: Option<&char>| matches!(c, Some('x' | 'X'));
        if is_x(candidate.get(i)) {
            if is_x(candidate.get(i + 1)) {
                i += 1;
                // isNumberMatch(number, rest) == NSN_MATCH: the rest read in the
                // number's own region is the same national number. A rest in
                // international form gives EXACT_MATCH there, never NSN_MATCH.
                let rest = candidate.get(i + 1..).unwrap_or(&[]);
                if rest.iter().any(|&c| c == '+' || c == '\u{FF0B}') {
                    return false;
                }
                let region = tables::main_territory(u32::from(n.country_code)).map_or("ZZ", |t| t.id);
                let own = Options {
                    default_region: region.to_string(),
                    ..options.clone()
                };
                let text: String = rest.iter().collect();
                let same = super::normalize(&text, &own)
                    .is_ok_and(|m| m.national_number == n.national_number && m.extension == n.extension);
                if !same {
                    return false;
                }
            } else {
                // libphonenumber keeps the extension as written and compares it
                // with the ASCII digits after the `x`: an extension written in
                // other digits (`x３９４`) fails here, and so do we.
                let rest = candidate.get(i..).unwrap_or(&[]);
                let ascii = rest.iter().all(|&c| c.is_ascii_digit() || decimal_digit(c).is_none());
                if !ascii || Some(digits_only(rest)) != n.extension {
                    return false;
                }
            }
        }
        i += 1;
    }
    true
}

/// `isNationalPrefixPresentIfRequired`: a number read in national form
/// whose format writes the national prefix must have it.
fn national_prefix_present_if_required(
    n: &NormalizedNumber,
    source: Source,
    code_in_national: bool,
    candidate: &[char],
) -> bool {
    if source != Source::Default || code_in_national {
        return true;
    }
    let Some(t) = tables::main_territory(u32::from(n.country_code)) else {
        return true;
    };
    let Some(rule) = choose_format(t.formats(), &n.national_number) else {
        return true;
    };
    let Some(np_rule) = rule.national_prefix_rule() else {
        return true;
    };
    if rule.flags & tables::NP_OPTIONAL != 0 || first_group_only(np_rule) {
        return true;
    }
    let mut raw = digits_only(candidate);
    strip_national_prefix(&mut raw, t)
}

/// `formattingRuleHasFirstGroupOnly`: `\(?\$1\)?`.
fn first_group_only(rule: &str) -> bool {
    let r = rule.strip_prefix('(').unwrap_or(rule);
    let r = r.strip_suffix(')').unwrap_or(r);
    r == "$1"
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn spans(text: &str, region: &str) -> Vec<String> {
        find_numbers(text, &Options::with_region(region))
            .unwrap()
            .into_iter()
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn pattern_is_greedy_like_re() {
        let chars: Vec<char> = "+1 (312) 535-4200 ext. 12 and".chars().collect();
        let e = Engine::new(&chars);
        assert_eq!(e.match_at(&PATTERN, 0), Some(25));
        let chars: Vec<char> = "x".chars().collect();
        assert_eq!(Engine::new(&chars).match_at(&PATTERN, 0), None);
    }

    #[test]
    fn finds_numbers_in_prose() {
        assert_eq!(
            spans("Call (312) 535-4200 or 312.535.4201, fax +44 20 7031 3000.", "US"),
            ["(312) 535-4200", "312.535.4201", "+44 20 7031 3000"]
        );
    }

    #[test]
    fn skips_dates_pages_letters_and_money() {
        assert!(spans("on 12/10/2024 and 03/04/99", "US").is_empty());
        assert!(spans("VLDB J. 12(3): 211-227 (2003).", "US").is_empty());
        assert!(spans("abc3125354200 or 3125354200def", "US").is_empty());
        assert!(spans("$3125354200", "US").is_empty());
        assert_eq!(spans("$3125354200", "US").len(), 0);
    }

    #[test]
    fn possible_finds_what_valid_does_not() {
        let mut o = Options::with_region("US");
        assert!(find_numbers("abc3125354200", &o).unwrap().is_empty());
        o.phone_level = PhoneLevel::Possible;
        let f = find_numbers("abc3125354200", &o).unwrap();
        assert_eq!((f.len(), f[0].start), (1, 3));
    }

    #[test]
    fn national_prefix_required_where_written() {
        // GB numbers are written with their 0: without it, not in text.
        assert_eq!(spans("ring 020 7031 3000", "GB"), ["020 7031 3000"]);
        assert!(spans("ring 20 7031 3000", "GB").is_empty());
    }

    #[test]
    fn offsets_are_utf8_bytes() {
        let text = "Téléphone : 01 42 68 53 00 — merci";
        let f = find_numbers(text, &Options::with_region("FR")).unwrap();
        assert_eq!(f.len(), 1);
        assert_eq!(&text[f[0].start..f[0].end], "01 42 68 53 00");
    }

    #[test]
    fn limit_and_region_errors() {
        let long = "1".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            find_numbers(&long, &Options::default()).unwrap_err().code(),
            "limit_exceeded"
        );
        assert_eq!(
            find_numbers("x", &Options::with_region("QQ")).unwrap_err().code(),
            "unknown_region"
        );
    }

    #[test]
    fn adversarial_texts_stay_fast() {
        let pieces = [
            "1",
            "23",
            "456",
            "-",
            "/",
            " ",
            "(",
            ")",
            "+",
            "x",
            ".",
            "ext. 1",
            "#",
            " - ",
            "12/10/2024",
        ];
        let mut text = String::new();
        let mut seed = 7u32;
        while text.len() < 200_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
        }
        for t in [text, "1/".repeat(50_000), "(".repeat(100_000), "1 ".repeat(50_000)] {
            let started = std::time::Instant::now();
            find_numbers(&t, &Options::default()).unwrap();
            assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
        }
    }
}
