//! Normalization throughput over the differential corpus (every style,
//! broken inputs included), single-threaded. Budget: 300,000 numbers/s.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use telschema::{phone, Options};

fn corpus() -> Vec<(String, Options)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/google.json");
    let text = std::fs::read_to_string(path).expect("tests/corpus/google.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("corpus JSON");
    v["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            (
                c["input"].as_str().unwrap_or_default().to_string(),
                Options::with_region(c["region"].as_str().unwrap_or("US")),
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cases = corpus();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Elements(cases.len() as u64));
    g.sample_size(20);
    g.bench_function("mixed_corpus", |b| {
        b.iter(|| {
            for (input, options) in &cases {
                let _ = black_box(phone::normalize(black_box(input), options));
            }
        })
    });
    let international: Vec<_> = cases.iter().filter(|(s, _)| s.starts_with('+')).cloned().collect();
    g.throughput(Throughput::Elements(international.len() as u64));
    g.bench_function("international_only", |b| {
        b.iter(|| {
            for (input, options) in &international {
                let _ = black_box(phone::normalize(black_box(input), options));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
