//! The short-number oracle: `tests/oracle/short.json` holds what Python's
//! `phonenumbers` 9.0.33 (`ShortNumberInfo`, same metadata as ours; `make
//! oracle` regenerates it with `tests/oracle/generate_short.py`) answers for
//! every short-number example and emergency number of every region, with one
//! digit more and less, with `+` and the country code, and dialled in other
//! regions. This compares `phone::short_number_info`, prints the agreement
//! per answer and lists every difference.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use telschema::phone;

#[test]
fn short_numbers_agree_with_libphonenumber() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/short.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).expect("oracle JSON");
    assert_eq!(
        doc["version"],
        phone::METADATA_VERSION,
        "oracle and tables differ in version"
    );
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() >= 5000, "oracle too small: {}", cases.len());
    let names = [
        "valid",
        "possible",
        "emergency",
        "connects_to_emergency",
        "carrier_specific",
        "sms_service",
    ];
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut differences = Vec::new();
    let mut emergencies = 0;
    for case in cases {
        let text = case[0].as_str().expect("text");
        let region = case[1].as_str().expect("region");
        let flags: Vec<bool> = case[2].as_str().expect("flags").chars().map(|c| c != '-').collect();
        let cost = case[3].as_str().expect("cost");
        let info = phone::short_number_info(text, region).unwrap_or_else(|e| panic!("{text} {region}: {e}"));
        let ours = [
            info.valid,
            info.possible,
            info.emergency,
            info.connects_to_emergency,
            info.carrier_specific,
            info.sms_service,
        ];
        emergencies += usize::from(flags.get(2) == Some(&true));
        for ((name, google), ours) in names.iter().zip(&flags).zip(ours) {
            let entry = tally.entry(name).or_default();
            entry.1 += 1;
            if *google == ours {
                entry.0 += 1;
            } else {
                differences.push(format!("{text:?} in {region}: {name} google {google}, ours {ours}"));
            }
        }
        let entry = tally.entry("cost").or_default();
        entry.1 += 1;
        if info.cost.as_str() == cost {
            entry.0 += 1;
        } else {
            differences.push(format!(
                "{text:?} in {region}: cost google {cost}, ours {}",
                info.cost.as_str()
            ));
        }
        // The single-answer functions say the same as the whole.
        assert_eq!(phone::is_emergency_number(text, region), info.emergency);
        assert_eq!(
            phone::connects_to_emergency_number(text, region),
            info.connects_to_emergency
        );
        assert_eq!(phone::is_valid_short_number(text, region), info.valid);
        assert_eq!(phone::short_number_cost(text, region), info.cost);
    }
    for d in &differences {
        println!("differs: {d}");
    }
    for (name, (agree, total)) in &tally {
        let pct = 100.0 * *agree as f64 / *total as f64;
        println!("short-number agreement, {name}: {pct:.3}% ({agree} of {total})");
    }
    println!("{} cases, {emergencies} of them emergency numbers", cases.len());
    assert!(emergencies >= 400, "too few emergency numbers: {emergencies}");
    assert!(differences.is_empty(), "{} differences", differences.len());
}
