//! Messages in every locale (README, Locales and params): over every fixture,
//! every issue of `validate` and `check` in every locale has a message with
//! no placeholder left, the same params as in English (only messages
//! change), and params that are exactly those its catalog entry names.

use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};
use telschema::{check, completeness, fields, fields_in, validate, Issue, Kind, Locale, Message, Options, KINDS};

fn fixtures() -> Vec<(Kind, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for kind in KINDS {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(kind.as_str()))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        out.extend(files.into_iter().map(|f| (kind, f)));
    }
    out
}

fn load(file: &Path) -> (Value, Options) {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let options: Options = fixture
        .get("options")
        .map(|o| serde_json::from_value(o.clone()).unwrap())
        .unwrap_or_default();
    (fixture["document"].clone(), options)
}

fn issues(kind: Kind, doc: &Value, options: &Options) -> Vec<Issue> {
    let r = validate(kind, doc, options);
    let c = check(kind, doc, options).report;
    r.errors
        .into_iter()
        .chain(r.warnings)
        .chain(c.errors)
        .chain(c.warnings)
        .collect()
}

/// The catalog entry an English issue was written from: its code's entry
/// whose template, filled from the issue's params, is the message (a
/// `format` issue has its paired pattern's message: one mistake, one issue).
fn entry(i: &Issue) -> Option<Message> {
    use telschema::Code;
    Message::ALL.iter().copied().find(|m| {
        (m.code() == i.code || (i.code == Code::Format && m.code() == Code::Pattern))
            && m.render(Locale::En, &i.params) == i.message
    })
}

#[test]
fn every_issue_in_every_locale_is_filled_and_keeps_its_params() {
    let (mut seen, mut from_catalog, mut translated) = (0, 0, 0);
    let mut codes = std::collections::BTreeSet::new();
    for (kind, file) in fixtures() {
        let (doc, options) = load(&file);
        let english = issues(kind, &doc, &options);
        for i in &english {
            // A conditional requirement's reason comes from the spec (tested below).
            if let Some(m) = entry(i) {
                from_catalog += 1;
                let keys: Vec<&str> = i.params.keys().map(String::as_str).collect();
                for p in m.placeholders() {
                    assert!(
                        keys.contains(p),
                        "{}: {m:?} lacks param {p}: {:?}",
                        file.display(),
                        i.params
                    );
                }
                for k in &keys {
                    assert!(
                        m.placeholders().contains(k) || m.extra_params().contains(k),
                        "{}: {m:?} carries {k}, which its entry does not name",
                        file.display()
                    );
                }
            } else {
                assert_eq!(
                    i.code,
                    telschema::Code::Required,
                    "{}: {i:?} is no catalog message",
                    file.display()
                );
            }
            codes.insert(i.code);
        }
        for &l in Locale::ALL {
            let opts = options.clone().locale(l);
            let local = issues(kind, &doc, &opts);
            assert_eq!(local.len(), english.len(), "{} {l}", file.display());
            for (a, b) in english.iter().zip(&local) {
                seen += 1;
                assert_eq!(
                    (&a.path, a.code, &a.params, &a.value),
                    (&b.path, b.code, &b.params, &b.value)
                );
                assert!(!b.message.trim().is_empty());
                assert!(
                    !b.message.contains('{') && !b.message.contains('}'),
                    "{} {l}: a placeholder left in {:?}",
                    file.display(),
                    b.message
                );
                if l != Locale::En && a.message != b.message {
                    translated += 1;
                }
            }
            // Completeness: the same fields, the labels and reasons in the locale.
            let (ce, cl) = (completeness(kind, &doc, &options), completeness(kind, &doc, &opts));
            assert_eq!(ce.missing.len(), cl.missing.len());
            for (a, b) in ce.missing.iter().zip(&cl.missing) {
                assert_eq!(a.path, b.path);
                assert!(!b.reason.contains('{') && !b.label.is_empty());
                if l != Locale::En {
                    assert_ne!(
                        a.reason,
                        b.reason,
                        "{} {l}: {} not translated",
                        file.display(),
                        a.reason
                    );
                }
            }
        }
    }
    println!("{seen} issues compared, {from_catalog} English ones matched to the catalog, {translated} translated; codes: {}", codes.len());
    assert!(
        from_catalog > 100 && translated > 400 && codes.len() > 20,
        "{from_catalog} {translated} {codes:?}"
    );
}

#[test]
fn exact_messages_and_params() {
    let fr = Options::new().locale(Locale::Fr);
    // e911: a region of three letters (maxLength 2) and a postal code that is no ZIP code.
    let doc = json!({"street_address": "1 Main St", "locality": "Chicago", "region": "ILL", "postal_code": "6060"});
    let r = validate(Kind::E911, &doc, &fr);
    let region = r.errors.iter().find(|i| i.path == "/region").unwrap();
    assert_eq!(region.code, telschema::Code::MaxLength);
    assert_eq!(region.message, "Doit comporter au plus 2 caractères.");
    assert_eq!(region.params, json!({"limit": 2}).as_object().cloned().unwrap());
    let pc = validate(
        Kind::E911,
        &json!({"street_address": "1 Main St", "locality": "Chicago", "region": "IL", "postal_code": "6060"}),
        &fr,
    );
    let pc = pc.warnings.iter().find(|i| i.path == "/postal_code").unwrap();
    assert_eq!(
        pc.message,
        "Ceci ne ressemble pas à un code ZIP américain (12345 ou 12345-6789)."
    );
    assert_eq!(pc.params["country"], "US");

    // unknown_field: the suggestion is a param; value is the field's own value.
    let doc = json!({"billing_phone_numbr": "+13125354200"});
    for (l, text) in [
        (
            Locale::En,
            "Unknown field \"billing_phone_numbr\"; did you mean \"billing_phone_number\"?",
        ),
        (
            Locale::De,
            "Unbekanntes Feld „billing_phone_numbr“; vielleicht „billing_phone_number“?",
        ),
    ] {
        let r = validate(Kind::SubRequestUpdate, &doc, &Options::new().locale(l));
        let u = r
            .warnings
            .iter()
            .find(|i| i.code == telschema::Code::UnknownField)
            .unwrap();
        assert_eq!(u.message, text);
        assert_eq!(u.params["suggestion"], "billing_phone_number");
        assert_eq!(u.params["field"], "billing_phone_numbr");
        assert_eq!(u.value, Some(json!("+13125354200")));
    }

    // enum: the allowed values as an array; a phone issue: its E.164.
    let r = validate(
        Kind::SubRequestUpdate,
        &json!({"porting_option": {"type": "half"}, "billing_phone_number": "+1312555"}),
        &Options::new().locale(Locale::Es),
    );
    let e = r.errors.iter().find(|i| i.code == telschema::Code::Enum).unwrap();
    assert_eq!(e.params["allowed"], json!(["partial", "full"]));
    assert_eq!(e.message, "Debe ser uno de estos valores: partial, full.");
    let p = r.errors.iter().find(|i| i.path == "/billing_phone_number").unwrap();
    assert_eq!(p.params["e164"], "+1312555", "{p:?}");

    // A spec's reason on a conditional `required` issue is translated too.
    let doc = json!({"porting_option": {"type": "partial", "remaining_numbers_action": "keep"}});
    let nl = validate(Kind::SubRequestUpdate, &doc, &Options::new().locale(Locale::Nl));
    let why = nl
        .errors
        .iter()
        .find(|i| i.path == "/porting_option/new_billing_phone_number")
        .unwrap();
    assert_eq!(
        why.message,
        "Verplicht omdat de overige nummers behouden blijven (remaining_numbers_action is keep)."
    );
    assert_eq!(why.params, Map::new());

    // min_length in German, as the brief's example.
    let de = validate(
        Kind::E911,
        &json!({"caller_name": "Al"}),
        &Options::new().locale(Locale::De),
    );
    let c = de.errors.iter().find(|i| i.path == "/caller_name").unwrap();
    assert_eq!(
        (c.message.as_str(), &c.params["limit"]),
        ("Muss mindestens 3 Zeichen lang sein.", &json!(3))
    );
}

#[test]
fn fields_in_a_locale_translate_labels_hints_and_reasons_only() {
    for kind in KINDS {
        let en = fields(kind);
        assert_eq!(en, fields_in(kind, Locale::En));
        for &l in &Locale::ALL[1..] {
            let local = fields_in(kind, l);
            assert_eq!(local.len(), en.len());
            for (a, b) in en.iter().zip(&local) {
                assert_eq!(
                    (&a.pointer, a.order, &a.need, &a.allowed, &a.format),
                    (&b.pointer, b.order, &b.need, &b.allowed, &b.format)
                );
                assert_ne!(a.label, b.label, "{kind} {l}: label {} untranslated", a.label);
                assert_eq!(a.hint.is_some(), b.hint.is_some());
                assert_eq!(a.reason.is_some(), b.reason.is_some());
                for (x, y) in [(&a.hint, &b.hint), (&a.reason, &b.reason)] {
                    if let (Some(x), Some(y)) = (x, y) {
                        assert_ne!(x, y, "{kind} {l}: {x} untranslated");
                    }
                }
            }
        }
    }
    let fr = fields_in(Kind::E911, Locale::Fr);
    let region = fr.iter().find(|f| f.pointer == "/region").unwrap();
    assert_eq!(region.label, "État ou région");
    assert_eq!(region.hint.as_deref(), Some("Deux lettres, comme IL"));
    assert_eq!(
        region.reason.as_deref(),
        Some("Obligatoire pour une adresse de service E911.")
    );
}
