//! A picture of a QR code in, an otpauth URI out: the intake that `add`,
//! `decode` and the wizard share. When the picture holds no otpauth URI,
//! [`PictureError`] says what it did hold, so a person who saved the wrong
//! screenshot learns why.

use std::{
    fs, io,
    path::{Path, PathBuf},
};

use crate::{
    fl,
    formats::otpauth::{OtpAuth, UriError, is_otpauth},
    i18n::Explain,
    qr::read::{MAX_PIXELS, QrReadError, read_qr_codes},
    secret::{SecretBytes, SecretString},
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

    fn message(&self) -> String {
        match self {
            Found::WebLink(text) => fl!("what-web-link", text = text.as_str()),
            Found::Text(text) => fl!("what-text", text = text.as_str()),
            Found::BadOtpauth(error) => fl!("what-otpauth-bad", detail = error.message()),
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

/// A picture that gave no otpauth URI, and why.
#[derive(Debug)]
pub struct PictureError {
    /// The picture as the user named it.
    pub file: PathBuf,
    /// What went wrong.
    pub kind: ImageError,
}

impl PictureError {
    /// The error for the picture at `file`.
    pub fn new(file: &Path, kind: ImageError) -> PictureError {
        PictureError {
            file: file.to_path_buf(),
            kind,
        }
    }
}

impl Explain for PictureError {
    fn message(&self) -> String {
        let file = self.file.display().to_string();
        match &self.kind {
            ImageError::Open(error) => {
                fl!("err-image-open", file = file, detail = error.to_string())
            }
            ImageError::NotOtpauth(found) => {
                fl!("err-image-not-otpauth", file = file, what = found.message())
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

    fn recovery(&self) -> Option<String> {
        Some(match &self.kind {
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
        })
    }
}

crate::explained!(PictureError);

/// Reads the picture at `path` into a secret (it shows a key).
pub fn read_file(path: &Path) -> Result<SecretBytes, PictureError> {
    fs::read(path)
        .map(SecretBytes::new)
        .map_err(|e| PictureError::new(path, ImageError::Open(e)))
}

/// Reads the otpauth URI (exactly as the QR code holds it) and the account
/// it describes from the picture at `path`.
pub fn read_account(path: &Path) -> Result<(SecretString, OtpAuth), PictureError> {
    let bytes = read_file(path)?;
    account_in_picture(bytes.expose(), path)
}

/// Like [`read_account`], for a picture already in memory; `path` names it
/// in messages.
pub fn account_in_picture(
    bytes: &[u8],
    path: &Path,
) -> Result<(SecretString, OtpAuth), PictureError> {
    let image_error = |kind| PictureError::new(path, kind);
    let texts = read_qr_codes(bytes, is_otpauth).map_err(|e| image_error(ImageError::Read(e)))?;
    let texts: Vec<SecretString> = texts.into_iter().map(SecretString::new).collect();
    let Some(uri) = texts.iter().find(|text| is_otpauth(text.expose())) else {
        let kind = match texts.first() {
            Some(text) => ImageError::NotOtpauth(Found::describe(text.expose())),
            None => ImageError::Read(QrReadError::NoQrCode),
        };
        return Err(image_error(kind));
    };
    let account = OtpAuth::parse(uri.expose())
        .map_err(|e| image_error(ImageError::NotOtpauth(Found::BadOtpauth(e))))?;
    Ok((uri.clone(), account))
}
