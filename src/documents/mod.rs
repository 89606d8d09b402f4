//! The document kinds: their serde types (from which `schemas/` is
//! generated), their rules beyond what a schema can say, and shared tables.

mod auto;
mod codes;
pub mod draft_port_request;
pub mod draft_sub_request;
pub mod draft_sub_request_update;
pub mod e911;
pub(crate) mod envelope;
pub mod number_collection;
pub mod number_request;
pub mod patterns;
pub mod phone_number;
pub mod portability_check;
pub(crate) mod require;
pub(crate) mod rules;
pub(crate) mod spec;
pub mod sub_request_update;
pub mod telnyx;
pub(crate) mod translations;

use std::sync::OnceLock;

#[cfg(feature = "schemars")]
use serde_json::Map;
use serde_json::Value;

pub use crate::kind::{Kind, UnknownKind, KINDS};
pub(crate) use crate::schema::{non_null_branch, schema_node};
pub use auto::{kind_for, resolve_kind, KindError};
pub use codes::{EU_MEMBER_STATES, ISO_3166_ALPHA2, NANP_COUNTRIES};
pub use spec::{fields, fields_in, Field, Need};
pub use telnyx::SUB_REQUEST_FORM_ORDER;

impl Kind {
    /// A draft as a client holds it (`draft_sub_request`, `draft_port_request`):
    /// nothing missing is an error; its requirements are completeness only.
    pub fn is_draft(self) -> bool {
        matches!(self, Kind::DraftSubRequest | Kind::DraftPortRequest)
    }

    /// The published schema text, as in `schemas/<kind>.schema.json`.
    pub fn schema_text(self) -> &'static str {
        match self {
            Kind::PhoneNumber => include_str!("../../schemas/phone_number.schema.json"),
            Kind::E911 => include_str!("../../schemas/e911.schema.json"),
            Kind::NumberCollection => include_str!("../../schemas/number_collection.schema.json"),
            Kind::PortabilityCheck => include_str!("../../schemas/portability_check.schema.json"),
            Kind::SubRequestUpdate => include_str!("../../schemas/sub_request_update.schema.json"),
            Kind::DraftSubRequestUpdate => {
                include_str!("../../schemas/draft_sub_request_update.schema.json")
            }
            Kind::DraftSubRequest => include_str!("../../schemas/draft_sub_request.schema.json"),
            Kind::DraftPortRequest => include_str!("../../schemas/draft_port_request.schema.json"),
            Kind::NumberRequest => include_str!("../../schemas/number_request.schema.json"),
        }
    }

    /// The published schema, parsed once.
    pub fn schema(self) -> &'static Value {
        static SCHEMAS: [OnceLock<Value>; crate::KINDS.len()] = [const { OnceLock::new() }; crate::KINDS.len()];
        static NONE: Value = Value::Null;
        SCHEMAS.get(self.index()).map_or(&NONE, |s| {
            s.get_or_init(|| serde_json::from_str(self.schema_text()).unwrap_or(Value::Null))
        })
    }

    /// Generates the schema from the Rust types and the kind's spec (what
    /// `schemas/` must hold).
    #[cfg(feature = "schemars")]
    pub fn generate_schema(self) -> Value {
        let mut schema = self.schema_of_types();
        // `required`, `if`/`then` and `anyOf` from the kind's spec (a draft
        // is incomplete by nature: its needs are completeness, never schema errors).
        require::write_schema(self, &mut schema);
        integer_bounds(&mut schema);
        let mut out = Map::new();
        out.insert(
            "$schema".into(),
            Value::String("https://json-schema.org/draft/2020-12/schema".into()),
        );
        out.insert("$id".into(), Value::String(self.schema_id()));
        out.insert("title".into(), Value::String(self.title().into()));
        if let Value::Object(m) = schema {
            for (k, v) in m {
                if k != "$schema" && k != "title" {
                    out.insert(k, v);
                }
            }
        }
        Value::Object(out)
    }

    /// The schema as the Rust types alone give it (schemars, definitions
    /// inlined, nullable fields as `anyOf`).
    #[cfg(feature = "schemars")]
    pub(crate) fn schema_of_types(self) -> Value {
        let mut schema = match self {
            Kind::PhoneNumber => root::<phone_number::PhoneNumber>(),
            Kind::E911 => root::<e911::E911>(),
            Kind::NumberCollection => root::<number_collection::NumberCollection>(),
            Kind::PortabilityCheck => root::<portability_check::PortabilityCheck>(),
            Kind::SubRequestUpdate => root::<sub_request_update::SubRequestUpdate>(),
            Kind::DraftSubRequestUpdate => root::<draft_sub_request_update::DraftSubRequestUpdate>(),
            Kind::DraftSubRequest => root::<draft_sub_request::DraftSubRequest>(),
            Kind::DraftPortRequest => root::<draft_port_request::DraftPortRequest>(),
            Kind::NumberRequest => root::<number_request::NumberRequest>(),
        };
        let defs = match &mut schema {
            Value::Object(m) => m.remove("$defs"),
            _ => None,
        };
        inline_refs(&mut schema, defs.as_ref());
        nullable_to_any_of(&mut schema);
        schema
    }
}

#[cfg(feature = "schemars")]
fn root<T: schemars::JsonSchema>() -> Value {
    let gen = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    serde_json::to_value(gen.into_root_schema_for::<T>()).unwrap_or(Value::Null)
}

/// `int32` and `int64` are formats ajv-formats asserts and our interpreter
/// (like the `jsonschema` reference) treats as annotations: their bounds are
/// written out as `minimum`/`maximum`, so every validator enforces them.
#[cfg(feature = "schemars")]
fn integer_bounds(v: &mut Value) {
    match v {
        Value::Object(m) => {
            let bounds = match m.get("format").and_then(Value::as_str) {
                Some("int32") => Some((Value::from(i32::MIN), Value::from(i32::MAX))),
                Some("int64") => Some((Value::from(i64::MIN), Value::from(i64::MAX))),
                _ => None,
            };
            if let Some((min, max)) = bounds {
                m.entry("minimum").or_insert(min);
                m.entry("maximum").or_insert(max);
            }
            for val in m.values_mut() {
                integer_bounds(val);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(integer_bounds),
        _ => {}
    }
}

/// Replaces `{"$ref": "#/$defs/X", …}` by the definition (merged with its siblings).
#[cfg(feature = "schemars")]
fn inline_refs(v: &mut Value, defs: Option<&Value>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref").cloned() {
                let name = r.trim_start_matches("#/$defs/");
                if let Some(Value::Object(def)) = defs.and_then(|d| d.get(name)) {
                    m.remove("$ref");
                    for (k, val) in def {
                        m.entry(k.clone()).or_insert_with(|| val.clone());
                    }
                }
            }
            for val in m.values_mut() {
                inline_refs(val, defs);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| inline_refs(x, defs)),
        _ => {}
    }
}

/// `{"type": ["string", "null"], …}` becomes `{"anyOf": [{"type": "string", …}, {"type": "null"}]}`:
/// ajv's strict mode refuses union types.
#[cfg(feature = "schemars")]
fn nullable_to_any_of(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for val in m.values_mut() {
                nullable_to_any_of(val);
            }
            let union = match m.get("type") {
                Some(Value::Array(types)) if types.len() == 2 && types.contains(&Value::String("null".into())) => {
                    types.iter().find(|t| t.as_str() != Some("null")).cloned()
                }
                _ => None,
            };
            if let Some(t) = union {
                let description = m.remove("description");
                let mut branch = std::mem::take(m);
                branch.insert("type".into(), t);
                if let Some(d) = description {
                    m.insert("description".into(), d);
                }
                m.insert(
                    "anyOf".into(),
                    Value::Array(vec![Value::Object(branch), serde_json::json!({"type": "null"})]),
                );
            }
        }
        Value::Array(a) => a.iter_mut().for_each(nullable_to_any_of),
        _ => {}
    }
}

/// The value of a keyword in the schema at a document position (Kazoo's `target`).
pub(crate) fn schema_keyword_at(kind: Kind, segs: &[String], keyword: &str) -> Option<Value> {
    schema_node(kind.schema(), segs)?.get(keyword).cloned()
}
