//! The checked-in schemas are exactly what the Rust types generate
//! (`UPDATE_SCHEMAS=1` rewrites them).

use std::path::Path;

use telschema::KINDS;

#[test]
fn schemas_match_the_rust_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut stale = Vec::new();
    for kind in KINDS {
        let generated = serde_json::to_string_pretty(&kind.generate_schema()).unwrap() + "\n";
        let file = dir.join(format!("{}.schema.json", kind.as_str()));
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::write(&file, &generated).unwrap();
        }
        if std::fs::read_to_string(&file).unwrap_or_default() != generated {
            stale.push(kind.as_str());
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/ differs from the Rust types for {stale:?}; rerun with UPDATE_SCHEMAS=1 and review the diff"
    );
}

#[test]
fn every_schema_has_its_id_and_draft() {
    for kind in KINDS {
        let s = kind.schema();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["$id"], kind.schema_id());
        assert!(s["title"].is_string() && s["description"].is_string(), "{kind}");
    }
}
