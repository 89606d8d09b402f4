//! Running the `telschema` binary from the CLI test suites (tests/cli.rs,
//! tests/cli_format.rs, tests/cli_integrity.rs).

// Each test binary includes this module and uses part of it.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

/// Runs the CLI with `stdin`: its exit code, standard output and standard
/// error (both UTF-8).
pub fn raw(args: &[&str], stdin: impl AsRef<[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_telschema"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run telschema");
    // A run that never reads standard input may close it first.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_ref()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs the CLI; stdout parsed as one JSON value per line.
pub fn telschema(args: &[&str], stdin: impl AsRef<[u8]>) -> (i32, Vec<Value>, String) {
    let (code, out, err) = raw(args, stdin);
    let lines = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    (code, lines, err)
}

/// Writes `text` to a file `name` in this test process's own temporary
/// directory; gives its path.
pub fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("telschema-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}
