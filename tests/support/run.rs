//! Running the real binary as a user would from a shell: Hungarian locale,
//! arguments, text on standard input, everything it prints collected.

use std::{
    io::Write,
    path::Path,
    process::{Command, Output, Stdio},
};

/// A command for the binary, with the Hungarian locale and nothing else
/// from the environment's language settings.
pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kapukulcs"));
    command
        .env("LANG", "hu_HU.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// The most address space [`bounded`] allows: 1 GiB.
pub const ADDRESS_SPACE: u64 = 1 << 30;

/// A command for the binary as [`binary`], with at most [`ADDRESS_SPACE`]
/// of address space: a picture that made it allocate its claimed size
/// would crash it instead of being refused.
pub fn bounded() -> Command {
    use std::os::unix::process::CommandExt;
    let mut command = binary();
    // SAFETY: setrlimit is async-signal-safe, as pre_exec requires.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: ADDRESS_SPACE as libc::rlim_t,
                rlim_max: ADDRESS_SPACE as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    command
}

/// Runs `command` with `args`, writing `stdin` to it, and waits.
pub fn output(mut command: Command, args: &[&str], stdin: &str) -> Output {
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // A command that fails before reading its input closes the pipe early;
    // that is not the test's business.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

/// Runs the binary in `dir`.
#[allow(dead_code)]
pub fn in_dir(dir: &Path, args: &[&str], stdin: &str) -> Output {
    let mut command = binary();
    command.current_dir(dir);
    output(command, args, stdin)
}

/// What a stream said, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
