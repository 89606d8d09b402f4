//! Runs `validate` on the bench document many times, for profilers.
use telschema::{validate, Kind, Options};

fn main() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../benches/docs/draft_sub_request_update.json")).expect("doc");
    let o = Options::default();
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let t = std::time::Instant::now();
    let mut valid = 0;
    for _ in 0..n {
        valid += usize::from(validate(Kind::DraftSubRequestUpdate, &doc, &o).valid);
    }
    eprintln!(
        "{valid}/{n} valid, {:.2} µs each",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
