//! Properties of as-you-type formatting: it never shows a digit that was not
//! typed (letters are never read as digits), never loses or reorders one,
//! keeps the caret after the same character in `reformat`, and never panics.

use proptest::prelude::*;
use telschema::phone::AsYouType;

const REGIONS: [&str; 12] = ["US", "GB", "DE", "FR", "JP", "AU", "BR", "IN", "MX", "AR", "IT", "ZZ"];

/// The decimal digits of a text, as ASCII (the non-ASCII ones the
/// strategies below type: Arabic-Indic and full-width).
fn digits(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '0'..='9' => c.to_digit(10),
            '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
            '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
            _ => None,
        })
        .map(|d| char::from(b'0' + d as u8))
        .collect()
}

fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphabetic()).collect()
}

/// Keystrokes a person may make: mostly digits, some letters (vanity words,
/// an `x` for an extension), punctuation, plus signs, other scripts' digits.
fn keystroke() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => proptest::char::range('0', '9'),
        2 => prop::sample::select(vec!['A', 'B', 'O', 'l', 'x', 'S', 'I', 'Z', 'é', 'Ω']),
        1 => prop::sample::select(vec![' ', '-', '(', ')', '.', '/', '+', '＋', '#', '*']),
        1 => prop::sample::select(vec!['٣', '٠', '３', '９']),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// After every keystroke the output's digits are exactly the digits typed
    /// and its letters exactly the letters typed: no letter becomes a digit,
    /// no digit is invented, dropped or moved.
    #[test]
    fn never_shows_a_digit_not_typed(region in prop::sample::select(REGIONS.to_vec()),
                                    keys in prop::collection::vec(keystroke(), 0..24)) {
        let mut f = AsYouType::new(region);
        let mut typed = String::new();
        for c in keys {
            typed.push(c);
            let out = f.input(c.encode_utf8(&mut [0; 4]));
            prop_assert_eq!(digits(&out), digits(&typed), "{} typed {:?} shows {:?}", region, typed, out);
            prop_assert_eq!(letters(&out), letters(&typed), "{} typed {:?} shows {:?}", region, typed, out);
        }
    }

    /// A digit inserted in the middle of a formatted value: `reformat` gives
    /// what typing the digits in order gives, with the caret right after the
    /// inserted digit.
    #[test]
    fn reformat_keeps_the_caret_after_the_inserted_digit(
        region in prop::sample::select(REGIONS.to_vec()),
        plus in any::<bool>(),
        number in "[0-9]{1,14}",
        digit in proptest::char::range('0', '9'),
        at in any::<prop::sample::Index>(),
    ) {
        let number = if plus { format!("+{number}") } else { number };
        let mut f = AsYouType::new(region);
        let shown: Vec<char> = f.input(&number).chars().collect();
        // Insert after a character that is a digit (or at the very start,
        // but not before a "+", which would stop the formatting).
        let slots: Vec<usize> = std::iter::once(0).filter(|_| !plus)
            .chain((0..shown.len()).filter(|&i| shown[i].is_ascii_digit()).map(|i| i + 1))
            .collect();
        let caret = slots[at.index(slots.len())];
        let mut value = shown.clone();
        value.insert(caret, digit);
        let value: String = value.into_iter().collect();
        let (out, new_caret) = f.reformat(&value, caret + 1);
        let keys: String = value.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        let mut fresh = AsYouType::new(region);
        prop_assert_eq!(&out, &fresh.input(&keys));
        let before: String = out.chars().take(new_caret).collect();
        let before_value: String = value.chars().take(caret + 1).collect();
        prop_assert_eq!(digits(&before), digits(&before_value), "{:?} caret {} -> {:?} caret {}", value, caret + 1, out, new_caret);
        prop_assert_eq!(out.chars().nth(new_caret - 1), Some(digit));
    }

    /// Any text at all: no panic, and the letters rule still holds.
    #[test]
    fn any_text_is_handled(region in "[A-Z]{2}", text in any::<String>()) {
        let mut f = AsYouType::new(&region);
        let out = f.input(&text);
        prop_assert_eq!(letters(&out), letters(&text));
        let _ = f.reformat(&text, text.chars().count() / 2);
        let _ = f.remembered_position();
    }
}

#[test]
fn formats_as_google_does_while_typing() {
    let mut f = AsYouType::new("US");
    let shown: Vec<String> = "6502530000".chars().map(|c| f.input(&c.to_string())).collect();
    assert_eq!(
        shown,
        [
            "6",
            "65",
            "650",
            "650-2",
            "650-25",
            "650-253",
            "650-2530",
            "(650) 253-00",
            "(650) 253-000",
            "(650) 253-0000"
        ]
    );
    f.reset();
    assert_eq!(f.input("+44 "), "+44 ");
    f.reset();
    assert_eq!(f.input("+442079460958"), "+44 20 7946 0958");
    let mut gb = AsYouType::new("gb");
    assert_eq!(gb.input("02079460958"), "020 7946 0958");
    // Unknown region: only "+" numbers are formatted.
    let mut zz = AsYouType::new("ZZ");
    assert_eq!(zz.input("6502530000"), "6502530000");
    assert_eq!(AsYouType::new("ZZ").input("+16502530000"), "+1 650-253-0000");
}

#[test]
fn letters_stop_formatting_and_stay_letters() {
    let mut f = AsYouType::new("US");
    assert_eq!(f.input("1800"), "1 (800");
    assert_eq!(f.input("F"), "1800F");
    assert_eq!(f.input("LOWERS"), "1800FLOWERS");
    // A letter in a field is left as it is by reformat, caret included.
    assert_eq!(f.reformat("(800) FLOWERS", 7), ("(800) FLOWERS".to_string(), 7));
}

#[test]
fn remembered_position_follows_the_digit() {
    let mut f = AsYouType::new("US");
    f.input("65");
    f.input_remembering("0");
    assert_eq!(f.remembered_position(), 3);
    f.input("2");
    // "650-2": the 0 is still third.
    assert_eq!(f.remembered_position(), 3);
    f.input("530000");
    // "(650) 253-0000": the 0 moved to index 3 of "(650", after it is 4.
    assert_eq!(f.remembered_position(), 4);
    let (out, caret) = f.reformat("(650) 2153-0000", 8);
    assert_eq!(out, "65021530000");
    assert_eq!(caret, 5);
}
