//! The formatting oracle: `tests/oracle/formatting.json` holds what Python's
//! `phonenumbers` 9.0.33 (a port of Google's libphonenumber with the same
//! metadata; `make oracle` regenerates it with `tests/oracle/generate.py`)
//! gives for the example number of every type of every region and
//! non-geographic entity: each formatting style, out-of-country formatting
//! from several regions, the example numbers and the region list. This
//! compares ours, prints the agreement per style and lists what differs.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use telschema::phone::{self, Format, NumberType, RegionInfo};
use telschema::Options;

fn oracle() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/formatting.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("oracle JSON")
}

fn number_type(name: &str) -> NumberType {
    serde_json::from_value(Value::String(name.into())).unwrap_or_else(|e| panic!("type {name}: {e}"))
}

#[test]
fn formatting_agrees_with_libphonenumber() {
    let doc = oracle();
    let numbers = doc["numbers"].as_array().expect("numbers");
    assert!(numbers.len() >= 1000, "oracle too small: {}", numbers.len());
    // style -> (agreeing, total)
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut differences = Vec::new();
    for case in numbers {
        let e164 = case["e164"].as_str().expect("e164");
        let n = phone::normalize(e164, &Options::with_region("ZZ")).map(|mut n| {
            n.extension = case["extension"].as_str().map(str::to_string);
            n
        });
        let formats = &case["formats"];
        let mut expected: Vec<(String, &str, Option<String>)> = Vec::new();
        for (name, style) in [
            ("e164", Format::E164),
            ("international", Format::International),
            ("national", Format::National),
            ("rfc3966", Format::Rfc3966),
        ] {
            let ours = n.as_ref().ok().map(|n| phone::format(n, style));
            expected.push((name.to_string(), formats[name].as_str().expect("style"), ours));
        }
        for (from, google) in formats["outOfCountry"].as_object().expect("outOfCountry") {
            let ours = n.as_ref().ok().and_then(|n| phone::format_out_of_country(n, from).ok());
            expected.push((format!("out_of_country_{from}"), google.as_str().expect("string"), ours));
        }
        for (style, google, ours) in expected {
            let key = if style.starts_with("out_of_country") {
                "out_of_country".to_string()
            } else {
                style.clone()
            };
            let entry = tally.entry(key).or_default();
            entry.1 += 1;
            if ours.as_deref() == Some(google) {
                entry.0 += 1;
            } else {
                differences.push(format!("{e164} {style}: google {google:?}, ours {ours:?}"));
            }
        }
    }
    for d in differences.iter().take(40) {
        println!("differs: {d}");
    }
    for (style, (agree, total)) in &tally {
        let pct = 100.0 * *agree as f64 / *total as f64;
        println!("formatting agreement, {style}: {pct:.3}% ({agree} of {total})");
    }
    for (style, (agree, total)) in &tally {
        let pct = 100.0 * *agree as f64 / *total as f64;
        assert!(pct >= 99.9, "{style}: agreement {pct:.3}% < 99.9%");
    }
}

#[test]
fn example_numbers_are_libphonenumber_s() {
    let doc = oracle();
    let examples = doc["examples"].as_object().expect("examples");
    let mut checked = 0;
    for (region, per_type) in examples {
        for (name, google) in per_type.as_object().expect("types") {
            let ours = phone::example_number(region, Some(number_type(name))).map(|n| n.e164);
            assert_eq!(ours.as_deref(), google.as_str(), "{region} {name}");
            checked += 1;
        }
        let fixed = per_type["fixed_line"].as_str();
        assert_eq!(
            phone::example_number(region, None).map(|n| n.e164).as_deref(),
            fixed,
            "{region}"
        );
    }
    println!("example numbers: {checked} (region, type) pairs, all equal");
    assert!(checked >= 245 * 12, "too few example numbers: {checked}");
    assert_eq!(phone::example_number("XX", None), None);
}

#[test]
fn region_list_is_libphonenumber_s() {
    let doc = oracle();
    let google: Vec<RegionInfo> = serde_json::from_value(doc["regions"].clone()).expect("regions");
    let ours = phone::regions();
    for (g, o) in google.iter().zip(&ours) {
        assert_eq!(g, o);
    }
    assert_eq!(google.len(), ours.len());
    println!("region list: {} regions, all equal", ours.len());
}

/// `tests/oracle/as_you_type.json`: every example number typed keystroke by
/// keystroke (nationally, internationally, with another region's dialling
/// prefix, with punctuation, with a letter) and what Google's
/// `AsYouTypeFormatter` shows after each key. Ours must show the same after
/// at least 99.5% of the keystrokes of every mode.
#[test]
fn as_you_type_agrees_with_libphonenumber() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/as_you_type.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).expect("oracle JSON");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() >= 2000, "oracle too small: {}", cases.len());
    // mode -> (agreeing keystrokes, keystrokes)
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut differences = Vec::new();
    for case in cases {
        let region = case["region"].as_str().expect("region");
        let mode = case["mode"].as_str().expect("mode");
        let keys = case["keys"].as_str().expect("keys");
        let expected = case["expected"].as_array().expect("expected");
        assert_eq!(keys.chars().count(), expected.len(), "{region} {keys}");
        let mut f = phone::AsYouType::new(region);
        let entry = tally.entry(mode.to_string()).or_default();
        for (k, (c, google)) in keys.chars().zip(expected).enumerate() {
            let google = google.as_str().expect("string");
            let ours = f.input(c.encode_utf8(&mut [0; 4]));
            entry.1 += 1;
            if ours == google {
                entry.0 += 1;
            } else {
                differences.push(format!(
                    "{region} {mode} {keys:?} after {:?}: google {google:?}, ours {ours:?}",
                    keys.chars().take(k + 1).collect::<String>()
                ));
            }
        }
    }
    for d in &differences {
        println!("as-you-type differs: {d}");
    }
    let (mut agree_all, mut total_all) = (0, 0);
    for (mode, (agree, total)) in &tally {
        let pct = 100.0 * *agree as f64 / *total as f64;
        println!("as-you-type agreement, {mode}: {pct:.3}% ({agree} of {total} keystrokes)");
        agree_all += agree;
        total_all += total;
    }
    println!(
        "as-you-type agreement, all: {:.3}% ({agree_all} of {total_all} keystrokes)",
        100.0 * agree_all as f64 / total_all as f64
    );
    for (mode, (agree, total)) in &tally {
        let pct = 100.0 * *agree as f64 / *total as f64;
        assert!(pct >= 99.5, "as-you-type {mode}: agreement {pct:.3}% < 99.5%");
    }
}
