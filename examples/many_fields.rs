//! The many-fields benchmark (the linear-time issue): a `draft_sub_request`
//! with 120,000 and 200,000 unknown keys, validated and checked natively.
//! Issue sorting, unknown-field detection and every walk must stay
//! O(n log n); budget under 1 s each.
//!
//!     cargo run --release --example many_fields
use telschema::{check, validate, Kind, Options};

fn main() {
    let o = Options::default();
    for n in [120_000usize, 200_000] {
        let mut m = serde_json::Map::new();
        for i in 0..n {
            m.insert(format!("a{i}"), serde_json::Value::from(1));
        }
        let doc = serde_json::Value::Object(m);
        let mut times = Vec::new();
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let r = validate(Kind::DraftSubRequest, &doc, &o);
            let v = t.elapsed().as_secs_f64();
            let t = std::time::Instant::now();
            let c = check(Kind::DraftSubRequest, &doc, &o);
            let k = t.elapsed().as_secs_f64();
            assert_eq!(r.omitted.map(|x| x.warnings), Some(n - 1000));
            assert!(c.report.valid);
            times.push((v, k));
        }
        times.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (v, _) = times[1];
        times.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (_, k) = times[1];
        println!("{n} unknown fields: validate {v:.3} s, check {k:.3} s (median of 3)");
    }
}
