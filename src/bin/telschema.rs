//! The `telschema` command line.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{json, Map, Value};
use telschema::{phone, Options};

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
            obj.insert(
                "error".into(),
                json!({ "code": e.code(), "message": e.to_string() }),
            );
        }
    }
    Value::Object(obj)
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Normalize { region, numbers } => {
            let options = Options::with_region(region);
            // A bad region is a usage error, not a per-number one.
            if let Err(e @ phone::PhoneError::UnknownRegion(_)) = phone::normalize("+1", &options) {
                return Err(e.to_string());
            }
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let mut emit = |line: &str| -> Result<(), String> {
                writeln!(out, "{}", normalized_line(line, &options))
                    .map_err(|e| format!("cannot write: {e}"))
            };
            if numbers.is_empty() {
                for line in io::stdin().lock().lines() {
                    let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
                    if !line.trim().is_empty() {
                        emit(&line)?;
                    }
                }
            } else {
                for n in &numbers {
                    emit(n)?;
                }
            }
            out.flush().map_err(|e| format!("cannot write: {e}"))
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("telschema: {e}");
            ExitCode::from(2)
        }
    }
}
