//! Reading JSON text strictly, for the surfaces that receive text (the CLI
//! and the WebAssembly package): a duplicate key is an error
//! (`duplicate_key`) instead of silently keeping the last value, text over
//! the size limit is refused (`limit_exceeded`) before it is parsed, and a
//! parse error says where (`invalid_json`, with line and column).

use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{json, Map, Value};

use crate::messages::{params, Message};
use crate::report::Issue;
use crate::Limits;

/// Objects with at most this many members are searched by a scan: comparing
/// keys (their lengths first) is cheaper than hashing the key with SipHash
/// (serde_json's map) for the schemas' nodes and the documents' objects, most
/// of which are this small (the same bound as `validate`'s key index).
const SCAN: usize = 32;

/// The member `key` of an object (`None` for anything else), as
/// [`Value::get`] gives it: keys are unique, so a scan finds the same one.
pub(crate) fn field<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    match v {
        Value::Object(m) => member(m, key),
        _ => None,
    }
}

/// [`Map::get`], by a scan for a small map. Not inlined: a copy of the scan
/// at each of its callers made the full `.wasm` 3.5 KB gzip larger, and
/// measured no faster in Node.
#[inline(never)]
pub(crate) fn member<'m>(m: &'m Map<String, Value>, key: &str) -> Option<&'m Value> {
    if m.len() <= SCAN {
        m.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    } else {
        m.get(key)
    }
}

/// Why text is not a document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonError {
    /// More bytes than `limits.max_document_bytes` (`limit_exceeded`),
    /// refused before parsing.
    TooLarge {
        /// The length of the text in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Nested deeper than the parser reads (`limit_exceeded`).
    TooDeep {
        /// serde_json's description.
        message: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
    },
    /// A key twice in one object (`duplicate_key`).
    DuplicateKey {
        /// What is wrong, naming the key.
        message: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
    },
    /// Text that is not JSON (`invalid_json`).
    Syntax {
        /// serde_json's description.
        message: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
    },
}

impl JsonError {
    /// Stable code: `invalid_json`, `duplicate_key` or `limit_exceeded`.
    pub fn code(&self) -> &'static str {
        match self {
            JsonError::TooLarge { .. } | JsonError::TooDeep { .. } => "limit_exceeded",
            JsonError::DuplicateKey { .. } => "duplicate_key",
            JsonError::Syntax { .. } => "invalid_json",
        }
    }

    /// 1-based line of the error (0 when it is about the whole text).
    pub fn line(&self) -> usize {
        match self {
            JsonError::TooLarge { .. } => 0,
            JsonError::TooDeep { line, .. } | JsonError::DuplicateKey { line, .. } | JsonError::Syntax { line, .. } => {
                *line
            }
        }
    }

    /// 1-based column of the error (0 when it is about the whole text).
    pub fn column(&self) -> usize {
        match self {
            JsonError::TooLarge { .. } => 0,
            JsonError::TooDeep { column, .. }
            | JsonError::DuplicateKey { column, .. }
            | JsonError::Syntax { column, .. } => *column,
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::TooLarge { bytes, limit } => write!(
                f,
                "The document has {bytes} bytes; the limit is {limit} (maxDocumentBytes)."
            ),
            JsonError::TooDeep { message, .. }
            | JsonError::DuplicateKey { message, .. }
            | JsonError::Syntax { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for JsonError {}

const DUPLICATE: &str = "duplicate key ";

/// How serde_json (with `arbitrary_precision`) hands a number to a visitor:
/// a map with this one key and the number's text as its value.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// A JSON value read with duplicate keys refused.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    /// Never called: with `arbitrary_precision` every non-integer number
    /// arrives as its text (`visit_map` below). Refused without formatting
    /// the float, which keeps float formatting out of the WebAssembly build.
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Value, E> {
        Err(E::custom("a number not read as text"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.is_empty() && key == NUMBER_TOKEN {
                // The number exactly as written, never through f64.
                let text: String = map.next_value()?;
                return text
                    .parse::<serde_json::Number>()
                    .map(Value::Number)
                    .map_err(de::Error::custom);
            }
            // One lookup per key: the slot is found here and filled below.
            match out.entry(key) {
                serde_json::map::Entry::Occupied(e) => {
                    return Err(de::Error::custom(format!("{DUPLICATE}{:?}", e.key())));
                }
                serde_json::map::Entry::Vacant(e) => {
                    let Strict(v) = map.next_value_seed(StrictSeed)?;
                    e.insert(v);
                }
            }
        }
        Ok(Value::Object(out))
    }
}

struct StrictSeed;

impl<'de> DeserializeSeed<'de> for StrictSeed {
    type Value = Strict;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Strict, D::Error> {
        Strict::deserialize(d)
    }
}

/// Parses a document's text: size limit first, then JSON with duplicate keys refused.
pub fn parse(text: &[u8], limits: &Limits) -> Result<Value, JsonError> {
    if text.len() > limits.max_document_bytes {
        return Err(JsonError::TooLarge {
            bytes: text.len(),
            limit: limits.max_document_bytes,
        });
    }
    strict(serde_json::from_slice::<Strict>(text))
}

/// [`parse`] of text already known to be UTF-8 (`read` checks it first):
/// serde_json's `str` reader, which does not check each string again (the
/// WebAssembly exports read their options with it too: one reader
/// instantiated, not two; code size).
pub(crate) fn parse_str(text: &str, limits: &Limits) -> Result<Value, JsonError> {
    if text.len() > limits.max_document_bytes {
        return Err(JsonError::TooLarge {
            bytes: text.len(),
            limit: limits.max_document_bytes,
        });
    }
    strict(serde_json::from_str::<Strict>(text))
}

/// The value read, or why not.
fn strict(read: Result<Strict, serde_json::Error>) -> Result<Value, JsonError> {
    read.map(|s| s.0).map_err(|e| {
        let (message, line, column) = (e.to_string(), e.line(), e.column());
        if message.starts_with(DUPLICATE) {
            JsonError::DuplicateKey { message, line, column }
        } else if message.starts_with("recursion limit exceeded") {
            JsonError::TooDeep { message, line, column }
        } else {
            JsonError::Syntax { message, line, column }
        }
    })
}

/// A document's text read for judging: its value, and the problem with the
/// text as an error issue at the root (`invalid_json`, `duplicate_key`,
/// `invalid_utf8`, `limit_exceeded`). A duplicate key still gives the value
/// (the last of the key's values, as `JSON.parse` keeps it), so the rest of
/// the document is judged too; text that is no JSON gives none.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Read {
    pub doc: Option<Value>,
    pub problem: Option<Issue>,
}

/// Reads a document's bytes for `validate_str` / `check_str` and the
/// JavaScript entry points.
pub(crate) fn read(text: &[u8], limits: &Limits) -> Read {
    let text_str = match std::str::from_utf8(text) {
        Ok(s) => s,
        Err(e) => {
            let at = e.valid_up_to();
            let issue =
                Issue::of("", Message::InvalidUtf8, params(json!({ "offset": at }))).with_value(Value::from(at));
            return Read {
                doc: None,
                problem: Some(issue),
            };
        }
    };
    match parse_str(text_str, limits) {
        Ok(doc) => Read {
            doc: Some(doc),
            problem: None,
        },
        Err(e) => {
            let doc = match &e {
                // The strict reader stops at the first duplicate; serde_json's
                // own keeps the last value of each key.
                JsonError::DuplicateKey { .. } => serde_json::from_str::<Value>(text_str).ok(),
                _ => None,
            };
            Read {
                doc,
                problem: Some(issue_of(&e, text)),
            }
        }
    }
}

/// The 1-based byte position of a line and column (Kazoo's decoder reports
/// a byte position).
fn offset_of(text: &[u8], line: usize, column: usize) -> usize {
    let start: usize = text
        .split(|&b| b == b'\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    start + column
}

/// The error issue at the root for text that cannot be judged as it is;
/// its params say where (`line`, `column`, and for `invalid_json` the byte
/// `offset` and the parser's own `detail`).
pub(crate) fn issue_of(e: &JsonError, text: &[u8]) -> Issue {
    match e {
        JsonError::TooLarge { bytes, limit } => Issue::of(
            "",
            Message::LimitDocument,
            params(json!({ "length": bytes, "limit": limit })),
        )
        .with_value(Value::from(*bytes)),
        JsonError::DuplicateKey { message, line, column } => {
            let quoted = message.strip_prefix(DUPLICATE).unwrap_or(message);
            let quoted = quoted.split(" at line ").next().unwrap_or(quoted);
            let key = serde_json::from_str::<String>(quoted).unwrap_or_else(|_| quoted.to_string());
            Issue::of(
                "",
                Message::DuplicateKey,
                params(json!({ "key": key, "line": line, "column": column })),
            )
        }
        JsonError::TooDeep { line, column, .. } => Issue::of(
            "",
            Message::LimitParse,
            params(json!({ "line": line, "column": column })),
        ),
        JsonError::Syntax { message, line, column } => {
            let detail = message.split(" at line ").next().unwrap_or(message);
            Issue::of(
                "",
                Message::InvalidJson,
                params(json!({
                    "line": line,
                    "column": column,
                    "offset": offset_of(text, *line, *column),
                    "detail": detail,
                })),
            )
        }
    }
}

/// Kazoo's JSON decoder's name for a parse error (crossbar answers
/// `"<reason> around <position>"` under `json` / `invalid`).
pub(crate) fn kazoo_reason(message: &str) -> &'static str {
    let m = message;
    if m.starts_with("EOF while parsing") {
        "truncated_json"
    } else if m.starts_with("trailing characters") || m.starts_with("trailing comma") {
        "invalid_trailing_data"
    } else if m.starts_with("invalid number") || m.starts_with("number out of range") {
        "invalid_number"
    } else if m.starts_with("invalid escape")
        || m.starts_with("control character")
        || m.starts_with("invalid unicode code point")
        || m.starts_with("lone leading surrogate")
        || m.starts_with("unexpected end of hex escape")
    {
        "invalid_string"
    } else if m.starts_with("expected ident") {
        "invalid_literal"
    } else if m.starts_with("key must be a string") || m.starts_with("expected `:`") || m.contains("`}`") {
        "invalid_object"
    } else if m.contains("`]`") {
        "invalid_array"
    } else {
        "invalid_json"
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    /// The scan of a small object and the hashed lookup of a large one find
    /// what `Value::get` finds, for every key present and for keys absent
    /// (one of the same length as a present one), on either side of the bound.
    #[test]
    fn field_finds_what_get_finds_in_small_and_large_objects() {
        for n in [0, 1, 2, super::SCAN - 1, super::SCAN, super::SCAN + 1, 3 * super::SCAN] {
            let mut m = serde_json::Map::new();
            for i in 0..n {
                m.insert(format!("k{i:03}"), json!(i));
            }
            let v = serde_json::Value::Object(m);
            let mut keys: Vec<String> = (0..n).map(|i| format!("k{i:03}")).collect();
            keys.extend(["k999".to_string(), "k".to_string(), String::new(), "k0000".to_string()]);
            for k in &keys {
                assert_eq!(super::field(&v, k), v.get(k.as_str()), "{n} members, key {k:?}");
            }
            assert_eq!(super::field(&v, "k000").is_some(), n > 0);
        }
        for not_object in [json!(null), json!([{"a": 1}]), json!("a"), json!(1)] {
            assert_eq!(super::field(&not_object, "a"), None);
        }
    }

    use super::*;
    use crate::code::Code;

    #[test]
    fn parses_keeps_order_and_refuses_duplicates_and_oversize_text() {
        let limits = Limits::default();
        let v = parse(br#"{"b": 1, "a": [true, null, 1.5, -2, "x"]}"#, &limits).unwrap();
        assert_eq!(v, json!({"b": 1, "a": [true, null, 1.5, -2, "x"]}));
        assert_eq!(v.as_object().unwrap().keys().next().unwrap(), "b");
        let e = parse(b"{\n  \"a\": {\"x\": 1, \"x\": 2}\n}", &limits).unwrap_err();
        assert_eq!((e.code(), e.line()), ("duplicate_key", 2));
        assert!(matches!(&e, JsonError::DuplicateKey { line: 2, .. }), "{e:?}");
        assert!(e.to_string().contains("\"x\""), "{e}");
        assert_eq!(parse(b"{\"a\": ", &limits).unwrap_err().code(), "invalid_json");
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(parse(deep.as_bytes(), &limits).unwrap_err().code(), "limit_exceeded");
        let small = Limits {
            max_document_bytes: 10,
            ..Limits::default()
        };
        assert!(parse(b"[1,2,3,4]", &small).is_ok());
        assert_eq!(parse(b"[1,2,3,4,5]", &small).unwrap_err().code(), "limit_exceeded");
        let e = parse(b"[1,2,3,4,5]", &small).unwrap_err();
        assert_eq!(e, JsonError::TooLarge { bytes: 11, limit: 10 });
        assert_eq!(
            e.to_string(),
            "The document has 11 bytes; the limit is 10 (maxDocumentBytes)."
        );
        assert_eq!((e.line(), e.column()), (0, 0));
        assert!(matches!(
            parse(deep.as_bytes(), &limits),
            Err(JsonError::TooDeep { .. })
        ));
        assert!(matches!(
            parse(b"{\"a\": ", &limits),
            Err(JsonError::Syntax { line: 1, .. })
        ));
    }

    #[test]
    fn text_that_cannot_be_judged_as_it_is_reads_as_one_root_issue() {
        let limits = Limits::default();
        let r = read(b"{\"a\": 1,\n \"a\": 2, \"b\": 3}", &limits);
        assert_eq!(r.doc, Some(json!({"a": 2, "b": 3})));
        let p = r.problem.unwrap();
        assert_eq!((p.path.as_str(), p.code), ("", Code::DuplicateKey));
        assert_eq!(
            p.message,
            "The key \"a\" appears twice in one object (line 2, column 4)."
        );
        assert_eq!(p.params, params(json!({"key": "a", "line": 2, "column": 4})));
        let r = read(b"{\"a\": [1, 2", &limits);
        assert_eq!(r.doc, None);
        let p = r.problem.unwrap();
        assert_eq!(p.code, Code::InvalidJson);
        assert_eq!(p.message, "The document is not JSON (line 1, column 11).");
        assert_eq!(
            p.params,
            params(json!({"line": 1, "column": 11, "offset": 11, "detail": "EOF while parsing a list"}))
        );
        // The byte position counts the lines before.
        let p = read(b"{\n  \"a\": tru\n}", &limits).problem.unwrap();
        assert_eq!((&p.params["line"], &p.params["offset"]), (&json!(3), &json!(13)));
        let r = read(b"{\"a\": \xff}", &limits);
        assert_eq!((r.doc, r.problem.unwrap().code), (None, Code::InvalidUtf8));
        let small = Limits {
            max_document_bytes: 4,
            ..Limits::default()
        };
        let p = read(b"[1, 2]", &small).problem.unwrap();
        assert_eq!((p.code, p.value), (Code::LimitExceeded, Some(json!(6))));
        assert_eq!(
            read(b"[1]", &limits),
            Read {
                doc: Some(json!([1])),
                problem: None
            }
        );
        for (text, reason) in [
            (&b"{\"a\": "[..], "truncated_json"),
            (b"{} x", "invalid_trailing_data"),
            (b"[01]", "invalid_number"),
            (b"[\"\\q\"]", "invalid_string"),
            (b"[tru]", "invalid_literal"),
            (b"{1: 2}", "invalid_object"),
            (b"[1 2]", "invalid_array"),
            (b"x", "invalid_json"),
        ] {
            let Err(JsonError::Syntax { message, .. }) = parse(text, &limits) else {
                panic!()
            };
            assert_eq!(kazoo_reason(&message), reason, "{message}");
        }
    }
}
