//! age encryption of the bundle, in the two ways the `age` tool itself
//! offers: a passphrase (scrypt) or X25519 recipients and identity files.
//! Any stock `age` can therefore open the bundle (age spec:
//! <https://c2sp.org/age>). Pure: bytes in, bytes out.
//!
//! The whole plaintext is read before it is returned, because age reports
//! tampering only while the last chunks are read; nothing may be written
//! from a file that turns out to be damaged.

use std::{
    io::{self, Read, Write},
    iter,
};

use age::secrecy::SecretString as AgeSecret;
use zeroize::Zeroizing;

use crate::secret::SecretString;

/// The first line of every binary age file.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// True when `bytes` start like an age file (binary or ASCII-armored).
pub fn looks_like_age(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC) || bytes.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----")
}

/// How a bundle is locked when it is written.
pub enum Lock {
    /// A passphrase the user types; scrypt makes guessing slow.
    Passphrase {
        /// The passphrase.
        passphrase: SecretString,
        /// scrypt `log2(N)`; `None` lets age pick about one second of work on
        /// this machine. Tests pass a low value: never an environment switch.
        work_factor: Option<u8>,
    },
    /// Public keys (`age1…`), as `age -r` takes them.
    Recipients(Vec<age::x25519::Recipient>),
}

/// How a bundle is opened.
pub enum Unlock {
    /// The passphrase it was locked with.
    Passphrase(SecretString),
    /// Identities from age identity files, as `age -d -i` takes them.
    Identities(Vec<Box<dyn age::Identity + Send + Sync>>),
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
    /// The file ends early.
    Truncated,
    /// The file was changed or damaged after it was written.
    Tampered,
    /// The passphrase file asks for far more work than this machine should do.
    ExcessiveWork,
    /// A recipient is not an `age1…` public key.
    BadRecipient(String),
    /// An identity file could not be read or holds no usable key.
    BadIdentityFile(String),
}

fn age_secret(passphrase: &SecretString) -> AgeSecret {
    AgeSecret::from(passphrase.expose().to_owned())
}

/// Encrypts `plaintext` into a binary age file.
pub fn encrypt(plaintext: &[u8], lock: &Lock) -> Result<Vec<u8>, CryptError> {
    let encryptor = match lock {
        Lock::Passphrase {
            passphrase,
            work_factor,
        } => {
            let mut recipient = age::scrypt::Recipient::new(age_secret(passphrase));
            if let Some(log_n) = work_factor {
                recipient.set_work_factor(*log_n);
            }
            age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
        }
        Lock::Recipients(recipients) => {
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        }
    }
    .map_err(|e| CryptError::BadRecipient(e.to_string()))?;
    let mut out = Vec::with_capacity(plaintext.len() + 1024);
    let write = |out: &mut Vec<u8>| -> io::Result<()> {
        let mut writer = encryptor.wrap_output(out)?;
        writer.write_all(plaintext)?;
        // Without finish() the last chunk is never written and the file
        // would not decrypt.
        writer.finish()?;
        Ok(())
    };
    write(&mut out).expect("writing into memory cannot fail");
    Ok(out)
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

/// The recipients (public keys) belonging to the identities in an identity
/// file, so a bundle opened with it can be saved to the same key again.
pub fn recipients_of_identity_file(contents: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(contents)
        .lines()
        .filter_map(|line| line.trim().parse::<age::x25519::Identity>().ok())
        .map(|identity| identity.to_public().to_string())
        .collect()
}

/// age STREAM chunk sizes (age spec, "Payload"): 64 KiB of plaintext, plus
/// a 16-byte tag.
const PLAIN_CHUNK: usize = 64 * 1024;
const SEALED_CHUNK: usize = PLAIN_CHUNK + 16;
/// A tar archive is made of 512-byte blocks.
const TAR_BLOCK: usize = 512;

/// Where the encrypted chunks begin: after the header's `---` MAC line and
/// the 16-byte nonce.
fn payload_start(ciphertext: &[u8]) -> Option<usize> {
    let mac = ciphertext.windows(5).position(|w| w == b"\n--- ")? + 1;
    let end = ciphertext[mac..].iter().position(|&b| b == b'\n')?;
    Some(mac + end + 1 + 16)
}

/// Tells a cut-off file from a changed one. Cryptographically both are just
/// a chunk that does not authenticate, but the length tells them apart: the
/// plaintext is always a tar archive, whose length is a multiple of 512
/// bytes, so a whole file ends in a chunk of 16 + 512·k bytes. A file that
/// stopped early almost never does (1 in 512); a changed byte keeps it.
fn read_error(error: io::Error, ciphertext: &[u8]) -> CryptError {
    if error.kind() == io::ErrorKind::UnexpectedEof {
        return CryptError::Truncated;
    }
    match payload_start(ciphertext) {
        Some(start) if start <= ciphertext.len() => {
            let tail = (ciphertext.len() - start) % SEALED_CHUNK;
            let whole = tail == 0 || (tail >= 16 && (tail - 16).is_multiple_of(TAR_BLOCK));
            if whole {
                CryptError::Tampered
            } else {
                CryptError::Truncated
            }
        }
        _ => CryptError::Tampered,
    }
}

/// Decrypts a whole age file; returns the plaintext only if every chunk
/// authenticated.
pub fn decrypt(ciphertext: &[u8], unlock: &Unlock) -> Result<Zeroizing<Vec<u8>>, CryptError> {
    if !looks_like_age(ciphertext) {
        return Err(CryptError::NotAge);
    }
    let decryptor = age::Decryptor::new_buffered(ciphertext).map_err(|e| match e {
        age::DecryptError::Io(io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            CryptError::Truncated
        }
        _ => CryptError::Tampered,
    })?;
    let mut reader = match unlock {
        Unlock::Passphrase(passphrase) => {
            if !decryptor.is_scrypt() {
                return Err(CryptError::NeedsIdentity);
            }
            let identity = age::scrypt::Identity::new(age_secret(passphrase));
            decryptor.decrypt(iter::once(&identity as &dyn age::Identity))
        }
        Unlock::Identities(identities) => {
            if decryptor.is_scrypt() {
                return Err(CryptError::NeedsPassphrase);
            }
            decryptor.decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
        }
    }
    .map_err(|e| match (e, unlock) {
        (age::DecryptError::ExcessiveWork { .. }, _) => CryptError::ExcessiveWork,
        (age::DecryptError::NoMatchingKeys, Unlock::Passphrase(_)) => CryptError::WrongPassphrase,
        (age::DecryptError::DecryptionFailed, Unlock::Passphrase(_)) => CryptError::WrongPassphrase,
        (age::DecryptError::NoMatchingKeys, Unlock::Identities(_)) => {
            CryptError::NoMatchingIdentity
        }
        (age::DecryptError::Io(io), _) if io.kind() == io::ErrorKind::UnexpectedEof => {
            CryptError::Truncated
        }
        _ => CryptError::Tampered,
    })?;
    let mut plaintext = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    reader
        .read_to_end(&mut plaintext)
        .map_err(|e| read_error(e, ciphertext))?;
    Ok(plaintext)
}

/// Whether an age file asks for a passphrase (`true`) or an identity.
pub fn needs_passphrase(ciphertext: &[u8]) -> Result<bool, CryptError> {
    if !looks_like_age(ciphertext) {
        return Err(CryptError::NotAge);
    }
    age::Decryptor::new_buffered(ciphertext)
        .map(|d| d.is_scrypt())
        .map_err(|_| CryptError::Tampered)
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
        let boundary = payload_start(&sealed).unwrap() + 2 * SEALED_CHUNK;
        for cut in [sealed.len() - 1000, sealed.len() / 2, boundary] {
            let error = decrypt(&sealed[..cut], &unlock).unwrap_err();
            assert!(
                matches!(error, CryptError::Truncated),
                "cut at {cut}: {error:?}"
            );
        }

        // A changed byte in a middle chunk, and in the header.
        let mac = sealed.windows(5).position(|w| w == b"\n--- ").unwrap() + 6;
        for position in [sealed.len() / 3, mac] {
            let mut tampered = sealed.clone();
            tampered[position] ^= 1;
            let error = decrypt(&tampered, &unlock).unwrap_err();
            assert!(
                matches!(error, CryptError::Tampered),
                "at {position}: {error:?}"
            );
        }

        assert!(matches!(
            decrypt(b"hello", &unlock),
            Err(CryptError::NotAge)
        ));
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
