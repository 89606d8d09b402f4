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
/// which `build.rs` rules out: it matches nothing then), its groups, and what
/// every match of it has in common, found once from the program (see
/// [`Bounds`]), so that most runs that cannot succeed never start.
struct Program {
    code: Box<[u16]>,
    groups: u8,
    bounds: Bounds,
    /// Per instruction, whether a path from there fails on a next digit
    /// (see [`fail_table`]).
    fail: Box<[u32]>,
}

impl Program {
    fn new(code: Box<[u16]>, groups: u8) -> Program {
        let bounds = Bounds::of(&code);
        let fail = fail_table(&code);
        Program {
            code,
            groups,
            bounds,
            fail,
        }
    }
}

/// In a [`fail_table`] entry: the path can be passed over (bits 0-9 are
/// then the digits it may start with, bits 16 and up what failing costs).
const PASSABLE: u32 = 1 << 15;

/// For each instruction, whether every path from it reaches a digit set
/// before anything else can happen (no `^`, `$`, match or loop on the way):
/// such a path fails at once on a next digit none of those sets holds (or at
/// the end of the input), after exactly as many steps as the instructions it
/// passes through, counted once per path (a split's two paths, each fully).
/// The machine charges those steps instead of taking them, so every run
/// takes the steps it took before and the budget ends the same runs.
fn fail_table(code: &[u16]) -> Box<[u32]> {
    let n = code.len();
    let mut table = vec![0u32; n];
    for pc in (0..n as u32).rev() {
        // A path at `to`: (digits, steps to fail); past the program is a set
        // of no digit (one step); a jump back is a loop (not passable).
        let at = |table: &[u32], to: u32| -> Option<(u32, u32)> {
            if to as usize >= n {
                return Some((0, 1));
            }
            if to <= pc {
                return None;
            }
            let v = *table.get(to as usize)?;
            (v & PASSABLE != 0).then_some((v & 0x3FF, v >> 16))
        };
        let (op, arg, target) = decode(code, pc);
        let entry = match op {
            OP_SET => Some((set_of(arg).0, 1)),
            OP_SPLIT | OP_SPLIT_LAZY => {
                at(&table, pc + 1).and_then(|(a, x)| at(&table, target).map(|(b, y)| (a | b, 1 + x + y)))
            }
            OP_JMP => at(&table, target).map(|(m, c)| (m, c + 1)),
            OP_SAVE => at(&table, pc + 1).map(|(m, c)| (m, c + 1)),
            _ => None,
        };
        if let (Some(slot), Some((mask, cost))) = (table.get_mut(pc as usize), entry) {
            if cost < 0xFFFF {
                *slot = PASSABLE | mask | cost << 16;
            }
        }
    }
    table.into_boxed_slice()
}

/// The steps a path from `pc` takes to fail when the next input byte is
/// `d` (a digit's value, 10 or more for none), if it surely fails.
#[inline(always)]
fn fails(fail: &[u32], pc: u32, d: u8) -> Option<u32> {
    let v = fail.get(pc as usize).copied().unwrap_or(PASSABLE | 1 << 16);
    (v & PASSABLE != 0 && (d >= 10 || v & (1 << d) == 0)).then_some(v >> 16)
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
            Some((code, groups)) => Program::new(code.into_boxed_slice(), u8::try_from(groups).unwrap_or(u8::MAX)),
            None => Program::new(Box::default(), 0),
        }
    }))
}

/// Steps one run may take. Metadata patterns over at most a few dozen digits
/// need a few hundred; a test proves no metadata example comes near it.
pub(crate) const STEP_BUDGET: u32 = 200_000;

/// Capture slots (two per group); metadata patterns use at most a handful.
pub(crate) const MAX_SLOTS: usize = 20;

/// A capture slot that is not set.
const UNSET: u32 = u32::MAX;

/// What a successful `looking_at` found.
#[derive(Clone, Debug)]
pub(crate) struct Captures {
    pub end: usize,
    /// Start and end of each group ([`UNSET`] where it took no part).
    slots: [u32; MAX_SLOTS],
    pub groups: usize,
}

impl Default for Captures {
    fn default() -> Self {
        Captures {
            end: 0,
            slots: [UNSET; MAX_SLOTS],
            groups: 0,
        }
    }
}

impl Captures {
    /// The text of group `i` (1-based), or `None` when it did not take part.
    pub(crate) fn group<'a>(&self, input: &'a [u8], i: usize) -> Option<&'a [u8]> {
        let s = *self.slots.get(2 * i)?;
        let e = *self.slots.get(2 * i + 1)?;
        if s == UNSET || e == UNSET {
            return None;
        }
        input.get(s as usize..e as usize)
    }
}

/// One instruction: its opcode, its operand and, for a jump, its target
/// (operands are relative to `pc`, 13 bits signed). Past the program (no
/// compiled program gets there: each ends in `OP_MATCH`) is a set of no
/// digit, which matches nothing: the program fails closed.
#[inline(always)]
fn decode(code: &[u16], pc: u32) -> (u32, u32, u32) {
    let ins = code.get(pc as usize).map_or(NO_DIGIT, |&i| u32::from(i));
    let arg = ins >> 3;
    let target = pc.wrapping_add((((arg << 19) as i32) >> 19) as u32);
    // A jump out of the program lands just past it (where it fails).
    let target = if (target as usize) < code.len() {
        target
    } else {
        code.len() as u32
    };
    (ins & 7, arg, target)
}

/// The digits of a set instruction's operand and how many it matches in a row.
#[inline(always)]
fn set_of(arg: u32) -> (u32, usize) {
    (arg & 0x3FF, (arg >> 10) as usize + 1)
}

/// What every match of a program has in common, read from the program once:
/// bounds on its length and the digits it can start with. Each follows every
/// path of the program as if `^` and `$` always held (more paths than any
/// run takes), so an input outside them has no match at all and the run is
/// not started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Bounds {
    /// The fewest digits a match takes (`u32::MAX`: no match at all).
    min: u32,
    /// The most digits a whole-input match takes (`u32::MAX`: no bound).
    max: u32,
    /// Bit `d` when a match can start with the digit `d` (read only when
    /// `min > 0`).
    first: u16,
}

impl Bounds {
    /// The edges out of `pc`: `(next pc, digits taken)`, and whether `pc` is
    /// `OP_MATCH`.
    fn edges(code: &[u16], pc: u32) -> ([Option<(u32, u32)>; 2], bool) {
        let (op, arg, target) = decode(code, pc);
        match op {
            OP_SET => {
                let (mask, count) = set_of(arg);
                ([(mask != 0).then_some((pc + 1, count as u32)), None], false)
            }
            OP_SPLIT | OP_SPLIT_LAZY => ([Some((pc + 1, 0)), Some((target, 0))], false),
            OP_JMP => ([Some((target, 0)), None], false),
            OP_SAVE | OP_END | OP_START => ([Some((pc + 1, 0)), None], false),
            _ => ([None, None], true),
        }
    }

    fn of(code: &[u16]) -> Bounds {
        let n = code.len();
        let none = Bounds {
            min: u32::MAX,
            max: 0,
            first: 0,
        };
        if n == 0 {
            return none;
        }
        let inside = |pc: u32| (pc as usize) < n;
        // Fewest digits to each instruction: relaxed in program order until
        // nothing changes (a backward jump needs one more pass; at most `n`).
        let mut least = vec![u32::MAX; n];
        if let Some(d) = least.first_mut() {
            *d = 0;
        }
        let mut min = u32::MAX;
        for _ in 0..=n {
            let mut changed = false;
            for pc in 0..n as u32 {
                let Some(&here) = least.get(pc as usize) else { break };
                if here == u32::MAX {
                    continue;
                }
                let (edges, is_match) = Self::edges(code, pc);
                if is_match {
                    min = min.min(here);
                }
                for (to, w) in edges.into_iter().flatten().filter(|&(to, _)| inside(to)) {
                    if let Some(d) = least.get_mut(to as usize) {
                        let via = here.saturating_add(w);
                        if via < *d {
                            *d = via;
                            changed = true;
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        if min == u32::MAX {
            return none;
        }
        // Most digits: without a backward jump every path runs forward, so
        // one pass in program order finds the longest; with one (a loop),
        // no bound.
        let mut most = vec![None::<u32>; n];
        if let Some(d) = most.first_mut() {
            *d = Some(0);
        }
        let mut max = 0u32;
        for pc in 0..n as u32 {
            let Some(&Some(here)) = most.get(pc as usize) else {
                continue;
            };
            let (edges, is_match) = Self::edges(code, pc);
            if is_match {
                max = max.max(here);
            }
            for (to, w) in edges.into_iter().flatten().filter(|&(to, _)| inside(to)) {
                if to <= pc {
                    max = u32::MAX;
                    break;
                }
                if let Some(d) = most.get_mut(to as usize) {
                    let via = here.saturating_add(w);
                    *d = Some(d.map_or(via, |old| old.max(via)));
                }
            }
            if max == u32::MAX {
                break;
            }
        }
        // The first digit: the sets reached without taking a digit.
        let mut first = 0u16;
        let mut seen = vec![false; n];
        let mut todo = vec![0u32];
        while let Some(pc) = todo.pop() {
            match seen.get_mut(pc as usize) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            let (op, arg, _) = decode(code, pc);
            if op == OP_SET {
                first |= set_of(arg).0 as u16;
                continue;
            }
            let (edges, _) = Self::edges(code, pc);
            todo.extend(edges.into_iter().flatten().map(|(to, _)| to).filter(|&to| inside(to)));
        }
        Bounds { min, max, first }
    }

    /// Whether a run on `input` can succeed (`whole`: `matches()`).
    #[inline(always)]
    fn admit(&self, input: &[u8], whole: bool) -> bool {
        let len = input.len();
        if (len as u64) < u64::from(self.min) || (whole && len as u64 > u64::from(self.max)) {
            return false;
        }
        self.min == 0
            || input
                .first()
                .is_some_and(|&b| b.wrapping_sub(b'0') < 10 && self.first & (1 << (b - b'0')) != 0)
    }
}

/// A backtracking point: an alternative to try (`pc`, at `pos`), or, with
/// [`RESTORE`] set in `pc`, a capture slot to put back to `pos` (its value
/// before a save). Eight bytes.
#[derive(Clone, Copy)]
struct Frame {
    pc: u32,
    pos: u32,
}

const RESTORE: u32 = 1 << 31;
/// In a frame's `pc`: an alternative that fails at once, and its steps.
const CHARGE: u32 = 1 << 30;

/// Frames kept inline; deeper runs spill to the heap.
const INLINE_FRAMES: usize = 32;

/// The backtracking stack: inline for the common case, spilling to the heap
/// only for unusually deep runs (allocation would dominate otherwise).
struct Stack {
    inline: [Frame; INLINE_FRAMES],
    len: usize,
    spill: Vec<Frame>,
}

impl Stack {
    #[inline(always)]
    fn new() -> Self {
        Stack {
            inline: [Frame { pc: 0, pos: 0 }; INLINE_FRAMES],
            len: 0,
            spill: Vec::new(),
        }
    }

    #[inline(always)]
    fn push(&mut self, f: Frame) {
        if let Some(slot) = self.inline.get_mut(self.len) {
            *slot = f;
            self.len += 1;
        } else {
            self.spill.push(f);
        }
    }

    #[inline(always)]
    fn pop(&mut self) -> Option<Frame> {
        if let Some(f) = self.spill.pop() {
            return Some(f);
        }
        self.len = self.len.checked_sub(1)?;
        self.inline.get(self.len).copied()
    }
}

/// How a run ended.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
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

/// Runs a compiled program on ASCII digits, unless its [`Bounds`] rule the
/// input out.
fn execute(p: &Program, input: &[u8], whole: bool, caps: Option<&mut Captures>) -> Run {
    if !p.bounds.admit(input, whole) {
        return Run::NotFound;
    }
    execute_all(p, input, whole, caps)
}

/// [`execute`] without the bounds: every run started.
fn execute_all(p: &Program, input: &[u8], whole: bool, caps: Option<&mut Captures>) -> Run {
    if p.code.is_empty() || u32::try_from(input.len()).map_or(true, |n| n >= CHARGE) {
        return Run::NotFound;
    }
    match caps {
        Some(c) => machine::<true, true>(p, input, whole, Some(c)).0,
        None => machine::<false, true>(p, input, whole, None).0,
    }
}

/// The backtracking machine, and the steps it took; `CAPS` keeps the capture
/// slots (a run without captures passes over saves, charged their step all
/// the same), `PRUNE` passes over the alternatives that fail on the next
/// digit ([`fail_table`]), charged their steps; either way every run takes
/// the steps it took without them, so the budget ends the same runs.
#[inline(always)]
fn machine<const CAPS: bool, const PRUNE: bool>(
    p: &Program,
    input: &[u8],
    whole: bool,
    caps: Option<&mut Captures>,
) -> (Run, u32) {
    let fail: &[u32] = &p.fail;
    let code: &[u16] = &p.code;
    let mut slots = [UNSET; MAX_SLOTS];
    let mut stack = Stack::new();
    let mut steps = 0u32;
    let mut pc = 0u32;
    let mut pos = 0usize;
    let digit_at = |pos: usize| input.get(pos).map_or(10, |&b| b.wrapping_sub(b'0'));
    loop {
        steps += 1;
        if steps > STEP_BUDGET {
            return (Run::OutOfBudget, steps);
        }
        let (op, arg, target) = decode(code, pc);
        let ok = match op {
            OP_SET => {
                // A run of `count` digits of one set (`\d{6}`), charged a step
                // per digit tried, as that many single sets would be.
                let (mask, count) = set_of(arg);
                let rest = input.get(pos..).unwrap_or_default();
                let hits = rest
                    .iter()
                    .take(count)
                    .take_while(|&&b| b.wrapping_sub(b'0') < 10 && mask & (1 << (b - b'0')) != 0)
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
            OP_SPLIT | OP_SPLIT_LAZY => {
                let (first, second) = if op == OP_SPLIT {
                    (pc + 1, target)
                } else {
                    (target, pc + 1)
                };
                let d = if PRUNE { digit_at(pos) } else { 0 };
                match (PRUNE, fails(fail, first, d)) {
                    // The first path fails at once: its steps, then the second.
                    (true, Some(cost)) => {
                        steps += cost;
                        if steps > STEP_BUDGET {
                            return (Run::OutOfBudget, steps);
                        }
                        pc = second;
                    }
                    _ => {
                        let later = match (PRUNE, fails(fail, second, d)) {
                            // The second fails at once whenever it is tried: what it costs then.
                            (true, Some(cost)) => Frame {
                                pc: CHARGE | cost,
                                pos: 0,
                            },
                            _ => Frame {
                                pc: second,
                                pos: pos as u32,
                            },
                        };
                        stack.push(later);
                        pc = first;
                    }
                }
                true
            }
            OP_JMP => {
                pc = target;
                true
            }
            OP_SAVE => {
                if CAPS {
                    let slot = arg as usize;
                    if let Some(s) = slots.get_mut(slot) {
                        stack.push(Frame {
                            pc: RESTORE | slot as u32,
                            pos: *s,
                        });
                        *s = pos as u32;
                    }
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
                        c.groups = usize::from(p.groups);
                    }
                    return (Run::Found, steps);
                }
                false
            }
        };
        if !ok {
            // Backtrack to the most recent untried alternative.
            loop {
                let Some(f) = stack.pop() else {
                    return (Run::NotFound, steps);
                };
                if PRUNE && f.pc & CHARGE != 0 {
                    steps += f.pc & !CHARGE;
                    if steps > STEP_BUDGET {
                        return (Run::OutOfBudget, steps);
                    }
                    continue;
                }
                if CAPS && f.pc & RESTORE != 0 {
                    if let Some(s) = slots.get_mut((f.pc & !RESTORE) as usize) {
                        *s = f.pos;
                    }
                    continue;
                }
                pc = f.pc;
                pos = f.pos as usize;
                break;
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
    let p = program(id)?;
    if !p.bounds.admit(input, false) {
        return None;
    }
    let mut caps = Captures::default();
    (execute_all(p, input, false, Some(&mut caps)) == Run::Found).then_some(caps)
}

/// The most digits a whole-input match of pattern `id` takes; `None` when
/// there is no bound (a loop) or no such pattern.
#[cfg(test)]
pub(crate) fn longest(id: u16) -> Option<usize> {
    let max = program(id)?.bounds.max;
    (max != u32::MAX).then_some(max as usize)
}

/// Whether a run of pattern `id` on `input` would give up for lack of steps.
#[cfg(test)]
pub(crate) fn exhausts_budget(id: u16, input: &[u8]) -> bool {
    // Every run started, bounds or not: the budget is the program's.
    program(id).is_some_and(|p| {
        [true, false].into_iter().any(|whole| {
            execute_all(p, input, whole, None) == Run::OutOfBudget
                || execute_all(p, input, whole, Some(&mut Captures::default())) == Run::OutOfBudget
        })
    })
}

#[cfg(test)]
mod tests {
    use super::compile::*;
    use super::*;

    fn program_of(tokens: &[u8]) -> Program {
        let (code, groups) = compile(tokens, &CLASSES).expect("tokens that compile");
        Program::new(code.into_boxed_slice(), groups as u8)
    }

    /// A program that runs past its end (none the compiler writes does:
    /// each ends in `OP_MATCH`) matches nothing rather than everything.
    #[test]
    fn running_past_the_program_fails_closed() {
        let program = |code: &[u32]| Program::new(code.iter().map(|&i| i as u16).collect(), 0);
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

    /// The bounds read from a program never rule out an input the program
    /// matches: every pattern of the metadata on digit strings of every
    /// length up to 20 (drawn, seeded, so that every first digit and many
    /// prefixes occur), whole and as a prefix.
    #[test]
    fn bounds_never_rule_out_a_match() {
        let mut seed = 0x2545_F491_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=20 {
            for _ in 0..30 {
                inputs.push((0..len).map(|_| b'0' + (next() % 10) as u8).collect());
            }
        }
        let (mut ruled_out, mut matched) = (0usize, 0usize);
        for id in 0..PATTERN_COUNT as u16 {
            let p = program(id).expect("a pattern id in range");
            for input in &inputs {
                for whole in [true, false] {
                    let all = execute_all(p, input, whole, None) == Run::Found;
                    let filtered = execute(p, input, whole, None) == Run::Found;
                    assert_eq!(filtered, all, "pattern {id} on {input:?} (whole {whole})");
                    matched += usize::from(all);
                    ruled_out += usize::from(!p.bounds.admit(input, whole));
                }
            }
        }
        // Both sides are exercised: matches found, and runs not started.
        assert!(
            matched > 1000 && ruled_out > matched,
            "{matched} matched, {ruled_out} ruled out"
        );
    }

    /// Passing over the alternatives that fail on the next digit changes
    /// nothing: every pattern of the metadata, on the same inputs, gives the
    /// same outcome, the same captures and the same number of steps with
    /// and without it (so the budget ends the same runs).
    #[test]
    fn passing_over_failing_alternatives_changes_no_run() {
        let mut seed = 0x9E37_79B9_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=18 {
            for _ in 0..12 {
                inputs.push((0..len).map(|_| b'0' + (next() % 10) as u8).collect());
            }
        }
        let (mut found, mut passed) = (0usize, 0usize);
        for id in 0..PATTERN_COUNT as u16 {
            let p = program(id).expect("a pattern id in range");
            passed += p.fail.iter().filter(|&&v| v & PASSABLE != 0).count();
            for input in &inputs {
                for whole in [true, false] {
                    let (mut a, mut b) = (Captures::default(), Captures::default());
                    let pruned = machine::<true, true>(p, input, whole, Some(&mut a));
                    let plain = machine::<true, false>(p, input, whole, Some(&mut b));
                    assert_eq!(pruned, plain, "pattern {id} on {input:?} (whole {whole})");
                    assert_eq!((a.end, a.slots), (b.end, b.slots), "pattern {id} on {input:?}");
                    let pruned = machine::<false, true>(p, input, whole, None);
                    assert_eq!(pruned, machine::<false, false>(p, input, whole, None), "pattern {id}");
                    found += usize::from(pruned.0 == Run::Found);
                }
            }
        }
        assert!(
            found > 1000 && passed > 1000,
            "{found} found, {passed} passable instructions"
        );
    }

    /// `(\d{2})(?:1|[2-3]5)?$` written as tokens.
    fn two_digits_then_1_or_25_or_35() -> Program {
        let class = CLASSES
            .iter()
            .position(|&c| c == 0b1100)
            .expect("[23] in the class table") as u8;
        program_of(&[
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
        ])
    }

    #[test]
    fn bounds_of_hand_written_patterns() {
        // `(\d{2})(?:1|[2-3]5)?$`: two to four digits, any first digit.
        let p = two_digits_then_1_or_25_or_35();
        assert_eq!(
            p.bounds,
            Bounds {
                min: 2,
                max: 4,
                first: 0x3FF
            }
        );
        // `(?:1|35)2{1,}`: no upper bound, starts with 1 or 3.
        let p = program_of(&[T_OPEN, 1, T_ALT, 3, 5, T_CLOSE, T_RANGE, 1, UNBOUNDED, 2, T_END]);
        assert_eq!(
            p.bounds,
            Bounds {
                min: 2,
                max: u32::MAX,
                first: 0b1010
            }
        );
        assert!(!p.bounds.admit(b"2", false) && !p.bounds.admit(b"22", true) && p.bounds.admit(b"12", true));
        // A program that cannot reach its match admits nothing.
        let p = Program::new(vec![(OP_SET | (0b10 << 3)) as u16].into_boxed_slice(), 0);
        assert!(!p.bounds.admit(b"1", false) && !p.bounds.admit(b"", false));
    }

    #[test]
    fn hand_written_tokens_match_as_their_pattern() {
        // `(\d{2})(?:1|[2-3]5)?$`
        let p = two_digits_then_1_or_25_or_35();
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
