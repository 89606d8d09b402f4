//! Reading lines with a bound on their length: a line past the bound is
//! reported as too long and the rest of it is skipped without being kept, so
//! memory never grows past the bound plus a buffer, whatever the input
//! (`/dev/zero`, a FIFO, a file without a newline).

use std::io::{self, BufRead};

/// A UTF-8 byte-order mark, accepted (and dropped) at the start of a file or stream.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub struct Lines<R> {
    inner: R,
    max: usize,
    /// The 1-based number of the last line read.
    pub number: usize,
    /// The last line ended with a `\r`: a `\n` right after it belongs to that line end.
    after_cr: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(inner: R, max: usize) -> Self {
        Lines {
            inner,
            max,
            number: 0,
            after_cr: false,
        }
    }

    /// The next line into `buf` (without its line end, `\n`, `\r\n` or a
    /// lone `\r`; a BOM on the first line is removed): `Some(true)` when it fits,
    /// `Some(false)` when it is longer than the bound (`buf` then holds its
    /// first `max` bytes), `None` at the end of the input.
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<bool>> {
        buf.clear();
        let mut fits = true;
        let mut any = false;
        loop {
            let avail = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                if !any {
                    return Ok(None);
                }
                break;
            }
            if self.after_cr {
                self.after_cr = false;
                if avail.first() == Some(&b'\n') {
                    self.inner.consume(1);
                    continue;
                }
            }
            any = true;
            let newline = avail.iter().position(|&b| b == b'\n' || b == b'\r');
            let chunk = avail.get(..newline.unwrap_or(avail.len())).unwrap_or_default();
            if fits {
                let room = (self.max + 1).saturating_sub(buf.len());
                buf.extend_from_slice(chunk.get(..room.min(chunk.len())).unwrap_or_default());
                if buf.len() > self.max {
                    fits = false;
                    buf.truncate(self.max);
                }
            }
            let used = newline.map_or(avail.len(), |i| i + 1);
            self.after_cr = newline.is_some_and(|i| avail.get(i) == Some(&b'\r'));
            self.inner.consume(used);
            if newline.is_some() {
                break;
            }
        }
        self.number += 1;
        if self.number == 1 && buf.starts_with(BOM) {
            buf.drain(..BOM.len());
        }
        Ok(Some(fits))
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn bounded_lines() {
        let text = b"\xEF\xBB\xBFab\r\n\ncdefghi\nij";
        let mut l = Lines::new(&text[..], 6);
        let mut buf = Vec::new();
        assert_eq!(l.next_line(&mut buf).unwrap(), Some(true));
        assert_eq!(buf, b"ab");
        assert_eq!(l.next_line(&mut buf).unwrap(), Some(true));
        assert_eq!(buf, b"");
        assert_eq!(l.next_line(&mut buf).unwrap(), Some(false));
        assert_eq!(buf, b"cdefgh");
        assert_eq!(l.next_line(&mut buf).unwrap(), Some(true));
        assert_eq!((buf.as_slice(), l.number), (&b"ij"[..], 4));
        assert_eq!(l.next_line(&mut buf).unwrap(), None);
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let text = b"a\rb\r\nc\r\rd";
        let mut l = Lines::new(&text[..], 6);
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while l.next_line(&mut buf).unwrap().is_some() {
            got.push((String::from_utf8(buf.clone()).unwrap(), l.number));
        }
        let want = [("a", 1), ("b", 2), ("c", 3), ("", 4), ("d", 5)];
        assert_eq!(got, want.map(|(s, n)| (s.to_string(), n)));
        // A `\r\n` split between two reads is one line end.
        let mut l = Lines::new(std::io::BufReader::with_capacity(2, &b"a\r\nb"[..]), 6);
        assert_eq!(l.next_line(&mut buf).unwrap(), Some(true));
        assert_eq!(l.next_line(&mut buf).unwrap(), Some(true));
        assert_eq!((buf.as_slice(), l.number), (&b"b"[..], 2));
        assert_eq!(l.next_line(&mut buf).unwrap(), None);
    }
}
