//! Pictures for tests: a clean QR code as a screenshot would hold it.

use std::io::Cursor;

use image::{ImageFormat, Luma};
use qrcode::QrCode;

/// A clean QR code picture of `content`, 8 px per module, as PNG bytes.
pub fn qr_png(content: &str) -> Vec<u8> {
    qr_png_sized(content, 8)
}

/// A clean QR code picture of `content`, `module_px` px per module, as PNG
/// bytes.
pub fn qr_png_sized(content: &str, module_px: u32) -> Vec<u8> {
    let code = QrCode::new(content.as_bytes()).unwrap();
    let image = code
        .render::<Luma<u8>>()
        .module_dimensions(module_px, module_px)
        .quiet_zone(true)
        .build();
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

/// The otpauth URI Ügyfélkapu+ shows for `username` and `key`.
pub fn ugyfelkapu_uri(username: &str, key: &str) -> String {
    format!(
        "otpauth://totp/%C3%9Cgyf%C3%A9lkapu%2B:{username}?secret={key}&issuer=%C3%9Cgyf%C3%A9lkapu%2B"
    )
}
