//! QR codes both ways: reading them from the pictures people save (the
//! file decoded within its limits by [`decode`], searched by [`read`]), taking an otpauth URI out of such a picture
//! ([`picture`]), drawing clean ones ([`draw`]) and drawing them in the
//! terminal ([`terminal`]).

pub mod decode;
pub mod draw;
pub mod picture;
pub mod read;
pub mod terminal;
