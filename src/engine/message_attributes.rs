//! PLACEHOLDER until the message-attributes module lands (types only).
use super::error::SqsError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageAttributeValue {
    pub data_type: String,
    pub string_value: Option<String>,
    pub binary_value: Option<Vec<u8>>,
}
pub type MessageAttributes = BTreeMap<String, MessageAttributeValue>;

pub fn validate_message_attributes(_attrs: &MessageAttributes) -> Result<(), SqsError> {
    Ok(())
}
pub fn validate_message_system_attributes(_attrs: &MessageAttributes) -> Result<(), SqsError> {
    Ok(())
}
pub fn md5_of_message_attributes(_attrs: &MessageAttributes) -> String {
    String::new()
}
pub fn attributes_size(_attrs: &MessageAttributes) -> usize {
    0
}
pub fn select(attrs: &MessageAttributes, _names: &[String]) -> MessageAttributes {
    attrs.clone()
}
