//! age encryption of the bundle, in the two ways the `age` tool itself
//! offers: a passphrase (scrypt) or X25519 recipients and identity files.
//! Any stock `age` can therefore open the bundle (age spec:
//! <https://c2sp.org/age>). Pure: bytes in, bytes out.
//!
//! The whole plaintext is read before it is returned, because age reports
//! tampering only while the last chunks are read; nothing may be written
//! from a file that turns out to be damaged.
//!
//! A file that does not open is examined until the message can say what
//! happened: cut short (anywhere, header included), damaged header,
//! changed contents, data appended after the end, or a wrong key. ASCII
//! armor (`age -a`) is taken off first.

use std::{
    borrow::Cow,
    cell::RefCell,
    io::{self, Cursor, Read, Seek, SeekFrom, Write},
    iter,
};

use age::secrecy::{ExposeSecret, SecretString as AgeSecret};
use age_core::format::{FileKey, Stanza};
use zeroize::Zeroizing;

use crate::{
    fl,
    secret::SecretString,
    vault::header::{self, Header, HeaderError},
};

/// The first line of every binary age file.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// The first line of an ASCII-armored age file (age spec, "ASCII armor").
const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
/// The last line of an ASCII-armored age file.
const ARMOR_END: &[u8] = b"-----END AGE ENCRYPTED FILE-----";

/// The scrypt work factor (`log2(N)`) of every passphrase bundle written:
/// fixed, not measured on the writing machine, so a bundle made on a fast
/// computer opens on a slow one. 2^18 is what the Go `age` tool writes and
/// takes about a second on an ordinary laptop (`--example bundle_bench`).
pub const WORK_FACTOR: u8 = 18;
/// The highest work factor accepted when opening: Go age's limit. scrypt
/// needs `128 · 8 · 2^22` bytes = 4 GiB of memory and about 16 times the
/// time of 2^18 for it; a file asking for more is refused before any work.
pub const MAX_WORK_FACTOR: u8 = 22;

/// True when `bytes` start like an age file (binary or ASCII-armored;
/// armor may follow white space, as the age spec allows).
pub fn looks_like_age(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC) || bytes.trim_ascii_start().starts_with(ARMOR_BEGIN)
}

/// How a bundle is locked when it is written.
pub enum Lock {
    /// A passphrase the user types; scrypt makes guessing slow.
    Passphrase {
        /// The passphrase.
        passphrase: SecretString,
        /// scrypt `log2(N)`; `None` is [`WORK_FACTOR`]. Tests pass a low
        /// value: never an environment switch.
        work_factor: Option<u8>,
    },
    /// Public keys (`age1…`), as `age -r` takes them.
    Recipients(Vec<age::x25519::Recipient>),
}

/// One identity from an identity file, of whatever kind age read.
pub type AnyIdentity = Box<dyn age::Identity + Send + Sync>;

/// How a bundle is opened.
pub enum Unlock {
    /// The passphrase it was locked with.
    Passphrase(SecretString),
    /// Identities from age identity files, as `age -d -i` takes them.
    Identities(Vec<AnyIdentity>),
}

/// Why a bundle could not be encrypted or decrypted.
#[derive(Debug)]
pub enum CryptError {
    /// The bytes are not an age file at all.
    NotAge,
    /// The file is locked with a passphrase but none was given.
    NeedsPassphrase,
    /// The file is locked to recipients but no identity was given.
    NeedsIdentity,
    /// The passphrase is wrong.
    WrongPassphrase,
    /// None of the identities can open the file.
    NoMatchingIdentity,
    /// The file ends early (anywhere, the header included).
    Truncated,
    /// The file was changed or damaged after it was written.
    Tampered,
    /// The header (the part holding the keys) is damaged: malformed, or
    /// its MAC does not match although the key was right.
    DamagedHeader,
    /// The bundle is whole, but more bytes follow its end.
    AppendedData {
        /// How many bytes at the start are the whole bundle.
        whole: usize,
    },
    /// The file asks for a scrypt work factor above [`MAX_WORK_FACTOR`].
    ExcessiveWork {
        /// The file's `log2(N)`.
        log_n: u8,
    },
    /// A recipient is not an `age1…` public key.
    BadRecipient(String),
    /// An identity file could not be read or holds no usable key.
    BadIdentityFile(String),
    /// scrypt's work area for this passphrase file does not fit in the
    /// memory the system grants this run.
    OutOfMemory {
        /// Bytes scrypt needs.
        needed: u64,
    },
}

impl CryptError {
    /// The `err-…` line for the bundle `file` this error came from.
    pub fn message(&self, file: &str) -> String {
        match self {
            CryptError::NotAge => fl!("err-not-a-bundle", file = file),
            CryptError::NeedsPassphrase => fl!("err-needs-passphrase", file = file),
            CryptError::NeedsIdentity => fl!("err-needs-identity", file = file),
            CryptError::WrongPassphrase => {
                fl!("err-wrong-passphrase-or-header", file = file)
            }
            CryptError::NoMatchingIdentity => fl!("err-wrong-identity", file = file),
            CryptError::Truncated => fl!("err-bundle-truncated", file = file),
            CryptError::Tampered => fl!("err-bundle-tampered", file = file),
            CryptError::DamagedHeader => fl!("err-bundle-header", file = file),
            CryptError::AppendedData { .. } => fl!("err-bundle-appended", file = file),
            CryptError::ExcessiveWork { log_n } => fl!(
                "err-bundle-work-too-high",
                file = file,
                factor = log_n.to_string(),
                max = MAX_WORK_FACTOR.to_string()
            ),
            CryptError::OutOfMemory { needed } => fl!(
                "err-bundle-memory",
                file = file,
                mib = (needed / (1024 * 1024)).to_string()
            ),
            CryptError::BadRecipient(value) => {
                fl!("err-bad-recipient", value = value.as_str())
            }
            CryptError::BadIdentityFile(name) => {
                fl!("err-bad-identity-file", file = name.as_str())
            }
        }
    }

    /// The `rec-…` line: what to do about it, where there is something.
    pub fn recovery(&self) -> Option<String> {
        Some(match self {
            CryptError::NeedsPassphrase => fl!("rec-needs-passphrase"),
            CryptError::NeedsIdentity | CryptError::NoMatchingIdentity => {
                fl!("rec-needs-identity")
            }
            CryptError::WrongPassphrase => fl!(
                "rec-wrong-passphrase-or-header",
                surface = crate::i18n::surface()
            ),
            CryptError::Truncated | CryptError::Tampered | CryptError::DamagedHeader => {
                fl!("rec-bundle-backup", surface = crate::i18n::surface())
            }
            CryptError::AppendedData { whole } => {
                fl!("rec-bundle-appended", whole = whole.to_string())
            }
            CryptError::ExcessiveWork { .. } => {
                fl!("rec-bundle-work-too-high", factor = WORK_FACTOR.to_string())
            }
            CryptError::BadRecipient(_) => fl!("rec-bad-recipient"),
            CryptError::OutOfMemory { .. } => {
                fl!("rec-bundle-memory", factor = WORK_FACTOR.to_string())
            }
            _ => return None,
        })
    }
}

fn age_secret(passphrase: &SecretString) -> AgeSecret {
    AgeSecret::from(passphrase.expose().to_owned())
}

/// Encrypts `plaintext` into a binary age file.
pub fn encrypt(plaintext: &[u8], lock: &Lock) -> Result<Vec<u8>, CryptError> {
    encrypt_bound(lock, |error| error, |_| Ok(plaintext))
}

/// Encrypts the plaintext that `plaintext` makes once it knows the
/// file's header ([`header_digest`] of the result): the bundle records
/// its own header inside, so that a file re-encrypted by another program
/// (the age CLI) can be told from one this program wrote, and the list of
/// keys inside it is trusted only when it is still the file's own.
/// `crypt_error` turns an encryption error into the caller's.
pub fn encrypt_bound<P: AsRef<[u8]>, E>(
    lock: &Lock,
    crypt_error: impl Fn(CryptError) -> E,
    plaintext: impl FnOnce(&str) -> Result<P, E>,
) -> Result<Vec<u8>, E> {
    let encryptor = match lock {
        Lock::Passphrase {
            passphrase,
            work_factor,
        } => {
            let log_n = work_factor.unwrap_or(WORK_FACTOR).clamp(1, 63);
            ensure_scrypt_memory(log_n).map_err(&crypt_error)?;
            let mut recipient = age::scrypt::Recipient::new(age_secret(passphrase));
            recipient.set_work_factor(log_n);
            age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
        }
        Lock::Recipients(recipients) => {
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        }
    }
    .map_err(|e| crypt_error(CryptError::BadRecipient(e.to_string())))?;
    let out = Shared::default();
    // age writes the header and the payload nonce as soon as the output is
    // wrapped, before any plaintext.
    let mut writer = encryptor
        .wrap_output(out.clone())
        .expect("writing into memory cannot fail");
    let digest = {
        let written = out.0.borrow();
        sha256_hex(&written[..written.len() - NONCE_LEN])
    };
    let plaintext = plaintext(&digest)?;
    writer
        .write_all(plaintext.as_ref())
        // Without finish() the last chunk is never written and the file
        // would not decrypt.
        .and_then(|()| writer.finish().map(drop))
        .expect("writing into memory cannot fail");
    drop(plaintext);
    Ok(out.0.take())
}

/// The payload nonce that follows the header (age spec, "Payload").
const NONCE_LEN: usize = 16;

/// An in-memory output that can be looked at while age still writes to it.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    data_encoding::HEXLOWER.encode(&Sha256::digest(bytes))
}

/// SHA-256 of the file's binary header (from the version line through the
/// MAC line), armor taken off: what [`encrypt_bound`] handed to the
/// plaintext. `None` for a file whose header does not read.
pub fn header_digest(ciphertext: &[u8]) -> Option<String> {
    let found = examine(ciphertext).ok()?;
    let end = found.header.payload_start.checked_sub(NONCE_LEN)?;
    Some(sha256_hex(found.binary.get(..end)?))
}

/// How many X25519 recipient stanzas the file's header holds (0 when the
/// header does not read): the number of `age1…` keys it is locked to.
pub fn x25519_stanzas(ciphertext: &[u8]) -> usize {
    examine(ciphertext).map_or(0, |found| {
        found
            .header
            .stanzas
            .iter()
            .filter(|stanza| matches!(stanza, header::Stanza::X25519))
            .count()
    })
}

/// The memory scrypt needs for `N = 2^log_n` with age's `r = 8`:
/// `128 · r · N` bytes (RFC 7914, section 5).
pub fn scrypt_memory(log_n: u8) -> u64 {
    128 * 8 * (1u64 << log_n.min(40))
}

/// scrypt allocates its whole work area at once, and a failed allocation
/// aborts the program. Asking for the memory first, and giving it back,
/// turns "not enough memory" into an error with a message.
fn ensure_scrypt_memory(log_n: u8) -> Result<(), CryptError> {
    let needed = scrypt_memory(log_n);
    let fits = usize::try_from(needed)
        .ok()
        .is_some_and(|bytes| Vec::<u8>::new().try_reserve_exact(bytes).is_ok());
    if fits {
        Ok(())
    } else {
        Err(CryptError::OutOfMemory { needed })
    }
}

/// Parses `age1…` public keys as given to `--recipient`.
pub fn parse_recipients(texts: &[String]) -> Result<Vec<age::x25519::Recipient>, CryptError> {
    texts
        .iter()
        .map(|text| {
            text.trim()
                .parse::<age::x25519::Recipient>()
                .map_err(|_| CryptError::BadRecipient(text.clone()))
        })
        .collect()
}

/// Reads age identity files (`AGE-SECRET-KEY-1…` lines, comments allowed).
pub fn read_identity_file(
    contents: &[u8],
    name: &str,
) -> Result<Vec<Box<dyn age::Identity + Send + Sync>>, CryptError> {
    let file = age::IdentityFile::from_buffer(contents)
        .map_err(|_| CryptError::BadIdentityFile(name.to_owned()))?;
    let identities = file
        .into_identities()
        .map_err(|_| CryptError::BadIdentityFile(name.to_owned()))?;
    if identities.is_empty() {
        return Err(CryptError::BadIdentityFile(name.to_owned()));
    }
    Ok(identities)
}

/// The identities of an identity file, each with its public key (`age1…`)
/// where it has one, in file order: so that the key that opened a bundle
/// can be named, and a bundle is saved to it.
pub fn read_identity_keys(
    contents: &[u8],
    name: &str,
) -> Result<Vec<(AnyIdentity, Option<String>)>, CryptError> {
    let identities = read_identity_file(contents, name)?;
    let publics = recipients_of_identity_file(contents);
    // age reads the same lines in the same order; should a future age read
    // a kind this one cannot name, no key is named rather than a wrong one.
    let named = publics.len() == identities.len();
    Ok(identities
        .into_iter()
        .enumerate()
        .map(|(index, identity)| (identity, named.then(|| publics[index].clone())))
        .collect())
}

/// The recipients (public keys) belonging to the identities in an identity
/// file, so a bundle opened with it can be saved to the same key again.
pub fn recipients_of_identity_file(contents: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(contents)
        .lines()
        .filter_map(|line| line.trim().parse::<age::x25519::Identity>().ok())
        .map(|identity| identity.to_public().to_string())
        .collect()
}

/// The binary age file inside `bytes`: armor taken off, if there is any.
/// A missing end line is a cut; anything but white space after it is
/// appended data.
fn strip_armor(bytes: &[u8]) -> Result<Cow<'_, [u8]>, CryptError> {
    let text = bytes.trim_ascii_start();
    if !text.starts_with(ARMOR_BEGIN) {
        return Ok(Cow::Borrowed(bytes));
    }
    let Some(end) = text
        .windows(ARMOR_END.len())
        .position(|w| w == ARMOR_END)
        .map(|at| at + ARMOR_END.len())
    else {
        return Err(CryptError::Truncated);
    };
    let after = &text[end..];
    if let Some(extra) = after.iter().position(|b| !b.is_ascii_whitespace()) {
        let newline = usize::from(after[..extra].contains(&b'\n'));
        return Err(CryptError::AppendedData {
            whole: bytes.len() - text.len() + end + newline,
        });
    }
    let mut binary = Vec::with_capacity(end / 4 * 3);
    age::armor::ArmoredReader::new(&text[..end])
        .read_to_end(&mut binary)
        .map_err(|_| CryptError::Tampered)?;
    Ok(Cow::Owned(binary))
}

/// A file taken apart as far as needed before any key is tried.
struct Examined<'a> {
    binary: Cow<'a, [u8]>,
    header: Header,
    armored: bool,
}

/// Takes off armor and reads the header; refuses what no key can open.
fn examine(ciphertext: &[u8]) -> Result<Examined<'_>, CryptError> {
    if !looks_like_age(ciphertext) {
        return Err(CryptError::NotAge);
    }
    let binary = strip_armor(ciphertext)?;
    let armored = matches!(binary, Cow::Owned(_));
    let header = header::parse(&binary).map_err(|error| match error {
        HeaderError::Truncated => CryptError::Truncated,
        HeaderError::Damaged => CryptError::DamagedHeader,
    })?;
    let known = header
        .stanzas
        .iter()
        .any(|s| matches!(s, header::Stanza::X25519 | header::Stanza::Scrypt { .. }));
    // age spec: an scrypt stanza must be alone. A file with neither kind
    // of key kapukulcs writes has lost its key to damage.
    match header.scrypt_work_factor() {
        Some(_) if header.stanzas.len() != 1 => return Err(CryptError::DamagedHeader),
        Some(log_n) if log_n > MAX_WORK_FACTOR => {
            return Err(CryptError::ExcessiveWork { log_n });
        }
        _ if !known => return Err(CryptError::DamagedHeader),
        _ => {}
    }
    Ok(Examined {
        binary,
        header,
        armored,
    })
}

/// Hands the stanzas to the real identities and keeps a copy of the file
/// key they unwrap, so that a file whose payload fails can be examined
/// further without running scrypt again.
struct KeepKey<'a> {
    identities: Vec<&'a dyn age::Identity>,
    key: RefCell<Option<FileKey>>,
    /// Which identity unwrapped it.
    opener: std::cell::Cell<Option<usize>>,
}

fn copy_key(key: &FileKey) -> FileKey {
    FileKey::init_with_mut(|copy| copy.copy_from_slice(key.expose_secret()))
}

impl age::Identity for KeepKey<'_> {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, age::DecryptError>> {
        self.unwrap_stanzas(std::slice::from_ref(stanza))
    }

    fn unwrap_stanzas(&self, stanzas: &[Stanza]) -> Option<Result<FileKey, age::DecryptError>> {
        // In age's own order: each identity tries every stanza.
        let (index, found) = self
            .identities
            .iter()
            .enumerate()
            .find_map(|(index, identity)| Some((index, identity.unwrap_stanzas(stanzas)?)))?;
        if let Ok(key) = &found {
            *self.key.borrow_mut() = Some(copy_key(key));
            self.opener.set(Some(index));
        }
        Some(found)
    }
}

/// A file key already unwrapped, offered for every stanza.
struct KnownKey<'a>(&'a FileKey);

impl age::Identity for KnownKey<'_> {
    fn unwrap_stanza(&self, _stanza: &Stanza) -> Option<Result<FileKey, age::DecryptError>> {
        Some(Ok(copy_key(self.0)))
    }
}

/// age STREAM chunk sizes (age spec, "Payload"): 64 KiB of plaintext, plus
/// a 16-byte tag.
const PLAIN_CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const SEALED_CHUNK: usize = PLAIN_CHUNK + TAG;
/// A tar archive is made of 512-byte blocks.
const TAR_BLOCK: usize = 512;

/// True when chunk `index`, ending at `end`, opens as the file's last
/// chunk. Only that chunk is decrypted: the reader seeks to it.
fn last_chunk_opens(binary: &[u8], index: usize, end: usize, key: &FileKey) -> bool {
    let Ok(decryptor) = age::Decryptor::new_buffered(Cursor::new(&binary[..end])) else {
        return false;
    };
    let known = KnownKey(key);
    let Ok(mut reader) = decryptor.decrypt(iter::once(&known as &dyn age::Identity)) else {
        return false;
    };
    let mut sink = Zeroizing::new(Vec::new());
    reader
        .seek(SeekFrom::Start((index * PLAIN_CHUNK) as u64))
        .and_then(|_| reader.read_to_end(&mut sink))
        .is_ok()
}

/// Names what is wrong with a payload whose chunk `index` did not
/// authenticate. Cryptographically a cut, a change and appended bytes are
/// all just a chunk that fails, so the lengths decide:
///
/// - appended data: a shorter piece of the failing chunk opens as the
///   last chunk. The plaintext is a tar archive, a whole number of
///   512-byte blocks, so only 129 lengths need trying, each one chunk;
/// - a cut: the file ends inside the failing chunk, and not at
///   16 + 512·k bytes into it (a whole file always does; a cut almost
///   never, 1 in 512);
/// - otherwise a changed byte.
fn payload_error(
    error: io::Error,
    found: &Examined,
    index: usize,
    key: Option<&FileKey>,
) -> CryptError {
    if error.kind() == io::ErrorKind::UnexpectedEof {
        return CryptError::Truncated;
    }
    let binary = &found.binary[..];
    let start = found.header.payload_start + index * SEALED_CHUNK;
    let rest = binary.len().saturating_sub(start);
    if let Some(key) = key.filter(|_| !found.armored) {
        // The chunk before ended the file (a full last chunk), and the
        // failing "chunk" is only what was appended.
        if index > 0 && last_chunk_opens(binary, index - 1, start, key) {
            return CryptError::AppendedData { whole: start };
        }
        let longest = rest.saturating_sub(1).min(SEALED_CHUNK);
        for length in (TAG..=longest).step_by(TAR_BLOCK) {
            if last_chunk_opens(binary, index, start + length, key) {
                return CryptError::AppendedData {
                    whole: start + length,
                };
            }
        }
    }
    // An empty last chunk (just the tag) is never whole: age allows it
    // only for an empty file, and a tar archive is never empty.
    if rest < SEALED_CHUNK && (rest <= TAG || !(rest - TAG).is_multiple_of(TAR_BLOCK)) {
        CryptError::Truncated
    } else {
        CryptError::Tampered
    }
}

/// Why no file key came out of the header.
fn unwrap_error(error: age::DecryptError, unlock: &Unlock) -> CryptError {
    match (error, unlock) {
        (age::DecryptError::ExcessiveWork { required, .. }, _) => {
            CryptError::ExcessiveWork { log_n: required }
        }
        // A well-formed scrypt stanza that does not unwrap: a wrong
        // passphrase, or a changed salt or wrapped key; the format cannot
        // tell them apart, so the message names both.
        (
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys,
            Unlock::Passphrase(_),
        ) => CryptError::WrongPassphrase,
        (
            age::DecryptError::NoMatchingKeys | age::DecryptError::KeyDecryptionFailed,
            Unlock::Identities(_),
        ) => CryptError::NoMatchingIdentity,
        (age::DecryptError::Io(io), _) if io.kind() == io::ErrorKind::UnexpectedEof => {
            CryptError::Truncated
        }
        // The key unwrapped, so it was right, but the header's MAC does
        // not match: the header was changed.
        _ => CryptError::DamagedHeader,
    }
}

/// Decrypts a whole age file (binary or armored); returns the plaintext
/// only if every chunk authenticated.
pub fn decrypt(ciphertext: &[u8], unlock: &Unlock) -> Result<Zeroizing<Vec<u8>>, CryptError> {
    decrypt_opened_by(ciphertext, unlock).map(|(plaintext, _)| plaintext)
}

/// [`decrypt`], and which of the [`Unlock::Identities`] opened the file
/// (its index; `None` for a passphrase): the key that really opens a file
/// is known only here.
pub fn decrypt_opened_by(
    ciphertext: &[u8],
    unlock: &Unlock,
) -> Result<(Zeroizing<Vec<u8>>, Option<usize>), CryptError> {
    let found = examine(ciphertext)?;
    let is_scrypt = found.header.scrypt_work_factor().is_some();
    let scrypt_identity;
    let identities: Vec<&dyn age::Identity> = match unlock {
        Unlock::Passphrase(passphrase) => {
            if !is_scrypt {
                return Err(CryptError::NeedsIdentity);
            }
            if let Some(log_n) = found.header.scrypt_work_factor() {
                ensure_scrypt_memory(log_n)?;
            }
            let mut identity = age::scrypt::Identity::new(age_secret(passphrase));
            identity.set_max_work_factor(MAX_WORK_FACTOR);
            scrypt_identity = identity;
            vec![&scrypt_identity as &dyn age::Identity]
        }
        Unlock::Identities(identities) => {
            if is_scrypt {
                return Err(CryptError::NeedsPassphrase);
            }
            identities
                .iter()
                .map(|i| i.as_ref() as &dyn age::Identity)
                .collect()
        }
    };
    let decryptor = age::Decryptor::new_buffered(&found.binary[..])
        .map_err(|error| unwrap_error(error, unlock))?;
    let keep = KeepKey {
        identities,
        key: RefCell::new(None),
        opener: std::cell::Cell::new(None),
    };
    let mut reader = decryptor
        .decrypt(iter::once(&keep as &dyn age::Identity))
        .map_err(|error| unwrap_error(error, unlock))?;
    let mut plaintext = Zeroizing::new(Vec::with_capacity(found.binary.len()));
    if let Err(error) = reader.read_to_end(&mut plaintext) {
        // Every chunk before the failing one was whole: 64 KiB each.
        let index = plaintext.len() / PLAIN_CHUNK;
        let key = keep.key.borrow();
        return Err(payload_error(error, &found, index, key.as_ref()));
    }
    let opener = match unlock {
        Unlock::Passphrase(_) => None,
        Unlock::Identities(_) => keep.opener.get(),
    };
    Ok((plaintext, opener))
}

/// Whether an age file asks for a passphrase (`true`) or an identity. A
/// file that no key could open is refused here, before anyone is asked
/// for a key: cut, damaged header, or a work factor above
/// [`MAX_WORK_FACTOR`].
pub fn needs_passphrase(ciphertext: &[u8]) -> Result<bool, CryptError> {
    examine(ciphertext).map(|found| found.header.scrypt_work_factor().is_some())
}

/// The scrypt work factor a passphrase file asks for, if it is readable.
pub fn work_factor(ciphertext: &[u8]) -> Option<u8> {
    examine(ciphertext)
        .ok()
        .and_then(|found| found.header.scrypt_work_factor())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A low scrypt work factor for tests only, passed as a parameter.
    pub(crate) const TEST_WORK_FACTOR: Option<u8> = Some(4);

    fn passphrase(text: &str) -> SecretString {
        SecretString::new(text.into())
    }

    fn lock(text: &str) -> Lock {
        Lock::Passphrase {
            passphrase: passphrase(text),
            work_factor: TEST_WORK_FACTOR,
        }
    }

    #[test]
    fn passphrase_round_trip() {
        let sealed = encrypt(b"titok", &lock("jelszo")).unwrap();
        assert!(sealed.starts_with(AGE_MAGIC));
        assert!(needs_passphrase(&sealed).unwrap());
        let opened = decrypt(&sealed, &Unlock::Passphrase(passphrase("jelszo"))).unwrap();
        assert_eq!(&opened[..], b"titok");
    }

    #[test]
    fn wrong_passphrase_is_named() {
        let sealed = encrypt(b"titok", &lock("jelszo")).unwrap();
        let error = decrypt(&sealed, &Unlock::Passphrase(passphrase("rossz"))).unwrap_err();
        assert!(matches!(error, CryptError::WrongPassphrase), "{error:?}");
    }

    #[test]
    fn recipient_round_trip_and_mode_mismatch() {
        let identity = age::x25519::Identity::generate();
        let public = identity.to_public().to_string();
        let recipients = parse_recipients(&[public]).unwrap();
        let sealed = encrypt(b"titok", &Lock::Recipients(recipients)).unwrap();
        assert!(!needs_passphrase(&sealed).unwrap());
        let unlock = Unlock::Identities(vec![Box::new(identity)]);
        assert_eq!(&decrypt(&sealed, &unlock).unwrap()[..], b"titok");

        let other = Unlock::Identities(vec![Box::new(age::x25519::Identity::generate())]);
        assert!(matches!(
            decrypt(&sealed, &other),
            Err(CryptError::NoMatchingIdentity)
        ));
        let error = decrypt(&sealed, &Unlock::Passphrase(passphrase("x"))).unwrap_err();
        assert!(matches!(error, CryptError::NeedsIdentity), "{error:?}");
    }

    #[test]
    fn truncated_and_tampered_files_are_told_apart() {
        // A whole number of tar blocks, as every bundle's plaintext is.
        let plaintext = vec![7u8; 391 * 512];
        let sealed = encrypt(&plaintext, &lock("jelszo")).unwrap();
        let unlock = Unlock::Passphrase(passphrase("jelszo"));

        // Cut inside the last chunk, and exactly at a chunk boundary.
        let boundary = header::parse(&sealed).unwrap().payload_start + 2 * SEALED_CHUNK;
        for cut in [sealed.len() - 1000, sealed.len() / 2, boundary] {
            let error = decrypt(&sealed[..cut], &unlock).unwrap_err();
            assert!(
                matches!(error, CryptError::Truncated),
                "cut at {cut}: {error:?}"
            );
        }

        // A changed byte in a middle chunk, and in the header's MAC.
        let mut tampered = sealed.clone();
        tampered[sealed.len() / 3] ^= 1;
        let error = decrypt(&tampered, &unlock).unwrap_err();
        assert!(matches!(error, CryptError::Tampered), "{error:?}");
        let mac = sealed.windows(5).position(|w| w == b"\n--- ").unwrap() + 6;
        let mut changed = sealed.clone();
        changed[mac] = if changed[mac] == b'A' { b'B' } else { b'A' };
        let error = decrypt(&changed, &unlock).unwrap_err();
        assert!(matches!(error, CryptError::DamagedHeader), "{error:?}");

        assert!(matches!(
            decrypt(b"hello", &unlock),
            Err(CryptError::NotAge)
        ));
    }

    /// `sealed` with its scrypt stanza line rewritten by `edit`.
    fn edit_stanza(sealed: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
        let start = sealed.windows(3).position(|w| w == b"-> ").unwrap();
        let end = start + sealed[start..].iter().position(|&b| b == b'\n').unwrap();
        let line = std::str::from_utf8(&sealed[start..end]).unwrap();
        [&sealed[..start], edit(line).as_bytes(), &sealed[end..]].concat()
    }

    #[test]
    fn a_cut_anywhere_is_a_cut() {
        let plaintext = vec![5u8; 3 * 512];
        let sealed = encrypt(&plaintext, &lock("jelszo")).unwrap();
        let unlock = Unlock::Passphrase(passphrase("jelszo"));
        let payload = header::parse(&sealed).unwrap().payload_start;
        // Inside the version line the file no longer looks like age at all.
        for cut in AGE_MAGIC.len()..sealed.len() {
            // The documented limit: a cut that leaves the last chunk a
            // whole number of tar blocks looks like a changed byte.
            if cut > payload + TAG && (cut - payload - TAG).is_multiple_of(TAR_BLOCK) {
                continue;
            }
            let error = decrypt(&sealed[..cut], &unlock).unwrap_err();
            assert!(
                matches!(error, CryptError::Truncated),
                "cut at {cut} of {}: {error:?}",
                sealed.len()
            );
        }
    }

    #[test]
    fn appended_data_is_named_with_the_whole_length() {
        let unlock = Unlock::Passphrase(passphrase("jelszo"));
        // A short last chunk, and a last chunk that is exactly full.
        for plaintext in [vec![1u8; 7 * 512], vec![2u8; 2 * PLAIN_CHUNK]] {
            let sealed = encrypt(&plaintext, &lock("jelszo")).unwrap();
            for extra in [&b"x"[..], &b"\nmasik fajl\n"[..], &[9u8; 70_000][..]] {
                let joined = [&sealed[..], extra].concat();
                let error = decrypt(&joined, &unlock).unwrap_err();
                assert!(
                    matches!(error, CryptError::AppendedData { whole } if whole == sealed.len()),
                    "{} + {}: {error:?}",
                    plaintext.len(),
                    extra.len()
                );
            }
        }
    }

    #[test]
    fn damaged_header_and_wrong_passphrase_are_told_apart() {
        let sealed = encrypt(&[3u8; 512], &lock("jelszo")).unwrap();
        let right = Unlock::Passphrase(passphrase("jelszo"));
        let wrong = Unlock::Passphrase(passphrase("rossz"));
        // (what, file, key, expected)
        let damaged = CryptError::DamagedHeader;
        let rows: Vec<(&str, Vec<u8>, &Unlock, CryptError)> = vec![
            (
                "wrong passphrase",
                sealed.clone(),
                &wrong,
                CryptError::WrongPassphrase,
            ),
            (
                "salt not base64",
                edit_stanza(&sealed, |l| l.replacen("scrypt ", "scrypt !", 1)),
                &right,
                CryptError::DamagedHeader,
            ),
            (
                "work factor not a number",
                edit_stanza(&sealed, |l| format!("{}x", &l[..l.len() - 1])),
                &right,
                CryptError::DamagedHeader,
            ),
            (
                "tag changed",
                edit_stanza(&sealed, |l| l.replacen("scrypt", "scrypx", 1)),
                &right,
                CryptError::DamagedHeader,
            ),
            (
                "a second stanza",
                edit_stanza(&sealed, |l| format!("-> X25519 {}\n\n{l}", "A".repeat(43))),
                &right,
                CryptError::DamagedHeader,
            ),
            (
                // Still well-formed: no file can tell this from a wrong
                // passphrase, so the message names both.
                "salt changed within base64",
                edit_stanza(&sealed, |l| {
                    let at = "-> scrypt ".len();
                    let c = if &l[at..=at] == "A" { "B" } else { "A" };
                    format!("{}{c}{}", &l[..at], &l[at + 1..])
                }),
                &right,
                CryptError::WrongPassphrase,
            ),
        ];
        let _ = damaged;
        for (what, file, unlock, expected) in rows {
            let error = decrypt(&file, unlock).unwrap_err();
            assert_eq!(
                std::mem::discriminant(&error),
                std::mem::discriminant(&expected),
                "{what}: {error:?}"
            );
        }
        // needs_passphrase refuses a damaged header before anyone is asked.
        let untagged = edit_stanza(&sealed, |l| l.replacen("scrypt", "scrypx", 1));
        assert!(matches!(
            needs_passphrase(&untagged),
            Err(CryptError::DamagedHeader)
        ));
    }

    #[test]
    fn a_work_factor_above_the_maximum_is_refused_before_any_work() {
        let sealed = encrypt(b"titok", &lock("jelszo")).unwrap();
        let heavy = edit_stanza(&sealed, |l| format!("{}23", &l[..l.len() - 1]));
        assert!(matches!(
            needs_passphrase(&heavy),
            Err(CryptError::ExcessiveWork { log_n: 23 })
        ));
        let started = std::time::Instant::now();
        let error = decrypt(&heavy, &Unlock::Passphrase(passphrase("jelszo"))).unwrap_err();
        assert!(
            matches!(error, CryptError::ExcessiveWork { log_n: 23 }),
            "{error:?}"
        );
        assert!(started.elapsed().as_secs() < 2, "scrypt ran");
        assert_eq!(work_factor(&sealed), Some(4));
    }

    #[test]
    fn armored_files_open_and_their_damage_is_named() {
        use age::armor::{ArmoredWriter, Format};
        let plaintext = vec![4u8; 5 * 512];
        let sealed = encrypt(&plaintext, &lock("jelszo")).unwrap();
        let mut writer = ArmoredWriter::wrap_output(Vec::new(), Format::AsciiArmor).unwrap();
        writer.write_all(&sealed).unwrap();
        let armored = writer.finish().unwrap();
        let unlock = Unlock::Passphrase(passphrase("jelszo"));

        for file in [armored.clone(), [&b"\r\n  "[..], &armored].concat()] {
            assert!(looks_like_age(&file));
            assert!(needs_passphrase(&file).unwrap());
            assert_eq!(&decrypt(&file, &unlock).unwrap()[..], &plaintext[..]);
        }
        let error = decrypt(&armored[..armored.len() - 40], &unlock).unwrap_err();
        assert!(matches!(error, CryptError::Truncated), "{error:?}");
        let error = decrypt(&armored[..armored.len() / 2], &unlock).unwrap_err();
        assert!(matches!(error, CryptError::Truncated), "{error:?}");
        let joined = [&armored[..], b"\nvalami mas\n"].concat();
        let error = decrypt(&joined, &unlock).unwrap_err();
        assert!(
            matches!(error, CryptError::AppendedData { whole } if whole == armored.len()),
            "{error:?}"
        );
        let spaced = [&armored[..], b"\n\n  \n"].concat();
        assert!(
            decrypt(&spaced, &unlock).is_ok(),
            "trailing white space is allowed"
        );
        let error = decrypt(&armored, &Unlock::Passphrase(passphrase("rossz"))).unwrap_err();
        assert!(matches!(error, CryptError::WrongPassphrase), "{error:?}");
    }

    #[test]
    fn identity_files_and_their_recipients() {
        let identity = age::x25519::Identity::generate();
        let file = format!(
            "# created: today\n# public key: {}\n{}\n",
            identity.to_public(),
            age::secrecy::ExposeSecret::expose_secret(&identity.to_string())
        );
        assert_eq!(
            read_identity_file(file.as_bytes(), "kulcs.txt")
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            recipients_of_identity_file(file.as_bytes()),
            vec![identity.to_public().to_string()]
        );
        assert!(matches!(
            read_identity_file(b"# nothing here\n", "ures.txt"),
            Err(CryptError::BadIdentityFile(_))
        ));
        assert!(matches!(
            parse_recipients(&["age1nope".into()]),
            Err(CryptError::BadRecipient(_))
        ));
    }
}
