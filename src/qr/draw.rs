//! Drawing clean QR codes for otpauth URIs: the module matrix (for the PDF
//! sheet and the terminal) and a PNG picture (for the bundle and `--png`).
//! Error correction level M, as authenticator QR codes usually use: it
//! survives a crease or a stain on the printed sheet without making the
//! code so dense that a phone struggles from a metre away.

use std::io::Cursor;

use image::{ImageFormat, Luma};
use qrcode::{EcLevel, QrCode};

use crate::{
    fl,
    i18n::Explain,
    secret::{SecretBytes, SecretString},
};

/// The quiet zone every reader needs around the code, in modules (ISO/IEC
/// 18004 asks for four).
pub const QUIET_ZONE: usize = 4;

/// A QR code as a square of dark (`true`) and light modules, without the
/// quiet zone.
pub struct Modules {
    /// Modules per side.
    pub width: usize,
    /// Row-major, `width * width` entries.
    pub dark: Vec<bool>,
}

impl Modules {
    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }
}

/// Why a QR code could not be drawn (only if the text is absurdly long).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong;

impl TooLong {
    /// The error the user reads, naming whose code it was (a person, or
    /// the file it was meant for).
    pub fn named(self, name: impl Into<String>) -> QrTooLong {
        QrTooLong { name: name.into() }
    }
}

/// The one "QR code too long" error, wherever a code is drawn: the bundle,
/// the sheet, `--png` pictures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrTooLong {
    /// Whose code: the person's name, or the picture's file.
    pub name: String,
}

impl Explain for QrTooLong {
    fn message(&self) -> String {
        fl!("err-qr-too-long", name = self.name.as_str())
    }

    fn recovery(&self) -> Option<String> {
        Some(fl!("rec-qr-too-long"))
    }
}

crate::explained!(QrTooLong);

/// Encodes `text` into QR modules.
pub fn modules(text: &SecretString) -> Result<Modules, TooLong> {
    let code = QrCode::with_error_correction_level(text.expose().as_bytes(), EcLevel::M)
        .map_err(|_| TooLong)?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|color| color == qrcode::Color::Dark)
        .collect();
    Ok(Modules { width, dark })
}

/// A PNG picture of `text`: black on white, `module_px` pixels per module,
/// with the quiet zone.
pub fn png(text: &SecretString, module_px: u32) -> Result<SecretBytes, TooLong> {
    let code = QrCode::with_error_correction_level(text.expose().as_bytes(), EcLevel::M)
        .map_err(|_| TooLong)?;
    let image = code
        .render::<Luma<u8>>()
        .module_dimensions(module_px, module_px)
        .quiet_zone(true)
        .build();
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .expect("encoding a PNG into memory cannot fail");
    Ok(SecretBytes::new(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qr::read::read_qr_codes;

    const URI: &str = "otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:Mama%20%28kovacs.maria%29?secret=ABCDEFGHIJKLMNOPQRST&issuer=%C3%9Cgyf%C3%A9lkapu%2B";

    #[test]
    fn drawn_png_reads_back() {
        let text = SecretString::new(URI.into());
        let png = png(&text, 6).unwrap();
        let texts = read_qr_codes(png.expose(), |_| true).unwrap();
        assert_eq!(texts, vec![URI.to_owned()]);
    }

    #[test]
    fn modules_are_square_and_have_finder_patterns() {
        let m = modules(&SecretString::new(URI.into())).unwrap();
        assert_eq!(m.dark.len(), m.width * m.width);
        // The top-left finder pattern: a dark 7x7 ring around a light ring.
        assert!(m.is_dark(0, 0) && m.is_dark(6, 6) && m.is_dark(3, 3));
        assert!(!m.is_dark(1, 1) && !m.is_dark(5, 5) && !m.is_dark(7, 7));
    }

    #[test]
    fn absurdly_long_text_is_an_error_not_a_panic() {
        assert!(modules(&SecretString::new("x".repeat(5000))).is_err());
    }
}
