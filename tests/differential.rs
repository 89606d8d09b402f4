//! Differential test against Google's libphonenumber: the committed corpus
//! `tests/corpus/google.json` (made by `tests/corpus/generate.js`) holds
//! Google's answers; this compares ours, prints the agreement figures and
//! checks every disagreement against `tests/corpus/disagreements.tsv`
//! (`UPDATE_DISAGREEMENTS=1` rewrites it).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;
use telschema::{phone, Options};

/// Google's JavaScript build keeps national numbers in a double.
const JS_SAFE_INTEGER: u64 = (1 << 53) - 1;

struct Case<'a> {
    input: &'a str,
    region: &'a str,
    style: &'a str,
    google: &'a Value,
}

fn category(
    ours: &Result<phone::NormalizedNumber, phone::PhoneError>,
    c: &Case,
    differs: &BTreeSet<&str>,
) -> &'static str {
    if let Err(phone::PhoneError::NormalizationMismatch { .. }) = ours {
        return "round_trip_guard";
    }
    if let Ok(n) = ours {
        if n.national_number.len() >= 16 && n.national_number.parse::<u64>().map_or(true, |v| v > JS_SAFE_INTEGER) {
            return "js_precision";
        }
    }
    let regions = [
        ours.as_ref().ok().and_then(|n| n.region.clone()),
        c.google.get("region").and_then(Value::as_str).map(str::to_string),
        Some(c.region.to_string()),
    ];
    let non_geo = ours
        .as_ref()
        .ok()
        .filter(|n| n.region.is_none())
        .map(|n| format!("001/{}", n.country_code));
    if regions
        .iter()
        .flatten()
        .chain(non_geo.iter())
        .any(|r| differs.contains(r.as_str()))
    {
        return "metadata_version";
    }
    "unexplained"
}

#[test]
fn agrees_with_google_libphonenumber() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let text = std::fs::read_to_string(dir.join("google.json")).expect("corpus");
    let corpus: Value = serde_json::from_str(&text).expect("corpus JSON");
    let differs: BTreeSet<&str> = corpus["metadataDiffers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let cases: Vec<Case> = corpus["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Case {
            input: c["input"].as_str().unwrap(),
            region: c["region"].as_str().unwrap(),
            style: c["style"].as_str().unwrap(),
            google: &c["google"],
        })
        .collect();

    let (mut validity_agree, mut type_agree, mut e164_conflicts) = (0usize, 0usize, Vec::new());
    let mut rows = Vec::new();
    let mut styles = BTreeSet::new();
    let mut fixed_points = 0usize;
    for c in &cases {
        styles.insert(c.style);
        let ours = phone::normalize(c.input, &Options::with_region(c.region));
        let g_ok = c.google.get("error").is_none();
        let g_valid = g_ok && c.google["valid"].as_bool().unwrap();
        let g_type = if g_ok {
            c.google["type"].as_str().unwrap()
        } else {
            "unknown"
        };
        let g_e164 = c.google.get("e164").and_then(Value::as_str);
        let o_valid = ours.as_ref().is_ok_and(|n| n.valid);
        let o_type = ours.as_ref().map_or("unknown", |n| n.number_type.as_str());
        let o_e164 = ours.as_ref().ok().map(|n| n.e164.as_str());
        let cat = category(&ours, c, &differs);
        if let Some(n) = ours.as_ref().ok().filter(|n| n.valid) {
            // Normalizing a valid result's E.164 again gives the same result (bar the extension E.164 cannot hold).
            let again = phone::normalize(&n.e164, &Options::with_region(c.region));
            let expected = phone::NormalizedNumber {
                extension: None,
                ..n.clone()
            };
            assert_eq!(
                again.as_ref().ok(),
                Some(&expected),
                "{:?} is not a fixed point",
                n.e164
            );
            fixed_points += 1;
        }
        let describe = |ok: bool, e164: Option<&str>, valid: bool, ty: &str, err: Option<String>| {
            if ok {
                format!(
                    "{} {} {}",
                    e164.unwrap_or("-"),
                    if valid { "valid" } else { "invalid" },
                    ty
                )
            } else {
                format!("error:{}", err.unwrap_or_default())
            }
        };
        let o_desc = describe(
            ours.is_ok(),
            o_e164,
            o_valid,
            o_type,
            ours.as_ref().err().map(|e| e.code().to_string()),
        );
        let g_desc = describe(
            g_ok,
            g_e164,
            g_valid,
            g_type,
            c.google.get("error").and_then(Value::as_str).map(str::to_string),
        );
        if o_valid == g_valid {
            validity_agree += 1;
        }
        if o_type == g_type {
            type_agree += 1;
        }
        if o_valid && g_valid && o_e164 != g_e164 && cat != "js_precision" {
            e164_conflicts.push(format!("{:?} ({}): ours {o_desc}, google {g_desc}", c.input, c.region));
        }
        if o_valid != g_valid || o_type != g_type || (o_valid && g_valid && o_e164 != g_e164) {
            rows.push(format!(
                "{}\t{}\t{}\t{}\t{}",
                cat,
                c.region,
                serde_json::to_string(c.input).unwrap(),
                o_desc,
                g_desc
            ));
        }
    }
    let n = cases.len() as f64;
    let validity = 100.0 * validity_agree as f64 / n;
    let types = 100.0 * type_agree as f64 / n;
    println!(
        "differential: {} inputs in {} styles; validity agreement {:.3}% ({} differ); type agreement {:.3}% ({} differ); \
         E.164 conflicts where both valid: {}; {} valid results re-normalized to themselves",
        cases.len(),
        styles.len(),
        validity,
        cases.len() - validity_agree,
        types,
        cases.len() - type_agree,
        e164_conflicts.len(),
        fixed_points
    );
    let mut by_cat = std::collections::BTreeMap::new();
    for r in &rows {
        *by_cat.entry(r.split('\t').next().unwrap()).or_insert(0usize) += 1;
    }
    println!("disagreements by category: {by_cat:?}");

    let mut listing = String::from("# category\tregion\tinput\tours\tgoogle\n");
    for r in &rows {
        let _ = writeln!(listing, "{r}");
    }
    let file = dir.join("disagreements.tsv");
    if std::env::var_os("UPDATE_DISAGREEMENTS").is_some() {
        std::fs::write(&file, &listing).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();

    assert!(cases.len() >= 5000, "corpus too small: {}", cases.len());
    assert!(styles.len() >= 10, "too few input styles: {}", styles.len());
    assert!(
        e164_conflicts.is_empty(),
        "both valid, different E.164:\n{}",
        e164_conflicts.join("\n")
    );
    assert!(validity >= 99.9, "validity agreement {validity:.3}% < 99.9%");
    assert!(types >= 99.5, "type agreement {types:.3}% < 99.5%");
    let unexplained: Vec<&String> = rows.iter().filter(|r| r.starts_with("unexplained")).collect();
    assert!(
        unexplained.is_empty(),
        "disagreements without a reason:\n{}",
        unexplained.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
    assert_eq!(
        committed, listing,
        "tests/corpus/disagreements.tsv is not the current list of disagreements; rerun with UPDATE_DISAGREEMENTS=1 and review the diff"
    );
}
