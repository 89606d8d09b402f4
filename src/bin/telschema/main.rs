//! The `telschema` command line.

// No panic paths outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)
)]

mod bulk;
mod controls;
mod docs;
mod lines;
mod locate;
mod rows;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use telschema::{phone, Options, PhoneLevel, Timestamp, KINDS};

#[derive(Parser)]
#[command(
    name = "telschema",
    version,
    about = "Normalize phone numbers and validate telecom provisioning documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Normalize phone numbers to E.164: the arguments, a file (--input), or one per line of
    /// standard input. A number that cannot be normalized is a row with `error`, not a failure.
    Normalize {
        /// Region for numbers written in national form (ISO 3166-1 alpha-2).
        #[arg(long, default_value = "US")]
        region: String,
        /// A file of numbers, one per line, or a CSV (`.csv`, or with --column); `-` is standard input.
        #[arg(long)]
        input: Option<String>,
        /// The CSV column holding the numbers: 1-based, or a header name (default 1).
        #[arg(long)]
        column: Option<String>,
        /// Output: `ndjson` (default) or `csv` (default for CSV input; the row, then the results).
        #[arg(long, value_enum)]
        format: Option<bulk::OutFormat>,
        /// Find the phone numbers in text (as libphonenumber's PhoneNumberMatcher): one NDJSON
        /// row per number found, with its line, its UTF-8 byte offsets in the line, the text as
        /// written and the normalized number. Each argument is a text; else --input or standard
        /// input, line by line.
        #[arg(long, conflicts_with_all = ["column", "format"])]
        find: bool,
        /// With --find: `valid` (leniency VALID, the default) or `possible` (POSSIBLE).
        #[arg(long, value_enum, requires = "find")]
        phone_level: Option<Level>,
        /// Numbers to normalize; without any, --input or standard input.
        numbers: Vec<String>,
    },
    /// Format phone numbers in one of libphonenumber's styles: one NDJSON row per input line,
    /// `{"input","formatted"}` or `{"input","error"}`. Each number is normalized first.
    Format {
        /// The style: e164, international, national, rfc3966, or out_of_country (with --from).
        #[arg(long = "as", value_enum)]
        style: Style,
        /// With --as out_of_country: the region the number is dialled from.
        #[arg(long, value_name = "REGION")]
        from: Option<String>,
        /// Region for numbers written in national form (ISO 3166-1 alpha-2).
        #[arg(long, default_value = "US")]
        region: String,
        /// A file of numbers, one per line; `-` is standard input.
        #[arg(long, conflicts_with = "numbers")]
        input: Option<String>,
        /// Numbers to format; without any, --input or standard input.
        numbers: Vec<String>,
    },
    /// Validate documents exactly as given. Exit 0 all valid, 1 any invalid, 2 usage, read or parse errors.
    Validate {
        #[command(flatten)]
        docs: DocArgs,
    },
    /// Normalize phone fields, validate and measure completeness. Exit 0 all valid, 1 any invalid
    /// (or incomplete with --require-complete), 2 usage, read or parse errors.
    Check {
        #[command(flatten)]
        docs: DocArgs,
        /// An incomplete document exits 1.
        #[arg(long)]
        require_complete: bool,
        /// Write the normalized document to standard output and the report to standard error (one input).
        #[arg(long)]
        normalize: bool,
    },
    /// Print the published JSON Schema of a kind.
    Schema {
        /// The document kind.
        kind: String,
    },
    /// Print the form metadata of a kind: each field's pointer, label, form order, type, need
    /// (required, conditional or optional) and why, allowed values and limits.
    Fields {
        /// The document kind (see `telschema kinds`).
        kind: Option<String>,
        /// Output: `json` (one array, default), `ndjson` (one field per line) or `text` (a table).
        #[arg(long, value_enum, default_value_t = FieldsFormat::Json)]
        format: FieldsFormat,
        /// Language of labels, hints and reasons: en, fr, es, de, nl (a tag such as fr-CA reads as fr).
        #[arg(long, default_value = "en", value_name = "LANG")]
        locale: String,
    },
    /// List the document kinds.
    Kinds,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FieldsFormat {
    /// One JSON array, indented.
    Json,
    /// One JSON field per line.
    Ndjson,
    /// A table for people: order, pointer, need, label.
    Text,
}

/// What `validate` and `check` both take.
#[derive(Args)]
struct DocArgs {
    /// The document kind (see `telschema kinds`), or `auto`: named by the document's
    /// `$schema` or its shape, per document.
    #[arg(long, default_value = "auto")]
    kind: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// A document with warnings counts as invalid (exit 1).
    #[arg(long)]
    warnings_as_errors: bool,
    /// Read standard input as NDJSON (one document per line).
    #[arg(long)]
    ndjson: bool,
    /// The name standard input is reported as (and read as NDJSON when it ends in
    /// `.ndjson`): `git show :a.json | telschema validate --stdin-name a.json -`.
    #[arg(long, value_name = "PATH")]
    stdin_name: Option<String>,
    /// Read what is staged in git (`git show :PATH`) instead of the working tree; without
    /// paths, every staged *.json and *.ndjson.
    #[arg(long)]
    staged: bool,
    /// Do not read files matching GLOB (repeatable; `*`, `?`, `**`; without a `/`, matched
    /// against the file name). Counted as excluded in the summary.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// A document that fits no kind (`unknown_kind` with kind auto) is listed as skipped and
    /// does not change the exit status (package.json, tsconfig.json …).
    #[arg(long)]
    skip_unknown: bool,
    #[command(flatten)]
    options: OptionFlags,
    /// Files and directories (searched recursively for *.json and *.ndjson); `-` reads standard input.
    #[arg(required_unless_present = "staged")]
    paths: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people: issues as file:line:column, grouped by file.
    Text,
    /// One JSON array holding one result per document.
    Json,
    /// One JSON result per document per line.
    Ndjson,
    /// Kazoo's 400 error body per document (`null` when valid), one per line.
    Kazoo,
    /// GitHub workflow commands (::error file=…,line=…,col=…::…), shown inline in CI.
    Github,
}

#[derive(Args)]
struct OptionFlags {
    /// Region for numbers written in national form.
    #[arg(long, default_value = "US")]
    region: String,
    /// `valid` (metadata validity) or `possible` (length only).
    #[arg(long, value_enum, default_value_t = Level::Valid)]
    phone_level: Level,
    /// Current time for date rules (RFC 3339); defaults to the system clock.
    #[arg(long)]
    now: Option<String>,
    /// Country of a CM.com order (a NANP country makes `region` required).
    #[arg(long)]
    order_country: Option<String>,
    /// Accept "true"/"42" where a boolean or number is expected, with a warning (as Kazoo does).
    #[arg(long)]
    lenient_types: bool,
    /// Language of messages, labels and reasons: en, fr, es, de, nl (a tag such as fr-CA reads as fr).
    #[arg(long, default_value = "en", value_name = "LANG")]
    locale: String,
    /// Largest document in bytes (default 1048576; per line for NDJSON).
    #[arg(long, value_name = "BYTES")]
    max_document_bytes: Option<usize>,
    /// Deepest nesting of objects and arrays (default 32).
    #[arg(long, value_name = "LEVELS")]
    max_depth: Option<usize>,
    /// Longest string or key in characters (default 10000).
    #[arg(long, value_name = "CHARS")]
    max_string_length: Option<usize>,
    /// Longest array (default 10000).
    #[arg(long, value_name = "ITEMS")]
    max_array_length: Option<usize>,
    /// Most errors, and most warnings, listed per document (default 1000; the rest are counted).
    #[arg(long, value_name = "N")]
    max_issues: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Style {
    E164,
    International,
    National,
    Rfc3966,
    #[value(name = "out_of_country")]
    OutOfCountry,
}

#[derive(Clone, Copy, ValueEnum)]
enum Level {
    Valid,
    Possible,
}

impl OptionFlags {
    fn options(&self) -> Result<Options, String> {
        let now = match &self.now {
            Some(s) => s.parse::<Timestamp>().map_err(|e| format!("--now: {e}"))?,
            None => {
                let secs = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                Timestamp::from_unix(i64::try_from(secs).unwrap_or(0))
            }
        };
        let mut o = Options::with_region(self.region.clone());
        o.phone_level = match self.phone_level {
            Level::Valid => PhoneLevel::Valid,
            Level::Possible => PhoneLevel::Possible,
        };
        o.now = Some(now);
        o.order_country = self.order_country.clone();
        o.lenient_types = self.lenient_types;
        o.locale = self.locale.parse().map_err(|e| format!("--locale: {e}"))?;
        let l = &mut o.limits;
        for (flag, field) in [
            (self.max_document_bytes, &mut l.max_document_bytes),
            (self.max_depth, &mut l.max_depth),
            (self.max_string_length, &mut l.max_string_length),
            (self.max_array_length, &mut l.max_array_length),
            (self.max_issues, &mut l.max_issues),
        ] {
            if let Some(v) = flag {
                *field = v;
            }
        }
        check_region(&o)?;
        Ok(o)
    }
}

/// A bad region is a usage error, not a per-number one.
fn check_region(options: &Options) -> Result<(), String> {
    match phone::normalize("+1", options) {
        Err(e @ phone::PhoneError::UnknownRegion(_)) => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// What a failed write ends the run with: a closed pipe ([`CLOSED`]) ends it quietly.
pub fn werr(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        CLOSED.into()
    } else {
        format!("cannot write: {e}")
    }
}

/// The reader of standard output went away (`| head`): not an error (exit 0, no message).
pub const CLOSED: &str = "\0closed pipe";

/// A line on standard error; a closed standard error is not worth a panic.
pub fn note(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(controls::NoControls::new(stdout.lock()));
    match cli.command {
        Command::Normalize {
            region,
            input,
            column,
            format,
            find,
            phone_level,
            numbers,
        } => {
            let mut options = Options::with_region(region);
            check_region(&options)?;
            if input.is_some() && !numbers.is_empty() {
                return Err("give numbers as arguments or --input, not both".into());
            }
            if find {
                if let Some(Level::Possible) = phone_level {
                    options.phone_level = PhoneLevel::Possible;
                }
                let source = rows::Source {
                    input: input.as_deref(),
                    args: &numbers,
                };
                rows::find(&source, &options, &mut out)?;
                out.flush().map_err(werr)?;
                return Ok(ExitCode::SUCCESS);
            }
            let job = bulk::Job {
                input: input.as_deref(),
                numbers: &numbers,
                column: column.as_deref(),
                format,
                options: &options,
            };
            bulk::run(job, &mut out)?;
        }
        Command::Format {
            style,
            from,
            region,
            input,
            numbers,
        } => {
            let options = Options::with_region(region);
            check_region(&options)?;
            let style = match style {
                Style::E164 => Some(phone::Format::E164),
                Style::International => Some(phone::Format::International),
                Style::National => Some(phone::Format::National),
                Style::Rfc3966 => Some(phone::Format::Rfc3966),
                Style::OutOfCountry => None,
            };
            let from = match (style, from) {
                (None, None) => return Err("--as out_of_country needs --from REGION".into()),
                (Some(_), Some(_)) => return Err("--from is for --as out_of_country".into()),
                (None, Some(r)) => {
                    check_region(&Options::with_region(r.clone()))?;
                    Some(r)
                }
                (Some(_), None) => None,
            };
            let source = rows::Source {
                input: input.as_deref(),
                args: &numbers,
            };
            rows::format(&source, style, from.as_deref(), &options, &mut out)?;
        }
        Command::Validate { docs } => {
            let options = docs.options.options()?;
            return docs::run(&docs.into(), &options, None, &mut out);
        }
        Command::Check {
            docs,
            require_complete,
            normalize,
        } => {
            let options = docs.options.options()?;
            let settings: docs::Settings = docs.into();
            if normalize {
                return docs::normalize_one(&settings, &options, require_complete, &mut out);
            }
            return docs::run(&settings, &options, Some(require_complete), &mut out);
        }
        Command::Schema { kind } => {
            let kind = kind.parse::<telschema::Kind>().map_err(|e| e.to_string())?;
            write!(out, "{}", kind.schema_text()).map_err(werr)?;
        }
        Command::Fields { kind, format, locale } => {
            let locale = locale.parse().map_err(|e| format!("--locale: {e}"))?;
            fields(kind.as_deref(), format, locale, &mut out)?
        }
        Command::Kinds => {
            for k in KINDS {
                writeln!(out, "{:<26} {}", k.as_str(), k.title()).map_err(werr)?;
            }
        }
    }
    out.flush().map_err(werr)?;
    Ok(ExitCode::SUCCESS)
}

/// `telschema fields KIND`: the library's [`telschema::fields`], written out.
fn fields(
    kind: Option<&str>,
    format: FieldsFormat,
    locale: telschema::Locale,
    out: &mut dyn Write,
) -> Result<(), String> {
    let kind = match kind {
        Some(k) => k
            .parse::<telschema::Kind>()
            .map_err(|e| format!("{e} ({})", e.code()))?,
        None => {
            let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
            return Err(format!(
                "fields needs a kind; the kinds are {}. (unknown_kind)",
                names.join(", ")
            ));
        }
    };
    let list = telschema::fields_in(kind, locale);
    match format {
        FieldsFormat::Json => {
            let text = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?;
            writeln!(out, "{text}").map_err(werr)?;
        }
        FieldsFormat::Ndjson => {
            for f in &list {
                let text = serde_json::to_string(f).map_err(|e| e.to_string())?;
                writeln!(out, "{text}").map_err(werr)?;
            }
        }
        FieldsFormat::Text => {
            // The need as it serializes (`required`, `conditional`, `optional`).
            let need = |f: &telschema::Field| match serde_json::to_value(f.need) {
                Ok(serde_json::Value::String(s)) => s,
                _ => String::new(),
            };
            let wide = list.iter().map(|f| f.pointer.chars().count()).max().unwrap_or(0).max(7);
            writeln!(out, "{:>5}  {:<wide$}  {:<11}  label", "order", "pointer", "need").map_err(werr)?;
            for f in &list {
                writeln!(
                    out,
                    "{:>5}  {:<wide$}  {:<11}  {}",
                    f.order,
                    f.pointer,
                    need(f),
                    f.label
                )
                .map_err(werr)?;
            }
        }
    }
    Ok(())
}

impl From<DocArgs> for docs::Settings {
    fn from(d: DocArgs) -> Self {
        docs::Settings {
            kind: d.kind,
            format: d.format,
            warnings_as_errors: d.warnings_as_errors,
            ndjson_stdin: d.ndjson,
            paths: d.paths,
            stdin_name: d.stdin_name,
            exclude: d.exclude,
            skip_unknown: d.skip_unknown,
            staged: d.staged,
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) if e == CLOSED => ExitCode::SUCCESS,
        Err(e) => {
            // A message may hold input text (a header, a file name): escaped,
            // so it cannot issue a workflow command or a terminal escape.
            note(&format!("telschema: {}", docs::esc(&e)));
            ExitCode::from(2)
        }
    }
}
