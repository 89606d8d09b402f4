//! Exports only `normalize`: `make wasm-size` builds it and prints its size.

use wasm_bindgen::prelude::*;

/// Normalizes one number; the result is the JSON of `NormalizedNumber`.
#[wasm_bindgen]
pub fn normalize(input: &str, region: &str) -> Result<String, JsError> {
    let n = telschema::phone::normalize(input, &telschema::Options::with_region(region)).map_err(|e| JsError::new(&e.to_string()))?;
    serde_json::to_string(&n).map_err(|e| JsError::new(&e.to_string()))
}
