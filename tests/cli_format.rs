//! `telschema format` and `telschema normalize --find` as a process.

mod common;

use common::telschema;

#[test]
fn format_writes_one_row_per_argument_in_every_style() {
    for (style, expected) in [
        ("e164", "+13125354200"),
        ("international", "+1 312-535-4200 ext. 12"),
        ("national", "(312) 535-4200 ext. 12"),
        ("rfc3966", "tel:+1-312-535-4200;ext=12"),
    ] {
        let (code, rows, _) = telschema(&["format", "--as", style, "312 535 4200 x12", "nope"], b"");
        assert_eq!(code, 0, "{style}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["input"], "312 535 4200 x12");
        assert_eq!(rows[0]["formatted"], expected, "{style}");
        assert_eq!(rows[1]["input"], "nope");
        assert_eq!(rows[1]["error"]["code"], "not_a_number");
        assert!(rows[1].get("formatted").is_none());
    }
}

#[test]
fn format_out_of_country_needs_from_and_uses_it() {
    let (code, rows, _) = telschema(
        &[
            "format",
            "--as",
            "out_of_country",
            "--from",
            "DE",
            "+1 312 535 4200",
            "+49 30 123456",
        ],
        b"",
    );
    assert_eq!(code, 0);
    assert_eq!(rows[0]["formatted"], "00 1 312-535-4200");
    assert_eq!(rows[1]["formatted"], "030 123456");
    let (code, _, err) = telschema(&["format", "--as", "out_of_country", "+13125354200"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("--from"), "{err}");
    let (code, _, err) = telschema(&["format", "--as", "national", "--from", "DE", "+13125354200"], b"");
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = telschema(&["format", "--as", "out_of_country", "--from", "QQ", "x"], b"");
    assert_eq!(code, 2);
}

#[test]
fn format_reads_lines_with_the_region_and_keeps_every_line() {
    let (code, rows, _) = telschema(
        &["format", "--as", "international", "--region", "GB"],
        b"020 7031 3000\n\n\xff\n07400 123456\r\n",
    );
    assert_eq!(code, 0);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["formatted"], "+44 20 7031 3000");
    assert_eq!(rows[1]["error"]["code"], "empty");
    assert_eq!(rows[2]["error"]["code"], "invalid_utf8");
    assert_eq!(rows[2]["line"], 3);
    assert_eq!(rows[3]["formatted"], "+44 7400 123456");
}

#[test]
fn find_gives_a_row_per_number_with_line_and_offsets() {
    let mut text = b"Call (312) 535-4200 or +44 20 7031 3000.\nnothing here\n\xff\n".to_vec();
    text.extend_from_slice("Tél 312.535.4201 x12, not 12/10/2024\n".as_bytes());
    let (code, rows, _) = telschema(&["normalize", "--find"], &text);
    assert_eq!(code, 0);
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0]["line"], 1);
    assert_eq!(rows[0]["text"], "(312) 535-4200");
    assert_eq!(
        (rows[0]["start"].as_u64(), rows[0]["end"].as_u64()),
        (Some(5), Some(19))
    );
    assert_eq!(rows[0]["e164"], "+13125354200");
    assert_eq!(rows[1]["e164"], "+442070313000");
    assert_eq!(rows[2]["line"], 3);
    assert_eq!(rows[2]["error"]["code"], "invalid_utf8");
    // Byte offsets: "Tél " is 5 bytes.
    assert_eq!(rows[3]["line"], 4);
    assert_eq!(rows[3]["start"], 5);
    assert_eq!(rows[3]["text"], "312.535.4201 x12");
    assert_eq!(rows[3]["extension"], "12");
}

#[test]
fn find_reads_arguments_and_the_leniency() {
    let (code, rows, _) = telschema(
        &[
            "normalize",
            "--find",
            "--region",
            "GB",
            "ring 020 7031 3000",
            "20 7031 3000",
        ],
        b"",
    );
    assert_eq!(code, 0);
    // VALID: a GB number in national form needs its 0.
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["line"], 1);
    let (_, rows, _) = telschema(
        &[
            "normalize",
            "--find",
            "--region",
            "GB",
            "--phone-level",
            "possible",
            "20 7031 3000",
        ],
        b"",
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["e164"], "+442070313000");
    let (code, _, _) = telschema(&["normalize", "--find", "--format", "csv", "x"], b"");
    assert_eq!(code, 2);
}
