//! Secrets (TOTP keys, otpauth URIs, later passphrases and deletion codes)
//! are wrapped the moment they arrive, zeroized when dropped, and have no
//! `Debug` or `Display`, so that a log line or a `{:?}` can never leak one.
//! Code that needs the value asks for it by name with `expose()`.

use zeroize::Zeroizing;

/// Secret bytes, such as a decoded TOTP key.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretBytes(Zeroizing<Vec<u8>>);

impl SecretBytes {
    /// Takes ownership of `bytes`; they are wiped when this value is dropped.
    pub fn new(bytes: Vec<u8>) -> Self {
        SecretBytes(Zeroizing::new(bytes))
    }

    /// The bytes, for the one place that uses them.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

/// Secret text, such as a base32 key or an otpauth URI.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SecretString(Zeroizing<String>);

impl SecretString {
    /// Takes ownership of `text`; it is wiped when this value is dropped.
    pub fn new(text: String) -> Self {
        SecretString(Zeroizing::new(text))
    }

    /// The text, for the one place that uses it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for SecretString {
    fn from(text: String) -> Self {
        SecretString::new(text)
    }
}
