//! A [`Report`] read back from a `Value` by hand, for `toKazooError`
//! (`src/wasm/documents.rs`): the same reports as its serde derive read
//! through `value_de` accepts, and the same values (a test holds the two
//! equal), in a fraction of the WebAssembly code. serde's derived readers of
//! `Report`, `Issue`, `Omitted`, `Kind` and `Map`, instantiated for one
//! export, took about 14 KB of code (README, Speed and size). Only the error
//! texts differ from serde's.

use serde_json::{Map, Number, Value};

use crate::code::Code;
use crate::kind::Kind;
use crate::report::{Issue, Omitted, Report};

type Read<T> = Result<T, String>;

/// A struct's fields by name from an object (other keys ignored), or by
/// position from an array (as serde reads a struct from a sequence: at
/// least `required` items, at most one per field).
fn fields<'a, const N: usize>(
    v: &'a Value,
    names: [&str; N],
    required: usize,
    what: &str,
) -> Read<[Option<&'a Value>; N]> {
    match v {
        Value::Object(m) => Ok(names.map(|n| m.get(n))),
        Value::Array(a) if a.len() >= required && a.len() <= N => {
            let mut items = a.iter();
            Ok(names.map(|_| items.next()))
        }
        Value::Array(a) => Err(format!("{what} with {} elements", a.len())),
        _ => Err(format!("{what} must be an object")),
    }
}

fn required<'a>(v: Option<&'a Value>, name: &str) -> Read<&'a Value> {
    v.ok_or_else(|| format!("missing field `{name}`"))
}

fn string(v: &Value, name: &str) -> Read<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => Err(format!("`{name}` must be a string")),
    }
}

/// An `Option` field: absent or `null` is `None`.
fn present(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !v.is_null())
}

fn kind(v: &Value) -> Read<Kind> {
    let name = match v {
        Value::String(s) => s,
        // serde's externally tagged form of a unit variant: `{"e911": null}`.
        Value::Object(m) if m.len() == 1 => match m.iter().next() {
            Some((k, Value::Null)) => k,
            _ => return Err("`kind` must be a kind id".to_string()),
        },
        _ => return Err("`kind` must be a kind id".to_string()),
    };
    name.parse().map_err(|_| format!("unknown kind {name:?}"))
}

fn count(v: &Value, name: &str) -> Read<usize> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        _ => None,
    }
    .ok_or_else(|| format!("`{name}` must be a whole number"))
}

/// A value as `Value`'s own deserializer gives it back through `value_de`:
/// an integer's text as the integer writes it (`-0` is `0`), an object
/// holding serde_json's number marker as that number.
fn value(v: &Value) -> Read<Value> {
    Ok(match v {
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Value::from(u),
            (None, Some(i)) => Value::from(i),
            (None, None) => v.clone(),
        },
        Value::Array(a) => Value::Array(a.iter().map(value).collect::<Read<_>>()?),
        Value::Object(m) => match m.iter().next() {
            // serde_json's `Value` reader takes the marker's entry and stops;
            // `value_de` refuses the entries left over.
            Some((k, n)) if k == NUMBER_MARKER && m.len() == 1 => Value::Number(number_text(n)?),
            Some((k, _)) if k == NUMBER_MARKER => return Err("a number with other entries".to_string()),
            _ => Value::Object(map(m)?),
        },
        _ => v.clone(),
    })
}

/// serde_json's key for a number kept as text (`arbitrary_precision`).
const NUMBER_MARKER: &str = "$serde_json::private::Number";

fn number_text(v: &Value) -> Read<Number> {
    match v {
        Value::String(s) => s.parse().map_err(|_| format!("invalid number {s:?}")),
        _ => Err("a number's text must be a string".to_string()),
    }
}

fn map(m: &Map<String, Value>) -> Read<Map<String, Value>> {
    m.iter().map(|(k, v)| Ok((k.clone(), value(v)?))).collect()
}

fn issue(v: &Value) -> Read<Issue> {
    let [path, code, keyword, message, params, val] = fields(
        v,
        ["path", "code", "keyword", "message", "params", "value"],
        4,
        "an issue",
    )?;
    let code = string(required(code, "code")?, "code")?;
    let mut issue = Issue::new(
        string(required(path, "path")?, "path")?,
        code.parse::<Code>().map_err(|e| e.to_string())?,
        string(required(message, "message")?, "message")?,
    );
    issue.keyword = present(keyword).map(|k| string(k, "keyword")).transpose()?;
    issue.params = match params {
        None => Map::new(),
        Some(Value::Object(m)) => map(m)?,
        Some(_) => return Err("`params` must be an object".to_string()),
    };
    issue.value = present(val).map(value).transpose()?;
    Ok(issue)
}

fn issues(v: &Value, name: &str) -> Read<Vec<Issue>> {
    match v {
        Value::Array(a) => a.iter().map(issue).collect(),
        _ => Err(format!("`{name}` must be an array")),
    }
}

fn omitted(v: &Value) -> Read<Omitted> {
    let [errors, warnings] = fields(v, ["errors", "warnings"], 2, "`omitted`")?;
    Ok(Omitted {
        errors: count(required(errors, "errors")?, "errors")?,
        warnings: count(required(warnings, "warnings")?, "warnings")?,
    })
}

/// The report a value holds, as `value_de::from_value::<Report>` reads it.
pub(crate) fn report(v: &Value) -> Read<Report> {
    let [k, valid, errors, warnings, omit] =
        fields(v, ["kind", "valid", "errors", "warnings", "omitted"], 4, "a report")?;
    Ok(Report {
        kind: kind(required(k, "kind")?)?,
        valid: required(valid, "valid")?
            .as_bool()
            .ok_or_else(|| "`valid` must be true or false".to_string())?,
        errors: issues(required(errors, "errors")?, "errors")?,
        warnings: issues(required(warnings, "warnings")?, "warnings")?,
        omitted: present(omit).map(omitted).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::report;
    use crate::report::Report;

    /// Values near a report's shape: each field present, missing, null, of
    /// another type or in the array form, numbers written every way.
    fn near_report() -> impl Strategy<Value = Value> {
        let number = prop_oneof![
            Just("0"),
            Just("-0"),
            Just("3"),
            Just("-3"),
            Just("1.0"),
            Just("1e2"),
            Just("4294967296"),
            Just("18446744073709551616"),
            Just("123456789012345678901234567890")
        ]
        .prop_map(|t| Value::Number(t.parse().unwrap()));
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            number,
            prop_oneof![
                Just("e911"),
                Just("phone_number"),
                Just("draft_sub_request"),
                Just("nope"),
                Just("required"),
                Just("phone_invalid"),
                Just("/data/x"),
                Just(""),
                Just("$serde_json::private::Number")
            ]
            .prop_map(|s| Value::String(s.to_string())),
        ];
        let any_value = leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec(
                    (
                        prop_oneof![
                            Just("a"),
                            Just("limit"),
                            Just("$serde_json::private::Number"),
                            Just("e911")
                        ],
                        inner
                    ),
                    0..3
                )
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
            ]
        });
        let field = |good: BoxedStrategy<Value>, any: BoxedStrategy<Value>| prop_oneof![24 => good.prop_map(Some), 1 => any.prop_map(Some), 1 => Just(None)];
        let s = |v: &'static [&'static str]| {
            prop::sample::select(v)
                .prop_map(|s| Value::String(s.to_string()))
                .boxed()
        };
        let av = any_value.clone().boxed();
        let object = prop::collection::vec(
            (
                prop_oneof![Just("limit"), Just("e164"), Just("$serde_json::private::Number")],
                any_value.clone(),
            ),
            0..3,
        )
        .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
        .boxed();
        let issue = (
            field(s(&["", "/data/a", "/x"]), av.clone()),
            field(
                s(&["required", "phone_invalid", "min_items", "no_such_code"]),
                av.clone(),
            ),
            field(s(&["required", "format", "minLength"]), av.clone()),
            field(s(&["a message"]), av.clone()),
            field(object.clone(), av.clone()),
            field(av.clone(), av.clone()),
            any::<bool>(),
        )
            .prop_map(|(p, c, k, m, ps, v, as_array)| {
                shape(
                    ["path", "code", "keyword", "message", "params", "value"],
                    [p, c, k, m, ps, v],
                    as_array,
                )
            })
            .boxed();
        let issues = prop::collection::vec(issue, 0..3).prop_map(Value::Array).boxed();
        let count =
            prop_oneof![4 => Just(json!(0)), 4 => Just(json!(2)), 1 => Just(json!(-1)), 1 => Just(json!(1.5))].boxed();
        let omitted = (
            field(count.clone(), av.clone()),
            field(count, av.clone()),
            any::<bool>(),
        )
            .prop_map(|(e, w, as_array)| shape(["errors", "warnings"], [e, w], as_array))
            .boxed();
        let kind = prop_oneof![
            8 => s(&["e911", "number_collection", "phone_number", "draft_port_request"]),
            1 => s(&["auto", "E911"]),
            1 => Just(json!({"e911": null})),
            1 => Just(json!({"e911": 1})),
            1 => Just(json!({"e911": null, "phone_number": null}))
        ]
        .boxed();
        (
            field(kind, av.clone()),
            field(any::<bool>().prop_map(Value::Bool).boxed(), av.clone()),
            field(issues.clone(), av.clone()),
            field(issues, av.clone()),
            field(omitted, av),
            any::<bool>(),
        )
            .prop_map(|(k, v, e, w, o, as_array)| {
                shape(
                    ["kind", "valid", "errors", "warnings", "omitted"],
                    [k, v, e, w, o],
                    as_array,
                )
            })
    }

    /// A struct's fields as an object (a missing one left out) or, as serde
    /// also reads, an array (up to the first missing one).
    fn shape<const N: usize>(names: [&str; N], values: [Option<Value>; N], as_array: bool) -> Value {
        if as_array {
            Value::Array(values.into_iter().map_while(|v| v).collect())
        } else {
            Value::Object(
                names
                    .iter()
                    .zip(values)
                    .filter_map(|(n, v)| Some((n.to_string(), v?)))
                    .collect(),
            )
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The hand reader accepts exactly what serde's derive accepts
        /// through `value_de`, and reads the same report.
        #[test]
        fn reads_what_the_derive_reads(v in near_report()) {
            let ours = report(&v);
            let serde = crate::value_de::from_value::<Report>(&v);
            prop_assert_eq!(ours.as_ref().ok(), serde.as_ref().ok(), "{} ours {:?} serde {:?}", v, ours.as_ref().err(), serde.as_ref().err());
        }
    }

    #[test]
    fn a_report_of_validate_reads_back_as_itself() {
        let r = crate::validate(
            crate::Kind::E911,
            &json!({"street_address": 5, "x": "-0"}),
            &crate::Options::default(),
        );
        assert!(!r.errors.is_empty());
        assert_eq!(report(&serde_json::to_value(&r).unwrap()).unwrap(), r);
    }
}
