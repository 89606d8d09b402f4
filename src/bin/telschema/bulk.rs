//! `telschema normalize --input FILE`: numbers one per line, or one column of
//! a CSV, streamed in chunks with bounded memory, normalized on every core
//! (rayon; output order is input order), written as NDJSON or CSV, with a
//! progress bar on a terminal.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde_json::{json, Value};
use telschema::{phone, NormalizedNumber, Options};

use crate::lines::Lines;
use crate::werr;

/// Lines (or CSV rows) normalized per parallel batch.
const CHUNK: usize = 16_384;

/// The longest input line (a row with `limit_exceeded` past it; no number is near it).
pub const MAX_LINE: usize = 1 << 16;

/// What a row says: the number, or why there is none (`code`, `message`).
type Answer = Result<NormalizedNumber, (String, String)>;

fn answer(r: Result<NormalizedNumber, phone::PhoneError>) -> Answer {
    r.map_err(|e| (e.code().to_string(), e.to_string()))
}

fn too_long(line: usize) -> (String, String) {
    (
        "limit_exceeded".into(),
        format!("Line {line} is longer than {MAX_LINE} bytes; it was not read."),
    )
}

fn not_utf8(line: usize) -> (String, String) {
    ("invalid_utf8".into(), format!("Line {line} is not UTF-8."))
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    /// One JSON object per number.
    Ndjson,
    /// CSV: the input (the whole row for CSV input) and the result columns.
    Csv,
}

/// The result columns of CSV output.
const COLUMNS: [&str; 9] = [
    "e164",
    "valid",
    "possible",
    "number_type",
    "region",
    "extension",
    "kazoo_classifier",
    "coverage_category",
    "error",
];

pub struct Job<'a> {
    pub input: Option<&'a str>,
    pub numbers: &'a [String],
    pub column: Option<&'a str>,
    pub format: Option<OutFormat>,
    pub options: &'a Options,
}

fn result_cells(r: &Answer) -> [String; 9] {
    match r {
        Ok(n) => [
            n.e164.clone(),
            n.valid.to_string(),
            n.possible.to_string(),
            n.number_type.as_str().to_string(),
            n.region.clone().unwrap_or_default(),
            n.extension.clone().unwrap_or_default(),
            n.kazoo_classifier.clone(),
            n.coverage_category.as_str().to_string(),
            String::new(),
        ],
        Err((code, _)) => {
            let mut cells: [String; 9] = Default::default();
            cells[8] = code.clone();
            cells
        }
    }
}

/// One NDJSON line: the input (and CSV line), then the number's fields or an
/// error, written straight into one string.
fn json_line(input: &str, line: Option<usize>, r: &Answer) -> String {
    let mut s = String::with_capacity(256);
    s.push_str("{\"input\":");
    s.push_str(&Value::String(input.to_string()).to_string());
    if let Some(l) = line {
        s.push_str(",\"line\":");
        s.push_str(&l.to_string());
    }
    let rest = match r {
        Ok(n) => serde_json::to_string(n).unwrap_or_default(),
        Err((code, message)) => json!({ "error": { "code": code, "message": message } }).to_string(),
    };
    // `rest` is an object: splice its members in after ours.
    match rest.get(1..) {
        Some(members) if members.len() > 1 => {
            s.push(',');
            s.push_str(members);
        }
        _ => s.push('}'),
    }
    s
}

fn csv_line(fields: &[String], r: &Answer) -> Result<String, String> {
    let mut cells = fields.to_vec();
    cells.extend(result_cells(r));
    csv_line_plain(&cells)
}

/// Counts bytes read, for the progress bar.
struct Counting<R> {
    inner: R,
    bar: ProgressBar,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}

fn progress(total: Option<u64>) -> ProgressBar {
    match total {
        Some(len) if io::stderr().is_terminal() => {
            let bar = ProgressBar::new(len);
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] [{wide_bar}] {percent:>3}% {msg} · {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        }
        _ => ProgressBar::hidden(),
    }
}

/// A row of work: the fields to echo (CSV), the number, the 1-based
/// (physical) line, and why it cannot be read when it cannot.
struct Row {
    fields: Vec<String>,
    number: String,
    line: usize,
    refused: Option<(String, String)>,
}

pub fn run(job: Job<'_>, out: &mut impl Write) -> Result<(), String> {
    let csv_input = job.column.is_some() || job.input.is_some_and(|p| p.to_ascii_lowercase().ends_with(".csv"));
    let format = job
        .format
        .unwrap_or(if csv_input { OutFormat::Csv } else { OutFormat::Ndjson });
    let (reader, total): (Box<dyn Read>, Option<u64>) = match job.input {
        Some("-") | None if job.numbers.is_empty() => (Box::new(io::stdin()), None),
        Some(path) if path != "-" => {
            let f = File::open(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
            let len = f.metadata().ok().map(|m| m.len());
            (Box::new(f), len)
        }
        _ => (Box::new(io::empty()), None),
    };
    let bar = progress(total);
    let reader = BufReader::with_capacity(
        1 << 16,
        Counting {
            inner: reader,
            bar: bar.clone(),
        },
    );
    let started = std::time::Instant::now();
    let mut done = 0usize;
    let mut flush = |rows: &mut Vec<Row>, out: &mut dyn Write| -> Result<(), String> {
        let lines: Vec<Result<String, String>> = rows
            .par_iter()
            .map(|row| {
                let r = match &row.refused {
                    Some(why) => Err(why.clone()),
                    None => answer(phone::normalize(&row.number, job.options)),
                };
                // The line is given for CSV input, and for a line that could not be read.
                let line = (csv_input || row.refused.is_some()).then_some(row.line);
                match format {
                    OutFormat::Ndjson => Ok(json_line(&row.number, line, &r)),
                    OutFormat::Csv if csv_input => csv_line(&row.fields, &r),
                    OutFormat::Csv => csv_line(std::slice::from_ref(&row.number), &r),
                }
            })
            .collect();
        for l in lines {
            writeln!(out, "{}", l?).map_err(werr)?;
        }
        done += rows.len();
        rows.clear();
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        bar.set_message(format!("{done} numbers, {:.0}/s", done as f64 / secs));
        Ok(())
    };
    let mut rows = Vec::with_capacity(CHUNK);
    if !job.numbers.is_empty() {
        rows.extend(job.numbers.iter().enumerate().map(|(i, n)| Row {
            fields: vec![n.clone()],
            number: n.clone(),
            line: i + 1,
            refused: None,
        }));
        if format == OutFormat::Csv {
            write_header(out, &["input".to_string()])?;
        }
        return flush(&mut rows, out);
    }
    if csv_input {
        // Physical lines past MAX_LINE are cut short before the CSV reader
        // sees them (memory stays bounded); the record holding one is a row
        // with `limit_exceeded`.
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Seen::default()));
        let reader = LineBound {
            inner: reader,
            max: MAX_LINE,
            line: 1,
            len: 0,
            empty: true,
            after_cr: false,
            seen: seen.clone(),
        };
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let headers: Vec<String> = rdr
            .byte_headers()
            .map_err(|e| format!("CSV header: {e}"))?
            .iter()
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .collect();
        let index = column_index(job.column, &headers)?;
        if format == OutFormat::Csv {
            write_header(out, &headers)?;
        }
        let mut record = csv::ByteRecord::new();
        // The CSV reader passes over blank lines (a record's position is where
        // the blank lines before it start): each is an `empty` row here.
        let blank_rows = |from: u64,
                          to: u64,
                          rows: &mut Vec<Row>,
                          seen: &mut Seen,
                          flush: &mut Flush<'_>,
                          out: &mut dyn Write|
         -> Result<u64, String> {
            let mut first = from;
            while let Some(l) = seen.blank.pop_front_if_before(to) {
                if l >= from && l == first {
                    rows.push(Row {
                        fields: vec![String::new(); headers.len()],
                        number: String::new(),
                        line: usize::try_from(l).unwrap_or(usize::MAX),
                        refused: None,
                    });
                    first += 1;
                    if rows.len() >= CHUNK {
                        flush(rows, out)?;
                    }
                }
            }
            Ok(first)
        };
        loop {
            let more = rdr.read_byte_record(&mut record).map_err(|e| match e.position() {
                Some(p) => format!("CSV line {}: {e}", p.line()),
                None => format!("CSV: {e}"),
            })?;
            if !more {
                // What is left are the blank lines at the end.
                let mut seen = seen.borrow_mut();
                let from = seen.blank.front().copied().unwrap_or(0);
                blank_rows(from, u64::MAX, &mut rows, &mut seen, &mut flush, out)?;
                break;
            }
            let end = rdr.position().line();
            let from = record.position().map_or(0, csv::Position::line);
            // Blank lines before the record are rows of their own; the record starts after them.
            let start = blank_rows(from, end, &mut rows, &mut seen.borrow_mut(), &mut flush, out)?;
            let line = usize::try_from(start).unwrap_or(usize::MAX);
            let fields: Vec<String> = record.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect();
            let number = fields.get(index).cloned().unwrap_or_default();
            let refused = if seen.borrow().long.iter().any(|&l| l >= start && l < end.max(start + 1)) {
                Some(too_long(line))
            } else if record.iter().any(|f| std::str::from_utf8(f).is_err()) {
                Some(not_utf8(line))
            } else {
                None
            };
            seen.borrow_mut().long.retain(|&l| l >= end);
            rows.push(Row {
                fields,
                number,
                line,
                refused,
            });
            if rows.len() >= CHUNK {
                flush(&mut rows, out)?;
            }
        }
    } else {
        if format == OutFormat::Csv {
            write_header(out, &["input".to_string()])?;
        }
        // Every line is a row: a blank one is `empty`, one that is not UTF-8
        // or too long is a row with its error, and the run goes on.
        let mut lines = Lines::new(reader, MAX_LINE);
        let mut buf = Vec::new();
        while let Some(fits) = lines
            .next_line(&mut buf)
            .map_err(|e| format!("line {}: cannot read: {e}", lines.number + 1))?
        {
            let line = lines.number;
            let (number, refused) = match (fits, String::from_utf8(std::mem::take(&mut buf))) {
                (true, Ok(s)) => (s, None),
                (true, Err(e)) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(not_utf8(line))),
                (false, r) => {
                    let bytes = r.map_or_else(|e| e.into_bytes(), String::into_bytes);
                    let head = bytes.get(..256).unwrap_or(&bytes);
                    (String::from_utf8_lossy(head).into_owned(), Some(too_long(line)))
                }
            };
            rows.push(Row {
                fields: Vec::new(),
                number,
                line,
                refused,
            });
            if rows.len() >= CHUNK {
                flush(&mut rows, out)?;
            }
        }
    }
    flush(&mut rows, out)?;
    bar.finish_and_clear();
    Ok(())
}

fn write_header(out: &mut dyn Write, input: &[String]) -> Result<(), String> {
    let mut cols: Vec<String> = input.to_vec();
    cols.extend(COLUMNS.iter().map(|c| c.to_string()));
    let header = csv_line_plain(&cols)?;
    writeln!(out, "{header}").map_err(werr)
}

/// Cuts physical lines longer than `max` bytes short (the rest of such a
/// line is dropped, unread into memory) and notes their numbers, so a CSV
/// record cannot grow without bound.
struct LineBound<R> {
    inner: R,
    max: usize,
    /// The 1-based line being read, and how many of its bytes were passed on.
    line: u64,
    len: usize,
    /// Whether the line so far is empty.
    empty: bool,
    /// The last byte was a `\r` (a line end; a `\n` right after it is part of it).
    after_cr: bool,
    seen: std::rc::Rc<std::cell::RefCell<Seen>>,
}

/// The long and the blank physical lines passed on and not yet accounted for.
#[derive(Default)]
struct Seen {
    long: Vec<u64>,
    blank: std::collections::VecDeque<u64>,
}

/// Writes the rows so far and clears them.
type Flush<'a> = dyn FnMut(&mut Vec<Row>, &mut dyn Write) -> Result<(), String> + 'a;

trait PopBefore {
    fn pop_front_if_before(&mut self, to: u64) -> Option<u64>;
}

impl PopBefore for std::collections::VecDeque<u64> {
    /// The first number, taken out, when it is below `to`.
    fn pop_front_if_before(&mut self, to: u64) -> Option<u64> {
        if self.front().is_some_and(|&l| l < to) {
            self.pop_front()
        } else {
            None
        }
    }
}

impl<R: BufRead> Read for LineBound<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let avail = self.inner.fill_buf()?;
            if avail.is_empty() {
                return Ok(0);
            }
            let mut n = 0;
            let mut skipped = 0;
            for &b in avail {
                if b == b'\n' && self.after_cr {
                    // The `\n` of a `\r\n`: the line already ended at the `\r`.
                    if n > 0 {
                        break;
                    }
                    self.after_cr = false;
                    skipped += 1;
                } else if b == b'\n' || b == b'\r' {
                    // A line end, `\n`, `\r\n` or a lone `\r`, is a `\n` for the CSV reader.
                    if n == buf.len() {
                        break;
                    }
                    if let Some(slot) = buf.get_mut(n) {
                        *slot = b'\n';
                    }
                    n += 1;
                    if self.empty {
                        self.seen.borrow_mut().blank.push_back(self.line);
                    }
                    self.line += 1;
                    self.len = 0;
                    self.empty = true;
                    self.after_cr = b == b'\r';
                } else if self.len >= self.max {
                    self.after_cr = false;
                    if self.len == self.max {
                        self.seen.borrow_mut().long.push(self.line);
                        self.len += 1;
                    }
                    if n > 0 {
                        break;
                    }
                    skipped += 1;
                    continue;
                } else {
                    if n == buf.len() {
                        break;
                    }
                    if let Some(slot) = buf.get_mut(n) {
                        *slot = b;
                    }
                    n += 1;
                    self.len += 1;
                    self.empty = false;
                    self.after_cr = false;
                }
            }
            self.inner.consume(n + skipped);
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
        }
    }
}

/// One CSV record. Cells echo the input with its control characters (C0,
/// DEL and C1, a quoted cell's line breaks too) escaped as JSON writes them
/// (`\n`, `\u001b`), as the text formats do: output never carries them.
/// The NDJSON format keeps the input exactly.
fn csv_line_plain(cells: &[String]) -> Result<String, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(cells.iter().map(|c| crate::docs::esc(c).into_owned()))
        .map_err(|e| e.to_string())?;
    let mut s = String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    if s.ends_with('\n') {
        s.pop();
    }
    Ok(s)
}

/// `--column`: 1-based, or a header name; the first column by default.
fn column_index(column: Option<&str>, headers: &[String]) -> Result<usize, String> {
    match column {
        None => Ok(0),
        Some(c) => match c.parse::<usize>() {
            Ok(0) => Err("--column is 1-based".into()),
            Ok(n) if n <= headers.len() => Ok(n - 1),
            Ok(n) => Err(format!("--column {n}: the CSV has {} columns", headers.len())),
            Err(_) => headers.iter().position(|h| h.trim() == c).ok_or_else(|| {
                format!(
                    "--column \"{c}\": no such header (the headers are {})",
                    headers.join(", ")
                )
            }),
        },
    }
}
