//! Typed values read from a borrowed `serde_json::Value` without `f64`.
//!
//! serde_json's own `Value` deserializer (with `arbitrary_precision`) routes
//! every value that is not the expected kind through `deserialize_any`, whose
//! number arm parses the text as `f64` and formats it back to compare: that
//! links float parsing, float formatting and their tables (about 30 KB gzip)
//! into the WebAssembly build. This one reads numbers only through the typed
//! methods of `Number` (integers parsed from the text) and reports the same
//! errors as serde_json's for the types telschema reads (options, limits).

use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde_json::{Error, Value};

/// `T` from a borrowed value, as `T::deserialize(value)` would read it.
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    T::deserialize(ValueDe(value))
}

struct ValueDe<'a>(&'a Value);

fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn invalid<'de, V: Visitor<'de>>(v: &Value, visitor: &V) -> Error {
    de::Error::invalid_type(unexpected(v), visitor)
}

struct Seq<'a> {
    items: std::slice::Iter<'a, Value>,
}

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Error;
    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.items.next().map(|v| seed.deserialize(ValueDe(v))).transpose()
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'a> {
    entries: serde_json::map::Iter<'a>,
    value: Option<&'a Value>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(k.as_str().into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.value.take() {
            Some(v) => seed.deserialize(ValueDe(v)),
            None => Err(de::Error::custom("value is missing")),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A number's text as serde_json's `arbitrary_precision` passes it.
struct NumberText<'a>(Option<&'a str>);

impl<'de> MapAccess<'de> for NumberText<'de> {
    type Error = Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.0 {
            Some(_) => seed
                .deserialize("$serde_json::private::Number".into_deserializer())
                .map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.0.take() {
            Some(text) => seed.deserialize(text.into_deserializer()),
            None => Err(de::Error::custom("value is missing")),
        }
    }
}

/// An enum written as a one-entry map; only unit variants are read here.
struct Variant<'a> {
    name: &'a str,
    value: &'a Value,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = Self;
    fn variant_seed<V: de::DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let name: de::value::BorrowedStrDeserializer<'de, Error> = de::value::BorrowedStrDeserializer::new(self.name);
        seed.deserialize(name).map(|v| (v, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            Value::Null => Ok(()),
            other => Err(de::Error::invalid_type(unexpected(other), &"unit")),
        }
    }
    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(ValueDe(self.value))
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        ValueDe(self.value).deserialize_seq(visitor)
    }
    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        ValueDe(self.value).deserialize_map(visitor)
    }
}

fn visit_array<'de, V: Visitor<'de>>(a: &'de [Value], visitor: V) -> Result<V::Value, Error> {
    let mut seq = Seq { items: a.iter() };
    let out = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(a.len(), &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(m: &'de serde_json::Map<String, Value>, visitor: V) -> Result<V::Value, Error> {
    let mut map = Entries {
        entries: m.iter(),
        value: None,
    };
    let out = visitor.visit_map(&mut map)?;
    if map.entries.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(m.len(), &"fewer elements in map"))
    }
}

macro_rules! integer {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                Value::Number(n) => n.$method(visitor),
                _ => self.deserialize_any(visitor),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for ValueDe<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                // As serde_json hands a number it keeps as text to a target
                // that takes any value (a `Value`): a one-entry map.
                (None, None) => visitor.visit_map(NumberText(Some(n.as_str()))),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(a) => visit_array(a, visitor),
            Value::Object(m) => visit_object(m, visitor),
        }
    }

    integer!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            // `{"variant": value}` as serde_json reads it (the variant first).
            Value::Object(m) if m.len() == 1 => match m.iter().next() {
                Some((k, v)) => visitor.visit_enum(Variant { name: k, value: v }),
                None => Err(invalid(self.0, &visitor)),
            },
            Value::Object(m) if m.len() != 1 => {
                Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key"))
            }
            other => Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(invalid(other, &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(invalid(other, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(invalid(other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(a) => visit_array(a, visitor),
            other => Err(invalid(other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(m) => visit_object(m, visitor),
            other => Err(invalid(other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(a) => visit_array(a, visitor),
            Value::Object(m) => visit_object(m, visitor),
            other => Err(invalid(other, &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! { f32 f64 bytes byte_buf }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;
    use crate::limits::Limits;
    use crate::options::{Options, PhoneLevel};

    /// Values of every form in every option and limit, against serde_json's
    /// own `Value` deserializer: the same result, or the same error text.
    #[test]
    fn reads_as_serde_json_does() {
        let values = [
            json!(null),
            json!(true),
            json!(0),
            json!(-1),
            json!(7),
            json!(1.5),
            json!(2.0),
            json!(1e300),
            json!(5000000000u64),
            json!(18446744073709551615u64),
            json!(-9223372036854775808i64),
            json!(""),
            json!("DE"),
            json!("valid"),
            json!("possible"),
            json!("strict"),
            json!("2026-12-01T09:00:00Z"),
            json!("yesterday"),
            json!("fr-CA"),
            json!([]),
            json!([1, 2]),
            json!({}),
            json!({"valid": null}),
            json!({"valid": 1}),
            json!({"possible": "x"}),
            json!({"strict": 1}),
            json!({"a": 1, "b": 2}),
        ];
        let big: Value = serde_json::from_str("123456789012345678901234567890.5e-3").unwrap();
        let (keys, limit_keys) = (crate::options::KEYS, crate::options::LIMITS);
        let mut cases = 0;
        for v in values.iter().chain([&big]) {
            let one = |k: &str, v: &Value| Value::Object(serde_json::Map::from_iter([(k.to_string(), v.clone())]));
            let mut docs: Vec<Value> = keys.iter().map(|k| one(k, v)).collect();
            docs.extend(limit_keys.iter().map(|k| one("limits", &one(k, v))));
            docs.push(json!({ "limits": [v, v, v, v, v] }));
            docs.push(v.clone());
            for doc in docs {
                let ours = from_value::<Options>(&doc).map_err(|e| e.to_string());
                let theirs = Options::deserialize(&doc).map_err(|e| e.to_string());
                assert_eq!(ours, theirs, "{doc}");
                let ours = from_value::<Limits>(&doc).map_err(|e| e.to_string());
                let theirs = Limits::deserialize(&doc).map_err(|e| e.to_string());
                assert_eq!(ours, theirs, "{doc}");
                let ours = from_value::<PhoneLevel>(v).map_err(|e| e.to_string());
                let theirs = PhoneLevel::deserialize(v).map_err(|e| e.to_string());
                assert_eq!(ours, theirs, "{v}");
                assert_eq!(from_value::<Value>(&doc).unwrap(), doc);
                cases += 1;
            }
        }
        assert!(cases > 300);
    }
}
