//! Plain text lists of otpauth URIs, one per line: what Ente Auth and 2FAS
//! export as "plain text", and the simplest form any authenticator or a
//! password manager can take in. Blank lines and lines starting with `#`
//! are ignored, so a person can annotate the file.
//!
//! A line that is a valid URI of a type Ügyfélkapu+ does not use (HOTP,
//! Steam) is skipped and named; any other bad line stops the import, with
//! every bad line listed by number, because a silently dropped key is a
//! key lost. Pure: text in, accounts out.

use percent_encoding::percent_decode_str;

use crate::formats::otpauth::{OtpAuth, UriError, is_otpauth};
use crate::secret::SecretString;

/// What an import found.
#[derive(Debug, Default)]
pub struct Imported {
    /// The TOTP accounts, in file order.
    pub accounts: Vec<OtpAuth>,
    /// Valid URIs of another type, left out.
    pub skipped: Vec<Skipped>,
}

/// A URI of another type than TOTP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its line number, from 1.
    pub line: usize,
    /// The label as written (`issuer:account`), decoded.
    pub label: String,
    /// Why: [`UriError::Hotp`] or [`UriError::UnknownType`].
    pub error: UriError,
}

/// A line that is not a usable URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// Its line number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub error: UriError,
}

/// Why a text cannot be imported as a URI list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UriListError {
    /// Nothing but blank lines and comments.
    Empty,
    /// Lines that are not usable URIs, every one of them, in order.
    BadLines(Vec<BadLine>),
}

/// Reads a URI list.
pub fn import(text: &str) -> Result<Imported, UriListError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut imported = Imported::default();
    let mut bad = Vec::new();
    let mut seen_any = false;
    // `lines` also strips the `\r` of Windows line ends.
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        seen_any = true;
        match OtpAuth::parse(line) {
            Ok(account) => imported.accounts.push(account),
            Err(error @ (UriError::Hotp | UriError::UnknownType(_))) => {
                imported.skipped.push(Skipped {
                    line: line_number,
                    label: label(line),
                    error,
                });
            }
            Err(error) => bad.push(BadLine {
                line: line_number,
                error,
            }),
        }
    }
    if !bad.is_empty() {
        return Err(UriListError::BadLines(bad));
    }
    if !seen_any {
        return Err(UriListError::Empty);
    }
    Ok(imported)
}

/// The decoded label of an otpauth URI of any type, for naming it.
fn label(uri: &str) -> String {
    if !is_otpauth(uri) {
        return String::new();
    }
    let rest = uri.get(10..).unwrap_or("");
    let rest = rest.split_once('/').map_or("", |(_, rest)| rest);
    let raw = rest.split_once('?').map_or(rest, |(label, _)| label);
    percent_decode_str(raw)
        .decode_utf8_lossy()
        .trim()
        .to_owned()
}

/// Writes `accounts` one URI per line, each line ending in a newline.
pub fn export(accounts: &[OtpAuth]) -> SecretString {
    let mut text = String::new();
    for account in accounts {
        text.push_str(account.to_uri().expose());
        text.push('\n');
    }
    SecretString::new(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::otpauth::{Algorithm, Key, KeyError};
    use proptest::prelude::*;

    /// An Ente Auth style export (its extra `codeDisplay` parameter
    /// included), with a comment, blank lines, Windows line ends, an HOTP and
    /// a Steam entry.
    const ENTE: &str = "# exported 2025-03-01\r\n\
        otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:kovacs.maria?secret=ABCDEFGHIJKLMNOPQRST&issuer=%C3%9Cgyf%C3%A9lkapu%2B&codeDisplay=%7B%22pinned%22%3Afalse%7D\r\n\
        \r\n\
        otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air%20Canada&counter=50\n\
        otpauth://totp/Airbnb:Elijah?secret=7ELGJSGXNCCTV3O6LKJWYFV2RA&issuer=Airbnb&algorithm=SHA512&digits=8&period=50\n\
        \x20  \n\
        otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing\n";

    #[test]
    fn ente_style_list_imports() {
        let imported = import(ENTE).unwrap();
        let got: Vec<_> = imported
            .accounts
            .iter()
            .map(|a| {
                (
                    a.issuer.as_deref(),
                    a.account.as_str(),
                    a.key.text().expose(),
                    a.algorithm,
                    a.digits,
                    a.period,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some("Ügyfélkapu+"),
                    "kovacs.maria",
                    "ABCDEFGHIJKLMNOPQRST",
                    Algorithm::Sha1,
                    6,
                    30
                ),
                (
                    Some("Airbnb"),
                    "Elijah",
                    "7ELGJSGXNCCTV3O6LKJWYFV2RA",
                    Algorithm::Sha512,
                    8,
                    50
                ),
            ]
        );
        assert_eq!(
            imported.skipped,
            [
                Skipped {
                    line: 4,
                    label: "Air Canada:Benjamin".into(),
                    error: UriError::Hotp
                },
                Skipped {
                    line: 7,
                    label: "Boeing:Sophia".into(),
                    error: UriError::UnknownType("steam".into())
                },
            ]
        );
    }

    #[test]
    fn export_imports_back_equal() {
        let mut accounts = vec![
            OtpAuth::new(
                Some("Ügyfélkapu+".into()),
                "Mama (kovacs.maria)".into(),
                Key::parse("ABCDEFGHIJKLMNOPQRST").unwrap(),
            ),
            OtpAuth::new(
                None,
                "justme".into(),
                Key::parse("JBSWY3DPEHPK3PXP").unwrap(),
            ),
        ];
        accounts[1].algorithm = Algorithm::Sha256;
        accounts[1].digits = 8;
        accounts[1].period = 45;
        let text = export(&accounts);
        assert_eq!(text.expose().lines().count(), 2);
        assert!(text.expose().ends_with('\n'));
        let back = import(text.expose()).unwrap();
        assert!(back.skipped.is_empty());
        assert_eq!(back.accounts, accounts);
    }

    #[test]
    fn every_bad_line_is_named_by_number() {
        let text = "# family\n\
            otpauth://totp/a?secret=JBSWY3DPEHPK3PXP\n\
            https://example.com/\n\
            otpauth://totp/b?secret=JBSW0\n\
            otpauth://totp/c?secret=JBSWY3DPEHPK3PXP&digits=7\n";
        assert_eq!(
            import(text).unwrap_err(),
            UriListError::BadLines(vec![
                BadLine {
                    line: 3,
                    error: UriError::NotOtpauth
                },
                BadLine {
                    line: 4,
                    error: UriError::Key(KeyError::BadChar {
                        ch: '0',
                        position: 5
                    })
                },
                BadLine {
                    line: 5,
                    error: UriError::Digits("7".into())
                },
            ])
        );
    }

    /// Texts with no URI in them at all.
    const EMPTY: &[&str] = &["", "\n\n", "# only a comment\n   \n#another", "\u{feff}"];

    #[test]
    fn nothing_to_import_is_an_error() {
        for text in EMPTY {
            assert_eq!(import(text).unwrap_err(), UriListError::Empty, "{text:?}");
        }
    }

    #[test]
    fn only_skipped_lines_is_not_an_error() {
        let imported = import("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1").unwrap();
        assert!(imported.accounts.is_empty());
        assert_eq!(imported.skipped.len(), 1);
        assert_eq!(imported.skipped[0].label, "x");
    }

    proptest! {
        #[test]
        fn import_never_panics(text in "\\PC{0,300}") {
            let _ = import(&text);
        }

        #[test]
        fn import_never_panics_on_uri_like_lines(
            lines in proptest::collection::vec("(#|otpauth://)?(totp|hotp|steam)?/?\\PC{0,30}(\\?secret=[A-Z2-7]{0,20})?", 0..8)
        ) {
            let _ = import(&lines.join("\n"));
        }
    }
}
