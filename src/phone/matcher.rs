//! A backtracking matcher for the metadata patterns. `build.rs` stores each
//! as a jump-free token stream ([`PATTERNS`], src/phone/compile.rs); the
//! first run of a pattern compiles it into a program (16-bit instructions,
//! relative jumps, digit sets with a count) that stays for later runs. It
//! gives Java's `Matcher` semantics as libphonenumber uses them:
//! leftmost-first alternation, greedy and lazy repetition, captures,
//! `matches()` (whole input) and `lookingAt()` (a
//! prefix). Every run is bounded by a step budget.

use std::sync::OnceLock;

use super::tables::{CLASSES, PATTERNS, PATTERN_COUNT};

#[allow(dead_code)]
mod compile {
    include!("compile.rs");
}
use compile::{OP_END, OP_JMP, OP_SAVE, OP_SET, OP_SPLIT, OP_SPLIT_LAZY, OP_START};

/// A compiled pattern: its program (empty when its tokens do not compile,
/// which `build.rs` rules out: it matches nothing then) and its groups.
struct Program {
    code: Box<[u16]>,
    groups: u8,
}

/// Where each pattern's tokens start in [`PATTERNS`], found once.
static STARTS: OnceLock<Box<[u32]>> = OnceLock::new();

/// Each pattern's program, compiled on its first run.
/// `OP_SET` with an empty digit mask, one digit long: an instruction that never
/// matches.
const NO_DIGIT: u32 = OP_SET;

static PROGRAMS: [OnceLock<Program>; PATTERN_COUNT] = [const { OnceLock::new() }; PATTERN_COUNT];

fn starts() -> &'static [u32] {
    STARTS.get_or_init(|| {
        let mut starts = Vec::with_capacity(PATTERN_COUNT);
        let mut at = 0usize;
        starts.push(0);
        while let Some(rest) = PATTERNS.get(at..).filter(|r| !r.is_empty()) {
            let Some(len) = compile::token_len(rest) else { break };
            if rest.first() == Some(&compile::T_END) {
                starts.push((at + 1) as u32);
            }
            at += len;
        }
        starts.into_boxed_slice()
    })
}

/// The program of pattern `id`, compiled on first use.
fn program(id: u16) -> Option<&'static Program> {
    let cell = PROGRAMS.get(usize::from(id))?;
    Some(cell.get_or_init(|| {
        let tokens = starts()
            .get(usize::from(id))
            .and_then(|&at| PATTERNS.get(at as usize..))
            .unwrap_or_default();
        match compile::compile(tokens, &CLASSES) {
            Some((code, groups)) => Program {
                code: code.into_boxed_slice(),
                groups: u8::try_from(groups).unwrap_or(u8::MAX),
            },
            None => Program {
                code: Box::default(),
                groups: 0,
            },
        }
    }))
}

/// Steps one run may take. Metadata patterns over at most a few dozen digits
/// need a few hundred; a test proves no metadata example comes near it.
pub(crate) const STEP_BUDGET: u32 = 200_000;

/// Capture slots (two per group); metadata patterns use at most a handful.
pub(crate) const MAX_SLOTS: usize = 20;

/// What a successful `looking_at` found.
#[derive(Clone, Debug, Default)]
pub(crate) struct Captures {
    pub end: usize,
    pub slots: [Option<usize>; MAX_SLOTS],
    pub groups: usize,
}

impl Captures {
    /// The text of group `i` (1-based), or `None` when it did not take part.
    pub(crate) fn group<'a>(&self, input: &'a [u8], i: usize) -> Option<&'a [u8]> {
        let s = (*self.slots.get(2 * i)?)?;
        let e = (*self.slots.get(2 * i + 1)?)?;
        input.get(s..e)
    }
}

#[derive(Clone, Copy)]
enum Frame {
    Try { pc: u32, pos: u32 },
    Restore { slot: u32, old: Option<u32> },
}

/// The backtracking stack: inline for the common case, spilling to the heap
/// only for unusually deep runs (allocation would dominate otherwise).
struct Stack {
    inline: [Frame; 32],
    len: usize,
    spill: Vec<Frame>,
}

impl Stack {
    fn new() -> Self {
        Stack {
            inline: [Frame::Try { pc: 0, pos: 0 }; 32],
            len: 0,
            spill: Vec::new(),
        }
    }

    fn push(&mut self, f: Frame) {
        if let Some(slot) = self.inline.get_mut(self.len) {
            *slot = f;
            self.len += 1;
        } else {
            self.spill.push(f);
        }
    }

    fn pop(&mut self) -> Option<Frame> {
        if let Some(f) = self.spill.pop() {
            return Some(f);
        }
        self.len = self.len.checked_sub(1)?;
        self.inline.get(self.len).copied()
    }
}

/// How a run ended.
#[derive(Debug, PartialEq, Eq)]
enum Run {
    Found,
    NotFound,
    OutOfBudget,
}

/// Runs pattern `id` on ASCII digits; `whole` asks for `matches()`.
fn run(id: u16, input: &[u8], whole: bool, caps: Option<&mut Captures>) -> Run {
    match program(id) {
        Some(p) => execute(p, input, whole, caps),
        None => Run::NotFound,
    }
}

/// Runs a compiled program on ASCII digits.
fn execute(p: &Program, input: &[u8], whole: bool, caps: Option<&mut Captures>) -> Run {
    let Program { code, groups } = p;
    if code.is_empty() {
        return Run::NotFound;
    }
    let groups = *groups;
    let mut slots = [None; MAX_SLOTS];
    let mut stack = Stack::new();
    let mut steps = 0u32;
    let mut pc = 0u32;
    let mut pos = 0usize;
    loop {
        steps += 1;
        if steps > STEP_BUDGET {
            return Run::OutOfBudget;
        }
        // Past the program (no compiled program gets there: each ends in
        // OP_MATCH) fails closed: a set of no digit, which matches nothing.
        let ins = code.get(pc as usize).map_or(NO_DIGIT, |&i| u32::from(i));
        let arg = ins >> 3;
        // Jump operands are relative to `pc`, 13 bits signed.
        let target = pc.wrapping_add((((arg << 19) as i32) >> 19) as u32);
        let ok = match ins & 7 {
            OP_SET => {
                // A run of `count` digits of one set (`\d{6}`), charged a step
                // per digit tried, as that many single sets would be.
                let count = (arg >> 10) as usize + 1;
                let rest = input.get(pos..).unwrap_or_default();
                let hits = rest
                    .iter()
                    .take(count)
                    .take_while(|&&b| b.is_ascii_digit() && arg & (1 << (b - b'0')) != 0)
                    .count();
                if hits == count {
                    steps += count as u32 - 1;
                    pos += count;
                    pc += 1;
                    true
                } else {
                    steps += hits as u32;
                    false
                }
            }
            OP_SPLIT => {
                stack.push(Frame::Try {
                    pc: target,
                    pos: pos as u32,
                });
                pc += 1;
                true
            }
            OP_SPLIT_LAZY => {
                stack.push(Frame::Try {
                    pc: pc + 1,
                    pos: pos as u32,
                });
                pc = target;
                true
            }
            OP_JMP => {
                pc = target;
                true
            }
            OP_SAVE => {
                let slot = arg as usize;
                if let Some(s) = slots.get_mut(slot) {
                    stack.push(Frame::Restore {
                        slot: slot as u32,
                        old: s.map(|v| v as u32),
                    });
                    *s = Some(pos);
                }
                pc += 1;
                true
            }
            OP_END => {
                pc += 1;
                pos == input.len()
            }
            OP_START => {
                pc += 1;
                pos == 0
            }
            _ => {
                if !whole || pos == input.len() {
                    if let Some(c) = caps {
                        c.end = pos;
                        c.slots = slots;
                        c.groups = usize::from(groups);
                    }
                    return Run::Found;
                }
                false
            }
        };
        if !ok {
            // Backtrack to the most recent untried alternative.
            loop {
                match stack.pop() {
                    None => return Run::NotFound,
                    Some(Frame::Restore { slot, old }) => {
                        if let Some(s) = slots.get_mut(slot as usize) {
                            *s = old.map(|v| v as usize);
                        }
                    }
                    Some(Frame::Try { pc: p, pos: q }) => {
                        pc = p;
                        pos = q as usize;
                        break;
                    }
                }
            }
        }
    }
}

/// Java's `Pattern.matcher(input).matches()`.
pub(crate) fn matches(id: u16, input: &[u8]) -> bool {
    run(id, input, true, None) == Run::Found
}

/// Java's `Pattern.matcher(input).lookingAt()`, with the groups.
pub(crate) fn looking_at(id: u16, input: &[u8]) -> Option<Captures> {
    let mut caps = Captures::default();
    (run(id, input, false, Some(&mut caps)) == Run::Found).then_some(caps)
}

/// Whether a run of pattern `id` on `input` would give up for lack of steps.
#[cfg(test)]
pub(crate) fn exhausts_budget(id: u16, input: &[u8]) -> bool {
    run(id, input, true, None) == Run::OutOfBudget || run(id, input, false, None) == Run::OutOfBudget
}

#[cfg(test)]
mod tests {
    use super::compile::*;
    use super::*;

    fn program_of(tokens: &[u8]) -> Program {
        let (code, groups) = compile(tokens, &CLASSES).expect("tokens that compile");
        Program {
            code: code.into_boxed_slice(),
            groups: groups as u8,
        }
    }

    /// A program that runs past its end (none the compiler writes does:
    /// each ends in `OP_MATCH`) matches nothing rather than everything.
    #[test]
    fn running_past_the_program_fails_closed() {
        let program = |code: &[u32]| Program {
            code: code.iter().map(|&i| i as u16).collect(),
            groups: 0,
        };
        let one = OP_SET | (0b10 << 3); // the digit 1
        assert_eq!(execute(&program(&[one, OP_MATCH]), b"1", false, None), Run::Found);
        assert_eq!(execute(&program(&[one]), b"1", false, None), Run::NotFound);
        assert_eq!(
            execute(&program(&[OP_JMP | (5 << 3)]), b"1", false, None),
            Run::NotFound
        );
        assert_eq!(execute(&program(&[OP_JMP | (5 << 3)]), b"1", true, None), Run::NotFound);
    }

    #[test]
    fn every_pattern_of_the_stream_is_found_and_compiles() {
        let starts = starts();
        assert_eq!(starts.len(), PATTERN_COUNT + 1);
        assert_eq!(starts.last().map(|&s| s as usize), Some(PATTERNS.len()));
        for id in 0..PATTERN_COUNT as u16 {
            let p = program(id).expect("a pattern id in range");
            assert!(!p.code.is_empty(), "pattern {id} does not compile");
        }
        assert!(program(PATTERN_COUNT as u16).is_none());
        assert!(!matches(PATTERN_COUNT as u16, b"1"));
    }

    #[test]
    fn hand_written_tokens_match_as_their_pattern() {
        // `(\d{2})(?:1|[2-3]5)?$`
        let class = CLASSES
            .iter()
            .position(|&c| c == 0b1100)
            .expect("[23] in the class table") as u8;
        let p = program_of(&[
            T_CAP,
            T_REP,
            2,
            T_ANY,
            T_CLOSE,
            T_OPT,
            T_OPEN,
            1,
            T_ALT,
            T_CLASS + class,
            5,
            T_CLOSE,
            T_DOLLAR,
            T_END,
        ]);
        assert_eq!(p.groups, 1);
        for (input, found) in [
            ("12", true),
            ("121", true),
            ("1235", true),
            ("1245", false),
            ("1", false),
            ("123", false),
        ] {
            assert_eq!(
                execute(&p, input.as_bytes(), true, None) == Run::Found,
                found,
                "{input}"
            );
        }
        let mut caps = Captures::default();
        assert_eq!(execute(&p, b"9935", false, Some(&mut caps)), Run::Found);
        assert_eq!((caps.end, caps.group(b"9935", 1)), (4, Some(&b"99"[..])));
        // `1{0}2{1,}` and an explicit mask `[13579]{2,3}`.
        let p = program_of(&[
            T_REP, 0, 1, T_RANGE, 1, UNBOUNDED, 2, T_RANGE, 2, 3, T_MASK, 0xAA, 0x02, T_END,
        ]);
        for (input, found) in [
            ("2222", false),
            ("2213", true),
            ("22135", true),
            ("13", false),
            ("22139", true),
        ] {
            assert_eq!(
                execute(&p, input.as_bytes(), true, None) == Run::Found,
                found,
                "{input}"
            );
        }
    }

    #[test]
    fn malformed_tokens_are_refused_without_a_panic() {
        let whole = PATTERNS.get(..PATTERNS.len().min(4000)).unwrap_or_default();
        // Every cut short of a pattern's end, every byte stream from the data shifted.
        for at in 0..whole.len() {
            let rest = whole.get(at..).unwrap_or_default();
            let _ = compile(rest, &CLASSES);
            let cut = rest.get(..rest.len().min(7)).unwrap_or_default();
            if !cut.contains(&T_END) {
                assert_eq!(compile(cut, &CLASSES), None);
            }
        }
        for bad in [
            &[T_CLOSE, T_END][..],
            &[T_OPEN, 1, T_END],
            &[T_MASK, 0, 0, T_END],
            &[T_MASK, 0xFF, 0xFF, T_END],
            &[T_RANGE, 3, 2, 1, T_END],
            &[T_REP],
            &[],
        ] {
            assert_eq!(compile(bad, &CLASSES), None, "{bad:?}");
        }
        // A class token beyond the table.
        assert_eq!(
            compile(&[T_CLASS + 3, T_END], CLASSES.get(..3).unwrap_or_default()),
            None
        );
        // Nesting deeper than the compiler follows.
        let deep: Vec<u8> = std::iter::repeat(T_OPEN).take(10_000).chain([T_END]).collect();
        assert_eq!(compile(&deep, &CLASSES), None);
    }
}
