//! MD5 digests as replies carry them.
//!
//! Every send and every receive answers with its body's digest. Kept as the 16 bytes
//! (`Copy`, no allocation) and formatted as SQS's lowercase hex, on the stack, only where a
//! reply is printed or serialised: the hex and its `String` were two allocations, two
//! formats and two UTF-8 checks a lifecycle (docs/PERFORMANCE.md "Engine profile, fifth
//! pass"). It serialises as that hex text, so every printed reply reads as before.

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Md5Digest(pub [u8; 16]);

/// A digest's hex text, formatted on the stack.
pub struct Md5Text([u8; 32]);

impl Md5Digest {
    /// The digest of these bytes.
    pub fn of(bytes: &[u8]) -> Md5Digest {
        use md5::{Digest as _, Md5};
        Md5Digest(Md5::digest(bytes).into())
    }

    pub fn text(self) -> Md5Text {
        // Both digits of a byte come from one entry of a 512-byte table: the page's
        // size-optimised wasm calls a per-character push out of line.
        const HEX: &[u8; 16] = b"0123456789abcdef";
        const PAIRS: [[u8; 2]; 256] = {
            let mut pairs = [[0u8; 2]; 256];
            let mut i = 0;
            while i < 256 {
                pairs[i] = [HEX[i >> 4], HEX[i & 15]];
                i += 1;
            }
            pairs
        };
        let mut text = [0u8; 32];
        for (out, &b) in text.chunks_exact_mut(2).zip(&self.0) {
            out.copy_from_slice(&PAIRS[usize::from(b)]);
        }
        Md5Text(text)
    }
}

// `text` writes hex digits only.
super::message_id::text_form!(Md5Digest, Md5Text, "hex digits are ASCII");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_the_lowercase_hex_sqs_shows() {
        // RFC 1321's test suite.
        assert_eq!(Md5Digest::of(b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            Md5Digest::of(b"message digest").to_string(),
            "f96b697d7cb7938d525a2f31aaf161d0"
        );
        let all: [u8; 16] = std::array::from_fn(|i| (i * 17) as u8);
        assert_eq!(
            Md5Digest(all).text().as_str(),
            "00112233445566778899aabbccddeeff"
        );
    }

    #[test]
    fn serialises_and_debugs_as_its_text() {
        let digest = Md5Digest::of(b"hello");
        assert_eq!(
            serde_json::to_string(&digest).unwrap(),
            "\"5d41402abc4b2a76b9719d911017c592\""
        );
        assert_eq!(
            format!("{digest:?}"),
            "\"5d41402abc4b2a76b9719d911017c592\""
        );
    }
}
