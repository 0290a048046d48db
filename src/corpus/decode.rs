//! Bytes to text: UTF-8, UTF-8/UTF-16 with a BOM, Latin-1 fallback, and binary detection.

/// The outcome of decoding a file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Valid UTF-8 (a UTF-8 BOM is dropped).
    Utf8(String),
    /// Decoded from another encoding; the string says which, for the warning.
    Converted(String, &'static str),
    /// Looks binary: not loaded.
    Binary,
}

/// Decodes a file's bytes. Never panics.
pub fn decode(bytes: &[u8]) -> Decoded {
    match decode_in_place(bytes) {
        InPlace::AsIs(s) => Decoded::Utf8(s.to_string()),
        InPlace::Decoded(decoded) => decoded,
    }
}

/// What [`decode_in_place`] gives: most files are UTF-8 already and are read without a copy.
pub(crate) enum InPlace<'a> {
    /// The bytes (after a UTF-8 BOM) are the text: [`Decoded::Utf8`] without the copy.
    AsIs(&'a str),
    Decoded(Decoded),
}

/// What [`decode`] gives, with text that is UTF-8 already borrowed from `bytes`.
pub(crate) fn decode_in_place(bytes: &[u8]) -> InPlace<'_> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match utf8(rest) {
            Some(s) => InPlace::AsIs(s),
            None => InPlace::Decoded(Decoded::Converted(
                String::from_utf8_lossy(rest).into_owned(),
                "UTF-8 with invalid bytes",
            )),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return InPlace::Decoded(Decoded::Converted(
            utf16(rest, u16::from_le_bytes),
            "UTF-16LE",
        ));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return InPlace::Decoded(Decoded::Converted(
            utf16(rest, u16::from_be_bytes),
            "UTF-16BE",
        ));
    }
    if looks_binary(bytes) {
        return InPlace::Decoded(Decoded::Binary);
    }
    match utf8(bytes) {
        Some(s) => InPlace::AsIs(s),
        // Text that is not UTF-8 is most often Latin-1/Windows-1252 saved by an old tool: map each
        // byte to its code point rather than losing every accented letter.
        None => InPlace::Decoded(Decoded::Converted(
            bytes.iter().map(|&b| latin1(b)).collect(),
            "Latin-1",
        )),
    }
}

/// `bytes` as text if they are valid UTF-8 (the same answer as `str::from_utf8`, checked with
/// SIMD: on a 10k-article folder this check was a tenth of the reading time).
pub(crate) fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| word([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

/// Windows-1252 is a superset of Latin-1 in 0x80–0x9F; those bytes carry curly quotes and dashes.
fn latin1(b: u8) -> char {
    const W1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    if (0x80..0xA0).contains(&b) {
        W1252[(b - 0x80) as usize]
    } else {
        b as char
    }
}

/// A NUL byte, or many control bytes, in the first 8 KiB means binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // Every control byte is below 0x20, so when few bytes are, few are controls: a count the
    // compiler turns into wide compares (per chunk, in u8 lanes) settles most files without the
    // exact, byte-by-byte one.
    let low: usize = head
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b < 0x20))))
        .sum();
    if low * 10 <= head.len() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_and_bom_dropped() {
        assert_eq!(decode("héllo".as_bytes()), Decoded::Utf8("héllo".into()));
        assert_eq!(decode(b"\xEF\xBB\xBFhi"), Decoded::Utf8("hi".into()));
    }

    #[test]
    fn latin1_is_converted() {
        assert_eq!(
            decode(b"caf\xe9 \x93hi\x94"),
            Decoded::Converted("café “hi”".into(), "Latin-1")
        );
    }

    #[test]
    fn utf16_with_bom_is_converted() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kyiv".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(
            decode(&bytes),
            Decoded::Converted("Kyiv".into(), "UTF-16LE")
        );
    }

    #[test]
    fn binary_is_detected() {
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00"), Decoded::Binary);
    }

    #[test]
    fn many_control_bytes_are_binary_and_newlines_tabs_are_not() {
        let mut controls = b"ab".repeat(40);
        controls.extend([0x01u8; 10]);
        assert_eq!(decode(&controls), Decoded::Binary);
        let mut spaced = b"ab".repeat(40);
        spaced.extend([0x01u8; 8]);
        assert!(matches!(decode(&spaced), Decoded::Utf8(_)));
        let lines = "a\n\r\t\x0c\x1b".repeat(30);
        assert!(matches!(decode(lines.as_bytes()), Decoded::Utf8(_)));
    }
}
