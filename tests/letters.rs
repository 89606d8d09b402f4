//! The letter rule as properties: a word written after a number, in any
//! language, never becomes digits of it; an extension word or a dial pause
//! followed by digits becomes the extension; vanity numbers keep working.
//! Google's library reads such words as keypad digits, so it cannot be the
//! oracle here: the promise is.

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;
use telschema::{phone, Options};

/// Valid numbers of the Google corpus, as written, with their region.
fn numbers() -> &'static Vec<(String, String)> {
    static NUMBERS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    NUMBERS.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/google.json");
        let corpus: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        corpus["cases"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| {
                matches!(
                    c["style"].as_str(),
                    Some("e164" | "international" | "national" | "dashes")
                )
            })
            .map(|c| {
                (
                    c["input"].as_str().unwrap().to_string(),
                    c["region"].as_str().unwrap().to_string(),
                )
            })
            .filter(|(input, region)| {
                phone::normalize(input, &Options::with_region(region.as_str())).is_ok_and(|n| n.valid)
            })
            .collect()
    })
}

fn number() -> impl Strategy<Value = (String, String)> {
    prop::sample::select(numbers().clone())
}

/// Words people write after a number: names, labels in several languages,
/// single letters, capitals that could spell digits.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z]{1,12}",
        "[A-Z]{3,8}",
        prop::sample::select(vec![
            "Handy",
            "koti",
            "Bob",
            "mobile",
            "Büro",
            "Durchwahl",
            "poste",
            "anexo",
            "ext",
            "x",
            "w",
            "p",
            "int.",
            "доб",
            "携帯",
            "Privat",
            "FLOWERS",
            "casa",
            "werk",
            "Sekretariat",
            "ask for Jane",
        ])
        .prop_map(str::to_string),
    ]
}

fn separator() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        (" ", ""),
        ("", ""),
        (" (", ")"),
        ("(", ")"),
        (" [", "]"),
        (" - ", ""),
        (", ", ""),
        ("; ", ""),
        (" / ", ""),
    ])
}

/// Extension words and pauses, as written before the digits.
fn extension_word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ext. ",
        " ext ",
        " ext#",
        " Ext: ",
        " x",
        " X ",
        " #",
        " poste ",
        " Durchwahl ",
        " dw ",
        " anexo ",
        " ramal ",
        " int. ",
        " interno ",
        " доб. ",
        " toestel ",
        "w",
        "p",
        " w ",
        ";",
        ",",
        ",,",
        " extension ",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    /// For any number and any trailing word, the result is an error or the
    /// number's own digits (the word never becomes digits or an extension).
    #[test]
    fn a_word_after_a_number_never_becomes_digits((input, region) in number(), w in word(), (open, close) in separator()) {
        let options = Options::with_region(region.as_str());
        let base = phone::normalize(&input, &options).unwrap();
        let text = format!("{input}{open}{w}{close}");
        if let Ok(n) = phone::normalize(&text, &options) {
            prop_assert_eq!(&n.e164, &base.e164, "{:?} read as other digits", text);
            prop_assert_eq!(n.extension, None, "{:?} got an extension", text);
        }
    }

    /// An extension word or a dial pause before digits gives exactly those
    /// digits as the extension, and the number its own digits.
    #[test]
    fn an_extension_word_gives_the_extension((input, region) in number(), w in extension_word(), ext in "[0-9]{1,6}") {
        let options = Options::with_region(region.as_str());
        let base = phone::normalize(&input, &options).unwrap();
        let text = format!("{input}{w}{ext}");
        if let Ok(n) = phone::normalize(&text, &options) {
            prop_assert_eq!(&n.e164, &base.e164, "{:?} read as other digits", text);
            prop_assert_eq!(n.extension.as_deref(), Some(ext.as_str()), "{:?}", text);
        }
    }

    /// A word between the number and its extension: an error, or the number
    /// and the extension as written.
    #[test]
    fn a_label_never_takes_the_extension((input, region) in number(), w in word(), ext in "[0-9]{1,6}") {
        let options = Options::with_region(region.as_str());
        let base = phone::normalize(&input, &options).unwrap();
        let text = format!("{input} ({w}) ext. {ext}");
        if let Ok(n) = phone::normalize(&text, &options) {
            prop_assert_eq!(&n.e164, &base.e164, "{:?}", text);
            prop_assert_eq!(n.extension.as_deref(), Some(ext.as_str()), "{:?}", text);
        }
    }
}

/// Every valid number of the corpus followed by the issue's words: never
/// other digits, and the common cases are read, not refused.
#[test]
fn the_words_of_the_issue_are_labels_or_extensions() {
    let us = Options::default();
    let de = Options::with_region("DE");
    let e164 = |s: &str, o: &Options| phone::normalize(s, o).map(|n| (n.e164, n.extension));
    let ok = |e: &str, x: Option<&str>| Ok((e.to_string(), x.map(str::to_string)));
    assert_eq!(e164("+49 30 1234 (Handy)", &de), ok("+49301234", None));
    assert_eq!(e164("+358 9 1234 (koti)", &de), ok("+35891234", None));
    assert_eq!(e164("+1 312 535 4200 Bob", &us), ok("+13125354200", None));
    assert_eq!(e164("+49 30 123456w12", &de), ok("+4930123456", Some("12")));
    assert_eq!(e164("+49 30 123456 ext#12", &de), ok("+4930123456", Some("12")));
    assert_eq!(e164("+49 30 123456 Durchwahl 12", &de), ok("+4930123456", Some("12")));
    assert_eq!(e164("+33 1 23 45 67 89 poste 12", &de), ok("+33123456789", Some("12")));
    assert_eq!(e164("+34 912 34 56 78 anexo 5", &de), ok("+34912345678", Some("5")));
    assert_eq!(
        e164("Tel: +1 312-535-4200; ext. 123", &us),
        ok("+13125354200", Some("123"))
    );
    assert_eq!(e164("Tel: 312-535-4200;123", &us), ok("+13125354200", Some("123")));
    assert_eq!(e164("tel:+1-312-535-4200;ext=12", &us), ok("+13125354200", Some("12")));
    // Vanity numbers: capitals where the digits before them are no number yet.
    assert_eq!(e164("1-800-FLOWERS", &us), ok("+18003569377", None));
    assert_eq!(e164("1 (800) GOT-JUNK", &us), ok("+18004685865", None));
    assert_eq!(e164("+1-888-NEW-CARS", &us), ok("+18886392277", None));
    // Refusals, each with its code.
    let code = |s: &str, o: &Options| phone::normalize(s, o).unwrap_err().code();
    assert_eq!(code("tel:+1-312-535-4200;ext=12;ext=34", &us), "ambiguous_extension");
    assert_eq!(code("+1 312 535 4200 x12 x34", &us), "ambiguous_extension");
    assert_eq!(code("+49 30 123456w12w34", &de), "ambiguous_extension");
    assert_eq!(code("+1 312 535 4200 Bob 12", &us), "text_in_number");
    assert_eq!(code("1-800-Flowers", &us), "text_in_number");
    assert_eq!(code("tel:+1-312-535-4200-Bob", &us), "text_in_number");
}

/// What a red-team found on the first version of the rule: digits of a
/// label, look-alike capitals, words ending in `x`, a second number.
#[test]
fn labels_look_alikes_and_second_numbers() {
    let us = Options::default();
    let de = Options::with_region("DE");
    let kr = Options::with_region("KR");
    let code = |s: &str, o: &Options| {
        phone::normalize(s, o)
            .map(|n| n.e164)
            .unwrap_or_else(|e| e.code().to_string())
    };
    let ext = |s: &str, o: &Options| phone::normalize(s, o).ok().and_then(|n| n.extension);
    // Digits in a label or list marker never join the number.
    for s in [
        "2) 030 1234567",
        "#2 030 1234567",
        "Line 2 030 1234567",
        "No. 3 030 1234567",
        "Contact 24/7 030 1234567",
        "Telefon 2 030 1234567",
    ] {
        assert_eq!(code(s, &de), "text_in_number", "{s}");
    }
    assert_eq!(code("1. 02-212-3456", &kr), "text_in_number");
    assert_eq!(code("Line 2 (312) 555-0100", &us), "text_in_number");
    // … while a label before a national number, or an area code in brackets, reads as ever.
    assert_eq!(code("Tel: 030 1234567", &de), "+49301234567");
    assert_eq!(code("Tel 030 1234567", &de), "+49301234567");
    assert_eq!(code("Tel: 1 800 555 0100", &us), "+18005550100");
    assert_eq!(code("Tel: (02) 1234 5678", &Options::with_region("AU")), "+61212345678");
    // A trunk prefix written with a dot and no space is no list marker.
    assert_eq!(code("06.12345437", &Options::with_region("NL")), "+31612345437");
    assert_eq!(code("02.1234.5266", &Options::with_region("IT")), "+390212345266");
    assert_eq!(code("1.02-212-3456", &kr), "text_in_number");
    // Capitals typed for 0 and 1, and one or two capitals, are refused.
    for s in ["+1 312 555 O1OO", "(312) 555-0IOO", "+1 312 555 A0100"] {
        assert_eq!(code(s, &us), "text_in_number", "{s}");
    }
    assert_eq!(code("+44 20 7946 O958", &Options::with_region("GB")), "text_in_number");
    // A word ending in x, ext or int is no extension label; vanity words keep their letters.
    assert_eq!(code("+1 312 555 0100 Fax 0101", &us), "text_in_number");
    assert_eq!(code("030 123456 Fax 030123457", &de), "text_in_number");
    assert_eq!(code("1-800-TAX-1040", &us), "+18008291040");
    assert_eq!(code("1-800-NEXT-123", &us), "+18006398123");
    // A second number is refused; `/ x12` is the extension, not dropped.
    assert_eq!(code("3125550100;3125550101", &us), "two_numbers");
    assert_eq!(code("030123456,030123457", &de), "two_numbers");
    assert_eq!(ext("+1 312 555 0100 / x12", &us).as_deref(), Some("12"));
    assert_eq!(ext("+1 312 555 0100 \\ x12", &us).as_deref(), Some("12"));
    assert_eq!(code("+1 312 555 0100 / x12 (3rd floor)", &us), "text_in_number");
    // tel: parameters: post-dial digits are the extension; other digits are refused.
    assert_eq!(ext("tel:+1-312-555-0100;postd=pp22", &us).as_deref(), Some("22"));
    assert_eq!(code("tel:+1-312-555-0100;isub=5678", &us), "text_in_number");
}

/// The properties above are not vacuous: most numbers followed by a word
/// or an extension are read, not refused.
#[test]
fn words_after_numbers_are_mostly_read() {
    let (mut read, mut ext_read, mut all) = (0, 0, 0);
    for (input, region) in numbers() {
        let options = Options::with_region(region.as_str());
        for w in [" Bob", " (Handy)", " koti", " mobile", " FLOWERS"] {
            all += 1;
            read += usize::from(phone::normalize(&format!("{input}{w}"), &options).is_ok());
        }
        ext_read += usize::from(phone::normalize(&format!("{input} poste 12"), &options).is_ok());
    }
    let n = numbers().len();
    println!(
        "letters: {n} valid numbers; {read} of {all} followed by a word read; {ext_read} of {n} with `poste 12` read"
    );
    assert!(n > 3000, "{n}");
    assert!(read * 100 >= all * 95, "{read} of {all}");
    assert!(ext_read * 100 >= n * 95, "{ext_read} of {n}");
}

/// The second red-team's cases: markers without a space, labels with a
/// colon, brackets before `/ x`, post-dial tones, a second number of any
/// length, look-alike capitals and words after a vanity number.
#[test]
fn markers_brackets_tones_look_alikes() {
    let us = Options::default();
    let de = Options::with_region("DE");
    let code = |s: &str, o: &Options| {
        phone::normalize(s, o)
            .map(|n| n.e164)
            .unwrap_or_else(|e| e.code().to_string())
    };
    let ext = |s: &str, o: &Options| phone::normalize(s, o).ok().and_then(|n| n.extension);
    for s in [
        "Line: 2 030 1234567",
        "Line-2 030 1234567",
        "Line (2) 030 1234567",
        "2.030 1234567",
        "１．030 1234567",
        "[1] 030 1234567",
        "*1 030 1234567",
        "No: 2 030 1234567",
    ] {
        assert_eq!(code(s, &de), "text_in_number", "{s}");
    }
    assert_eq!(code("1.02-212-3456", &Options::with_region("KR")), "text_in_number");
    assert_eq!(
        code("Room 555 0664 123456", &Options::with_region("AT")),
        "text_in_number"
    );
    assert_eq!(code("Praxis 030 1234567", &de), "+49301234567");
    assert_eq!(ext("030 1234567 /(work)x12", &de).as_deref(), Some("12"));
    assert_eq!(code("+1 312 555 0100 (x) 12", &us), "text_in_number");
    assert_eq!(ext("tel:+1-312-555-0100;postd=١٢", &us).as_deref(), Some("12"));
    assert_eq!(code("tel:+1-312-555-0100;postd=ABC", &us), "text_in_number");
    assert_eq!(
        code("+1 312 555 0100;3125550101", &Options::with_region("FR")),
        "two_numbers"
    );
    assert_eq!(code("62889;62890", &Options::with_region("AC")), "two_numbers");
    for s in ["+297 SGO 1234", "+1 312 5SS OB00", "+1 312 555 0IOL", "1-800 356 9EXT"] {
        assert_eq!(code(s, &us), "text_in_number", "{s}");
    }
    assert_eq!(code("1-800-FLOWERS MAIN", &us), "+18003569377");
    assert_eq!(code("1 800 GOT JUNK", &us), "+18004685865");
}
