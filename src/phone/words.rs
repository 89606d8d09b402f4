//! The words around and inside a number, read before the engine sees it, so
//! that no letter becomes a digit unless the person wrote a vanity number
//! (the README, "Letters, words and extensions").
//!
//! libphonenumber maps every letter to a keypad digit once a text holds three
//! of them, so `+49 30 1234 (Handy)` becomes `+4930123442639`. Our reading:
//!
//! - a word in brackets, a known label (`mobile`, `work` …) and any word
//!   after a complete number are labels: removed, and named in
//!   [`Reading::labels`] (`check` warns with `phone_label`);
//! - an extension word in one of several languages (`ext`, `x`, `#`,
//!   `poste`, `Durchwahl`, `anexo`, `int.` …) or a dial pause (`w`, `p`, `,`,
//!   `;`) followed by digits at the end is the extension;
//! - letters are keypad digits only when every letter is a capital and the
//!   digits before the first letter are not already a complete number
//!   (`1-800-FLOWERS`, `1 (800) GOT-JUNK`, `+1-888-NEW-CARS`);
//! - anything else with letters is refused with `text_in_number`, and two
//!   extensions with `ambiguous_extension`.

use super::parse::{self, Length};
use super::tables::{decimal_digit, main_territory, Territory};
use super::text;
use super::PhoneError;

/// The number part of a text, its extension and the labels removed from it.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    /// The text the engine parses: no extension, no labels.
    pub number: Vec<char>,
    /// The extension, ASCII digits.
    pub extension: Option<String>,
    /// Text removed as labels, as written.
    pub labels: Vec<String>,
}

/// Extension words, lower case; each must stand as a word of its own.
/// libphonenumber's own (`ext`, `extn`, `extension`, `x`, `anexo`, `доб`,
/// `int`) and those of the languages our users port numbers in.
const EXTENSION_WORDS: [&str; 21] = [
    "ext",
    "extn",
    "extension",
    "extensión",
    "extensão",
    "x",
    "poste",
    "durchwahl",
    "dw",
    "nebenstelle",
    "anexo",
    "ramal",
    "int",
    "interno",
    "interne",
    "toestel",
    "tst",
    "wewn",
    "lokal",
    "доб",
    "вн",
];

/// Words that name a phone line before a number (`Tel 02 …`).
const PHONE_WORDS: [&str; 42] = [
    "tel",
    "tél",
    "tlf",
    "tfn",
    "telf",
    "ph",
    "phone",
    "telephone",
    "téléphone",
    "telefon",
    "telefone",
    "telefono",
    "teléfono",
    "fon",
    "mobile",
    "mob",
    "cell",
    "cel",
    "handy",
    "fax",
    "t",
    "m",
    "f",
    "o",
    "d",
    "direct",
    "office",
    "main",
    "zentrale",
    "call",
    "whatsapp",
    "hotline",
    "home",
    "work",
    "business",
    "private",
    "privat",
    "тел",
    "телефон",
    "電話",
    "电话",
    "携帯",
];

/// A word in lower case, character by character: `str::to_lowercase`
/// differs only on a Greek capital sigma at a word's end, and no word these
/// are compared with is Greek. It keeps `str::to_lowercase` (about 4 KB of
/// WebAssembly code) out of the package (README, Speed and size).
fn lowercase(word: impl Iterator<Item = char>) -> String {
    word.flat_map(char::to_lowercase).collect()
}

fn is_digit(c: char) -> bool {
    decimal_digit(c).is_some()
}

fn is_word_char(c: char) -> bool {
    // No decimal digit is alphabetic (a test checks every character): the
    // full-width and other Unicode digits of a number skip the slow lookup.
    c.is_ascii_alphabetic() || (!c.is_ascii() && decimal_digit(c).is_none() && c.is_alphabetic())
}

fn ascii_digits(s: &[char]) -> String {
    s.iter()
        .filter_map(|&c| decimal_digit(c))
        .map(|d| char::from(b'0' + d))
        .collect()
}

/// Whether `s[j..]` is 1..=20 digits and an optional `#`, to the end.
fn digits_to_end(s: &[char], j: usize) -> bool {
    let mut k = j;
    while s.get(k).is_some_and(|&c| is_digit(c)) {
        k += 1;
    }
    let n = k - j;
    (1..=20).contains(&n) && (k == s.len() || (k + 1 == s.len() && s.get(k) == Some(&'#')))
}

/// An extension word or a dial pause starting at `i` and running, with its
/// digits, to the end of `s`; gives where the digits start.
fn word_extension_at(s: &[char], i: usize) -> Option<usize> {
    // Most positions hold a digit or punctuation that starts no extension.
    let first = *s.get(i)?;
    if !(first.is_whitespace() || matches!(first, ',' | ';' | '#') || is_word_char(first)) {
        return None;
    }
    let j = i + s
        .get(i..)?
        .iter()
        .take_while(|&&c| c.is_whitespace() || matches!(c, ',' | ';'))
        .count();
    if j > 0 && s.get(j - 1).is_some_and(|&c| is_word_char(c)) {
        return None;
    }
    let word_len = s.get(j..)?.iter().take_while(|&&c| is_word_char(c)).count();
    let word = lowercase(s.get(j..j + word_len)?.iter().copied());
    let after_word = j + word_len;
    let is_pause = matches!(word.as_str(), "w" | "p")
        && j > 0
        && s.get(..j)?
            .iter()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_some_and(|&c| is_digit(c));
    let is_word = EXTENSION_WORDS.contains(&word.as_str());
    let is_hash = word_len == 0 && s.get(j) == Some(&'#');
    if !(is_pause || is_word || is_hash) {
        return None;
    }
    let start = after_word
        + s.get(after_word..)?
            .iter()
            .take_while(|&&c| c.is_whitespace() || matches!(c, '.' | ':' | '#' | '=' | '-' | '：' | '．'))
            .count();
    (start > j && digits_to_end(s, start)).then_some(start)
}

/// The first place an extension starts, by libphonenumber's patterns or
/// ours, where what precedes it is still a viable number: `(number end,
/// digits start)`.
fn find_extension(s: &[char]) -> Option<(usize, usize)> {
    // Every form ends in a digit or `#`.
    if !s.last().is_some_and(|&c| c == '#' || is_digit(c)) {
        return None;
    }
    // Neither kind of extension starts outside this window (its digits run to the end).
    let window = text::extension_window(s);
    (window.start.max(1)..window.end.min(s.len())).find_map(|i| {
        let d = text::extension_at(s, i).or_else(|| word_extension_at(s, i))?;
        text::is_viable(s.get(..i)?).then_some((i, d))
    })
}

/// Removes groups in brackets that hold words and no digit (`(Handy)`,
/// `[koti]`); a group left open at the end counts (extraction drops the
/// closing bracket).
fn remove_bracketed_words(s: &[char], labels: &mut Vec<String>) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        let close = match c {
            '(' => ')',
            '[' => ']',
            '\u{FF08}' => '\u{FF09}',
            _ => {
                out.push(c);
                i += 1;
                continue;
            }
        };
        let rest = s.get(i + 1..).unwrap_or(&[]);
        let len = rest.iter().position(|&x| x == close).unwrap_or(rest.len());
        let inner = rest.get(..len).unwrap_or(&[]);
        // `(x) 12` keeps its extension word, so that the digits never join the number.
        let extension_word = || {
            let word = lowercase(inner.iter().collect::<String>().trim().trim_end_matches('.').chars());
            EXTENSION_WORDS.contains(&word.as_str())
        };
        if inner.iter().any(|&x| is_word_char(x)) && !inner.iter().any(|&x| is_digit(x)) && !extension_word() {
            labels.push(inner.iter().collect::<String>().trim().to_string());
            i += len + 2;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether `s` alone is a complete number: valid, or of a possible length
/// (not one only dialled locally).
fn is_complete(s: &[char], default: Option<&Territory>) -> bool {
    let Ok(p) = parse::parse(s, default) else {
        return false;
    };
    let (owner, number_type) = parse::territory_and_type(p.country_code, &p.national);
    if owner.is_some() && number_type != super::NumberType::Unknown {
        return true;
    }
    main_territory(p.country_code).is_some_and(|t| parse::test_number_length(&p.national, t) == Length::IsPossible)
}

fn first_word(s: &[char]) -> String {
    let start = s.iter().position(|&c| is_word_char(c)).unwrap_or(0);
    let rest = s.get(start..).unwrap_or(&[]);
    rest.iter().take_while(|&&c| !c.is_whitespace()).collect()
}

/// The text after a complete number: a label (removed and named) when it
/// holds no digit, else a refusal.
fn label_after(number: &[char], rest: &[char], labels: &mut Vec<String>) -> Result<Vec<char>, PhoneError> {
    if rest.iter().any(|&c| is_digit(c)) {
        return Err(PhoneError::TextInNumber(first_word(rest)));
    }
    labels.push(rest.iter().collect::<String>().trim().to_string());
    Ok(number.to_vec())
}

/// The letter rule on a number part (extension and bracketed labels already
/// removed): the number to parse, or the refusal.
fn letters(number: Vec<char>, default: Option<&Territory>, labels: &mut Vec<String>) -> Result<Vec<char>, PhoneError> {
    let Some(p) = number.iter().position(|&c| is_word_char(c)) else {
        return Ok(number);
    };
    let (head, tail) = number.split_at(p);
    if is_complete(head, default) {
        return label_after(head, tail, labels);
    }
    if is_vanity(tail) {
        // A word after the vanity letters completed the number is a label
        // (`1-800-FLOWERS MAIN`).
        let runs = number
            .iter()
            .enumerate()
            .filter(|&(i, c)| is_word_char(*c) && i > p && number.get(i - 1).is_some_and(|c| c.is_whitespace()))
            .map(|(i, _)| i);
        for r in runs {
            let (done, rest) = number.split_at(r);
            if is_complete(done, default) {
                return label_after(done, rest, labels);
            }
        }
        return Ok(number);
    }
    Err(PhoneError::TextInNumber(first_word(tail)))
}

/// Vanity letters spell words: every letter a capital, three or more of them
/// (libphonenumber drops fewer without a word), and no run of letters that is
/// a single letter or only `O`s and `I`s (`555 O1OO` is a typed 0 and 1, not
/// 6 and 4).
fn is_vanity(s: &[char]) -> bool {
    let letters: Vec<&char> = s.iter().filter(|&&c| is_word_char(c)).collect();
    if letters.len() < 3 || !letters.iter().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    s.split(|c| !c.is_ascii_uppercase())
        .filter(|run| !run.is_empty())
        .all(|run| {
            let word = lowercase(run.iter().copied());
            run.len() >= 2 && !run.iter().all(|c| LOOK_ALIKES.contains(c)) && !EXTENSION_WORDS.contains(&word.as_str())
        })
}

/// Capitals that stand for digits when typed by mistake (O 0, I 1, L 1, S 5,
/// B 8, G 6, Z 2): a run of only these is a misread number, not a word.
const LOOK_ALIKES: [char; 7] = ['O', 'I', 'L', 'S', 'B', 'G', 'Z'];

/// What libphonenumber cuts as a second number (`… / x12`, `… \ x12`): an
/// `x` and digits there are the extension (the slash becomes a space); other
/// digits are refused rather than dropped; a tail without digits is a label.
fn second_number(owned: Vec<char>, labels: &mut Vec<String>) -> Result<Vec<char>, PhoneError> {
    let s = owned.as_slice();
    let start = (0..s.len()).find(|&i| {
        matches!(s.get(i), Some('\\' | '/')) && {
            let j = i + 1 + s.get(i + 1..).unwrap_or(&[]).iter().take_while(|&&c| c == ' ').count();
            matches!(s.get(j), Some('x' | 'X'))
        }
    });
    let Some(i) = start else { return Ok(owned) };
    let tail = s.get(i..).unwrap_or(&[]);
    let x = tail.iter().position(|&c| c == 'x' || c == 'X').unwrap_or(0);
    let after = tail.get(x + 1..).unwrap_or(&[]);
    let k = after
        .iter()
        .take_while(|&&c| c.is_whitespace() || matches!(c, ':' | '.'))
        .count();
    let mut out = s.to_vec();
    if digits_to_end(after, k) {
        if let Some(c) = out.get_mut(i) {
            *c = ' ';
        }
        return Ok(out);
    }
    let text: String = tail.iter().collect::<String>().trim().to_string();
    if tail.iter().any(|&c| is_digit(c)) {
        return Err(PhoneError::TextInNumber(text));
    }
    labels.push(text);
    out.truncate(i);
    Ok(out)
}

/// A short group of digits after a label or as a list marker (`Line 2 …`,
/// `#2 …`, `1. …`, `2) …`, `24/7 …`): when the rest is a complete number on
/// its own and reading the group into it gives another number, which one
/// was written cannot be told, so it is refused.
fn leading_group(prefix: &[char], t: &[char], default: Option<&Territory>) -> Result<(), PhoneError> {
    if t.first().is_some_and(|&c| text::is_plus(c)) {
        return Ok(());
    }
    // Nothing before the number and no marker after a first digit or two:
    // the common case, decided without looking further.
    if prefix.iter().all(|c| c.is_whitespace())
        && !t.iter().take(3).any(|&c| matches!(c, '.' | ')' | '）' | '．' | ']'))
    {
        return Ok(());
    }
    // The group ends at white space, or right after a marker (`2.030 …`, `1)02-…`).
    let g = t
        .iter()
        .position(|&c| c.is_whitespace() || matches!(c, '.' | ')' | '）' | '．' | ']' | '-'))
        .map_or(t.len(), |i| {
            if t.get(i).is_some_and(|c| c.is_whitespace()) {
                i
            } else {
                i + 1
            }
        });
    let (group, rest) = t.split_at(g);
    let group_digits = group.iter().filter(|&&c| is_digit(c)).count();
    let before: Vec<char> = prefix.iter().rev().skip_while(|c| c.is_whitespace()).copied().collect();
    let word: Vec<char> = before
        .iter()
        .skip_while(|&&c| !is_word_char(c) && !c.is_whitespace() && !is_digit(c))
        .take_while(|&&c| is_word_char(c))
        .copied()
        .collect();
    let word = lowercase(word.into_iter().rev());
    let symbol = before.first().is_some_and(|&c| !is_word_char(c) && !is_digit(c));
    let colon = before.first().is_some_and(|&c| matches!(c, ':' | '：'));
    let phone_word = PHONE_WORDS.contains(&word.as_str());
    // A label right before the group: after a word that names no phone line
    // (`Line 2`, `Room 555`, `Line: 2`), a group of up to two digits, or three
    // not starting with 0 (a trunk prefix starts most national forms); after a
    // phone word (`Tel 02 …`, `Tel: 030 …`, where the group is the area code),
    // only one digit without a colon (`Telefon 2 …`); after a symbol alone
    // (`#2`, `*1`, `n°1`, `[1]`), up to two digits.
    let short = group_digits <= 2 || (group_digits == 3 && group.first() != Some(&'0'));
    let labelled = if word.is_empty() {
        symbol && group_digits <= 2 && before.first() != Some(&'(')
    } else if phone_word {
        group_digits == 1 && !colon
    } else {
        short
    };
    // A list marker (`1.`, `2)`, `(1)`), not an area code in brackets (`(02) …`)
    // nor a trunk prefix written with a dot and no space (`06.12345437`,
    // `02.1234.5266`: lists are not numbered from 0).
    let bracketed = before.first() == Some(&'(');
    let dotted_trunk = group.first() == Some(&'0') && rest.first().is_some_and(|&c| is_digit(c));
    let marker = matches!(group.last(), Some('.' | ')' | '）' | '．' | ']'))
        && group_digits <= 2
        && !dotted_trunk
        && (!bracketed || (group_digits == 1 && group.first() != Some(&'0')));
    let slashed = group.contains(&'/') && !word.is_empty() && !phone_word;
    if !(labelled || marker || slashed) || !rest.iter().any(|&c| is_digit(c)) {
        return Ok(());
    }
    let rest = text::extract_possible_number(rest);
    if !is_complete(rest, default) {
        return Ok(());
    }
    let e164 = |x: &[char]| parse::parse(x, default).ok().map(|p| (p.country_code, p.national));
    if e164(t) == e164(rest) {
        return Ok(());
    }
    let written: String = prefix.iter().chain(group.iter()).collect();
    Err(PhoneError::TextInNumber(written.trim().to_string()))
}

/// Whether an extension read from text is a second number: as long as the
/// number itself (`62889;62890`), or a complete number of seven or more
/// digits in the number's own country (`+1 312 555 0100;3125550101`).
pub(crate) fn is_second_number(extension: &str, national_len: usize, own: Option<&Territory>) -> bool {
    let chars: Vec<char> = extension.chars().collect();
    (chars.len() >= 4 && chars.len() >= national_len) || (chars.len() >= 7 && is_complete(&chars, own))
}

/// Reads a text that is not a `tel:` URI.
pub(crate) fn read(input: &[char], default: Option<&Territory>) -> Result<Reading, PhoneError> {
    let mut labels = Vec::new();
    let trimmed = text::strip_trailing_labels(input);
    if trimmed.len() < input.len() {
        let removed: String = input.get(trimmed.len()..).unwrap_or(&[]).iter().collect();
        let removed = removed.trim_matches(|c: char| !c.is_alphanumeric());
        labels.push(removed.to_string());
    }
    // Labels in brackets first, so that none hides a `/ x12` from the
    // second-number rule or joins what it separated.
    let unbracketed = remove_bracketed_words(trimmed, &mut labels);
    let cut = second_number(unbracketed, &mut labels)?;
    // Text before the number is skipped, as libphonenumber does, unless it
    // ends in digits that would change the number.
    let start = cut.iter().position(|&c| text::is_plus(c) || is_digit(c)).unwrap_or(0);
    let t = text::extract_possible_number(&cut);
    leading_group(cut.get(..start).unwrap_or(&[]), t, default)?;
    let (part, extension) = match find_extension(t) {
        Some((end, digits)) => {
            let part = text::extract_possible_number(t.get(..end).unwrap_or(&[]));
            if find_extension(part).is_some() {
                return Err(PhoneError::AmbiguousExtension);
            }
            let extension = ascii_digits(t.get(digits..).unwrap_or(&[]));
            // `3125550100;3125550101`: a second number, not an extension.
            let chars: Vec<char> = extension.chars().collect();
            if extension.len() >= 7 && is_complete(&chars, default) {
                return Err(PhoneError::TwoNumbers);
            }
            (part, Some(extension))
        }
        None => (t, None),
    };
    let number = letters(part.to_vec(), default, &mut labels)?;
    labels.retain(|l| !l.is_empty());
    Ok(Reading {
        number,
        extension,
        labels,
    })
}

/// The letter rule for the number of a `tel:` URI, which has no labels:
/// vanity capitals, else a refusal.
pub(crate) fn check_uri_number(number: &[char], default: Option<&Territory>) -> Result<(), PhoneError> {
    let mut labels = Vec::new();
    letters(number.to_vec(), default, &mut labels)?;
    if labels.is_empty() {
        Ok(())
    } else {
        Err(PhoneError::TextInNumber(labels.join(" ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_character_is_exactly_an_alphabetic_one() {
        let differ: Vec<char> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_word_char(c) != c.is_alphabetic())
            .collect();
        assert_eq!(differ, Vec::<char>::new());
    }

    /// `lowercase` is `str::to_lowercase` wherever the text has no capital
    /// sigma, on every character one at a time and on every word list.
    #[test]
    fn lowercase_is_str_to_lowercase_but_for_final_sigma() {
        let differ: Vec<char> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| c != 'Σ' && lowercase(std::iter::once(c)) != c.to_string().to_lowercase())
            .collect();
        assert_eq!(differ, Vec::<char>::new());
        for word in EXTENSION_WORDS.iter().chain(PHONE_WORDS.iter()) {
            assert!(!word.contains(['σ', 'ς']), "{word}");
            let upper = word.to_uppercase();
            assert_eq!(lowercase(upper.chars()), upper.to_lowercase(), "{word}");
        }
    }

    use proptest::prelude::*;

    proptest! {
        /// The extension scans look only inside `text::extension_window`:
        /// that is scanning every position exactly when no extension (by
        /// libphonenumber's patterns or by our words and pauses) matches
        /// outside it. Texts drawn from what extensions are made of: digits
        /// (ASCII and full-width), blanks, the punctuation around labels, the
        /// letters of the labels in several scripts, and `#`.
        #[test]
        fn no_extension_matches_outside_the_window(
            s in r"[0-9０-９ \t\u{00A0}\-,;:.#=~：．xXeEtTnNsSiIoOaAdDpPwWｘＥ＃～добав]{0,24}"
        ) {
            let chars: Vec<char> = s.chars().collect();
            let window = text::extension_window(&chars);
            for i in 0..=chars.len() {
                if text::extension_at(&chars, i).is_some() || word_extension_at(&chars, i).is_some() {
                    prop_assert!(window.contains(&i), "{:?}: an extension starts at {} outside {:?}", s, i, window);
                }
            }
        }
    }
}
