//! Messages as stored by a queue, and what a receive hands out.

use super::error::{ErrorCode, SqsError};
use super::md5_digest::Md5Digest;
use super::message_attributes::MessageAttributes;
use super::message_id::MessageId;
use super::time::SimTime;
use serde::Serialize;
use std::sync::Arc;

/// Engine-wide, increasing: orders messages within a queue and names agenda entries.
pub type MessageKey = u64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state")]
pub enum MessageState {
    /// Sent with a delay; invisible to receives until `until`.
    Delayed {
        until: SimTime,
    },
    Visible,
    /// Received and not yet deleted; `Message::last_receipt` names the receive that
    /// holds it.
    InFlight {
        until: SimTime,
    },
}

/// A message as its queue stores it, under its `MessageKey` (the queue's key, not kept
/// again here: every resident message pays for each field).
#[derive(Clone, Debug)]
pub struct Message {
    /// Shared by the trace events that name it.
    pub message_id: MessageId,
    /// Shared, not copied, when a message moves or is fanned out.
    pub body: Arc<str>,
    /// The MD5 digest of the body, as bytes: formatted only for a reply that shows it.
    pub md5_of_body: Md5Digest,
    /// When the message was sent to its *first* queue: its SentTimestamp, and where
    /// retention counts from, even in a DLQ.
    pub enqueued_at: SimTime,
    pub receive_count: u32,
    pub first_receive_at: OptionalTime,
    /// The receive whose handle may delete it (0: never received, or a copy no handle
    /// names). Older handles are stale. While in flight, the receive that holds it.
    pub last_receipt: u64,
    /// When the latest receive happened: in-flight time is capped at 12 h from here.
    pub received_at: SimTime,
    pub state: MessageState,
    /// The simulated host (of the queue's replicas) that answers for this message.
    pub host: u32,
    /// FIFO queues: the group it is ordered in. Standard (fair) queues: its tenant.
    pub group_id: Option<Arc<str>>,
    /// What most messages lack, in one box: a plain standard message pays one pointer.
    pub extras: Option<Box<MessageExtras>>,
}

/// An `Option<SimTime>` in 8 bytes instead of 16, for a field every resident message
/// carries. No simulation reaches the last millisecond a `u64` counts, so it means "none".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionalTime(u64);

impl OptionalTime {
    pub const NONE: OptionalTime = OptionalTime(u64::MAX);
    pub fn get(self) -> Option<SimTime> {
        (self != OptionalTime::NONE).then_some(SimTime(self.0))
    }
    pub fn unwrap_or(self, default: SimTime) -> SimTime {
        self.get().unwrap_or(default)
    }
    pub fn get_or_insert(&mut self, now: SimTime) -> SimTime {
        if *self == OptionalTime::NONE {
            self.0 = now.0;
        }
        SimTime(self.0)
    }
}

/// The fields of a message that most messages leave empty.
#[derive(Clone, Debug, Default)]
pub struct MessageExtras {
    pub deduplication_id: Option<Arc<str>>,
    /// FIFO queues: 20 digits, increasing per queue.
    pub sequence_number: Option<Arc<str>>,
    /// Shared, not copied, when a message moves. Empty: none were sent.
    pub message_attributes: Option<Arc<MessageAttributes>>,
    pub md5_of_message_attributes: Option<Arc<str>>,
    /// `AWSTraceHeader`, when the sender set it.
    pub aws_trace_header: Option<Arc<str>>,
    /// In a dead-letter queue: the ARN of the queue it was moved from.
    pub dead_letter_source_arn: Option<Arc<str>>,
    /// A copy left behind by a delete that missed one replica (chaos), not a new send.
    pub duplicate: bool,
}

impl Message {
    /// A just-sent message: visible (or delayed), never received.
    pub fn new(message_id: MessageId, body: Arc<str>, now: SimTime) -> Message {
        Message {
            message_id,
            md5_of_body: Md5Digest::of(body.as_bytes()),
            body,
            enqueued_at: now,
            receive_count: 0,
            first_receive_at: OptionalTime::NONE,
            last_receipt: 0,
            received_at: now,
            state: MessageState::Visible,
            host: 0,
            group_id: None,
            extras: None,
        }
    }

    /// Sets the rare fields, boxing them only if any is set.
    pub fn set_extras(&mut self, extras: MessageExtras) {
        let MessageExtras {
            deduplication_id,
            sequence_number,
            message_attributes,
            md5_of_message_attributes,
            aws_trace_header,
            dead_letter_source_arn,
            duplicate,
        } = &extras;
        let any = deduplication_id.is_some()
            || sequence_number.is_some()
            || message_attributes.is_some()
            || md5_of_message_attributes.is_some()
            || aws_trace_header.is_some()
            || dead_letter_source_arn.is_some()
            || *duplicate;
        self.extras = any.then(|| Box::new(extras));
    }
    /// The rare fields, for setting one: boxed on first use.
    pub fn extras_mut(&mut self) -> &mut MessageExtras {
        self.extras.get_or_insert_with(Box::default)
    }
    pub fn deduplication_id(&self) -> Option<&Arc<str>> {
        self.extras.as_ref()?.deduplication_id.as_ref()
    }
    pub fn sequence_number(&self) -> Option<&Arc<str>> {
        self.extras.as_ref()?.sequence_number.as_ref()
    }
    pub fn message_attributes(&self) -> &MessageAttributes {
        match self
            .extras
            .as_ref()
            .and_then(|x| x.message_attributes.as_ref())
        {
            Some(a) => a,
            None => empty_attributes(),
        }
    }
    /// The attributes as shared, for a copy of the message (SNS fan-out, a move).
    pub fn shared_message_attributes(&self) -> Option<&Arc<MessageAttributes>> {
        self.extras.as_ref()?.message_attributes.as_ref()
    }
    pub fn md5_of_message_attributes(&self) -> Option<&Arc<str>> {
        self.extras.as_ref()?.md5_of_message_attributes.as_ref()
    }
    pub fn aws_trace_header(&self) -> Option<&Arc<str>> {
        self.extras.as_ref()?.aws_trace_header.as_ref()
    }
    pub fn dead_letter_source_arn(&self) -> Option<&Arc<str>> {
        self.extras.as_ref()?.dead_letter_source_arn.as_ref()
    }
    pub fn is_duplicate(&self) -> bool {
        self.extras.as_ref().is_some_and(|x| x.duplicate)
    }
}

fn empty_attributes() -> &'static MessageAttributes {
    static EMPTY: std::sync::OnceLock<MessageAttributes> = std::sync::OnceLock::new();
    EMPTY.get_or_init(MessageAttributes::new)
}

/// One message as `ReceiveMessage` returns it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReceivedMessage {
    pub message_id: MessageId,
    pub receipt_handle: String,
    pub md5_of_body: Md5Digest,
    pub body: Arc<str>,
    /// Requested system attributes, in the order SQS returns them.
    pub attributes: Vec<(String, String)>,
    /// Requested message attributes; their digest when any are returned.
    pub message_attributes: MessageAttributes,
    pub md5_of_message_attributes: Option<String>,
}

/// Lowercase hex SHA-256: the deduplication id content-based deduplication derives (SQS
/// FIFO queues and SNS FIFO topics alike).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest as _, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn md5_hex(bytes: &[u8]) -> String {
    String::from(Md5Digest::of(bytes).text().as_str())
}

/// Lowercase hex of an MD5 digest, as SQS shows it.
pub fn hex(digest: &[u8; 16]) -> String {
    String::from(Md5Digest(*digest).text().as_str())
}

/// Whether every byte is one a plain ASCII body may hold: tab, LF, CR or 0x20–0x7F.
fn plain_ascii(bytes: &[u8]) -> bool {
    let plain = |b: u8| (0x20..0x80).contains(&b) || matches!(b, 0x9 | 0xA | 0xD);
    // Every send scans its whole body: eight bytes at a time, a word is cleared when no
    // byte has its high bit set or borrows when 0x20 is taken from it (a byte below 0x20
    // always borrows; a borrow can only flag too much), and only a flagged word is
    // checked byte by byte.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        if (w | w.wrapping_sub(ONES * 0x20)) & HIGH != 0 && !word.iter().all(|&b| plain(b)) {
            return false;
        }
    }
    words.remainder().iter().all(|&b| plain(b))
}

/// Bodies must be non-empty, within the queue's size limit and of the XML-safe character set.
pub fn validate_body(body: &str, maximum_message_size: u32) -> Result<(), SqsError> {
    if body.is_empty() {
        return Err(SqsError::new(
            ErrorCode::MissingParameter,
            "The request must contain the parameter MessageBody.",
        ));
    }
    if body.len() > maximum_message_size as usize {
        return Err(SqsError::invalid_value(format!(
            "One or more parameters are invalid. Reason: Message must be shorter than {maximum_message_size} bytes."
        )));
    }
    // Most bodies are plain ASCII text: a byte scan clears them without decoding characters.
    if plain_ascii(body.as_bytes()) {
        return Ok(());
    }
    if let Some(c) = body.chars().find(|&c| !allowed_char(c)) {
        return Err(SqsError::new(
            ErrorCode::InvalidMessageContents,
            format!(
                "Invalid binary character '#x{:X}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].",
                c as u32
            ),
        ));
    }
    Ok(())
}

fn allowed_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn plain_ascii_agrees_with_a_byte_by_byte_check() {
        let plain = |b: u8| (0x20..0x80).contains(&b) || matches!(b, 0x9 | 0xA | 0xD);
        // Every byte value at every place of a word and in the tail, among plain bytes.
        for len in [1, 7, 8, 9, 16, 23, 100] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut body = vec![b'x'; len];
                    body[at] = b;
                    assert_eq!(plain_ascii(&body), plain(b), "{b:#x} at {at} of {len}");
                }
            }
        }
        // Borrows across bytes: low bytes next to every other value.
        for a in 0..=255u8 {
            for b in [0u8, 0x1F, 0x20, 0x21, 0x7F, 0x80] {
                let body = [a, b, a, b, b'y', a, b, a, 0x20];
                assert_eq!(
                    plain_ascii(&body),
                    body.iter().all(|&c| plain(c)),
                    "{body:x?}"
                );
            }
        }
    }
    #[test]
    fn hex_is_lowercase_and_two_digits_a_byte() {
        let digest: [u8; 16] = std::array::from_fn(|i| (i * 17) as u8);
        let expected: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex(&digest), expected);
        assert_eq!(hex(&[0xff; 16]), "f".repeat(32));
    }
    #[test]
    fn md5_matches_aws_values() {
        // Values printed by the AWS CLI for these bodies (conformance transcript p01).
        assert_eq!(
            md5_hex(b"Sold a coffee"),
            "a9d4d02ec3cca5c4a2bece412e991d6e"
        );
        assert_eq!(md5_hex(b"Sold a latte"), "e29c35e29ca99326fadcbd6bbc173abc");
    }
    #[test]
    fn a_plain_message_stays_small() {
        // Every resident message pays this (boxed in its queue's B-tree): the rare fields
        // live behind `extras` so that a plain standard message does not carry them.
        let size = std::mem::size_of::<Message>();
        eprintln!("size_of::<Message>() = {size}");
        assert!(size <= 128, "Message grew to {size} bytes");
        assert!(Message::new(
            MessageId::from_random_bytes([1; 16]),
            Arc::from("body"),
            SimTime::ZERO
        )
        .extras
        .is_none());
    }
    #[test]
    fn a_first_receive_time_is_kept_once_set() {
        let mut t = OptionalTime::NONE;
        assert_eq!(t.get(), None);
        assert_eq!(t.unwrap_or(SimTime(7)), SimTime(7));
        // Time zero is a real time, not "none".
        assert_eq!(t.get_or_insert(SimTime::ZERO), SimTime::ZERO);
        assert_eq!(t.get_or_insert(SimTime(5)), SimTime::ZERO);
        assert_eq!(t.get(), Some(SimTime::ZERO));
    }
    #[test]
    fn body_rules() {
        assert_eq!(
            validate_body("", 1024).unwrap_err().code,
            ErrorCode::MissingParameter
        );
        assert_eq!(
            validate_body(&"x".repeat(1025), 1024).unwrap_err().code,
            ErrorCode::InvalidParameterValue
        );
        assert_eq!(
            validate_body("a\u{1}b", 1024).unwrap_err().code,
            ErrorCode::InvalidMessageContents
        );
        assert!(validate_body("tab\tok 😀", 1024).is_ok());
    }
}
