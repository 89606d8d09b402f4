//! `validate` of the committed porting document (every field, one billing
//! and one new billing number). Budget: 10 µs median, native.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use telschema::{validate, Kind, Options};

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
