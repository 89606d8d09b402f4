//! `validate` and `check` over files, directories, NDJSON, standard input and
//! staged content, in every output format, with a summary and ARCHITECTURE.md's
//! exit codes.
//!
//! Every read is bounded by `max_document_bytes` (per line for NDJSON); NDJSON
//! is streamed in batches judged on every core (rayon) and written in input
//! order; every file met is judged, named as broken or skipped, or excluded
//! and counted; the text format escapes control characters from the input.

use std::fmt;
use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::{json, Value};
use telschema::json::JsonError;
use telschema::{check, kind_for, validate, Completeness, Issue, Kind, Limits, Options, Outcome, Report};

use crate::lines::{Lines, BOM};
use crate::{locate, note, werr, Format};

pub struct Settings {
    pub kind: String,
    pub format: Format,
    pub warnings_as_errors: bool,
    pub ndjson_stdin: bool,
    pub paths: Vec<String>,
    /// The name standard input is reported as (`git show :a.json | … --stdin-name a.json -`).
    pub stdin_name: Option<String>,
    /// Files matching one of these globs are not read (counted as excluded).
    pub exclude: Vec<String>,
    /// A document that fits no kind (kind `auto`) is listed as skipped, not an error.
    pub skip_unknown: bool,
    /// Read the files' staged content (`git show :path`); without paths, every staged document.
    pub staged: bool,
}

/// NDJSON lines judged per parallel batch (fewer when the lines are long).
const BATCH_LINES: usize = 4096;
const BATCH_BYTES: usize = 4 << 20;
/// How many lines of a batch are judged together (their results held until written).
const JUDGE_LINES: usize = 64;

/// Something that stopped a file or document from being judged.
struct Broken {
    file: String,
    /// Line and column, when the problem has a place.
    at: Option<(usize, usize)>,
    /// The NDJSON line, when the problem is the whole line.
    line: Option<usize>,
    /// `unreadable` (a file met that cannot be read), `limit_exceeded`,
    /// `invalid_utf8`, `invalid_json`, `duplicate_key`, `unknown_kind`,
    /// `ambiguous_kind`.
    code: &'static str,
    message: String,
}

impl Broken {
    /// `file`, `file:line` or `file:line:column`.
    fn label(&self) -> String {
        match (self.at, self.line) {
            (Some((l, c)), _) => format!("{}:{l}:{c}", self.file),
            (None, Some(l)) => format!("{}:{l}", self.file),
            (None, None) => self.file.clone(),
        }
    }

    /// The message without what the entry says apart: the code after it,
    /// and the parser's own place (relative to an NDJSON line's text).
    fn plain_message(&self) -> &str {
        let m = self.message.as_str();
        let m = m.strip_suffix(&format!(" ({})", self.code)).unwrap_or(m);
        let place = m.rfind(" at line ").filter(|&i| {
            m.get(i + 9..)
                .and_then(|t| t.split_once(" column "))
                .is_some_and(|(l, c)| {
                    !l.is_empty() && !c.is_empty() && l.bytes().chain(c.bytes()).all(|b| b.is_ascii_digit())
                })
        });
        match place {
            Some(i) if matches!(self.code, "invalid_json" | "duplicate_key" | "limit_exceeded") => {
                m.get(..i).unwrap_or(m)
            }
            _ => m,
        }
    }

    /// The entry the machine formats (`json`, `ndjson`, `kazoo`) give a
    /// document that could not be judged (`key` "error") or was skipped
    /// (`key` "skipped"), so every document met has one.
    fn entry(&self, key: &str) -> Value {
        let mut error = serde_json::Map::new();
        error.insert("code".into(), Value::String(self.code.into()));
        error.insert("message".into(), Value::String(self.plain_message().to_string()));
        if let Some((l, c)) = self.at {
            error.insert("line".into(), json!(l));
            error.insert("column".into(), json!(c));
        }
        let mut m = serde_json::Map::new();
        m.insert("file".into(), Value::String(self.file.clone()));
        if let Some(l) = self.line {
            m.insert("line".into(), json!(l));
        }
        m.insert(key.into(), Value::Object(error));
        Value::Object(m)
    }
}

impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.label(), self.message)
    }
}

/// A file met that cannot be read (`unreadable`).
fn broken(file: &str, message: impl Into<String>) -> Broken {
    Broken {
        file: file.to_string(),
        at: None,
        line: None,
        code: "unreadable",
        message: message.into(),
    }
}

/// One document: where it is, its text (for positions) and its value.
struct Unit<'a> {
    /// `file`, or `file:line` for NDJSON.
    label: String,
    file: &'a str,
    /// Lines before the document's text in the file (NDJSON).
    line0: usize,
    text: &'a str,
    doc: Value,
}

#[derive(Default)]
struct Tally {
    files: usize,
    documents: usize,
    valid: usize,
    invalid: usize,
    warnings: usize,
    broken: usize,
    skipped: usize,
    excluded: usize,
}

/// `*` any run of characters but `/`, `**` any run, `?` one character but `/`.
/// A pattern without `/` is matched against the file name, else the whole path.
///
/// `**/` stands for no directory or for whole directories: after it the rest
/// matches only at the start or right after a `/` (`**/package.json` does
/// not match `mypackage.json`). Matching is memoised, so its time is bounded
/// by the pattern's length times the path's, squared at most.
pub fn glob_match(pattern: &str, path: &str) -> bool {
    /// Whether `p[pi..]` matches `s[si..]`; `memo` holds the answers known.
    struct Glob<'a> {
        p: &'a [char],
        s: &'a [char],
        memo: Vec<Option<bool>>,
    }
    impl Glob<'_> {
        fn go(&mut self, mut pi: usize, mut si: usize) -> bool {
            let key = pi * (self.s.len() + 1) + si;
            if let Some(Some(known)) = self.memo.get(key) {
                return *known;
            }
            let answer = loop {
                let c = self.s.get(si).copied();
                match self.p.get(pi) {
                    None => break c.is_none(),
                    Some('*') if self.p.get(pi + 1) == Some(&'*') => {
                        let slash = self.p.get(pi + 2) == Some(&'/');
                        let rest = if slash { pi + 3 } else { pi + 2 };
                        let from = si;
                        break (from..=self.s.len()).any(|i| {
                            (!slash || i == from || self.s.get(i.wrapping_sub(1)) == Some(&'/')) && self.go(rest, i)
                        });
                    }
                    Some('*') => {
                        let stop = self.s.get(si..).unwrap_or_default().iter().position(|&c| c == '/');
                        let stop = si + stop.unwrap_or(self.s.len() - si.min(self.s.len()));
                        break (si..=stop).any(|i| self.go(pi + 1, i));
                    }
                    Some('?') if c.is_some_and(|c| c != '/') => {}
                    Some(&want) if c == Some(want) && want != '?' => {}
                    Some(_) => break false,
                }
                pi += 1;
                si += 1;
            };
            if let Some(slot) = self.memo.get_mut(key) {
                *slot = Some(answer);
            }
            answer
        }
    }
    let matches = |p: &[char], s: &[char], starts: &mut dyn Iterator<Item = usize>| {
        let mut g = Glob {
            p,
            s,
            memo: vec![None; (p.len() + 1) * (s.len() + 1)],
        };
        for i in starts {
            if g.go(0, i) {
                return true;
            }
        }
        false
    };
    let path = path.strip_prefix("./").unwrap_or(path);
    let p: Vec<char> = pattern.strip_prefix("./").unwrap_or(pattern).chars().collect();
    if !pattern.contains('/') {
        let name: Vec<char> = path.rsplit('/').next().unwrap_or(path).chars().collect();
        return matches(&p, &name, &mut std::iter::once(0));
    }
    // With a `/`: the whole path, or its tail after any `/` (a directory given
    // as `/abs/repo` still matches `.vscode/**`). The tails share one memo.
    let s: Vec<char> = path.chars().collect();
    let mut starts = std::iter::once(0).chain(s.iter().enumerate().filter(|(_, &c)| c == '/').map(|(i, _)| i + 1));
    matches(&p, &s, &mut starts)
}

fn is_document_name(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "json" || e == "ndjson")
}

/// What a directory entry that is not a regular file is.
#[cfg(unix)]
fn special(t: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special(_: std::fs::FileType) -> &'static str {
    "not a regular file"
}

/// Files and directories (recursively: `*.json` and `*.ndjson`, sorted); `-`
/// is standard input. An entry matching the patterns that cannot be read as a
/// file (a dangling link, a link loop, a FIFO, a socket, a device) is broken,
/// and so is a linked directory, which is not followed, whatever its name;
/// never skipped in silence; nothing is opened while walking.
fn expand(s: &Settings, tally: &mut Tally) -> Vec<Met> {
    let excluded = |p: &str| s.exclude.iter().any(|g| glob_match(g, p));
    let mut out = Vec::new();
    for p in &s.paths {
        let path = Path::new(p);
        if p != "-" && !s.staged && path.is_dir() {
            let mut stack = vec![path.to_path_buf()];
            let mut found = Vec::new();
            let mut bad = Vec::new();
            while let Some(dir) = stack.pop() {
                let entries = match std::fs::read_dir(&dir) {
                    Ok(e) => e,
                    Err(e) => {
                        bad.push(broken(
                            &dir.display().to_string(),
                            format!("cannot read the directory: {e}"),
                        ));
                        continue;
                    }
                };
                for entry in entries {
                    let entry = match entry {
                        Ok(e) => e,
                        Err(e) => {
                            bad.push(broken(
                                &dir.display().to_string(),
                                format!("cannot read an entry of the directory: {e}"),
                            ));
                            continue;
                        }
                    };
                    let p = entry.path();
                    let name = p.display().to_string();
                    let t = match entry.file_type() {
                        Ok(t) => t,
                        Err(e) => {
                            bad.push(broken(&name, format!("cannot read: {e}")));
                            continue;
                        }
                    };
                    if t.is_dir() {
                        if excluded(&name) {
                            tally.excluded += 1;
                        } else {
                            stack.push(p);
                        }
                        continue;
                    }
                    // A linked directory is not followed (a link back up would
                    // never end): it is named, counted and makes exit 2, unless excluded.
                    if t.is_symlink() && std::fs::metadata(&p).is_ok_and(|m| m.is_dir()) {
                        if excluded(&name) {
                            tally.excluded += 1;
                        } else {
                            bad.push(broken(&name, "a linked directory is not followed"));
                        }
                        continue;
                    }
                    if !is_document_name(&p) {
                        continue;
                    }
                    if excluded(&name) {
                        tally.excluded += 1;
                        continue;
                    }
                    if t.is_file() {
                        found.push(name);
                    } else if t.is_symlink() {
                        match std::fs::metadata(&p) {
                            Ok(m) if m.is_file() => found.push(name),
                            Ok(m) => bad.push(broken(
                                &name,
                                format!("a link to {}, not to a regular file", special(m.file_type())),
                            )),
                            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                                bad.push(broken(&name, "a dangling symbolic link (its target does not exist)"))
                            }
                            Err(e) => bad.push(broken(&name, format!("cannot follow the link: {e}"))),
                        }
                    } else {
                        bad.push(broken(&name, format!("{}, not a regular file", special(t))));
                    }
                }
            }
            // In sorted order, what cannot be read in its place among the rest.
            let mut met: Vec<Met> = found
                .into_iter()
                .map(Met::File)
                .chain(bad.into_iter().map(Met::Broken))
                .collect();
            met.sort_by(|a, b| a.name().cmp(b.name()));
            out.extend(met);
        } else if p != "-" && excluded(p) {
            tally.excluded += 1;
        } else {
            out.push(Met::File(p.clone()));
        }
    }
    out
}

/// What a walk met: a file to read, or what stopped one being read.
enum Met {
    File(String),
    Broken(Broken),
}

impl Met {
    fn name(&self) -> &str {
        match self {
            Met::File(f) => f,
            Met::Broken(b) => &b.file,
        }
    }
}

/// `git rev-parse ARG`'s answer (its line end cut), or why not: git cannot
/// run, or this is not inside a work tree (git's own first line).
fn rev_parse(arg: &str) -> Result<String, String> {
    let out = std::process::Command::new("git")
        .args(["rev-parse", arg])
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        let why = why.lines().next().unwrap_or("git rev-parse failed").trim();
        return Err(format!("not inside a git work tree ({why})"));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .trim_end_matches(['\r', '\n'])
        .to_string())
}

/// The way from the current directory up to the top of the work tree
/// (`../../`, or empty at the top); one clear message outside a repository.
fn git_cdup() -> Result<String, String> {
    rev_parse("--show-cdup").map_err(|e| format!("--staged: {e}"))
}

/// An absolute path as git's index names it: from the top of the work tree.
/// `.` and `..` are read as written (as git reads a path); the work tree may
/// be reached through a link, so the longest ancestor that is the top (links
/// resolved) names the rest, and no link inside the work tree is followed,
/// as git would not for a relative path.
fn from_top(file: &str) -> Result<String, String> {
    let top = std::path::PathBuf::from(rev_parse("--show-toplevel")?);
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let mut clean = std::path::PathBuf::new();
    for c in Path::new(file).components() {
        match c {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            c => clean.push(c),
        }
    }
    let rest = clean
        .ancestors()
        .find(|a| std::fs::canonicalize(a).is_ok_and(|c| c == top))
        .and_then(|a| clean.strip_prefix(a).ok())
        .ok_or_else(|| format!("outside the git work tree ({})", top.display()))?;
    if rest.as_os_str().is_empty() {
        return Err(STAGED_DIRECTORY.into());
    }
    Ok(rest.to_string_lossy().into_owned())
}

const STAGED_DIRECTORY: &str =
    "a directory: --staged reads staged files (name them, or none for every staged document)";

/// Every staged `*.json` and `*.ndjson` (added, copied, modified, renamed),
/// as paths from the current directory (`cdup` before git's paths from the top).
fn staged_paths(cdup: &str) -> Result<Vec<String>, String> {
    let out = std::process::Command::new("git")
        .args(["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"])
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("--staged: cannot run git: {e}"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        let why = why.lines().next().unwrap_or("").trim();
        return Err(format!("--staged: git diff --cached failed ({why})"));
    }
    Ok(out
        .stdout
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| format!("{cdup}{}", String::from_utf8_lossy(p)))
        .filter(|p| is_document_name(Path::new(p)))
        .collect())
}

/// A source of text: standard input, a file, or a staged blob.
struct Source {
    reader: Box<dyn Read>,
    child: Option<std::process::Child>,
}

impl Source {
    fn open(file: &str, staged: bool) -> Result<Source, String> {
        if file == "-" {
            return Ok(Source {
                reader: Box::new(io::stdin()),
                child: None,
            });
        }
        if staged {
            if Path::new(file).is_dir() {
                return Err(STAGED_DIRECTORY.into());
            }
            // `:./path` and `:../path` are from the current directory, so a
            // path given in a subdirectory is found.
            let spec = if Path::new(file).is_absolute() {
                format!(":{}", from_top(file)?)
            } else if file.starts_with("./") || file.starts_with("../") {
                format!(":{file}")
            } else {
                format!(":./{file}")
            };
            let mut child = std::process::Command::new("git")
                .arg("show")
                .arg(spec)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .map_err(|e| format!("cannot run git: {e}"))?;
            let out = child.stdout.take().ok_or("cannot read git's output")?;
            return Ok(Source {
                reader: Box::new(out),
                child: Some(child),
            });
        }
        let f = std::fs::File::open(file).map_err(|e| format!("cannot read: {e}"))?;
        Ok(Source {
            reader: Box::new(f),
            child: None,
        })
    }

    /// For a staged blob: whether git found it. When the blob was not read
    /// to its end (it is over the limit), git's failure to write the rest
    /// (SIGPIPE) says nothing: the error already found stands.
    fn finish(self, read_all: bool) -> Result<(), String> {
        drop(self.reader);
        match self.child {
            Some(mut c) if !read_all => {
                let _ = c.kill();
                let _ = c.wait();
                Ok(())
            }
            Some(mut c) => match c.wait() {
                Ok(s) if s.success() => Ok(()),
                _ => Err("not in the index (git show failed)".into()),
            },
            None => Ok(()),
        }
    }
}

/// At most `limit + 1` bytes: one more than the limit says it was exceeded.
fn read_bounded(r: &mut dyn Read, limit: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    r.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn too_big(file: &str, line: Option<usize>, limit: usize) -> Broken {
    Broken {
        line,
        code: "limit_exceeded",
        ..broken(
            file,
            format!("The document is larger than the limit of {limit} bytes (maxDocumentBytes). (limit_exceeded)"),
        )
    }
}

/// The text of a document's bytes, or where it is not UTF-8.
fn utf8(file: &str, line0: usize, bytes: Vec<u8>) -> Result<String, Broken> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, col) = locate::line_col(&String::from_utf8_lossy(&e.into_bytes()), at);
        Broken {
            at: Some((line + line0, col)),
            code: "invalid_utf8",
            ..broken(file, format!("not UTF-8 (invalid byte at offset {at})"))
        }
    })
}

/// A document's value from its text; parse errors with line and column.
fn parse(file: &str, line0: usize, text: &str, ndjson: bool, limits: &Limits) -> Result<Value, Broken> {
    telschema::json::parse(text.as_bytes(), limits).map_err(|e| match (&e, e.line()) {
        (JsonError::Syntax { .. }, l) => Broken {
            at: Some((l + line0, e.column())),
            code: e.code(),
            ..broken(file, format!("invalid JSON: {e}"))
        },
        (_, 0) => Broken {
            line: ndjson.then_some(line0 + 1),
            code: e.code(),
            ..broken(file, format!("{e} ({})", e.code()))
        },
        (_, l) => Broken {
            at: Some((l + line0, e.column())),
            code: e.code(),
            ..broken(file, format!("{e} ({})", e.code()))
        },
    })
}

struct Style {
    colour: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Control characters (C0, DEL and C1: U+0000–U+001F, U+007F–U+009F)
/// escaped as JSON writes them (`\n`, `\u001b`, `\u007f`, `\u009b` …), so
/// text from the input can never be a terminal escape or a workflow command
/// on a line of its own.
pub fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A file name at the start of a text line: escaped, and never starting
/// with `::` (a workflow command) — such a name gets `./` before it.
fn esc_name(s: &str) -> String {
    let e = esc(s);
    if e.starts_with(':') {
        format!("./{e}")
    } else {
        e.into_owned()
    }
}

/// GitHub workflow-command escaping (data, and property values), as GitHub's
/// toolkit does; other control characters are escaped as JSON would.
fn gh_data(s: &str) -> String {
    esc(&s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")).into_owned()
}

fn gh_prop(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `[##############......]  70% (7/10 necessary fields)`.
fn bar(c: &Completeness) -> String {
    let filled = usize::from(c.percent) / 5;
    format!(
        "[{}{}] {:>3}% ({}/{} necessary fields)",
        "#".repeat(filled),
        ".".repeat(20 - filled),
        c.percent,
        c.satisfied,
        c.total
    )
}

/// A result as JSON with where it came from.
fn located(result: &impl serde::Serialize, unit: &Unit<'_>, auto: bool) -> Value {
    let mut v = serde_json::to_value(result).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("file".into(), Value::String(unit.file.to_string()));
        if unit.label != unit.file {
            m.insert("line".into(), json!(unit.line0 + 1));
        }
        m.insert("kindAuto".into(), Value::Bool(auto));
    }
    v
}

struct Printer<'w, W: Write> {
    out: &'w mut W,
    format: Format,
    style: Style,
    require_complete: bool,
    json: Vec<Value>,
}

impl<W: Write> Printer<'_, W> {
    fn issue_lines(&mut self, unit: &Unit<'_>, report: &Report) -> io::Result<()> {
        if let Some(o) = report.omitted {
            if self.format == Format::Text {
                writeln!(
                    self.out,
                    "  ({} more errors and {} more warnings not listed: --max-issues)",
                    o.errors, o.warnings
                )?;
            }
        }
        // Many issues: every value's position in one pass, not one scan each.
        let index = (report.errors.len() + report.warnings.len() > 16).then(|| locate::Index::new(unit.text));
        for (level, issues, colour) in [("error", &report.errors, "31"), ("warning", &report.warnings, "33")] {
            for i in issues {
                let (line, col) = match &index {
                    Some(index) => index.position(&i.path),
                    None => locate::position(unit.text, &i.path),
                };
                let line = line + unit.line0;
                match self.format {
                    Format::Github => writeln!(
                        self.out,
                        "::{level} file={},line={line},col={col},title={}::{}",
                        gh_prop(unit.file),
                        gh_prop(&format!("telschema {}", i.code)),
                        gh_data(&format!("{}: {}", display_path(i), i.message))
                    )?,
                    _ => writeln!(
                        self.out,
                        "  {}:{line}:{col}: {} {}: {} [{}]",
                        esc(unit.file),
                        self.style.paint(colour, level),
                        esc(display_path(i)),
                        esc(&i.message),
                        i.code
                    )?,
                }
            }
        }
        Ok(())
    }

    fn header(&mut self, unit: &Unit<'_>, report: &Report, auto: bool, verdict: bool) -> io::Result<()> {
        let word = if verdict {
            self.style.paint("32", "valid")
        } else {
            self.style.paint("31", "invalid")
        };
        let how = if auto { ", kind chosen by auto" } else { "" };
        writeln!(self.out, "{}: {word} ({}{how})", esc_name(&unit.label), report.kind)
    }

    fn report(&mut self, unit: &Unit<'_>, report: &Report, auto: bool, verdict: bool) -> io::Result<()> {
        match self.format {
            Format::Text => {
                self.header(unit, report, auto, verdict)?;
                self.issue_lines(unit, report)
            }
            Format::Github => self.issue_lines(unit, report),
            Format::Json => {
                self.json.push(located(report, unit, auto));
                Ok(())
            }
            Format::Ndjson => writeln!(self.out, "{}", located(report, unit, auto)),
            Format::Kazoo => writeln!(self.out, "{}", report.to_kazoo().unwrap_or(Value::Null)),
        }
    }

    fn outcome(&mut self, unit: &Unit<'_>, o: &Outcome, auto: bool, verdict: bool) -> io::Result<()> {
        match self.format {
            Format::Text => {
                self.header(unit, &o.report, auto, verdict)?;
                self.issue_lines(unit, &o.report)?;
                for ch in &o.changes {
                    // JSON leaves DEL and the C1 controls raw: escaped here.
                    let (from, to) = (ch.from.to_string(), ch.to.to_string());
                    writeln!(self.out, "  changed {}: {} -> {}", esc(&ch.path), esc(&from), esc(&to))?;
                }
                let c = &o.completeness;
                writeln!(
                    self.out,
                    "  {} {}",
                    bar(c),
                    if c.complete { "complete" } else { "incomplete" }
                )?;
                for m in &c.missing {
                    writeln!(
                        self.out,
                        "  missing {}: {} ({})",
                        esc(&m.path),
                        esc(&m.label),
                        esc(&m.reason)
                    )?;
                }
                if let Some(next) = &c.next {
                    writeln!(self.out, "  next: {}", esc(next))?;
                }
                if let Some(s) = c.submittable {
                    writeln!(self.out, "  submittable: {}", if s { "yes" } else { "no" })?;
                }
                Ok(())
            }
            Format::Json => {
                self.json.push(located(o, unit, auto));
                Ok(())
            }
            Format::Ndjson => writeln!(self.out, "{}", located(o, unit, auto)),
            Format::Github => {
                self.report(unit, &o.report, auto, verdict)?;
                let c = &o.completeness;
                if self.require_complete && !c.complete {
                    // The failed step says why: one error per incomplete document.
                    let mut why: Vec<String> = c
                        .missing
                        .iter()
                        .map(|m| format!("{} ({}) is missing: {}", m.path, m.label, m.reason))
                        .collect();
                    why.extend(c.invalid.iter().map(|i| format!("{} fails {}", i.path, i.code)));
                    let (line, col) = locate::position(unit.text, "");
                    writeln!(
                        self.out,
                        "::error file={},line={},col={col},title={}::{}",
                        gh_prop(unit.file),
                        line + unit.line0,
                        gh_prop("telschema incomplete"),
                        gh_data(&format!(
                            "Incomplete ({}% of the necessary fields): {}",
                            c.percent,
                            why.join("; ")
                        ))
                    )?;
                }
                Ok(())
            }
            Format::Kazoo => self.report(unit, &o.report, auto, verdict),
        }
    }
}

/// Valid, and without warnings when they count as errors.
fn passes(report: &Report, warnings_as_errors: bool) -> bool {
    report.valid && (!warnings_as_errors || report.warnings.is_empty())
}

fn display_path(i: &Issue) -> &str {
    if i.path.is_empty() {
        "(document)"
    } else {
        &i.path
    }
}

/// Writes `[`, `,` and `]` around pretty-printed results, one at a time,
/// the same text as one pretty-printed array.
#[derive(Default)]
struct JsonArray {
    started: bool,
}

impl JsonArray {
    /// A result as an element of the array: pretty, indented, without the comma.
    fn element(v: &Value) -> Vec<u8> {
        let text = serde_json::to_string_pretty(v).unwrap_or_default();
        let mut out = Vec::with_capacity(text.len() + text.len() / 8);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(b'\n');
            }
            out.extend_from_slice(b"  ");
            out.extend_from_slice(line.as_bytes());
        }
        out
    }

    fn push(&mut self, out: &mut dyn Write, element: &[u8]) -> io::Result<()> {
        out.write_all(if self.started { b",\n" } else { b"[\n" })?;
        self.started = true;
        out.write_all(element)
    }

    fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.started { b"\n]\n" } else { b"[]\n" })
    }
}

/// What judging one document gave.
enum Judged {
    /// The output, the results for `--format json` (already written as
    /// array elements, so a batch holds bytes, not values), passed, warnings.
    Done(Vec<u8>, Vec<Vec<u8>>, bool, usize),
    Broken(Broken),
    /// No kind fits and `--skip-unknown` is on.
    Skipped(Broken),
}

/// A document read but not yet parsed: where it is and its text (or why not).
struct Raw {
    file: String,
    line: Option<usize>,
    text: Result<String, Broken>,
}

struct Judge<'a> {
    s: &'a Settings,
    options: &'a Options,
    require_complete: Option<bool>,
    colour: bool,
}

impl Judge<'_> {
    fn judge(&self, raw: &Raw) -> Judged {
        let text = match &raw.text {
            Ok(t) => t,
            Err(b) => {
                return Judged::Broken(Broken {
                    file: b.file.clone(),
                    at: b.at,
                    line: b.line.or(raw.line),
                    code: b.code,
                    message: b.message.clone(),
                })
            }
        };
        let line0 = raw.line.map_or(0, |l| l - 1);
        let doc = match parse(&raw.file, line0, text, raw.line.is_some(), &self.options.limits) {
            Ok(d) => d,
            Err(b) => {
                return Judged::Broken(Broken {
                    line: b.line.or(raw.line),
                    ..b
                })
            }
        };
        let unit = Unit {
            label: match raw.line {
                Some(l) => format!("{}:{l}", raw.file),
                None => raw.file.clone(),
            },
            file: &raw.file,
            line0,
            text,
            doc,
        };
        let auto = self.s.kind == "auto";
        let kind: Kind = match kind_for(&self.s.kind, &unit.doc) {
            Ok(k) => k,
            Err(e) if auto && self.s.skip_unknown && e.code() == "unknown_kind" => {
                return Judged::Skipped(Broken {
                    line: raw.line,
                    code: e.code(),
                    ..broken(&raw.file, format!("{e} ({})", e.code()))
                })
            }
            Err(e) => {
                return Judged::Broken(Broken {
                    line: raw.line,
                    code: e.code(),
                    ..broken(&raw.file, format!("{e} ({})", e.code()))
                })
            }
        };
        let mut out = Vec::new();
        let mut p = Printer {
            out: &mut out,
            format: self.s.format,
            style: Style { colour: self.colour },
            require_complete: self.require_complete == Some(true),
            json: Vec::new(),
        };
        let wae = self.s.warnings_as_errors;
        let (verdict, warnings) = match self.require_complete {
            None => {
                let r = validate(kind, &unit.doc, self.options);
                let verdict = passes(&r, wae);
                let _ = p.report(&unit, &r, auto, verdict);
                (verdict, r.warnings.len() + r.omitted.map_or(0, |o| o.warnings))
            }
            Some(require) => {
                let o = check(kind, &unit.doc, self.options);
                let verdict = passes(&o.report, wae) && (!require || o.completeness.complete);
                let _ = p.outcome(&unit, &o, auto, verdict);
                (
                    verdict,
                    o.report.warnings.len() + o.report.omitted.map_or(0, |o| o.warnings),
                )
            }
        };
        let json = p.json.iter().map(JsonArray::element).collect();
        Judged::Done(out, json, verdict, warnings)
    }
}

/// Writes what was judged, in order, and counts it.
struct Sink<'o, W: Write> {
    out: &'o mut W,
    format: Format,
    tally: Tally,
    array: JsonArray,
}

impl<W: Write> Sink<'_, W> {
    fn broken(&mut self, b: &Broken) -> Result<(), String> {
        self.tally.broken += 1;
        self.out.flush().map_err(werr)?;
        note(&format!("telschema: {}", esc(&b.to_string())));
        self.entry(b, "error")?;
        if self.format == Format::Github {
            let (line, col) = match (b.at, b.line) {
                // GitHub's columns start at 1 (an error at the end of the input says 0).
                (Some((l, c)), _) => (format!(",line={}", l.max(1)), format!(",col={}", c.max(1))),
                (None, Some(l)) => (format!(",line={l}"), String::new()),
                _ => (String::new(), String::new()),
            };
            writeln!(
                self.out,
                "::error file={}{line}{col},title=telschema {}::{}",
                gh_prop(&b.file),
                b.code,
                gh_data(b.plain_message())
            )
            .map_err(werr)?;
        }
        Ok(())
    }

    /// A document that was not judged, in the machine formats.
    fn entry(&mut self, b: &Broken, key: &str) -> Result<(), String> {
        match self.format {
            Format::Json => self.array.push(self.out, &JsonArray::element(&b.entry(key))),
            Format::Ndjson | Format::Kazoo => writeln!(self.out, "{}", b.entry(key)),
            Format::Text | Format::Github => Ok(()),
        }
        .map_err(werr)
    }

    fn write(&mut self, j: Judged) -> Result<(), String> {
        match j {
            Judged::Broken(b) => self.broken(&b)?,
            Judged::Skipped(b) => {
                self.tally.skipped += 1;
                self.out.flush().map_err(werr)?;
                note(&format!(
                    "telschema: {}",
                    esc(&format!("{}: skipped: {}", b.label(), b.message))
                ));
                self.entry(&b, "skipped")?;
            }
            Judged::Done(out, json, verdict, warnings) => {
                self.out.write_all(&out).map_err(werr)?;
                for v in &json {
                    self.array.push(self.out, v).map_err(werr)?;
                }
                self.tally.documents += 1;
                self.tally.warnings += warnings;
                if verdict {
                    self.tally.valid += 1;
                } else {
                    self.tally.invalid += 1;
                }
            }
        }
        Ok(())
    }
}

/// Validates (`require_complete` is `None`) or checks every document.
pub fn run(
    s: &Settings,
    options: &Options,
    require_complete: Option<bool>,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let colour = s.format == Format::Text
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty());
    let judge = Judge {
        s,
        options,
        require_complete,
        colour,
    };
    let mut sink = Sink {
        out,
        format: s.format,
        tally: Tally::default(),
        array: JsonArray::default(),
    };
    let cdup = if s.staged { git_cdup()? } else { String::new() };
    let files = if s.staged && s.paths.is_empty() {
        let all = staged_paths(&cdup)?;
        let staged = Settings {
            kind: String::new(),
            format: s.format,
            warnings_as_errors: false,
            ndjson_stdin: false,
            paths: all,
            stdin_name: None,
            exclude: s.exclude.clone(),
            skip_unknown: false,
            staged: true,
        };
        expand(&staged, &mut sink.tally)
    } else {
        expand(s, &mut sink.tally)
    };
    let limit = options.limits.max_document_bytes;
    for met in &files {
        let file = match met {
            Met::File(f) => f,
            Met::Broken(b) => {
                sink.broken(b)?;
                continue;
            }
        };
        sink.tally.files += 1;
        let name = match (file.as_str(), &s.stdin_name) {
            ("-", Some(n)) => n.clone(),
            _ => file.clone(),
        };
        let ndjson = name.ends_with(".ndjson") || (file == "-" && s.ndjson_stdin);
        let mut source = match Source::open(file, s.staged && file != "-") {
            Ok(src) => src,
            Err(e) => {
                sink.broken(&broken(&name, e))?;
                continue;
            }
        };
        if ndjson {
            let mut lines = Lines::new(BufReader::with_capacity(1 << 16, &mut source.reader), limit);
            let mut batch: Vec<Raw> = Vec::new();
            let mut bytes = 0;
            let mut buf = Vec::new();
            loop {
                let next = lines.next_line(&mut buf);
                let end = !matches!(next, Ok(Some(_)));
                match next {
                    Ok(Some(true)) => {
                        let line = lines.number;
                        if !buf.iter().all(u8::is_ascii_whitespace) {
                            bytes += buf.len();
                            let text = utf8(&name, line - 1, std::mem::take(&mut buf));
                            batch.push(Raw {
                                file: name.clone(),
                                line: Some(line),
                                text,
                            });
                        }
                    }
                    Ok(Some(false)) => batch.push(Raw {
                        file: name.clone(),
                        line: Some(lines.number),
                        text: Err(too_big(&name, Some(lines.number), limit)),
                    }),
                    Ok(None) => {}
                    Err(e) => batch.push(Raw {
                        file: name.clone(),
                        line: Some(lines.number + 1),
                        text: Err(Broken {
                            line: Some(lines.number + 1),
                            ..broken(&name, format!("cannot read: {e}"))
                        }),
                    }),
                }
                if end || batch.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
                    // Judged a few lines at a time: what a line gives can be
                    // far larger than its text (a thousand issues), and only
                    // JUDGE_LINES lines' results are held at once.
                    for part in batch.chunks(JUDGE_LINES) {
                        let judged: Vec<Judged> = if part.len() > 1 {
                            part.par_iter().map(|r| judge.judge(r)).collect()
                        } else {
                            part.iter().map(|r| judge.judge(r)).collect()
                        };
                        for j in judged {
                            sink.write(j)?;
                        }
                    }
                    batch.clear();
                    bytes = 0;
                }
                if end {
                    break;
                }
            }
            drop(lines);
        } else {
            let mut read_all = true;
            let text = match read_bounded(&mut source.reader, limit) {
                Err(e) => Err(broken(&name, format!("cannot read: {e}"))),
                Ok(b) if b.len() > limit => {
                    read_all = false;
                    Err(too_big(&name, None, limit))
                }
                Ok(mut b) => {
                    if b.starts_with(BOM) {
                        b.drain(..BOM.len());
                    }
                    utf8(&name, 0, b)
                }
            };
            let raw = Raw {
                file: name.clone(),
                line: None,
                text,
            };
            // A staged file git does not have is broken, whatever was read.
            let j = match source.finish(read_all) {
                Err(e) => Judged::Broken(broken(&name, e)),
                Ok(()) => judge.judge(&raw),
            };
            sink.write(j)?;
            continue;
        }
        if let Err(e) = source.finish(true) {
            sink.broken(&broken(&name, e))?;
        }
    }
    if s.format == Format::Json {
        sink.array.finish(sink.out).map_err(werr)?;
    }
    let t = &sink.tally;
    let mut extra = String::new();
    if t.broken > 0 {
        extra.push_str(&format!(
            ", {} not judged (unreadable, not JSON, or kind unknown)",
            t.broken
        ));
    }
    if t.skipped > 0 {
        extra.push_str(&format!(", {} skipped (no kind fits)", t.skipped));
    }
    if t.excluded > 0 {
        extra.push_str(&format!(", {} excluded", t.excluded));
    }
    let summary = format!(
        "telschema: {} file{}, {} document{}: {} valid, {} invalid, {} warning{}{extra}",
        t.files,
        if t.files == 1 { "" } else { "s" },
        t.documents,
        if t.documents == 1 { "" } else { "s" },
        t.valid,
        t.invalid,
        t.warnings,
        if t.warnings == 1 { "" } else { "s" },
    );
    let code = if t.broken > 0 { 2 } else { u8::from(t.invalid > 0) };
    if s.format == Format::Text {
        writeln!(sink.out, "{summary}").map_err(werr)?;
        sink.out.flush().map_err(werr)?;
    } else {
        sink.out.flush().map_err(werr)?;
        note(&summary);
    }
    Ok(ExitCode::from(code))
}

/// `check --normalize`: one document; the normalized document to standard
/// output, the outcome to standard error.
pub fn normalize_one(
    s: &Settings,
    options: &Options,
    require_complete: bool,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let [file] = s.paths.as_slice() else {
        return Err("--normalize takes exactly one input".into());
    };
    let name = match (file.as_str(), &s.stdin_name) {
        ("-", Some(n)) => n.clone(),
        _ => file.clone(),
    };
    let limit = options.limits.max_document_bytes;
    let mut source = Source::open(file, s.staged && file != "-").map_err(|e| format!("{name}: {e}"))?;
    let bytes = read_bounded(&mut source.reader, limit).map_err(|e| format!("{name}: cannot read: {e}"))?;
    source
        .finish(bytes.len() <= limit)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() > limit {
        return Err(too_big(&name, None, limit).to_string());
    }
    let bytes = bytes.strip_prefix(BOM).map(<[u8]>::to_vec).unwrap_or(bytes);
    let text = utf8(&name, 0, bytes).map_err(|b| b.to_string())?;
    let doc = parse(&name, 0, &text, false, &options.limits).map_err(|b| b.to_string())?;
    let unit = Unit {
        label: name.clone(),
        file: &name,
        line0: 0,
        text: &text,
        doc,
    };
    let kind = kind_for(&s.kind, &unit.doc).map_err(|e| format!("{}: {e} ({})", unit.label, e.code()))?;
    let o = check(kind, &unit.doc, options);
    let doc = serde_json::to_string_pretty(&o.document).map_err(|e| e.to_string())?;
    writeln!(out, "{doc}").map_err(werr)?;
    out.flush().map_err(werr)?;
    let verdict = passes(&o.report, s.warnings_as_errors) && (!require_complete || o.completeness.complete);
    let mut err = io::stderr().lock();
    let mut p = Printer {
        out: &mut err,
        format: s.format,
        style: Style { colour: false },
        require_complete,
        json: Vec::new(),
    };
    // Standard error closed: the document was written, nothing more to say.
    let _ = p.outcome(&unit, &o, s.kind == "auto", verdict);
    if s.format == Format::Json {
        let _ = writeln!(p.out, "{}", Value::Array(p.json.clone()));
    }
    Ok(ExitCode::from(u8::from(!verdict)))
}

#[cfg(test)]
mod tests {
    use super::{esc, glob_match};

    #[test]
    fn globs() {
        assert!(glob_match("package.json", "web/package.json"));
        assert!(glob_match("tsconfig*.json", "tsconfig.build.json"));
        assert!(glob_match("*.json", "a/b.json"));
        assert!(!glob_match("a/*.json", "a/b/c.json"));
        assert!(glob_match("a/**/*.json", "a/b/c/d.json"));
        assert!(glob_match("a/**/*.json", "a/d.json"));
        assert!(glob_match(".vscode/**", ".vscode/settings.json"));
        assert!(glob_match("?.json", "x.json") && !glob_match("?.json", "xy.json"));
        assert!(glob_match("**/node_modules/**", "web/node_modules/x/package.json"));
        assert!(glob_match("**/package.json", "package.json") && glob_match("**/package.json", "a/b/package.json"));
        assert!(!glob_match("**/package.json", "sub/mypackage.json"));
        assert!(!glob_match("**/node_modules/**", "my_node_modules/x.json"));
        assert!(!glob_match("**/x.json", ".x.json"));
        assert!(glob_match("a/**", "a/b/c") && glob_match("**.json", "a/b.json"));
        let long = format!("{}/y.json", "a".repeat(198));
        assert!(!glob_match("**/**/**/**/**/x.json", &long));
    }

    #[test]
    fn escapes_control_characters() {
        assert_eq!(esc("a\nb\u{1b}[31mc\u{7f}\t"), "a\\nb\\u001b[31mc\\u007f\\t");
        assert_eq!(esc("plain"), "plain");
        assert_eq!(esc("\u{80}x\u{9b}y\u{9f}\u{a0}"), "\\u0080x\\u009by\\u009f\u{a0}");
    }
}
