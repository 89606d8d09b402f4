//! Every fixture under `tests/fixtures/<kind>/` through `validate`, compared
//! with the report stored beside its document (`UPDATE_FIXTURES=1` rewrites
//! the stored reports; review the diff).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use telschema::{check, completeness, validate, Kind, Options, KINDS};

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
        let doc = fixture["document"].clone();
        let outcome = check(kind, &doc, &options);
        assert_eq!(doc, fixture["document"], "check modified its input");
        let mut check_v = serde_json::to_value(&outcome).unwrap();
        // The document itself is stored only when check rewrote it.
        if outcome.changes.is_empty() {
            assert_eq!(
                outcome.document,
                doc,
                "{}: no changes listed, yet the document differs",
                file.display()
            );
            check_v.as_object_mut().unwrap().remove("document");
        }
        let results = [
            ("report", serde_json::to_value(validate(kind, &doc, &options)).unwrap()),
            (
                "completeness",
                serde_json::to_value(completeness(kind, &doc, &options)).unwrap(),
            ),
            ("check", check_v),
        ];
        *per_kind.entry(kind.as_str()).or_insert(0) += 1;
        for (key, actual) in results {
            if update {
                fixture.insert(key.into(), actual);
            } else if fixture.get(key) != Some(&actual) {
                let expected = fixture.get(key).unwrap_or(&Value::Null);
                failures.push(format!(
                    "{} ({key}):\n  expected {expected}\n  actual   {actual}",
                    file.display()
                ));
            }
        }
        if update {
            std::fs::write(&file, serde_json::to_string_pretty(&fixture).unwrap() + "\n").unwrap();
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
