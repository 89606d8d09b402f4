//! The integrity cases through the `telschema` command: words never become
//! digits, check rewrites only numbers it can vouch for and keeps every other
//! number to the digit, verdicts ignore --max-issues, and kind auto never
//! passes a document as a kind that merely requires nothing.

mod common;

use common::temp;
use serde_json::Value;

fn run(args: &[&str]) -> (i32, String, String) {
    common::raw(args, "")
}

#[test]
fn normalize_never_reads_words_as_digits() {
    let (code, out, _) = run(&[
        "normalize",
        "--region",
        "DE",
        "+49 30 1234 (Handy)",
        "+49 30 123456w12",
        "+49 30 123456 ext#12",
        "tel:+1-312-535-4200;ext=12;ext=34",
        "+1 312 535 4200 Bob 12",
        "Tel: +1 312-535-4200; ext. 123",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(
        (rows[0]["e164"].as_str(), rows[0]["extension"].as_str()),
        (Some("+49301234"), None)
    );
    assert_eq!(
        (rows[1]["e164"].as_str(), rows[1]["extension"].as_str()),
        (Some("+4930123456"), Some("12"))
    );
    assert_eq!(
        (rows[2]["e164"].as_str(), rows[2]["extension"].as_str()),
        (Some("+4930123456"), Some("12"))
    );
    assert_eq!(rows[3]["error"]["code"], "ambiguous_extension");
    assert_eq!(rows[4]["error"]["code"], "text_in_number");
    assert_eq!(
        (rows[5]["e164"].as_str(), rows[5]["extension"].as_str()),
        (Some("+13125354200"), Some("123"))
    );
}

#[test]
fn check_keeps_an_extension_written_after_a_label() {
    let file = temp("label_ext.json", r#"{"billing_phone_number": "Tel: 312-535-4200;123"}"#);
    let (_, out, _) = run(&["check", "--kind", "draft_sub_request", "--format", "json", &file]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["document"]["billing_phone_number"], "+13125354200");
    let w = &v[0]["report"]["warnings"][0];
    assert_eq!(
        (w["code"].as_str(), w["value"].as_str()),
        (Some("phone_extension"), Some("123")),
        "{w}"
    );
}

const NUMBERS: &str = r#"{"billing_phone_number":"(312) 535-4200","phone_numbers":[{"phone_number":"030 1234567"}],"a":123456789012345678901234567890,"b":-9223372036854775809,"d":-0,"e":0.1000000000000000055511151231257827}"#;

#[test]
fn check_normalize_keeps_numbers_and_rewrites_only_what_it_can_vouch_for() {
    let file = temp("numbers.json", NUMBERS);
    let (code, out, _) = run(&["check", "--kind", "draft_sub_request", "--normalize", &file]);
    assert_eq!(code, 1, "an incomplete draft with a bad number is invalid");
    let expected = NUMBERS.replace("(312) 535-4200", "+13125354200");
    let written: Value = telschema::json::parse(out.as_bytes(), &telschema::Limits::default()).unwrap();
    assert_eq!(serde_json::to_string(&written).unwrap(), expected);
    // The JSON output carries the same document and the error with the value as typed.
    let (_, out, _) = run(&["check", "--kind", "draft_sub_request", "--format", "json", &file]);
    let parsed: Value = telschema::json::parse(out.as_bytes(), &telschema::Limits::default()).unwrap();
    assert_eq!(serde_json::to_string(&parsed[0]["document"]).unwrap(), expected);
    let errors = parsed[0]["report"]["errors"].as_array().unwrap();
    let typed = errors
        .iter()
        .find(|e| e["path"] == "/phone_numbers/0/phone_number")
        .unwrap();
    assert_eq!(typed["value"], "030 1234567");
    assert_eq!(parsed[0]["changes"].as_array().unwrap().len(), 1);
}

#[test]
fn verdicts_do_not_depend_on_max_issues() {
    let file = temp(
        "two_bad.json",
        r#"{"country_code": "XX", "postal_code": 60654, "billing_phone_number": "+13125354200"}"#,
    );
    for max in ["0", "1", "1000"] {
        let (code, out, _) = run(&[
            "check",
            "--kind",
            "draft_sub_request",
            "--max-issues",
            max,
            "--format",
            "json",
            &file,
        ]);
        assert_eq!(code, 1, "--max-issues {max}");
        let v: Value = serde_json::from_str(&out).unwrap();
        let c = &v[0]["completeness"];
        assert_eq!(
            (c["complete"].as_bool(), c["satisfied"].as_u64()),
            (Some(false), Some(1)),
            "--max-issues {max}: {c}"
        );
        assert_eq!(c["next"], "/auth_person_name", "--max-issues {max}");
    }
}

#[test]
fn kind_auto_refuses_an_e911_address_without_its_region() {
    let file = temp(
        "partial_e911.json",
        r#"{"data": {"street_address": "311 W Superior St", "locality": "Chicago", "postal_code": "60654"}}"#,
    );
    let (code, _, err) = run(&["validate", &file]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ambiguous_kind") && err.contains("e911"), "{err}");
    let (code, _, _) = run(&["validate", "--kind", "e911", &file]);
    assert_eq!(code, 1);
}
