//! Files on disk that hold secrets: written so that no crash, full disk or
//! power cut can lose the previous version. Each write goes to a temporary
//! file in the same folder (created 0600), is flushed to disk, the old file
//! is kept as `NAME.bak`, and only then does a rename put the new one in
//! place, as age's own `file_io.rs` and rage-keygen do.
//!
//! A symbolic link is followed: the file it points to is the one replaced
//! (temporary file, backup and rename beside it), so a bundle that links
//! to a USB stick or a synced folder stays a link. One writer at a time
//! holds a [`WriterLock`]; its lock file is never followed through a link
//! nor shared with another file. A save can also insist that the file is
//! still the one it read ([`Expect`]): it looks before the write and again
//! right before the rename, so nothing written meanwhile is lost.
//!
//! Files that hold keys in the clear (the sheet, QR pictures, exports) are
//! written differently, by [`write_plaintext`]: never a backup (that would
//! be one more copy of the keys), and never over anything already there, so
//! a second run never replaces a sheet someone kept, nor an unrelated
//! `Mama.png`; the new file takes the next free name, `NAME (2).pdf`, and
//! the command says so.
//!
//! Every temporary (`.kapukulcs-XXXXXX.tmp`, and `.kapukulcs-XXXXXX.bak.tmp`
//! for the previous version on its way to `.bak`) is registered with
//! [`crate::interrupt`] while it exists, so Ctrl-C, SIGTERM, SIGHUP or a
//! closed console window removes it, and is locked by the run writing it.
//! What a `kill -9` leaves is swept by the next run that takes the lock
//! beside it ([`WriterLock::acquire`]): only names of that form, only plain
//! files, and only those no running program holds.

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Read, Seek, Write},
    path::{Path, PathBuf},
    time::{SystemTime, UNIX_EPOCH},
};

use sha2::{Digest, Sha256};

use crate::{fl, i18n::Explain, interrupt, platform};

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
    /// Writing a plaintext output failed; it never replaces a file, and
    /// its half-written temporary is removed.
    WritePlaintext {
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
    /// The lock file is not a plain file of its own (a symbolic link, a
    /// file with a second name, a folder): writing into it would change
    /// another file.
    LockNotPlain(PathBuf),
    /// The file changed on disk after it was read: saving now would throw
    /// that change away.
    ChangedMeanwhile(PathBuf),
    /// A plaintext output found its name and every numbered one taken.
    NoFreeName(PathBuf),
}

/// The message for a bundle another run is writing. With the other run's
/// note, its process id and age; without it, words that fit the platform:
/// on Windows the locked note cannot be read at all (the other run may be
/// in another window), elsewhere it is unread only in the moment after the
/// other run took the lock and before it wrote its note.
fn busy_message(file: &str, holder: Option<&Holder>, platform: &str) -> String {
    match holder {
        Some(holder) => fl!(
            "err-file-busy",
            file = file,
            pid = holder.pid.to_string(),
            // "0 perce" is not how anyone says it.
            when = if holder.minutes_ago() == 0 {
                "now"
            } else {
                "earlier"
            },
            minutes = holder.minutes_ago().to_string()
        ),
        None => fl!("err-file-busy-unknown", file = file, platform = platform),
    }
}

impl Explain for StoreError {
    fn message(&self) -> String {
        match self {
            StoreError::Read { path, error } => fl!(
                "err-file-read",
                file = path.display().to_string(),
                detail = crate::i18n::io_detail(error)
            ),
            StoreError::Write { path, error } => fl!(
                "err-file-write",
                file = path.display().to_string(),
                detail = crate::i18n::io_detail(error)
            ),
            StoreError::WritePlaintext { path, error } => fl!(
                "err-plaintext-write",
                file = path.display().to_string(),
                detail = crate::i18n::io_detail(error)
            ),
            StoreError::Unrelated(path) => {
                fl!("err-file-unrelated", file = path.display().to_string())
            }
            StoreError::Busy { path, holder } => {
                busy_message(&path.display().to_string(), holder.as_ref(), platform::KIND)
            }
            StoreError::LockNotPlain(path) => {
                fl!("err-lock-not-plain", file = path.display().to_string())
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
            StoreError::LockNotPlain(path) => {
                Some(fl!("rec-lock-not-plain", file = path.display().to_string()))
            }
            StoreError::ChangedMeanwhile(_) => Some(fl!("rec-file-changed")),
            StoreError::NoFreeName(_) => Some(fl!("rec-plaintext-no-free-name")),
            StoreError::Read { .. }
            | StoreError::Write { .. }
            | StoreError::WritePlaintext { .. } => None,
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

/// The backup a save of `path` keeps: beside the file really written, so
/// behind a link `stick/mentes.age.bak`, never `link.age.bak`. The save
/// itself names its backup with this, and so does every message about it.
pub fn backup_of(path: &Path) -> PathBuf {
    backup_path(&real_path(path).unwrap_or_else(|_| path.to_path_buf()))
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
        "{}: {}",
        path.display(),
        crate::fl!("io-too-many-links")
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

    /// Always the same length, so a new note is written over an old one
    /// without first cutting the file to nothing.
    fn to_text(&self) -> String {
        format!(
            "kapukulcs\npid {:>10}\nsince {:>20}\n",
            self.pid, self.since
        )
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

/// Opening options that never follow a symbolic link at the last name:
/// on Unix `O_NOFOLLOW` (a link gives `ELOOP`), with `O_NONBLOCK` and
/// `O_NOCTTY` so a fifo or a terminal planted under the name cannot stall
/// or adopt the run; on Windows `FILE_FLAG_OPEN_REPARSE_POINT` (the link
/// itself is opened, and then refused for not being a plain file).
fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY,
    );
    #[cfg(windows)]
    std::os::windows::fs::OpenOptionsExt::custom_flags(
        options,
        windows_sys::Win32::Storage::FileSystem::FILE_FLAG_OPEN_REPARSE_POINT,
    );
    options
}

/// Whether `path` still names the open `file` (not removed, not replaced
/// by another file since it was opened). A link under the name is not it.
fn still_named(file: &File, path: &Path) -> io::Result<bool> {
    let mut options = OpenOptions::new();
    // Opened only to be told which file it is; on Windows no access at
    // all is needed for that, and a lock does not stand in the way.
    #[cfg(windows)]
    std::os::windows::fs::OpenOptionsExt::access_mode(&mut options, 0);
    #[cfg(not(windows))]
    options.read(true);
    let named = match no_follow(&mut options).open(path) {
        Ok(named) => named,
        Err(_) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            return Ok(false);
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(error),
    };
    let (device, index, _) = platform::file_identity(file)?;
    let (named_device, named_index, _) = platform::file_identity(&named)?;
    Ok((device, index) == (named_device, named_index))
}

/// Whether an open file is a plain file of its own: not a link, a folder
/// or a device, no second name (a hard link would let a write reach
/// another file), and on Unix owned by this user.
fn is_plain_and_own(file: &File) -> io::Result<bool> {
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Ok(false);
    }
    let (_, _, links) = platform::file_identity(file)?;
    Ok(links == 1 && platform::is_own(&meta))
}

/// The right to write one file, held from opening it until the run ends: an
/// OS lock on `NAME.lock` beside the real file, which the OS releases when
/// the process ends in any way, so a crash never leaves a stale lock. The
/// lock file stays on disk while the bundle exists; it holds only the
/// process id and start time. A lock for a bundle that was never written
/// (a mistyped `--bundle`, a wizard left before its first save) leaves
/// nothing behind when it ends: the lock file and the folders made for it
/// go again.
pub struct WriterLock {
    /// Always there until the lock is dropped.
    file: Option<File>,
    path: PathBuf,
    /// The bundle the lock is for, after following links.
    bundle: PathBuf,
    /// The folders made to hold the lock file, outermost first.
    created: Vec<PathBuf>,
    swept: usize,
}

impl std::fmt::Debug for WriterLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriterLock")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// How often a lock is taken again when the lock file it locked was
/// removed meanwhile (by a run ending that never wrote its bundle).
const LOCK_TRIES: usize = 8;

impl WriterLock {
    /// The lock file for `path` (after following links).
    pub fn lock_path(path: &Path) -> io::Result<PathBuf> {
        Ok(lock_path_of(&real_path(path)?))
    }

    /// Takes the lock for writing `path`, or tells who holds it. Never
    /// waits: a person in another window should be told, not kept waiting.
    /// A lock file that is a link, has a second name or is not a plain file
    /// is refused, untouched. Once the lock is held, temporaries that
    /// killed runs left beside the file are removed, and the run says how
    /// many.
    pub fn acquire(path: &Path) -> Result<WriterLock, StoreError> {
        let write_error = |error| StoreError::Write {
            path: path.to_path_buf(),
            error,
        };
        let bundle = real_path(path).map_err(write_error)?;
        let lock_path = lock_path_of(&bundle);
        let dir = folder_of(&lock_path);
        let created = create_private_dirs(&dir).map_err(write_error)?;
        let mut file = match lock(&lock_path, path) {
            Ok(file) => file,
            Err(error) => {
                remove_empty(&created);
                return Err(error);
            }
        };
        // Only now, locked and known to be a plain file of its own, is the
        // note written over the old one. It is a courtesy for the other
        // run's message; failing to write it does not stop this one.
        let holder = Holder {
            pid: std::process::id(),
            since: Holder::now(),
        };
        let note = holder.to_text();
        let _ = file
            .rewind()
            .and_then(|()| file.write_all(note.as_bytes()))
            .and_then(|()| file.set_len(note.len() as u64))
            .and_then(|()| file.flush());
        let swept = sweep(&dir);
        if swept > 0 {
            // The lock is taken deep inside opening a bundle, where no
            // prompter reaches: the line goes to standard error, as the
            // terminal prompter's `say` would put it.
            eprintln!(
                "{}",
                fl!(
                    "info-swept-temporaries",
                    count = swept.to_string(),
                    folder = dir.display().to_string()
                )
            );
        }
        Ok(WriterLock {
            file: Some(file),
            path: lock_path,
            bundle,
            created,
            swept,
        })
    }

    /// How many abandoned temporaries were removed when the lock was taken.
    pub fn swept(&self) -> usize {
        self.swept
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        if fs::symlink_metadata(&self.bundle).is_ok() {
            return;
        }
        let Some(file) = self.file.take() else {
            return;
        };
        // Removed while still locked; a run that opened the old file
        // meanwhile sees that the name no longer leads to it and takes the
        // lock again (`lock`).
        if still_named(&file, &self.path).unwrap_or(false) {
            let _ = fs::remove_file(&self.path);
        }
        // Closed before its folders go: Windows removes a file still open
        // only once it is closed.
        drop(file);
        remove_empty(&self.created);
    }
}

fn lock_path_of(real: &Path) -> PathBuf {
    let mut name = real.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    real.with_file_name(name)
}

/// Opens the lock file without following a link, refuses it unless it is
/// a plain file of its own, and locks it. `asked` is the bundle as named.
fn lock(lock_path: &Path, asked: &Path) -> Result<File, StoreError> {
    let write_error = |error| StoreError::Write {
        path: asked.to_path_buf(),
        error,
    };
    let not_plain = || StoreError::LockNotPlain(lock_path.to_path_buf());
    for _ in 0..LOCK_TRIES {
        let mut options = OpenOptions::new();
        // Never truncated on opening: it may be another run's, or not ours.
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = match no_follow(&mut options).open(lock_path) {
            Ok(file) => file,
            Err(error) => {
                // A link (ELOOP), a folder (EISDIR) or anything else that
                // is there and is not a plain file.
                return Err(match fs::symlink_metadata(lock_path) {
                    Ok(meta) if !meta.file_type().is_file() => not_plain(),
                    _ => write_error(error),
                });
            }
        };
        if !is_plain_and_own(&file).map_err(write_error)? {
            return Err(not_plain());
        }
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
                    path: asked.to_path_buf(),
                    holder,
                });
            }
            Err(fs::TryLockError::Error(error)) => return Err(write_error(error)),
        }
        if still_named(&file, lock_path).map_err(write_error)? {
            return Ok(file);
        }
    }
    Err(StoreError::Busy {
        path: asked.to_path_buf(),
        holder: None,
    })
}

/// The start of every temporary's name.
const TEMP_PREFIX: &str = ".kapukulcs-";
/// The end of every temporary's name.
const TEMP_SUFFIX: &str = ".tmp";
/// How many random letters and digits `tempfile` puts between them.
const TEMP_RANDOM: usize = 6;
/// Between the random part and [`TEMP_SUFFIX`] in a staged backup.
const STAGED_BACKUP: &str = ".bak";

/// The random part of one of the program's temporary names, and whether
/// it is a staged backup: `.kapukulcs-XXXXXX.tmp` or
/// `.kapukulcs-XXXXXX.bak.tmp`, six ASCII letters or digits. Anything else
/// is not ours.
fn temporary_name(name: &str) -> Option<(&str, bool)> {
    let rest = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let (random, staged) = match rest.strip_suffix(STAGED_BACKUP) {
        Some(random) => (random, true),
        None => (rest, false),
    };
    (random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some((random, staged))
}

/// Removes the temporaries in `dir` that no running program holds and
/// returns how many. A temporary being written is locked by its writer and
/// left alone; a staged backup is left while its own temporary exists.
/// Only plain files with the program's own names are touched, and links
/// are never followed.
fn sweep(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut temporaries = Vec::new();
    let mut staged = Vec::new();
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        match temporary_name(&name) {
            Some((random, true)) => staged.push((name.clone(), random.to_owned())),
            Some((_, false)) => temporaries.push(name),
            None => {}
        }
    }
    let mut removed = 0;
    for name in temporaries {
        if remove_abandoned(&dir.join(name)) {
            removed += 1;
        }
    }
    for (name, random) in staged {
        let own = dir.join(format!("{TEMP_PREFIX}{random}{TEMP_SUFFIX}"));
        let path = dir.join(name);
        let plain = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if plain && fs::symlink_metadata(&own).is_err() && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Removes the temporary at `path` when it is a plain file that no
/// running program holds locked.
fn remove_abandoned(path: &Path) -> bool {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file()) {
        return false;
    }
    let Ok(file) = no_follow(OpenOptions::new().read(true)).open(path) else {
        return false;
    };
    if file.try_lock().is_err() || !still_named(&file, path).unwrap_or(false) {
        return false;
    }
    // Unlocked before it goes: Windows removes a file only once no one
    // holds it.
    drop(file);
    fs::remove_file(path).is_ok()
}

/// A new temporary in `dir`, registered with [`interrupt`] and locked (so
/// a sweep leaves it alone) before anything is written to it. `tempfile`
/// creates it 0600 on Unix, before any byte is written.
fn new_temporary(dir: &Path) -> io::Result<(tempfile::NamedTempFile, interrupt::Tracked)> {
    interrupt::track(
        || {
            let temp = tempfile::Builder::new()
                .prefix(TEMP_PREFIX)
                .suffix(TEMP_SUFFIX)
                .rand_bytes(TEMP_RANDOM)
                .tempfile_in(dir)?;
            temp.as_file().try_lock().map_err(io::Error::from)?;
            Ok(temp)
        },
        |temp| temp.path(),
    )
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
    create_private_dirs(dir).map(drop)
}

/// [`create_private_dir`], returning the folders it made, outermost first.
fn create_private_dirs(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut missing = Vec::new();
    let mut current = dir;
    while !current.as_os_str().is_empty() && !current.exists() {
        missing.push(current.to_path_buf());
        match current.parent() {
            Some(parent) => current = parent,
            None => break,
        }
    }
    if missing.is_empty() {
        return Ok(missing);
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    missing.reverse();
    Ok(missing)
}

/// Removes the folders [`create_private_dirs`] made, innermost first, as
/// long as they are empty.
fn remove_empty(created: &[PathBuf]) {
    for dir in created.iter().rev() {
        if fs::remove_dir(dir).is_err() {
            break;
        }
    }
}

/// Makes a hard link: the backup's first choice.
fn hard_link(from: &Path, to: &Path) -> io::Result<()> {
    fs::hard_link(from, to)
}

/// A staged backup: the previous version under a temporary name, on its
/// way to `.bak`. Its name is removed when it is dropped, also after the
/// rename to `.bak`: when `.bak` already is another name of the same file
/// (a save stopped right after its backup), `rename` does nothing at all,
/// as POSIX says, and the staged name would stay.
struct Staged {
    path: PathBuf,
    _tracked: interrupt::Tracked,
}

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Stages the current `path` beside `temp` for `.bak`: a hard link where
/// the file system allows (`link`), a copy otherwise (FAT32 USB sticks).
fn stage_backup(
    path: &Path,
    temp: &Path,
    link: &dyn Fn(&Path, &Path) -> io::Result<()>,
) -> io::Result<Staged> {
    let name = temp.file_name().unwrap_or_default().to_string_lossy();
    let random = temporary_name(&name).map_or("", |(random, _)| random);
    let staged = temp.with_file_name(format!("{TEMP_PREFIX}{random}{STAGED_BACKUP}{TEMP_SUFFIX}"));
    let (path_staged, tracked) = interrupt::track(
        || {
            if link(path, &staged).is_err() {
                fs::copy(path, &staged)?;
            }
            Ok(staged.clone())
        },
        |staged| staged.as_path(),
    )?;
    Ok(Staged {
        path: path_staged,
        _tracked: tracked,
    })
}

fn sync_dir(dir: &Path) {
    // Makes the rename itself durable. Not every platform can open a folder;
    // the data was synced already, so a failure here loses nothing.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// What a file's metadata says about it, to notice a change without
/// reading it again: which file it is, its length and modification time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Stamp {
    file: (u64, u64),
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let file = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        // Windows' file index is not in std's metadata; the length and
        // time still change when another file is renamed over this one.
        #[cfg(not(unix))]
        let file = (0, 0);
        Stamp {
            file,
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }
}

/// Whether the file at `path` is what `expect` says was read. For
/// [`Expect::Same`] it is read again whole; the stamp it had, unchanged
/// from before the read to after it, comes back for the last look before
/// the rename.
fn as_expected(path: &Path, expect: Expect) -> io::Result<(bool, Option<Stamp>)> {
    match expect {
        Expect::Anything => Ok((true, None)),
        Expect::Nothing => match fs::symlink_metadata(path) {
            Ok(_) => Ok((false, None)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok((true, None)),
            Err(error) => Err(error),
        },
        Expect::Same(fingerprint) => {
            let mut file = match File::open(path) {
                Ok(file) => file,
                Err(error) if error.kind() == io::ErrorKind::NotFound => {
                    return Ok((false, None));
                }
                Err(error) => return Err(error),
            };
            let before = Stamp::of(&file.metadata()?);
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes)?;
            let after = Stamp::of(&file.metadata()?);
            let same = before == after && Fingerprint::of(&bytes) == fingerprint;
            Ok((same, Some(before)))
        }
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
///
/// The file is looked at three times: before the new version is written
/// (so a run that is behind is told at once), read again whole once it is
/// written and flushed (the write of a large bundle takes seconds), and,
/// after the backup is in place, its identity, length and time compared
/// with that last read right before the rename. What remains is the moment
/// between that last look and the rename, two system calls; and a program
/// that rewrites the file in place, to the same length, within the same
/// tick of the file system's clock as the read, is not told from the file
/// as read.
pub fn write_checked(
    path: &Path,
    bytes: &[u8],
    is_ours: &dyn Fn(&[u8]) -> bool,
    expect: Expect,
) -> Result<PathBuf, StoreError> {
    write_checked_with(path, bytes, is_ours, expect, &hard_link, &mut |_| {})
}

/// The moments of a save a test can step into, to change the file from
/// outside exactly then.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Moment {
    /// The new version is in its temporary file, flushed.
    Written,
    /// The file was read again and the backup is in place: only the last
    /// look and the rename are left.
    BackedUp,
}

/// [`write_checked`] with its seams: `link` makes the backup's hard link
/// (a file system without them fails it), and `meanwhile` is called at
/// each [`Moment`].
fn write_checked_with(
    path: &Path,
    bytes: &[u8],
    is_ours: &dyn Fn(&[u8]) -> bool,
    expect: Expect,
    link: &dyn Fn(&Path, &Path) -> io::Result<()>,
    meanwhile: &mut dyn FnMut(Moment),
) -> Result<PathBuf, StoreError> {
    let write_error = |error| StoreError::Write {
        path: path.to_path_buf(),
        error,
    };
    let real = real_path(path).map_err(write_error)?;
    let path = real.as_path();
    let read_error = |error| StoreError::Read {
        path: path.to_path_buf(),
        error,
    };
    let changed = || StoreError::ChangedMeanwhile(path.to_path_buf());
    let existing = starts_like(path, is_ours).map_err(write_error)?;
    if existing == Some(false) {
        return Err(StoreError::Unrelated(path.to_path_buf()));
    }
    if !as_expected(path, expect).map_err(read_error)?.0 {
        return Err(changed());
    }
    let dir = folder_of(path);
    create_private_dir(&dir).map_err(write_error)?;
    let (temp, tracked) = new_temporary(&dir).map_err(write_error)?;
    // `temp` is consumed (renamed into place, or removed) before the
    // registration ends.
    let written = replace(
        temp,
        path,
        bytes,
        existing.is_some(),
        expect,
        link,
        meanwhile,
    );
    drop(tracked);
    written?;
    sync_dir(&dir);
    Ok(real)
}

/// The rest of [`write_checked_with`], from the new temporary on.
fn replace(
    mut temp: tempfile::NamedTempFile,
    path: &Path,
    bytes: &[u8],
    existed: bool,
    expect: Expect,
    link: &dyn Fn(&Path, &Path) -> io::Result<()>,
    meanwhile: &mut dyn FnMut(Moment),
) -> Result<(), StoreError> {
    let write_error = |error| StoreError::Write {
        path: path.to_path_buf(),
        error,
    };
    let changed = || StoreError::ChangedMeanwhile(path.to_path_buf());
    temp.write_all(bytes).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    meanwhile(Moment::Written);
    let (still, stamp) = as_expected(path, expect).map_err(|error| StoreError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    if !still {
        return Err(changed());
    }
    let staged = if existed {
        let staged = stage_backup(path, temp.path(), link).map_err(write_error)?;
        fs::rename(&staged.path, backup_path(path)).map_err(write_error)?;
        Some(staged)
    } else {
        None
    };
    meanwhile(Moment::BackedUp);
    // The last look: cheap, so the rename follows at once.
    let unchanged = match stamp {
        Some(stamp) => fs::metadata(path).is_ok_and(|meta| Stamp::of(&meta) == stamp),
        None => true,
    };
    if !unchanged {
        return Err(changed());
    }
    let placed = if expect == Expect::Nothing {
        // Fails when a file appeared after all, instead of replacing it.
        temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                changed()
            } else {
                write_error(e.error)
            }
        })
    } else {
        temp.persist(path).map_err(|e| write_error(e.error))
    };
    drop(staged);
    placed.map(drop)
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
/// created, private, when missing. A Ctrl-C, SIGTERM or SIGHUP meanwhile
/// removes the temporary file; any other failure removes it too.
pub fn write_plaintext(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let write_error = |error| StoreError::WritePlaintext {
        path: path.to_path_buf(),
        error,
    };
    let dir = folder_of(path);
    create_private_dir(&dir).map_err(write_error)?;
    let (temp, tracked) = new_temporary(&dir).map_err(write_error)?;
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
    let write_error = |error| StoreError::WritePlaintext {
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
                return Err(StoreError::WritePlaintext {
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

    /// Issue 18: a run that started less than a minute ago started "just
    /// now", not "0 minutes ago".
    #[test]
    fn a_run_that_just_started_is_said_to_have_started_just_now() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let just = Holder {
            pid: 42,
            since: now,
        };
        let said = busy_message("mentes.age", Some(&just), "unix");
        assert!(said.contains("az imént indult"), "{said}");
        assert!(!said.contains("0 perce"), "{said}");
        let earlier = Holder {
            pid: 42,
            since: now - 5 * 60 - 10,
        };
        let said = busy_message("mentes.age", Some(&earlier), "unix");
        assert!(said.contains("5 perce indult"), "{said}");
    }

    /// Issue 18: the system's error is told in Hungarian words, not as
    /// `No such file or directory (os error 2)`.
    #[test]
    fn a_file_error_is_told_in_words() {
        let error = StoreError::Read {
            path: PathBuf::from("mentes.age"),
            error: io::Error::from(io::ErrorKind::NotFound),
        };
        let said = error.message();
        assert!(said.contains("nincs ilyen fájl vagy mappa"), "{said}");
        #[cfg(unix)]
        {
            let error = StoreError::Write {
                path: PathBuf::from("mentes.age"),
                error: io::Error::from_raw_os_error(libc::EACCES),
            };
            let said = error.message();
            assert!(!said.contains("os error"), "{said}");
            assert!(!said.contains("Permission denied"), "{said}");
        }
    }

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

    /// Issue 17, item 8: another program's change that lands while the
    /// new version is written, or after the backup, is kept and the save
    /// refused, at each moment a save can be stepped into.
    #[test]
    fn a_change_landing_during_the_save_is_kept_and_the_save_refused() {
        for (moment, how) in [
            (Moment::Written, "in place"),
            (Moment::Written, "renamed over"),
            (Moment::BackedUp, "renamed over"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("mentes.age");
            write_atomic(&path, b"OURS one", &ours).unwrap();
            let read = Fingerprint::of(&fs::read(&path).unwrap());
            let mut change = |now: Moment| {
                if now != moment {
                    return;
                }
                if how == "in place" {
                    fs::write(&path, b"OURS someone else's").unwrap();
                } else {
                    let other = dir.path().join("szinkron.tmp");
                    fs::write(&other, b"OURS someone else's").unwrap();
                    fs::rename(&other, &path).unwrap();
                }
            };
            let error = write_checked_with(
                &path,
                b"OURS two",
                &ours,
                Expect::Same(read),
                &hard_link,
                &mut change,
            )
            .unwrap_err();
            assert!(
                matches!(&error, StoreError::ChangedMeanwhile(p) if *p == path),
                "{moment:?}, {how}: {error:?}"
            );
            assert_eq!(
                fs::read(&path).unwrap(),
                b"OURS someone else's",
                "{moment:?}, {how}"
            );
            assert_eq!(
                names_in(dir.path()).len(),
                2 - usize::from(moment == Moment::Written),
                "{moment:?}, {how}: {:?}",
                names_in(dir.path())
            );
        }
        // A bundle that appeared where there was none, just before the rename.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uj.age");
        let error = write_checked_with(
            &path,
            b"OURS mine",
            &ours,
            Expect::Nothing,
            &hard_link,
            &mut |now| {
                if now == Moment::BackedUp {
                    fs::write(&path, b"OURS someone else's").unwrap();
                }
            },
        )
        .unwrap_err();
        assert!(
            matches!(error, StoreError::ChangedMeanwhile(_)),
            "{error:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"OURS someone else's");
        assert_eq!(names_in(dir.path()), ["uj.age"]);
    }

    /// `docs/security.md`: where the file system has no hard links (FAT32
    /// USB sticks), the backup is a copy, whole and private.
    #[test]
    fn without_hard_links_the_backup_is_a_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mentes.age");
        write_atomic(&path, b"OURS one", &ours).unwrap();
        let no_links = |_: &Path, _: &Path| -> io::Result<()> {
            Err(io::Error::from(io::ErrorKind::Unsupported))
        };
        write_checked_with(
            &path,
            b"OURS two",
            &ours,
            Expect::Anything,
            &no_links,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"OURS two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"OURS one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let backup = fs::metadata(backup_path(&path)).unwrap();
            assert_eq!(backup.nlink(), 1, "a copy, not a second name");
            assert_eq!(backup.permissions().mode() & 0o777, 0o600);
        }
        assert_eq!(names_in(dir.path()), ["mentes.age", "mentes.age.bak"]);
    }

    /// Issue 17, item 10: the message for a bundle in use names "another
    /// window" only on Windows, where the other run's note cannot be read;
    /// elsewhere it is unread only while the other run is starting.
    #[test]
    fn the_busy_message_fits_the_platform() {
        let windows = busy_message("mentes.age", None, "windows");
        assert!(windows.contains("talán egy másik ablakban"), "{windows}");
        for platform in ["other", "macos"] {
            let unix = busy_message("mentes.age", None, platform);
            assert!(!unix.contains("ablak"), "{unix}");
            assert!(unix.contains("épp most indult el"), "{unix}");
        }
        let holder = Holder {
            pid: 4242,
            since: Holder::now(),
        };
        let known = busy_message("mentes.age", Some(&holder), "windows");
        assert!(
            known.contains("4242") && !known.contains("ablak"),
            "{known}"
        );
        // What this build says is the one for its platform.
        let busy = StoreError::Busy {
            path: PathBuf::from("mentes.age"),
            holder: None,
        };
        assert_eq!(
            busy.message().contains("ablak"),
            cfg!(windows),
            "{}",
            busy.message()
        );
    }

    #[test]
    fn a_lock_for_a_bundle_never_written_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("uj/mappa/mentes.age");
        let lock = WriterLock::acquire(&path).unwrap();
        assert!(dir.path().join("uj/mappa/mentes.age.lock").is_file());
        drop(lock);
        assert_eq!(names_in(dir.path()), Vec::<String>::new());
        // Once the bundle exists, the lock file stays beside it.
        let lock = WriterLock::acquire(&path).unwrap();
        write_atomic(&path, b"OURS one", &ours).unwrap();
        drop(lock);
        assert_eq!(
            names_in(&dir.path().join("uj/mappa")),
            ["mentes.age", "mentes.age.lock"]
        );
        // A note written over an older one, never cut first.
        let lock = WriterLock::acquire(&path).unwrap();
        let note = fs::read_to_string(dir.path().join("uj/mappa/mentes.age.lock")).unwrap();
        assert_eq!(Holder::parse(&note).unwrap().pid, std::process::id());
        assert_eq!(lock.swept(), 0);
    }

    #[test]
    fn only_the_programs_own_temporary_names_are_its_own() {
        for name in [".kapukulcs-Ab12Cd.tmp", ".kapukulcs-zzzzzz.bak.tmp"] {
            assert!(temporary_name(name).is_some(), "{name}");
        }
        for name in [
            ".kapukulcs-Ab12C.tmp",
            ".kapukulcs-Ab12Cd7.tmp",
            ".kapukulcs-Ab12C-.tmp",
            ".kapukulcs-Ab12Cd.tmp.txt",
            "kapukulcs-Ab12Cd.tmp",
            ".kapukulcs-Ab12Cd.bak",
            ".kapukulcs-jegyzet.txt",
            "mentes.age.bak",
        ] {
            assert!(temporary_name(name).is_none(), "{name}");
        }
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
