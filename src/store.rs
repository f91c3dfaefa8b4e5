//! Files on disk that hold secrets: written so that no crash, full disk or
//! power cut can lose the previous version. Each write goes to a temporary
//! file in the same folder (created 0600), is flushed to disk, the old file
//! is kept as `NAME.bak`, and only then does a rename put the new one in
//! place, as age's own `file_io.rs` and rage-keygen do.

use std::{
    fs::{self, File},
    io::{self, Read, Write},
    path::{Path, PathBuf},
};

use crate::{fl, i18n::Explain};

/// Why a file could not be read or written.
#[derive(Debug)]
pub enum StoreError {
    /// Reading failed.
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// Writing failed; the previous version is untouched.
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
    /// Something else is already there, which we will not overwrite.
    Unrelated(PathBuf),
}

impl Explain for StoreError {
    fn message(&self) -> String {
        match self {
            StoreError::Read { path, error } => fl!(
                "err-file-read",
                file = path.display().to_string(),
                detail = error.to_string()
            ),
            StoreError::Write { path, error } => fl!(
                "err-file-write",
                file = path.display().to_string(),
                detail = error.to_string()
            ),
            StoreError::Unrelated(path) => {
                fl!("err-file-unrelated", file = path.display().to_string())
            }
        }
    }

    fn recovery(&self) -> Option<String> {
        match self {
            StoreError::Unrelated(_) => Some(fl!("rec-not-a-bundle")),
            StoreError::Read { .. } | StoreError::Write { .. } => None,
        }
    }
}

crate::explained!(StoreError);

/// The backup kept beside `path`: `kapukulcs-mentes.age.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Reads `path`, or `None` when it does not exist.
pub fn read(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(StoreError::Read {
            path: path.to_path_buf(),
            error,
        }),
    }
}

fn starts_like(path: &Path, is_ours: &dyn Fn(&[u8]) -> bool) -> io::Result<Option<bool>> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    let mut start = Vec::with_capacity(64);
    file.take(64).read_to_end(&mut start)?;
    Ok(Some(is_ours(&start)))
}

/// Creates `dir` and its parents, private to the user (0700 on Unix)
/// where we create them: folders that will hold keys.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Keeps the current `path` as `path.bak`, replacing an older backup
/// atomically: a hard link where the file system allows, a copy otherwise.
fn keep_backup(path: &Path, dir: &Path) -> io::Result<()> {
    let staged = tempfile::Builder::new()
        .prefix(".kapukulcs-bak-")
        .make_in(dir, |staged| match fs::hard_link(path, staged) {
            Ok(()) => Ok(()),
            Err(_) => fs::copy(path, staged).map(|_| ()),
        })?;
    // The link is already there; persist just renames it over the old backup.
    staged
        .persist(backup_path(path))
        .map(|_| ())
        .map_err(|e| e.error)
}

fn sync_dir(dir: &Path) {
    // Makes the rename itself durable. Not every platform can open a folder;
    // the data was synced already, so a failure here loses nothing.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// Writes `bytes` to `path` without ever leaving a half-written file: the
/// previous version stays whole until the rename and is kept as `.bak`.
/// Refuses to replace a file that `is_ours` does not recognise. The new
/// file is readable by its owner only.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    is_ours: &dyn Fn(&[u8]) -> bool,
) -> Result<(), StoreError> {
    let write_error = |error| StoreError::Write {
        path: path.to_path_buf(),
        error,
    };
    let existing = starts_like(path, is_ours).map_err(write_error)?;
    if existing == Some(false) {
        return Err(StoreError::Unrelated(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_private_dir(&dir).map_err(write_error)?;
    // tempfile creates the file 0600 on Unix, before any byte is written.
    let mut temp = tempfile::Builder::new()
        .prefix(".kapukulcs-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(write_error)?;
    temp.write_all(bytes).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    if existing.is_some() {
        keep_backup(path, &dir).map_err(write_error)?;
    }
    temp.persist(path).map_err(|e| write_error(e.error))?;
    sync_dir(&dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    fn ours(bytes: &[u8]) -> bool {
        bytes.starts_with(b"OURS")
    }

    #[test]
    fn first_write_creates_a_private_file_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uj/mappa/mentes.age");
        write_atomic(&path, b"OURS one", &ours).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"OURS one");
        assert!(!backup_path(&path).exists());
        #[cfg(unix)]
        {
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            let dir_mode = fs::metadata(path.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(dir_mode, 0o700);
        }
    }

    #[test]
    fn overwrite_keeps_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mentes.age");
        write_atomic(&path, b"OURS one", &ours).unwrap();
        write_atomic(&path, b"OURS two", &ours).unwrap();
        write_atomic(&path, b"OURS three", &ours).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"OURS three");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"OURS two");
        #[cfg(unix)]
        assert_eq!(
            fs::metadata(backup_path(&path))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
        // No temporary files are left behind.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn unrelated_files_are_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("level.txt");
        fs::write(&path, b"Kedves Mama!").unwrap();
        let error = write_atomic(&path, b"OURS", &ours).unwrap_err();
        assert!(matches!(error, StoreError::Unrelated(p) if p == path));
        assert_eq!(fs::read(&path).unwrap(), b"Kedves Mama!");
        assert!(!backup_path(&path).exists());
    }

    #[test]
    fn read_tells_missing_from_present() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x");
        assert!(read(&path).unwrap().is_none());
        fs::write(&path, b"abc").unwrap();
        assert_eq!(read(&path).unwrap().unwrap(), b"abc");
    }
}
