//! Files generated from the Rust types, checked for drift:
//! - `js/codes.d.ts`: the TypeScript union `IssueCode` from `telschema::Code`;
//! - the README's code table (between the `codes:begin`/`codes:end` markers);
//! - `js/results.schema.json`: the JSON Schema (schemars) of the result
//!   types, from which `node js/gen-types.mjs` makes `js/results.d.ts`.
//!
//! `UPDATE_GENERATED=1 cargo test --release --test generated` rewrites them;
//! otherwise a file that differs fails the test.

use std::path::{Path, PathBuf};

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};
use telschema::{Code, Severity};

const BEGIN: &str = "<!-- codes:begin (generated from telschema::Code by tests/generated.rs; do not edit) -->";
const END: &str = "<!-- codes:end -->";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Writes `text` when UPDATE_GENERATED is set; says whether the file holds it.
fn fresh(path: &Path, text: &str) -> bool {
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, text).unwrap();
    }
    std::fs::read_to_string(path).unwrap_or_default() == text
}

fn codes_dts() -> String {
    let mut s = String::from(
        "// Generated from telschema::Code by tests/generated.rs; do not edit\n\
         // (UPDATE_GENERATED=1 cargo test --release --test generated).\n\n\
         /** The stable snake_case code of an issue (README, Codes). */\nexport type IssueCode =\n",
    );
    for c in Code::ALL {
        s += &format!(
            "  /** {}: {} */\n  | '{}'\n",
            c.severity(),
            c.description().replace("*/", "* /"),
            c
        );
    }
    s.pop();
    s += ";\n";
    s
}

fn readme_table() -> String {
    let mut s = format!("{BEGIN}\n| code | kind | when | params |\n|---|---|---|---|\n");
    for c in Code::ALL {
        // The params, from the catalog of messages (telschema::messages).
        let params: Vec<String> = telschema::messages::params_of(*c)
            .iter()
            .map(|p| format!("`{p}`"))
            .collect();
        let params = if params.is_empty() {
            "—".to_string()
        } else {
            params.join(", ")
        };
        s += &format!("| `{}` | {} | {} | {} |\n", c, c.severity(), c.description(), params);
    }
    s + END
}

fn readme_with_table(readme: &str) -> Option<String> {
    let a = readme.find(BEGIN)?;
    let b = readme[a..].find(END)? + a + END.len();
    Some(format!("{}{}{}", &readme[..a], readme_table(), &readme[b..]))
}

/// The result types' schemas under `$defs`, one root property per type (the
/// root itself is not emitted by js/gen-types.mjs).
fn results_schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let mut roots = Map::new();
    macro_rules! root {
        ($($t:ty => $name:literal),*) => {$(
            let s = generator.subschema_for::<$t>();
            roots.insert($name.into(), s.to_value());
        )*};
    }
    root!(
        telschema::NormalizedNumber => "NormalizedNumber",
        telschema::NumberType => "NumberType",
        telschema::phone::CoverageCategory => "CoverageCategory",
        telschema::phone::RegionInfo => "RegionInfo",
        telschema::phone::ShortNumberInfo => "ShortNumberInfo",
        telschema::phone::ShortNumberCost => "ShortNumberCost",
        telschema::Issue => "Issue",
        telschema::Report => "Report",
        telschema::Omitted => "Omitted",
        telschema::Completeness => "Completeness",
        telschema::Missing => "Missing",
        telschema::Invalid => "Invalid",
        telschema::Change => "Change",
        telschema::Outcome => "CheckOutcome",
        telschema::Field => "Field",
        telschema::Need => "Need"
    );
    let mut defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    // Rust's Outcome is the JavaScript Outcome without documentJson and the
    // kind-typed document (js/telschema.d.ts adds them).
    if let Some(o) = defs.remove("Outcome") {
        defs.insert("CheckOutcome".into(), o);
    }
    let mut text = serde_json::to_string(&Value::Object(roots)).unwrap();
    text = text.replace("#/$defs/Outcome\"", "#/$defs/CheckOutcome\"");
    let roots: Value = serde_json::from_str(&text).unwrap();
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Generated from the Rust result types by tests/generated.rs (schemars); js/gen-types.mjs makes js/results.d.ts from it.",
        "title": "Results",
        "type": "object",
        "properties": roots,
        "$defs": defs,
    })
}

#[test]
fn generated_files_match_the_rust_types() {
    let mut stale = Vec::new();
    if !fresh(&root().join("js/codes.d.ts"), &codes_dts()) {
        stale.push("js/codes.d.ts");
    }
    let readme_path = root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let Some(updated) = readme_with_table(&readme) else {
        panic!("README.md has no {BEGIN} … {END} markers");
    };
    if !fresh(&readme_path, &updated) {
        stale.push("README.md (code table)");
    }
    let schema = serde_json::to_string_pretty(&results_schema()).unwrap() + "\n";
    if !fresh(&root().join("js/results.schema.json"), &schema) {
        stale.push("js/results.schema.json");
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from the Rust types; rerun with UPDATE_GENERATED=1 cargo test --release --test generated \
         (then node js/gen-types.mjs) and review the diff"
    );
}

#[test]
fn every_code_is_in_the_table_once_and_severities_are_the_readme_words() {
    let table = readme_table();
    for c in Code::ALL {
        assert_eq!(table.matches(&format!("\n| `{c}` |")).count(), 1, "{c}");
    }
    assert_eq!(Severity::ErrorOrWarning.to_string(), "error / warning");
    // The union holds exactly the codes, each once.
    let dts = codes_dts();
    let members: Vec<&str> = dts.lines().filter_map(|l| l.trim().strip_prefix("| '")).collect();
    assert_eq!(members.len(), Code::ALL.len());
}

/// The unions js/results.d.ts gives `Field.type` and `Field.format` (their
/// `tsType` in results.schema.json) hold every value `fields` gives, of
/// every kind.
#[test]
fn field_type_and_format_unions_hold_every_value() {
    let schema = results_schema();
    let union = |name: &str| -> Vec<String> {
        let t = schema["$defs"]["Field"]["properties"][name]["tsType"].as_str().unwrap();
        t.split('|').map(|m| m.trim().trim_matches('\'').to_string()).collect()
    };
    let (types, formats) = (union("type"), union("format"));
    assert!(types.len() >= 6 && formats.len() >= 5, "{types:?} {formats:?}");
    let mut seen = std::collections::BTreeSet::new();
    for kind in telschema::KINDS {
        for f in telschema::fields(kind) {
            let t = f.value_type.clone().unwrap_or_else(|| "null".into());
            let m = f.format.clone().unwrap_or_else(|| "null".into());
            assert!(types.contains(&t), "{kind:?} {}: type {t}", f.pointer);
            assert!(formats.contains(&m), "{kind:?} {}: format {m}", f.pointer);
            seen.insert(m);
        }
    }
    // The walk saw real values (phone fields, dates, bounded integers).
    assert!(
        seen.contains("phone") && seen.contains("date-time") && seen.contains("int32"),
        "{seen:?}"
    );
}
