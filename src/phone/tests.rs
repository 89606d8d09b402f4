use super::*;

fn us() -> Options {
    Options::default()
}

fn ok(input: &str, region: &str) -> NormalizedNumber {
    normalize(input, &Options::with_region(region)).unwrap_or_else(|e| panic!("{input:?} in {region}: {e}"))
}

fn err(input: &str, region: &str) -> &'static str {
    match normalize(input, &Options::with_region(region)) {
        Ok(n) => panic!("{input:?} in {region} gave {}", n.e164),
        Err(e) => e.code(),
    }
}

#[test]
fn national_and_international_forms() {
    let n = ok("(312) 535-4200", "US");
    assert_eq!(
        (n.e164.as_str(), n.number_type, n.valid),
        ("+13125354200", NumberType::FixedLineOrMobile, true)
    );
    assert_eq!(n.region.as_deref(), Some("US"));
    assert_eq!(n.national_number, "3125354200");
    assert_eq!(ok("020 7946 0958", "GB").e164, "+442079460958");
    assert_eq!(ok("+44 20 7946 0958", "US").region.as_deref(), Some("GB"));
    // International input is never re-read through the default region's national prefix.
    for region in ["US", "CA", "RU", "DE"] {
        assert_eq!(ok("+4915123456788", region).e164, "+4915123456788");
    }
    assert_eq!(ok("+81 3-1234-5046", "US").e164, "+81312345046");
}

#[test]
fn international_dialling_prefix_of_the_region() {
    assert_eq!(ok("011 44 20 7946 0958", "US").e164, "+442079460958");
    assert_eq!(ok("00 44 20 7946 0958", "DE").e164, "+442079460958");
    // 011 is not an international prefix in Germany: read nationally.
    assert_ne!(
        normalize("011 44 20 7946 0958", &Options::with_region("DE"))
            .map(|n| n.e164)
            .ok(),
        Some("+442079460958".into())
    );
}

#[test]
fn parenthesised_trunk_prefix() {
    assert_eq!(ok("+44 (0)20 7946 0958", "US").e164, "+442079460958");
    assert_eq!(ok("+49 (0) 30 1234 5678", "US").e164, "+493012345678");
    // Without parentheses the 0 is part of what was written: refused rather than dropped.
    assert_eq!(err("+33 0 1 23 45 67 89", "FR"), "normalization_mismatch");
}

#[test]
fn punctuation_and_spacing() {
    for s in [
        "+1 312 535 4200",
        "+1.312.535.4200",
        "+1-312-535-4200",
        "+1\u{a0}312\u{a0}535\u{a0}4200",
        "+1 (312) 535–4200",
        "1/312/535/4200",
    ] {
        assert_eq!(ok(s, "US").e164, "+13125354200", "{s}");
    }
}

#[test]
fn tel_uris() {
    let n = ok("tel:+1-201-555-0123;ext=1234", "DE");
    assert_eq!(
        (n.e164.as_str(), n.extension.as_deref()),
        ("+12015550123", Some("1234"))
    );
    let n = ok("TEL:+1-201-555-0123;ext=77;vendor=x", "DE");
    assert_eq!((n.e164.as_str(), n.extension.as_deref()), ("+12015550123", Some("77")));
    // Digits E.164 cannot keep are refused, not dropped; post-dial digits are the extension.
    assert_eq!(err("TEL:+1-201-555-0123;isub=5;ext=77", "DE"), "text_in_number");
    assert_eq!(
        ok("tel:+1-201-555-0123;postd=pp22", "DE").extension.as_deref(),
        Some("22")
    );
    assert_eq!(ok("tel:2015550123;phone-context=+1", "DE").e164, "+12015550123");
    assert_eq!(
        ok("tel:2015550123;phone-context=example.com", "US").e164,
        "+12015550123"
    );
    assert_eq!(err("tel:2015550123;phone-context=", "US"), "not_a_number");
}

#[test]
fn extensions_are_kept() {
    for (s, ext) in [
        ("+1 212 555 0123 ext 45", "45"),
        ("+1 212 555 0123 ext. 45", "45"),
        ("+1 212 555 0123 x45", "45"),
        ("+1 212 555 0123 #45", "45"),
        ("+1 212 555 0123;ext=45", "45"),
        ("212-555-0123 extension 9", "9"),
        ("212 555 0123,,123", "123"),
    ] {
        let n = ok(s, "US");
        assert_eq!(
            (n.e164.as_str(), n.extension.as_deref()),
            ("+12125550123", Some(ext)),
            "{s}"
        );
    }
    assert_eq!(ok("+1 212 555 0123", "US").extension, None);
}

#[test]
fn unicode_digits() {
    assert_eq!(ok("＋４４ ２０ ７９４６ ０９５８", "US").e164, "+442079460958");
    assert_eq!(ok("٠٢٠ ٧٩٤٦ ٠٩٥٨", "GB").e164, "+442079460958");
    // Devanagari, beyond what libphonenumber's JavaScript build reads.
    assert_eq!(ok("+४४ २० ७९४६ ०९५८", "US").e164, "+442079460958");
    for &(start, end) in tables::ND.iter() {
        assert_eq!(
            (end - start + 1) % 10,
            0,
            "Nd range {start:#x} is not whole blocks of ten"
        );
        assert_eq!(tables::decimal_digit(char::from_u32(start).unwrap()), Some(0));
        assert_eq!(tables::decimal_digit(char::from_u32(end).unwrap()), Some(9));
    }
}

#[test]
fn vanity_letters_and_labels() {
    assert_eq!(ok("1-800-FLOWERS", "US").e164, "+18003569377");
    assert_eq!(ok("1 800 GOT JUNK", "US").e164, "+18004685865");
    for s in [
        "Tel: +44 20 7946 0958",
        "+44 20 7946 0958 (mobile)",
        "Phone: 020 7946 0958 work",
        "+44 20 7946 0958 (Office)",
    ] {
        assert_eq!(ok(s, "GB").e164, "+442079460958", "{s}");
    }
    // A label between number and extension does not hide the extension.
    assert_eq!(ok("+1 212 555 0123 x45 (work)", "US").extension.as_deref(), Some("45"));
}

#[test]
fn non_geographic_and_shared_codes() {
    let n = ok("+800 1234 5678", "US");
    assert_eq!((n.region, n.number_type, n.valid), (None, NumberType::TollFree, true));
    assert_eq!(ok("+1 242 357 1234", "US").region.as_deref(), Some("BS"));
    assert_eq!(ok("+1 604 555 5555", "US").region.as_deref(), Some("CA"));
}

#[test]
fn errors_have_codes() {
    assert_eq!(err("", "US"), "empty");
    assert_eq!(err("   ", "US"), "empty");
    assert_eq!(err("hello", "US"), "not_a_number");
    assert_eq!(err("+999 1234 5678", "US"), "invalid_country_code");
    assert_eq!(err("2125550123", "ZZ"), "invalid_country_code");
    assert_eq!(err("+44 1", "US"), "too_short");
    assert_eq!(err("+1 2125550123123456789", "US"), "too_long");
    assert_eq!(err(&"1".repeat(251), "US"), "too_large");
    assert_eq!(err("+1 212 555 0123", "XX"), "unknown_region");
    assert_eq!(ok("2125550123", "us").e164, "+12125550123");
}

#[test]
fn invalid_but_possible_numbers_are_returned() {
    let n = ok("+1 212 155 0123", "US");
    assert!(!n.valid && n.possible);
    assert_eq!(n.coverage_category, CoverageCategory::Invalid);
    let n = ok("+1 212 55", "US");
    assert!(!n.valid && !n.possible);
}

#[test]
fn classifiers_on_results() {
    let n = ok("1-800-FLOWERS", "US");
    assert_eq!(
        (n.kazoo_classifier.as_str(), n.coverage_category),
        ("tollfree_us", CoverageCategory::NanpTollFree)
    );
    let n = ok("+1 876 555 1234", "US");
    assert_eq!(n.kazoo_classifier, "caribbean");
    assert_eq!(
        ok("+44 20 7946 0958", "US").coverage_category,
        CoverageCategory::International
    );
}

#[test]
fn serializes_camel_case() {
    let v = serde_json::to_value(ok("+1 212 555 0123 x9", "US")).unwrap();
    for key in [
        "e164",
        "countryCode",
        "region",
        "nationalNumber",
        "numberType",
        "valid",
        "possible",
        "extension",
        "kazooClassifier",
        "coverageCategory",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["numberType"], "fixed_line_or_mobile");
    assert_eq!(v["coverageCategory"], "nanp_generic");
    let e = serde_json::to_value(normalize("", &us()).unwrap_err()).unwrap();
    assert_eq!(e["code"], "empty");
}

#[test]
fn metadata_version_follows_cargo_lock() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    let entry = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"phonenumber\""))
        .expect("phonenumber in Cargo.lock");
    assert!(
        entry.contains(&format!("+{METADATA_VERSION}\"")),
        "METADATA_VERSION {METADATA_VERSION} does not match:\n{entry}"
    );
}

#[test]
fn no_metadata_example_exhausts_the_step_budget() {
    let corpus: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/google.json")).unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for case in corpus["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["style"] == "e164")
    {
        let Some(e164) = case["google"]["e164"].as_str() else {
            continue;
        };
        let digits = e164.trim_start_matches('+');
        for cc_len in 1..=3 {
            let (Ok(cc), Some(nsn)) = (digits[..cc_len].parse::<u32>(), digits.get(cc_len..)) else {
                continue;
            };
            for &t in tables::by_code(cc).unwrap_or(&[]) {
                let t = tables::territory(t).unwrap();
                let pats = [
                    Some(t.general.pattern()),
                    t.international_prefix,
                    t.national_prefix_for_parsing,
                    t.leading_digits,
                ]
                .into_iter()
                .chain(t.types.iter().map(|d| d.map(|d| d.pattern())));
                for p in pats.flatten() {
                    assert!(!matcher::exhausts_budget(p, nsn.as_bytes()), "pattern {p} on {nsn}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 10_000, "only {checked} runs");
}

#[test]
fn hostile_inputs_stay_bounded() {
    let long_ext = format!("+1 212 555 0123 ext {}", "9".repeat(200));
    let samples = [
        "x".repeat(250),
        "1".repeat(250),
        "+".repeat(250),
        "(".repeat(125) + &"1".repeat(125),
        long_ext,
        "tel:;;;;;;".repeat(20),
        "١".repeat(249),
        "1-800-".to_string() + &"A".repeat(240),
    ];
    for s in &samples {
        let _ = normalize(s, &us());
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}", region in "[A-Z]{2}") {
            let _ = normalize(&s, &Options::with_region(region));
        }

        #[test]
        fn never_panics_on_number_like_text(s in "[+0-9 ()\\-.xX#;=a-z:,]{0,60}") {
            let _ = normalize(&s, &us());
        }

        /// `plain_number` reads what `words::read` reads, on texts of the
        /// characters it takes (and a few it must refuse: letters, `#`,
        /// `;`, `,`, full-width brackets), in regions whose rules differ.
        #[test]
        fn plain_numbers_read_as_words_reads_them(
            s in "[0-9٠-٩０-９ \u{00A0}\\-.()/+＋]{0,24}[0-9 x#;,（）]{0,3}",
            region in prop::sample::select(vec!["US", "GB", "DE", "FR", "IN", "BR", "JP", "RU"]),
        ) {
            let chars: Vec<char> = s.trim().chars().collect();
            let default = tables::region(region);
            if let Some(number) = plain_number(&chars) {
                let r = words::read(&chars, default);
                prop_assert!(r.is_ok(), "{:?}: {:?}", s, r.err());
                let r = r.unwrap();
                prop_assert_eq!(&r.number[..], number, "{:?}", s);
                prop_assert_eq!(r.extension, None);
                prop_assert!(r.labels.is_empty());
            }
        }

        #[test]
        fn a_valid_result_is_a_fixed_point(cc in prop::sample::select(vec!["1", "44", "49", "33", "81", "91", "55", "61", "7", "86"]), rest in "[0-9]{6,12}") {
            if let Ok(n) = normalize(&format!("+{cc}{rest}"), &us()) {
                if n.valid {
                    let again = normalize(&n.e164, &us()).unwrap();
                    prop_assert_eq!(again, n);
                }
            }
        }

        #[test]
        fn the_result_keeps_the_digits_written(cc in prop::sample::select(vec!["1", "44", "49", "33", "39", "81", "7"]), rest in "[0-9]{4,14}") {
            let input = format!("+{cc} {rest}");
            if let Ok(n) = normalize(&input, &us()) {
                prop_assert_eq!(n.e164, format!("+{cc}{rest}"));
            }
        }
    }
}

/// Expected strings are phonenumbers 9.0.33's (`tests/oracle/` compares every region).
#[test]
fn formats_in_libphonenumber_styles() {
    let styles = [Format::E164, Format::International, Format::National, Format::Rfc3966];
    let all = |n: &NormalizedNumber| styles.map(|s| format(n, s));
    assert_eq!(
        all(&ok("(312) 535-4200 x12", "US")),
        [
            "+13125354200",
            "+1 312-535-4200 ext. 12",
            "(312) 535-4200 ext. 12",
            "tel:+1-312-535-4200;ext=12"
        ]
    );
    // The national prefix formatting rule: 8 (495) in Russia, (02) in Australia.
    assert_eq!(
        format(&ok("+7 495 123-45-67", "US"), Format::National),
        "8 (495) 123-45-67"
    );
    assert_eq!(format(&ok("+61 2 1234 5678", "US"), Format::National), "(02) 1234 5678");
    assert_eq!(format(&ok("+49 30 12345678", "US"), Format::National), "030 12345678");
    // A non-geographic number has formats and no national prefix.
    assert_eq!(
        all(&ok("+800 1234 5678", "US")),
        ["+80012345678", "+800 1234 5678", "1234 5678", "tel:+800-1234-5678"]
    );
    // A Canadian number is formatted with the formats of the code's main region.
    assert_eq!(format(&ok("+1 204 555 0123", "US"), Format::National), "(204) 555-0123");
}

#[test]
fn formats_out_of_country() {
    let gb = ok("020 7946 0958", "GB");
    let from = |n: &NormalizedNumber, r: &str| format_out_of_country(n, r).unwrap_or_else(|e| panic!("{r}: {e}"));
    assert_eq!(from(&gb, "US"), "011 44 20 7946 0958");
    assert_eq!(from(&gb, "DE"), "00 44 20 7946 0958");
    assert_eq!(from(&gb, "gb"), "020 7946 0958");
    // GG shares +44: dialled nationally.
    assert_eq!(from(&ok("+44 1481 256789", "US"), "GG"), "01481 256789");
    // Russia's preferred international prefix, with its wait sign.
    assert_eq!(from(&gb, "RU"), "8~10 44 20 7946 0958");
    // Between NANP regions: 1 and the national format.
    let us = ok("(312) 535-4200 x12", "US");
    assert_eq!(from(&us, "CA"), "1 (312) 535-4200 ext. 12");
    assert_eq!(from(&us, "AU"), "0011 1 312-535-4200 ext. 12");
    assert_eq!(
        format_out_of_country(&us, "XX").map_err(|e| e.code()),
        Err("unknown_region")
    );
}

/// `read_detailed` runs the emergency check only where `may_be_emergency` lets
/// it: that filter never hides an emergency number (every short-number
/// example of the corpus regions, written several ways, and every corpus
/// input in its region), and it does rule long numbers out.
#[test]
fn the_emergency_filter_hides_no_emergency_number() {
    let corpus: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/google.json")).unwrap(),
    )
    .unwrap();
    let chars = |s: &str| s.trim().chars().collect::<Vec<char>>();
    let mut emergency = 0;
    for case in corpus["cases"].as_array().unwrap() {
        let (input, region) = (case["input"].as_str().unwrap(), case["region"].as_str().unwrap_or("US"));
        if is_emergency_number(input, region) {
            emergency += 1;
            assert!(may_be_emergency(&chars(input)), "{input:?} in {region}");
        }
    }
    for region in tables::region_codes() {
        for digits in [
            "112", "911", "999", "000", "110", "119", "17", "15", "100", "101", "102", "103", "190", "193", "08",
            "1122", "11223",
        ] {
            for written in [
                digits.to_string(),
                format!(" {digits} "),
                format!("({digits})"),
                format!("{digits}#"),
            ] {
                if is_emergency_number(&written, region) {
                    emergency += 1;
                    assert!(may_be_emergency(&chars(&written)), "{written:?} in {region}");
                }
            }
        }
    }
    assert!(emergency > 100, "{emergency} emergency numbers checked");
    let longest = longest_emergency_number();
    eprintln!("longest emergency number: {longest} digits");
    assert!(
        !may_be_emergency(&chars(&"1".repeat(longest + 1))),
        "longest emergency number {longest}"
    );
    assert!(!may_be_emergency(&chars("+112")));
}

#[test]
fn longest_emergency_number_is_the_metadata_s() {
    assert_eq!(LONGEST_EMERGENCY_NUMBER, longest_emergency_number());
}

/// The corpus texts `plain_number` takes read as `words::read` reads them,
/// and it takes the common written forms.
#[test]
fn plain_numbers_of_the_corpus_read_as_words_reads_them() {
    let corpus: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/google.json")).unwrap(),
    )
    .unwrap();
    let mut taken = 0;
    for case in corpus["cases"].as_array().unwrap() {
        let (input, region) = (case["input"].as_str().unwrap(), case["region"].as_str().unwrap_or("US"));
        let chars: Vec<char> = input.trim().chars().collect();
        if let Some(number) = plain_number(&chars) {
            taken += 1;
            let r = words::read(&chars, tables::region(region)).unwrap();
            assert_eq!(
                (&r.number[..], r.extension, r.labels.len()),
                (number, None, 0),
                "{input:?}"
            );
        }
    }
    assert!(taken > 5000, "{taken}");
    for taken in [
        "+44 20 7946 0958",
        "030 1234567",
        "312-555-0100",
        "+1 (312) 555-0100",
        "３１２５５５０１００",
    ] {
        assert!(plain_number(&taken.chars().collect::<Vec<_>>()).is_some(), "{taken}");
    }
    for left in [
        "(312) 555-0100",
        "312 555 0100 x12",
        "Tel: 312 555 0100",
        "1. 312 555 0100",
        "312 555 0100 #",
    ] {
        assert!(plain_number(&left.chars().collect::<Vec<_>>()).is_none(), "{left}");
    }
}

/// `region_of_two` finds what `tables::region` finds, for every pair of
/// ASCII letters and digits.
#[test]
fn regions_of_two_letters_as_the_table_has_them() {
    let chars: Vec<u8> = (b'A'..=b'Z').chain(b'0'..=b'9').collect();
    let mut found = 0;
    for &a in &chars {
        for &b in &chars {
            let two = [a, b];
            let by_table = tables::region(std::str::from_utf8(&two).unwrap());
            assert_eq!(region_of_two(two).map(|t| t.id), by_table.map(|t| t.id), "{two:?}");
            found += usize::from(by_table.is_some());
        }
    }
    assert!(found > 200, "{found}");
}
