//! RFC 6901 JSON Pointers: every path in a report is one.

/// Appends a key to a JSON Pointer (RFC 6901 escaping).
pub fn pointer_push(base: &str, key: &str) -> String {
    let mut p = String::with_capacity(base.len() + key.len() + 1);
    p.push_str(base);
    p.push('/');
    if key.bytes().any(|b| b == b'~' || b == b'/') {
        p.push_str(&key.replace('~', "~0").replace('/', "~1"));
    } else {
        p.push_str(key);
    }
    p
}

/// The unescaped segments of a JSON Pointer.
pub fn pointer_segments(path: &str) -> Vec<String> {
    if path.is_empty() {
        return Vec::new();
    }
    path.split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}
