//! Runs normalize over the corpus many times, for profilers (`perf`, callgrind).
use telschema::{phone, Options};

fn main() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/google.json")).expect("corpus");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let cases: Vec<(String, Options)> = v["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            (
                c["input"].as_str().unwrap_or_default().to_string(),
                Options::with_region(c["region"].as_str().unwrap_or("US")),
            )
        })
        .collect();
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let start = std::time::Instant::now();
    let mut valid = 0usize;
    for _ in 0..rounds {
        for (input, o) in &cases {
            valid += usize::from(phone::normalize(input, o).is_ok_and(|n| n.valid));
        }
    }
    let n = rounds * cases.len();
    eprintln!(
        "{n} numbers, {valid} valid, {:.0} numbers/s",
        n as f64 / start.elapsed().as_secs_f64()
    );
}
