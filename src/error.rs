//! Everything that can go wrong for a user, as one typed enum. Each error
//! says in one line what failed, naming the file or value, and where it
//! helps a second line ([`Error::recovery`]) says what to do, as rage does
//! with its `err-…` and `rec-…` messages. All words come from `locales/`.

use std::{fmt, io, path::PathBuf};

use crate::{
    bundle::BundleError,
    crypt::CryptError,
    family::{DeletionCodeError, FamilyError},
    fl,
    otpauth::{KeyError, UriError},
    qr_read::{MAX_PIXELS, QrReadError},
    sheet::SheetError,
    store::StoreError,
};

/// What a QR code held when it was not an otpauth URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A web address.
    WebLink(String),
    /// Any other text.
    Text(String),
    /// An otpauth URI that does not parse.
    BadOtpauth(UriError),
}

impl Found {
    /// Describes `text` for a user, shortened to a readable length.
    pub fn describe(text: &str) -> Found {
        let short: String = text.trim().chars().take(60).collect();
        let short = if text.trim().chars().count() > 60 {
            format!("{short}…")
        } else {
            short
        };
        let lower = text.trim_start().to_ascii_lowercase();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            Found::WebLink(short)
        } else {
            Found::Text(short)
        }
    }
}

/// Why a picture gave no otpauth URI.
#[derive(Debug)]
pub enum ImageError {
    /// The file could not be opened or read.
    Open(io::Error),
    /// The picture could not be decoded or held no QR code.
    Read(QrReadError),
    /// The QR code holds something else.
    NotOtpauth(Found),
}

/// Why a file from another authenticator app could not be imported.
#[derive(Debug)]
pub enum ImportError {
    /// A Google Authenticator transfer code is unusable.
    Migration(crate::migration::MigrationError),
    /// An Aegis export is unusable.
    Aegis(crate::aegis::AegisError),
    /// A URI list has bad lines or none.
    UriList(crate::uri_list::UriListError),
    /// Nothing usable was found.
    Nothing,
}

/// An error the user sees.
#[derive(Debug)]
pub enum Error {
    /// Bad command line, with the detail in the user's language.
    Args(String),
    /// `--lang` with an unknown language.
    Lang(String),
    /// Standard input could not be read.
    Stdin(io::Error),
    /// Standard input held nothing.
    StdinEmpty,
    /// A typed or pasted key is not a key.
    Key(KeyError),
    /// A text is not a usable otpauth URI.
    Uri(UriError),
    /// A picture gave no otpauth URI.
    Image {
        /// The picture as the user named it.
        file: PathBuf,
        /// What went wrong.
        kind: ImageError,
    },
    /// Several pictures failed; each was reported already.
    Reported,
    /// A question needs a terminal and there is none.
    NoTerminal,
    /// The user pressed Ctrl-C or Esc at a question.
    Cancelled,
    /// The terminal failed.
    Terminal(io::Error),
    /// There is no bundle at this path yet.
    NoBundle(PathBuf),
    /// The file at this path is not an age file.
    NotABundle(PathBuf),
    /// Encryption or decryption failed.
    Crypt {
        /// The bundle.
        path: PathBuf,
        /// What went wrong.
        error: CryptError,
    },
    /// The decrypted bundle is not readable.
    Bundle {
        /// The bundle.
        path: PathBuf,
        /// What went wrong.
        error: BundleError,
    },
    /// Reading or writing a file failed.
    Store(StoreError),
    /// The passphrase file could not be read.
    PassphraseFile {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// The passphrase is empty.
    EmptyPassphrase,
    /// An identity file could not be read.
    IdentityFile {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// Adding or removing a person failed.
    Family(FamilyError),
    /// A deletion code is not digits.
    DeletionCode(DeletionCodeError),
    /// The PDF sheet could not be made.
    Sheet(SheetError),
    /// A file from another app could not be imported.
    Import {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        kind: ImportError,
    },
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        Error::Store(error)
    }
}

impl From<FamilyError> for Error {
    fn from(error: FamilyError) -> Self {
        Error::Family(error)
    }
}

impl From<KeyError> for Error {
    fn from(error: KeyError) -> Self {
        Error::Key(error)
    }
}

impl From<UriError> for Error {
    fn from(error: UriError) -> Self {
        Error::Uri(error)
    }
}

fn uri_message(error: &UriError) -> String {
    match error {
        UriError::NotOtpauth => fl!("err-uri-scheme"),
        UriError::Hotp => fl!("err-uri-hotp"),
        UriError::UnknownType(kind) => fl!("err-uri-type", kind = kind.as_str()),
        UriError::NoSecret => fl!("err-uri-no-secret"),
        UriError::Key(key) => key_message(key),
        UriError::Algorithm(value) => fl!("err-uri-algorithm", value = value.as_str()),
        UriError::Digits(value) => fl!("err-uri-digits", value = value.as_str()),
        UriError::Period(value) => fl!("err-uri-period", value = value.as_str()),
        UriError::Encoding => fl!("err-uri-encoding"),
    }
}

fn key_message(error: &KeyError) -> String {
    match error {
        KeyError::Empty => fl!("err-key-empty"),
        KeyError::BadChar { ch, position } => {
            fl!(
                "err-key-char",
                char = ch.to_string(),
                position = position.to_string()
            )
        }
        KeyError::BadLength { length } => fl!("err-key-length", length = length.to_string()),
    }
}

fn found_message(found: &Found) -> String {
    match found {
        Found::WebLink(text) => fl!("what-web-link", text = text.as_str()),
        Found::Text(text) => fl!("what-text", text = text.as_str()),
        Found::BadOtpauth(error) => fl!("what-otpauth-bad", detail = uri_message(error)),
    }
}

fn import_message(file: &str, kind: &ImportError) -> String {
    use crate::{aegis::AegisError, migration::MigrationError, uri_list::UriListError};
    match kind {
        ImportError::Migration(error) => match error {
            MigrationError::NotMigration
            | MigrationError::NoData
            | MigrationError::Encoding
            | MigrationError::Malformed
            | MigrationError::Batch { .. } => fl!("err-import-migration-damaged", file = file),
            MigrationError::Version(version) => fl!(
                "err-import-migration-version",
                file = file,
                version = version.to_string()
            ),
            MigrationError::Hotp { name } => {
                fl!("err-import-hotp", file = file, name = name.as_str())
            }
            MigrationError::Type { name, .. }
            | MigrationError::Algorithm { name, .. }
            | MigrationError::Digits { name, .. }
            | MigrationError::EmptySecret { name } => {
                fl!("err-import-unsupported", file = file, name = name.as_str())
            }
        },
        ImportError::Aegis(error) => match error {
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
            AegisError::BadSecret { name } => {
                fl!("err-import-unsupported", file = file, name = name.as_str())
            }
        },
        ImportError::UriList(UriListError::Empty) | ImportError::Nothing => {
            fl!("err-import-nothing", file = file)
        }
        ImportError::UriList(UriListError::BadLines(lines)) => fl!(
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            Error::Args(detail) => fl!("err-args", detail = detail.as_str()),
            Error::Lang(value) => fl!("err-lang", value = value.as_str()),
            Error::Stdin(error) => fl!("err-stdin-read", detail = error.to_string()),
            Error::StdinEmpty => fl!("err-stdin-empty"),
            Error::Key(error) => key_message(error),
            Error::Uri(error) => uri_message(error),
            Error::Image { file, kind } => {
                let file = file.display().to_string();
                match kind {
                    ImageError::Open(error) => {
                        fl!("err-image-open", file = file, detail = error.to_string())
                    }
                    ImageError::NotOtpauth(found) => {
                        fl!(
                            "err-image-not-otpauth",
                            file = file,
                            what = found_message(found)
                        )
                    }
                    ImageError::Read(error) => match error {
                        QrReadError::Empty => fl!("err-image-empty", file = file),
                        QrReadError::Truncated => fl!("err-image-truncated", file = file),
                        QrReadError::NotAnImage => fl!("err-image-not-image", file = file),
                        QrReadError::Unsupported { format } => {
                            fl!(
                                "err-image-unsupported",
                                file = file,
                                format = format.as_str()
                            )
                        }
                        QrReadError::TooLarge { width, height } => fl!(
                            "err-image-too-large",
                            file = file,
                            width = width.to_string(),
                            height = height.to_string()
                        ),
                        QrReadError::Corrupt => fl!("err-image-corrupt", file = file),
                        QrReadError::NoQrCode => fl!("err-image-no-qr", file = file),
                    },
                }
            }
            Error::Reported => String::new(),
            Error::NoTerminal => fl!("err-no-terminal"),
            Error::Cancelled => fl!("err-cancelled"),
            Error::Terminal(error) => fl!("err-terminal", detail = error.to_string()),
            Error::NoBundle(path) => fl!("err-no-bundle", file = path.display().to_string()),
            Error::NotABundle(path) => fl!("err-not-a-bundle", file = path.display().to_string()),
            Error::Crypt { path, error } => {
                let file = path.display().to_string();
                match error {
                    CryptError::NotAge => fl!("err-not-a-bundle", file = file),
                    CryptError::NeedsPassphrase => fl!("err-needs-passphrase", file = file),
                    CryptError::NeedsIdentity => fl!("err-needs-identity", file = file),
                    CryptError::WrongPassphrase => fl!("err-wrong-passphrase", file = file),
                    CryptError::NoMatchingIdentity => fl!("err-wrong-identity", file = file),
                    CryptError::Truncated => fl!("err-bundle-truncated", file = file),
                    CryptError::Tampered => fl!("err-bundle-tampered", file = file),
                    CryptError::ExcessiveWork => fl!("err-bundle-excessive-work", file = file),
                    CryptError::BadRecipient(value) => {
                        fl!("err-bad-recipient", value = value.as_str())
                    }
                    CryptError::BadIdentityFile(name) => {
                        fl!("err-bad-identity-file", file = name.as_str())
                    }
                }
            }
            Error::Bundle { path, error } => {
                let file = path.display().to_string();
                match error {
                    BundleError::NotArchive
                    | BundleError::NoManifest
                    | BundleError::BadManifest(_) => {
                        fl!("err-bundle-contents", file = file)
                    }
                    BundleError::NewerVersion(version) => {
                        fl!(
                            "err-bundle-newer",
                            file = file,
                            version = version.to_string()
                        )
                    }
                    BundleError::MissingFile(inner) => {
                        fl!(
                            "err-bundle-missing-file",
                            file = file,
                            inner = inner.as_str()
                        )
                    }
                    BundleError::FileMismatch(inner) => {
                        fl!(
                            "err-bundle-file-mismatch",
                            file = file,
                            inner = inner.as_str()
                        )
                    }
                    BundleError::QrTooLong(name) => fl!("err-qr-too-long", name = name.as_str()),
                }
            }
            Error::Store(StoreError::Read { path, error }) => fl!(
                "err-file-read",
                file = path.display().to_string(),
                detail = error.to_string()
            ),
            Error::Store(StoreError::Write { path, error }) => fl!(
                "err-file-write",
                file = path.display().to_string(),
                detail = error.to_string()
            ),
            Error::Store(StoreError::Unrelated(path)) => {
                fl!("err-file-unrelated", file = path.display().to_string())
            }
            Error::PassphraseFile { path, error } => fl!(
                "err-passphrase-file",
                file = path.display().to_string(),
                detail = error.to_string()
            ),
            Error::EmptyPassphrase => fl!("err-empty-passphrase"),
            Error::IdentityFile { path, error } => fl!(
                "err-identity-file",
                file = path.display().to_string(),
                detail = error.to_string()
            ),
            Error::Family(FamilyError::EmptyName) => fl!("err-name-empty"),
            Error::Family(FamilyError::DuplicateName(name)) => {
                fl!("err-name-taken", name = name.as_str())
            }
            Error::Family(FamilyError::NoSuchMember(name)) => {
                fl!("err-no-such-member", name = name.as_str())
            }
            Error::DeletionCode(DeletionCodeError::Empty) => fl!("err-deletion-code-empty"),
            Error::DeletionCode(DeletionCodeError::NotDigits) => {
                fl!("err-deletion-code-digits")
            }
            Error::Sheet(error) => error.to_string(),
            Error::Import { path, kind } => import_message(&path.display().to_string(), kind),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// What the user can do about it, when there is something to say.
    pub fn recovery(&self) -> Option<String> {
        let key_recovery = |error: &KeyError| match error {
            KeyError::BadChar { .. } => fl!("rec-key-char"),
            KeyError::Empty | KeyError::BadLength { .. } => fl!("rec-key"),
        };
        Some(match self {
            Error::Args(_) | Error::Lang(_) => fl!("rec-args"),
            Error::StdinEmpty => fl!("rec-stdin-empty"),
            Error::Key(error) => key_recovery(error),
            Error::Uri(UriError::Key(error)) => key_recovery(error),
            Error::Uri(UriError::NotOtpauth) => fl!("rec-uri"),
            Error::Image { kind, .. } => match kind {
                ImageError::Open(_) => fl!("rec-image-open"),
                ImageError::NotOtpauth(_) => fl!("rec-image-not-otpauth"),
                ImageError::Read(error) => match error {
                    QrReadError::Empty | QrReadError::Truncated | QrReadError::Corrupt => {
                        fl!("rec-image-again")
                    }
                    QrReadError::NotAnImage => fl!("rec-image-formats"),
                    QrReadError::Unsupported { .. } => fl!("rec-image-unsupported"),
                    QrReadError::TooLarge { .. } => {
                        fl!(
                            "rec-image-too-large",
                            megapixels = (MAX_PIXELS / 1_000_000).to_string()
                        )
                    }
                    QrReadError::NoQrCode => fl!("rec-image-no-qr"),
                },
            },
            Error::NoTerminal => fl!("rec-no-terminal"),
            Error::NoBundle(_) => fl!("rec-no-bundle"),
            Error::NotABundle(_) | Error::Store(StoreError::Unrelated(_)) => {
                fl!("rec-not-a-bundle")
            }
            Error::Crypt { error, .. } => match error {
                CryptError::NeedsPassphrase => fl!("rec-needs-passphrase"),
                CryptError::NeedsIdentity | CryptError::NoMatchingIdentity => {
                    fl!("rec-needs-identity")
                }
                CryptError::WrongPassphrase => fl!("rec-wrong-passphrase"),
                CryptError::Truncated | CryptError::Tampered => fl!("rec-bundle-backup"),
                CryptError::BadRecipient(_) => fl!("rec-bad-recipient"),
                _ => return None,
            },
            Error::Bundle { error, .. } => match error {
                BundleError::NewerVersion(_) => fl!("rec-bundle-newer"),
                BundleError::QrTooLong(_) => return None,
                _ => fl!("rec-bundle-backup"),
            },
            Error::Family(FamilyError::DuplicateName(_)) => fl!("rec-name-taken"),
            Error::Family(FamilyError::NoSuchMember(_)) => fl!("rec-no-such-member"),
            Error::DeletionCode(_) => fl!("rec-deletion-code"),
            Error::Sheet(error) => error.recovery(),
            Error::Import { kind, .. } => match kind {
                ImportError::Aegis(crate::aegis::AegisError::Encrypted) => {
                    fl!("rec-import-aegis-encrypted")
                }
                ImportError::Migration(crate::migration::MigrationError::Hotp { .. })
                | ImportError::UriList(_)
                | ImportError::Nothing => fl!("rec-import"),
                ImportError::Migration(_) | ImportError::Aegis(_) => fl!("rec-import-again"),
            },
            Error::Stdin(_)
            | Error::Uri(_)
            | Error::Reported
            | Error::Cancelled
            | Error::Terminal(_)
            | Error::Store(_)
            | Error::PassphraseFile { .. }
            | Error::EmptyPassphrase
            | Error::IdentityFile { .. }
            | Error::Family(_) => return None,
        })
    }
}

/// Writes `error` for the user: `Hiba: …`, then `Teendő: …` when there is
/// something to do. [`Error::Reported`] was written already and prints nothing.
pub fn report(out: &mut dyn std::io::Write, error: &Error) {
    if matches!(error, Error::Reported) {
        return;
    }
    let _ = writeln!(out, "{}: {error}", fl!("err-prefix"));
    if let Some(recovery) = error.recovery() {
        let _ = writeln!(out, "{}: {recovery}", fl!("rec-prefix"));
    }
}

/// The same as [`report`], as text for a prompter to show.
pub fn report_to_string(error: &Error) -> String {
    let mut buffer = Vec::new();
    report(&mut buffer, error);
    String::from_utf8_lossy(&buffer).trim_end().to_owned()
}

impl Error {
    /// The process exit code: 2 for a bad command line, 1 for anything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Args(_) | Error::Lang(_) => 2,
            _ => 1,
        }
    }
}
