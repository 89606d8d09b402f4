// The metadata patterns as `build.rs` stores them, a jump-free token stream,
// and the compiler of one pattern into the matcher's program. Shared: the
// matcher includes it as a module, `build.rs` includes it to check, at build
// time, that every pattern's tokens compile to exactly the program of its
// regular expression (`build.rs`, `check_tokens`).
//
// Tokens, one byte each, some with operand bytes:
// - `0`..=`9` the digit; [`T_ANY`] `\d`; [`T_CLASS`] and above a digit set of
//   the generated class table (the most frequent sets, by rank), [`T_MASK`]
//   `lo hi` any other set as its 10-bit mask;
// - [`T_OPEN`] `(?:`, [`T_CAP`] `(`, [`T_ALT`] `|`, [`T_CLOSE`] `)`,
//   [`T_DOLLAR`] `$`, [`T_CARET`] `^`;
// - quantifiers before their atom: [`T_OPT`] `?`, [`T_REP`] `m` for `{m}`,
//   [`T_RANGE`] `m n` for `{m,n}` (`n` = [`UNBOUNDED`] for `{m,}`);
// - [`T_END`] after each pattern.
//
// The program (what the matcher runs): 16-bit instructions `op | operand << 3`
// with a 13-bit operand, jumps relative to their own position (signed), a set
// its 10-bit digit mask and above it its count less one (a run of up to
// [`SET_RUN`] identical sets, `\d{6}`, is one instruction).

/// Opcodes; an instruction is `op | operand << 3`.
pub(crate) const OP_SET: u32 = 0; // operand: 10-bit digit mask (and run length)
pub(crate) const OP_SPLIT: u32 = 1; // try pc+1, then operand
pub(crate) const OP_SPLIT_LAZY: u32 = 2; // try operand, then pc+1
pub(crate) const OP_JMP: u32 = 3;
pub(crate) const OP_SAVE: u32 = 4; // operand: capture slot
pub(crate) const OP_MATCH: u32 = 5;
pub(crate) const OP_END: u32 = 6; // `$`
pub(crate) const OP_START: u32 = 7; // `^`

pub(crate) const T_ANY: u8 = 10;
pub(crate) const T_OPEN: u8 = 11;
pub(crate) const T_CAP: u8 = 12;
pub(crate) const T_ALT: u8 = 13;
pub(crate) const T_CLOSE: u8 = 14;
pub(crate) const T_DOLLAR: u8 = 15;
pub(crate) const T_CARET: u8 = 16;
pub(crate) const T_OPT: u8 = 17;
pub(crate) const T_REP: u8 = 18;
pub(crate) const T_RANGE: u8 = 19;
pub(crate) const T_MASK: u8 = 20;
pub(crate) const T_END: u8 = 21;
/// The first token of the class table: `T_CLASS + i` is set `i`.
pub(crate) const T_CLASS: u8 = 22;
/// `n` of [`T_RANGE`] for no upper bound.
pub(crate) const UNBOUNDED: u8 = 255;

/// The longest run of identical sets one instruction holds.
pub(crate) const SET_RUN: u32 = 8;

/// Deepest nesting of groups the compiler follows (the metadata's is under 10).
const MAX_DEPTH: u32 = 40;

/// How many bytes the token at the start of `t` takes (`None` past the end).
pub(crate) fn token_len(t: &[u8]) -> Option<usize> {
    Some(match *t.first()? {
        T_REP => 2,
        T_RANGE | T_MASK => 3,
        _ => 1,
    })
}

/// The unpacked program (a set per digit, absolute jump targets) of the
/// pattern at the start of `tokens`, and its number of capture groups.
struct Emit<'a> {
    t: &'a [u8],
    at: usize,
    classes: &'a [u16],
    prog: Vec<u32>,
    /// Capture groups opened so far (their index is their order).
    groups: u32,
    max_group: u32,
}

impl Emit<'_> {
    fn peek(&self) -> Option<u8> {
        self.t.get(self.at).copied()
    }

    fn byte(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn here(&self) -> u32 {
        self.prog.len() as u32
    }

    fn patch(&mut self, at: u32, target: u32) {
        if let Some(ins) = self.prog.get_mut(at as usize) {
            *ins = (*ins & 7) | (target << 3);
        }
    }

    /// The number of alternatives of the alternation starting here (one
    /// without a `|`), without consuming anything.
    fn alternatives(&self) -> Option<usize> {
        let mut depth = 0u32;
        let mut n = 1;
        let mut rest = self.t.get(self.at..)?;
        loop {
            match *rest.first()? {
                T_OPEN | T_CAP => depth += 1,
                T_CLOSE if depth == 0 => return Some(n),
                T_CLOSE => depth -= 1,
                T_ALT if depth == 0 => n += 1,
                T_END if depth == 0 => return Some(n),
                _ => {}
            }
            rest = rest.get(token_len(rest)?..)?;
        }
    }

    /// An alternation, up to its `)` or the pattern's end (not consumed).
    fn alternation(&mut self, depth: u32) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let n = self.alternatives()?;
        let mut jumps = Vec::new();
        for i in 0..n {
            if i > 0 {
                (self.byte()? == T_ALT).then_some(())?;
            }
            if i + 1 < n {
                let split = self.here();
                self.prog.push(OP_SPLIT);
                self.concat(depth)?;
                jumps.push(self.here());
                self.prog.push(OP_JMP);
                let next = self.here();
                self.patch(split, next);
            } else {
                self.concat(depth)?;
            }
        }
        let end = self.here();
        for j in jumps {
            self.patch(j, end);
        }
        Some(())
    }

    fn concat(&mut self, depth: u32) -> Option<()> {
        while !matches!(self.peek()?, T_ALT | T_CLOSE | T_END) {
            self.repeat(depth)?;
        }
        Some(())
    }

    /// A quantified atom (or a plain one): `x{m,n}` as `m` copies and then
    /// nested optionals, every exit leaving the whole repetition.
    fn repeat(&mut self, depth: u32) -> Option<()> {
        let (min, max) = match self.peek()? {
            T_OPT => {
                self.at += 1;
                (0, Some(1))
            }
            T_REP => {
                self.at += 1;
                let m = self.byte()?;
                (m, Some(m))
            }
            T_RANGE => {
                self.at += 1;
                let m = self.byte()?;
                let n = self.byte()?;
                (m, (n != UNBOUNDED).then_some(n))
            }
            _ => return self.atom(depth),
        };
        if max.is_some_and(|n| n < min) {
            return None;
        }
        // Each copy is compiled from the same tokens, with the same group numbers.
        let (start, groups) = (self.at, self.groups);
        let copy = |e: &mut Self| {
            e.at = start;
            e.groups = groups;
            e.atom(depth)
        };
        for _ in 0..min {
            copy(self)?;
        }
        match max {
            None => {
                let top = self.here();
                self.prog.push(OP_SPLIT);
                copy(self)?;
                self.prog.push(OP_JMP | (top << 3));
                let exit = self.here();
                self.patch(top, exit);
            }
            Some(max) => {
                let mut splits = Vec::new();
                for _ in min..max {
                    splits.push(self.here());
                    self.prog.push(OP_SPLIT);
                    copy(self)?;
                }
                if max == 0 {
                    // `x{0}`: nothing to match, but the atom is passed over.
                    let len = self.prog.len();
                    copy(self)?;
                    self.prog.truncate(len);
                }
                let exit = self.here();
                for s in splits {
                    self.patch(s, exit);
                }
            }
        }
        Some(())
    }

    fn atom(&mut self, depth: u32) -> Option<()> {
        let set = |mask: u32| OP_SET | (mask << 3);
        match self.byte()? {
            d @ 0..=9 => self.prog.push(set(1 << d)),
            T_ANY => self.prog.push(set(0x3FF)),
            T_MASK => {
                let lo = u32::from(self.byte()?);
                let hi = u32::from(self.byte()?);
                let mask = lo | hi << 8;
                (mask != 0 && mask < 1 << 10).then_some(())?;
                self.prog.push(set(mask));
            }
            T_OPEN => {
                self.alternation(depth + 1)?;
                (self.byte()? == T_CLOSE).then_some(())?;
            }
            T_CAP => {
                self.groups += 1;
                let slot = self.groups * 2;
                self.max_group = self.max_group.max(self.groups);
                self.prog.push(OP_SAVE | (slot << 3));
                self.alternation(depth + 1)?;
                (self.byte()? == T_CLOSE).then_some(())?;
                self.prog.push(OP_SAVE | ((slot + 1) << 3));
            }
            T_DOLLAR => self.prog.push(OP_END),
            T_CARET => self.prog.push(OP_START),
            c if c >= T_CLASS => {
                let mask = u32::from(*self.classes.get(usize::from(c - T_CLASS))?);
                self.prog.push(set(mask));
            }
            _ => return None,
        }
        Some(())
    }
}

/// The unpacked program of the pattern at the start of `tokens` (its
/// [`T_END`] included), and its number of capture groups; `None` when the
/// tokens are not a pattern.
pub(crate) fn unpacked(tokens: &[u8], classes: &[u16]) -> Option<(Vec<u32>, u32)> {
    let mut e = Emit {
        t: tokens,
        at: 0,
        classes,
        prog: Vec::new(),
        groups: 0,
        max_group: 0,
    };
    e.alternation(0)?;
    (e.byte()? == T_END).then_some(())?;
    e.prog.push(OP_MATCH);
    Some((e.prog, e.max_group))
}

/// Runs of up to [`SET_RUN`] identical `OP_SET`s (`\d{6}`, `55`) become one
/// instruction with a count, unless a jump lands inside the run; jump
/// targets move with them. The matcher charges a run as many steps as its
/// digits, so budgets are unchanged.
pub(crate) fn pack_sets(prog: &[u32]) -> Option<Vec<u32>> {
    let mut entry = vec![false; prog.len() + 1];
    for &ins in prog {
        if matches!(ins & 7, OP_SPLIT | OP_SPLIT_LAZY | OP_JMP) {
            *entry.get_mut((ins >> 3) as usize)? = true;
        }
    }
    let mut packed = Vec::with_capacity(prog.len());
    let mut moved = vec![0u32; prog.len() + 1];
    let mut pc = 0;
    while let Some(&ins) = prog.get(pc) {
        let mut run = 1;
        if ins & 7 == OP_SET {
            while run < SET_RUN as usize && prog.get(pc + run) == Some(&ins) && entry.get(pc + run) == Some(&false) {
                run += 1;
            }
        }
        for m in moved.get_mut(pc..pc + run)? {
            *m = packed.len() as u32;
        }
        packed.push(if ins & 7 == OP_SET {
            ins | ((run as u32 - 1) << 13)
        } else {
            ins
        });
        pc += run;
    }
    *moved.get_mut(prog.len())? = packed.len() as u32;
    for ins in &mut packed {
        if matches!(*ins & 7, OP_SPLIT | OP_SPLIT_LAZY | OP_JMP) {
            *ins = (*ins & 7) | (*moved.get((*ins >> 3) as usize)? << 3);
        }
    }
    Some(packed)
}

/// The packed program in 16-bit instructions: jumps relative to their own
/// position (`None` for one beyond 13 bits signed, or an operand that does
/// not fit).
pub(crate) fn encode16(prog: &[u32]) -> Option<Vec<u16>> {
    prog.iter()
        .enumerate()
        .map(|(pc, &ins)| {
            let (op, arg) = (ins & 7, ins >> 3);
            let operand = if matches!(op, OP_SPLIT | OP_SPLIT_LAZY | OP_JMP) {
                let rel = i64::from(arg) - pc as i64;
                (-4096..4096).contains(&rel).then_some((rel as u32) & 0x1FFF)?
            } else {
                (arg < 0x2000).then_some(arg)?
            };
            u16::try_from(op | operand << 3).ok()
        })
        .collect()
}

/// The program the matcher runs for the pattern at the start of `tokens`,
/// and its number of capture groups.
pub(crate) fn compile(tokens: &[u8], classes: &[u16]) -> Option<(Vec<u16>, u32)> {
    let (prog, groups) = unpacked(tokens, classes)?;
    Some((encode16(&pack_sets(&prog)?)?, groups))
}
