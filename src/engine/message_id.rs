//! MessageIds: random UUIDs, as SQS and SNS give them.
//!
//! Every message, its trace events and its replies name it, so it is kept as the UUID's 16
//! bytes (`Copy`, no allocation) and formatted, on the stack, only where it is printed or
//! serialised. It serialises as the same lowercase hyphenated text SQS shows, so traces and
//! their hashes read exactly as when it was a string.

use uuid::fmt::Hyphenated;
use uuid::Uuid;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MessageId(Uuid);

/// A MessageId's text, formatted on the stack.
pub struct MessageIdText([u8; Hyphenated::LENGTH]);

impl MessageId {
    /// A version 4 UUID made of these random bytes.
    pub fn from_random_bytes(bytes: [u8; 16]) -> MessageId {
        MessageId(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }
    /// Reads the text form back (tests, and drivers holding an id as text); None if it is
    /// not a UUID.
    pub fn parse(text: &str) -> Option<MessageId> {
        Uuid::try_parse(text).ok().map(MessageId)
    }
    pub fn as_u128(self) -> u128 {
        self.0.as_u128()
    }
    pub fn text(self) -> MessageIdText {
        let mut text = [0u8; Hyphenated::LENGTH];
        self.0.hyphenated().encode_lower(&mut text);
        MessageIdText(text)
    }
}

/// What a value kept as bytes and printed as ASCII text shares: its text type derefs to
/// `str`, and the value displays, debug-prints (as a string, so a failing assertion shows
/// what a user would see), serialises and compares with strings as that text.
macro_rules! text_form {
    ($value:ty, $text:ty, $why:literal) => {
        impl $text {
            pub fn as_str(&self) -> &str {
                std::str::from_utf8(&self.0).expect($why)
            }
        }

        impl std::ops::Deref for $text {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        impl std::fmt::Display for $value {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text())
            }
        }

        impl std::fmt::Debug for $value {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(self.text().as_str(), f)
            }
        }

        impl serde::Serialize for $value {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.text())
            }
        }

        impl PartialEq<str> for $value {
            fn eq(&self, other: &str) -> bool {
                *self.text() == *other
            }
        }

        impl PartialEq<&str> for $value {
            fn eq(&self, other: &&str) -> bool {
                *self.text() == **other
            }
        }
    };
}
pub(super) use text_form;

// `encode_lower` writes hex digits and hyphens only.
text_form!(MessageId, MessageIdText, "a UUID's text is ASCII");

impl PartialEq<String> for MessageId {
    fn eq(&self, other: &String) -> bool {
        *self.text() == **other
    }
}

impl PartialEq<MessageId> for String {
    fn eq(&self, other: &MessageId) -> bool {
        other == self
    }
}

impl PartialEq<MessageId> for str {
    fn eq(&self, other: &MessageId) -> bool {
        other == self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_and_serialises_as_sqs_shows_it() {
        let id = MessageId::from_random_bytes([0xab; 16]);
        let text = "abababab-abab-4bab-abab-abababababab";
        assert_eq!(id.to_string(), text);
        assert_eq!(format!("{id:?}"), format!("{text:?}"));
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{text}\""));
        assert_eq!(MessageId::parse(text), Some(id));
        assert_eq!(id, *text);
        assert_eq!(MessageId::parse("not-a-uuid"), None);
    }

    #[test]
    fn costs_no_more_than_a_pointer_to_its_text() {
        assert_eq!(std::mem::size_of::<MessageId>(), 16);
    }
}
