//! Properties of `check` and `completeness` over generated drafts.

use proptest::prelude::*;
use serde_json::{json, Map, Value};
use telschema::{check, completeness, Kind, Options};

/// A valid value for each field a draft sub request can need.
const FILL: [(&str, &str); 17] = [
    ("auth_person_name", "Jane Smith"),
    ("person_or_company_name", "Acme"),
    ("billing_phone_number", "+13125354200"),
    ("account_number", "ACC-1"),
    ("pin_passcode", "1234"),
    ("street_address", "311 W Superior St"),
    ("locality", "Chicago"),
    ("administrative_area", "IL"),
    ("postal_code", "60654"),
    ("country_code", "US"),
    ("tax_identifier", "DE123456789"),
    ("business_identifier", "HRB 1"),
    ("foc_date_requested_by_user", "2026-12-08T09:00:00Z"),
    ("porting_option/new_billing_phone_number", "+13125354500"),
    ("default_connection_id", "conn-1"),
    ("default_message_profile_id", "prof-1"),
    ("extended_address", "Suite 5"),
];

/// Values a person may have typed: right, national, wrong, null.
fn value_for(field: &'static str) -> impl Strategy<Value = Value> {
    let good = FILL.iter().find(|(f, _)| *f == field).map(|(_, v)| *v).unwrap_or("x");
    let national = if field.contains("phone") {
        "(312) 535-4200 x7"
    } else {
        good
    };
    prop_oneof![
        Just(Value::String(good.into())),
        Just(Value::String(national.into())),
        Just(Value::String("??".into())),
        Just(Value::Null),
        Just(json!(42)),
    ]
}

fn draft() -> impl Strategy<Value = Value> {
    let fields: Vec<_> = FILL
        .iter()
        .map(|(f, _)| (Just(*f), value_for(f), any::<bool>()))
        .collect();
    (
        fields,
        prop::sample::select(vec!["US", "DE", "CA", "XX"]),
        prop::sample::select(vec!["landline", "wireless", "mobile"]),
        prop::sample::select(vec!["keep", "disconnect", "hold"]),
    )
        .prop_map(|(fields, country, svtype, action)| {
            let mut m = Map::new();
            let mut po = Map::new();
            po.insert("type".into(), json!("partial"));
            po.insert("remaining_numbers_action".into(), json!(action));
            for (f, v, present) in fields {
                if !present {
                    continue;
                }
                match f.strip_prefix("porting_option/") {
                    Some(sub) => {
                        po.insert(sub.into(), v);
                    }
                    None => {
                        m.insert(f.into(), v);
                    }
                }
            }
            if m.contains_key("country_code") {
                m.insert("country_code".into(), json!(country));
            }
            m.insert("porting_option".into(), Value::Object(po));
            m.insert(
                "phone_numbers".into(),
                json!([{"phone_number": "3125354200", "svtype": svtype}]),
            );
            Value::Object(m)
        })
}

fn set(doc: &mut Value, path: &str, v: Value) {
    let segs: Vec<String> = path
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let mut cur = doc;
    for (i, s) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        cur = match cur {
            Value::Object(m) if last => {
                m.insert(s.clone(), v);
                return;
            }
            Value::Object(m) => m.entry(s.clone()).or_insert_with(|| json!({})),
            Value::Array(a) => match s.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                Some(x) if last => {
                    *x = v;
                    return;
                }
                Some(x) => x,
                None => return,
            },
            _ => return,
        };
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn check_never_modifies_its_input_and_lists_every_rewrite(doc in draft()) {
        let before = doc.clone();
        let outcome = check(Kind::DraftSubRequest, &doc, &Options::default());
        prop_assert_eq!(&doc, &before);
        let mut replayed = doc.clone();
        for ch in &outcome.changes {
            prop_assert_eq!(doc.pointer(&ch.path), Some(&ch.from));
            set(&mut replayed, &ch.path, ch.to.clone());
        }
        prop_assert_eq!(replayed, outcome.document);
    }

    #[test]
    fn filling_a_missing_field_never_lowers_satisfied(doc in draft()) {
        let options = Options::default();
        let c = completeness(Kind::DraftSubRequest, &doc, &options);
        for m in &c.missing {
            let field = m.path.trim_start_matches('/');
            let Some((_, good)) = FILL.iter().find(|(f, _)| *f == field) else { continue };
            let mut filled = doc.clone();
            set(&mut filled, &m.path, Value::String((*good).into()));
            let after = completeness(Kind::DraftSubRequest, &filled, &options);
            prop_assert!(after.satisfied >= c.satisfied, "filling {} lowered satisfied {} -> {}", m.path, c.satisfied, after.satisfied);
            prop_assert!(!after.missing.iter().any(|x| x.path == m.path), "{} still missing", m.path);
        }
    }

    #[test]
    fn percent_follows_the_rule(doc in draft()) {
        let c = completeness(Kind::DraftSubRequest, &doc, &Options::default());
        let expected = if c.complete { 100 } else { (100 * c.satisfied).checked_div(c.total).map_or(99, |p| p.min(99)) };
        prop_assert_eq!(usize::from(c.percent), expected);
        prop_assert_eq!(c.next.is_none(), c.missing.is_empty() && c.invalid.is_empty());
    }
}

/// Limits through the public API: at the limit nothing is said; past it a
/// `limit_exceeded` error at the path, and nothing else is judged.
#[test]
fn limits_at_and_past() {
    use serde_json::json;
    use telschema::{validate, Kind, Options};
    let mut options = Options::default();
    options.limits.max_array_length = 3;
    options.limits.max_issues = 2;
    let at = json!({"numbers": ["+13125354200", "+13125354201", "+13125354202"]});
    let r = validate(Kind::NumberCollection, &at, &options);
    assert!(r.errors.iter().all(|e| e.code != "limit_exceeded"), "{r:?}");
    let past = json!({"data": {"numbers": ["+13125354200", "+13125354201", "+13125354202", "x"]}});
    let r = validate(Kind::NumberCollection, &past, &options);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(
        (r.errors[0].path.as_str(), r.errors[0].code.as_str()),
        ("/data/numbers", "limit_exceeded")
    );
    assert!(!r.valid);
    // The reporting limit: two errors listed, the rest counted.
    let many = json!({"numbers": ["a", "b", "c"]});
    let r = validate(Kind::NumberCollection, &many, &options);
    assert_eq!(r.errors.len(), 2);
    assert_eq!(r.omitted.map(|o| (o.errors, o.warnings)), Some((1, 0)));
    assert!(serde_json::to_value(&r).unwrap()["omitted"]["errors"] == 1);
    options.limits.max_issues = 3;
    let r = validate(Kind::NumberCollection, &many, &options);
    assert_eq!((r.errors.len(), r.omitted), (3, None));
    assert!(serde_json::to_value(&r).unwrap().get("omitted").is_none());
}
