//! Placeholder: replaced by the complete module (branch s1).
use super::message_attributes::MessageAttributes;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FilterPolicyScope {
    #[default]
    MessageAttributes,
    MessageBody,
}
impl FilterPolicyScope {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "MessageAttributes" => Some(Self::MessageAttributes),
            "MessageBody" => Some(Self::MessageBody),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Self::MessageAttributes => "MessageAttributes",
            Self::MessageBody => "MessageBody",
        }
    }
}
#[derive(Clone, Debug, PartialEq)]
pub struct FilterPolicy {
    scope: FilterPolicyScope,
    keys: Vec<(String, Vec<String>)>,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub key: String,
    pub condition: String,
    pub reason: String,
}
impl FilterPolicy {
    pub fn parse(json: &str, scope: FilterPolicyScope) -> Result<FilterPolicy, String> {
        let v: serde_json::Value =
            serde_json::from_str(json).map_err(|_| "failed to parse JSON.".to_string())?;
        let obj = v.as_object().ok_or("policy must be an object")?;
        let keys = obj
            .iter()
            .map(|(k, v)| {
                let vals = v.as_array().cloned().unwrap_or_default();
                (
                    k.clone(),
                    vals.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect(),
                )
            })
            .collect();
        Ok(FilterPolicy { scope, keys })
    }
    pub fn scope(&self) -> FilterPolicyScope {
        self.scope
    }
    pub fn evaluate(&self, attributes: &MessageAttributes, body: &str) -> Result<(), Mismatch> {
        let body: Option<serde_json::Value> = serde_json::from_str(body).ok();
        for (k, vals) in &self.keys {
            let got = match self.scope {
                FilterPolicyScope::MessageAttributes => {
                    attributes.get(k).and_then(|a| a.string_value.clone())
                }
                FilterPolicyScope::MessageBody => body
                    .as_ref()
                    .and_then(|b| b.get(k))
                    .and_then(|v| v.as_str().map(String::from)),
            };
            if !got.as_ref().is_some_and(|g| vals.contains(g)) {
                return Err(Mismatch {
                    key: k.clone(),
                    condition: format!("{vals:?}"),
                    reason: format!("{k} did not match"),
                });
            }
        }
        Ok(())
    }
}
