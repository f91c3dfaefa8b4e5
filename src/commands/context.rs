//! What every bundle command shares: where the bundle is, the key material
//! from the command line, and the moment the command runs.

use std::path::PathBuf;

use time::OffsetDateTime;

use crate::vault::Keys;

/// The bundle, the keys to it and the time, checked and ready.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The bundle file (`--bundle`, or the default in the data folder).
    pub bundle: PathBuf,
    /// `--passphrase-file`, `--recipient`, `--identity`.
    pub keys: Keys,
    /// Now, as the clock says (tests pass a fixed moment).
    pub now: OffsetDateTime,
}
