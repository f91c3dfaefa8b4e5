//! What Ctrl-C does while a plaintext file is being written. A sheet, a QR
//! picture or an export is first written to a temporary file beside its
//! target; `tempfile` removes that file when it is dropped, but SIGINT ends
//! the process without running destructors, so a half-written copy of the
//! keys would stay on disk under a hidden name. Each such temporary is
//! registered here while it exists; the first registration installs a
//! Ctrl-C handler (the `ctrlc` crate runs it on a thread of its own, not in
//! the signal handler, so it may remove files) that removes every
//! registered file and then ends the process as Ctrl-C would have.
//!
//! The same handler clears the screen and its scrollback when Ctrl-C lands
//! while keys or codes are shown ([`ShowingSecrets`]): `visszaallitas` and
//! `ellenorzes --live` would otherwise leave them to be scrolled back to.

use std::{
    fs,
    io::{self, IsTerminal, Write},
    path::{Path, PathBuf},
    sync::{
        Mutex, MutexGuard, Once, PoisonError,
        atomic::{AtomicUsize, Ordering},
    },
};

use crate::prompter::CLEAR_SCREEN;

/// The temporaries that exist right now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();
/// How many screens showing secrets are open (they may nest).
static SHOWING: AtomicUsize = AtomicUsize::new(0);

fn install() {
    INSTALL.call_once(|| {
        // Without a handler (one was installed by someone else) Ctrl-C
        // behaves as before; the program itself still works.
        let _ = ctrlc::set_handler(on_interrupt);
    });
}

/// While this lives, keys or codes are on the screen: a Ctrl-C clears the
/// screen and the scrollback before the run ends.
pub struct ShowingSecrets(());

impl ShowingSecrets {
    /// Marks the start of a screen that shows keys or codes.
    pub fn start() -> ShowingSecrets {
        install();
        SHOWING.fetch_add(1, Ordering::SeqCst);
        ShowingSecrets(())
    }
}

impl Drop for ShowingSecrets {
    fn drop(&mut self) {
        SHOWING.fetch_sub(1, Ordering::SeqCst);
    }
}

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A registered temporary: while it lives, Ctrl-C removes the file;
/// dropping it (once the file was renamed into place or removed) takes the
/// name off the list.
pub struct Tracked {
    path: PathBuf,
}

impl Drop for Tracked {
    fn drop(&mut self) {
        let mut pending = pending();
        if let Some(index) = pending.iter().position(|p| *p == self.path) {
            pending.swap_remove(index);
        }
    }
}

/// Runs `create` (which makes a temporary file and returns it) and
/// registers the file `path_of` names, both under the list's lock: a
/// Ctrl-C in between waits for the registration, so no temporary is
/// created unseen.
pub fn track<T>(
    create: impl FnOnce() -> io::Result<T>,
    path_of: impl FnOnce(&T) -> &Path,
) -> io::Result<(T, Tracked)> {
    install();
    let mut pending = pending();
    let made = create()?;
    let path = path_of(&made).to_path_buf();
    pending.push(path.clone());
    Ok((made, Tracked { path }))
}

/// The handler: clears a screen showing secrets, removes the registered
/// files while holding the lock (so nothing new is registered meanwhile),
/// then ends the process.
fn on_interrupt() {
    if SHOWING.load(Ordering::SeqCst) > 0 {
        // Whichever stream is the terminal; a file gets no escape codes.
        let terminal: Option<Box<dyn Write>> = if io::stderr().is_terminal() {
            Some(Box::new(io::stderr()))
        } else if io::stdout().is_terminal() {
            Some(Box::new(io::stdout()))
        } else {
            None
        };
        if let Some(mut terminal) = terminal {
            let _ = terminal.write_all(CLEAR_SCREEN.as_bytes());
            let _ = terminal.flush();
        }
    }
    let pending = pending();
    for path in pending.iter() {
        let _ = fs::remove_file(path);
    }
    end_as_interrupted();
}

/// Ends the process the way Ctrl-C would have: on Unix by SIGINT itself,
/// so a shell running a script sees that the user interrupted it.
fn end_as_interrupted() -> ! {
    #[cfg(unix)]
    // SAFETY: resetting a signal to its default and raising it have no
    // memory-safety requirements.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    #[cfg(unix)]
    std::thread::sleep(std::time::Duration::from_secs(1));
    // Windows' own exit status for a console Ctrl-C (STATUS_CONTROL_C_EXIT);
    // on Unix only reached if the signal did not end the process.
    #[cfg(windows)]
    std::process::exit(0xC000_013A_u32 as i32);
    #[cfg(not(windows))]
    std::process::exit(130);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_is_listed_while_it_lives() {
        let dir = tempfile::tempdir().unwrap();
        let (file, tracked) = track(
            || tempfile::NamedTempFile::new_in(dir.path()),
            |file| file.path(),
        )
        .unwrap();
        assert!(pending().iter().any(|p| p == file.path()));
        let path = file.path().to_path_buf();
        drop(tracked);
        assert!(!pending().contains(&path));
    }
}
