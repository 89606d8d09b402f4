//! The last guard on standard output: DEL and the C1 controls (U+007F–U+009F)
//! written as `\u007f` … `\u009f`.
//!
//! serde_json escapes only the C0 controls, so without this a key, a value
//! or a file name from the input could put a raw DEL or a C1 control (U+009B
//! is a terminal's CSI) in the JSON formats. Every output is UTF-8 text in
//! which such a character can only come from the input: in JSON it is inside
//! a string, where `\u009b` is the same character; the text and CSV formats
//! escape it themselves, as JSON would, so this never meets one there.

use std::io::{self, Write};

pub struct NoControls<W: Write> {
    inner: W,
    /// A 0xC2 byte ending the last write: the first half of a C1 control or
    /// of another character, told by the next byte.
    pending: bool,
}

impl<W: Write> NoControls<W> {
    pub fn new(inner: W) -> Self {
        NoControls { inner, pending: false }
    }
}

fn escape(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u00");
    out.extend(
        [c >> 4, c & 0xf]
            .iter()
            .filter_map(|&d| HEX.get(usize::from(d)).copied()),
    );
}

impl<W: Write> Write for NoControls<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Checked 32 bytes at a time without a branch per byte (vectorized):
        // the bulk commands write hundreds of megabytes through here.
        let suspect = buf
            .chunks(32)
            .any(|c| c.iter().fold(false, |a, &b| a | (b == 0x7f) | (b == 0xc2)));
        if !self.pending && !suspect {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut out = Vec::with_capacity(buf.len() + 16);
        let mut bytes = buf.iter().copied();
        if std::mem::take(&mut self.pending) {
            match bytes.next() {
                Some(b @ 0x80..=0x9f) => escape(&mut out, b),
                Some(b) => out.extend_from_slice(&[0xc2, b]),
                None => self.pending = true,
            }
        }
        while let Some(b) = bytes.next() {
            match b {
                0x7f => escape(&mut out, b),
                0xc2 => match bytes.next() {
                    Some(n @ 0x80..=0x9f) => escape(&mut out, n),
                    Some(n) => out.extend_from_slice(&[0xc2, n]),
                    None => self.pending = true,
                },
                b => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.pending) {
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever text is written, in whatever pieces: no DEL or C1
        /// control comes out, and reading each `\u00XX` escape back (the
        /// only change) gives the text written.
        #[test]
        fn no_del_or_c1_passes_and_nothing_else_changes(text in "(\\PC|[\u{7f}-\u{9f}]|\u{c2}|\\\\){0,40}", cuts in proptest::collection::vec(0usize..200, 0..6)) {
            let bytes = text.as_bytes();
            let mut w = NoControls::new(Vec::new());
            let mut at = 0;
            let mut cuts = cuts;
            cuts.sort_unstable();
            for c in cuts.into_iter().chain([bytes.len()]) {
                let c = c.min(bytes.len()).max(at);
                w.write_all(&bytes[at..c]).unwrap();
                at = c;
            }
            w.flush().unwrap();
            let out = String::from_utf8(w.inner).unwrap();
            prop_assert!(!out.chars().any(|c| ('\u{7f}'..='\u{9f}').contains(&c)), "{out:?}");
            let mut back = out.clone();
            for c in (0x7fu32..0xa0).filter_map(char::from_u32) {
                back = back.replace(&format!("\\u{:04x}", c as u32), &c.to_string());
            }
            // A `\u00XX` already in the text would read back too: the
            // strategy's `\\` is a lone backslash, never followed by `u00`.
            prop_assert_eq!(back, text);
        }
    }
}
