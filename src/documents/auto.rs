//! Kind `auto`: naming a document's kind from its `$schema` or its shape, the
//! same on every surface (ARCHITECTURE.md, Names).

use std::fmt;

use serde_json::Value;

use super::{Kind, UnknownKind, KINDS};

/// Why a kind could not be named: `unknown_kind` (a name that is not a kind,
/// or a document whose fields belong to no kind) or `ambiguous_kind` (more
/// than one kind fits equally).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KindError {
    /// A kind name that is not one of [`KINDS`] (`unknown_kind`).
    UnknownName(UnknownKind),
    /// `auto` on a document that is not an object (`unknown_kind`).
    NotAnObject,
    /// `auto` on a document whose fields belong to no kind (`unknown_kind`).
    NoKindFits,
    /// `auto` on a document that fits more than one kind equally
    /// (`ambiguous_kind`).
    Ambiguous {
        /// The kinds that fit equally.
        candidates: Vec<Kind>,
    },
}

impl KindError {
    /// Stable code: `unknown_kind` or `ambiguous_kind`.
    pub fn code(&self) -> &'static str {
        match self {
            KindError::UnknownName(e) => e.code(),
            KindError::NotAnObject | KindError::NoKindFits => "unknown_kind",
            KindError::Ambiguous { .. } => "ambiguous_kind",
        }
    }

    /// The kinds that fit equally (empty unless `ambiguous_kind`).
    pub fn candidates(&self) -> &[Kind] {
        match self {
            KindError::Ambiguous { candidates } => candidates,
            _ => &[],
        }
    }
}

impl fmt::Display for KindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KindError::UnknownName(e) => e.fmt(f),
            KindError::NotAnObject => {
                f.write_str("Cannot tell the kind of a document that is not an object; pass its kind.")
            }
            KindError::NoKindFits => f.write_str("No kind has these fields; pass the document's kind."),
            KindError::Ambiguous { candidates } => {
                let names: Vec<&str> = candidates.iter().map(|k| k.as_str()).collect();
                write!(
                    f,
                    "The document fits more than one kind ({}); pass its kind or a \"$schema\".",
                    names.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for KindError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            KindError::UnknownName(e) => Some(e),
            _ => None,
        }
    }
}

impl From<UnknownKind> for KindError {
    fn from(e: UnknownKind) -> Self {
        KindError::UnknownName(e)
    }
}

/// The kind named by `name`, or for `"auto"` the kind [`resolve_kind`] finds.
pub fn kind_for(name: &str, doc: &Value) -> Result<Kind, KindError> {
    if name == "auto" {
        resolve_kind(doc)
    } else {
        Ok(name.parse::<Kind>()?)
    }
}

/// Names the kind of a document (or envelope):
///
/// 1. a `$schema` (in the document or beside an envelope's `data`) equal to
///    one of our `$id`s names it;
/// 2. otherwise the kinds whose top-level properties include every field of
///    the document fit;
/// 3. if none does, the kinds sharing the most fields with the document fit.
///
/// The first step that finds any kind decides: one kind is the answer, two or
/// more are `ambiguous_kind`, none at all is `unknown_kind`. Required fields
/// play no part: the draft kinds require nothing, so counting requirements
/// would make a draft win whenever another kind's required field is missing
/// (an E911 address without its region would pass as a valid draft sub
/// request). They win only by `$schema`, or when no other kind's fields fit.
pub fn resolve_kind(doc: &Value) -> Result<Kind, KindError> {
    let (inner, _) = super::envelope::unwrap(doc);
    for holder in [doc, inner] {
        if let Some(id) = holder.get("$schema").and_then(Value::as_str) {
            if let Some(k) = KINDS.iter().copied().find(|k| k.schema_id() == id) {
                return Ok(k);
            }
        }
    }
    let Value::Object(fields) = inner else {
        return Err(KindError::NotAnObject);
    };
    let keys: Vec<&str> = fields.keys().map(String::as_str).filter(|k| *k != "$schema").collect();
    let shapes: Vec<(Kind, Vec<&str>)> = KINDS
        .iter()
        .map(|&k| {
            let props = k
                .schema()
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| p.keys().map(String::as_str).collect())
                .unwrap_or_default();
            (k, props)
        })
        .collect();
    let known = |props: &[&str]| keys.iter().filter(|k| props.contains(k)).count();
    let fit: Vec<Kind> = shapes
        .iter()
        .filter(|(_, p)| known(p) == keys.len())
        .map(|s| s.0)
        .collect();
    let best = shapes.iter().map(|(_, p)| known(p)).max().unwrap_or(0);
    let closest: Vec<Kind> = if best == 0 {
        Vec::new()
    } else {
        shapes.iter().filter(|(_, p)| known(p) == best).map(|s| s.0).collect()
    };
    let found = if fit.is_empty() { closest } else { fit };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(KindError::NoKindFits),
        many => Err(KindError::Ambiguous {
            candidates: many.to_vec(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn schema_id_names_the_kind_in_a_document_or_beside_an_envelope() {
        let doc = json!({"$schema": "urn:telschema:schema:e911", "locality": "Chicago"});
        assert_eq!(resolve_kind(&doc), Ok(Kind::E911));
        let env = json!({"$schema": "urn:telschema:schema:draft_sub_request", "data": {"phone_numbers": []}});
        assert_eq!(resolve_kind(&env), Ok(Kind::DraftSubRequest));
    }

    #[test]
    fn shape_decides_when_one_kind_fits() {
        let e911 =
            json!({"street_address": "1 Main St", "locality": "Chicago", "region": "IL", "postal_code": "60601"});
        assert_eq!(resolve_kind(&e911), Ok(Kind::E911));
        // Without its region, the address fits e911 and the sub-request kinds:
        // no kind wins because it requires nothing.
        let partial = json!({"data": {"street_address": "1 Main St", "locality": "Chicago", "postal_code": "60601"}});
        let e = resolve_kind(&partial).unwrap_err();
        assert_eq!(e.code(), "ambiguous_kind");
        assert!(
            e.candidates().contains(&Kind::E911) && e.candidates().contains(&Kind::DraftSubRequest),
            "{e}"
        );
        assert_eq!(
            resolve_kind(&json!({"data": {"numbers": ["+13125354200"]}})),
            Ok(Kind::NumberCollection)
        );
        let order = json!({"companyProfileId": "x", "quantity": 1, "numberType": "mobile"});
        assert_eq!(resolve_kind(&order), Ok(Kind::NumberRequest));
        // A typo still lands on the kind sharing the most fields.
        let typo = json!({"street_address": "1 Main St", "locality": "Chicago", "region": "IL", "postl_code": "60601"});
        assert_eq!(resolve_kind(&typo), Ok(Kind::E911));
    }

    #[test]
    fn two_fitting_kinds_are_ambiguous_and_no_fitting_kind_is_unknown() {
        let e = resolve_kind(&json!({"phone_numbers": [{"phone_number": "+13125354200"}]})).unwrap_err();
        assert_eq!(e.code(), "ambiguous_kind");
        assert_eq!(
            e.candidates(),
            [Kind::PortabilityCheck, Kind::DraftSubRequest, Kind::DraftPortRequest]
        );
        assert_eq!(resolve_kind(&json!({})).unwrap_err().code(), "ambiguous_kind");
        assert_eq!(
            resolve_kind(&json!({"colour": "red"})).unwrap_err().code(),
            "unknown_kind"
        );
        assert_eq!(resolve_kind(&json!([1])).unwrap_err().code(), "unknown_kind");
        assert_eq!(kind_for("e912", &json!({})).unwrap_err().code(), "unknown_kind");
        assert_eq!(kind_for("e911", &json!([])), Ok(Kind::E911));
        // Callers can match the cause; the messages are the surfaces' texts.
        let e = resolve_kind(&json!({"colour": "red"})).unwrap_err();
        assert_eq!(e, KindError::NoKindFits);
        assert_eq!(e.to_string(), "No kind has these fields; pass the document's kind.");
        assert_eq!(resolve_kind(&json!([1])), Err(KindError::NotAnObject));
        let e = kind_for("e912", &json!({})).unwrap_err();
        assert!(
            matches!(&e, KindError::UnknownName(UnknownKind(n)) if n == "e912"),
            "{e:?}"
        );
        assert!(
            e.to_string()
                .starts_with("Unknown kind \"e912\"; the kinds are phone_number, e911,"),
            "{e}"
        );
        let e = resolve_kind(&json!({"phone_numbers": []})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "The document fits more than one kind (portability_check, draft_sub_request, draft_port_request); pass its kind or a \"$schema\"."
        );
    }
}
