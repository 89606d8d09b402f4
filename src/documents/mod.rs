//! The document kinds: their serde types (from which `schemas/` is
//! generated), their rules beyond what a schema can say, and shared tables.

mod auto;
mod codes;
pub mod draft_port_request;
pub mod draft_sub_request;
pub mod draft_sub_request_update;
pub mod e911;
pub(crate) mod form;
pub mod number_collection;
pub mod number_request;
pub mod phone_number;
pub mod portability_check;
pub(crate) mod rules;
pub mod sub_request_update;
pub mod telnyx;

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use auto::{kind_for, resolve_kind, KindError};
pub use codes::{EU_MEMBER_STATES, ISO_3166_ALPHA2, NANP_COUNTRIES};
pub use form::{fields, Field, Need};
pub use telnyx::SUB_REQUEST_FORM_ORDER;

/// A document kind; the same id everywhere (Rust, CLI, JavaScript, schemas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
// The TypeScript type is documents.d.ts's Kind (generated from the schemas).
#[schemars(inline, extend("tsType" = "Kind"))]
pub enum Kind {
    /// Kazoo / Vinix phone-number document.
    PhoneNumber,
    /// The E911 service address of a Kazoo phone number.
    E911,
    /// `{"numbers": [...]}` body of Kazoo's check, locality and collection endpoints.
    NumberCollection,
    /// Telnyx portability check request.
    PortabilityCheck,
    /// Telnyx edit of a port request's sub request.
    SubRequestUpdate,
    /// Telnyx update of a draft sub request.
    DraftSubRequestUpdate,
    /// A Telnyx draft sub request as a client holds it.
    DraftSubRequest,
    /// A Telnyx draft port request with its sub requests.
    DraftPortRequest,
    /// CM.com create-number-request order.
    NumberRequest,
}

/// Every kind, in the README's order.
pub const KINDS: [Kind; 9] = [
    Kind::PhoneNumber,
    Kind::E911,
    Kind::NumberCollection,
    Kind::PortabilityCheck,
    Kind::SubRequestUpdate,
    Kind::DraftSubRequestUpdate,
    Kind::DraftSubRequest,
    Kind::DraftPortRequest,
    Kind::NumberRequest,
];

/// A kind name that is not one of [`KINDS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKind(pub String);

impl UnknownKind {
    /// Stable code.
    pub fn code(&self) -> &'static str {
        "unknown_kind"
    }
}

impl fmt::Display for UnknownKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
        write!(f, "Unknown kind {:?}; the kinds are {}.", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownKind {}

impl FromStr for Kind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KINDS
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Kind {
    /// The id (`phone_number`, `e911` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PhoneNumber => "phone_number",
            Kind::E911 => "e911",
            Kind::NumberCollection => "number_collection",
            Kind::PortabilityCheck => "portability_check",
            Kind::SubRequestUpdate => "sub_request_update",
            Kind::DraftSubRequestUpdate => "draft_sub_request_update",
            Kind::DraftSubRequest => "draft_sub_request",
            Kind::DraftPortRequest => "draft_port_request",
            Kind::NumberRequest => "number_request",
        }
    }

    fn index(self) -> usize {
        KINDS.iter().position(|&k| k == self).unwrap_or(0)
    }

    /// The schema's stable `$id`.
    pub fn schema_id(self) -> String {
        format!("urn:telschema:schema:{}", self.as_str())
    }

    /// A one-line title.
    pub fn title(self) -> &'static str {
        match self {
            Kind::PhoneNumber => "Kazoo phone number",
            Kind::E911 => "Kazoo E911 service address",
            Kind::NumberCollection => "Kazoo number collection",
            Kind::PortabilityCheck => "Telnyx portability check",
            Kind::SubRequestUpdate => "Telnyx sub request update",
            Kind::DraftSubRequestUpdate => "Telnyx draft sub request update",
            Kind::DraftSubRequest => "Telnyx draft sub request",
            Kind::DraftPortRequest => "Telnyx draft port request",
            Kind::NumberRequest => "CM.com number request",
        }
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
        static SCHEMAS: [OnceLock<Value>; 9] = [const { OnceLock::new() }; 9];
        static NONE: Value = Value::Null;
        SCHEMAS.get(self.index()).map_or(&NONE, |s| {
            s.get_or_init(|| serde_json::from_str(self.schema_text()).unwrap_or(Value::Null))
        })
    }

    /// Whether the kind is Kazoo's (custom fields allowed, phone problems are warnings).
    pub fn is_kazoo(self) -> bool {
        matches!(self, Kind::PhoneNumber | Kind::E911 | Kind::NumberCollection)
    }

    /// Generates the schema from the Rust types (what `schemas/` must hold).
    pub fn generate_schema(self) -> Value {
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
        // A draft is incomplete by nature: its conditional needs are
        // completeness (`missing`, with the reason), never schema errors.
        if !matches!(self, Kind::DraftSubRequest | Kind::DraftPortRequest) {
            telnyx::add_conditionals(&mut schema);
        }
        integer_bounds(&mut schema);
        number_request::add_conditionals(self, &mut schema);
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
}

fn root<T: schemars::JsonSchema>() -> Value {
    let gen = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    serde_json::to_value(gen.into_root_schema_for::<T>()).unwrap_or(Value::Null)
}

/// `int32` and `int64` are formats ajv-formats asserts and our interpreter
/// (like the `jsonschema` reference) treats as annotations: their bounds are
/// written out as `minimum`/`maximum`, so every validator enforces them.
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

/// The schema node for a document position: through nullable `anyOf`s,
/// `properties` and `items`.
pub(crate) fn schema_node<'a>(mut node: &'a Value, segs: &[String]) -> Option<&'a Value> {
    node = non_null_branch(node);
    for s in segs {
        node = if let Some(p) = node.get("properties").and_then(|p| p.get(s.as_str())) {
            p
        } else if s.parse::<usize>().is_ok() {
            node.get("items")?
        } else {
            return None;
        };
        node = non_null_branch(node);
    }
    Some(node)
}

/// The non-null branch of a nullable `anyOf`, else the node itself.
pub(crate) fn non_null_branch(node: &Value) -> &Value {
    let is_null = |b: &Value| b.get("type").and_then(Value::as_str) == Some("null");
    match node.get("anyOf").and_then(Value::as_array) {
        Some(branches) if branches.len() == 2 && branches.iter().any(is_null) => {
            branches.iter().find(|b| !is_null(b)).unwrap_or(node)
        }
        _ => node,
    }
}

/// Removes a leading envelope segment (`data`): no kind has a `data` field.
pub(crate) fn strip_envelope_segments(segs: &mut Vec<String>) -> Vec<String> {
    if segs.first().map(String::as_str) == Some("data") {
        segs.remove(0);
    }
    segs.clone()
}

/// The value of a keyword in the schema at a document position (Kazoo's `target`).
pub(crate) fn schema_keyword_at(kind: Kind, segs: &[String], keyword: &str) -> Option<Value> {
    schema_node(kind.schema(), segs)?.get(keyword).cloned()
}
