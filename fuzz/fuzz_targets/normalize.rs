//! `normalize` on arbitrary text and regions: never panics, and a result is
//! E.164 that normalizes again to the same number.
#![no_main]
use libfuzzer_sys::fuzz_target;
use telschema::{normalize, Options};

const REGIONS: [&str; 12] = ["US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "ZZ", "CN", "MX", "xx"];

fuzz_target!(|data: &[u8]| {
    let Some((&r, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let options = Options::with_region(REGIONS[usize::from(r) % REGIONS.len()]);
    if let Ok(n) = normalize(text, &options) {
        assert!(
            n.e164.starts_with('+') && n.e164[1..].bytes().all(|b| b.is_ascii_digit()),
            "{n:?}"
        );
        if n.valid {
            let again = normalize(&n.e164, &options).expect("a valid E.164 normalizes again");
            assert_eq!(again.e164, n.e164);
            assert_eq!(again.number_type, n.number_type);
        }
    }
});
