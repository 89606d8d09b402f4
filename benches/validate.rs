//! `validate` of the committed porting update (every field, one billing and
//! one new billing number; budget 10 µs median) and `check` of the committed
//! draft sub request (numbers in national form to rewrite; budget 20 µs).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use telschema::{check, check_str, validate, validate_str, Kind, Options};

fn bench(c: &mut Criterion) {
    let text = include_str!("docs/draft_sub_request_update.json");
    let doc: serde_json::Value = serde_json::from_str(text).expect("bench document");
    let options = Options::default();
    assert!(
        validate(Kind::DraftSubRequestUpdate, &doc, &options).valid,
        "the bench document must be valid"
    );
    c.bench_function("validate/draft_sub_request_update", |b| {
        b.iter(|| validate(Kind::DraftSubRequestUpdate, black_box(&doc), &options))
    });
    c.bench_function("validate/draft_sub_request_update_from_json", |b| {
        b.iter(|| {
            let doc: serde_json::Value = serde_json::from_str(black_box(text)).unwrap_or_default();
            validate(Kind::DraftSubRequestUpdate, &doc, &options)
        })
    });
    // What the CLI and the WebAssembly package do: the strict reader (duplicate keys, limits).
    c.bench_function("validate/draft_sub_request_update_str", |b| {
        b.iter(|| validate_str(Kind::DraftSubRequestUpdate, black_box(text), &options))
    });
}

fn bench_check(c: &mut Criterion) {
    let text = include_str!("docs/draft_sub_request.json");
    let doc: serde_json::Value = serde_json::from_str(text).expect("bench document");
    let options = Options::default();
    let o = check(Kind::DraftSubRequest, &doc, &options);
    assert!(
        o.report.valid && o.completeness.complete && o.changes.len() == 2,
        "the bench draft must need two rewrites and be complete after them"
    );
    c.bench_function("check/draft_sub_request", |b| {
        b.iter(|| check(Kind::DraftSubRequest, black_box(&doc), &options))
    });
    // From text, as the CLI and the WebAssembly package call it (no copy of a parsed value).
    c.bench_function("check/draft_sub_request_str", |b| {
        b.iter(|| check_str(Kind::DraftSubRequest, black_box(text), &options))
    });
}

criterion_group!(benches, bench, bench_check);
criterion_main!(benches);
