//! Every fixture under `tests/fixtures/<kind>/` through `validate`, compared
//! with the report stored beside its document (`UPDATE_FIXTURES=1` rewrites
//! the stored reports; review the diff).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use telschema::{validate, Kind, Options, KINDS};

fn fixtures() -> Vec<(Kind, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for kind in KINDS {
        let dir = root.join(kind.as_str());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        out.extend(files.into_iter().map(|f| (kind, f)));
    }
    out
}

#[test]
fn every_fixture_gives_its_report() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut failures = Vec::new();
    let mut per_kind = std::collections::BTreeMap::new();
    for (kind, file) in fixtures() {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut fixture: Map<String, Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let options: Options = fixture
            .get("options")
            .map(|o| serde_json::from_value(o.clone()).expect("options"))
            .unwrap_or_default();
        let report = serde_json::to_value(validate(kind, &fixture["document"], &options)).unwrap();
        *per_kind.entry(kind.as_str()).or_insert(0) += 1;
        if update {
            fixture.insert("report".into(), report);
            std::fs::write(
                &file,
                serde_json::to_string_pretty(&fixture).unwrap() + "\n",
            )
            .unwrap();
        } else if fixture.get("report") != Some(&report) {
            failures.push(format!(
                "{}:\n  expected {}\n  actual   {}",
                file.display(),
                fixture.get("report").unwrap_or(&Value::Null),
                report
            ));
        }
    }
    println!("fixtures per kind: {per_kind:?}");
    assert!(
        per_kind.len() == KINDS.len() && per_kind.values().all(|&n| n >= 8),
        "each kind needs 8 fixtures: {per_kind:?}"
    );
    assert!(
        failures.is_empty(),
        "{} fixture(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
