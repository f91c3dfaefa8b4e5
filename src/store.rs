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
//!
//! Files that hold keys in the clear (the sheet, QR pictures, exports) are
//! written differently, by [`write_plaintext`]: never a backup (that would
//! be one more copy of the keys), and never over anything already there, so
//! a second run never replaces a sheet someone kept, nor an unrelated
//! `Mama.png`; the new file takes the next free name, `NAME (2).pdf`, and
//! the command says so. A Ctrl-C during the write removes the temporary
//! file ([`crate::interrupt`]).

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Read, Seek, Write},
    path::{Path, PathBuf},
    time::{SystemTime, UNIX_EPOCH},
};

use sha2::{Digest, Sha256};

use crate::{fl, i18n::Explain, interrupt};

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
    /// A plaintext output found its name and every numbered one taken.
    NoFreeName(PathBuf),
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
            StoreError::NoFreeName(path) => {
                fl!(
                    "err-plaintext-no-free-name",
                    file = path.display().to_string()
                )
            }
        }
    }

    fn recovery(&self) -> Option<String> {
        match self {
            StoreError::Unrelated(_) => Some(fl!("rec-not-a-bundle")),
            StoreError::Busy { .. } => Some(fl!("rec-file-busy")),
            StoreError::ChangedMeanwhile(_) => Some(fl!("rec-file-changed")),
            StoreError::NoFreeName(_) => Some(fl!("rec-plaintext-no-free-name")),
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

/// How many names a plaintext output tries: `NAME.EXT`, then `NAME (2).EXT`
/// up to `NAME (99).EXT`.
const FRESH_NAMES: u32 = 99;

/// `path` itself for `number` 1, otherwise `NAME (number).EXT` beside it,
/// as file managers and browsers name a second copy.
pub fn numbered(path: &Path, number: u32) -> PathBuf {
    if number <= 1 {
        return path.to_path_buf();
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    // A leading dot is part of the name (`.rejtett`), not an extension.
    let numbered = match name.rfind('.').filter(|&dot| dot > 0) {
        Some(dot) => format!("{} ({number}){}", &name[..dot], &name[dot..]),
        None => format!("{name} ({number})"),
    };
    path.with_file_name(numbered)
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes a file that holds keys in the clear (the sheet, a QR picture, an
/// export) and returns where it went. The bytes go to a temporary file
/// beside the target, created 0600 and flushed to disk, which is then
/// given the name without replacing anything (`persist_noclobber`: a
/// rename that fails when the name exists, even as a link or a folder).
/// When `path` is taken, the next free numbered name is used
/// ([`numbered`]); nothing is ever backed up or overwritten. The folder is
/// created, private, when missing. A Ctrl-C meanwhile removes the
/// temporary file; any other failure removes it too.
pub fn write_plaintext(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let write_error = |error| StoreError::Write {
        path: path.to_path_buf(),
        error,
    };
    let dir = folder_of(path);
    create_private_dir(&dir).map_err(write_error)?;
    // tempfile creates the file 0600 on Unix, before any byte is written.
    let (temp, tracked) = interrupt::track(
        || {
            tempfile::Builder::new()
                .prefix(".kapukulcs-")
                .suffix(".tmp")
                .tempfile_in(&dir)
        },
        |temp| temp.path(),
    )
    .map_err(write_error)?;
    // `temp` is consumed (renamed into place, or removed) before the
    // registration ends.
    let written = place_plaintext(temp, path, bytes);
    drop(tracked);
    let written = written?;
    sync_dir(&dir);
    Ok(written)
}

fn place_plaintext(
    mut temp: tempfile::NamedTempFile,
    path: &Path,
    bytes: &[u8],
) -> Result<PathBuf, StoreError> {
    let write_error = |error| StoreError::Write {
        path: path.to_path_buf(),
        error,
    };
    temp.write_all(bytes).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    for number in 1..=FRESH_NAMES {
        let candidate = numbered(path, number);
        match temp.persist_noclobber(&candidate) {
            Ok(_) => return Ok(candidate),
            Err(error) if error.error.kind() == io::ErrorKind::AlreadyExists => temp = error.file,
            Err(error) => {
                return Err(StoreError::Write {
                    path: candidate,
                    error: error.error,
                });
            }
        }
    }
    Err(StoreError::NoFreeName(path.to_path_buf()))
}

/// The line telling the user that a plaintext output went to `written`
/// because `asked` was taken; `None` when it went where asked.
pub fn renamed_note(asked: &Path, written: &Path) -> Option<String> {
    (asked != written).then(|| {
        fl!(
            "info-plaintext-renamed",
            taken = asked.display().to_string(),
            file = written.display().to_string()
        )
    })
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

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn numbered_names_keep_the_extension() {
        let path = Path::new("lapok/kapukulcs-helyreallito-lap.pdf");
        assert_eq!(numbered(path, 1), path);
        assert_eq!(
            numbered(path, 2),
            Path::new("lapok/kapukulcs-helyreallito-lap (2).pdf")
        );
        assert_eq!(numbered(Path::new("lista"), 3), Path::new("lista (3)"));
        assert_eq!(
            numbered(Path::new(".rejtett"), 2),
            Path::new(".rejtett (2)")
        );
    }

    #[test]
    fn a_plaintext_file_never_replaces_anything_and_keeps_no_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lap.pdf");
        assert_eq!(write_plaintext(&path, b"%PDF one").unwrap(), path);
        let second = write_plaintext(&path, b"%PDF two").unwrap();
        assert_eq!(second, dir.path().join("lap (2).pdf"));
        assert_eq!(
            renamed_note(&path, &second).unwrap(),
            fl!(
                "info-plaintext-renamed",
                taken = path.display().to_string(),
                file = second.display().to_string()
            )
        );
        assert!(renamed_note(&path, &path).is_none());
        let third = write_plaintext(&path, b"%PDF three").unwrap();
        assert_eq!(third, dir.path().join("lap (3).pdf"));
        assert_eq!(fs::read(&path).unwrap(), b"%PDF one");
        assert_eq!(fs::read(&second).unwrap(), b"%PDF two");
        assert_eq!(fs::read(&third).unwrap(), b"%PDF three");
        // No backup and no temporary left behind.
        assert_eq!(
            names_in(dir.path()),
            ["lap (2).pdf", "lap (3).pdf", "lap.pdf"]
        );
        #[cfg(unix)]
        for file in [&path, &second, &third] {
            let mode = fs::metadata(file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }

    #[test]
    fn a_plaintext_file_beside_an_unrelated_one_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uj/Mama.png");
        fs::create_dir(dir.path().join("uj")).unwrap();
        fs::write(&path, b"\x89PNG nyaralas").unwrap();
        let written = write_plaintext(&path, b"\x89PNG kulcs").unwrap();
        assert_eq!(written, dir.path().join("uj/Mama (2).png"));
        assert_eq!(fs::read(&path).unwrap(), b"\x89PNG nyaralas");
        // A folder of the same name is not replaced either.
        let folder = dir.path().join("lista.txt");
        fs::create_dir(&folder).unwrap();
        let written = write_plaintext(&folder, b"otpauth://").unwrap();
        assert_eq!(written, dir.path().join("lista (2).txt"));
    }

    #[cfg(unix)]
    #[test]
    fn a_plaintext_file_is_not_written_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("masik.txt");
        fs::write(&elsewhere, b"Kedves Mama!").unwrap();
        let link = dir.path().join("lap.pdf");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        // A link to nowhere counts as taken as well.
        let dangling = dir.path().join("kep.png");
        std::os::unix::fs::symlink(dir.path().join("nincs"), &dangling).unwrap();
        assert_eq!(
            write_plaintext(&link, b"%PDF").unwrap(),
            dir.path().join("lap (2).pdf")
        );
        assert_eq!(
            write_plaintext(&dangling, b"PNG").unwrap(),
            dir.path().join("kep (2).png")
        );
        assert_eq!(fs::read(&elsewhere).unwrap(), b"Kedves Mama!");
        assert!(!dir.path().join("nincs").exists());
    }

    #[test]
    fn when_every_name_is_taken_the_write_is_refused_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.png");
        for number in 1..=FRESH_NAMES {
            fs::write(numbered(&path, number), b"taken").unwrap();
        }
        let error = write_plaintext(&path, b"PNG").unwrap_err();
        assert!(matches!(&error, StoreError::NoFreeName(p) if *p == path));
        assert_eq!(names_in(dir.path()).len(), FRESH_NAMES as usize);
    }
}
