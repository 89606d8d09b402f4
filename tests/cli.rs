//! The CLI as a process: arguments, standard input, errors and exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn telschema(args: &[&str], stdin: &str) -> (i32, Vec<Value>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_telschema"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run telschema");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    (
        out.status.code().unwrap_or(-1),
        lines,
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn normalizes_arguments_in_order() {
    let (code, lines, _) = telschema(
        &[
            "normalize",
            "--region",
            "GB",
            "020 7946 0958",
            "+1 212 555 0123 x7",
        ],
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
    let (code, lines, _) = telschema(
        &["normalize"],
        "(312) 535-4200\n\nnot a number\n+44 020 7946 0958\n",
    );
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
