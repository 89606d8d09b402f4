//! `telschema normalize --find` (the numbers in a text, one row each) and
//! `telschema format` (one row per input line): both read the arguments, a
//! file or standard input line by line with the bound of `bulk::MAX_LINE`,
//! work on every core in chunks (output order is input order) and write
//! NDJSON.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};

use rayon::prelude::*;
use serde_json::{json, Map, Value};
use telschema::phone::{self, Format};
use telschema::Options;

use crate::bulk::MAX_LINE;
use crate::lines::Lines;
use crate::werr;

const CHUNK: usize = 4096;

/// Where the lines come from.
pub struct Source<'a> {
    pub input: Option<&'a str>,
    pub args: &'a [String],
}

/// A line as read: its 1-based number, its text, and why it could not be
/// read when it could not (`code`, `message`).
struct Line {
    number: usize,
    text: String,
    refused: Option<(&'static str, String)>,
}

/// Runs `rows` on every line (each argument is a line), writing what it
/// gives in input order.
fn each_line(
    source: &Source<'_>,
    out: &mut impl Write,
    rows: impl Fn(&Line) -> Vec<String> + Sync,
) -> Result<(), String> {
    let mut batch: Vec<Line> = Vec::with_capacity(CHUNK);
    let flush = |batch: &mut Vec<Line>, out: &mut dyn Write| -> Result<(), String> {
        let written: Vec<Vec<String>> = batch.par_iter().map(&rows).collect();
        for r in written.iter().flatten() {
            writeln!(out, "{r}").map_err(werr)?;
        }
        batch.clear();
        Ok(())
    };
    if !source.args.is_empty() {
        for (i, a) in source.args.iter().enumerate() {
            batch.push(Line {
                number: i + 1,
                text: a.clone(),
                refused: None,
            });
        }
        return flush(&mut batch, out);
    }
    let reader: Box<dyn Read> = match source.input {
        Some(path) if path != "-" => Box::new(File::open(path).map_err(|e| format!("{path}: cannot read: {e}"))?),
        _ => Box::new(io::stdin()),
    };
    let mut lines = Lines::new(BufReader::with_capacity(1 << 16, reader), MAX_LINE);
    let mut buf = Vec::new();
    while let Some(fits) = lines
        .next_line(&mut buf)
        .map_err(|e| format!("line {}: cannot read: {e}", lines.number + 1))?
    {
        let number = lines.number;
        let line = match (fits, String::from_utf8(std::mem::take(&mut buf))) {
            (true, Ok(text)) => Line {
                number,
                text,
                refused: None,
            },
            (true, Err(e)) => Line {
                number,
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                refused: Some(("invalid_utf8", format!("Line {number} is not UTF-8."))),
            },
            (false, r) => {
                let bytes = r.map_or_else(|e| e.into_bytes(), String::into_bytes);
                let head = bytes.get(..256).unwrap_or(&bytes);
                Line {
                    number,
                    text: String::from_utf8_lossy(head).into_owned(),
                    refused: Some((
                        "limit_exceeded",
                        format!("Line {number} is longer than {MAX_LINE} bytes; it was not read."),
                    )),
                }
            }
        };
        batch.push(line);
        if batch.len() >= CHUNK {
            flush(&mut batch, out)?;
        }
    }
    flush(&mut batch, out)
}

fn error_row(mut row: Map<String, Value>, code: &str, message: &str) -> String {
    row.insert("error".into(), json!({ "code": code, "message": message }));
    Value::Object(row).to_string()
}

/// `normalize --find`: a row per number found in each line, with the line,
/// the UTF-8 byte offsets within it, the text as written and the number; a
/// line that cannot be read is a row with `line` and `error`.
pub fn find(source: &Source<'_>, options: &Options, out: &mut impl Write) -> Result<(), String> {
    each_line(source, out, |line| {
        let mut head = Map::new();
        head.insert("line".into(), json!(line.number));
        if let Some((code, message)) = &line.refused {
            return vec![error_row(head, code, message)];
        }
        match phone::find_numbers(&line.text, options) {
            Err(e) => vec![error_row(head, e.code(), &e.to_string())],
            Ok(found) => found
                .into_iter()
                .map(|f| {
                    let mut row = head.clone();
                    row.insert("start".into(), json!(f.start));
                    row.insert("end".into(), json!(f.end));
                    row.insert("text".into(), json!(f.text));
                    if let Ok(Value::Object(n)) = serde_json::to_value(&f.number) {
                        row.extend(n);
                    }
                    Value::Object(row).to_string()
                })
                .collect(),
        }
    })
}

/// `format --as STYLE`: a row per line, `{"input", "formatted"}` or
/// `{"input", "error"}`.
pub fn format(
    source: &Source<'_>,
    style: Option<Format>,
    from: Option<&str>,
    options: &Options,
    out: &mut impl Write,
) -> Result<(), String> {
    each_line(source, out, |line| {
        let mut row = Map::new();
        row.insert("input".into(), json!(line.text));
        if source.args.is_empty() && line.refused.is_some() {
            row.insert("line".into(), json!(line.number));
        }
        if let Some((code, message)) = &line.refused {
            return vec![error_row(row, code, message)];
        }
        let formatted = phone::normalize(&line.text, options).and_then(|n| match (style, from) {
            (Some(style), _) => Ok(phone::format(&n, style)),
            (None, Some(region)) => phone::format_out_of_country(&n, region),
            (None, None) => Ok(phone::format(&n, Format::E164)),
        });
        vec![match formatted {
            Ok(s) => {
                row.insert("formatted".into(), json!(s));
                Value::Object(row).to_string()
            }
            Err(e) => error_row(row, e.code(), &e.to_string()),
        }]
    })
}
