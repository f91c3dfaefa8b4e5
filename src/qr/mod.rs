//! QR codes both ways: reading them from the pictures people save
//! ([`read`], with its limits), taking an otpauth URI out of such a picture
//! ([`picture`]), drawing clean ones ([`draw`]) and drawing them in the
//! terminal ([`terminal`]).

pub mod draw;
pub mod picture;
pub mod read;
pub mod terminal;
