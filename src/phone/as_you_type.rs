//! As-you-type formatting: a port of the algorithm of libphonenumber's
//! `AsYouTypeFormatter` (written anew over our tables and matcher), so that
//! a form shows `(312) 535-4` while `3125354` is typed, exactly as Google's
//! formatter does after every keystroke.
//!
//! The formatting template is built as Google builds it: the format's
//! pattern is run over `999999999999999`, the longest match is formatted
//! with the format, and every `9` becomes a placeholder that the digits
//! typed fill in order.
//!
//! Letters are never digits here: a letter (or any character that is not a
//! digit, or a `+` in first place) stops the formatting, as in Google's
//! formatter, and the text is shown as typed. On top of Google's algorithm a
//! guard makes sure the output's digits are the digits typed, in order (and
//! shows the text as typed otherwise). Google's algorithm keeps that by
//! itself on every case of tests/oracle.rs, which agree with it exactly; the
//! guard only backs the promise, which tests/as_you_type.rs states as a
//! property.

use super::format::{is_separator, replace_all};
use super::matcher::{looking_at, matches};
use super::tables::{self, NumberFormat, Territory, HAS_CARRIER_RULE, NP_OPTIONAL};

/// libphonenumber's `DIGIT_PLACEHOLDER`, the punctuation space.
const PLACEHOLDER: char = '\u{2008}';
/// `SEPARATOR_BEFORE_NATIONAL_NUMBER`.
const SEPARATOR: char = ' ';
/// `MIN_LEADING_DIGITS_LENGTH`.
const MIN_LEADING_DIGITS: usize = 3;
/// What templates are cut from.
const LONGEST_NUMBER: &[u8] = b"999999999999999";
/// libphonenumber's `MAX_LENGTH_COUNTRY_CODE`.
const MAX_COUNTRY_CODE_LENGTH: usize = 3;

/// Formats a phone number while it is typed, as libphonenumber's
/// `AsYouTypeFormatter`.
///
/// ```
/// use telschema::phone::AsYouType;
///
/// let mut f = AsYouType::new("US");
/// assert_eq!(f.input("312"), "312");
/// assert_eq!(f.input("5"), "312-5");
/// assert_eq!(f.input("354200"), "(312) 535-4200");
/// f.reset();
/// assert_eq!(f.input("+4420794"), "+44 20 794");
/// // A letter stops the formatting; it is never read as a digit.
/// f.reset();
/// assert_eq!(f.input("1800FLOWERS"), "1800FLOWERS");
/// ```
///
/// A region the metadata does not know (`ZZ`) formats only numbers typed
/// with `+`, as in libphonenumber.
#[derive(Debug, Clone)]
pub struct AsYouType {
    default_meta: Option<&'static Territory>,
    meta: Option<&'static Territory>,
    output: Vec<char>,
    template: Vec<char>,
    /// `currentFormattingPattern`: pattern ids are deduplicated by text, so
    /// equal ids are equal patterns.
    current_pattern: Option<u16>,
    accrued: String,
    accrued_len: usize,
    /// `accruedInputWithoutFormatting`: ASCII digits and a leading `+`.
    digits: String,
    able_to_format: bool,
    input_has_formatting: bool,
    is_complete_number: bool,
    expecting_country_code: bool,
    last_match_position: usize,
    original_position: usize,
    position_to_remember: usize,
    prefix: String,
    space_after_national_prefix: bool,
    extracted_national_prefix: String,
    national: String,
    possible: Vec<&'static NumberFormat>,
}

/// The metadata a region's numbers are formatted with: that of the main
/// region of its country code (`getMetadataForRegion`).
fn metadata_for_region(region: &str) -> Option<&'static Territory> {
    let t = tables::region(region)?;
    tables::main_territory(u32::from(t.country_code))
}

impl AsYouType {
    /// A formatter for numbers typed in `region` (ISO 3166-1 code, any case).
    pub fn new(region: &str) -> Self {
        Self::with_metadata(metadata_for_region(&region.trim().to_ascii_uppercase()))
    }

    fn with_metadata(meta: Option<&'static Territory>) -> Self {
        AsYouType {
            default_meta: meta,
            meta,
            output: Vec::new(),
            template: Vec::new(),
            current_pattern: None,
            accrued: String::new(),
            accrued_len: 0,
            digits: String::new(),
            able_to_format: true,
            input_has_formatting: false,
            is_complete_number: false,
            expecting_country_code: false,
            last_match_position: 0,
            original_position: 0,
            position_to_remember: 0,
            prefix: String::new(),
            space_after_national_prefix: false,
            extracted_national_prefix: String::new(),
            national: String::new(),
            possible: Vec::new(),
        }
    }

    /// Forgets everything typed (`clear`), keeping the region.
    pub fn reset(&mut self) {
        *self = Self::with_metadata(self.default_meta);
    }

    /// Appends `text`, one `inputDigit` per character, and returns the whole
    /// value formatted so far.
    pub fn input(&mut self, text: &str) -> String {
        for c in text.chars() {
            self.keystroke(c, false);
        }
        self.current()
    }

    /// As [`input`](Self::input), and remembers the position of the last
    /// character of `text` (`inputDigitAndRememberPosition`), so that
    /// [`remembered_position`](Self::remembered_position) follows it while
    /// later characters move it.
    pub fn input_remembering(&mut self, text: &str) -> String {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            self.keystroke(c, chars.peek().is_none());
        }
        self.current()
    }

    /// `getRememberedPosition`: the position (in characters) just after the
    /// character last given to [`input_remembering`](Self::input_remembering),
    /// in the current output; 0 when none was.
    pub fn remembered_position(&self) -> usize {
        if !self.able_to_format {
            return self.original_position;
        }
        let digits = self.digits.as_bytes();
        let (mut i, mut j) = (0usize, 0usize);
        while i < self.position_to_remember && j < self.output.len() {
            if digits.get(i).map(|&b| char::from(b)) == self.output.get(j).copied() {
                i += 1;
            }
            j += 1;
        }
        j
    }

    /// Formats a form field's whole value with its caret (a position in
    /// characters) kept after the same character: the value's formatting
    /// punctuation is dropped, the rest is typed anew, and the caret goes
    /// after the last character that stood before it, wherever formatting
    /// now puts it. This is how Android's `PhoneNumberFormattingTextWatcher`
    /// uses libphonenumber, and what keeps the caret in place when a digit is
    /// inserted in the middle. When the value holds what stops formatting (a
    /// letter, a `+` after the start), it is returned as it is, caret
    /// unchanged: nothing the person typed is removed or rewritten.
    pub fn reformat(&mut self, value: &str, caret: usize) -> (String, usize) {
        self.reset();
        let kept: Vec<(usize, char)> = value.chars().enumerate().filter(|&(_, c)| !is_punctuation(c)).collect();
        let last_before_caret = kept.iter().rposition(|&(i, _)| i < caret);
        for (k, &(_, c)) in kept.iter().enumerate() {
            self.keystroke(c, Some(k) == last_before_caret);
        }
        if self.input_has_formatting {
            return (value.to_string(), caret.min(value.chars().count()));
        }
        // The caret goes after the same kept character (the k-th digit or
        // `+`) in the output. libphonenumber's remembered position is the
        // fallback only: it loses count when a template is rebuilt after an
        // IDD (`006 62 40|00 …` in GB).
        let out = self.current();
        let caret = match last_before_caret {
            None => 0,
            Some(k) => out
                .chars()
                .enumerate()
                .filter(|&(_, c)| !is_punctuation(c))
                .nth(k)
                .map_or_else(|| self.remembered_position(), |(i, _)| i + 1),
        };
        (out, caret)
    }

    /// Every character given since the last reset, as given (after
    /// [`reformat`](Self::reformat): the value without its punctuation).
    pub fn typed(&self) -> &str {
        &self.accrued
    }

    fn current(&self) -> String {
        self.output.iter().collect()
    }

    /// One keystroke: `inputDigitWithOptionToRememberPosition`, with the
    /// output checked to hold exactly the digits typed.
    fn keystroke(&mut self, c: char, remember: bool) {
        let out = self.input_char(c, remember);
        let out = if digits_of(&out) == digits_of(&self.accrued) {
            out
        } else {
            self.able_to_format = false;
            self.input_has_formatting = true;
            self.accrued.clone()
        };
        self.output = out.chars().collect();
    }

    fn input_char(&mut self, c: char, remember: bool) -> String {
        self.accrued.push(c);
        self.accrued_len += 1;
        if remember {
            self.original_position = self.accrued_len;
        }
        let mut c = c;
        match self.digit_or_leading_plus(c) {
            None => {
                self.able_to_format = false;
                self.input_has_formatting = true;
            }
            Some(n) => {
                c = n;
                if c == '+' {
                    self.digits.push('+');
                } else {
                    self.digits.push(c);
                    self.national.push(c);
                }
                if remember {
                    self.position_to_remember = self.digits.len();
                }
            }
        }
        if !self.able_to_format {
            // Long IDDs or NDDs: formatting may resume once they are extracted.
            if self.input_has_formatting {
                return self.accrued.clone();
            } else if self.extract_idd() {
                if self.extract_country_code() {
                    return self.choose_with_prefix_extracted();
                }
            } else if self.extract_longer_ndd() {
                self.prefix.push(SEPARATOR);
                return self.choose_with_prefix_extracted();
            }
            return self.accrued.clone();
        }
        match self.digits.len() {
            0..=2 => return self.accrued.clone(),
            3 => {
                if self.extract_idd() {
                    self.expecting_country_code = true;
                } else {
                    self.extracted_national_prefix = self.remove_national_prefix();
                    return self.choose_pattern();
                }
            }
            _ => {}
        }
        if self.expecting_country_code {
            if self.extract_country_code() {
                self.expecting_country_code = false;
            }
            return format!("{}{}", self.prefix, self.national);
        }
        if self.possible.is_empty() {
            return self.choose_pattern();
        }
        let partial = self.input_digit_helper(c);
        let whole = self.format_accrued_digits();
        if !whole.is_empty() {
            return whole;
        }
        let national = self.national.clone();
        self.narrow_down(&national);
        if self.maybe_create_template() {
            return self.input_accrued_national();
        }
        if self.able_to_format {
            self.append_national(&partial)
        } else {
            self.accrued.clone()
        }
    }

    /// `isDigitOrLeadingPlusSign` and the normalisation of the character:
    /// a Unicode decimal digit as its ASCII digit, a first `+` (or `＋`) as `+`.
    fn digit_or_leading_plus(&self, c: char) -> Option<char> {
        if let Some(d) = tables::decimal_digit(c) {
            return Some(char::from(b'0' + d));
        }
        (self.accrued_len == 1 && matches!(c, '+' | '\u{FF0B}')).then_some('+')
    }

    fn choose_with_prefix_extracted(&mut self) -> String {
        self.able_to_format = true;
        self.expecting_country_code = false;
        self.possible.clear();
        self.last_match_position = 0;
        self.template.clear();
        self.current_pattern = None;
        self.choose_pattern()
    }

    /// `ableToExtractLongerNdd`.
    fn extract_longer_ndd(&mut self) -> bool {
        if !self.extracted_national_prefix.is_empty() {
            self.national.insert_str(0, &self.extracted_national_prefix);
            if let Some(at) = self.prefix.rfind(self.extracted_national_prefix.as_str()) {
                self.prefix.truncate(at);
            }
        }
        let previous = self.extracted_national_prefix.clone();
        previous != self.remove_national_prefix()
    }

    /// `attemptToChooseFormattingPattern`.
    fn choose_pattern(&mut self) -> String {
        if self.national.len() < MIN_LEADING_DIGITS {
            return self.append_national(&self.national.clone());
        }
        let national = self.national.clone();
        self.available_formats(&national);
        let whole = self.format_accrued_digits();
        if !whole.is_empty() {
            return whole;
        }
        if self.maybe_create_template() {
            self.input_accrued_national()
        } else {
            self.accrued.clone()
        }
    }

    /// `getAvailableFormats`.
    fn available_formats(&mut self, leading: &str) {
        let Some(t) = self.meta else { return };
        let international = self.is_complete_number && self.extracted_national_prefix.is_empty();
        let list = if international && !t.intl_formats().is_empty() {
            t.intl_formats()
        } else {
            t.formats()
        };
        let has_np = !self.extracted_national_prefix.is_empty();
        for f in list.iter().filter_map(|&i| tables::number_format(i)) {
            let first_group_only = first_group_only(f.national_prefix_rule());
            let optional = f.flags & NP_OPTIONAL != 0;
            if has_np && first_group_only && !optional && f.flags & HAS_CARRIER_RULE == 0 {
                continue;
            }
            if !has_np && !self.is_complete_number && !first_group_only && !optional {
                continue;
            }
            if eligible(f.format()) {
                self.possible.push(f);
            }
        }
        self.narrow_down(leading);
    }

    /// `narrowDownPossibleFormats`.
    fn narrow_down(&mut self, leading: &str) {
        let index = leading.len().saturating_sub(MIN_LEADING_DIGITS);
        let digits = leading.as_bytes();
        self.possible.retain(|f| {
            let leading = f.leading();
            let Some(last) = leading.len().checked_sub(1) else {
                return true;
            };
            leading
                .get(index.min(last))
                .is_some_and(|&p| looking_at(p, digits).is_some())
        });
    }

    /// `maybeCreateNewTemplate`: true when a new template was made.
    fn maybe_create_template(&mut self) -> bool {
        // Every format before the one used is dropped: Google's loop removes
        // each it cannot make a template of and stops at the first it can.
        while let Some(&f) = self.possible.first() {
            if self.current_pattern == Some(f.pattern) {
                return false;
            }
            if let Some(template) = self.template_for(f) {
                self.template = template;
                self.current_pattern = Some(f.pattern);
                self.space_after_national_prefix = separated_prefix(f);
                self.last_match_position = 0;
                return true;
            }
            self.possible.remove(0);
        }
        self.able_to_format = false;
        false
    }

    /// `getFormattingTemplate`: `None` where Google's is empty.
    fn template_for(&self, f: &NumberFormat) -> Option<Vec<char>> {
        // `find` over a run of nines: the leftmost match, so from 0 unless
        // the pattern cannot match nines at all.
        let longest = (0..LONGEST_NUMBER.len()).find_map(|start| {
            let rest = LONGEST_NUMBER.get(start..)?;
            looking_at(f.pattern, rest).map(|caps| (start, caps.end))
        });
        let (start, len) = longest?;
        if len < self.national.len() || len == 0 {
            return None;
        }
        let number = std::str::from_utf8(LONGEST_NUMBER.get(start..start + len)?).ok()?;
        let formatted = replace_all(number, f.pattern, f.format());
        let template: Vec<char> = formatted
            .chars()
            .map(|c| if c == '9' { PLACEHOLDER } else { c })
            .collect();
        (!template.is_empty()).then_some(template)
    }

    /// `attemptToFormatAccruedDigits`: the whole national number in a format
    /// that matches it exactly, when that loses and adds no digit.
    fn format_accrued_digits(&mut self) -> String {
        let national = self.national.clone();
        for k in 0..self.possible.len() {
            let Some(&f) = self.possible.get(k) else { break };
            if !matches(f.pattern, national.as_bytes()) {
                continue;
            }
            self.space_after_national_prefix = separated_prefix(f);
            let formatted = replace_all(&national, f.pattern, f.format());
            let full = self.append_national(&formatted);
            let diallable: String = full
                .chars()
                .filter(|c| c.is_ascii_digit() || matches!(c, '+' | '*' | '#'))
                .collect();
            if diallable == self.digits {
                return full;
            }
        }
        String::new()
    }

    /// `appendNationalNumber`.
    fn append_national(&self, national: &str) -> String {
        if self.space_after_national_prefix && !self.prefix.is_empty() && !self.prefix.ends_with(SEPARATOR) {
            format!("{}{SEPARATOR}{national}", self.prefix)
        } else {
            format!("{}{national}", self.prefix)
        }
    }

    /// `inputAccruedNationalNumber`.
    fn input_accrued_national(&mut self) -> String {
        if self.national.is_empty() {
            return self.prefix.clone();
        }
        let national: Vec<char> = self.national.chars().collect();
        let mut partial = String::new();
        for c in national {
            partial = self.input_digit_helper(c);
        }
        if self.able_to_format {
            self.append_national(&partial)
        } else {
            self.accrued.clone()
        }
    }

    /// `isNanpaNumberWithNationalPrefix`.
    fn nanpa_with_national_prefix(&self) -> bool {
        let n = self.national.as_bytes();
        self.meta.is_some_and(|t| t.country_code == 1)
            && n.first() == Some(&b'1')
            && n.get(1).is_some_and(|&b| b != b'0' && b != b'1')
    }

    /// `removeNationalPrefixFromNationalNumber`: the prefix taken off.
    fn remove_national_prefix(&mut self) -> String {
        let mut start = 0;
        if self.nanpa_with_national_prefix() {
            start = 1;
            self.prefix.push('1');
            self.prefix.push(SEPARATOR);
            self.is_complete_number = true;
        } else if let Some(npp) = self.meta.and_then(|t| t.national_prefix_for_parsing) {
            if let Some(caps) = looking_at(npp, self.national.as_bytes()).filter(|c| c.end > 0) {
                self.is_complete_number = true;
                start = caps.end;
                self.prefix.push_str(self.national.get(..start).unwrap_or(""));
            }
        }
        let rest = self.national.split_off(start.min(self.national.len()));
        std::mem::replace(&mut self.national, rest)
    }

    /// `attemptToExtractIdd`.
    fn extract_idd(&mut self) -> bool {
        let end = if self.digits.starts_with('+') {
            Some(1)
        } else {
            self.meta
                .and_then(|t| t.international_prefix)
                .and_then(|p| looking_at(p, self.digits.as_bytes()))
                .map(|caps| caps.end)
        };
        let Some(end) = end else { return false };
        self.is_complete_number = true;
        self.national = self.digits.get(end..).unwrap_or("").to_string();
        self.prefix = self.digits.get(..end).unwrap_or("").to_string();
        if !self.digits.starts_with('+') {
            self.prefix.push(SEPARATOR);
        }
        true
    }

    /// `attemptToExtractCountryCallingCode`.
    fn extract_country_code(&mut self) -> bool {
        let n = self.national.as_bytes();
        if !matches!(n.first(), Some(&b) if b != b'0') {
            return false;
        }
        let found = (1..=MAX_COUNTRY_CODE_LENGTH.min(n.len())).find_map(|i| {
            let cc: u32 = self.national.get(..i)?.parse().ok()?;
            tables::by_code(cc).map(|_| (i, cc))
        });
        let Some((len, cc)) = found else { return false };
        self.national = self.national.get(len..).unwrap_or("").to_string();
        // The code's main territory (the non-geographic entity for +800 …)
        // formats for every region sharing the code.
        self.meta = tables::main_territory(cc);
        self.prefix.push_str(&cc.to_string());
        self.prefix.push(SEPARATOR);
        self.extracted_national_prefix.clear();
        true
    }

    /// `inputDigitHelper`: the digit put into the template's next placeholder.
    fn input_digit_helper(&mut self, c: char) -> String {
        let found = self
            .template
            .iter()
            .skip(self.last_match_position)
            .position(|&t| t == PLACEHOLDER)
            .is_some();
        // Google replaces the first placeholder of the whole template.
        if let (true, Some(at)) = (found, self.template.iter().position(|&t| t == PLACEHOLDER)) {
            if let Some(slot) = self.template.get_mut(at) {
                *slot = c;
            }
            self.last_match_position = at;
            return self.template.iter().take(at + 1).collect();
        }
        if self.possible.len() == 1 {
            // More digits than the only format can take.
            self.able_to_format = false;
        }
        self.current_pattern = None;
        self.accrued.clone()
    }
}

/// Characters a form's value may carry from earlier formatting, dropped by
/// [`AsYouType::reformat`]: libphonenumber's punctuation (not the letter
/// `x`) and white space.
fn is_punctuation(c: char) -> bool {
    (is_separator(c) && c != 'x') || c.is_whitespace() || c == PLACEHOLDER
}

/// The decimal digits of a text, as ASCII.
fn digits_of(s: &str) -> String {
    s.chars()
        .filter_map(tables::decimal_digit)
        .map(|d| char::from(b'0' + d))
        .collect()
}

/// `PhoneNumberUtil.formattingRuleHasFirstGroupOnly`: an empty rule, or
/// `$1` with optional brackets.
fn first_group_only(rule: Option<&str>) -> bool {
    match rule {
        None | Some("") => true,
        Some(r) => {
            let r = r.strip_prefix('(').unwrap_or(r);
            let r = r.strip_suffix(')').unwrap_or(r);
            r == "$1"
        }
    }
}

/// `NATIONAL_PREFIX_SEPARATORS_PATTERN` (`[- ]`) found in the format's
/// national prefix formatting rule.
fn separated_prefix(f: &NumberFormat) -> bool {
    f.national_prefix_rule().is_some_and(|r| r.contains(['-', ' ']))
}

/// `ELIGIBLE_FORMAT_PATTERN`: punctuation, `$1`, then `$n` groups with
/// punctuation, nothing else, so that no character outside libphonenumber's
/// punctuation gets into the output.
fn eligible(format: &str) -> bool {
    let mut chars = format.chars().peekable();
    let mut groups = 0;
    while let Some(c) = chars.next() {
        if c == '$' {
            match chars.next() {
                Some('1') if groups == 0 => groups += 1,
                Some(d) if groups > 0 && d.is_ascii_digit() => groups += 1,
                _ => return false,
            }
        } else if !is_separator(c) {
            return false;
        }
    }
    groups > 0
}
