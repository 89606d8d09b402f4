//! `Report::to_kazoo`: Kazoo's 400 body, to the letter of its source.

use serde_json::json;
use telschema::{validate, Code, Issue, Kind, Options, Report};

#[test]
fn the_reference_example() {
    let doc =
        json!({"data": {"e911": {"street_address": "311 W Superior St", "postal_code": "60654", "region": "TEX"}}});
    let report = validate(Kind::PhoneNumber, &doc, &Options::default());
    assert_eq!(
        report.to_kazoo(),
        Some(json!({"status": "error", "error": "400", "message": "validation error",
            "data": {"e911.locality": {"required": {"message": "Field is required but missing"}},
                     "e911.region": {"maxLength": {"message": "String must not be more than 2 characters", "target": 2, "value": "TEX"}}}}))
    );
}

#[test]
fn keywords_messages_and_targets() {
    let doc = json!({"carrier_name": "", "cnam": {"inbound_lookup": "yes"}, "create_with_state": "active",
        "e911": {"street_address": "x", "postal_code": "60654", "region": "IL", "locality": "Chicago", "caller_name": "Al"}});
    let body = validate(Kind::PhoneNumber, &doc, &Options::default())
        .to_kazoo()
        .unwrap();
    assert_eq!(
        body["data"]["carrier_name"],
        json!({"minLength": {"message": "String must be at least 1 characters", "target": 1, "value": ""}})
    );
    assert_eq!(
        body["data"]["cnam.inbound_lookup"],
        json!({"type": {"message": "Value did not match type(s): boolean", "value": "yes"}})
    );
    let states = json!([
        "aging",
        "available",
        "deleted",
        "discovery",
        "in_service",
        "port_in",
        "port_out",
        "released",
        "reserved"
    ]);
    assert_eq!(
        body["data"]["create_with_state"],
        json!({"enum": {"message": "Value not found in enumerated list of values", "target": states, "value": "active"}})
    );
    assert_eq!(
        body["data"]["e911.caller_name"]["minLength"]["message"],
        "String must be at least 3 characters"
    );
}

#[test]
fn formats_our_codes_and_dots() {
    let doc = json!({"foc_date_requested_by_user": "tomorrow"});
    let body = validate(Kind::DraftSubRequest, &doc, &Options::default())
        .to_kazoo()
        .unwrap();
    assert_eq!(
        body["data"]["foc_date_requested_by_user"]["wrong_format"]["message"],
        "Field is not in the correct format"
    );
    // One mistake, one issue: the pattern paired with the format is not a second entry.
    assert!(
        body["data"]["foc_date_requested_by_user"].get("pattern").is_none(),
        "{body}"
    );

    let report = Report {
        kind: Kind::PhoneNumber,
        valid: false,
        errors: vec![Issue::new(
            "/data/custom.field~1x",
            Code::PhoneInvalid,
            "Not a valid phone number.",
        )],
        warnings: vec![],
        omitted: None,
    };
    assert!(report.to_kazoo().unwrap()["data"].get("custom%2Efield/x").is_some());
}

#[test]
fn warnings_never_appear_and_valid_gives_none() {
    let doc = json!({"e911": {"street_address": "x", "postal_code": "1", "region": "ZZ", "locality": "y"}});
    let report = validate(Kind::PhoneNumber, &doc, &Options::default());
    assert!(report.valid && !report.warnings.is_empty());
    assert_eq!(report.to_kazoo(), None);
}

/// `cb_phone_numbers:validate_collection_request` answers on the key
/// `numbers` with its own keywords and messages.
#[test]
fn the_collection_endpoints_answer_as_cb_phone_numbers_does() {
    let body = |doc: serde_json::Value| {
        validate(Kind::NumberCollection, &json!({ "data": doc }), &Options::default())
            .to_kazoo()
            .unwrap()["data"]
            .clone()
    };
    assert_eq!(
        body(json!({})),
        json!({"numbers": {"required": {"message": "list of numbers missing"}}})
    );
    assert_eq!(
        body(json!({"numbers": []})),
        json!({"numbers": {"minimum": {"message": "minimum 1 number required"}}})
    );
    assert_eq!(
        body(json!({"numbers": "+13125354200"})),
        json!({"numbers": {"type": {"message": "numbers must be a list"}}})
    );
    assert_eq!(
        body(json!({"numbers": ["+13125354200", "3125354200", "(312) 535-4200"]})),
        json!({"numbers": {"uniqueItems": {"message": "some numbers appear twice"}}})
    );
    // The report itself still names each repeated item, for forms.
    let r = validate(
        Kind::NumberCollection,
        &json!({"numbers": ["+13125354200", "3125354200"]}),
        &Options::default(),
    );
    assert_eq!(
        (r.errors[0].path.as_str(), r.errors[0].code.as_str()),
        ("/numbers/1", "duplicate_number")
    );
}

/// A service handing over the request body as it came: text that is not
/// JSON, a duplicate key or a body that is not an object get crossbar's
/// answer to a body it cannot read (`json` / `invalid`, target `body`).
#[test]
fn a_body_that_cannot_be_read_as_it_is() {
    let o = Options::default();
    let r = telschema::validate_str(Kind::PhoneNumber, "{\"data\": {\"carrier_name\": ", &o);
    assert_eq!(
        (r.valid, r.errors.len(), r.errors[0].code),
        (false, 1, Code::InvalidJson)
    );
    let body = r.to_kazoo().unwrap();
    // crossbar: "<decoder's reason> around <byte position>", target body.
    assert_eq!(
        body["data"],
        json!({"json": {"invalid": {"message": "truncated_json around 26", "target": "body"}}})
    );

    // A duplicate key: refused under our code, and the rest judged.
    let r = telschema::validate_str(
        Kind::PhoneNumber,
        br#"{"data": {"carrier_name": "a", "carrier_name": "", "cnam": {"inbound_lookup": 1}}}"#,
        &o,
    );
    let codes: Vec<(&str, Code)> = r.errors.iter().map(|i| (i.path.as_str(), i.code)).collect();
    assert_eq!(
        codes,
        [
            ("", Code::DuplicateKey),
            ("/data/carrier_name", Code::MinLength),
            ("/data/cnam/inbound_lookup", Code::Type)
        ]
    );
    let body = r.to_kazoo().unwrap();
    assert_eq!(body["data"]["json"]["duplicate_key"]["target"], json!("body"));
    assert!(body["data"]["carrier_name"]["minLength"].is_object());

    // Not an object: at the root, and as the envelope's data.
    let body = validate(Kind::E911, &json!([1]), &o).to_kazoo().unwrap();
    assert_eq!(
        body["data"],
        json!({"json": {"invalid": {"message": "All JSON must be valid", "target": "body"}}})
    );
    let body = validate(Kind::PhoneNumber, &json!({"data": "x"}), &o)
        .to_kazoo()
        .unwrap();
    assert!(body["data"]["data"]["type"].is_object(), "{body}");

    // check_str: the same report, no document, nothing rewritten.
    let out = telschema::check_str(Kind::E911, "[1, 2", &o);
    assert_eq!((out.document, out.changes.len()), (serde_json::Value::Null, 0));
    assert_eq!(out.report.errors[0].code, Code::InvalidJson);
    assert!(!out.completeness.complete);
    // In the report's locale, the same params.
    let fr = telschema::check_str(Kind::E911, "[1, 2", &Options::new().locale(telschema::Locale::Fr));
    assert_eq!(
        fr.report.errors[0].message,
        "Le document n'est pas du JSON valide (ligne 1, colonne 5)."
    );
    assert_eq!(fr.report.errors[0].params, out.report.errors[0].params);
    // Text within the limits is judged as validate judges the value.
    let text = r#"{"street_address": "1 Main St", "locality": "Chicago", "region": "IL", "postal_code": "6065"}"#;
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        telschema::validate_str(Kind::E911, text, &o),
        validate(Kind::E911, &value, &o)
    );
    assert_eq!(
        telschema::check_str(Kind::E911, text.as_bytes(), &o),
        telschema::check(Kind::E911, &value, &o)
    );
    let small = Options::new().limits({
        let mut l = telschema::Limits::default();
        l.max_document_bytes = 10;
        l
    });
    let r = telschema::validate_str(Kind::E911, text, &small);
    assert_eq!((r.errors.len(), r.errors[0].code), (1, Code::LimitExceeded));
}
