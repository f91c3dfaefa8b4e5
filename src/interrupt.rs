//! What happens when the run is ended from outside while a temporary file
//! exists: Ctrl-C (SIGINT), SIGTERM, SIGHUP (the terminal was closed), or
//! on Windows Ctrl-C, Ctrl-Break and the console window being closed, the
//! user logging off or the system shutting down. A sheet, a QR picture, an
//! export or the bundle is first written to a temporary file beside its
//! target; `tempfile` removes that file when it is dropped, but a signal
//! ends the process without running destructors, so a half-written copy of
//! the keys (or of the encrypted bundle) would stay on disk under a hidden
//! name. Each such temporary is registered here while it exists; the first
//! registration installs the handlers, which remove every registered file
//! and then end the process as the signal would have.
//!
//! On Unix the signal handler only writes the signal's number to a pipe
//! (all a handler may safely do); a thread of its own reads it and does the
//! work. On Windows the `ctrlc` crate handles Ctrl-C and Ctrl-Break the
//! same way; the console's close, logoff and shutdown events end the
//! process as soon as a handler returns, so a handler of our own does the
//! work for those before it returns.
//!
//! The same handler clears the screen and its scrollback when the run ends
//! while keys or codes are shown ([`ShowingSecrets`]): `visszaallitas` and
//! `ellenorzes --live` would otherwise leave them to be scrolled back to.
//! Last, it says what was saved and where the next run continues
//! ([`set_farewell`]), so a run ended by Ctrl-C does not end in silence.

// Signal handlers and the Windows console control handler are installed
// through system calls; each unsafe block says why it is sound.
#![allow(unsafe_code)]

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
/// What to say when the run is ended now.
static FAREWELL: Mutex<Option<String>> = Mutex::new(None);

/// Sets what a run ended now (Ctrl-C, SIGTERM, the window closed) says
/// last: what was saved and that the next run continues from there. A flow
/// replaces it as it goes; `None` says nothing. Installs the handlers, so
/// a signal that comes before any file is written still gets the words.
pub fn set_farewell(text: Option<String>) {
    install();
    *FAREWELL.lock().unwrap_or_else(PoisonError::into_inner) = text;
}

/// What [`set_farewell`] last set: the error report of a Ctrl-C pressed at
/// a question (which ends the run as an error, not a signal) says it too.
pub fn farewell() -> Option<String> {
    FAREWELL
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

fn install() {
    INSTALL.call_once(|| {
        // Without handlers (the system refused them) a signal behaves as
        // before; the program itself still works.
        #[cfg(unix)]
        let _ = unix::install(|signal| {
            clean_up_now();
            unix::end_by(signal)
        });
        #[cfg(windows)]
        windows::install();
    });
}

/// While this lives, keys or codes are on the screen: a Ctrl-C (or
/// SIGTERM, SIGHUP) clears the screen and the scrollback before the run
/// ends.
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

/// A registered temporary: while it lives, an ending signal removes the
/// file; dropping it (once the file was renamed into place or removed)
/// takes the name off the list.
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
/// signal in between waits for the registration, so no temporary is
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

/// What the handlers do before the run ends: clear the screen when it
/// shows secrets, and remove the registered files while holding the list's
/// lock, which is kept until the process is gone (so nothing new is
/// registered meanwhile).
fn clean_up_now() {
    let mut terminal: Option<Box<dyn Write>> = if io::stderr().is_terminal() {
        // Whichever stream is the terminal; a file gets no escape codes.
        Some(Box::new(io::stderr()))
    } else if io::stdout().is_terminal() {
        Some(Box::new(io::stdout()))
    } else {
        None
    };
    let showing = SHOWING.load(Ordering::SeqCst) > 0;
    let farewell = farewell();
    let pending = pending();
    match terminal.as_mut() {
        Some(terminal) => clean_up(
            &pending,
            showing,
            Some(terminal.as_mut()),
            farewell.as_deref(),
        ),
        None => clean_up(&pending, showing, None, farewell.as_deref()),
    }
    // The list stays locked: the process ends next.
    std::mem::forget(pending);
}

/// Clears `terminal` (screen and scrollback) when `showing` secrets,
/// removes each of `files`, then writes the `farewell` on a line of its
/// own (after a spinner or a half-typed answer).
fn clean_up(
    files: &[PathBuf],
    showing: bool,
    mut terminal: Option<&mut dyn Write>,
    farewell: Option<&str>,
) {
    if showing && let Some(terminal) = terminal.as_mut() {
        let _ = terminal.write_all(CLEAR_SCREEN.as_bytes());
        let _ = terminal.flush();
    }
    for path in files {
        let _ = fs::remove_file(path);
    }
    if let (Some(terminal), Some(farewell)) = (terminal, farewell) {
        let _ = write!(terminal, "\r\n{farewell}\r\n");
        let _ = terminal.flush();
    }
}

#[cfg(unix)]
mod unix {
    //! Ending signals through a pipe to a thread of our own.

    use std::{
        io,
        sync::atomic::{AtomicI32, Ordering},
    };

    /// The signals that end a run: Ctrl-C, `kill`, the terminal closing.
    const ENDING: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    /// The pipe's end the signal handler writes to.
    static WRITE_END: AtomicI32 = AtomicI32::new(-1);

    extern "C" fn on_signal(signal: libc::c_int) {
        let byte = signal as u8;
        // SAFETY: write(2) is async-signal-safe; one byte from a valid
        // buffer to a non-blocking pipe.
        unsafe {
            libc::write(
                WRITE_END.load(Ordering::SeqCst),
                (&raw const byte).cast(),
                1,
            );
        }
    }

    fn check(result: libc::c_int) -> io::Result<()> {
        if result == -1 {
            Err(io::Error::last_os_error())
        } else {
            Ok(())
        }
    }

    /// Installs the handlers for the [`ENDING`] signals; `then` runs on a
    /// thread of its own with the signal that came. A signal the run was
    /// started with ignored (`nohup`) stays ignored.
    pub fn install(then: fn(libc::c_int) -> !) -> io::Result<()> {
        let mut ends = [0; 2];
        // SAFETY: pipe(2) fills a valid array of two descriptors; fcntl
        // only sets flags on them.
        unsafe {
            check(libc::pipe(ends.as_mut_ptr()))?;
            for end in ends {
                check(libc::fcntl(end, libc::F_SETFD, libc::FD_CLOEXEC))?;
            }
            check(libc::fcntl(ends[1], libc::F_SETFL, libc::O_NONBLOCK))?;
        }
        WRITE_END.store(ends[1], Ordering::SeqCst);
        let read_end = ends[0];
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                loop {
                    let mut byte = 0u8;
                    // SAFETY: reads one byte into a valid buffer.
                    let read = unsafe { libc::read(read_end, (&raw mut byte).cast(), 1) };
                    if read == 1 {
                        then(libc::c_int::from(byte));
                    }
                    if read == 0 || io::Error::last_os_error().kind() != io::ErrorKind::Interrupted
                    {
                        return;
                    }
                }
            })?;
        for signal in ENDING {
            // SAFETY: sigaction(2) with a zeroed, filled-in action and a
            // valid place for the old one; the handler only writes to a
            // pipe.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
                action.sa_flags = libc::SA_RESTART;
                libc::sigemptyset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                check(libc::sigaction(signal, &action, &mut old))?;
                if old.sa_sigaction == libc::SIG_IGN {
                    check(libc::sigaction(signal, &old, std::ptr::null_mut()))?;
                }
            }
        }
        Ok(())
    }

    /// Ends the process by `signal` itself, its default action restored,
    /// so a shell running a script sees how the run ended.
    pub fn end_by(signal: libc::c_int) -> ! {
        // SAFETY: resetting a signal to its default and raising it have no
        // memory-safety requirements.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::kill(libc::getpid(), signal);
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
        std::process::exit(128 + signal);
    }
}

#[cfg(windows)]
mod windows {
    //! Ctrl-C and Ctrl-Break through `ctrlc`; the console's close, logoff
    //! and shutdown events through a handler of our own.

    use windows_sys::{
        Win32::System::Console::{
            CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT, SetConsoleCtrlHandler,
        },
        core::BOOL,
    };

    /// Windows' own exit status for a console Ctrl-C (STATUS_CONTROL_C_EXIT).
    const CONTROL_C_EXIT: i32 = 0xC000_013A_u32 as i32;

    /// Called by Windows on a thread of its own. Returning FALSE passes
    /// Ctrl-C and Ctrl-Break on to `ctrlc`'s handler (installed first, so
    /// called after this one); for the other events Windows ends the
    /// process once this returns, so the work is done here.
    unsafe extern "system" fn on_console_event(event: u32) -> BOOL {
        match event {
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => {
                super::clean_up_now();
                1
            }
            _ => 0,
        }
    }

    pub fn install() {
        let _ = ctrlc::set_handler(|| {
            super::clean_up_now();
            std::process::exit(CONTROL_C_EXIT);
        });
        // SAFETY: a valid handler function for the life of the process.
        unsafe {
            SetConsoleCtrlHandler(Some(on_console_event), 1);
        }
    }
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

    #[test]
    fn the_clean_up_clears_a_screen_of_secrets_and_removes_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = ["a.tmp", "b.tmp"]
            .iter()
            .map(|name| dir.path().join(name))
            .collect();
        for file in &files {
            fs::write(file, b"kulcs").unwrap();
        }
        let mut screen = Vec::new();
        clean_up(&files, true, Some(&mut screen), None);
        assert_eq!(screen, CLEAR_SCREEN.as_bytes());
        assert!(files.iter().all(|file| !file.exists()));
        // Nothing on the screen to clear: no escape codes.
        let mut screen = Vec::new();
        clean_up(&[], false, Some(&mut screen), None);
        assert!(screen.is_empty());
        // The farewell comes last, on a line of its own.
        let mut screen = Vec::new();
        clean_up(&[], true, Some(&mut screen), Some("Elmentve."));
        assert!(screen.ends_with(b"\r\nElmentve.\r\n"));
    }
}
