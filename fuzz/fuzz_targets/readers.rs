//! The CLI's readers: NDJSON splitting with strict JSON per line, and the
//! position finder that turns a JSON Pointer into line and column (its
//! source is the CLI's own, included here).
#![no_main]
use libfuzzer_sys::fuzz_target;
use telschema::{json, Limits};

#[path = "../../src/bin/telschema/locate.rs"]
#[allow(dead_code)]
mod locate;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::default();
    for line in text.split('\n') {
        let _ = json::parse(line.as_bytes(), &limits);
    }
    if let Ok(doc) = json::parse(data, &limits) {
        // Every pointer into the document has a position inside the text.
        // The one-pass index (used for documents with many issues) agrees with the scan.
        let index = locate::Index::new(text);
        let mut stack = vec![(String::new(), &doc)];
        while let Some((p, v)) = stack.pop() {
            let (line, col) = locate::position(text, &p);
            assert!(line >= 1 && col >= 1);
            assert_eq!(index.position(&p), (line, col), "{p}");
            assert!(locate::offset(text, &p) <= text.len());
            match v {
                serde_json::Value::Object(m) => {
                    stack.extend(m.iter().map(|(k, x)| (telschema::report::pointer_push(&p, k), x)))
                }
                serde_json::Value::Array(a) => stack.extend(a.iter().enumerate().map(|(i, x)| (format!("{p}/{i}"), x))),
                _ => {}
            }
        }
    }
    // Any pointer, even one that is not in the document.
    let _ = locate::position(text, "/a/0/~1/b~0");
});
