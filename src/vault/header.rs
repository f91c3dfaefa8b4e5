//! The age header read by hand, only as far as needed to name what is wrong
//! with a file that does not open. age itself says "invalid header" for a
//! file cut inside its header as well as for a changed one, and cannot say
//! what work an scrypt stanza asks for before it is done; this reader tells
//! a cut (the text stops early but is a valid beginning) from damage (a
//! byte that the format does not allow), and reads the scrypt work factor
//! so that opening can refuse or warn *before* the slow derivation.
//! Pure: bytes in, a summary out. (age spec: <https://c2sp.org/age>,
//! "Header" and "Native recipient types".)

use data_encoding::BASE64_NOPAD;

/// The version line every binary age v1 file starts with.
const VERSION_LINE: &[u8] = b"age-encryption.org/v1";
/// Body lines are wrapped at 64 columns; the last one is shorter.
const BODY_COLUMNS: usize = 64;
/// The payload starts with a 16-byte nonce after the header.
const NONCE_LEN: usize = 16;

/// One recipient stanza, as far as kapukulcs cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stanza {
    /// A passphrase: scrypt with work factor `N = 2^log_n`.
    Scrypt {
        /// `log2(N)`.
        log_n: u8,
    },
    /// An X25519 public key (`age1…`).
    X25519,
    /// Any other kind (plugins, and the random "grease" stanza age adds).
    Other,
}

/// What the header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The recipient stanzas, in file order.
    pub stanzas: Vec<Stanza>,
    /// Where the encrypted chunks begin (after the MAC line and the nonce).
    pub payload_start: usize,
}

impl Header {
    /// The scrypt work factor, when the file is locked with a passphrase.
    pub fn scrypt_work_factor(&self) -> Option<u8> {
        self.stanzas.iter().find_map(|stanza| match stanza {
            Stanza::Scrypt { log_n } => Some(*log_n),
            _ => None,
        })
    }
}

/// Why the header could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderError {
    /// The file ends inside the header (or its nonce): everything present
    /// is a valid beginning.
    Truncated,
    /// The header holds something the format does not allow.
    Damaged,
}

fn is_base64(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'/'
}

/// An age "arbitrary string": one or more visible ASCII characters.
fn is_arbitrary(text: &[u8]) -> bool {
    !text.is_empty() && text.iter().all(|b| (33..=126).contains(b))
}

/// Canonical unpadded base64 of exactly `len` bytes.
fn base64_of_len(text: &[u8], len: usize) -> bool {
    BASE64_NOPAD
        .decode(text)
        .is_ok_and(|bytes| bytes.len() == len)
}

/// The next line (without its `\n`) and where the one after starts; at the
/// end of the file, a partial line of printable text is a cut, anything
/// else is damage.
fn line(bytes: &[u8], at: usize) -> Result<(&[u8], usize), HeaderError> {
    let rest = &bytes[at.min(bytes.len())..];
    match rest.iter().position(|&b| b == b'\n') {
        Some(end) => Ok((&rest[..end], at + end + 1)),
        None if rest.iter().all(|b| (32..=126).contains(b)) => Err(HeaderError::Truncated),
        None => Err(HeaderError::Damaged),
    }
}

/// Reads a stanza's arguments into what kapukulcs needs to know.
fn stanza(args: &[&[u8]], body: &[u8]) -> Result<Stanza, HeaderError> {
    match args {
        [b"scrypt", salt, log_n] => {
            // age spec: the salt is 16 bytes; the work factor is a decimal
            // number without leading zeroes; the body is the 32-byte
            // wrapped file key. scrypt itself needs 0 < log_n < 64.
            let log_n = std::str::from_utf8(log_n)
                .ok()
                .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
                .filter(|digits| !digits.starts_with('0'))
                .and_then(|digits| digits.parse::<u8>().ok())
                .filter(|&n| 0 < n && n < 64);
            match log_n {
                Some(log_n) if base64_of_len(salt, 16) && body.len() == 32 => {
                    Ok(Stanza::Scrypt { log_n })
                }
                _ => Err(HeaderError::Damaged),
            }
        }
        [b"scrypt", ..] => Err(HeaderError::Damaged),
        [b"X25519", share] if base64_of_len(share, 32) && body.len() == 32 => Ok(Stanza::X25519),
        [b"X25519", ..] => Err(HeaderError::Damaged),
        _ => Ok(Stanza::Other),
    }
}

/// Reads the header of a binary age file (after any armor is removed).
pub fn parse(bytes: &[u8]) -> Result<Header, HeaderError> {
    let (first, at) = line(bytes, 0)?;
    if first != VERSION_LINE {
        return Err(HeaderError::Damaged);
    }
    let mut stanzas = Vec::new();
    let mut pending = line(bytes, at)?;
    loop {
        let (text, next) = pending;
        if let Some(mac) = text.strip_prefix(b"--- ") {
            if !base64_of_len(mac, 32) || stanzas.is_empty() {
                return Err(HeaderError::Damaged);
            }
            let payload_start = next + NONCE_LEN;
            if payload_start > bytes.len() {
                return Err(HeaderError::Truncated);
            }
            return Ok(Header {
                stanzas,
                payload_start,
            });
        }
        let Some(args) = text.strip_prefix(b"-> ") else {
            return Err(HeaderError::Damaged);
        };
        let args: Vec<&[u8]> = args.split(|&b| b == b' ').collect();
        if !args.iter().all(|arg| is_arbitrary(arg)) {
            return Err(HeaderError::Damaged);
        }
        // The body: full 64-column lines, then one shorter (maybe empty).
        let mut body_text = Vec::new();
        let mut at_body = next;
        loop {
            let (body_line, after) = line(bytes, at_body)?;
            at_body = after;
            if !body_line.iter().all(|&b| is_base64(b)) || body_line.len() > BODY_COLUMNS {
                return Err(HeaderError::Damaged);
            }
            body_text.extend_from_slice(body_line);
            if body_line.len() < BODY_COLUMNS {
                break;
            }
        }
        let body = BASE64_NOPAD
            .decode(&body_text)
            .map_err(|_| HeaderError::Damaged)?;
        stanzas.push(stanza(&args, &body)?);
        pending = line(bytes, at_body)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SALT: &str = "c2FsdHNhbHRzYWx0c2FsdA"; // 16 bytes
    const KEY: &str = "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U"; // 29 bytes: wrong on purpose below
    const BODY: &str = "Ym9keWJvZHlib2R5Ym9keWJvZHlib2R5Ym9keWJvZHk"; // 32 bytes
    const MAC: &str = "bWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWE"; // 32 bytes

    fn file(stanza: &str) -> Vec<u8> {
        let mut bytes = format!("age-encryption.org/v1\n{stanza}--- {MAC}\n").into_bytes();
        bytes.extend_from_slice(&[0u8; 16 + 40]);
        bytes
    }

    fn scrypt(salt: &str, log_n: &str, body: &str) -> Vec<u8> {
        file(&format!("-> scrypt {salt} {log_n}\n{body}\n"))
    }

    #[test]
    fn a_well_formed_scrypt_header_gives_its_work_factor() {
        let bytes = scrypt(SALT, "18", BODY);
        let header = parse(&bytes).unwrap();
        assert_eq!(header.stanzas, vec![Stanza::Scrypt { log_n: 18 }]);
        assert_eq!(header.scrypt_work_factor(), Some(18));
        assert_eq!(header.payload_start, bytes.len() - 40);
    }

    #[test]
    fn every_cut_inside_the_header_is_a_cut() {
        let bytes = scrypt(SALT, "18", BODY);
        let end = parse(&bytes).unwrap().payload_start;
        for cut in 0..end {
            assert_eq!(
                parse(&bytes[..cut]),
                Err(HeaderError::Truncated),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn malformed_stanzas_are_damage() {
        // (what is wrong, the stanza)
        let rows = [
            (
                "salt not base64",
                scrypt("c2FsdHNhbHRzYWx0c2Fsd!", "18", BODY),
            ),
            ("salt too short", scrypt("c2FsdA", "18", BODY)),
            ("work factor not a number", scrypt(SALT, "1x", BODY)),
            ("work factor with a leading zero", scrypt(SALT, "018", BODY)),
            ("work factor zero", scrypt(SALT, "0", BODY)),
            ("work factor beyond scrypt", scrypt(SALT, "64", BODY)),
            ("body of the wrong length", scrypt(SALT, "18", KEY)),
            (
                "body not base64",
                scrypt(SALT, "18", &BODY.replace('b', "-")),
            ),
            (
                "missing argument",
                file(&format!("-> scrypt {SALT}\n{BODY}\n")),
            ),
            (
                "X25519 share too short",
                file(&format!("-> X25519 {SALT}\n{BODY}\n")),
            ),
            (
                "not a stanza line",
                file(&format!("=> scrypt {SALT} 18\n{BODY}\n")),
            ),
            ("no stanza", file("")),
        ];
        for (what, bytes) in rows {
            assert_eq!(parse(&bytes), Err(HeaderError::Damaged), "{what}");
        }
        let mut bad_mac = scrypt(SALT, "18", BODY);
        let at = bad_mac.windows(4).position(|w| w == b"--- ").unwrap() + 4;
        bad_mac[at] = b'*';
        assert_eq!(parse(&bad_mac), Err(HeaderError::Damaged), "bad MAC");
        let mut bad_version = scrypt(SALT, "18", BODY);
        bad_version[3] = b'X';
        assert_eq!(parse(&bad_version), Err(HeaderError::Damaged), "version");
    }

    #[test]
    fn unknown_stanzas_are_read_past() {
        let bytes = file(&format!("-> X25519 {BODY}\n{BODY}\n-> 7b-grease x y\n\n"));
        assert_eq!(
            parse(&bytes).unwrap().stanzas,
            vec![Stanza::X25519, Stanza::Other]
        );
    }
}
