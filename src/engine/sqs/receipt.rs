//! Receipt handles: `AQEB` and the standard base64 (padded) of 32 bytes, the queue, the
//! message, which receive handed it out, and 8 random bytes.
//!
//! Every receive makes one per message and every delete reads one back, so the 44
//! characters are coded here with fixed-length loops rather than the base64 crate's
//! general engine, which cost about 800 instructions a lifecycle for the pair
//! (docs/PERFORMANCE.md, "Engine profile, fourth pass"). The text and what is refused
//! are exactly the crate's: a unit test checks both against it, input by input.

use super::super::message::MessageKey;
use super::super::queue::QueueId;

pub(super) const PREFIX: &str = "AQEB";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// Marks a byte outside the alphabet; its high bit survives OR-ing decoded values.
const INVALID: u8 = 0xFF;
const DECODE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};
/// 32 bytes: ten groups of three, then two bytes as three characters and one `=`.
const ENCODED_LEN: usize = 44;

/// What a receipt handle names: the queue, the message and which receive produced it.
pub(super) struct Receipt {
    pub queue: QueueId,
    pub key: MessageKey,
    pub receipt: u64,
}

/// The handle's text; the returned string is its only allocation.
pub(super) fn encode(queue: QueueId, key: MessageKey, receipt: u64, salt: [u8; 8]) -> String {
    let mut bytes = [0u8; 32];
    for (i, part) in [queue, key, receipt].into_iter().enumerate() {
        bytes[i * 8..i * 8 + 8].copy_from_slice(&part.to_be_bytes());
    }
    bytes[24..].copy_from_slice(&salt);
    let mut text = Vec::with_capacity(PREFIX.len() + ENCODED_LEN);
    text.extend_from_slice(PREFIX.as_bytes());
    text.extend_from_slice(&base64(&bytes));
    String::from_utf8(text).expect("base64 is ASCII")
}

/// The queue, message and receive a handle names; None for any text that is not `AQEB`
/// and the canonical padded base64 of exactly 32 bytes.
pub(super) fn decode(handle: &str) -> Option<Receipt> {
    let bytes = unbase64(handle.strip_prefix(PREFIX)?.as_bytes())?;
    let word = |i: usize| u64::from_be_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
    Some(Receipt {
        queue: word(0),
        key: word(1),
        receipt: word(2),
    })
}

fn base64(bytes: &[u8; 32]) -> [u8; ENCODED_LEN] {
    let mut out = [b'='; ENCODED_LEN];
    let char = |n: u32, shift: u32| ALPHABET[(n >> shift & 63) as usize];
    for (group, out) in bytes.chunks_exact(3).zip(out.chunks_exact_mut(4)) {
        let n = u32::from(group[0]) << 16 | u32::from(group[1]) << 8 | u32::from(group[2]);
        out.copy_from_slice(&[char(n, 18), char(n, 12), char(n, 6), char(n, 0)]);
    }
    let n = u32::from(bytes[30]) << 16 | u32::from(bytes[31]) << 8;
    out[40..43].copy_from_slice(&[char(n, 18), char(n, 12), char(n, 6)]);
    out
}

fn unbase64(text: &[u8]) -> Option<[u8; 32]> {
    let text: &[u8; ENCODED_LEN] = text.try_into().ok()?;
    let mut out = [0u8; 32];
    // Any byte outside the alphabet sets the high bit of `seen`; checked once at the end.
    let mut seen = 0u8;
    let mut value = |c: u8| {
        let v = DECODE[usize::from(c)];
        seen |= v;
        u32::from(v)
    };
    for (group, out) in text[..40].chunks_exact(4).zip(out.chunks_exact_mut(3)) {
        let n = value(group[0]) << 18 | value(group[1]) << 12 | value(group[2]) << 6;
        let n = n | value(group[3]);
        out.copy_from_slice(&n.to_be_bytes()[1..]);
    }
    let last = value(text[42]);
    let n = value(text[40]) << 18 | value(text[41]) << 12 | last << 6;
    // The last character's two low bits fall beyond the 32nd byte: the crate refuses
    // them set (no trailing bits), as it refuses a missing or misplaced `=`.
    if seen & 0x80 != 0 || last & 3 != 0 || text[43] != b'=' {
        return None;
    }
    out[30..].copy_from_slice(&n.to_be_bytes()[1..3]);
    Some(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    use proptest::prelude::*;

    /// The crate's answer, as the engine used it before: 32 decoded bytes or a refusal.
    fn crate_decode(text: &str) -> Option<[u8; 32]> {
        let mut bytes = [0u8; 36];
        match STANDARD.decode_slice(text, &mut bytes) {
            Ok(32) => Some(bytes[..32].try_into().expect("32 bytes")),
            _ => None,
        }
    }

    fn valid_text() -> impl Strategy<Value = String> {
        any::<[u8; 32]>().prop_map(|b| STANDARD.encode(b))
    }

    /// Characters the crate treats differently: the alphabet, padding, the URL-safe
    /// alphabet's extra two, whitespace and non-ASCII.
    fn tricky_char() -> impl Strategy<Value = char> {
        prop_oneof![
            prop::sample::select(ALPHABET.iter().map(|&b| char::from(b)).collect::<Vec<_>>()),
            prop::sample::select(vec!['=', '-', '_', ' ', '\n', '.', '\0', 'é', '€']),
            any::<char>(),
        ]
    }

    /// A valid encoding with one edit: a character replaced, inserted or removed, the
    /// text cut short or extended, or the last data character's trailing bits changed.
    fn edited_text() -> impl Strategy<Value = String> {
        (valid_text(), 0usize..44, tricky_char(), 0u8..6, 0u32..4).prop_map(
            |(text, at, c, edit, low_bits)| {
                let mut chars: Vec<char> = text.chars().collect();
                match edit {
                    0 => chars[at] = c,
                    1 => chars.insert(at, c),
                    2 => {
                        chars.remove(at);
                    }
                    3 => chars.truncate(at),
                    4 => chars.extend(std::iter::repeat_n(c, at % 4 + 1)),
                    _ => {
                        let v = u32::from(DECODE[chars[42] as usize]);
                        chars[42] = char::from(ALPHABET[((v & !3) | low_bits) as usize]);
                    }
                }
                chars.into_iter().collect()
            },
        )
    }

    proptest! {
        #[test]
        fn encodes_as_the_crate(bytes in any::<[u8; 32]>()) {
            let (ours, expected) = (base64(&bytes), STANDARD.encode(bytes));
            prop_assert_eq!(ours.as_slice(), expected.as_bytes());
        }

        #[test]
        fn handles_carry_their_parts(queue: u64, key: u64, receipt: u64, salt: [u8; 8]) {
            let handle = encode(queue, key, receipt, salt);
            let mut bytes = [0u8; 32];
            for (i, part) in [queue, key, receipt].into_iter().enumerate() {
                bytes[i * 8..i * 8 + 8].copy_from_slice(&part.to_be_bytes());
            }
            bytes[24..].copy_from_slice(&salt);
            prop_assert_eq!(&handle, &format!("{PREFIX}{}", STANDARD.encode(bytes)));
            let r = decode(&handle).expect("own handles decode");
            prop_assert_eq!((r.queue, r.key, r.receipt), (queue, key, receipt));
        }

        #[test]
        fn refuses_what_the_crate_refuses_after_an_edit(text in edited_text()) {
            prop_assert_eq!(unbase64(text.as_bytes()), crate_decode(&text), "{:?}", text);
        }

        #[test]
        fn refuses_what_the_crate_refuses_in_any_text(
            text in prop::collection::vec(tricky_char(), 0..50)
                .prop_map(|c| c.into_iter().collect::<String>())
        ) {
            prop_assert_eq!(unbase64(text.as_bytes()), crate_decode(&text), "{:?}", text);
        }

        #[test]
        fn accepts_every_valid_text(text in valid_text()) {
            prop_assert!(unbase64(text.as_bytes()).is_some());
            prop_assert_eq!(unbase64(text.as_bytes()), crate_decode(&text));
        }
    }

    #[test]
    fn the_prefix_alone_and_near_misses_are_refused() {
        let text = STANDARD.encode([7u8; 32]);
        for bad in [
            String::new(),
            PREFIX.to_string(),
            format!("aqeb{text}"),
            format!("{PREFIX}{}", &text[..43]),
            format!("{PREFIX}{text}="),
            format!("{PREFIX}{}==", &text[..42]),
            format!(" {PREFIX}{text}"),
        ] {
            assert!(decode(&bad).is_none(), "{bad}");
        }
        assert!(decode(&format!("{PREFIX}{text}")).is_some());
    }
}
