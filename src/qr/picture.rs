//! A picture of a QR code in, an otpauth URI out: the intake that `add`,
//! `decode` and the wizard share. When the picture holds no otpauth URI,
//! [`PictureError`] says what it did hold, so a person who saved the wrong
//! screenshot learns why; a code that holds a key (a Google transfer code,
//! anything with `secret=`) is named by its kind, never quoted.

use std::{
    fs,
    io::{self, Read},
    path::{Path, PathBuf},
};

use crate::{
    fl,
    formats::{
        google_transfer::is_migration,
        may_hold_key,
        otpauth::{OtpAuth, UriError, is_otpauth},
    },
    i18n::Explain,
    qr::{
        decode::{MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE, QrReadError},
        read::read_qr_codes,
    },
    secret::{SecretBytes, SecretString},
};
use zeroize::Zeroizing;

/// The most characters of a harmless QR text a message quotes: enough to
/// recognise a web address or a greeting, short enough for one line.
pub const QUOTE_CHARS: usize = 40;

/// What a QR code held when it was not an otpauth URI. Only harmless
/// text is kept, shortened; a code that may hold a key keeps no text at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A web address.
    WebLink(String),
    /// Any other text.
    Text(String),
    /// An otpauth URI that does not parse.
    BadOtpauth(UriError),
    /// A Google Authenticator transfer code (`otpauth-migration:`): its
    /// base64 payload holds whole keys.
    Transfer,
    /// Other text that may hold a key ([`may_hold_key`]): `otpauth`
    /// without `://`, a `secret=` parameter, a query, or a run of base32.
    KeyText,
}

impl Found {
    /// Describes `text` for a user: its kind, and for harmless text the
    /// first [`QUOTE_CHARS`] characters.
    pub fn describe(text: &str) -> Found {
        let trimmed = text.trim();
        let lower = trimmed.to_ascii_lowercase();
        if is_migration(trimmed) {
            return Found::Transfer;
        }
        if may_hold_key(trimmed) {
            return Found::KeyText;
        }
        let mut short: String = trimmed.chars().take(QUOTE_CHARS).collect();
        if trimmed.chars().count() > QUOTE_CHARS {
            short.push('…');
        }
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
            Found::Transfer => fl!("what-transfer"),
            Found::KeyText => fl!("what-key-text"),
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
                fl!(
                    "err-image-open",
                    file = file,
                    detail = crate::i18n::io_detail(error)
                )
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
                QrReadError::NoPixels { width, height } => fl!(
                    "err-image-no-pixels",
                    file = file,
                    width = width.to_string(),
                    height = height.to_string()
                ),
                QrReadError::FileTooLarge => fl!(
                    "err-image-file-too-large",
                    file = file,
                    megabytes = (MAX_FILE_BYTES >> 20).to_string()
                ),
                QrReadError::NoQrCode => fl!("err-image-no-qr", file = file),
            },
        }
    }

    fn recovery(&self) -> Option<String> {
        Some(match &self.kind {
            ImageError::Open(_) => fl!("rec-image-open"),
            ImageError::NotOtpauth(Found::Transfer) => fl!("rec-image-transfer"),
            ImageError::NotOtpauth(_) => fl!("rec-image-not-otpauth"),
            ImageError::Read(error) => match error {
                QrReadError::Empty
                | QrReadError::Truncated
                | QrReadError::Corrupt
                | QrReadError::NoPixels { .. } => {
                    fl!("rec-image-again")
                }
                QrReadError::NotAnImage => fl!("rec-image-formats"),
                QrReadError::Unsupported { .. } => fl!("rec-image-unsupported"),
                QrReadError::TooLarge { width, height } if (*width).max(*height) > MAX_SIDE => {
                    fl!("rec-image-too-long", side = MAX_SIDE.to_string())
                }
                QrReadError::FileTooLarge => fl!("rec-image-file-too-large"),
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

/// Reads the picture at `path` into a secret (it shows a key), refusing a
/// file larger than [`MAX_FILE_BYTES`] before reading it, and a stream
/// (a pipe, `/dev/zero`) once it passes that size.
pub fn read_file(path: &Path) -> Result<SecretBytes, PictureError> {
    let open_error = |e| PictureError::new(path, ImageError::Open(e));
    let too_large = || PictureError::new(path, ImageError::Read(QrReadError::FileTooLarge));
    let file = fs::File::open(path).map_err(open_error)?;
    let size = file.metadata().map_err(open_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Sized once from the metadata, so no grown-out copy of the picture is
    // left behind unzeroized (a stream still grows).
    let mut bytes = Zeroizing::new(Vec::with_capacity(size as usize));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(open_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Moves the buffer, not a copy of it.
    Ok(SecretBytes::new(std::mem::take(&mut *bytes)))
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
    let texts = read_qr_codes(bytes, is_otpauth)
        .map_err(|e| PictureError::new(path, ImageError::Read(e)))?;
    account_in_texts(texts.into_iter().map(SecretString::new).collect(), path)
}

/// The otpauth URI among what a picture's QR codes hold, and its account;
/// the picture's error, naming what it held instead, when there is none
/// or it does not parse.
pub fn account_in_texts(
    texts: Vec<SecretString>,
    path: &Path,
) -> Result<(SecretString, OtpAuth), PictureError> {
    let image_error = |kind| PictureError::new(path, kind);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A Google transfer code holding one 12-byte key (`data` is base64).
    const TRANSFER: &str = "otpauth-migration://offline?data=CiAKDEhlbGxvIUTeAACtvu8SCmtvdmFjcy5tYXJpYRgBIAEoARACGAEgAA%3D%3D";

    /// QR texts, and what a message may say about them.
    const DESCRIBED: &[(&str, Found)] = &[
        (TRANSFER, Found::Transfer),
        ("  OTPAUTH-MIGRATION://offline?data=AAAA", Found::Transfer),
        ("otpauth:totp/x?secret=JBSWY3DPEHPK3PXP", Found::KeyText),
        ("otpauth:/totp/x?secret=JBSWY3DPEHPK3PXP", Found::KeyText),
        ("totp://x?SECRET=JBSWY3DPEHPK3PXP", Found::KeyText),
        (
            "https://example.com/?secret=JBSWY3DPEHPK3PXP",
            Found::KeyText,
        ),
        ("JBSW Y3DP EHPK 3PXP", Found::KeyText),
        ("jbswy3dpehpk3pxpjbswy3dpehpk3pxp", Found::KeyText),
    ];

    #[test]
    fn a_code_that_may_hold_a_key_is_named_never_quoted() {
        for (text, expected) in DESCRIBED {
            let found = Found::describe(text);
            assert_eq!(&found, expected, "{text}");
            let said = found.message();
            assert!(!said.contains("JBSW"), "{text}: {said}");
            assert!(!said.contains("data="), "{text}: {said}");
        }
    }

    #[test]
    fn harmless_text_is_quoted_short() {
        assert_eq!(
            Found::describe(" https://ugyfelkapu.gov.hu/ "),
            Found::WebLink("https://ugyfelkapu.gov.hu/".into())
        );
        assert_eq!(
            Found::describe("Szia Mama!"),
            Found::Text("Szia Mama!".into())
        );
        // A short word of base32 letters is a word, not a key.
        assert_eq!(Found::describe("MAMA"), Found::Text("MAMA".into()));
        let long = format!("https://example.com/{}", "ab/".repeat(40));
        let Found::WebLink(quoted) = Found::describe(&long) else {
            panic!("a web link");
        };
        assert_eq!(quoted.chars().count(), QUOTE_CHARS + 1);
        assert!(quoted.ends_with('…'));
    }

    #[test]
    fn a_file_too_large_for_a_picture_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nagy.png");
        // Sparse: the size is claimed, not written.
        let file = fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let Err(error) = read_file(&path) else {
            panic!("a file over the limit was read");
        };
        assert!(matches!(
            error.kind,
            ImageError::Read(QrReadError::FileTooLarge)
        ));
        assert!(error.message().contains("nagy.png"), "{}", error.message());
    }
}
