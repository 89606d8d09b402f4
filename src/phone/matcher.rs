//! A backtracking matcher for the digit bytecode (16-bit instructions,
//! relative jumps, digit sets with a count) that `build.rs` compiles the metadata patterns into. It
//! gives Java's `Matcher` semantics as libphonenumber uses them:
//! leftmost-first alternation, greedy and lazy repetition, captures,
//! `matches()` (whole input) and `lookingAt()` (a
//! prefix). Every run is bounded by a step budget.

use super::tables::{PATTERN_GROUPS, PATTERN_START, PROGRAM};

const OP_SET: u32 = 0;
const OP_SPLIT: u32 = 1;
const OP_SPLIT_LAZY: u32 = 2;
const OP_JMP: u32 = 3;
const OP_SAVE: u32 = 4;
const OP_MATCH: u32 = 5;
const OP_END: u32 = 6;
const OP_START: u32 = 7;

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
    inline: [Frame; 64],
    len: usize,
    spill: Vec<Frame>,
}

impl Stack {
    fn new() -> Self {
        Stack {
            inline: [Frame::Try { pc: 0, pos: 0 }; 64],
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
    let (Some(&start), Some(&groups)) = (PATTERN_START.get(usize::from(id)), PATTERN_GROUPS.get(usize::from(id)))
    else {
        return Run::NotFound;
    };
    let mut slots = [None; MAX_SLOTS];
    let mut stack = Stack::new();
    let mut steps = 0u32;
    let mut pc = u32::from(start);
    let mut pos = 0usize;
    loop {
        steps += 1;
        if steps > STEP_BUDGET {
            return Run::OutOfBudget;
        }
        let ins = PROGRAM.get(pc as usize).map_or(OP_MATCH, |&i| u32::from(i));
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
