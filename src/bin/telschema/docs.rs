//! `validate` and `check` over files, directories, NDJSON and standard input,
//! in every output format, with a summary and CONVENTIONS.md's exit codes.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde_json::{json, Value};
use telschema::{check, kind_for, validate, Completeness, Issue, Kind, Limits, Options, Outcome, Report};

use crate::{locate, Format};

pub struct Settings {
    pub kind: String,
    pub format: Format,
    pub warnings_as_errors: bool,
    pub ndjson_stdin: bool,
    pub paths: Vec<String>,
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
}

/// Files and directories (recursively: `*.json` and `*.ndjson`, sorted); `-` is standard input.
fn expand(paths: &[String], broken: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if p != "-" && path.is_dir() {
            let mut stack = vec![path.to_path_buf()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                let entries = match std::fs::read_dir(&dir) {
                    Ok(e) => e,
                    Err(e) => {
                        broken.push(format!("{}: cannot read the directory: {e}", dir.display()));
                        continue;
                    }
                };
                for entry in entries.flatten() {
                    let p = entry.path();
                    // A linked directory is not followed (a link back up would never end).
                    if entry.file_type().is_ok_and(|t| t.is_dir()) {
                        stack.push(p);
                    } else if p.is_file() && p.extension().is_some_and(|e| e == "json" || e == "ndjson") {
                        found.push(p.display().to_string());
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn read(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let res = if file == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    res.map_err(|e| format!("{file}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, col) = locate::line_col(&String::from_utf8_lossy(&e.into_bytes()), at);
        format!("{file}:{line}:{col}: not UTF-8 (invalid byte at offset {at})")
    })
}

/// The documents of one file's text; parse errors go to `broken` with `file:line:column`.
fn units<'a>(file: &'a str, text: &'a str, ndjson: bool, limits: &Limits, broken: &mut Vec<String>) -> Vec<Unit<'a>> {
    let problem = |e: telschema::json::JsonError, line0: usize| match (e.code, e.line) {
        ("invalid_json", l) => format!("{file}:{}:{}: invalid JSON: {}", l + line0, e.column, e.message),
        (code, 0) => format!(
            "{file}{}: {} ({code})",
            if ndjson {
                format!(":{}", line0 + 1)
            } else {
                String::new()
            },
            e.message
        ),
        (code, l) => format!("{file}:{}:{}: {} ({code})", l + line0, e.column, e.message),
    };
    let mut out = Vec::new();
    if ndjson {
        for (i, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            match telschema::json::parse(line.as_bytes(), limits) {
                Ok(doc) => out.push(Unit {
                    label: format!("{file}:{}", i + 1),
                    file,
                    line0: i,
                    text: line,
                    doc,
                }),
                Err(e) => broken.push(problem(e, i)),
            }
        }
    } else {
        match telschema::json::parse(text.as_bytes(), limits) {
            Ok(doc) => out.push(Unit {
                label: file.to_string(),
                file,
                line0: 0,
                text,
                doc,
            }),
            Err(e) => broken.push(problem(e, 0)),
        }
    }
    out
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

/// GitHub workflow-command escaping (data, and property values).
fn gh_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
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
                        unit.file,
                        self.style.paint(colour, level),
                        display_path(i),
                        i.message,
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
        writeln!(self.out, "{}: {word} ({}{how})", unit.label, report.kind)
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
                    writeln!(self.out, "  changed {}: {} -> {}", ch.path, ch.from, ch.to)?;
                }
                let c = &o.completeness;
                writeln!(
                    self.out,
                    "  {} {}",
                    bar(c),
                    if c.complete { "complete" } else { "incomplete" }
                )?;
                for m in &c.missing {
                    writeln!(self.out, "  missing {}: {} ({})", m.path, m.label, m.reason)?;
                }
                if let Some(next) = &c.next {
                    writeln!(self.out, "  next: {next}")?;
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
            Format::Github | Format::Kazoo => self.report(unit, &o.report, auto, verdict),
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

/// Reports the problems that stopped a file or document from being judged, in order.
fn flush_broken<W: Write>(
    p: &mut Printer<'_, W>,
    broken: &mut Vec<String>,
    tally: &mut Tally,
    format: Format,
) -> Result<(), String> {
    let werr = |e: io::Error| format!("cannot write: {e}");
    for b in broken.drain(..) {
        tally.broken += 1;
        p.out.flush().map_err(werr)?;
        eprintln!("telschema: {b}");
        if format == Format::Github {
            let file = b.split(':').next().unwrap_or_default();
            writeln!(p.out, "::error file={}::{}", gh_prop(file), gh_data(&b)).map_err(werr)?;
        }
    }
    Ok(())
}

/// Validates (`require_complete` is `None`) or checks every document.
pub fn run(
    s: &Settings,
    options: &Options,
    require_complete: Option<bool>,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let werr = |e: io::Error| format!("cannot write: {e}");
    let colour = s.format == Format::Text
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty());
    let mut p = Printer {
        out,
        format: s.format,
        style: Style { colour },
        json: Vec::new(),
    };
    let mut tally = Tally::default();
    let mut broken = Vec::new();
    let files = expand(&s.paths, &mut broken);
    let report_broken =
        |p: &mut Printer<'_, _>, broken: &mut Vec<String>, tally: &mut Tally| flush_broken(p, broken, tally, s.format);
    report_broken(&mut p, &mut broken, &mut tally)?;
    for file in &files {
        tally.files += 1;
        let text = match read(file) {
            Ok(t) => t,
            Err(e) => {
                broken.push(e);
                report_broken(&mut p, &mut broken, &mut tally)?;
                continue;
            }
        };
        let ndjson = file.ends_with(".ndjson") || (file == "-" && s.ndjson_stdin);
        let docs = units(file, &text, ndjson, &options.limits, &mut broken);
        report_broken(&mut p, &mut broken, &mut tally)?;
        for unit in docs {
            let kind: Kind = match kind_for(&s.kind, &unit.doc) {
                Ok(k) => k,
                Err(e) => {
                    broken.push(format!("{}: {} ({})", unit.label, e.message, e.code));
                    report_broken(&mut p, &mut broken, &mut tally)?;
                    continue;
                }
            };
            let auto = s.kind == "auto";
            tally.documents += 1;
            let (report_valid, warnings) = match require_complete {
                None => {
                    let r = validate(kind, &unit.doc, options);
                    let verdict = passes(&r, s.warnings_as_errors);
                    p.report(&unit, &r, auto, verdict).map_err(werr)?;
                    (verdict, r.warnings.len())
                }
                Some(require) => {
                    let o = check(kind, &unit.doc, options);
                    let verdict = passes(&o.report, s.warnings_as_errors) && (!require || o.completeness.complete);
                    p.outcome(&unit, &o, auto, verdict).map_err(werr)?;
                    (verdict, o.report.warnings.len())
                }
            };
            tally.warnings += warnings;
            if report_valid {
                tally.valid += 1;
            } else {
                tally.invalid += 1;
            }
        }
    }
    if s.format == Format::Json {
        let all = Value::Array(std::mem::take(&mut p.json));
        writeln!(p.out, "{}", serde_json::to_string_pretty(&all).unwrap_or_default()).map_err(werr)?;
    }
    let summary = format!(
        "telschema: {} file{}, {} document{}: {} valid, {} invalid, {} warning{}{}",
        tally.files,
        if tally.files == 1 { "" } else { "s" },
        tally.documents,
        if tally.documents == 1 { "" } else { "s" },
        tally.valid,
        tally.invalid,
        tally.warnings,
        if tally.warnings == 1 { "" } else { "s" },
        if tally.broken > 0 {
            format!(", {} not judged (unreadable, not JSON, or kind unknown)", tally.broken)
        } else {
            String::new()
        }
    );
    if s.format == Format::Text {
        writeln!(p.out, "{summary}").map_err(werr)?;
        p.out.flush().map_err(werr)?;
    } else {
        p.out.flush().map_err(werr)?;
        eprintln!("{summary}");
    }
    Ok(ExitCode::from(if tally.broken > 0 {
        2
    } else {
        u8::from(tally.invalid > 0)
    }))
}

/// `check --normalize`: one document; the normalized document to standard
/// output, the outcome to standard error.
pub fn normalize_one(
    s: &Settings,
    options: &Options,
    require_complete: bool,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let werr = |e: io::Error| format!("cannot write: {e}");
    let [file] = s.paths.as_slice() else {
        return Err("--normalize takes exactly one input".into());
    };
    let text = read(file)?;
    let mut broken = Vec::new();
    let mut docs = units(file, &text, false, &options.limits, &mut broken);
    if let Some(b) = broken.pop() {
        return Err(b);
    }
    let unit = docs.pop().ok_or("no document")?;
    let kind = kind_for(&s.kind, &unit.doc).map_err(|e| format!("{}: {} ({})", unit.label, e.message, e.code))?;
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
        json: Vec::new(),
    };
    p.outcome(&unit, &o, s.kind == "auto", verdict).map_err(werr)?;
    if s.format == Format::Json {
        writeln!(p.out, "{}", Value::Array(p.json.clone())).map_err(werr)?;
    }
    Ok(ExitCode::from(u8::from(!verdict)))
}
