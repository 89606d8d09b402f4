//! `check` (and so validate and completeness): the kind from the first byte,
//! the document from the rest as JSON text (strict reading, limits): never
//! panics, never modifies its input, lists every rewrite.
#![no_main]
use libfuzzer_sys::fuzz_target;
use telschema::{check, json, Options, KINDS};

fuzz_target!(|data: &[u8]| {
    let Some((&k, rest)) = data.split_first() else { return };
    let kind = KINDS[usize::from(k) % KINDS.len()];
    let mut options = Options::default();
    options.lenient_types = k & 0x80 != 0;
    let Ok(doc) = json::parse(rest, &options.limits) else {
        return;
    };
    let before = doc.clone();
    let outcome = check(kind, &doc, &options);
    assert_eq!(doc, before, "check modified its input");
    assert_eq!(outcome.report.valid, outcome.report.errors.is_empty());
    // Every difference between the input and the outcome's document is a listed change.
    for c in &outcome.changes {
        assert_eq!(outcome.document.pointer(&c.path), Some(&c.to), "{c:?}");
    }
    if outcome.changes.is_empty() {
        assert_eq!(outcome.document, doc);
    }
});
