//! Other apps' ways of writing a TOTP key, and ours: the `otpauth://` URI
//! every authenticator understands, Google Authenticator's transfer codes,
//! Aegis's plain JSON export and a plain list of URIs (Aegis, Ente Auth,
//! 2FAS). Each file reads and writes one format as values; every reader
//! takes what it can and names what it skips ([`skipped`]); [`ImportError`]
//! says why a file from another app gave nothing usable. Names read from
//! another app's file go through [`printable`] before anyone prints them.

pub mod aegis;
pub mod google_transfer;
pub mod otpauth;
pub mod skipped;
pub mod typed_key;
pub mod uri_list;

use std::path::PathBuf;

use crate::{
    fl,
    formats::{
        aegis::AegisError,
        google_transfer::MigrationError,
        otpauth::OtpAuth,
        uri_list::{LineError, UriListError},
    },
    i18n::Explain,
};

/// `text` made safe to print on a terminal: [`crate::i18n::printable`],
/// the escape every Fluent argument goes through.
pub fn printable(text: &str) -> String {
    crate::i18n::printable(text)
}

/// The fewest key characters in a row taken for a key: 16 base32
/// characters are 80 bits, less than any real key (RFC 4226 asks for 128).
pub const KEY_RUN: usize = 16;

/// True when `text` from outside (a label, a QR code's text, a value from
/// another app's file) may hold a key, so that a message names it by its
/// kind and place and never quotes it: the parts of an otpauth URI a key
/// runs on into when one character is mistyped (`?`, `&`, `=`, `secret`,
/// `otpauth`), or [`KEY_RUN`] key characters in a row (spaces and dashes
/// between them allowed, as [`otpauth::Key::parse`] allows them). This is
/// the one rule; every message about outside text asks it.
pub fn may_hold_key(text: &str) -> bool {
    let lower = text.to_lowercase();
    if text.contains(['?', '&', '=']) || lower.contains("secret") || lower.contains("otpauth") {
        return true;
    }
    let mut run = 0;
    for ch in text.chars() {
        match ch {
            'a'..='z' | 'A'..='Z' | '2'..='7' => {
                run += 1;
                if run >= KEY_RUN {
                    return true;
                }
            }
            ' ' | '-' => {}
            _ => run = 0,
        }
    }
    false
}

/// `account` with its issuer and account name made [`printable`]; for
/// accounts read from another app's file.
pub fn printable_names(mut account: OtpAuth) -> OtpAuth {
    account.issuer = account.issuer.as_deref().map(printable);
    account.account = printable(&account.account);
    account
}

/// What went wrong with a file from another authenticator app.
#[derive(Debug)]
pub enum ImportKind {
    /// A Google Authenticator transfer code is unusable.
    Migration(MigrationError),
    /// An Aegis export is unusable.
    Aegis(AegisError),
    /// A URI list has bad lines or none.
    UriList(UriListError),
    /// Nothing usable was found.
    Nothing,
}

/// Why a file from another authenticator app could not be imported.
#[derive(Debug)]
pub struct ImportError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: ImportKind,
}

impl ImportError {
    /// The transfer-code error this file stands for: the file's own, or that
    /// of the one line a list held.
    fn migration(&self) -> Option<&MigrationError> {
        match &self.kind {
            ImportKind::Migration(error) => Some(error),
            ImportKind::UriList(UriListError::BadLines(lines)) => match lines.as_slice() {
                [
                    uri_list::BadLine {
                        error: LineError::Migration(error),
                        ..
                    },
                ] => Some(error),
                _ => None,
            },
            _ => None,
        }
    }
}

impl Explain for ImportError {
    fn message(&self) -> String {
        let file = self.path.display().to_string();
        let file = file.as_str();
        match (&self.kind, self.migration()) {
            (_, Some(MigrationError::Version(version))) => fl!(
                "err-import-migration-version",
                file = file,
                version = version.to_string()
            ),
            (ImportKind::Migration(_), _) | (_, Some(_)) => {
                fl!("err-import-migration-damaged", file = file)
            }
            (ImportKind::Aegis(error), None) => match error {
                AegisError::Encrypted => fl!("err-import-aegis-encrypted", file = file),
                AegisError::Malformed(detail) => {
                    fl!(
                        "err-import-aegis-malformed",
                        file = file,
                        detail = detail.as_str()
                    )
                }
                AegisError::Version(version) => fl!(
                    "err-import-aegis-version",
                    file = file,
                    version = version.to_string()
                ),
            },
            (ImportKind::UriList(UriListError::Empty) | ImportKind::Nothing, None) => {
                fl!("err-import-nothing", file = file)
            }
            (ImportKind::UriList(UriListError::BadLines(lines)), None) => fl!(
                "err-import-bad-lines",
                file = file,
                lines = lines
                    .iter()
                    .map(|l| l.line.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn recovery(&self) -> Option<String> {
        Some(match (&self.kind, self.migration()) {
            (ImportKind::Aegis(AegisError::Encrypted), _) => fl!("rec-import-aegis-encrypted"),
            (ImportKind::Aegis(_), _) | (_, Some(_)) => fl!("rec-import-again"),
            (ImportKind::Migration(_) | ImportKind::UriList(_) | ImportKind::Nothing, None) => {
                fl!("rec-import")
            }
        })
    }
}

crate::explained!(ImportError);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Names as files carry them, and as we print them.
    const NAMES: &[(&str, &str)] = &[
        ("Ügyfélkapu+", "Ügyfélkapu+"),
        ("\u{1b}[31mBank", "\\u{1b}[31mBank"),
        ("a\rb\nc\td", "a\\u{d}b\\u{a}c\\u{9}d"),
        ("bell\u{7}", "bell\\u{7}"),
        ("del\u{7f}", "del\\u{7f}"),
        ("c1\u{9b}2J", "c1\\u{9b}2J"),
        ("txt.exe\u{202e}", "txt.exe\\u{202e}"),
        ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
        ("", ""),
    ];

    /// Outside texts, and whether a message may quote them.
    const MAY_HOLD_KEY: &[(&str, bool)] = &[
        ("Ügyfélkapu+", false),
        ("Air Canada:Benjamin", false),
        ("kovacs.maria", false),
        ("yandex", false),
        ("maria?secret", true),
        ("6?secret=JBSW", true),
        ("a&b", true),
        ("SHA1=", true),
        ("OTPAUTH:/totp", true),
        ("JBSWY3DPEHPK3PX", false),
        ("JBSWY3DPEHPK3PXP", true),
        ("jbsw y3dp ehpk 3pxp", true),
        ("JBSW-Y3DP-EHPK-3PXP", true),
        ("JBSWY3DP.EHPK3PXP", false),
    ];

    #[test]
    fn text_that_may_hold_a_key_is_told_apart() {
        for (text, holds) in MAY_HOLD_KEY {
            assert_eq!(may_hold_key(text), *holds, "{text:?}");
        }
    }

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        for (name, shown) in NAMES {
            assert_eq!(printable(name), *shown, "{name:?}");
        }
    }

    proptest! {
        #[test]
        fn printable_text_has_no_control_characters(text in ".{0,40}") {
            let shown = printable(&text);
            prop_assert!(!shown.chars().any(char::is_control), "{:?}", shown);
        }
    }
}
