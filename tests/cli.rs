//! The CLI as a process: arguments, standard input, errors and exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

/// Runs the CLI; stdout parsed as one JSON value per line.
fn telschema(args: &[&str], stdin: &str) -> (i32, Vec<Value>, String) {
    let (code, out, err) = raw(args, stdin);
    let lines = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    (code, lines, err)
}

#[test]
fn normalizes_arguments_in_order() {
    let (code, lines, _) = telschema(
        &["normalize", "--region", "GB", "020 7946 0958", "+1 212 555 0123 x7"],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["input"], "020 7946 0958");
    assert_eq!(lines[0]["e164"], "+442079460958");
    assert_eq!(lines[0]["region"], "GB");
    assert_eq!(lines[1]["extension"], "7");
    assert_eq!(lines[1]["coverageCategory"], "nanp_generic");
}

#[test]
fn reads_lines_from_stdin_and_reports_errors_per_number() {
    let (code, lines, _) = telschema(&["normalize"], "(312) 535-4200\n\nnot a number\n+44 020 7946 0958\n");
    assert_eq!(code, 0, "a bad number is a row, not a failure");
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["e164"], "+13125354200");
    assert_eq!(lines[1]["error"]["code"], "not_a_number");
    assert_eq!(lines[2]["error"]["code"], "normalization_mismatch");
    assert!(lines[2].get("e164").is_none());
}

#[test]
fn unknown_region_is_a_usage_error() {
    let (code, lines, err) = telschema(&["normalize", "--region", "XX", "2125550123"], "");
    assert_eq!(code, 2);
    assert!(lines.is_empty());
    assert!(err.contains("Unknown region"), "{err}");
}

#[test]
fn bad_usage_exits_2() {
    let (code, _, _) = telschema(&["frobnicate"], "");
    assert_eq!(code, 2);
}

fn raw(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_telschema"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run telschema");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("telschema-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

const VALID_E911: &str =
    r#"{"street_address": "311 W Superior St", "locality": "Chicago", "region": "IL", "postal_code": "60654"}"#;

#[test]
fn validate_exit_codes_and_their_precedence() {
    let good = temp("good.json", VALID_E911);
    let bad = temp(
        "bad.json",
        r#"{"street_address": "x", "locality": "y", "region": "TEX", "postal_code": "60654"}"#,
    );
    let broken = temp("broken.json", "{\n  \"region\": \"IL\",\n  oops\n}");
    assert_eq!(raw(&["validate", "--kind", "e911", &good], "").0, 0);
    let (code, out, _) = raw(&["validate", "--kind", "e911", &good, &bad], "");
    assert_eq!(code, 1);
    assert!(
        out.contains("error /region: Must be at most 2 characters. [max_length]"),
        "{out}"
    );
    // A broken file is reported with line and column; the others are still checked; 2 beats 1.
    let (code, out, err) = raw(&["validate", "--kind", "e911", &bad, &broken, &good], "");
    assert_eq!(code, 2);
    assert!(err.contains("broken.json:3:3: invalid JSON"), "{err}");
    assert!(
        out.contains("bad.json: invalid") && out.contains("good.json: valid"),
        "{out}"
    );
    assert_eq!(raw(&["validate", "--kind", "nope", &good], "").0, 2);
    assert_eq!(raw(&["validate", "--kind", "e911", "/nonexistent/x.json"], "").0, 2);
}

#[test]
fn validate_formats_and_stdin() {
    let (code, out, _) = raw(
        &["validate", "--kind", "e911", "--format", "json", "-"],
        r#"{"data": {"region": "IL"}}"#,
    );
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(
        (v["file"].as_str(), v["kind"].as_str(), v["valid"].as_bool()),
        (Some("-"), Some("e911"), Some(false))
    );
    assert_eq!(v["errors"][0]["path"], "/data/locality");
    let (_, out, _) = raw(
        &["validate", "--kind", "e911", "--format", "kazoo", "-"],
        r#"{"data": {"region": "IL"}}"#,
    );
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(
        v["data"]["locality"]["required"]["message"],
        "Field is required but missing"
    );
    let (code, out, _) = raw(&["validate", "--kind", "e911", "--format", "kazoo", "-"], VALID_E911);
    assert_eq!((code, out.trim()), (0, "null"));
}

#[test]
fn validate_options_flags() {
    let doc = r#"{"companyProfileId": "6b0d8a2e-5f4c-4e1b-9a3d-2c7e8f9a0b1c", "quantity": 1, "numberType": "geo", "city": "Toronto"}"#;
    assert_eq!(raw(&["validate", "--kind", "number_request", "-"], doc).0, 0);
    let (code, out, _) = raw(
        &["validate", "--kind", "number_request", "--order-country", "CA", "-"],
        doc,
    );
    assert_eq!(code, 1);
    assert!(out.contains("[region_required]"), "{out}");
    let foc = r#"{"foc_date_requested_by_user": "2026-11-21T09:00:00Z"}"#;
    let (_, out, _) = raw(
        &[
            "validate",
            "--kind",
            "draft_sub_request",
            "--now",
            "2026-11-28T10:00:00Z",
            "-",
        ],
        foc,
    );
    assert!(
        out.contains("[foc_date_in_past]") && out.contains("[foc_date_on_weekend]"),
        "{out}"
    );
    assert_eq!(
        raw(
            &["validate", "--kind", "draft_sub_request", "--now", "tomorrow", "-"],
            foc
        )
        .0,
        2
    );
    let possible = r#"{"phone_numbers": [{"phone_number": "+13121554200"}]}"#;
    assert_eq!(raw(&["validate", "--kind", "portability_check", "-"], possible).0, 1);
    assert_eq!(
        raw(
            &[
                "validate",
                "--kind",
                "portability_check",
                "--phone-level",
                "possible",
                "-"
            ],
            possible
        )
        .0,
        0
    );
}

#[test]
fn schema_and_kinds() {
    let (code, out, _) = raw(&["schema", "e911"], "");
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["$id"], "urn:telschema:schema:e911");
    assert_eq!(raw(&["schema", "e912"], "").0, 2);
    let (code, out, _) = raw(&["kinds"], "");
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 9);
    assert!(out.lines().next().unwrap().starts_with("phone_number"));
}

#[test]
fn check_normalizes_reports_and_measures() {
    let draft = r#"{"auth_person_name": "Jane Smith", "billing_phone_number": "(312) 535-4200", "country_code": "US"}"#;
    let (code, out, _) = raw(&["check", "--kind", "draft_sub_request", "-"], draft);
    assert_eq!(
        code, 0,
        "an incomplete but valid draft passes without --require-complete"
    );
    assert!(
        out.contains("changed /billing_phone_number: \"(312) 535-4200\" -> \"+13125354200\""),
        "{out}"
    );
    assert!(out.contains("30% (3/10 necessary fields) incomplete"), "{out}");
    assert!(out.contains("next: /street_address"), "{out}");
    assert_eq!(
        raw(
            &["check", "--kind", "draft_sub_request", "--require-complete", "-"],
            draft
        )
        .0,
        1
    );

    let (_, out, _) = raw(
        &["check", "--kind", "draft_sub_request", "--format", "json", "-"],
        draft,
    );
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["document"]["billing_phone_number"], "+13125354200");
    assert_eq!(v["changes"][0]["from"], "(312) 535-4200");
    assert_eq!(v["completeness"]["percent"], 30);

    let (code, out, err) = raw(&["check", "--kind", "draft_sub_request", "--normalize", "-"], draft);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc,
        serde_json::json!({"auth_person_name": "Jane Smith", "billing_phone_number": "+13125354200", "country_code": "US"})
    );
    assert!(err.contains("incomplete"), "{err}");
    let good = temp("n1.json", draft);
    assert_eq!(
        raw(
            &["check", "--kind", "draft_sub_request", "--normalize", &good, &good],
            ""
        )
        .0,
        2
    );
}

#[test]
fn check_lenient_types_flag() {
    let doc = r#"{"cnam": {"inbound_lookup": "true"}}"#;
    assert_eq!(raw(&["check", "--kind", "phone_number", "-"], doc).0, 1);
    let (code, out, _) = raw(&["check", "--kind", "phone_number", "--lenient-types", "-"], doc);
    assert_eq!(code, 0);
    assert!(
        out.contains("[lenient_type]") && out.contains("changed /cnam/inbound_lookup: \"true\" -> true"),
        "{out}"
    );
}
