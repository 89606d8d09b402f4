//! The regular expressions of our schemas' `pattern`s: a small ECMA-262
//! subset (anchors, literals, `\d`, classes, groups with `|`, and the
//! quantifiers `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`), matched on bytes.
//!
//! Every pattern in `schemas/` is ASCII, so a byte never matches inside a
//! multi-byte character. A repeated single character or class is matched
//! with a loop, and a repeated group must have a finite maximum, so the
//! recursion depth depends on the pattern only, never on the input.

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    alternatives: Vec<Vec<Piece>>,
}

#[derive(Debug, Clone)]
struct Piece {
    atom: Atom,
    min: u32,
    max: Option<u32>,
}

#[derive(Debug, Clone)]
enum Atom {
    Start,
    End,
    /// Byte ranges, possibly negated.
    Class(Vec<(u8, u8)>, bool),
    Group(Vec<Vec<Piece>>),
}

struct Parser<'a> {
    src: &'a [u8],
    at: usize,
}

/// The largest repeat count a group may have (it recurses once per repeat).
const MAX_GROUP_REPEAT: u32 = 16;

impl Pattern {
    /// Compiles `source`, or says why it is outside the subset.
    pub(crate) fn new(source: &str) -> Result<Pattern, String> {
        if !source.is_ascii() {
            return Err(format!("pattern {source:?}: only ASCII patterns are supported"));
        }
        let mut p = Parser {
            src: source.as_bytes(),
            at: 0,
        };
        let alternatives = p.alternatives()?;
        if p.at != p.src.len() {
            return Err(format!("pattern {source:?}: unexpected ')' at {}", p.at));
        }
        Ok(Pattern { alternatives })
    }

    /// ECMA-262 `test`: whether the pattern matches anywhere in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let s = text.as_bytes();
        let anchored = self
            .alternatives
            .iter()
            .all(|alt| matches!(alt.first(), Some(Piece { atom: Atom::Start, .. })));
        let last = if anchored { 0 } else { s.len() };
        (0..=last).any(|start| alts(&self.alternatives, s, start, &mut |_| true))
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.at).copied()
    }

    fn alternatives(&mut self) -> Result<Vec<Vec<Piece>>, String> {
        let mut alts = vec![self.sequence()?];
        while self.peek() == Some(b'|') {
            self.at += 1;
            alts.push(self.sequence()?);
        }
        Ok(alts)
    }

    fn sequence(&mut self) -> Result<Vec<Piece>, String> {
        let mut seq = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            let atom = self.atom()?;
            let (min, max) = self.quantifier()?;
            if matches!(atom, Atom::Start | Atom::End) && (min, max) != (1, Some(1)) {
                return Err("a quantified anchor".into());
            }
            if matches!(atom, Atom::Group(_)) && max.map_or(true, |m| m > MAX_GROUP_REPEAT) {
                return Err(format!("a group repeated more than {MAX_GROUP_REPEAT} times"));
            }
            seq.push(Piece { atom, min, max });
        }
        Ok(seq)
    }

    fn atom(&mut self) -> Result<Atom, String> {
        let c = self.peek().ok_or("unexpected end")?;
        self.at += 1;
        Ok(match c {
            b'^' => Atom::Start,
            b'$' => Atom::End,
            b'.' => Atom::Class(vec![(b'\n', b'\n'), (b'\r', b'\r')], true),
            b'(' => {
                if self.src.get(self.at..self.at + 2) == Some(b"?:") {
                    self.at += 2;
                }
                let alts = self.alternatives()?;
                if self.peek() != Some(b')') {
                    return Err("unclosed group".into());
                }
                self.at += 1;
                Atom::Group(alts)
            }
            b'[' => self.class()?,
            b'\\' => self.escape()?,
            b'*' | b'+' | b'?' | b'{' | b')' => return Err(format!("unexpected {:?}", c as char)),
            _ => Atom::Class(vec![(c, c)], false),
        })
    }

    fn escape(&mut self) -> Result<Atom, String> {
        let c = self.peek().ok_or("trailing backslash")?;
        self.at += 1;
        Ok(match c {
            b'd' => Atom::Class(vec![(b'0', b'9')], false),
            b'D' => Atom::Class(vec![(b'0', b'9')], true),
            c if c.is_ascii_punctuation() => Atom::Class(vec![(c, c)], false),
            _ => return Err(format!("unsupported escape \\{}", c as char)),
        })
    }

    fn class(&mut self) -> Result<Atom, String> {
        let negated = self.peek() == Some(b'^');
        if negated {
            self.at += 1;
        }
        let mut ranges = Vec::new();
        let mut first = true;
        loop {
            let c = self.peek().ok_or("unclosed class")?;
            self.at += 1;
            if c == b']' && !first {
                break;
            }
            first = false;
            let lo = match c {
                b'\\' => {
                    let e = self.peek().ok_or("trailing backslash")?;
                    self.at += 1;
                    match e {
                        b'd' => {
                            ranges.push((b'0', b'9'));
                            continue;
                        }
                        e if e.is_ascii_punctuation() => e,
                        _ => return Err(format!("unsupported class escape \\{}", e as char)),
                    }
                }
                c => c,
            };
            if self.peek() == Some(b'-') && self.src.get(self.at + 1).is_some_and(|&n| n != b']') {
                let hi = *self.src.get(self.at + 1).ok_or("unclosed class")?;
                if hi == b'\\' || hi < lo {
                    return Err("unsupported class range".into());
                }
                self.at += 2;
                ranges.push((lo, hi));
            } else {
                ranges.push((lo, lo));
            }
        }
        Ok(Atom::Class(ranges, negated))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(self.src.get(start..self.at)?).ok()?.parse().ok()
    }

    fn quantifier(&mut self) -> Result<(u32, Option<u32>), String> {
        let q = match self.peek() {
            Some(b'?') => (0, Some(1)),
            Some(b'*') => (0, None),
            Some(b'+') => (1, None),
            Some(b'{') => {
                self.at += 1;
                let min = self.number().ok_or("a quantifier without a number")?;
                let max = if self.peek() == Some(b',') {
                    self.at += 1;
                    if self.peek() == Some(b'}') {
                        None
                    } else {
                        Some(self.number().ok_or("a bad quantifier")?)
                    }
                } else {
                    Some(min)
                };
                if self.peek() != Some(b'}') || max.is_some_and(|m| m < min) {
                    return Err("a bad quantifier".into());
                }
                self.at += 1;
                return self.lazy((min, max));
            }
            _ => return Ok((1, Some(1))),
        };
        self.at += 1;
        self.lazy(q)
    }

    fn lazy(&mut self, q: (u32, Option<u32>)) -> Result<(u32, Option<u32>), String> {
        if self.peek() == Some(b'?') {
            // Lazy quantifiers change which match is found, never whether one is.
            self.at += 1;
        }
        Ok(q)
    }
}

fn class_matches(ranges: &[(u8, u8)], negated: bool, b: u8) -> bool {
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&b)) != negated
}

fn alts(alternatives: &[Vec<Piece>], s: &[u8], pos: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    alternatives.iter().any(|alt| seq(alt, s, pos, k))
}

fn seq(pieces: &[Piece], s: &[u8], pos: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return k(pos);
    };
    match &first.atom {
        Atom::Start => pos == 0 && seq(rest, s, pos, k),
        Atom::End => pos == s.len() && seq(rest, s, pos, k),
        Atom::Class(ranges, negated) => {
            // Greedy: take as many as allowed, then give back one at a time.
            let max = first.max.map_or(usize::MAX, |m| m as usize);
            let mut n = 0;
            while n < max && s.get(pos + n).is_some_and(|&b| class_matches(ranges, *negated, b)) {
                n += 1;
            }
            let min = first.min as usize;
            (min..=n).rev().any(|count| seq(rest, s, pos + count, k))
        }
        Atom::Group(inner) => group(inner, first.min, first.max.unwrap_or(0), 0, s, pos, &mut |p| {
            seq(rest, s, p, k)
        }),
    }
}

fn group(
    inner: &[Vec<Piece>],
    min: u32,
    max: u32,
    count: u32,
    s: &[u8],
    pos: usize,
    k: &mut dyn FnMut(usize) -> bool,
) -> bool {
    if count < max
        && alts(inner, s, pos, &mut |p| {
            // An empty iteration past the minimum cannot lead anywhere new.
            (p != pos || count < min) && group(inner, min, max, count + 1, s, p, k)
        })
    {
        return true;
    }
    count >= min && k(pos)
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    #[test]
    fn the_schema_patterns() {
        let e164 = Pattern::new(r"^\+[1-9]\d{1,14}$").unwrap();
        assert!(e164.is_match("+13125354200"));
        assert!(e164.is_match("+12"));
        assert!(!e164.is_match("+1"));
        assert!(!e164.is_match("+1234567890123456"));
        assert!(!e164.is_match("+03125354200"));
        assert!(!e164.is_match("13125354200"));
        assert!(!e164.is_match("+1312535420\n"));
        assert!(!e164.is_match("+١٣١٢"));
        let dt = Pattern::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$").unwrap();
        assert!(dt.is_match("2026-12-01T09:00:00Z"));
        assert!(dt.is_match("2026-12-01T09:00:00.123456+01:00"));
        assert!(!dt.is_match("2026-12-01T09:00:00."));
        assert!(!dt.is_match("2026-12-01 09:00:00Z"));
        assert!(!dt.is_match("2026-12-01T09:00:00+0100"));
        let long = format!("2026-12-01T09:00:00.{}Z", "1".repeat(1_000_000));
        assert!(dt.is_match(&long));
        let url = Pattern::new("^https?://").unwrap();
        assert!(url.is_match("https://example.com"));
        assert!(url.is_match("http://"));
        assert!(!url.is_match("ftp://x"));
        assert!(!url.is_match(" http://x"));
        let two = Pattern::new("^[A-Za-z]{2}$").unwrap();
        assert!(two.is_match("Il") && !two.is_match("ILL") && !two.is_match("I1"));
        let uuid =
            Pattern::new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$").unwrap();
        assert!(uuid.is_match("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!uuid.is_match("123e4567-e89b-12d3-a456-42661417400g"));
    }

    #[test]
    fn unanchored_search_alternation_and_refusals() {
        let p = Pattern::new("b(an|na){1,3}?a").unwrap();
        assert!(p.is_match("xxbananaxx"));
        assert!(!p.is_match("bxa"));
        assert!(Pattern::new("(a)*").is_err());
        assert!(Pattern::new("\\w").is_err());
        assert!(Pattern::new("é").is_err());
        assert!(Pattern::new("(a").is_err());
        assert!(Pattern::new("a{2,1}").is_err());
    }
}
