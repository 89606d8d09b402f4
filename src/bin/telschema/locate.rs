//! Where a JSON Pointer's value starts in the text of a document (line and
//! column, 1-based, columns in characters), for `file:line:column` output
//! and GitHub annotations. A pointer to a missing value gives the position of
//! its nearest present ancestor (for a missing field, its parent object).
//!
//! The text has already been parsed by serde_json, so this scanner only walks
//! it; it never recurses (deep documents cannot overflow the stack).

use std::collections::HashMap;

use telschema::report::{pointer_push, pointer_segments};

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn ws(&mut self) {
        while self
            .b
            .get(self.i)
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// A JSON string at the cursor, decoded (lone surrogates become U+FFFD).
    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.i;
        self.skip_string()?;
        serde_json::from_slice::<String>(self.b.get(start..self.i)?).ok()
    }

    fn skip_string(&mut self) -> Option<()> {
        self.i += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.i += 1;
                    return Some(());
                }
                b'\\' => self.i += 2,
                _ => self.i += 1,
            }
        }
    }

    /// Skips one value (any depth, iteratively).
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'{' | b'[' => {
                    depth += 1;
                    self.i += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.i += 1;
                }
                b',' | b':' => {
                    self.i += 1;
                    continue;
                }
                _ => {
                    while self
                        .peek()
                        .is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                    {
                        self.i += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }

    /// Moves to the start of member `key` of the object at the cursor.
    fn member(&mut self, key: &str) -> Option<()> {
        self.i += 1;
        loop {
            self.ws();
            if self.peek()? == b'}' {
                return None;
            }
            let name = self.string()?;
            self.ws();
            if self.peek()? != b':' {
                return None;
            }
            self.i += 1;
            self.ws();
            if name == key {
                return Some(());
            }
            self.skip_value()?;
            self.ws();
            if self.peek()? == b',' {
                self.i += 1;
            }
        }
    }

    /// Moves to the start of element `index` of the array at the cursor.
    fn element(&mut self, index: usize) -> Option<()> {
        self.i += 1;
        for _ in 0..index {
            self.ws();
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.ws();
            if self.peek()? != b',' {
                return None;
            }
            self.i += 1;
        }
        self.ws();
        (self.peek()? != b']').then_some(())
    }
}

/// The byte offset where the value at `pointer` (or its nearest present ancestor) starts.
pub fn offset(text: &str, pointer: &str) -> usize {
    let mut s = Scan {
        b: text.as_bytes(),
        i: 0,
    };
    s.ws();
    let mut found = s.i;
    for seg in pointer_segments(pointer) {
        let ok = match s.peek() {
            Some(b'{') => s.member(&seg),
            Some(b'[') => seg.parse().ok().and_then(|i| s.element(i)),
            _ => None,
        };
        if ok.is_none() {
            break;
        }
        found = s.i;
    }
    found
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Line and column of `pointer` in `text`.
pub fn position(text: &str, pointer: &str) -> (usize, usize) {
    line_col(text, offset(text, pointer))
}

/// Line and column of every value of a document, found in one pass (for a
/// document with many issues: a scan per issue would be quadratic).
pub struct Index {
    at: HashMap<String, (usize, usize)>,
}

/// Counts lines and columns forward through the text (offsets only grow).
struct Cursor<'a> {
    text: &'a str,
    off: usize,
    line: usize,
    col: usize,
}

impl Cursor<'_> {
    fn advance(&mut self, to: usize) -> (usize, usize) {
        if let Some(gap) = self.text.get(self.off..to) {
            for c in gap.chars() {
                if c == '\n' {
                    self.line += 1;
                    self.col = 1;
                } else {
                    self.col += 1;
                }
            }
            self.off = to;
        }
        (self.line, self.col)
    }
}

enum Frame {
    Object(String),
    Array(String, usize),
}

impl Index {
    pub fn new(text: &str) -> Index {
        let mut at = HashMap::new();
        let mut s = Scan {
            b: text.as_bytes(),
            i: 0,
        };
        let mut cur = Cursor {
            text,
            off: 0,
            line: 1,
            col: 1,
        };
        let mut stack: Vec<Frame> = Vec::new();
        let mut pending = Some(String::new());
        loop {
            s.ws();
            if let Some(p) = pending.take() {
                at.insert(p.clone(), cur.advance(s.i));
                let ok = match s.peek() {
                    Some(b'{') => {
                        s.i += 1;
                        stack.push(Frame::Object(p));
                        Some(())
                    }
                    Some(b'[') => {
                        s.i += 1;
                        stack.push(Frame::Array(p, 0));
                        Some(())
                    }
                    Some(_) => s.skip_value(),
                    None => None,
                };
                if ok.is_none() {
                    break;
                }
                continue;
            }
            match stack.last_mut() {
                None => break,
                Some(Frame::Object(p)) => match s.peek() {
                    Some(b',') => s.i += 1,
                    Some(b'}') => {
                        s.i += 1;
                        stack.pop();
                    }
                    Some(b'"') => {
                        let Some(key) = s.string() else { break };
                        s.ws();
                        if s.peek() != Some(b':') {
                            break;
                        }
                        s.i += 1;
                        pending = Some(pointer_push(p, &key));
                    }
                    _ => break,
                },
                Some(Frame::Array(p, n)) => match s.peek() {
                    Some(b',') => s.i += 1,
                    Some(b']') => {
                        s.i += 1;
                        stack.pop();
                    }
                    Some(_) => {
                        pending = Some(format!("{p}/{n}"));
                        *n += 1;
                    }
                    None => break,
                },
            }
        }
        Index { at }
    }

    /// Line and column of `pointer`, or of its nearest present ancestor.
    pub fn position(&self, pointer: &str) -> (usize, usize) {
        let mut p = pointer;
        loop {
            if let Some(&lc) = self.at.get(p) {
                return lc;
            }
            match p.rfind('/') {
                Some(i) => p = p.get(..i).unwrap_or_default(),
                None => return (1, 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::position;

    #[test]
    fn finds_values_and_falls_back_to_the_parent() {
        let text = "{\n  \"data\": {\n    \"a~b\": [1, {\"x\": \"é\", \"y/z\": 2}],\n    \"s\": \"q\\\"}\"\n  }\n}\n";
        assert_eq!(position(text, ""), (1, 1));
        assert_eq!(position(text, "/data"), (2, 11));
        assert_eq!(position(text, "/data/a~0b"), (3, 12));
        assert_eq!(position(text, "/data/a~0b/1/y~1z"), (3, 34));
        assert_eq!(position(text, "/data/s"), (4, 10));
        assert_eq!(position(text, "/data/missing"), (2, 11));
        assert_eq!(position(text, "/data/a~0b/7"), (3, 12));
        assert_eq!(position("[1,2", "/5"), (1, 1));
    }

    /// Every value of every committed document, pretty and compact: the index and the scan agree.
    #[test]
    fn the_index_agrees_with_the_scan_on_the_committed_documents() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![
            root.join("tests/fixtures"),
            root.join("examples/documents"),
            root.join("benches/docs"),
        ];
        let mut checked = 0;
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                    continue;
                }
                if !p.extension().is_some_and(|x| x == "json") {
                    continue;
                }
                let text = std::fs::read_to_string(&p).unwrap();
                let Ok(doc) = serde_json::from_str::<serde_json::Value>(&text) else {
                    continue;
                };
                for text in [text.clone(), doc.to_string()] {
                    let index = super::Index::new(&text);
                    let mut stack = vec![(String::new(), &doc)];
                    while let Some((ptr, v)) = stack.pop() {
                        assert_eq!(index.position(&ptr), position(&text, &ptr), "{} {ptr}", p.display());
                        checked += 1;
                        match v {
                            serde_json::Value::Object(m) => {
                                stack.extend(m.iter().map(|(k, x)| (telschema::report::pointer_push(&ptr, k), x)))
                            }
                            serde_json::Value::Array(a) => {
                                stack.extend(a.iter().enumerate().map(|(i, x)| (format!("{ptr}/{i}"), x)))
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn the_index_agrees_with_the_scan() {
        let text = "{\n  \"data\": {\n    \"a~b\": [1, {\"x\": \"é\", \"y/z\": 2}],\n    \"s\": \"q\\\"}\"\n  }\n}\n";
        let index = super::Index::new(text);
        for p in [
            "",
            "/data",
            "/data/a~0b",
            "/data/a~0b/1/y~1z",
            "/data/a~0b/1/x",
            "/data/s",
            "/data/missing",
            "/data/a~0b/7",
            "/data/s/x",
        ] {
            assert_eq!(index.position(p), position(text, p), "{p}");
        }
    }
}
