//! The character-level steps of libphonenumber's parser (`PhoneNumberUtil`):
//! extracting the possible number from text, the viability check, extension
//! extraction and digit normalization, written out by hand from its patterns,
//! plus our own pre-steps for `tel:` URI parameters and labels.

use super::tables::{decimal_digit, is_letter, is_number};

/// `PLUS_CHARS`.
pub(crate) fn is_plus(c: char) -> bool {
    c == '+' || c == '\u{FF0B}'
}

/// `VALID_PUNCTUATION` plus `STAR_SIGN`, under `CASE_INSENSITIVE`.
fn is_punctuation(c: char) -> bool {
    matches!(c,
        '-' | 'x' | 'X' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF0D}'..='\u{FF0F}'
        | ' ' | '\u{00A0}' | '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{3000}' | '(' | ')'
        | '\u{FF08}' | '\u{FF09}' | '\u{FF3B}' | '\u{FF3D}' | '.' | '[' | ']' | '/' | '~'
        | '\u{2053}' | '\u{223C}' | '\u{FF5E}' | '*')
}

fn is_digit(c: char) -> bool {
    decimal_digit(c).is_some()
}

/// Lower-cases one character for the case-insensitive extension labels.
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// `extractPossibleNumber`: from the first plus or digit, without trailing
/// characters that are neither numbers, letters nor `#`, cut before a second
/// number (`/ x`).
pub(crate) fn extract_possible_number(s: &[char]) -> &[char] {
    let Some(start) = s.iter().position(|&c| is_plus(c) || is_digit(c)) else {
        return &[];
    };
    let mut t = s.get(start..).unwrap_or(&[]);
    while let Some((&last, rest)) = t.split_last() {
        if is_number(last) || is_letter(last) || last == '#' {
            break;
        }
        t = rest;
    }
    // SECOND_NUMBER_START_PATTERN: `[\\/] *x`
    for i in 0..t.len() {
        if matches!(t.get(i), Some('\\' | '/')) {
            let mut j = i + 1;
            while t.get(j) == Some(&' ') {
                j += 1;
            }
            if t.get(j) == Some(&'x') {
                return t.get(..i).unwrap_or(&[]);
            }
        }
    }
    t
}

/// Whether `s[j..]` is 1..=`max` digits, then `#` if `hash_ok`, then the end.
fn tail_digits(s: &[char], j: usize, max: usize, hash_ok: bool) -> Option<usize> {
    let mut k = j;
    while s.get(k).is_some_and(|&c| is_digit(c)) {
        k += 1;
    }
    let n = k - j;
    if n == 0 || n > max {
        return None;
    }
    if k == s.len() || (hash_ok && k + 1 == s.len() && s.get(k) == Some(&'#')) {
        Some(j)
    } else {
        None
    }
}

fn skip(s: &[char], mut j: usize, f: impl Fn(char) -> bool) -> usize {
    while s.get(j).is_some_and(|&c| f(c)) {
        j += 1;
    }
    j
}

fn eat(s: &[char], j: usize, word: &str) -> Option<usize> {
    let mut k = j;
    for w in word.chars() {
        if s.get(k).map(|&c| lower(c)) != Some(w) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// Positions where `(?:e?xt(?:ensi(?:o\u0301?|ó))?n?|ｅ?ｘｔｎ?|доб|anexo)` can end.
fn explicit_label_ends(s: &[char], j: usize, out: &mut Vec<usize>) {
    for start in [eat(s, j, "e"), Some(j)].into_iter().flatten() {
        let Some(k) = eat(s, start, "xt") else {
            continue;
        };
        let mut ends = vec![k];
        if let Some(e) = eat(s, k, "ensi") {
            if let Some(o) = eat(s, e, "o") {
                ends.push(o);
                if let Some(acc) = eat(s, o, "\u{301}") {
                    ends.push(acc);
                }
            }
            if let Some(o) = eat(s, e, "ó") {
                ends.push(o);
            }
        }
        for e in ends {
            out.push(e);
            if let Some(n) = eat(s, e, "n") {
                out.push(n);
            }
        }
    }
    for start in [eat(s, j, "ｅ"), Some(j)].into_iter().flatten() {
        if let Some(k) = eat(s, start, "ｘｔ") {
            out.push(k);
            if let Some(n) = eat(s, k, "ｎ") {
                out.push(n);
            }
        }
    }
    out.extend(eat(s, j, "доб"));
    out.extend(eat(s, j, "anexo"));
}

/// After an extension label: `[:\.．]?[ \u00A0\t,-]*` then the digits.
fn after_label(s: &[char], k: usize, max: usize) -> Option<usize> {
    let mut m = k;
    if matches!(s.get(m), Some(':' | '.' | '．')) {
        m += 1;
    }
    let m = skip(s, m, |c| matches!(c, ' ' | '\u{00A0}' | '\t' | ',' | '-'));
    tail_digits(s, m, max, true)
}

/// Whether one of libphonenumber's extension patterns (for parsing) matches
/// all of `s[i..]`; gives where its digits start.
///
/// Our one change: a label that is a word must start a word. libphonenumber's
/// patterns have no word boundary, so the `x` of `Fax 0101`, the `int` of
/// `PRINT-12` or the `x` of `1-800-TAX-1040` would start an extension.
pub(crate) fn extension_at(s: &[char], i: usize) -> Option<usize> {
    let digits = extension_pattern_at(s, i)?;
    let inside_word =
        i > 0 && s.get(i).is_some_and(|c| c.is_alphabetic()) && s.get(i - 1).is_some_and(|c| c.is_alphabetic());
    (!inside_word).then_some(digits)
}

/// Whether an extension pattern may start with `c`: true for every character
/// whose lower case (`lower`) is one the patterns start with, decided without
/// Unicode tables for the digits and punctuation most positions hold (a test
/// checks it against `lower` for every character).
fn may_start_extension(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c.to_ascii_lowercase(),
            ';' | ' ' | '\t' | ',' | '-' | 'e' | 'x' | 'a' | 'i' | '#' | '~'
        )
    } else {
        matches!(
            c,
            '\u{00A0}' | 'ｅ' | 'Ｅ' | 'ｘ' | 'Ｘ' | 'ｉ' | 'Ｉ' | '＃' | '～' | 'д' | 'Д'
        )
    }
}

/// The positions where [`extension_at`] (and `words`' extension words) can
/// match in `s`: every extension pattern runs to the end of `s` in digits
/// (then at most a `#`), with no digit between where it starts and those
/// digits; so it starts after the last digit before the final run of digits,
/// and before that run. Scanning only these is scanning every position.
pub(crate) fn extension_window(s: &[char]) -> std::ops::Range<usize> {
    let end = if s.last() == Some(&'#') { s.len() - 1 } else { s.len() };
    let head = s.get(..end).unwrap_or(&[]);
    let run = head.iter().rev().take_while(|&&c| is_digit(c)).count();
    if run == 0 {
        return 0..0;
    }
    let digits_start = end - run;
    let start = head
        .get(..digits_start)
        .unwrap_or(&[])
        .iter()
        .rposition(|&c| is_digit(c))
        .map_or(0, |p| p + 1);
    start..digits_start
}

/// Whether one of libphonenumber's extension patterns starts with `c`
/// (compared in lower case); [`may_start_extension`] is its quick filter.
fn starts_extension(c: char) -> bool {
    matches!(
        lower(c),
        ';' | ' '
            | '\u{00A0}'
            | '\t'
            | ','
            | '-'
            | 'e'
            | 'x'
            | 'a'
            | 'i'
            | '#'
            | '~'
            | 'ｅ'
            | 'ｘ'
            | 'ｉ'
            | '＃'
            | '～'
            | 'д'
    )
}

fn extension_pattern_at(s: &[char], i: usize) -> Option<usize> {
    // Every alternative ends in a digit or `#`, and starts with one of a few
    // characters: rule most positions out before trying them.
    if !may_start_extension(*s.get(i)?) {
        return None;
    }
    let last = *s.last()?;
    if !(last == '#' || is_digit(last)) {
        return None;
    }
    // The common case, blanks or a hyphen before the last group of digits
    // (`555-0100`, `555 0100`): only `[- ]+digits#` starts with a hyphen, and
    // after blanks only a label, `;` or `,` starts an extension.
    if last != '#' {
        let j = skip(s, i, |c| matches!(c, ' ' | '\u{00A0}' | '\t'));
        if s.get(j).is_some_and(|&c| c == '-' || is_digit(c)) {
            return None;
        }
    }
    if !starts_extension(*s.get(i)?) {
        return None;
    }
    // rfcExtn: ";ext=" + 1..20 digits
    if let Some(k) = eat(s, i, ";ext=") {
        if let Some(d) = tail_digits(s, k, 20, false) {
            return Some(d);
        }
    }
    let j = skip(s, i, |c| matches!(c, ' ' | '\u{00A0}' | '\t' | ','));
    let label = s.get(j).map(|&c| lower(c));
    // explicitExtn
    let mut ends = Vec::new();
    if matches!(label, Some('e' | 'x' | 'a' | 'ｅ' | 'ｘ' | 'д')) {
        explicit_label_ends(s, j, &mut ends);
    }
    if let Some(d) = ends.iter().find_map(|&k| after_label(s, k, 20)) {
        return Some(d);
    }
    // ambiguousExtn
    let mut ends = Vec::new();
    if matches!(s.get(j).map(|&c| lower(c)), Some('x' | 'ｘ' | '#' | '＃' | '~' | '～')) {
        ends.push(j + 1);
    }
    ends.extend(eat(s, j, "int"));
    ends.extend(eat(s, j, "ｉｎｔ"));
    if let Some(d) = ends.iter().find_map(|&k| after_label(s, k, 9)) {
        return Some(d);
    }
    // americanStyleExtnWithSuffix: [- ]+ 1..6 digits #
    let k = skip(s, i, |c| c == '-' || c == ' ');
    if k > i && last == '#' {
        let e = skip(s, k, is_digit);
        if e > k && e - k <= 6 && e + 1 == s.len() && s.get(e) == Some(&'#') {
            return Some(k);
        }
    }
    let j = skip(s, i, |c| matches!(c, ' ' | '\u{00A0}' | '\t'));
    // autoDiallingExtn: ",," or ";"
    let auto = if s.get(j) == Some(&';') {
        Some(j + 1)
    } else if s.get(j) == Some(&',') && s.get(j + 1) == Some(&',') {
        Some(j + 2)
    } else {
        None
    };
    if let Some(d) = auto.and_then(|k| after_label(s, k, 15)) {
        return Some(d);
    }
    // onlyCommasExtn
    if s.get(j) == Some(&',') {
        let k = skip(s, j, |c| c == ',');
        if let Some(d) = after_label(s, k, 9) {
            return Some(d);
        }
    }
    None
}

/// `isViablePhoneNumber`: `VALID_PHONE_NUMBER_PATTERN.matcher(s).matches()`.
pub(crate) fn is_viable(s: &[char]) -> bool {
    if s.len() < 2 {
        return false;
    }
    if s.len() == 2 && s.iter().all(|&c| is_digit(c)) {
        return true;
    }
    let t = s.get(s.iter().take_while(|&&c| is_plus(c)).count()..).unwrap_or(&[]);
    // `(?:[P]*D){3,}[PAD]*` for t[..k], then an optional extension for t[k..].
    let window = extension_window(t);
    let mut digits = 0;
    for k in 0..=t.len() {
        if digits >= 3 && (k == t.len() || (window.contains(&k) && extension_at(t, k).is_some())) {
            return true;
        }
        let Some(&c) = t.get(k) else { break };
        if is_digit(c) {
            digits += 1;
        } else if !(is_punctuation(c) || (c.is_ascii_alphabetic() && digits >= 3)) {
            // A character outside the class ends the number part; only an
            // extension may follow, and none started here.
            return false;
        }
    }
    false
}

/// `maybeStripExtension`: removes the extension from `number` and returns it
/// (ASCII digits), when what precedes it is still a viable number.
pub(crate) fn strip_extension(number: &mut Vec<char>) -> Option<String> {
    let start = extension_window(number).find_map(|i| extension_at(number, i).map(|d| (i, d)));
    let (i, d) = start?;
    if !is_viable(number.get(..i).unwrap_or(&[])) {
        return None;
    }
    let ext: String = number
        .get(d..)
        .unwrap_or(&[])
        .iter()
        .filter_map(|&c| decimal_digit(c))
        .map(|v| char::from(b'0' + v))
        .collect();
    number.truncate(i);
    Some(ext)
}

/// The keypad digit of an ASCII letter (`ALPHA_MAPPINGS`).
pub(crate) fn keypad(c: char) -> Option<u8> {
    Some(match c.to_ascii_uppercase() {
        'A'..='C' => 2,
        'D'..='F' => 3,
        'G'..='I' => 4,
        'J'..='L' => 5,
        'M'..='O' => 6,
        'P'..='S' => 7,
        'T'..='V' => 8,
        'W'..='Z' => 9,
        _ => return None,
    })
}

/// `VALID_ALPHA_PHONE_PATTERN`: three or more ASCII letters.
pub(crate) fn is_alpha_number(s: &[char]) -> bool {
    s.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 3
}

/// libphonenumber's `normalize`: with three or more letters, letters become
/// keypad digits and everything but ASCII digits and letters is dropped
/// (full-width digits too, as in Google's code); otherwise every Unicode
/// decimal digit is kept as its ASCII value.
pub(crate) fn normalize_digits(s: &[char]) -> String {
    let mut out = String::with_capacity(s.len());
    if is_alpha_number(s) {
        out.extend(
            s.iter()
                .filter_map(|&c| {
                    if c.is_ascii_digit() {
                        Some(c as u8 - b'0')
                    } else {
                        keypad(c)
                    }
                })
                .map(|d| char::from(b'0' + d)),
        );
    } else {
        out.extend(s.iter().filter_map(|&c| decimal_digit(c)).map(|d| char::from(b'0' + d)));
    }
    out
}

/// Every digit the person wrote, in order: Unicode digits by value, and
/// letters as keypad digits when the input spells a vanity number. The
/// round-trip guard compares against this.
pub(crate) fn written_digits(s: &[char]) -> String {
    let alpha = is_alpha_number(s);
    let mut out = String::with_capacity(s.len());
    out.extend(
        s.iter()
            .filter_map(|&c| decimal_digit(c).or_else(|| if alpha { keypad(c) } else { None }))
            .map(|d| char::from(b'0' + d)),
    );
    out
}

/// Position of an ASCII `needle` in `hay`.
fn find(hay: &[char], needle: &str) -> Option<usize> {
    let n = needle.len();
    let first = needle.chars().next()?;
    if hay.len() < n {
        return None;
    }
    // Only where the first character is (a `;` most texts do not hold).
    (0..=hay.len() - n).filter(|&i| hay.get(i) == Some(&first)).find(|&i| {
        hay.get(i..i + n)
            .is_some_and(|w| w.iter().zip(needle.chars()).all(|(&a, b)| a == b))
    })
}

/// `isPhoneContextValid` for a non-empty context.
fn phone_context_valid(ctx: &[char]) -> bool {
    // RFC3966_GLOBAL_NUMBER_DIGITS: ^\+(digit|[-.()])*digit(digit|[-.()])*$
    if ctx.first() == Some(&'+') {
        let rest = ctx.get(1..).unwrap_or(&[]);
        return rest.iter().all(|&c| is_digit(c) || matches!(c, '-' | '.' | '(' | ')'))
            && rest.iter().any(|&c| is_digit(c));
    }
    // RFC3966_DOMAINNAME: ^(label\.)*toplabel\.?$
    let body = match ctx.split_last() {
        Some((&'.', rest)) => rest,
        _ => ctx,
    };
    let labels: Vec<&[char]> = body.split(|&c| c == '.').collect();
    let alnum = |c: char| c.is_ascii_alphabetic() || is_digit(c);
    let label_ok = |l: &[char]| {
        !l.is_empty()
            && l.first().is_some_and(|&c| alnum(c))
            && l.last().is_some_and(|&c| alnum(c))
            && l.iter().all(|&c| alnum(c) || c == '-')
    };
    match labels.split_last() {
        Some((top, rest)) => {
            rest.iter().all(|l| label_ok(l)) && label_ok(top) && top.first().is_some_and(|c| c.is_ascii_alphabetic())
        }
        None => false,
    }
}

/// `buildNationalNumberForParsing`: handles `;phone-context=` and `;isub=`,
/// else extracts the possible number. `None` when the context is invalid.
pub(crate) fn national_number_for_parsing(input: &[char]) -> Option<Vec<char>> {
    let mut out = Vec::with_capacity(input.len());
    if let Some(idx) = find(input, ";phone-context=") {
        let start = idx + ";phone-context=".len();
        let rest = input.get(start..).unwrap_or(&[]);
        let ctx = match rest.iter().position(|&c| c == ';') {
            Some(e) => rest.get(..e).unwrap_or(&[]),
            None => rest,
        };
        if ctx.is_empty() || !phone_context_valid(ctx) {
            return None;
        }
        if ctx.first() == Some(&'+') {
            out.extend_from_slice(ctx);
        }
        let nat_start = find(input, "tel:").map_or(0, |i| i + 4);
        if nat_start < idx {
            out.extend_from_slice(input.get(nat_start..idx).unwrap_or(&[]));
        }
    } else {
        out.extend_from_slice(extract_possible_number(input));
    }
    if let Some(i) = find(&out, ";isub=") {
        if i > 0 {
            out.truncate(i);
        }
    }
    Some(out)
}

/// An RFC 3966 URI read by [`tel_uri`].
pub(crate) struct TelUri {
    /// `tel:`, the number, then only `;ext=` and `;phone-context=`, ordered
    /// as libphonenumber expects them.
    pub canonical: Vec<char>,
    /// The number between `tel:` and the first parameter.
    pub number: Vec<char>,
    /// How many `ext` and `postd` parameters the URI has (more than one is refused).
    pub extensions: usize,
    /// Other parameters that hold digits (`;isub=5678`): E.164 cannot keep
    /// them, so the URI is refused rather than losing them.
    pub dropped: Vec<String>,
}

/// Whether `p` is an RFC 3966 parameter: `pname[=pvalue]`, `pname` of
/// letters, digits and hyphens, `pvalue` without white space.
fn is_parameter(p: &[char]) -> bool {
    let eq = p.iter().position(|&c| c == '=').unwrap_or(p.len());
    let name = p.get(..eq).unwrap_or(&[]);
    !name.is_empty()
        && name.iter().all(|&c| c.is_ascii_alphanumeric() || c == '-')
        && !p.iter().any(|c| c.is_whitespace())
}

/// Our pre-step for RFC 3966 URIs: `tel:` in any case, directly followed by
/// the number, every parameter of URI syntax (else the text is not a URI
/// but a label `Tel:` before a number, and nothing after it is lost); only
/// the `ext` and `phone-context` parameters are kept (others, such as
/// `isub` or vendor parameters, carry no digits of the number).
pub(crate) fn tel_uri(s: &[char]) -> Option<TelUri> {
    let scheme = s.len() >= 4 && s.iter().zip("tel:".chars()).all(|(&c, w)| c.eq_ignore_ascii_case(&w));
    if !scheme || s.get(4).map_or(true, |c| c.is_whitespace()) {
        return None;
    }
    let body = s.get(4..).unwrap_or(&[]);
    let mut parts = body.split(|&c| c == ';');
    let number = parts.next().unwrap_or(&[]);
    let (mut ext, mut ctx, mut extensions): (Option<Vec<char>>, Option<Vec<char>>, usize) = (None, None, 0);
    let mut dropped = Vec::new();
    for p in parts {
        if !is_parameter(p) {
            return None;
        }
        let eq = p.iter().position(|&c| c == '=');
        let (key, value) = match eq {
            Some(e) => (p.get(..e).unwrap_or(&[]), p.get(e + 1..).unwrap_or(&[])),
            None => (p, &[][..]),
        };
        let key: String = key.iter().collect::<String>().to_ascii_lowercase();
        match key.as_str() {
            "ext" => {
                ext = Some(value.to_vec());
                extensions += 1;
            }
            // Post-dial digits are dialled after the call connects, as an
            // extension is; pauses (`p`, `w`) go.
            "postd"
                if value
                    .iter()
                    .all(|&c| decimal_digit(c).is_some() || matches!(c, 'p' | 'w' | 'P' | 'W')) =>
            {
                ext = Some(
                    value
                        .iter()
                        .filter_map(|&c| decimal_digit(c))
                        .map(|d| char::from(b'0' + d))
                        .collect(),
                );
                extensions += 1;
            }
            "phone-context" => ctx = Some(value.to_vec()),
            // Post-dial tones (A-D, #, *) and digits of other parameters
            // cannot be kept: refused, not dropped.
            "postd" => dropped.push(format!(";{}", p.iter().collect::<String>())),
            _ if p.iter().any(|&c| decimal_digit(c).is_some()) => {
                dropped.push(format!(";{}", p.iter().collect::<String>()))
            }
            _ => {}
        }
    }
    let mut out: Vec<char> = "tel:".chars().collect();
    out.extend_from_slice(number);
    if let Some(e) = ext {
        out.extend(";ext=".chars());
        out.extend(e);
    }
    if let Some(c) = ctx {
        out.extend(";phone-context=".chars());
        out.extend(c);
    }
    Some(TelUri {
        canonical: out,
        number: number.to_vec(),
        extensions,
        dropped,
    })
}

/// Words people put around a number; removed before letters are read as a
/// vanity number.
const LABELS: [&str; 8] = ["tel", "phone", "mobile", "cell", "fax", "home", "work", "office"];

/// Our pre-step for labels after the number (`+44 20 7946 0958 (mobile)`):
/// a label word separated from the number by a space or bracket is removed,
/// so that libphonenumber does not read its letters as a vanity number.
/// Labels before the number need nothing: extraction starts at the first
/// digit or plus.
pub(crate) fn strip_trailing_labels(s: &[char]) -> &[char] {
    let mut s = s;
    loop {
        let trimmed_len = s.len()
            - s.iter()
                .rev()
                .take_while(|&&c| c.is_whitespace() || matches!(c, ')' | ']' | ':' | '.' | ','))
                .count();
        let t = s.get(..trimmed_len).unwrap_or(&[]);
        let word_len = t.iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
        let word: String = t
            .get(t.len() - word_len..)
            .unwrap_or(&[])
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        let before = t.get(..t.len() - word_len).unwrap_or(&[]);
        let separated = before
            .last()
            .is_some_and(|&c| c.is_whitespace() || matches!(c, '(' | '[' | ',' | ';'));
        if word_len > 0 && LABELS.contains(&word.as_str()) && separated && before.iter().any(|&c| is_digit(c)) {
            s = before;
        } else {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_extension_starts_outside_its_window() {
        let texts = [
            "312 555 0100 ext. 12",
            "312 555 0100 x12#",
            "312 555 0100;ext=1234",
            "312-555-0100 - 12#",
            "312 555 0100,,12",
            "312 555 0100 ; 12",
            "312 555 0100,,,12",
            "312 555 0100 extensión 5",
            "３１２ ５５５ ０１００ ｅｘｔｎ ７",
            "312 555 0100 доб 7",
            "312 555 0100 anexo 7",
            "312 555 0100 int 7",
            "+1 312 555 0100",
            "12 x 34 x 56",
            "#12",
            "x",
            "",
            "1#",
            "ext 1 2",
        ];
        for t in texts {
            let s: Vec<char> = t.chars().collect();
            let window = extension_window(&s);
            let hits: Vec<usize> = (0..=s.len()).filter(|&i| extension_at(&s, i).is_some()).collect();
            assert!(
                hits.iter().all(|i| window.contains(i)),
                "{t}: {hits:?} outside {window:?}"
            );
        }
        let s: Vec<char> = "312 555 0100 ext. 12".chars().collect();
        assert_eq!(extension_window(&s), 12..18);
        assert_eq!(extension_at(&s, 12), Some(18));
    }

    #[test]
    fn the_quick_extension_filter_lets_every_start_through() {
        let missed: Vec<char> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| starts_extension(c) && !may_start_extension(c))
            .collect();
        assert_eq!(missed, Vec::<char>::new());
        // It rules out the characters most positions hold.
        assert!(!"0123456789()+.٣５".chars().any(may_start_extension));
    }
}
