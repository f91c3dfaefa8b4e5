//! The picture reader: PNG, JPEG, WebP, BMP, GIF and TIFF, headers and
//! bodies, with the pixel and memory limits in force. Properties: nothing
//! panics or aborts (a size the limits refuse is an error), and every
//! picture is answered.
#![no_main]

use std::path::Path;

use kapukulcs::{i18n::Explain, qr::picture::account_in_picture};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    if let Err(error) = account_in_picture(input, Path::new("kep.png")) {
        // A QR code in a picture may carry a key: the message names it.
        let _ = (error.message(), error.recovery());
    }
});
