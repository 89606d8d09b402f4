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

/// Lines (or CSV rows) normalized per parallel batch.
const CHUNK: usize = 16_384;

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

fn result_cells(r: &Result<NormalizedNumber, phone::PhoneError>) -> [String; 9] {
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
        Err(e) => {
            let mut cells: [String; 9] = Default::default();
            cells[8] = e.code().to_string();
            cells
        }
    }
}

/// One NDJSON line: the input (and CSV line), then the number's fields or an
/// error, written straight into one string.
fn json_line(input: &str, line: Option<usize>, r: &Result<NormalizedNumber, phone::PhoneError>) -> String {
    let mut s = String::with_capacity(256);
    s.push_str("{\"input\":");
    s.push_str(&Value::String(input.to_string()).to_string());
    if let Some(l) = line {
        s.push_str(",\"line\":");
        s.push_str(&l.to_string());
    }
    let rest = match r {
        Ok(n) => serde_json::to_string(n).unwrap_or_default(),
        Err(e) => json!({ "error": { "code": e.code(), "message": e.to_string() } }).to_string(),
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

fn csv_line(fields: &[String], r: &Result<NormalizedNumber, phone::PhoneError>) -> Result<String, String> {
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

/// A row of work: the fields to echo (CSV), the number, the 1-based line.
struct Row {
    fields: Vec<String>,
    number: String,
    line: usize,
}

pub fn run(job: Job<'_>, out: &mut impl Write) -> Result<(), String> {
    let werr = |e: io::Error| format!("cannot write: {e}");
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
                let r = phone::normalize(&row.number, job.options);
                match format {
                    OutFormat::Ndjson => Ok(json_line(&row.number, csv_input.then_some(row.line), &r)),
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
        }));
        if format == OutFormat::Csv {
            write_header(out, &["input".to_string()])?;
        }
        return flush(&mut rows, out);
    }
    if csv_input {
        let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| format!("CSV header: {e}"))?
            .iter()
            .map(str::to_string)
            .collect();
        let index = column_index(job.column, &headers)?;
        if format == OutFormat::Csv {
            write_header(out, &headers)?;
        }
        for (i, record) in rdr.records().enumerate() {
            let record = record.map_err(|e| format!("CSV line {}: {e}", i + 2))?;
            let fields: Vec<String> = record.iter().map(str::to_string).collect();
            let number = fields.get(index).cloned().unwrap_or_default();
            rows.push(Row {
                fields,
                number,
                line: i + 2,
            });
            if rows.len() == CHUNK {
                flush(&mut rows, out)?;
            }
        }
    } else {
        if format == OutFormat::Csv {
            write_header(out, &["input".to_string()])?;
        }
        for (i, line) in reader.lines().enumerate() {
            let line = line.map_err(|e| format!("line {}: cannot read: {e}", i + 1))?;
            let number = line.trim_end_matches('\r');
            if number.trim().is_empty() {
                continue;
            }
            rows.push(Row {
                fields: Vec::new(),
                number: number.to_string(),
                line: i + 1,
            });
            if rows.len() == CHUNK {
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
    writeln!(out, "{header}").map_err(|e| format!("cannot write: {e}"))
}

fn csv_line_plain(cells: &[String]) -> Result<String, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(cells).map_err(|e| e.to_string())?;
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
                    "--column {c:?}: no such header (the headers are {})",
                    headers.join(", ")
                )
            }),
        },
    }
}
