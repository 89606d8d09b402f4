//! The numbers-in-text oracle: `tests/oracle/matcher.json` holds texts with
//! numbers of many regions in them and what Python's `phonenumbers` 9.0.33
//! `PhoneNumberMatcher` (a port of Google's libphonenumber with the same
//! metadata; `make oracle` regenerates it with
//! `tests/oracle/generate_matcher.py`) finds in each at leniency VALID, and
//! for a share of them at POSSIBLE. A text agrees when `find_numbers` gives
//! the same numbers (E.164 and extension) at the same offsets.
//!
//! Where our integrity rule refuses what libphonenumber accepts (a number
//! whose digits `normalize` would not keep, letters read as digits, two
//! numbers in one), the text is counted and listed apart, by cause.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use telschema::phone;
use telschema::{Options, PhoneLevel};

fn oracle() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/matcher.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("oracle JSON")
}

/// (start, end) in UTF-8 bytes, E.164, extension.
type Span = (usize, usize, String, Option<String>);

fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(b, _)| b)
}

fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            c.to_digit(10)
                .map_or_else(|| unicode_digit(c), |d| char::from(b'0' + d as u8))
        })
        .collect()
}

/// The value of a non-ASCII decimal digit of the corpus (Arabic-Indic,
/// extended Arabic-Indic, fullwidth), as the character itself otherwise.
fn unicode_digit(c: char) -> char {
    for zero in ['\u{660}', '\u{6F0}', '\u{FF10}', '\u{966}'] {
        let d = (c as u32).wrapping_sub(zero as u32);
        if d < 10 {
            return char::from(b'0' + d as u8);
        }
    }
    c
}

fn google(text: &str, list: &Value) -> Vec<Span> {
    list.as_array()
        .expect("list")
        .iter()
        .map(|m| {
            let s = byte_offset(text, m["start"].as_u64().expect("start") as usize);
            let e = byte_offset(text, m["end"].as_u64().expect("end") as usize);
            assert_eq!(&text[s..e], m["raw"].as_str().expect("raw"), "offsets of {m}");
            (
                s,
                e,
                m["e164"].as_str().expect("e164").to_string(),
                // libphonenumber keeps an extension's digits as written; ours are ASCII.
                m["extension"].as_str().map(ascii_digits),
            )
        })
        .collect()
}

fn ours(text: &str, region: &str, level: PhoneLevel) -> Vec<Span> {
    let mut options = Options::with_region(region);
    options.phone_level = level;
    phone::find_numbers(text, &options)
        .expect("find_numbers")
        .into_iter()
        .map(|f| {
            assert_eq!(&text[f.start..f.end], f.text);
            (f.start, f.end, f.number.e164, f.number.extension)
        })
        .collect()
}

/// Why Google's numbers are not ours when the integrity rule decides: the
/// first of Google's numbers we did not return is one `normalize` refuses
/// (after it, the search positions differ, so what follows may too).
fn integrity_cause(text: &str, region: &str, google: &[Span], ours: &[Span]) -> Option<String> {
    let (s, e, _, _) = google.iter().find(|g| !ours.contains(g))?;
    phone::normalize(&text[*s..*e], &Options::with_region(region))
        .err()
        .map(|err| err.code().to_string())
}

fn compare(level: PhoneLevel, key: &str) -> (usize, usize, BTreeMap<String, Vec<String>>, Vec<String>) {
    let doc = oracle();
    let texts = doc["texts"].as_array().expect("texts");
    let (mut agree, mut total) = (0, 0);
    let mut deliberate: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut differences = Vec::new();
    for case in texts {
        let Some(list) = case.get(key) else { continue };
        let text = case["text"].as_str().expect("text");
        let region = case["region"].as_str().expect("region");
        let g = google(text, list);
        let o = ours(text, region, level);
        total += 1;
        if g == o {
            agree += 1;
            continue;
        }
        let line = format!("{region} {text:?}\n    google {g:?}\n    ours   {o:?}");
        match integrity_cause(text, region, &g, &o) {
            Some(cause) => deliberate.entry(cause).or_default().push(line),
            None => differences.push(line),
        }
    }
    (agree, total, deliberate, differences)
}

fn report(level: PhoneLevel, key: &str) -> f64 {
    let (agree, total, deliberate, differences) = compare(level, key);
    assert!(
        total >= 500 || key == "possible" && total >= 100,
        "oracle too small: {total}"
    );
    let apart: usize = deliberate.values().map(Vec::len).sum();
    let judged = total - apart;
    let share = agree as f64 / judged.max(1) as f64;
    println!(
        "find_numbers at {key}: {agree}/{judged} texts agree with PhoneNumberMatcher ({:.2}%); \
         {agree}/{total} of all texts; {apart} differ by the integrity rule",
        share * 100.0
    );
    for (cause, lines) in &deliberate {
        println!("  integrity rule, {cause}: {} texts", lines.len());
        for l in lines.iter().take(5) {
            println!("    {l}");
        }
    }
    println!("  other differences: {}", differences.len());
    for l in differences.iter().take(40) {
        println!("    {l}");
    }
    share
}

#[test]
fn find_numbers_agrees_with_phone_number_matcher_at_valid() {
    let share = report(PhoneLevel::Valid, "valid");
    assert!(share >= 0.99, "agreement {:.2}% < 99%", share * 100.0);
}

#[test]
fn find_numbers_agrees_with_phone_number_matcher_at_possible() {
    let share = report(PhoneLevel::Possible, "possible");
    assert!(share >= 0.99, "agreement {:.2}% < 99%", share * 100.0);
}
