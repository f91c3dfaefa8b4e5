//! Other apps' ways of writing a TOTP key, and ours: the `otpauth://` URI
//! every authenticator understands, Google Authenticator's transfer codes,
//! Aegis's plain JSON export and a plain list of URIs (Ente Auth, 2FAS).
//! Each file reads and writes one format as values; [`ImportError`] says
//! why a file from another app gave nothing usable.

pub mod aegis;
pub mod google_transfer;
pub mod otpauth;
pub mod uri_list;

use std::path::PathBuf;

use crate::{
    fl,
    formats::{aegis::AegisError, google_transfer::MigrationError, uri_list::UriListError},
    i18n::Explain,
};

/// What went wrong with a file from another authenticator app.
#[derive(Debug)]
pub enum ImportKind {
    /// A Google Authenticator transfer code is unusable.
    Migration(MigrationError),
    /// An Aegis export is unusable.
    Aegis(AegisError),
    /// A URI list has bad lines or none.
    UriList(UriListError),
    /// Nothing usable was found.
    Nothing,
}

/// Why a file from another authenticator app could not be imported.
#[derive(Debug)]
pub struct ImportError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: ImportKind,
}

impl Explain for ImportError {
    fn message(&self) -> String {
        let file = self.path.display().to_string();
        let file = file.as_str();
        match &self.kind {
            ImportKind::Migration(error) => match error {
                MigrationError::NotMigration
                | MigrationError::NoData
                | MigrationError::Encoding
                | MigrationError::Malformed
                | MigrationError::Batch { .. } => fl!("err-import-migration-damaged", file = file),
                MigrationError::Version(version) => fl!(
                    "err-import-migration-version",
                    file = file,
                    version = version.to_string()
                ),
                MigrationError::Hotp { name } => {
                    fl!("err-import-hotp", file = file, name = name.as_str())
                }
                MigrationError::Type { name, .. }
                | MigrationError::Algorithm { name, .. }
                | MigrationError::Digits { name, .. }
                | MigrationError::EmptySecret { name } => {
                    fl!("err-import-unsupported", file = file, name = name.as_str())
                }
            },
            ImportKind::Aegis(error) => match error {
                AegisError::Encrypted => fl!("err-import-aegis-encrypted", file = file),
                AegisError::Malformed(detail) => {
                    fl!(
                        "err-import-aegis-malformed",
                        file = file,
                        detail = detail.as_str()
                    )
                }
                AegisError::Version(version) => fl!(
                    "err-import-aegis-version",
                    file = file,
                    version = version.to_string()
                ),
                AegisError::BadSecret { name } => {
                    fl!("err-import-unsupported", file = file, name = name.as_str())
                }
            },
            ImportKind::UriList(UriListError::Empty) | ImportKind::Nothing => {
                fl!("err-import-nothing", file = file)
            }
            ImportKind::UriList(UriListError::BadLines(lines)) => fl!(
                "err-import-bad-lines",
                file = file,
                lines = lines
                    .iter()
                    .map(|l| l.line.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    fn recovery(&self) -> Option<String> {
        Some(match &self.kind {
            ImportKind::Aegis(AegisError::Encrypted) => fl!("rec-import-aegis-encrypted"),
            ImportKind::Migration(MigrationError::Hotp { .. })
            | ImportKind::UriList(_)
            | ImportKind::Nothing => fl!("rec-import"),
            ImportKind::Migration(_) | ImportKind::Aegis(_) => fl!("rec-import-again"),
        })
    }
}

crate::explained!(ImportError);
