//! Everything that can go wrong for a user, as one typed enum. Each error
//! says in one line what failed, naming the file or value, and where it
//! helps a second line ([`Error::recovery`]) says what to do, as rage does
//! with its `err-…` and `rec-…` messages. All words come from `locales/`.

use std::{fmt, io, path::PathBuf};

use crate::{
    fl,
    otpauth::{KeyError, UriError},
    qr_read::{MAX_PIXELS, QrReadError},
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
            Error::Stdin(_) | Error::Uri(_) | Error::Reported => return None,
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

impl Error {
    /// The process exit code: 2 for a bad command line, 1 for anything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Args(_) | Error::Lang(_) => 2,
            _ => 1,
        }
    }
}
