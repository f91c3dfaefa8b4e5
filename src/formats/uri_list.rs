//! Plain text lists of otpauth URIs, one per line: what Aegis, Ente Auth
//! and 2FAS export as "plain text", and the simplest form any authenticator
//! or a password manager can take in. A line may also be a Google transfer
//! code (`otpauth-migration://`), as people paste them from a QR reader.
//! Blank lines and lines starting with `#` are ignored, so a person can
//! annotate the file.
//!
//! No line stops the import: every usable account is read, and every line
//! that cannot be used (HOTP, Steam, a bad key, a digit count outside 6 to
//! 8, text that is no URI at all) is skipped and named by its number,
//! because a silently dropped key is a key lost. Only a file with no readable line at all is refused. Names are
//! made printable as they are read. Pure: text in, accounts out.

use crate::formats::{
    google_transfer::{self, MigrationError},
    otpauth::{OtpAuth, UriError},
    printable_names,
    skipped::Skipped,
};
use crate::secret::SecretString;

/// What an import found.
#[derive(Debug, Default)]
pub struct Imported {
    /// The TOTP accounts, in file order.
    pub accounts: Vec<OtpAuth>,
    /// The entries left out, in file order.
    pub skipped: Vec<Skipped>,
}

/// Why a line or a QR code's text is not readable at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineError {
    /// Not an otpauth URI ([`UriError::NotOtpauth`]).
    Uri(UriError),
    /// A Google transfer code that is damaged or of an unknown version.
    Migration(MigrationError),
}

/// A line that is not readable at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    /// Its line number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub error: LineError,
}

/// Why a text cannot be imported as a URI list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UriListError {
    /// Nothing but blank lines and comments.
    Empty,
    /// Not one line is readable: every one of them, in order.
    BadLines(Vec<BadLine>),
}

/// Reads one text, a line of a list (`line` is its number) or what one QR
/// code holds, into `imported`: its accounts, and what it cannot use as
/// skipped. An error only when the text is no otpauth URI at all or a
/// damaged transfer code.
pub fn read(text: &str, line: Option<usize>, imported: &mut Imported) -> Result<(), LineError> {
    let text = text.trim();
    if google_transfer::is_migration(text) {
        let batch = google_transfer::decode(text).map_err(LineError::Migration)?;
        imported.accounts.extend(batch.accounts);
        imported.skipped.extend(
            batch
                .skipped
                .into_iter()
                .map(|skipped| Skipped { line, ..skipped }),
        );
        return Ok(());
    }
    match OtpAuth::parse(text) {
        Ok(account) => imported.accounts.push(printable_names(account)),
        Err(UriError::NotOtpauth) => return Err(LineError::Uri(UriError::NotOtpauth)),
        Err(error) => imported.skipped.push(Skipped::uri(line, text, &error)),
    }
    Ok(())
}

/// Reads a URI list.
pub fn import(text: &str) -> Result<Imported, UriListError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut imported = Imported::default();
    let mut bad = Vec::new();
    let mut seen_any = false;
    let mut readable = false;
    // `lines` also strips the `\r` of Windows line ends.
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        seen_any = true;
        match read(line, Some(line_number), &mut imported) {
            Ok(()) => readable = true,
            Err(error) => {
                imported
                    .skipped
                    .push(Skipped::unreadable(Some(line_number)));
                bad.push(BadLine {
                    line: line_number,
                    error,
                });
            }
        }
    }
    if !seen_any {
        return Err(UriListError::Empty);
    }
    if !readable {
        return Err(UriListError::BadLines(bad));
    }
    Ok(imported)
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
    use crate::formats::otpauth::{Algorithm, Key};
    use crate::formats::skipped::{Refused, SkipReason};
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
                    line: Some(4),
                    name: "Air Canada:Benjamin".into(),
                    reason: SkipReason::Hotp
                },
                Skipped {
                    line: Some(7),
                    name: "Boeing:Sophia".into(),
                    reason: SkipReason::Steam
                },
            ]
        );
    }

    /// Aegis' own plain-text test export, copied from its repository
    /// (`tests/data/aegis/README.md` names the source).
    const AEGIS_PLAIN_TXT: &str = include_str!("../../tests/data/aegis/plain.txt");

    #[test]
    fn aegis_own_text_export_gives_three_accounts_and_names_four() {
        let imported = import(AEGIS_PLAIN_TXT).unwrap();
        let got: Vec<_> = imported
            .accounts
            .iter()
            .map(|a| {
                (
                    a.issuer.as_deref().unwrap_or(""),
                    a.account.as_str(),
                    a.algorithm,
                    a.digits,
                    a.period,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Deno", "Mason", Algorithm::Sha1, 6, 30),
                ("SPDX", "James", Algorithm::Sha256, 7, 20),
                ("Airbnb", "Elijah", Algorithm::Sha512, 8, 50),
            ]
        );
        let skipped: Vec<_> = imported
            .skipped
            .iter()
            .map(|s| (s.line, s.name.as_str(), s.reason.clone()))
            .collect();
        assert_eq!(
            skipped,
            [
                (Some(4), "Issuu:James", SkipReason::Hotp),
                (Some(5), "Air Canada:Benjamin", SkipReason::Hotp),
                (Some(6), "WWE:Mason", SkipReason::Hotp),
                (Some(7), "Boeing:Sophia", SkipReason::Steam),
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
    fn every_bad_line_is_skipped_and_named_by_number() {
        let text = "# family\n\
            otpauth://totp/a?secret=JBSWY3DPEHPK3PXP\n\
            https://example.com/\n\
            otpauth://totp/b?secret=JBSW0\n\
            otpauth://totp/c?secret=JBSWY3DPEHPK3PXP&digits=9\n\
            otpauth://totp/d?secret=JBSWY3DPEHPK3PXP&algorithm=MD5\n\
            otpauth-migration://offline?data=C\n\
            otpauth://totp/e?secret=JBSWY3DPEHPK3PXP&digits=7\n";
        let imported = import(text).unwrap();
        let names: Vec<_> = imported
            .accounts
            .iter()
            .map(|a| a.account.as_str())
            .collect();
        assert_eq!(names, ["a", "e"]);
        assert_eq!(imported.accounts[1].digits, 7);
        let skipped: Vec<_> = imported
            .skipped
            .iter()
            .map(|s| (s.line, s.name.as_str(), s.reason.clone()))
            .collect();
        assert_eq!(
            skipped,
            [
                (Some(3), "", SkipReason::Unreadable),
                (Some(4), "b", SkipReason::BadKey),
                (Some(5), "c", SkipReason::Digits(Refused::Parameter(2))),
                (Some(6), "d", SkipReason::Algorithm(Refused::Parameter(2))),
                (Some(7), "", SkipReason::Unreadable),
            ]
        );
    }

    #[test]
    fn a_file_with_no_readable_line_names_them_all() {
        let text = "https://example.com/\n\nJBSWY3DPEHPK3PXP\notpauth-migration://offline?data=C\n";
        assert_eq!(
            import(text).unwrap_err(),
            UriListError::BadLines(vec![
                BadLine {
                    line: 1,
                    error: LineError::Uri(UriError::NotOtpauth)
                },
                BadLine {
                    line: 3,
                    error: LineError::Uri(UriError::NotOtpauth)
                },
                BadLine {
                    line: 4,
                    error: LineError::Migration(MigrationError::Encoding)
                },
            ])
        );
    }

    #[test]
    fn transfer_codes_and_uris_mix_and_names_are_printable() {
        let account = OtpAuth::new(
            Some("Ügyfélkapu+".into()),
            "kovacs.maria".into(),
            Key::parse("ABCDEFGHIJKLMNOPQRST").unwrap(),
        );
        let code = google_transfer::encode(&[account], 3).remove(0);
        let text = format!(
            "{}\notpauth://totp/%1B%5B31mBank:anna?secret=JBSWY3DPEHPK3PXP&issuer=%1B%5B31mBank\n\
             otpauth://hotp/%1B%5D0%3Bx%07?secret=JBSWY3DPEHPK3PXP\n",
            code.expose()
        );
        let imported = import(&text).unwrap();
        let got: Vec<_> = imported
            .accounts
            .iter()
            .map(|a| (a.issuer.clone().unwrap_or_default(), a.account.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("Ügyfélkapu+".to_owned(), "kovacs.maria".to_owned()),
                ("\\u{1b}[31mBank".to_owned(), "anna".to_owned()),
            ]
        );
        assert_eq!(imported.skipped.len(), 1);
        assert_eq!(imported.skipped[0].name, "\\u{1b}]0;x\\u{7}");
        assert!(!imported.skipped[0].words().contains('\x1b'));
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
        assert_eq!(imported.skipped[0].name, "x");
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
