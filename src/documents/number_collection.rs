//! The `{"numbers": [...]}` body of Kazoo's `/phone_numbers/check`,
//! `/locality` and `/collection` endpoints.

use serde::{Deserialize, Serialize};

/// A list of numbers for Kazoo's collection endpoints. Kazoo normalizes
/// every number to E.164 and rejects duplicates after normalization.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct NumberCollection {
    /// The numbers, in any form Kazoo normalizes (E.164 or national); at least one
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub numbers: Vec<String>,
}

use std::collections::HashMap;

use serde_json::{json, Value};

use super::rules::{get, Ctx};
use super::spec::{FormField as F, PhoneRule, Requirement as R, Spec};
use crate::messages::{params, Message};
use crate::pointer::pointer_push;
use crate::report::Issue;

pub(crate) const SPEC: Spec = Spec {
    form: &[F::new("numbers", "Numbers")],
    requirements: &[R::always("numbers", "The numbers to look up.")],
    phones: &["numbers/*"],
    embed: None,
    phone_rule: PhoneRule::ErrorUnlessPossible,
    rules,
};

/// Two numbers equal once normalized: an error on the repeat, naming the
/// first (Kazoo's body turns them into one `uniqueItems`).
fn rules(ctx: &mut Ctx, doc: &Value, base: &str) {
    let Some(Value::Array(numbers)) = get(doc, "numbers") else {
        return;
    };
    let list = pointer_push(base, "numbers");
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut repeats = Vec::new();
    for (i, v) in numbers.iter().enumerate() {
        let path = pointer_push(&list, &i.to_string());
        let Some(Ok(n)) = ctx.numbers.get(&path) else { continue };
        match seen.get(&n.e164) {
            Some(first) => repeats.push(
                Issue::of(
                    path,
                    Message::DuplicateNumber,
                    params(json!({ "first": format!("{list}/{first}"), "e164": n.e164 })),
                )
                .with_value(v.clone()),
            ),
            None => {
                seen.insert(n.e164.clone(), i);
            }
        }
    }
    repeats.into_iter().for_each(|i| ctx.error(i));
}
