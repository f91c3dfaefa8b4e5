//! Files on disk that hold secrets: written so that no crash, full disk or
//! power cut can lose the previous version. Each write goes to a temporary
//! file in the same folder (created 0600), is flushed to disk, the old file
//! is kept as `NAME.bak`, and only then does a rename put the new one in
//! place, as age's own `file_io.rs` and rage-keygen do.
//!
//! A symbolic link is followed: the file it points to is the one replaced
//! (temporary file, backup and rename beside it), so a bundle that links
//! to a USB stick or a synced folder stays a link. One writer at a time
//! holds a [`WriterLock`]; a save can also insist that the file is still
//! the one it read ([`Expect`]), so nothing written meanwhile is lost.

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Read, Seek, Write},
    path::{Path, PathBuf},
    time::{SystemTime, UNIX_EPOCH},
};

use sha2::{Digest, Sha256};

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
    /// Another run of the program is writing this file.
    Busy {
        /// The file.
        path: PathBuf,
        /// What the other run wrote about itself, when it could be read.
        holder: Option<Holder>,
    },
    /// The file changed on disk after it was read: saving now would throw
    /// that change away.
    ChangedMeanwhile(PathBuf),
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
            StoreError::Busy { path, holder } => {
                let file = path.display().to_string();
                match holder {
                    Some(holder) => fl!(
                        "err-file-busy",
                        file = file,
                        pid = holder.pid.to_string(),
                        minutes = holder.minutes_ago().to_string()
                    ),
                    None => fl!("err-file-busy-unknown", file = file),
                }
            }
            StoreError::ChangedMeanwhile(path) => {
                fl!("err-file-changed", file = path.display().to_string())
            }
        }
    }

    fn recovery(&self) -> Option<String> {
        match self {
            StoreError::Unrelated(_) => Some(fl!("rec-not-a-bundle")),
            StoreError::Busy { .. } => Some(fl!("rec-file-busy")),
            StoreError::ChangedMeanwhile(_) => Some(fl!("rec-file-changed")),
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

/// The file writes to `path` really go to: the target of a symbolic link
/// (followed through a chain of links, relative ones from the link's own
/// folder), or `path` itself. A link whose target does not exist yet
/// gives that target.
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // The same bound as Linux's own (ELOOP after 40 links).
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) => parent.join(target),
                    None => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many symbolic links",
        path.display()
    )))
}

/// The SHA-256 of a file's bytes as it was read: a save checks the file
/// still has it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    /// The fingerprint of `bytes`.
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint(Sha256::digest(bytes).into())
    }
}

/// What a save expects to find on disk before it replaces the file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Whatever is there (checked only by `is_ours`).
    Anything,
    /// No file: it did not exist when the program looked.
    Nothing,
    /// The file as it was read.
    Same(Fingerprint),
}

/// What a run holding the lock wrote about itself, for the message another
/// run shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// Its process id.
    pub pid: u32,
    /// When it took the lock, in seconds since 1970.
    pub since: u64,
}

impl Holder {
    fn now() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    /// Whole minutes since it took the lock.
    pub fn minutes_ago(&self) -> u64 {
        Self::now().saturating_sub(self.since) / 60
    }

    fn to_text(&self) -> String {
        format!("kapukulcs\npid {}\nsince {}\n", self.pid, self.since)
    }

    fn parse(text: &str) -> Option<Holder> {
        let mut pid = None;
        let mut since = None;
        for line in text.lines() {
            if let Some(value) = line.strip_prefix("pid ") {
                pid = value.trim().parse().ok();
            } else if let Some(value) = line.strip_prefix("since ") {
                since = value.trim().parse().ok();
            }
        }
        Some(Holder {
            pid: pid?,
            since: since?,
        })
    }
}

/// The right to write one file, held from opening it until the run ends: an
/// OS lock on `NAME.lock` beside the real file, which the OS releases when
/// the process ends in any way, so a crash never leaves a stale lock. The
/// lock file stays on disk (removing it would race with the next run);
/// it holds only the process id and start time.
pub struct WriterLock {
    _file: File,
    path: PathBuf,
}

impl std::fmt::Debug for WriterLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriterLock")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl WriterLock {
    /// The lock file for `path` (after following links).
    pub fn lock_path(path: &Path) -> io::Result<PathBuf> {
        let real = real_path(path)?;
        let mut name = real.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        Ok(real.with_file_name(name))
    }

    /// Takes the lock for writing `path`, or tells who holds it. Never
    /// waits: a person in another window should be told, not kept waiting.
    pub fn acquire(path: &Path) -> Result<WriterLock, StoreError> {
        let write_error = |error| StoreError::Write {
            path: path.to_path_buf(),
            error,
        };
        let lock_path = Self::lock_path(path).map_err(write_error)?;
        if let Some(dir) = lock_path.parent() {
            create_private_dir(dir).map_err(write_error)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&lock_path).map_err(write_error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                // On Windows the locked file cannot be read by others: the
                // message then does without the details.
                let mut text = String::new();
                let holder = file
                    .read_to_string(&mut text)
                    .ok()
                    .and_then(|_| Holder::parse(&text));
                return Err(StoreError::Busy {
                    path: path.to_path_buf(),
                    holder,
                });
            }
            Err(fs::TryLockError::Error(error)) => return Err(write_error(error)),
        }
        let holder = Holder {
            pid: std::process::id(),
            since: Holder::now(),
        };
        // Who holds it is a courtesy for the other run's message; failing
        // to write it does not stop this one.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(holder.to_text().as_bytes()))
            .and_then(|()| file.flush());
        Ok(WriterLock {
            _file: file,
            path: lock_path,
        })
    }
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
/// file is readable by its owner only. Returns the file really written
/// (the target, when `path` is a symbolic link).
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    is_ours: &dyn Fn(&[u8]) -> bool,
) -> Result<PathBuf, StoreError> {
    write_checked(path, bytes, is_ours, Expect::Anything)
}

/// [`write_atomic`], refusing to replace a file that is no longer what
/// `expect` says was read.
pub fn write_checked(
    path: &Path,
    bytes: &[u8],
    is_ours: &dyn Fn(&[u8]) -> bool,
    expect: Expect,
) -> Result<PathBuf, StoreError> {
    let write_error = |error| StoreError::Write {
        path: path.to_path_buf(),
        error,
    };
    let real = real_path(path).map_err(write_error)?;
    let path = real.as_path();
    let existing = starts_like(path, is_ours).map_err(write_error)?;
    if existing == Some(false) {
        return Err(StoreError::Unrelated(path.to_path_buf()));
    }
    let unchanged = match expect {
        Expect::Anything => true,
        Expect::Nothing => existing.is_none(),
        Expect::Same(fingerprint) => match read(path)? {
            Some(current) => Fingerprint::of(&current) == fingerprint,
            None => false,
        },
    };
    if !unchanged {
        return Err(StoreError::ChangedMeanwhile(path.to_path_buf()));
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
    Ok(real)
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

    #[test]
    fn a_second_writer_is_told_who_holds_the_lock_until_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mentes.age");
        let first = WriterLock::acquire(&path).unwrap();
        match WriterLock::acquire(&path) {
            Err(StoreError::Busy { path: busy, holder }) => {
                assert_eq!(busy, path);
                // Unix can read the holder's note; Windows cannot.
                #[cfg(unix)]
                assert_eq!(holder.unwrap().pid, std::process::id());
                #[cfg(not(unix))]
                let _ = holder;
            }
            other => panic!("a second writer got {other:?}"),
        }
        drop(first);
        WriterLock::acquire(&path).expect("the lock is free once dropped");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mentes.age");
        write_atomic(&path, b"OURS one", &ours).unwrap();
        let read = Fingerprint::of(&fs::read(&path).unwrap());
        // Something else saves meanwhile.
        write_atomic(&path, b"OURS other", &ours).unwrap();
        let error = write_checked(&path, b"OURS two", &ours, Expect::Same(read)).unwrap_err();
        assert!(
            matches!(error, StoreError::ChangedMeanwhile(_)),
            "{error:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"OURS other");
        // A file that appeared where there was none is not replaced either.
        let new = dir.path().join("uj.age");
        fs::write(&new, b"OURS someone else's").unwrap();
        let error = write_checked(&new, b"OURS mine", &ours, Expect::Nothing).unwrap_err();
        assert!(
            matches!(error, StoreError::ChangedMeanwhile(_)),
            "{error:?}"
        );
        // The file as read is replaced.
        let current = Fingerprint::of(&fs::read(&path).unwrap());
        write_checked(&path, b"OURS two", &ours, Expect::Same(current)).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"OURS two");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let stick = dir.path().join("pendrive");
        fs::create_dir(&stick).unwrap();
        let target = stick.join("mentes.age");
        write_atomic(&target, b"OURS one", &ours).unwrap();
        let link = dir.path().join("mentes.age");
        // A relative link, as `ln -s pendrive/mentes.age` makes.
        std::os::unix::fs::symlink("pendrive/mentes.age", &link).unwrap();
        let written = write_atomic(&link, b"OURS two", &ours).unwrap();
        assert_eq!(written, dir.path().join("pendrive/mentes.age"));
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"OURS two");
        // The backup and the lock are beside the target, not the link.
        assert_eq!(fs::read(backup_path(&target)).unwrap(), b"OURS one");
        assert!(!backup_path(&link).exists());
        assert_eq!(
            WriterLock::lock_path(&link).unwrap(),
            stick.join("mentes.age.lock")
        );
    }
}
