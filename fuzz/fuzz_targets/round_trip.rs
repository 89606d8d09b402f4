//! The round-trip rule against mutated inputs of the committed Google corpus:
//! a valid E.164 from an international-form input never has digits other
//! than the input's after the international prefix, trunk digit and
//! extension are dropped (CONVENTIONS.md). The fuzzer picks a corpus input
//! and mutates it (digits changed, punctuation inserted).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use telschema::{normalize, Options};

fn corpus() -> &'static Vec<(String, String)> {
    static C: OnceLock<Vec<(String, String)>> = OnceLock::new();
    C.get_or_init(|| {
        let text = include_str!("../../tests/corpus/google.json");
        let v: serde_json::Value = serde_json::from_str(text).expect("corpus");
        v["cases"]
            .as_array()
            .expect("cases")
            .iter()
            .map(|c| {
                (
                    c["input"].as_str().unwrap_or("").to_string(),
                    c["region"].as_str().unwrap_or("US").to_string(),
                )
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let cases = corpus();
    let (input, region) = &cases[(usize::from(data[0]) << 8 | usize::from(data[1])) % cases.len()];
    let mut chars: Vec<char> = input.chars().collect();
    for op in data[2..].chunks(2) {
        let (&a, b) = (op.first().unwrap_or(&0), op.get(1).copied().unwrap_or(0));
        if chars.is_empty() {
            break;
        }
        let at = usize::from(b) % chars.len();
        match a % 4 {
            0 => chars[at] = char::from(b'0' + a % 10),
            1 => chars.insert(at, [' ', '-', '.', '(', ')', '/'][usize::from(a) % 6]),
            2 => {
                chars.remove(at);
            }
            _ => chars.insert(at, char::from(b'0' + b % 10)),
        }
    }
    let text: String = chars.into_iter().collect();
    let options = Options::with_region(region.clone());
    let Ok(n) = normalize(&text, &options) else { return };
    if !n.valid || !text.is_ascii() || !text.trim_start().starts_with('+') || text.contains(|c: char| c.is_alphabetic())
    {
        return;
    }
    // International form: the E.164's digits are the input's digits, less a
    // parenthesised trunk digit and the extension.
    let written: String = text.chars().filter(char::is_ascii_digit).collect();
    let e164 = &n.e164[1..];
    let ext = n.extension.as_deref().unwrap_or("");
    let without_ext = written.strip_suffix(ext).unwrap_or(&written);
    let trunk_dropped = without_ext.len() == e164.len() + 1;
    assert!(
        without_ext == e164 || (trunk_dropped && text.contains('(')),
        "{text:?} ({region}) became {} with extension {ext:?}",
        n.e164
    );
});
