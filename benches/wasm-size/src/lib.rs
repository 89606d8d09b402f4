//! Exports `normalize`, `format` and `asYouType` only: `make wasm-size` builds it and prints its size.

use wasm_bindgen::prelude::*;

/// Normalizes one number; the result is the JSON of `NormalizedNumber`.
#[wasm_bindgen]
pub fn normalize(input: &str, region: &str) -> Result<String, JsError> {
    let n = telschema::phone::normalize(input, &telschema::Options::with_region(region)).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&n).map_err(|e| JsError::new(&e.to_string()))
}

/// Formats one number (`e164`, `international`, `national`, `rfc3966`), so
/// that the size includes the formatting tables and code.
#[wasm_bindgen]
pub fn format(input: &str, region: &str, style: &str) -> Result<String, JsError> {
    let n = telschema::phone::normalize(input, &telschema::Options::with_region(region)).map_err(|e| JsError::new(&e.to_string()))?;
    let style: telschema::phone::Format = serde_json::from_value(serde_json::Value::String(style.into())).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(telschema::phone::format(&n, style))
}

/// As-you-type formatting of `typed` (the whole text so far), so that the
/// size includes the as-you-type code and data.
#[wasm_bindgen(js_name = asYouType)]
pub fn as_you_type(region: &str, typed: &str) -> String {
    telschema::phone::AsYouType::new(region).input(typed)
}
