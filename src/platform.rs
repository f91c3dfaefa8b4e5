//! Where Windows, macOS and Linux differ, decided here on purpose: the
//! folders the program uses, where the system's screenshot tool saves, the
//! console's code page, keeping a double-clicked window open, noticing
//! typed input while the wizard watches for a picture, and opening a file
//! in the system's viewer. Everything else is the same on every platform.

// System calls the standard library does not offer (file identity on
// Windows, the effective user, console modes and code pages): each unsafe
// block says why it is sound.
#![allow(unsafe_code)]

use std::{
    io::{self, BufRead, Write},
    path::{Path, PathBuf},
    time::Duration,
};

/// Which file an open handle is on its disk, and how many names it has:
/// (device, inode, links) on Unix, (volume, file index, links) on Windows.
#[cfg(unix)]
pub fn file_identity(file: &std::fs::File) -> io::Result<(u64, u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = file.metadata()?;
    Ok((meta.dev(), meta.ino(), meta.nlink()))
}

/// Which file an open handle is on its disk, and how many names it has:
/// (device, inode, links) on Unix, (volume, file index, links) on Windows.
#[cfg(windows)]
pub fn file_identity(file: &std::fs::File) -> io::Result<(u64, u64, u64)> {
    use std::os::windows::io::AsRawHandle;
    use windows_sys::Win32::Storage::FileSystem::{
        BY_HANDLE_FILE_INFORMATION, GetFileInformationByHandle,
    };
    let mut info = std::mem::MaybeUninit::<BY_HANDLE_FILE_INFORMATION>::zeroed();
    // SAFETY: a handle this `File` owns and a valid out pointer.
    if unsafe { GetFileInformationByHandle(file.as_raw_handle(), info.as_mut_ptr()) } == 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: zero-initialised and filled in by the successful call.
    let info = unsafe { info.assume_init() };
    let index = (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow);
    Ok((
        u64::from(info.dwVolumeSerialNumber),
        index,
        u64::from(info.nNumberOfLinks),
    ))
}

/// Which file an open handle is: unknown on other platforms.
#[cfg(not(any(unix, windows)))]
pub fn file_identity(_file: &std::fs::File) -> io::Result<(u64, u64, u64)> {
    Ok((0, 0, 1))
}

/// Whether a file belongs to the user running the program: on Unix its
/// owner is the effective user; elsewhere the system's permissions decide.
pub fn is_own(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        meta.uid() == unsafe { libc::geteuid() }
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        true
    }
}

/// Which kind of system this is, for messages whose advice differs
/// (`windows`, `macos`, `other`): a Fluent selector value.
pub const KIND: &str = if cfg!(windows) {
    "windows"
} else if cfg!(target_os = "macos") {
    "macos"
} else {
    "other"
};

/// The name of the program's folders.
const APP: &str = "kapukulcs";

/// The file name of the bundle.
pub const BUNDLE_FILE_NAME: &str = "kapukulcs-mentes.age";

/// Where the bundle lives unless `--bundle` says otherwise: the per-user
/// data folder. Linux: `~/.local/share/kapukulcs`; macOS:
/// `~/Library/Application Support/hu.kapukulcs.kapukulcs`; Windows:
/// `%APPDATA%\kapukulcs` (the roaming profile, where Windows programs keep
/// their data; not a folder that OneDrive synchronises).
pub fn default_bundle_path() -> PathBuf {
    data_dir()
        .map(|dir| dir.join(BUNDLE_FILE_NAME))
        .unwrap_or_else(|| PathBuf::from(BUNDLE_FILE_NAME))
}

#[cfg(windows)]
fn data_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.data_dir().join(APP))
}

#[cfg(not(windows))]
fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("hu", APP, APP).map(|dirs| dirs.data_dir().to_path_buf())
}

/// The wizard's working folder unless `--dir` says otherwise: `kapukulcs`
/// in the home folder (`C:\Users\NAME\kapukulcs` on Windows), easy to find
/// in a screenshot tool's save dialog. Deliberately not under Documents or
/// Pictures: on Windows those are often synchronised to OneDrive, and the
/// screenshots hold keys in the clear.
pub fn default_workspace() -> PathBuf {
    directories::UserDirs::new()
        .map(|dirs| dirs.home_dir().join(APP))
        .unwrap_or_else(|| PathBuf::from(APP))
}

/// Overrides [`screenshot_dirs`] with one folder (tests, unusual setups).
pub const SCREENSHOT_DIR_VAR: &str = "KAPUKULCS_SCREENSHOT_DIR";

/// The folders the system's own screenshot tool saves into, so the wizard
/// can take a new picture from there as well as from its own folder:
/// Windows 11's Snipping Tool saves to `Pictures\Screenshots`; macOS puts
/// screenshots on the Desktop; GNOME saves to `Pictures/Screenshots` (the
/// folder name is translated, `Képek/Képernyőképek` in Hungarian) and KDE's
/// Spectacle to `Pictures`. Folders that do not exist yet are listed too:
/// Windows makes `Pictures\Screenshots` with the first screenshot, and
/// GNOME its folder with the first one it saves, so the wizard watches
/// for them to appear. `KAPUKULCS_SCREENSHOT_DIR` names the one folder to
/// use instead.
pub fn screenshot_dirs() -> Vec<PathBuf> {
    if let Some(dir) = std::env::var_os(SCREENSHOT_DIR_VAR).filter(|d| !d.is_empty()) {
        return vec![PathBuf::from(dir)];
    }
    let Some(dirs) = directories::UserDirs::new() else {
        return Vec::new();
    };
    if cfg!(target_os = "macos") {
        dirs.desktop_dir()
            .map(Path::to_path_buf)
            .into_iter()
            .collect()
    } else if cfg!(windows) {
        dirs.picture_dir()
            .map(|p| p.join("Screenshots"))
            .into_iter()
            .collect()
    } else {
        dirs.picture_dir()
            .map(|p| {
                vec![
                    p.join("Screenshots"),
                    p.join("Képernyőképek"),
                    p.to_path_buf(),
                ]
            })
            .unwrap_or_default()
    }
}

/// Opens `path` in the program the system uses for it (a PDF viewer, for
/// printing), without waiting for it to close. The `open` crate knows each
/// system's way (`xdg-open`, `open`, `ShellExecute`).
pub fn open_in_viewer(path: &Path) -> io::Result<()> {
    open::that_detached(path)
}

/// `path` as it can be pasted into this platform's usual shell (cmd or
/// PowerShell on Windows, a POSIX shell elsewhere): quoted when it holds
/// spaces or other characters the shell would split or expand, so a
/// printed hint such as `kapukulcs dekodol C:\Users\Kovács Péter\...`
/// works as printed.
pub fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    if cfg!(windows) {
        let plain = |c: char| !c.is_whitespace() && !"&|<>^()%!\"',;=`".contains(c);
        if text.chars().all(plain) {
            text
        } else {
            format!("\"{text}\"")
        }
    } else {
        let plain = |c: char| c.is_alphanumeric() || "/._-+:,@%=".contains(c);
        if !text.is_empty() && text.chars().all(plain) {
            text
        } else {
            format!("'{}'", text.replace('\'', "'\\''"))
        }
    }
}

/// The console for the length of one run. On Windows it switches the
/// console to UTF-8 (so "ő" and "ű" show and can be typed) and notes
/// whether the window was opened just for this program (a double-click in
/// Explorer); [`Console::finish`] then waits for Enter so the window does
/// not vanish with the last message, and restores the code pages.
pub struct Console {
    #[cfg(windows)]
    saved_code_pages: Option<(u32, u32)>,
    own_window: bool,
}

impl Console {
    /// Prepares the console; call once, first thing in `main`.
    pub fn start() -> Self {
        #[cfg(windows)]
        {
            let saved_code_pages = windows::use_utf8();
            Console {
                saved_code_pages,
                own_window: is_own_window(windows::console_processes(), stdin_is_terminal()),
            }
        }
        #[cfg(not(windows))]
        Console { own_window: false }
    }

    /// Whether the console window belongs to this process alone and will
    /// close when it ends.
    pub fn own_window(&self) -> bool {
        self.own_window
    }

    /// Ends the run: in a window of its own, shows `message` and waits for
    /// Enter before the window closes.
    pub fn finish(self, message: &str) {
        self.finish_with(message, &mut io::stdin().lock(), &mut io::stderr());
    }

    /// [`Console::finish`] with the streams passed in.
    fn finish_with(self, message: &str, input: &mut dyn BufRead, err: &mut dyn Write) {
        if self.own_window {
            let _ = write!(err, "\n{message} ");
            let _ = err.flush();
            let mut line = String::new();
            let _ = input.read_line(&mut line);
        }
        #[cfg(windows)]
        if let Some(saved) = self.saved_code_pages {
            windows::restore_code_pages(saved);
        }
    }
}

/// Whether the console window is the program's own, to keep open at the
/// end: Windows counts the processes attached to the console, and only
/// this one (Explorer opened the window for it; a `cmd` or PowerShell
/// window counts its shell too) with a keyboard on standard input (not a
/// pipe or a file) waits for Enter. No console at all counts 0.
#[cfg_attr(not(windows), allow(dead_code))]
fn is_own_window(console_processes: u32, stdin_is_terminal: bool) -> bool {
    console_processes == 1 && stdin_is_terminal
}

#[cfg(windows)]
fn stdin_is_terminal() -> bool {
    use std::io::IsTerminal;
    io::stdin().is_terminal()
}

/// Waits up to `timeout` for the person to start typing, without taking
/// what they type, so a folder can be watched at the same time.
#[cfg(unix)]
pub fn input_ready(timeout: Duration) -> bool {
    let mut poll = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd for the lifetime of the call.
    let ready = unsafe { libc::poll(&mut poll, 1, millis) };
    ready > 0
}

/// Waits up to `timeout` for the person to start typing, without taking
/// what they type, so a folder can be watched at the same time.
#[cfg(windows)]
pub fn input_ready(timeout: Duration) -> bool {
    windows::input_ready(timeout)
}

/// Waits up to `timeout`; typed input cannot be noticed on this platform
/// without taking it, so the folder watch is the only way in.
#[cfg(not(any(unix, windows)))]
pub fn input_ready(timeout: Duration) -> bool {
    std::thread::sleep(timeout);
    false
}

#[cfg(windows)]
mod windows {
    //! The few Win32 console calls the program needs.

    use std::{
        mem::MaybeUninit,
        time::{Duration, Instant},
    };

    use windows_sys::Win32::{
        Foundation::{HANDLE, INVALID_HANDLE_VALUE},
        System::{
            Console::{
                GetConsoleCP, GetConsoleMode, GetConsoleOutputCP, GetConsoleProcessList,
                GetNumberOfConsoleInputEvents, GetStdHandle, INPUT_RECORD, KEY_EVENT,
                PeekConsoleInputW, ReadConsoleInputW, STD_INPUT_HANDLE, SetConsoleCP,
                SetConsoleOutputCP,
            },
            Pipes::PeekNamedPipe,
        },
    };

    const UTF8: u32 = 65001;

    /// Switches input and output to UTF-8; returns the code pages to put
    /// back, or `None` when there is no console.
    pub fn use_utf8() -> Option<(u32, u32)> {
        // SAFETY: plain calls without pointers; 0 means "no console".
        unsafe {
            let (input, output) = (GetConsoleCP(), GetConsoleOutputCP());
            if input == 0 || output == 0 {
                return None;
            }
            SetConsoleCP(UTF8);
            SetConsoleOutputCP(UTF8);
            Some((input, output))
        }
    }

    pub fn restore_code_pages((input, output): (u32, u32)) {
        // SAFETY: plain calls without pointers.
        unsafe {
            SetConsoleCP(input);
            SetConsoleOutputCP(output);
        }
    }

    /// How many processes share the console (0 without one): 1 when
    /// Explorer opened the window for this program, and it closes when the
    /// program ends.
    pub fn console_processes() -> u32 {
        let mut ids = [0u32; 4];
        // SAFETY: the buffer holds `ids.len()` process ids.
        unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) }
    }

    fn stdin_handle() -> Option<HANDLE> {
        // SAFETY: a plain call; the handle is owned by the process.
        let handle = unsafe { GetStdHandle(STD_INPUT_HANDLE) };
        (!handle.is_null() && handle != INVALID_HANDLE_VALUE).then_some(handle)
    }

    fn is_console(handle: HANDLE) -> bool {
        let mut mode = 0;
        // SAFETY: `mode` is a valid out pointer.
        unsafe { GetConsoleMode(handle, &mut mode) != 0 }
    }

    /// A key was pressed in the console (the key stays in the buffer for
    /// the prompt that reads it), or bytes wait in a pipe. Events that are
    /// not key presses (focus, mouse, key releases) are taken out of the
    /// buffer so they do not count as input.
    pub fn input_ready(timeout: Duration) -> bool {
        let Some(handle) = stdin_handle() else {
            std::thread::sleep(timeout);
            return false;
        };
        let deadline = Instant::now() + timeout;
        let console = is_console(handle);
        loop {
            let ready = if console {
                key_pressed(handle)
            } else {
                pipe_has_bytes(handle)
            };
            if ready {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            std::thread::sleep((deadline - now).min(Duration::from_millis(50)));
        }
    }

    fn key_pressed(handle: HANDLE) -> bool {
        loop {
            let mut pending = 0;
            // SAFETY: `pending` is a valid out pointer.
            if unsafe { GetNumberOfConsoleInputEvents(handle, &mut pending) } == 0 || pending == 0 {
                return false;
            }
            let mut record = MaybeUninit::<INPUT_RECORD>::zeroed();
            let mut read = 0;
            // SAFETY: room for one record; `read` is a valid out pointer.
            if unsafe { PeekConsoleInputW(handle, record.as_mut_ptr(), 1, &mut read) } == 0
                || read == 0
            {
                return false;
            }
            // SAFETY: zero-initialised and filled in by the call.
            let record = unsafe { record.assume_init() };
            if u32::from(record.EventType) == KEY_EVENT {
                // SAFETY: the union holds a key event for KEY_EVENT.
                let key = unsafe { record.Event.KeyEvent };
                if key.bKeyDown != 0 {
                    return true;
                }
            }
            // Not a key press: take it out and look at the next one.
            let mut discarded = MaybeUninit::<INPUT_RECORD>::zeroed();
            // SAFETY: room for one record; `read` is a valid out pointer.
            if unsafe { ReadConsoleInputW(handle, discarded.as_mut_ptr(), 1, &mut read) } == 0 {
                return false;
            }
        }
    }

    fn pipe_has_bytes(handle: HANDLE) -> bool {
        let mut available = 0;
        // SAFETY: null buffers are allowed; `available` is a valid out pointer.
        let ok = unsafe {
            PeekNamedPipe(
                handle,
                std::ptr::null_mut(),
                0,
                std::ptr::null_mut(),
                &mut available,
                std::ptr::null_mut(),
            )
        };
        ok != 0 && available > 0
    }
}

/// How to start this program again from a shell, for the hints it prints:
/// `kapukulcs` when that name on the PATH is this very program (after
/// `cargo install` or a package), otherwise its full path, quoted (after
/// `cargo run`, or a program unpacked into Downloads).
pub fn command_name() -> String {
    const NAME: &str = if cfg!(windows) {
        "kapukulcs.exe"
    } else {
        "kapukulcs"
    };
    let Ok(exe) = std::env::current_exe() else {
        return "kapukulcs".into();
    };
    let exe = std::fs::canonicalize(&exe)
        .map(|exe| plain_path(&exe))
        .unwrap_or(exe);
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        // The shell runs the first one it finds.
        std::env::split_paths(&paths)
            .map(|dir| dir.join(NAME))
            .find(|candidate| candidate.is_file())
    });
    match on_path {
        Some(found)
            if std::fs::canonicalize(&found).is_ok_and(|found| plain_path(&found) == exe) =>
        {
            "kapukulcs".into()
        }
        _ => shell_quoted(&exe),
    }
}

/// `path` as a person and `cmd` know it: Windows' `canonicalize` gives
/// the verbatim form (`\\?\C:\Users\…`, `\\?\UNC\server\share\…`),
/// which `cmd` refuses to run and Explorer does not show, so the prefix is
/// taken off again where the plain form means the same file (a drive
/// letter or a share; the dunce crate does the same). Elsewhere, and for a
/// verbatim path with no plain form, `path` is returned as it is.
pub fn plain_path(path: &Path) -> PathBuf {
    let Some(text) = path.to_str() else {
        return path.to_path_buf();
    };
    let plain = if let Some(rest) = text.strip_prefix(r"\\?\UNC\") {
        format!(r"\\{rest}")
    } else if let Some(rest) = text.strip_prefix(r"\\?\")
        && rest.len() >= 3
        && rest.as_bytes()[0].is_ascii_alphabetic()
        && rest[1..].starts_with(r":\")
    {
        rest.to_owned()
    } else {
        return path.to_path_buf();
    };
    // The plain form is read by Windows' old rules: at most 260
    // characters, no `.` or `..` parts, no part ending in a dot or a
    // space, no reserved device name. A path those rules would change
    // keeps its verbatim form.
    const RESERVED: [&str; 22] = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    let plain_parts = plain.split('\\').skip(1).all(|part| {
        let stem = part.split('.').next().unwrap_or_default().trim_end();
        part != "."
            && part != ".."
            && !part.ends_with(['.', ' '])
            && !part.contains(['/', '<', '>', '"', '|', '?', '*'])
            && !RESERVED.iter().any(|name| stem.eq_ignore_ascii_case(name))
    });
    if plain.chars().count() < 260 && plain_parts {
        PathBuf::from(plain)
    } else {
        path.to_path_buf()
    }
}

/// What a person's folder path or a dragged-in path looks like once the
/// quotes and `file://` that terminals add are taken off.
pub fn clean_typed_path(typed: &str) -> PathBuf {
    let trimmed = typed.trim().trim_matches(['\'', '"']);
    PathBuf::from(trimmed.strip_prefix("file://").unwrap_or(trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_lives_in_a_folder_of_its_own() {
        let path = default_bundle_path();
        assert_eq!(
            path.file_name().and_then(|n| n.to_str()),
            Some(BUNDLE_FILE_NAME)
        );
        let folder = path.parent().unwrap().to_string_lossy().to_lowercase();
        assert!(folder.contains(APP), "{folder}");
    }

    /// Issue 18, item 13: `demo`'s hints on Windows printed
    /// `"\\?\C:\users\…\kapukulcs.exe"`, which `cmd` refuses to run.
    #[test]
    fn a_verbatim_windows_path_is_shown_plain() {
        for (path, shown) in [
            (
                r"\\?\C:\users\peter\kapukulcs.exe",
                r"C:\users\peter\kapukulcs.exe",
            ),
            (
                r"\\?\c:\Temp\kapukulcs-demo-ab12",
                r"c:\Temp\kapukulcs-demo-ab12",
            ),
            (
                r"\\?\UNC\server\share\kapukulcs.exe",
                r"\\server\share\kapukulcs.exe",
            ),
            (
                r"C:\users\peter\kapukulcs.exe",
                r"C:\users\peter\kapukulcs.exe",
            ),
            // No plain form: a device path, a name Windows would change
            // (a trailing dot, a reserved name), a path too long for it.
            (
                r"\\?\Volume{1234}\kapukulcs.exe",
                r"\\?\Volume{1234}\kapukulcs.exe",
            ),
            (r"\\?\C:\users\peter.\a.exe", r"\\?\C:\users\peter.\a.exe"),
            (r"\\?\C:\users\con\a.exe", r"\\?\C:\users\con\a.exe"),
            (r"\\?\C:\a\..\b.exe", r"\\?\C:\a\..\b.exe"),
            ("/home/peter/kapukulcs", "/home/peter/kapukulcs"),
        ] {
            assert_eq!(plain_path(Path::new(path)), Path::new(shown), "{path}");
        }
        let long = format!(r"\\?\C:\{}\a.exe", "x".repeat(300));
        assert_eq!(plain_path(Path::new(&long)), Path::new(&long));
    }

    #[test]
    fn the_workspace_is_named_after_the_program() {
        assert_eq!(
            default_workspace().file_name().and_then(|n| n.to_str()),
            Some(APP)
        );
    }

    #[test]
    #[cfg(unix)]
    fn paths_are_quoted_only_when_the_shell_needs_it() {
        for (path, shown) in [
            (
                "/tmp/kapukulcs-demo-ab12/kepek/mama.png",
                "/tmp/kapukulcs-demo-ab12/kepek/mama.png",
            ),
            ("/home/péter/képek/mama.png", "/home/péter/képek/mama.png"),
            ("/home/x/Kovács Péter/a.png", "'/home/x/Kovács Péter/a.png'"),
            ("/tmp/it's/a.png", "'/tmp/it'\\''s/a.png'"),
            ("/tmp/$HOME/a.png", "'/tmp/$HOME/a.png'"),
        ] {
            assert_eq!(shell_quoted(Path::new(path)), shown, "{path}");
        }
    }

    #[test]
    #[cfg(windows)]
    fn paths_are_quoted_only_when_the_shell_needs_it() {
        for (path, shown) in [
            (
                r"C:\Users\peter\kapukulcs\mama.png",
                r"C:\Users\peter\kapukulcs\mama.png",
            ),
            (
                r"C:\Users\Kovács Péter\kapukulcs\mama.png",
                r#""C:\Users\Kovács Péter\kapukulcs\mama.png""#,
            ),
            (r"C:\Temp\a&b.png", r#""C:\Temp\a&b.png""#),
        ] {
            assert_eq!(shell_quoted(Path::new(path)), shown, "{path}");
        }
    }

    #[test]
    fn only_a_window_opened_for_the_program_alone_with_a_keyboard_waits() {
        // Explorer's double-click: this process alone, a keyboard.
        assert!(is_own_window(1, true));
        // A cmd or PowerShell window: the shell shares it.
        assert!(!is_own_window(2, true));
        // Input from a pipe or a file: nobody to press Enter.
        assert!(!is_own_window(1, false));
        // No console at all.
        assert!(!is_own_window(0, true));
    }

    fn console(own_window: bool) -> Console {
        Console {
            #[cfg(windows)]
            saved_code_pages: None,
            own_window,
        }
    }

    #[test]
    fn a_window_of_its_own_shows_the_message_and_waits_for_enter_others_never() {
        let mut input: &[u8] = b"\nlater\n";
        let mut err = Vec::new();
        console(true).finish_with("Nyomj Entert", &mut input, &mut err);
        assert_eq!(String::from_utf8(err).unwrap(), "\nNyomj Entert ");
        assert_eq!(input, b"later\n", "exactly one line, the Enter, was read");

        let mut input: &[u8] = b"\nlater\n";
        let mut err = Vec::new();
        console(false).finish_with("Nyomj Entert", &mut input, &mut err);
        assert!(err.is_empty());
        assert_eq!(input, b"\nlater\n", "nothing was read");
    }
}
