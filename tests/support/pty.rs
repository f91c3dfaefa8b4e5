//! The real binary in a pseudo-terminal, as a person at a keyboard uses it:
//! wait for a prompt, then type (with a pause, as a person reads first);
//! everything the program wrote is kept for the assertions.

use std::{path::Path, process::Command, time::Duration};

use expectrl::{Expect, session::OsSession as Session};

/// The arrow keys dialoguer's menus listen to.
pub const DOWN: &str = "\x1b[B";

/// A running program in a pseudo-terminal.
pub struct Pty {
    session: Session,
    output: Vec<u8>,
}

impl Pty {
    /// Starts the program with `args` in `dir`, in Hungarian, in a wide
    /// terminal so that no line wraps.
    pub fn start(dir: &Path, args: &[&str]) -> Pty {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kapukulcs"));
        command
            .args(args)
            .current_dir(dir)
            .env("LANG", "hu_HU.UTF-8")
            .env_remove("LC_ALL")
            .env("TERM", "xterm");
        let mut session = Session::spawn(command).expect("the binary starts in a pseudo-terminal");
        session.set_expect_timeout(Some(Duration::from_secs(60)));
        session.get_process_mut().set_window_size(220, 60).unwrap();
        Pty {
            session,
            output: Vec::new(),
        }
    }

    /// Waits until the program has written `text`.
    pub fn expect(&mut self, text: &str) {
        match self.session.expect(text) {
            Ok(found) => {
                self.output.extend_from_slice(found.before());
                self.output.extend_from_slice(text.as_bytes());
            }
            Err(error) => panic!(
                "waiting for {text:?}: {error}\n--- so far ---\n{}",
                String::from_utf8_lossy(&self.output)
            ),
        }
    }

    /// Presses keys (arrows) without Enter.
    pub fn keys(&mut self, keys: &str) {
        std::thread::sleep(Duration::from_millis(150));
        self.session.send(keys).unwrap();
    }

    /// Types a line and presses Enter.
    pub fn line(&mut self, text: &str) {
        std::thread::sleep(Duration::from_millis(150));
        self.session.send(format!("{text}\r")).unwrap();
    }

    /// Picks the menu item `index` places below the first.
    pub fn pick(&mut self, index: usize) {
        self.keys(&DOWN.repeat(index));
        self.line("");
    }

    /// Waits for the program to end; everything it wrote, as text without
    /// colours and cursor movements.
    pub fn finish(mut self) -> String {
        let rest = self.session.expect(expectrl::Eof).unwrap();
        self.output.extend_from_slice(rest.before());
        plain(&String::from_utf8_lossy(&self.output))
    }
}

/// `text` without terminal escape sequences (colours, cursor movements).
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        // A control sequence ends with a letter (or `~`); other escapes
        // are two characters.
        if chars.next() == Some('[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() || c == '~' {
                    break;
                }
            }
        }
    }
    out
}
