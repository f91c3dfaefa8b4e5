//! What the integration tests share, written once: the test passphrase,
//! the clock, running the binary ([`run`]), pictures of QR codes
//! ([`picture`]), the generated picture corpus ([`corpus`]) and opening a
//! bundle the tests made.

pub mod corpus;
pub mod picture;
pub mod pty;
pub mod run;

use std::{
    fs,
    path::Path,
    time::{SystemTime, UNIX_EPOCH},
};

use kapukulcs::{
    secret::SecretString,
    vault::{
        bundle,
        crypt::{self, Unlock},
    },
};

/// The passphrase of every bundle the tests make: strong enough that the
/// program does not warn about it.
pub const PASSPHRASE: &str = "kert-alma-hegy-tavasz-77";

/// Seconds since 1970 by the system clock: the binary reads the same clock.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The contents of `mentes.age` in `dir`, opened with [`PASSPHRASE`] by
/// the library's own reader.
pub fn open_bundle(dir: &Path) -> bundle::Contents {
    let sealed = fs::read(dir.join("mentes.age")).unwrap();
    let plaintext = crypt::decrypt(
        &sealed,
        &Unlock::Passphrase(SecretString::new(PASSPHRASE.into())),
    )
    .unwrap();
    bundle::from_tar(&plaintext).unwrap()
}
