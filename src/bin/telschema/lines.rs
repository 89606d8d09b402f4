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
}

impl<R: BufRead> Lines<R> {
    pub fn new(inner: R, max: usize) -> Self {
        Lines { inner, max, number: 0 }
    }

    /// The next line into `buf` (without its `\n`; a `\r` before it and a
    /// BOM on the first line are removed): `Some(true)` when it fits,
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
            any = true;
            let newline = avail.iter().position(|&b| b == b'\n');
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
            self.inner.consume(used);
            if newline.is_some() {
                break;
            }
        }
        self.number += 1;
        if fits && buf.last() == Some(&b'\r') {
            buf.pop();
        }
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
}
