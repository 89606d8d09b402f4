//! The CLI as a process: arguments, standard input, errors and exit codes.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{raw, telschema, temp};
use serde_json::Value;

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
    assert_eq!(lines.len(), 4, "every line is a row");
    assert_eq!(lines[0]["e164"], "+13125354200");
    assert_eq!(lines[1]["error"]["code"], "empty");
    assert_eq!(lines[2]["error"]["code"], "not_a_number");
    assert_eq!(lines[3]["error"]["code"], "normalization_mismatch");
    assert!(lines[3].get("e164").is_none());
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
        &["validate", "--kind", "e911", "--format", "ndjson", "-"],
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
fn fields_prints_the_librarys_form_metadata_in_three_formats() {
    for kind in telschema::KINDS {
        let expected = serde_json::to_value(telschema::fields(kind)).unwrap();
        let list = expected.as_array().unwrap();
        assert!(!list.is_empty(), "{kind} has no fields");
        // Default: one pretty JSON array.
        let (code, out, err) = raw(&["fields", kind.as_str()], "");
        assert_eq!((code, err.as_str()), (0, ""), "{kind}");
        assert!(out.lines().count() > list.len(), "{kind}: not indented");
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), expected, "{kind}");
        // One field per line.
        let (code, lines, _) = telschema(&["fields", kind.as_str(), "--format", "ndjson"], "");
        assert_eq!(code, 0);
        assert_eq!(&lines, list, "{kind}");
        // A table: a header, then order, pointer, need and label per field, in order.
        let (code, out, _) = raw(&["fields", kind.as_str(), "--format", "text"], "");
        assert_eq!(code, 0);
        let rows: Vec<&str> = out.lines().collect();
        assert_eq!(rows.len(), list.len() + 1, "{kind}");
        assert!(
            rows[0].split_whitespace().eq(["order", "pointer", "need", "label"]),
            "{}",
            rows[0]
        );
        for (row, f) in rows[1..].iter().zip(list) {
            let cells: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(cells[0], f["order"].to_string(), "{row}");
            assert_eq!(cells[1], f["pointer"], "{row}");
            assert_eq!(cells[2], f["need"], "{row}");
            assert_eq!(cells[3..].join(" "), f["label"], "{row}");
        }
    }
}

#[test]
fn fields_of_an_unknown_or_missing_kind_is_a_usage_error() {
    for args in [
        &["fields", "e912"][..],
        &["fields"],
        &["fields", "auto"],
        &["fields", "", "--format", "text"],
    ] {
        let (code, out, err) = raw(args, "");
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(out, "", "{args:?}");
        assert!(err.contains("(unknown_kind)"), "{args:?}: {err}");
        for kind in telschema::KINDS {
            assert!(err.contains(kind.as_str()), "{args:?}: {err} does not list {kind}");
        }
    }
    // A format that does not exist is a usage error too.
    assert_eq!(raw(&["fields", "e911", "--format", "csv"], "").0, 2);
}

#[test]
fn help_lists_the_fields_subcommand() {
    let (code, out, _) = raw(&["--help"], "");
    assert_eq!(code, 0);
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("fields ") && l.contains("form metadata")),
        "{out}"
    );
    let (code, out, _) = raw(&["fields", "--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("--format") && out.contains("ndjson"), "{out}");
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
    let all: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(all.as_array().map(Vec::len), Some(1), "json is one array of results");
    let v = &all[0];
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

/// The `input` of each NDJSON row.
fn inputs_of(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["input"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn dir(name: &str, files: &[(&str, &str)]) -> String {
    let root = std::env::temp_dir().join(format!("telschema-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    root.to_string_lossy().into_owned()
}

const BAD_E911: &str = "{\n  \"street_address\": \"x\",\n  \"locality\": \"y\",\n  \"region\": \"TEX\",\n  \"postal_code\": \"60654\"\n}\n";

#[test]
fn directories_ndjson_auto_kind_and_the_summary() {
    let root = dir(
        "tree",
        &[
            ("a.json", VALID_E911),
            (
                "sub/b.ndjson",
                &format!("{VALID_E911}\n\n{}\n", BAD_E911.replace('\n', "")),
            ),
            ("sub/deeper/c.json", BAD_E911),
            ("notes.txt", "not a document"),
        ],
    );
    let (code, out, err) = raw(&["validate", &root], "");
    assert_eq!(code, 1, "{out}{err}");
    let a = out.find("a.json: valid (e911, kind chosen by auto)").expect(&out);
    let b1 = out.find("b.ndjson:1: valid").expect(&out);
    let b3 = out.find("b.ndjson:3: invalid").expect(&out);
    let c = out.find("c.json: invalid").expect(&out);
    assert!(
        a < b3 && b1 < b3 && b3 < c,
        "files in sorted order, lines in order:\n{out}"
    );
    // The NDJSON line's issue is on line 3; the file's value starts on line 4, column 13.
    assert!(out.contains("b.ndjson:3:"), "{out}");
    assert!(
        out.contains("c.json:4:13: error /region: Must be at most 2 characters. [max_length]"),
        "{out}"
    );
    assert!(
        out.trim_end()
            .ends_with("telschema: 3 files, 4 documents: 2 valid, 2 invalid, 0 warnings"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colour when piped");
    // A link back up the tree is not followed: it is named and counted (exit 2).
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&root, format!("{root}/sub/loop")).unwrap();
        let (code, out, err) = raw(&["validate", &root], "");
        assert_eq!(code, 2);
        assert!(
            out.contains("3 files, 4 documents") && out.contains("1 not judged"),
            "{out}"
        );
        assert!(err.contains("sub/loop: a linked directory is not followed"), "{err}");
    }
}

#[test]
fn a_broken_file_among_good_ones_and_ambiguous_kinds() {
    let root = dir(
        "broken",
        &[
            ("1.json", VALID_E911),
            ("2.json", "{\n  \"region\": \"IL\",\n  oops\n}"),
            ("3.json", BAD_E911),
        ],
    );
    let (code, out, err) = raw(&["validate", &root], "");
    assert_eq!(code, 2, "2 beats 1");
    assert!(err.contains("2.json:3:3: invalid JSON"), "{err}");
    assert!(
        out.contains("1.json: valid") && out.contains("3.json: invalid"),
        "{out}"
    );
    assert!(out.contains("1 not judged"), "{out}");
    let (code, _, err) = raw(
        &["validate", "-"],
        r#"{"phone_numbers": [{"phone_number": "+13125354200"}]}"#,
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("fits more than one kind") && err.contains("(ambiguous_kind)"),
        "{err}"
    );
    let (code, _, _) = raw(
        &["validate", "--kind", "portability_check", "-"],
        r#"{"phone_numbers": [{"phone_number": "+13125354200"}]}"#,
    );
    assert_eq!(code, 0);
    let (code, _, err) = raw(&["validate", "-"], "{}\n");
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = raw(&["validate", temp("latin1.json", "").as_str()], "");
    assert_eq!(code, 2, "an empty file is not JSON: {err}");
}

#[test]
fn warnings_as_errors() {
    let warned = r#"{"street_address": "1 Main St", "locality": "Chicago", "region": "ZZ", "postal_code": "60654"}"#;
    let (code, out, _) = raw(&["validate", "-"], warned);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning /region"), "{out}");
    assert!(out.contains("1 valid, 0 invalid, 1 warning"), "{out}");
    assert_eq!(raw(&["validate", "--warnings-as-errors", "-"], warned).0, 1);
}

#[test]
fn github_and_ndjson_formats() {
    let bad = temp("gh.json", BAD_E911);
    let (code, out, err) = raw(&["validate", "--format", "github", &bad], "");
    assert_eq!(code, 1);
    assert_eq!(
        out.trim(),
        format!("::error file={bad},line=4,col=13,title=telschema max_length::/region: Must be at most 2 characters.")
    );
    assert!(err.contains("1 invalid"), "the summary goes to standard error: {err}");
    let (_, out, _) = raw(
        &["check", "--format", "ndjson", "--ndjson", "-"],
        format!("{VALID_E911}\n{VALID_E911}\n"),
    );
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[1]["file"].as_str(), lines[1]["line"].as_u64()),
        (Some("-"), Some(2))
    );
    assert_eq!(lines[1]["report"]["kind"], "e911");
    assert_eq!(lines[1]["kindAuto"], true);
}

#[test]
fn bulk_csv_with_a_header_and_order_under_parallelism() {
    let csv = temp(
        "numbers.csv",
        "name,phone,note\nAda,(312) 535-4200,\"first, with comma\"\nBob,not a number,x\nCy,+44 20 7946 0958,y\n",
    );
    let (code, out, err) = raw(&["normalize", "--input", &csv, "--column", "phone"], "");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.is_empty(),
        "no progress bar when standard error is not a terminal: {err:?}"
    );
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(
        rows[0],
        "name,phone,note,e164,valid,possible,number_type,region,extension,kazoo_classifier,coverage_category,error"
    );
    assert_eq!(
        rows[1],
        "Ada,(312) 535-4200,\"first, with comma\",+13125354200,true,true,fixed_line_or_mobile,US,,did_us,nanp_generic,"
    );
    assert!(rows[2].ends_with(",,,,,,,,not_a_number"), "{}", rows[2]);
    assert!(
        rows[3].starts_with("Cy,+44 20 7946 0958,y,+442079460958,true"),
        "{}",
        rows[3]
    );
    let (_, out, _) = raw(
        &["normalize", "--input", &csv, "--column", "2", "--format", "ndjson"],
        "",
    );
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(
        (first["input"].as_str(), first["line"].as_u64()),
        (Some("(312) 535-4200"), Some(2))
    );
    assert_eq!(raw(&["normalize", "--input", &csv, "--column", "fax"], "").0, 2);

    // More lines than one parallel batch: the output keeps the input order.
    let inputs: Vec<String> = (0..40_000).map(|i| format!("+1 312 555 {:04}", i % 10_000)).collect();
    let big = temp("big.txt", &(inputs.join("\n") + "\n"));
    let (code, out, err) = raw(&["normalize", "--input", &big], "");
    assert_eq!(code, 0);
    assert!(err.is_empty(), "{err:?}");
    let got = inputs_of(&out);
    assert_eq!(got, inputs);
}

#[test]
fn duplicate_keys_bad_bytes_and_limits() {
    let dup = temp("dup.json", "{\n  \"locality\": \"a\",\n  \"locality\": \"b\"\n}");
    let (code, _, err) = raw(&["validate", &dup], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("dup.json:3:") && err.contains("duplicate key \"locality\"") && err.contains("(duplicate_key)"),
        "{err}"
    );
    let latin1 = std::env::temp_dir().join(format!("telschema-cli-{}-latin1.json", std::process::id()));
    std::fs::write(&latin1, b"{\"locality\": \"M\xfcnchen\"}").unwrap();
    let (code, _, err) = raw(&["validate", latin1.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8 (invalid byte at offset 15)"), "{err}");

    let len = VALID_E911.len().to_string();
    let less = (VALID_E911.len() - 1).to_string();
    assert_eq!(raw(&["validate", "--max-document-bytes", &len, "-"], VALID_E911).0, 0);
    let (code, _, err) = raw(&["validate", "--max-document-bytes", &less, "-"], VALID_E911);
    assert_eq!(code, 2);
    assert!(
        err.contains("(limit_exceeded)") && err.contains("maxDocumentBytes"),
        "{err}"
    );

    let nested = r#"{"legacy_data": {"suite": "1"}, "street_address": "1 Main St", "locality": "Chicago", "region": "IL", "postal_code": "60654"}"#;
    assert_eq!(
        raw(&["validate", "--kind", "e911", "--max-depth", "2", "-"], nested).0,
        0
    );
    let (code, out, _) = raw(&["validate", "--kind", "e911", "--max-depth", "1", "-"], nested);
    assert_eq!(code, 1);
    assert!(
        out.contains("error /legacy_data: This value nests deeper than 1 levels"),
        "{out}"
    );

    let three = r#"{"numbers": ["a", "b", "c"]}"#;
    let (code, out, _) = raw(
        &["validate", "--kind", "number_collection", "--max-issues", "1", "-"],
        three,
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("(2 more errors and 0 more warnings not listed: --max-issues)"),
        "{out}"
    );
    let (_, out, _) = raw(
        &[
            "validate",
            "--kind",
            "number_collection",
            "--max-issues",
            "1",
            "--format",
            "ndjson",
            "-",
        ],
        three,
    );
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["omitted"], serde_json::json!({"errors": 2, "warnings": 0}));
}

/// A short key for `n`: an upper-case letter (no known field starts with
/// one), then `width - 1` base-62 digits.
fn short_key(n: usize, width: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = vec![b'A' + (n % 26) as u8];
    let mut n = n / 26;
    for _ in 1..width {
        s.push(DIGITS[n % 62]);
        n /= 62;
    }
    String::from_utf8(s).unwrap()
}

#[test]
fn many_fields_take_linear_time_within_the_default_limits() {
    // 200,000 fields: 100,000 unknown top-level keys (every one an issue to
    // sort and locate) and 10 arrays of 10,000 items.
    let mut doc = String::from("{");
    let mut keys = 0;
    for width in [2, 3] {
        let room = 26 * 62usize.pow(width as u32 - 1);
        for i in 0..room {
            if keys == 100_000 {
                break;
            }
            doc.push_str(&format!("\"{}\":0,", short_key(i, width)));
            keys += 1;
        }
    }
    let items = vec!["0"; 10_000].join(",");
    for i in 0..10 {
        doc.push_str(&format!("\"_{i}\":[{items}],"));
    }
    doc.pop();
    doc.push('}');
    assert!(doc.len() < 1 << 20, "{} bytes", doc.len());
    let file = temp("many.json", &doc);
    let started = std::time::Instant::now();
    let (code, out, err) = raw(
        &["validate", "--kind", "draft_sub_request", "--format", "ndjson", &file],
        "",
    );
    let took = started.elapsed();
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["omitted"]["warnings"], 100_010 - 1000, "{err}");
    // Quadratic took minutes here; linear is well under a second in release.
    assert!(took.as_secs() < 10, "took {took:?}");
}

/// Runs `script` in `sh -c` with the binary as `$T` and address space
/// limited to `kb` kilobytes; (status, stdout, stderr).
fn limited(kb: usize, script: &str) -> (i32, String, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kb}; {script}"))
        .env("T", env!("CARGO_BIN_EXE_telschema"))
        // Address space, not memory use, is limited: keep thread stacks and
        // malloc arenas from scaling with the machine's cores.
        .env("RAYON_NUM_THREADS", "2")
        .env("MALLOC_ARENA_MAX", "2")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn every_read_is_bounded() {
    // Endless input: one document past the limit, in bounded memory.
    let (code, _, err) = limited(400_000, r#"exec "$T" validate --kind e911 /dev/zero"#);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("/dev/zero") && err.contains("(limit_exceeded)"), "{err}");
    // A FIFO named on the command line is read, through the same bound.
    let dir = dir("fifo", &[]);
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = format!("{dir}/in.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (code, _, err) = limited(
        400_000,
        &format!(r#"(head -c 300000000 /dev/zero > "{fifo}" 2>/dev/null &) ; exec "$T" validate "{fifo}""#),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("(limit_exceeded)"), "{err}");
    // NDJSON: per line; the line past the limit is broken, the next is judged.
    let (code, out, err) = limited(
        400_000,
        &format!(r#"(head -c 300000000 /dev/zero; echo; echo '{VALID_E911}') | exec "$T" validate --ndjson -"#),
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("-:1: The document is larger") && err.contains("(limit_exceeded)"),
        "{err}"
    );
    assert!(out.contains("-:2: valid"), "{out}");
    // normalize: a line past the bound is a row, and the run goes on.
    let (code, out, err) = limited(
        400_000,
        r#"(head -c 300000000 /dev/zero; echo; echo '+1 312 535 4200') | exec "$T" normalize"#,
    );
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(
        (rows[0]["error"]["code"].as_str(), rows[0]["line"].as_u64()),
        (Some("limit_exceeded"), Some(1))
    );
    assert_eq!(rows[1]["e164"], "+13125354200");
}

#[test]
fn ndjson_is_streamed() {
    // Results come while the input is still open: the stream is not read whole first.
    let mut child = Command::new(env!("CARGO_BIN_EXE_telschema"))
        .args(["validate", "--ndjson", "--format", "ndjson", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut r = std::io::BufReader::new(stdout);
        let mut first = String::new();
        std::io::BufRead::read_line(&mut r, &mut first).unwrap();
        tx.send(first).unwrap();
        std::io::copy(&mut r, &mut std::io::sink()).unwrap();
    });
    let line = format!("{VALID_E911}\n");
    stdin.write_all(line.repeat(10_000).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let first = rx.recv_timeout(std::time::Duration::from_secs(20));
    drop(stdin);
    let status = child.wait().unwrap();
    let first = first.expect("a result before the input ended");
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!((v["line"].as_u64(), v["valid"].as_bool()), (Some(1), Some(true)));
    assert_eq!(status.code(), Some(0));
}

#[test]
fn every_input_line_is_an_output_row() {
    let mut input = Vec::new();
    for i in 0..20_000 {
        match i {
            1 => input.extend_from_slice(b"\xff\xfe 312 535 4200\n"),
            5 => input.extend_from_slice(b"\n"),
            17_000 => input.extend_from_slice(b"+1 312 \xc3 535 4200\n"),
            _ => input.extend_from_slice(format!("+1 312 555 {:04}\n", i % 10_000).as_bytes()),
        }
    }
    let path = std::env::temp_dir().join(format!("telschema-cli-{}-rows.txt", std::process::id()));
    std::fs::write(&path, &input).unwrap();
    let (code, out, err) = raw(&["normalize", "--input", path.to_str().unwrap()], "");
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 20_000);
    assert_eq!(rows[0]["e164"], "+13125550000");
    assert_eq!(
        (rows[1]["error"]["code"].as_str(), rows[1]["line"].as_u64()),
        (Some("invalid_utf8"), Some(2))
    );
    assert_eq!(rows[5]["error"]["code"], "empty");
    assert_eq!(
        (rows[17_000]["error"]["code"].as_str(), rows[17_000]["line"].as_u64()),
        (Some("invalid_utf8"), Some(17_001))
    );
    assert_eq!(rows[19_999]["input"], "+1 312 555 9999");
    // CSV: physical lines (a quoted field spans two), blank lines and bad bytes are rows.
    let csv = std::env::temp_dir().join(format!("telschema-cli-{}-rows.csv", std::process::id()));
    std::fs::write(
        &csv,
        b"name,phone\n\"Ada\nLovelace\",312 535 4200\n\nBob,\xff\nCy,+44 20 7946 0958\n",
    )
    .unwrap();
    let (code, out, err) = raw(
        &[
            "normalize",
            "--input",
            csv.to_str().unwrap(),
            "--column",
            "phone",
            "--format",
            "ndjson",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let got: Vec<(u64, &str)> = rows
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["error"]["code"].as_str().unwrap_or("ok")))
        .collect();
    assert_eq!(got, [(2, "ok"), (4, "empty"), (5, "invalid_utf8"), (6, "ok")]);
}

#[cfg(unix)]
#[test]
fn every_file_met_is_accounted_for() {
    let root = dir("met", &[("a.json", VALID_E911), ("notes.txt", "x")]);
    std::os::unix::fs::symlink(format!("{root}/gone.json"), format!("{root}/dangling.json")).unwrap();
    std::os::unix::fs::symlink(format!("{root}/loop.json"), format!("{root}/loop.json")).unwrap();
    std::os::unix::fs::symlink(format!("{root}/a.json"), format!("{root}/linked.json")).unwrap();
    assert!(Command::new("mkfifo")
        .arg(format!("{root}/pipe.json"))
        .status()
        .unwrap()
        .success());
    // A FIFO is never opened while walking (it would block): a timeout says if it was.
    let (tx, rx) = std::sync::mpsc::channel();
    let r = root.clone();
    std::thread::spawn(move || tx.send(raw(&["validate", &r], "")).unwrap());
    let (code, out, err) = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the walk blocked");
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("dangling.json: a dangling symbolic link"), "{err}");
    assert!(err.contains("loop.json: cannot follow the link"), "{err}");
    assert!(err.contains("pipe.json: a FIFO, not a regular file"), "{err}");
    assert!(
        out.contains("a.json: valid") && out.contains("linked.json: valid"),
        "{out}"
    );
    assert!(
        out.contains("2 files, 2 documents: 2 valid, 0 invalid, 0 warnings, 3 not judged"),
        "{out}"
    );
}

/// Every document met has an entry in the machine formats, the broken ones
/// too (with the code and where), so a consumer of `json`, `ndjson` or
/// `kazoo` output loses none and can match entries to files.
#[cfg(unix)]
#[test]
fn machine_formats_give_every_document_met_an_entry() {
    let big = format!("{{\"x\": \"{}\"}}", "y".repeat(2_000));
    let root = dir(
        "entries",
        &[
            ("a.json", VALID_E911),
            ("b.json", "{\"street_address\": "),
            ("c.json", "[1, 2]"),
            ("d.json", &big),
            ("e.ndjson", &format!("{VALID_E911}\n{{oops\n\n{VALID_E911}\n")),
        ],
    );
    std::fs::write(format!("{root}/f.json"), b"{\"a\": \"\xff\"}").unwrap();
    std::os::unix::fs::symlink(format!("{root}/gone.json"), format!("{root}/dangling.json")).unwrap();
    let want = [
        ("a.json", None, "ok"),
        ("b.json", None, "invalid_json"),
        ("c.json", None, "unknown_kind"),
        ("d.json", None, "limit_exceeded"),
        ("dangling.json", None, "unreadable"),
        ("e.ndjson", Some(1), "ok"),
        ("e.ndjson", Some(2), "invalid_json"),
        ("e.ndjson", Some(4), "ok"),
        ("f.json", None, "invalid_utf8"),
    ];
    for format in ["json", "ndjson", "kazoo"] {
        for skip in [false, true] {
            let mut args = vec!["validate", "--max-document-bytes", "1000", "--format", format, &root];
            if skip {
                args.push("--skip-unknown");
            }
            let (code, out, err) = raw(&args, "");
            assert_eq!(code, 2, "{format}: {err}");
            let entries: Vec<Value> = if format == "json" {
                serde_json::from_str::<Vec<Value>>(&out).unwrap()
            } else {
                out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
            };
            // One entry per document met, in the walk's sorted order.
            let got: Vec<(String, Option<u64>, String)> = entries
                .iter()
                .map(|e| {
                    let (key, why) = match (&e["error"], &e["skipped"]) {
                        (Value::Object(w), _) => ("", w),
                        (_, Value::Object(w)) => ("skipped ", w),
                        // A judged document: its report (json, ndjson) or Kazoo's body.
                        _ => return (String::new(), None, "ok".to_string()),
                    };
                    (
                        e["file"].as_str().unwrap().rsplit('/').next().unwrap().to_string(),
                        e["line"].as_u64(),
                        format!("{key}{}", why["code"].as_str().unwrap()),
                    )
                })
                .collect();
            let expected: Vec<(String, Option<u64>, String)> = want
                .iter()
                .map(|&(f, l, c)| match c {
                    "ok" => (String::new(), None, c.to_string()),
                    "unknown_kind" if skip => (f.to_string(), l, "skipped unknown_kind".to_string()),
                    _ => (f.to_string(), l, c.to_string()),
                })
                .collect();
            assert_eq!(got, expected, "{format}: {out}");
            // Where a broken document has a place, its entry says it; the
            // message leaves the place and the code to the entry's fields.
            let b = &entries[1]["error"];
            assert_eq!((b["line"].as_u64(), b["column"].as_u64()), (Some(1), Some(19)), "{b}");
            assert_eq!(b["message"], "invalid JSON: EOF while parsing a value", "{b}");
            let e = &entries[6]["error"];
            assert_eq!((e["line"].as_u64(), e["column"].as_u64()), (Some(2), Some(2)), "{e}");
            assert!(!e["message"].as_str().unwrap().contains("line"), "{e}");
        }
    }
}

/// No output format carries DEL or a C1 control from the input (serde_json
/// escapes only C0): each comes out as `\u007f` … `\u009f`, which reads
/// back as the same string.
#[test]
fn json_output_never_carries_del_or_c1_controls() {
    let weird = "312\u{9b}535\u{7f}4200\u{85}";
    let doc = serde_json::json!({ weird: weird, "street_address": weird }).to_string();
    let file = temp(&format!("c1{weird}.json"), &doc);
    let runs: Vec<Vec<&str>> = vec![
        vec!["normalize", weird],
        vec!["format", "--as", "e164", weird],
        vec!["validate", "--kind", "e911", "--format", "ndjson", &file],
        vec!["check", "--kind", "e911", "--format", "json", &file],
        vec!["validate", "--kind", "e911", "--format", "kazoo", &file],
        vec!["validate", "--format", "ndjson", "--skip-unknown", &file],
    ];
    for args in runs {
        let (_, out, err) = raw(&args, "");
        assert!(
            !out.chars().any(|c| ('\u{7f}'..='\u{9f}').contains(&c)),
            "{args:?}: {out:?}"
        );
        // Kazoo's body for this document names no input text.
        assert!(out.contains("\\u009b") || args.contains(&"kazoo"), "{args:?}: {out}");
        // Still JSON, and the strings are the input's.
        let text = if args.contains(&"json") {
            out.clone()
        } else {
            out.lines().next().unwrap_or("").to_string()
        };
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}{err}"));
        if args[0] == "normalize" && args.len() == 2 || args[0] == "format" {
            assert_eq!(v["input"], weird, "{v}");
        }
        if args.contains(&"--skip-unknown") || args.contains(&"ndjson") {
            assert!(v["file"].as_str().unwrap().ends_with(&format!("c1{weird}.json")), "{v}");
        }
    }
}

/// CSV output echoes the input's cells with every control character (C0,
/// DEL, C1, in a quoted cell or a plain line) escaped, one row per input
/// row; the NDJSON output of the same input keeps it exactly.
#[test]
fn csv_output_never_carries_control_characters() {
    let controls: Vec<char> = (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32).collect();
    let mut csv = String::from("phone,note\n");
    let mut plain = String::new();
    for c in &controls {
        csv.push_str(&format!("\"312 535{c}4200\",\"a{c}b\"\n"));
        if !matches!(c, '\n' | '\r') {
            plain.push_str(&format!("312 535{c}4200\n"));
        }
    }
    let file = temp("controls.csv", &csv);
    let (code, out, err) = raw(&["normalize", "--input", &file], "");
    assert_eq!(code, 0, "{err}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert_eq!(out.lines().count(), 1 + controls.len(), "{out}");
    let (code, out, err) = raw(&["normalize", "--format", "csv", "--input", "-"], &plain);
    assert_eq!(code, 0, "{err}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert_eq!(out.lines().count(), 1 + controls.len() - 2, "{out}");
    let (_, out, _) = raw(&["normalize", "--format", "ndjson", "--input", "-"], &plain);
    let inputs = inputs_of(&out);
    assert_eq!(inputs, plain.lines().map(str::to_string).collect::<Vec<_>>());
}

#[test]
fn output_never_carries_control_characters_from_the_input() {
    let doc = serde_json::json!({
        "street_address": "1 Main St",
        "x\n::error file=a.json,line=1::pwned": 1,
        "y\r\n::stop-commands::token": 2,
        "\u{1b}]0;title\u{7}\u{1b}[2J": "\u{1b}[31mred\n::warning::v",
        "locality": "Chicago", "region": "IL\n::error::r", "postal_code": "60654"
    })
    .to_string();
    let root = dir("ctl", &[("::error::x\n::group::y.json", &doc)]);
    for args in [
        vec!["validate", "--kind", "draft_sub_request", root.as_str()],
        vec!["check", "--kind", "e911", root.as_str()],
        vec![
            "validate",
            "--kind",
            "draft_sub_request",
            "--format",
            "github",
            root.as_str(),
        ],
        vec!["validate", "--kind", "draft_sub_request", "-"],
    ] {
        let (code, out, err) = raw(&args, &doc);
        assert_ne!(code, 2, "{args:?}: {err}");
        for text in [&out, &err] {
            assert!(!text.contains('\x1b'), "{args:?}: {text}");
            for line in text.lines() {
                let workflow = line.starts_with("::") && !(args.contains(&"github") && text == &out);
                assert!(!workflow, "{args:?}: {line:?}");
                if args.contains(&"github") && line.starts_with("::") {
                    assert!(
                        line.starts_with("::warning file=") || line.starts_with("::error file="),
                        "{line}"
                    );
                }
            }
        }
        assert!(
            out.contains("\\n::") || out.contains("%0A::") || out.contains("\\u001b"),
            "{args:?}: {out}"
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let inputs: Vec<String> = (0..200_000).map(|i| format!("+1 312 555 {:04}", i % 10_000)).collect();
    let big = temp("pipe.txt", &(inputs.join("\n") + "\n"));
    let ndjson = temp("pipe.ndjson", &format!("{VALID_E911}\n").repeat(50_000));
    for args in [vec!["normalize", "--input", &big], vec!["validate", &ndjson]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_telschema"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut r = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        std::io::BufRead::read_line(&mut r, &mut first).unwrap();
        assert!(!first.is_empty());
        drop(r);
        let out = child.wait_with_output().unwrap();
        assert_ne!(out.status.code(), Some(2), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn bom_annotations_and_positions() {
    // A byte-order mark at the start of a file or an NDJSON stream is accepted.
    let bom = temp("bom.json", &format!("\u{feff}{VALID_E911}"));
    assert_eq!(raw(&["validate", &bom], "").0, 0);
    let (code, out, _) = raw(
        &["validate", "--ndjson", "-"],
        format!("\u{feff}{VALID_E911}\n{VALID_E911}\n"),
    );
    assert_eq!(code, 0, "{out}");
    // Property values are escaped as GitHub's toolkit does; parse errors have line and col.
    let broken = temp("ports:2024,a%.json", "{\n  \"region\": \"IL\",\n  oops\n}");
    let (code, out, _) = raw(&["validate", "--format", "github", &broken], "");
    assert_eq!(code, 2);
    let escaped = broken.replace('%', "%25").replace(':', "%3A").replace(',', "%2C");
    assert!(
        out.starts_with(&format!(
            "::error file={escaped},line=3,col=3,title=telschema invalid_json::invalid JSON: "
        )),
        "{out}"
    );
    let dup = temp("dup2.json", "{\n  \"locality\": \"a\",\n  \"locality\": \"b\"\n}");
    let (code, out, _) = raw(&["validate", "--format", "github", &dup], "");
    assert_eq!(code, 2);
    assert!(out.contains(",line=3,col=") && out.contains("duplicate key"), "{out}");
    // --require-complete says why the step failed, per incomplete document.
    let draft = r#"{"auth_person_name": "Jane Smith", "country_code": "US"}"#;
    let (code, out, _) = raw(
        &[
            "check",
            "--kind",
            "draft_sub_request",
            "--require-complete",
            "--format",
            "github",
            "-",
        ],
        draft,
    );
    assert_eq!(code, 1);
    let errors: Vec<&str> = out.lines().filter(|l| l.starts_with("::error ")).collect();
    assert_eq!(errors.len(), 1, "{out}");
    assert!(
        errors[0].contains("title=telschema incomplete") && errors[0].contains("/street_address"),
        "{out}"
    );
}

/// A throwaway git repository with a pre-commit hook running `hook`
/// (`$T` is the built binary).
#[cfg(unix)]
fn repo(name: &str, hook: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let root = std::env::temp_dir().join(format!("telschema-cli-{}-git-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    for args in [
        &["init", "-q"][..],
        &["config", "user.name", "Test"],
        &["config", "user.email", "test@example.com"],
        &["config", "commit.gpgsign", "false"],
    ] {
        assert!(git(&root, args).0, "git {args:?}");
    }
    let hook_path = root.join(".git/hooks/pre-commit");
    std::fs::write(
        &hook_path,
        format!("#!/bin/sh\nT='{}'\n{hook}\n", env!("CARGO_BIN_EXE_telschema")),
    )
    .unwrap();
    std::fs::set_permissions(&hook_path, std::fs::Permissions::from_mode(0o755)).unwrap();
    root
}

#[cfg(unix)]
fn git(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new("git").args(args).current_dir(dir).output().unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// The README's plain git hook, word for word (the `telschema` on PATH is `$T` here).
#[cfg(unix)]
const README_HOOK: &str = r#"exec "$T" validate --staged --skip-unknown --exclude 'package*.json' --exclude 'tsconfig*.json' --exclude 'composer.json' --exclude '.vscode/**'"#;

#[cfg(unix)]
#[test]
fn the_git_hook_checks_what_is_staged() {
    let root = repo("staged", README_HOOK);
    std::fs::write(root.join("e911.json"), BAD_E911).unwrap();
    assert!(git(&root, &["add", "e911.json"]).0);
    // Fixed on disk only: the commit would still hold "TEX".
    std::fs::write(root.join("e911.json"), VALID_E911).unwrap();
    let (ok, out) = git(&root, &["commit", "-q", "-m", "bad"]);
    assert!(!ok, "the hook must refuse the staged TEX: {out}");
    assert!(out.contains("e911.json: invalid") && out.contains("/region"), "{out}");
    // Staged as fixed: the commit goes in.
    assert!(git(&root, &["add", "e911.json"]).0);
    let (ok, out) = git(&root, &["commit", "-q", "-m", "good"]);
    assert!(ok, "{out}");
    // The other way round: a good document staged, a bad one only on disk.
    std::fs::write(root.join("b.json"), VALID_E911).unwrap();
    assert!(git(&root, &["add", "b.json"]).0);
    std::fs::write(root.join("b.json"), BAD_E911).unwrap();
    let (ok, out) = git(&root, &["commit", "-q", "-m", "b"]);
    assert!(ok, "{out}");
    // --stdin-name reports staged content piped in under its path.
    let show = Command::new("git")
        .args(["show", ":b.json"])
        .current_dir(&root)
        .output()
        .unwrap();
    let (code, out, _) = raw(
        &["validate", "--stdin-name", "b.json", "-"],
        std::str::from_utf8(&show.stdout).unwrap(),
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("b.json: valid"), "{out}");
}

#[cfg(unix)]
#[test]
fn the_git_hook_passes_unrelated_json_with_skip_unknown() {
    let root = repo("unknown", README_HOOK);
    std::fs::create_dir_all(root.join("ports")).unwrap();
    std::fs::create_dir_all(root.join(".vscode")).unwrap();
    std::fs::write(root.join("ports/e911.json"), VALID_E911).unwrap();
    std::fs::write(root.join("ports/more.ndjson"), format!("{VALID_E911}\n{VALID_E911}\n")).unwrap();
    std::fs::write(root.join("package.json"), r#"{"name": "x", "version": "1.0.0"}"#).unwrap();
    std::fs::write(root.join("tsconfig.json"), r#"{"compilerOptions": {"strict": true}}"#).unwrap();
    std::fs::write(root.join(".vscode/settings.json"), r#"{"editor.tabSize": 2}"#).unwrap();
    std::fs::write(root.join("other.json"), r#"{"hello": "world"}"#).unwrap();
    assert!(git(&root, &["add", "-A"]).0);
    let (ok, out) = git(&root, &["commit", "-q", "-m", "docs and config"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("other.json: skipped"),
        "a document of no kind is listed: {out}"
    );
    assert!(
        out.contains("3 files, 3 documents: 3 valid") && out.contains("1 skipped") && out.contains("3 excluded"),
        "{out}"
    );
    // Walking the working tree: an excluded directory is not entered, and counted.
    let (code, out, err) = raw(
        &[
            "validate",
            "--skip-unknown",
            "--exclude",
            ".vscode",
            "--exclude",
            "package.json",
            "--exclude",
            "tsconfig.json",
            root.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("3 files, 3 documents: 3 valid") && out.contains("1 skipped") && out.contains("3 excluded"),
        "{out}"
    );
    // Without --skip-unknown the same document of no kind stops the commit (exit 2).
    let root = repo("unknown-strict", r#"exec "$T" validate --staged"#);
    std::fs::write(root.join("package.json"), r#"{"name": "x", "version": "1.0.0"}"#).unwrap();
    assert!(git(&root, &["add", "-A"]).0);
    let (ok, out) = git(&root, &["commit", "-q", "-m", "pkg"]);
    assert!(!ok && out.contains("(unknown_kind)"), "{out}");
    // --exclude works on paths given, as pre-commit gives them.
    let (code, _, err) = raw(
        &[
            "validate",
            "--exclude",
            "package.json",
            root.join("package.json").to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn csv_with_a_long_run_of_blank_lines_is_a_row_per_line() {
    // Before: every blank line of the run was queued, then drained from the
    // front of a Vec (quadratic time) and held as rows until the run ended.
    let mut text = String::from("phone\n");
    text.push_str(&"\n".repeat(200_000));
    text.push_str("3125354200\n");
    let csv = temp("blank-run.csv", &text);
    let (code, out, err) = raw(
        &["normalize", "--region", "US", "--input", &csv, "--format", "ndjson"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 200_001);
    assert!(
        rows[0].contains("\"line\":2") && rows[0].contains("empty"),
        "{}",
        rows[0]
    );
    assert!(
        rows[200_000].contains("+13125354200") && rows[200_000].contains("\"line\":200002"),
        "{}",
        rows[200_000]
    );
}

#[test]
fn a_lone_cr_ends_a_line_in_plain_text_and_csv() {
    // Before: plain text with `\r` line ends was one `not_a_number` row, and a
    // CSV over 64 KiB lost records, every row said line 1 and the last was
    // cut short as `limit_exceeded`.
    let (code, lines, err) = telschema(
        &["normalize", "--region", "US"],
        "3125354200\r3125354201\r\n3125354202\r",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0]["e164"], "+13125354200");
    assert_eq!(lines[1]["e164"], "+13125354201");
    assert_eq!(lines[2]["e164"], "+13125354202");

    let n = 8_000;
    let mut text = String::from("name,phone\r");
    for i in 0..n {
        text.push_str(&format!("n{i},312535{:04}\r", i % 10_000));
    }
    assert!(text.len() > 64 * 1024);
    let csv = temp("cr-only.csv", &text);
    let (code, out, err) = raw(
        &[
            "normalize",
            "--region",
            "US",
            "--input",
            &csv,
            "--column",
            "phone",
            "--format",
            "ndjson",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), n);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["line"], i + 2, "{row}");
        assert_eq!(row["e164"], format!("+1312535{:04}", i % 10_000), "{row}");
    }
}

#[test]
fn a_double_star_slash_matches_whole_directory_names_only() {
    // Before: `**/package.json` excluded `sub/mypackage.json`, and a pattern of
    // many `**` took exponential time on a long name.
    let long = format!("{}.json", "a".repeat(200));
    let root = dir(
        "globs",
        &[
            ("sub/mypackage.json", VALID_E911),
            ("my_node_modules/a.json", VALID_E911),
            (".x.json", VALID_E911),
            ("sub/package.json", "{}"),
            ("node_modules/b.json", "{}"),
            (&long, VALID_E911),
        ],
    );
    let (code, out, err) = raw(
        &[
            "validate",
            "--exclude",
            "**/package.json",
            "--exclude",
            "**/node_modules/**",
            "--exclude",
            "**/x.json",
            "--exclude",
            "**/**/**/**/**/x.json",
            &root,
        ],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("mypackage.json: valid") && out.contains("a.json: valid"),
        "{out}"
    );
    assert!(out.contains(".x.json: valid"), "{out}");
    assert!(
        out.contains("4 files, 4 documents: 4 valid") && out.contains("2 excluded"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn a_linked_directory_is_named_counted_and_exits_2_unless_excluded() {
    // Before: "0 files", exit 0, the linked directory never mentioned.
    let real = dir("linked-target", &[("a.json", VALID_E911)]);
    let root = dir("linked-tree", &[("notes.txt", "x")]);
    std::os::unix::fs::symlink(&real, format!("{root}/linked")).unwrap();
    let (code, out, err) = raw(&["validate", &root], "");
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("linked: a linked directory is not followed"), "{err}");
    assert!(out.contains("0 files") && out.contains("1 not judged"), "{out}");
    let (code, out, err) = raw(&["validate", "--exclude", "linked", &root], "");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 excluded"), "{out}");
}

#[test]
fn error_messages_from_input_are_escaped() {
    // Before: the header and the file names reached standard error raw: a live
    // workflow command and a terminal escape.
    let csv = temp("hx.csv", "\"a\n::error::pwn\x1b[2J\",b\n1,2\n");
    let (code, _, err) = raw(&["normalize", "--input", &csv, "--column", "nope"], "");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("no such header") && err.contains("\\n::error::pwn\\u001b[2J"),
        "{err}"
    );
    let clean = |err: &str| !err.contains('\x1b') && !err.lines().any(|l| l.starts_with("::"));
    assert!(clean(&err), "{err}");
    let missing = format!("{}\n::error::x\x1b[2J.csv", temp("present", ""));
    let (code, _, err) = raw(&["normalize", "--input", &missing], "");
    assert_eq!(code, 2, "{err}");
    assert!(clean(&err) && err.contains("\\n::error::x\\u001b[2J"), "{err}");
    let missing = missing.replace(".csv", ".json");
    let (code, out, err) = raw(&["check", "--normalize", &missing], "");
    assert_eq!(code, 2, "{out}{err}");
    assert!(clean(&err) && clean(&out), "{out}{err}");
}

#[test]
fn text_changed_lines_escape_del_and_c1_controls() {
    // Before: the `changed` line wrote the values as JSON, which leaves DEL
    // and the C1 controls (U+009B is a terminal's CSI) raw.
    let draft = "{\"auth_person_name\": \"Jane Smith\", \"billing_phone_number\": \"(312) 535-4200 \u{7f}\u{9b}\", \"country_code\": \"US\"}";
    let (_, out, err) = raw(&["check", "--kind", "draft_sub_request", "-"], draft);
    let changed = out
        .lines()
        .find(|l| l.contains("changed /billing_phone_number"))
        .expect(&out);
    assert!(changed.contains("\\u007f\\u009b"), "{changed}");
    for text in [&out, &err] {
        assert!(
            !text
                .chars()
                .any(|c| c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c)),
            "{text}"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn ndjson_results_with_many_issues_stay_within_bounded_memory() {
    // Before: a batch (up to 4 MiB of lines) held every line's results as
    // values: 1.4 GB for 1,400 documents of 1,000 issues each. Now a few lines
    // are judged at a time and their results kept as bytes (about 25 MB).
    let line = format!("{{\"numbers\": [{}]}}\n", vec!["1"; 1000].join(", "));
    let file = temp("many-issues.ndjson", &line.repeat(1400));
    for format in ["json", "text"] {
        let script = format!(
            "ulimit -v 600000; exec \"$0\" validate --kind number_collection --format {format} '{file}' > /dev/null"
        );
        let out = Command::new("sh")
            .args(["-c", &script, env!("CARGO_BIN_EXE_telschema")])
            .env("RAYON_NUM_THREADS", "2")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {err}");
        // The summary goes to standard error except in the text format.
        assert!(
            format == "text" || err.contains("1400 documents: 0 valid, 1400 invalid"),
            "{err}"
        );
    }
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_telschema"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn staged_from_a_subdirectory_outside_a_repository_and_over_the_limit() {
    // Before: a path given in a subdirectory was "not in the index"; outside a
    // repository git's usage text was dumped; a staged blob over the limit was
    // "not in the index" (git's SIGPIPE) instead of limit_exceeded; an
    // absolute path was "not in the index".
    let root = repo("staged-sub", "exit 0");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(root.join("sub/a.json"), VALID_E911).unwrap();
    let big = format!("{{\"numbers\": [{}]}}", vec!["\"+13125354200\""; 30_000].join(", "));
    std::fs::write(root.join("big.json"), &big).unwrap();
    assert!(git(&root, &["add", "-A"]).0);
    let sub = root.join("sub");
    let (code, out, err) = run_in(&sub, &["validate", "--staged", "a.json"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("a.json: valid"), "{out}");
    // Every staged file, from the subdirectory: paths from there.
    let (code, out, err) = run_in(&sub, &["validate", "--staged", "--exclude", "big.json"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("../sub/a.json: valid") && out.contains("1 excluded"),
        "{out}"
    );
    let (code, out, err) = run_in(
        &root,
        &["validate", "--staged", "--max-document-bytes", "1000", "big.json"],
    );
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("limit_exceeded") && !err.contains("not in the index"),
        "{err}"
    );
    let (code, out, err) = run_in(&root, &["validate", "--staged", "--max-document-bytes", "1000"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("big.json") && err.contains("limit_exceeded"), "{err}");
    // An absolute path is the staged blob at that place in the work tree,
    // even when the file is gone from the work tree; one outside is named.
    let abs = sub.join("a.json").to_string_lossy().into_owned();
    std::fs::write(&abs, "{").unwrap();
    let (code, out, err) = run_in(&sub, &["validate", "--staged", &abs]);
    assert_eq!(code, 0, "{out}{err}");
    std::fs::remove_file(&abs).unwrap();
    let (code, out, err) = run_in(&root, &["validate", "--staged", &abs]);
    assert_eq!(code, 0, "{out}{err}");
    let elsewhere = std::env::temp_dir()
        .join("elsewhere.json")
        .to_string_lossy()
        .into_owned();
    let (code, out, err) = run_in(&root, &["validate", "--staged", &elsewhere]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("outside the git work tree"), "{err}");
    // `..` is read as written; a directory, the top too, is refused by name.
    let dotted = sub.join("../sub/a.json").to_string_lossy().into_owned();
    let (code, out, err) = run_in(&root, &["validate", "--staged", &dotted]);
    assert_eq!(code, 0, "{out}{err}");
    for d in [root.to_string_lossy().into_owned(), "sub".to_string()] {
        let (code, out, err) = run_in(&root, &["validate", "--staged", &d]);
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains("a directory: --staged reads staged files"), "{err}");
    }

    let outside = std::env::temp_dir().join(format!("telschema-cli-{}-no-git", std::process::id()));
    std::fs::create_dir_all(&outside).unwrap();
    if !git(&outside, &["rev-parse", "--git-dir"]).0 {
        let (code, out, err) = run_in(&outside, &["validate", "--staged"]);
        assert_eq!(code, 2, "{out}{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("--staged: not inside a git work tree"), "{err}");
    }
}

#[test]
fn the_summary_counts_omitted_warnings_and_github_columns_start_at_1() {
    // Before: "1 warning" (only the listed one), and `col=0` for an error at
    // the end of the input.
    let doc = r#"{"zzz1": 1, "zzz2": 2, "zzz3": 3}"#;
    let (code, out, err) = raw(
        &["validate", "--kind", "draft_sub_request", "--max-issues", "1", "-"],
        doc,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 valid, 0 invalid, 3 warnings"), "{out}");
    let (code, out, err) = raw(&["validate", "--format", "github", "-"], "{\"a\":\n");
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        out.starts_with("::error file=-,line=2,col=1,title=telschema invalid_json::invalid JSON: EOF while parsing"),
        "{out}"
    );
    // The message leaves the place to line= and col= (the parser's own, 2:0, said otherwise).
    assert!(!out.contains(" at line ") && !out.contains("-:2:"), "{out}");
}

#[test]
fn locale_writes_messages_labels_and_reasons_in_that_language_with_the_same_params() {
    let doc = r#"{"street_address":"1 Main St","locality":"Chicago","region":"ILL","postal_code":"60601"}"#;
    let run = |locale: &str| {
        let (code, lines, err) = telschema(
            &[
                "validate", "--kind", "e911", "--format", "ndjson", "--locale", locale, "-",
            ],
            doc,
        );
        assert_eq!(code, 1, "{err}");
        lines[0]["errors"][0].clone()
    };
    let (en, es) = (run("en"), run("es-MX"));
    assert_eq!(en["message"], "Must be at most 2 characters.");
    assert_eq!(es["message"], "Debe tener como máximo 2 caracteres.");
    assert_eq!(es["params"], serde_json::json!({"limit": 2}));
    assert_eq!(en["params"], es["params"]);
    // fields: labels and reasons in the locale, the rest as in English.
    let (code, out, _) = raw(&["fields", "e911", "--locale", "es"], "");
    assert_eq!(code, 0);
    let es_fields: Value = serde_json::from_str(&out).unwrap();
    let expected = serde_json::to_value(telschema::fields_in(telschema::Kind::E911, telschema::Locale::Es)).unwrap();
    assert_eq!(es_fields, expected);
    assert_eq!(es_fields[0]["label"], "Dirección");
    assert_eq!(
        es_fields[0]["reason"],
        "Obligatorio para una dirección de servicio E911."
    );
    // A language without messages is a usage error, naming the locales.
    let (code, _, err) = raw(&["fields", "e911", "--locale", "pt"], "");
    assert_eq!(code, 2);
    assert!(err.contains("en, fr, es, de, nl"), "{err}");
}
