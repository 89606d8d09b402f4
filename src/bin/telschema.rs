//! The `telschema` command line.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::{json, Map, Value};
use telschema::{check, phone, validate, Completeness, Kind, Options, Outcome, PhoneLevel, Report, Timestamp, KINDS};

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
    /// Normalize phone numbers to E.164: the arguments, or one per line of standard input.
    Normalize {
        /// Region for numbers written in national form (ISO 3166-1 alpha-2).
        #[arg(long, default_value = "US")]
        region: String,
        /// Numbers to normalize; without any, lines of standard input.
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
    /// List the document kinds.
    Kinds,
}

/// What `validate` and `check` both take.
#[derive(Args)]
struct DocArgs {
    /// The document kind (see `telschema kinds`).
    #[arg(long)]
    kind: String,
    /// Output format (`kazoo`: Kazoo's error body; for `check`, of the normalized document).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    options: OptionFlags,
    /// JSON files; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// For people: one line per issue.
    Text,
    /// One report per document, a JSON object per line, with its file.
    Json,
    /// Kazoo's 400 error body per document (`null` when valid).
    Kazoo,
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

fn parse_kind(kind: &str) -> Result<Kind, String> {
    kind.parse::<Kind>().map_err(|e| e.to_string())
}

/// One output object: the input and the normalized number, or the input and an error.
fn normalized_line(input: &str, options: &Options) -> Value {
    let mut obj = Map::new();
    obj.insert("input".into(), Value::String(input.to_string()));
    match phone::normalize(input, options) {
        Ok(n) => {
            if let Ok(Value::Object(fields)) = serde_json::to_value(&n) {
                obj.extend(fields);
            }
        }
        Err(e) => {
            obj.insert("error".into(), json!({ "code": e.code(), "message": e.to_string() }));
        }
    }
    Value::Object(obj)
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
    String::from_utf8(bytes).map_err(|e| format!("{file}: not UTF-8 (byte {})", e.utf8_error().valid_up_to()))
}

/// A result as JSON with the file it came from.
fn with_file(result: &impl serde::Serialize, file: &str) -> Value {
    let mut v = serde_json::to_value(result).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert("file".into(), Value::String(file.to_string()));
    }
    v
}

fn print_report(out: &mut impl Write, format: Format, file: &str, report: &Report) -> io::Result<()> {
    match format {
        Format::Text => {
            writeln!(
                out,
                "{file}: {} ({})",
                if report.valid { "valid" } else { "invalid" },
                report.kind
            )?;
            for (level, issues) in [("error", &report.errors), ("warning", &report.warnings)] {
                for i in issues {
                    let path = if i.path.is_empty() {
                        "(document)"
                    } else {
                        i.path.as_str()
                    };
                    writeln!(out, "  {level} {path}: {} [{}]", i.message, i.code)?;
                }
            }
            Ok(())
        }
        Format::Json => writeln!(out, "{}", with_file(report, file)),
        Format::Kazoo => writeln!(out, "{}", report.to_kazoo().unwrap_or(Value::Null)),
    }
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

fn print_outcome(out: &mut impl Write, format: Format, file: &str, o: &Outcome) -> io::Result<()> {
    match format {
        Format::Text => {
            print_report(out, format, file, &o.report)?;
            for ch in &o.changes {
                writeln!(out, "  changed {}: {} -> {}", ch.path, ch.from, ch.to)?;
            }
            let c = &o.completeness;
            writeln!(
                out,
                "  {} {}",
                bar(c),
                if c.complete { "complete" } else { "incomplete" }
            )?;
            for m in &c.missing {
                writeln!(out, "  missing {}: {} ({})", m.path, m.label, m.reason)?;
            }
            if let Some(next) = &c.next {
                writeln!(out, "  next: {next}")?;
            }
            if let Some(s) = c.submittable {
                writeln!(out, "  submittable: {}", if s { "yes" } else { "no" })?;
            }
            Ok(())
        }
        Format::Json => writeln!(out, "{}", with_file(o, file)),
        Format::Kazoo => writeln!(out, "{}", o.report.to_kazoo().unwrap_or(Value::Null)),
    }
}

fn load(file: &str) -> Result<Value, String> {
    read(file).and_then(|text| {
        serde_json::from_str::<Value>(&text)
            .map_err(|e| format!("{file}:{}:{}: invalid JSON: {e}", e.line(), e.column()))
    })
}

/// Judges each file's document with `judge` (which prints and says whether
/// it failed); a file that cannot be read or parsed is named on standard
/// error and the others are still judged. Exit 2 beats 1.
fn each_document<W: Write>(
    files: &[String],
    out: &mut W,
    mut judge: impl FnMut(&mut W, &str, Value) -> io::Result<bool>,
) -> Result<ExitCode, String> {
    let werr = |e: io::Error| format!("cannot write: {e}");
    let (mut failed, mut broken) = (false, false);
    for file in files {
        match load(file) {
            Ok(doc) => failed |= judge(out, file, doc).map_err(werr)?,
            Err(e) => {
                broken = true;
                out.flush().map_err(werr)?;
                eprintln!("telschema: {e}");
            }
        }
    }
    out.flush().map_err(werr)?;
    Ok(ExitCode::from(if broken { 2 } else { u8::from(failed) }))
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let werr = |e: io::Error| format!("cannot write: {e}");
    match cli.command {
        Command::Normalize { region, numbers } => {
            let options = Options::with_region(region);
            check_region(&options)?;
            if numbers.is_empty() {
                for line in io::stdin().lock().lines() {
                    let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
                    if !line.trim().is_empty() {
                        writeln!(out, "{}", normalized_line(&line, &options)).map_err(werr)?;
                    }
                }
            } else {
                for n in &numbers {
                    writeln!(out, "{}", normalized_line(n, &options)).map_err(werr)?;
                }
            }
        }
        Command::Validate {
            docs:
                DocArgs {
                    kind,
                    format,
                    options,
                    files,
                },
        } => {
            let kind = parse_kind(&kind)?;
            let options = options.options()?;
            return each_document(&files, &mut out, |out, file, doc| {
                let report = validate(kind, &doc, &options);
                print_report(out, format, file, &report)?;
                Ok(!report.valid)
            });
        }
        Command::Check {
            docs:
                DocArgs {
                    kind,
                    format,
                    options,
                    files,
                },
            require_complete,
            normalize,
        } => {
            let kind = parse_kind(&kind)?;
            let options = options.options()?;
            if normalize {
                let [file] = files.as_slice() else {
                    return Err("--normalize takes exactly one input".into());
                };
                let o = check(kind, &load(file)?, &options);
                let doc = serde_json::to_string_pretty(&o.document).map_err(|e| e.to_string())?;
                writeln!(out, "{doc}").map_err(werr)?;
                out.flush().map_err(werr)?;
                print_outcome(&mut io::stderr().lock(), format, file, &o).map_err(werr)?;
                let failed = !o.report.valid || (require_complete && !o.completeness.complete);
                return Ok(ExitCode::from(u8::from(failed)));
            }
            return each_document(&files, &mut out, |out, file, doc| {
                let o = check(kind, &doc, &options);
                print_outcome(out, format, file, &o)?;
                Ok(!o.report.valid || (require_complete && !o.completeness.complete))
            });
        }
        Command::Schema { kind } => {
            write!(out, "{}", parse_kind(&kind)?.schema_text()).map_err(werr)?;
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

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("telschema: {e}");
            ExitCode::from(2)
        }
    }
}
