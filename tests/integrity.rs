//! The integrity promise around the engine: `check` rewrites only numbers it
//! can vouch for, keeps every other value exactly (numbers included, to the
//! digit), judges the whole document whatever the reporting limit, and kind
//! `auto` never picks a kind because it requires nothing.

use proptest::prelude::*;
use serde_json::{json, Value};
use telschema::{check, completeness, json as tjson, resolve_kind, validate, Kind, Limits, Options};

fn parse(text: &str) -> Value {
    tjson::parse(text.as_bytes(), &Limits::default()).unwrap()
}

#[test]
fn check_rewrites_only_numbers_that_meet_the_phone_level() {
    let draft = json!({
        "billing_phone_number": "030 1234567",
        "phone_numbers": [{"phone_number": "555-0123"}, {"phone_number": "(312) 535-4200"}]
    });
    let o = check(Kind::DraftSubRequest, &draft, &Options::default());
    assert_eq!(o.document["billing_phone_number"], "030 1234567");
    assert_eq!(o.document["phone_numbers"][0]["phone_number"], "555-0123");
    assert_eq!(o.document["phone_numbers"][1]["phone_number"], "+13125354200");
    assert_eq!(o.changes.len(), 1);
    // The issues carry the values as typed.
    let at = |p: &str| o.report.errors.iter().find(|e| e.path == p).unwrap().value.clone();
    assert_eq!(at("/billing_phone_number"), Some(json!("030 1234567")));
    assert_eq!(at("/phone_numbers/0/phone_number"), Some(json!("555-0123")));
    // At the level `possible`, a possible number is rewritten.
    let mut possible = Options::default();
    possible.phone_level = telschema::PhoneLevel::Possible;
    let o = check(
        Kind::DraftSubRequest,
        &json!({"billing_phone_number": "(212) 155-0123"}),
        &possible,
    );
    assert_eq!(o.document["billing_phone_number"], "+12121550123");
    let o = check(
        Kind::DraftSubRequest,
        &json!({"billing_phone_number": "(212) 155-0123"}),
        &Options::default(),
    );
    assert_eq!(o.document["billing_phone_number"], "(212) 155-0123");
}

#[test]
fn a_label_is_removed_with_a_warning_and_a_word_never_becomes_digits() {
    let de = Options::with_region("DE");
    let o = check(
        Kind::DraftSubRequest,
        &json!({"billing_phone_number": "+49 30 1234567 (Handy)", "phone_numbers": [{"phone_number": "+1 312 535 4200 Bob 12"}]}),
        &de,
    );
    assert_eq!(o.document["billing_phone_number"], "+49301234567");
    let w = o.report.warnings.iter().find(|w| w.code == "phone_label").unwrap();
    assert_eq!(
        (w.path.as_str(), w.value.clone()),
        ("/billing_phone_number", Some(json!("Handy")))
    );
    // Refused, so left as written; the error says so.
    assert_eq!(o.document["phone_numbers"][0]["phone_number"], "+1 312 535 4200 Bob 12");
    assert!(!o.report.valid);
}

/// Integers past 2^53 and 2^64, negative zero, long decimals and exponents.
const NUMBERS: &str = r#"{"billing_phone_number":"(312) 535-4200","a":123456789012345678901234567890,"b":-9223372036854775809,"c":18446744073709551616,"d":-0,"e":0.1000000000000000055511151231257827,"f":1e+400,"g":1.0,"h":[12345678901234567890,-0.0,5e-324]}"#;

#[test]
fn numbers_in_documents_are_kept_to_the_digit() {
    let doc = parse(NUMBERS);
    assert_eq!(
        serde_json::to_string(&doc).unwrap(),
        NUMBERS,
        "the reader keeps numbers as written"
    );
    let o = check(Kind::DraftSubRequest, &doc, &Options::default());
    let expected = NUMBERS.replace("(312) 535-4200", "+13125354200");
    assert_eq!(serde_json::to_string(&o.document).unwrap(), expected);
    assert_eq!(o.changes.len(), 1, "{:?}", o.changes);
    // Exponent notation keeps its value and digits, written as serde_json does.
    assert_eq!(
        serde_json::to_string(&parse("[1E400,2e5,3E-7]")).unwrap(),
        "[1e+400,2e+5,3e-7]"
    );
    // The report's values too.
    let r = validate(
        Kind::PhoneNumber,
        &parse(r#"{"carrier_name": 123456789012345678901234567890}"#),
        &Options::default(),
    );
    assert_eq!(
        serde_json::to_string(&r.errors[0].value).unwrap(),
        "123456789012345678901234567890"
    );
}

/// JSON number text of every shape.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?[1-9][0-9]{0,40}",
        "-?0",
        "-?[0-9]\\.[0-9]{1,40}",
        // Exponents as serde_json writes them (`1E5` is read as `1e+5`).
        "-?[1-9][0-9]{0,5}e[+-][0-9]{1,4}",
        "-?[1-9]\\.[0-9]{1,20}e[+-][0-9]{1,3}",
    ]
}

proptest! {
    /// A document that passes through `check` comes back byte for byte,
    /// outside the rewritten phone fields, key order included.
    #[test]
    fn check_keeps_every_other_byte(numbers in prop::collection::vec(number_text(), 1..8), phone in prop::sample::select(vec!["(312) 535-4200", "+13125354200", "555-0123", "030 1234567"])) {
        let mut fields: Vec<String> = numbers.iter().enumerate().map(|(i, n)| format!("\"z{i}\":{n}")).collect();
        fields.insert(numbers.len() / 2, format!("\"billing_phone_number\":\"{phone}\""));
        fields.push(format!("\"list\":[{}]", numbers.join(",")));
        let text = format!("{{{}}}", fields.join(","));
        let doc = parse(&text);
        let o = check(Kind::DraftSubRequest, &doc, &Options::default());
        let expected = text.replace("(312) 535-4200", "+13125354200");
        prop_assert_eq!(serde_json::to_string(&o.document).unwrap(), expected);
    }
}

#[test]
fn verdicts_do_not_depend_on_how_many_issues_are_listed() {
    // Two invalid necessary fields, a warning from check, and a lenient type.
    let draft = json!({
        "auth_person_name": "Jane Smith",
        "billing_phone_number": "+1 312 535 4200 x7",
        "country_code": "XX",
        "postal_code": 60654,
        "locality": "",
        "phone_numbers": [{"phone_number": "+13125354200", "svtype": "landline"}],
    });
    let mut base = Options::default();
    base.lenient_types = true;
    let full = check(Kind::DraftSubRequest, &draft, &base);
    assert!(!full.report.valid && !full.completeness.complete);
    assert!(full.report.errors.len() >= 2 && !full.report.warnings.is_empty());
    for max in [0, 1, 2, 1000] {
        let mut options = base.clone();
        options.limits.max_issues = max;
        let c = completeness(Kind::DraftSubRequest, &draft, &options);
        assert_eq!(
            c,
            completeness(Kind::DraftSubRequest, &draft, &base),
            "completeness with maxIssues {max}"
        );
        let o = check(Kind::DraftSubRequest, &draft, &options);
        assert_eq!(
            o.completeness, full.completeness,
            "check's completeness with maxIssues {max}"
        );
        assert_eq!(o.report.valid, full.report.valid);
        assert!(
            o.report.errors.len() <= max && o.report.warnings.len() <= max,
            "maxIssues {max}: {:?}",
            o.report
        );
        let omitted = o.report.omitted.unwrap_or_default();
        assert_eq!(
            o.report.errors.len() + omitted.errors,
            full.report.errors.len(),
            "maxIssues {max}"
        );
        assert_eq!(
            o.report.warnings.len() + omitted.warnings,
            full.report.warnings.len(),
            "maxIssues {max}"
        );
        assert_eq!(o.report.errors[..], full.report.errors[..o.report.errors.len()]);
        let r = validate(Kind::DraftSubRequest, &draft, &options);
        assert_eq!(r.valid, full.report.valid);
    }
}

#[test]
fn kind_auto_never_chooses_a_kind_because_it_requires_nothing() {
    let partial =
        json!({"data": {"street_address": "311 W Superior St", "locality": "Chicago", "postal_code": "60654"}});
    assert_eq!(resolve_kind(&partial).unwrap_err().code(), "ambiguous_kind");
    let named = json!({"$schema": "urn:telschema:schema:e911", "data": partial["data"].clone()});
    assert_eq!(resolve_kind(&named), Ok(Kind::E911));
    assert!(!validate(Kind::E911, &named, &Options::default()).valid);
    // A draft wins when no other kind's fields fit.
    let draft =
        json!({"auth_person_name": "Jane", "foc_date_requested_by_user": "2026-12-08T09:00:00Z", "complete": false});
    assert_eq!(resolve_kind(&draft), Ok(Kind::DraftSubRequest));
}
