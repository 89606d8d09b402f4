//! JSON numbers compared exactly on their text (sign, digits, exponent),
//! never through `f64`: exact for numbers of any length or size (`f64`
//! rounds `2147483647.0000000001` to `2147483647`), and it keeps float
//! parsing and formatting out of the WebAssembly build.

use std::cmp::Ordering;

/// A JSON number as `sign × 0.digits × 10^point`, with the digits free of
/// leading and trailing zeros (none for zero).
struct Decimal<'a> {
    negative: bool,
    /// The significant digits, as ASCII, in order, with the decimal point
    /// removed: `int` then `frac`, less leading zeros of the whole and
    /// trailing zeros of the whole.
    int: &'a [u8],
    frac: &'a [u8],
    /// Where the decimal point goes, counted in digits from the first
    /// significant one.
    point: i128,
}

impl<'a> Decimal<'a> {
    /// Reads the text of a JSON number (`-?digits(.digits)?([eE][+-]?digits)?`);
    /// `None` for anything else.
    fn parse(text: &'a str) -> Option<Decimal<'a>> {
        let b = text.as_bytes();
        let (negative, rest) = match b.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, b),
        };
        let int_len = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let (int, rest) = rest.split_at(int_len);
        let (frac, rest) = match rest.split_first() {
            Some((b'.', after)) => {
                let n = after.iter().take_while(|c| c.is_ascii_digit()).count();
                after.split_at(n)
            }
            _ => (&[][..], rest),
        };
        let exp = match rest.split_first() {
            Some((b'e' | b'E', after)) => {
                let (neg, digits) = match after.split_first() {
                    Some((b'-', d)) => (true, d),
                    Some((b'+', d)) => (false, d),
                    _ => (false, after),
                };
                if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                // Saturates far beyond any digit count a text can have.
                let mut e: i128 = 0;
                for d in digits {
                    e = (e * 10 + i128::from(d - b'0')).min(1 << 80);
                }
                if neg {
                    -e
                } else {
                    e
                }
            }
            None => 0,
            Some(_) => return None,
        };
        if int.is_empty() {
            return None;
        }
        // Strip leading zeros across int then frac; trailing zeros across frac then int.
        let lead_int = int.iter().take_while(|&&c| c == b'0').count();
        let (int, frac, point) = if lead_int == int.len() {
            let lead_frac = frac.iter().take_while(|&&c| c == b'0').count();
            let frac = frac.get(lead_frac..).unwrap_or_default();
            (&[][..], frac, -(lead_frac as i128))
        } else {
            let int = int.get(lead_int..).unwrap_or_default();
            (int, frac, int.len() as i128)
        };
        let frac_trail = frac.iter().rev().take_while(|&&c| c == b'0').count();
        let frac = frac.get(..frac.len() - frac_trail).unwrap_or_default();
        let int = if frac.is_empty() {
            let int_trail = int.iter().rev().take_while(|&&c| c == b'0').count();
            int.get(..int.len() - int_trail).unwrap_or_default()
        } else {
            int
        };
        let zero = int.is_empty() && frac.is_empty();
        Some(Decimal {
            negative: negative && !zero,
            int,
            frac,
            point: if zero { 0 } else { point + exp },
        })
    }

    fn is_zero(&self) -> bool {
        self.int.is_empty() && self.frac.is_empty()
    }

    fn digits(&self) -> impl Iterator<Item = u8> + '_ {
        self.int.iter().chain(self.frac).copied()
    }

    /// Order of the absolute values.
    fn cmp_magnitude(&self, other: &Decimal<'_>) -> Ordering {
        match (self.is_zero(), other.is_zero()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Less,
            (false, true) => return Ordering::Greater,
            (false, false) => {}
        }
        // Both start with a nonzero digit, so the point position orders them first;
        // then the digits (no trailing zeros, so a longer tail is larger).
        self.point
            .cmp(&other.point)
            .then_with(|| self.digits().cmp(other.digits()))
    }
}

/// The exact order of two JSON number texts; `None` if either is not one.
pub(super) fn compare(a: &str, b: &str) -> Option<Ordering> {
    let (a, b) = (Decimal::parse(a)?, Decimal::parse(b)?);
    Some(match (a.negative, b.negative) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => a.cmp_magnitude(&b),
        (true, true) => b.cmp_magnitude(&a),
    })
}

/// Whether a JSON number text is a whole number (`2.0` and `1e3` are).
pub(super) fn is_integer(text: &str) -> bool {
    Decimal::parse(text).is_some_and(|d| d.point >= (d.int.len() + d.frac.len()) as i128)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn exact_where_f64_rounds() {
        use Ordering::*;
        assert_eq!(compare("2147483647.0000000001", "2147483647"), Some(Greater));
        assert_eq!(compare("2147483647", "2147483647.0000000001"), Some(Less));
        assert_eq!(compare("-2147483648.0000000001", "-2147483648"), Some(Less));
        assert_eq!(compare("9007199254740993", "9007199254740992.0"), Some(Greater));
        assert_eq!(compare("1e400", "1e399"), Some(Greater));
        assert_eq!(compare("-1e400", "1e-400"), Some(Less));
        assert_eq!(compare("1e-400", "0"), Some(Greater));
        assert_eq!(compare("100000000000000000000000000001", "1e29"), Some(Greater));
        assert_eq!(compare("0.1", "0.10000000000000000555"), Some(Less));
        assert_eq!(compare("-0", "0.0e5"), Some(Equal));
        assert_eq!(compare("00012.5000e-1", "1.25"), Some(Equal));
        assert_eq!(compare("1E+2", "100"), Some(Equal));
        assert_eq!(
            compare("1e99999999999999999999999999999", "1e99999999999999999999999999998"),
            Some(Equal)
        );
        assert_eq!(compare("x", "1"), None);
        assert_eq!(compare("1e", "1"), None);
        assert_eq!(compare(".5", "1"), None);
        assert_eq!(compare("1.5x", "1"), None);
        assert!(is_integer("2.0") && is_integer("1e3") && is_integer("1.5e1") && is_integer("-0") && is_integer("0.0"));
        assert!(
            !is_integer("2.5")
                && !is_integer("1e-400")
                && !is_integer("1234.56e1")
                && !is_integer("2147483647.0000000001")
        );
        assert!(is_integer("1e400"));
    }

    proptest! {
        /// On the shortest texts of f64 values (what serde_json writes; distinct
        /// values have ordered, distinct texts), positional or with an exponent,
        /// the decimal order and integer test are f64's.
        #[test]
        fn agrees_with_f64(a in any::<f64>(), b in any::<f64>(), ea in any::<bool>(), eb in any::<bool>()) {
            prop_assume!(a.is_finite() && b.is_finite());
            let ta = if ea { format!("{a:e}") } else { format!("{a}") };
            let tb = if eb { format!("{b:E}") } else { format!("{b}") };
            prop_assert_eq!(compare(&ta, &tb), a.partial_cmp(&b), "{} vs {}", ta, tb);
            prop_assert_eq!(is_integer(&ta), a.fract() == 0.0, "{}", ta);
        }

        /// Small decimals (where ties and near-ties are common), against exact
        /// cross-multiplication.
        #[test]
        fn exact_on_small_decimals(a in -2000i32..2000, b in -2000i32..2000, sa in 0u32..4, sb in 0u32..4) {
            let (ta, tb) = (format!("{a}e-{sa}"), format!("{b}e-{sb}"));
            let want = (i128::from(a) * 10i128.pow(sb)).cmp(&(i128::from(b) * 10i128.pow(sa)));
            prop_assert_eq!(compare(&ta, &tb), Some(want), "{} vs {}", ta, tb);
        }
    }
}
