//! `TELSCHEMA_METADATA_XML` and `TELSCHEMA_SHORT_METADATA_XML` (README,
//! "Fresh metadata without waiting for a crate release"): build.rs's own
//! generator, included here, run on the crate's compiled database and on the
//! crate's XML files through the variables, must give the same source byte
//! for byte, and the same as the `metadata.rs` this build compiled. A file
//! that differs must give different tables and a `custom-` version.

use std::path::PathBuf;

#[allow(dead_code)]
#[path = "../build.rs"]
mod build;

const VARS: [&str; 3] = [
    "TELSCHEMA_METADATA_XML",
    "TELSCHEMA_SHORT_METADATA_XML",
    "TELSCHEMA_METADATA_VERSION",
];

#[test]
fn the_crates_xml_through_the_variables_gives_identical_tables() {
    let built_with_variables = VARS.iter().any(|v| std::env::var_os(v).is_some());
    std::env::set_var("CARGO_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    for v in VARS {
        std::env::remove_var(v);
    }
    let default = build::inputs();
    assert_eq!(default.version, telschema::phone::METADATA_VERSION);
    let default_source = build::generate(&default);

    let (dir, version) = build::phonenumber_crate().expect("the phonenumber crate's directory");
    let main_xml = dir.join("assets/PhoneNumberMetadata.xml");
    let short_xml = dir.join("assets/ShortNumberMetadata.xml");
    std::env::set_var("TELSCHEMA_METADATA_XML", &main_xml);
    std::env::set_var("TELSCHEMA_SHORT_METADATA_XML", &short_xml);
    let unnamed = build::inputs();
    assert!(unnamed.version.starts_with("custom-"), "{}", unnamed.version);
    std::env::set_var("TELSCHEMA_METADATA_VERSION", &version);
    let from_xml = build::inputs();
    assert_eq!(from_xml.version, version);
    let from_xml_source = build::generate(&from_xml);
    assert!(
        default_source == from_xml_source,
        "the crate's XML through TELSCHEMA_METADATA_XML gives other tables"
    );
    println!(
        "metadata.rs from the crate's database and from {} + {}: identical, {} bytes",
        main_xml.display(),
        short_xml.display(),
        from_xml_source.len()
    );

    // The generator run here is the one that made this build's tables.
    if !built_with_variables {
        let compiled = PathBuf::from(env!("OUT_DIR")).join("metadata.rs");
        let compiled = std::fs::read_to_string(&compiled).expect("OUT_DIR/metadata.rs");
        assert!(
            compiled == default_source,
            "OUT_DIR/metadata.rs differs from the generator's output"
        );
    }

    // A file that differs is read: one more US emergency number.
    let xml = std::fs::read_to_string(&short_xml).expect("short XML");
    let us = xml.find("<territory id=\"US\">").expect("US");
    let at = us + xml[us..].find("112|\n          911").expect("US emergency pattern");
    let mut changed = xml.clone();
    changed.replace_range(at..at + 3, "112|999");
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ShortNumberMetadata-changed.xml");
    std::fs::write(&tmp, changed).expect("write the changed XML");
    std::env::set_var("TELSCHEMA_SHORT_METADATA_XML", &tmp);
    std::env::remove_var("TELSCHEMA_METADATA_VERSION");
    let changed = build::inputs();
    assert!(changed.version.starts_with("custom-") && changed.version != unnamed.version);
    assert!(build::generate(&changed) != default_source);
    for v in VARS {
        std::env::remove_var(v);
    }
}
