//! `kapukulcs dekodol KÉP...`: the otpauth URI in each picture, one line per
//! picture. When a picture holds several QR codes the otpauth one is taken;
//! when it holds none, the message says what it did hold.

use std::{
    fs,
    io::Write,
    path::{Path, PathBuf},
};

use crate::{
    error::{Error, Found, ImageError, report},
    otpauth::{OtpAuth, is_otpauth},
    qr_read::{QrReadError, read_qr_codes},
    secret::{SecretBytes, SecretString},
};

/// Reads the otpauth URI (exactly as the QR code holds it) and the account
/// it describes from the picture at `path`.
pub fn read_account(path: &Path) -> Result<(SecretString, OtpAuth), Error> {
    let bytes = SecretBytes::new(fs::read(path).map_err(|e| Error::Image {
        file: path.to_path_buf(),
        kind: ImageError::Open(e),
    })?);
    account_in_picture(bytes.expose(), path)
}

/// Like [`read_account`], for a picture already in memory; `path` names it
/// in messages.
pub fn account_in_picture(bytes: &[u8], path: &Path) -> Result<(SecretString, OtpAuth), Error> {
    let image_error = |kind| Error::Image {
        file: path.to_path_buf(),
        kind,
    };
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

/// Prints the URI of every picture; reports each failure and goes on, so
/// one bad file does not hide the others.
pub fn run(images: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Error> {
    let mut failed = false;
    for image in images {
        match read_account(image) {
            Ok((uri, _)) => {
                let _ = writeln!(out, "{}", uri.expose());
            }
            Err(error) => {
                report(err, &error);
                failed = true;
            }
        }
    }
    if failed { Err(Error::Reported) } else { Ok(()) }
}
