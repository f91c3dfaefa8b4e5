//! The real binary in a pseudo-terminal, as a person at a keyboard uses it:
//! wait for a prompt, then type (with a pause, as a person reads first);
//! everything the program wrote is kept, and [`screen`] turns it into the
//! text the person saw.

use std::{path::Path, process::Command, time::Duration};

use expectrl::{Expect, session::OsSession as Session};

/// The arrow keys dialoguer's menus listen to.
pub const DOWN: &str = "\x1b[B";

/// Where the transcript shows that the screen and scrollback were cleared.
pub const CLEARED: &str = "──── (itt a program letörli a képernyőt) ────";

/// Put into the transcript (never written by the program) where the person
/// pressed Enter on an empty answer: [`screen`] keeps a question that then
/// vanished ("Nyomj Entert…", which erases itself once answered), so a
/// transcript shows every question the person saw.
const ENTER: &str = "\x1b[7777z";

/// A question's line as the person saw it ("? Nyomj Entert… ›"), when it
/// vanished after an empty answer; what is left of it once answered.
struct Pending {
    row: usize,
    shown: Option<String>,
}

/// The words of a question's line: without the `?` or `✔` in front and
/// the `›` or `·` (and the answer) after.
fn question(line: &str) -> &str {
    let line = line.trim_start_matches(['?', '✔', ' ']);
    let end = line
        .find(" ›")
        .or_else(|| line.find(" ·"))
        .unwrap_or(line.len());
    line[..end].trim()
}

/// What the screen shows after `bytes`: a small terminal emulator that
/// knows what spinners and prompts use to redraw themselves (carriage
/// return, erase line, erase below, cursor up and down); colours and other
/// escapes are dropped. A question answered with a bare Enter that erased
/// itself is kept where it was asked (see [`ENTER`]).
pub fn screen(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut lines: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut pending: Option<Pending> = None;
    let mut chars = text.chars().peekable();
    // Once the line where a question was erased is written anew: when it
    // is not the question answered (dialoguer's "✔ question · answer"),
    // the question vanished, and it goes back in above.
    let settle = |pending: &mut Option<Pending>, lines: &mut Vec<Vec<char>>, row: &mut usize| {
        if let Some(Pending {
            row: at,
            shown: Some(shown),
        }) = pending.take()
        {
            let now: String = lines
                .get(at)
                .map(|l| l.iter().collect())
                .unwrap_or_default();
            if !now.contains(question(&shown)) {
                lines.insert(at, shown.trim_end().chars().collect());
                if *row >= at {
                    *row += 1;
                }
            }
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                let mut argument = String::new();
                let mut command = ' ';
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() || c == '~' {
                        command = c;
                        break;
                    }
                    argument.push(c);
                }
                let n = argument.parse::<usize>().unwrap_or(1);
                if matches!(command, 'J' | 'H') || (matches!(command, 'A' | 'B') && n > 0) {
                    settle(&mut pending, &mut lines, &mut row);
                }
                match command {
                    'z' if argument == "7777" => {
                        settle(&mut pending, &mut lines, &mut row);
                        let line: String = lines[row].iter().collect();
                        pending = line
                            .starts_with("? ")
                            .then_some(Pending { row, shown: None });
                    }
                    'K' if pending
                        .as_ref()
                        .is_some_and(|p| p.row == row && p.shown.is_none()) =>
                    {
                        let line: String = lines[row].iter().collect();
                        if let Some(p) = pending.as_mut() {
                            p.shown = Some(line);
                        }
                        lines[row].clear();
                    }
                    // The whole screen (and with 3J the scrollback): a
                    // person sees it go; the transcript marks the place.
                    'J' if argument == "2" => {
                        row = lines.len();
                        lines.push(CLEARED.chars().collect());
                        row += 1;
                        col = 0;
                    }
                    'J' if argument == "3" => {}
                    'H' => {}
                    'K' => lines[row].clear(),
                    'J' => {
                        lines[row].truncate(col);
                        lines.truncate(row + 1);
                    }
                    'A' => row = row.saturating_sub(n),
                    'B' => row += n,
                    _ => {}
                }
            }
            '\x1b' => {
                chars.next();
            }
            '\r' => col = 0,
            '\n' => {
                if pending.as_ref().is_some_and(|p| p.shown.is_some()) {
                    settle(&mut pending, &mut lines, &mut row);
                }
                row += 1;
                col = 0;
            }
            c => {
                let line = &mut lines[row];
                if col < line.len() {
                    line[col] = c;
                } else {
                    line.resize(col, ' ');
                    line.push(c);
                }
                col += 1;
            }
        }
        while lines.len() <= row {
            lines.push(Vec::new());
        }
    }
    settle(&mut pending, &mut lines, &mut row);
    lines
        .iter()
        .map(|line| line.iter().collect::<String>().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A running program in a pseudo-terminal.
pub struct Pty {
    session: Session,
    output: Vec<u8>,
}

impl Pty {
    /// Starts the program with `args` in `dir`, in Hungarian.
    pub fn start(dir: &Path, args: &[&str]) -> Pty {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kapukulcs"));
        command.args(args).current_dir(dir);
        Pty::spawn(command)
    }

    /// Starts the main menu on `mentes.age` in `dir`, unlocked with
    /// [`super::PASSPHRASE`]; returns at its first "Mit szeretnél?".
    pub fn menu(dir: &Path) -> Pty {
        let mut menu = Pty::start(dir, &["--bundle", "mentes.age"]);
        menu.expect("A mentés jelszava");
        menu.line(super::PASSPHRASE);
        menu.expect("Mit szeretnél?");
        menu
    }

    /// Starts `command` in Hungarian, in a terminal wide enough that no
    /// line wraps, so redraws are easy to follow.
    pub fn spawn(mut command: Command) -> Pty {
        command
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

    /// The program's process id.
    pub fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
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
                screen(&self.output)
            ),
        }
    }

    /// Waits until the program has written text matching `pattern` (a
    /// regular expression); that text.
    pub fn expect_match(&mut self, pattern: &str) -> String {
        match self.session.expect(expectrl::Regex(pattern)) {
            Ok(found) => {
                let text = found.get(0).unwrap_or_default().to_vec();
                self.output.extend_from_slice(found.before());
                self.output.extend_from_slice(&text);
                String::from_utf8_lossy(&text).into_owned()
            }
            Err(error) => panic!(
                "waiting for /{pattern}/: {error}\n--- so far ---\n{}",
                screen(&self.output)
            ),
        }
    }

    /// Presses keys (arrows) without Enter.
    pub fn send(&mut self, keys: &str) {
        std::thread::sleep(Duration::from_millis(150));
        self.session.send(keys).unwrap();
    }

    /// Types a line and presses Enter. A person reads the prompt first;
    /// without the pause the keys can reach the terminal before the prompt
    /// listens for them.
    pub fn line(&mut self, text: &str) {
        std::thread::sleep(Duration::from_millis(150));
        if text.is_empty() {
            self.output.extend_from_slice(ENTER.as_bytes());
        }
        self.session.send(format!("{text}\r")).unwrap();
    }

    /// Picks the menu item `index` places below the first.
    pub fn pick(&mut self, index: usize) {
        self.send(&DOWN.repeat(index));
        self.line("");
    }

    /// Waits for the program to end; the screen as the person saw it.
    pub fn finish(mut self) -> String {
        self.read_to_end();
        screen(&self.output)
    }

    /// Waits for the program to end; everything it wrote, without colours
    /// and cursor movements, every redraw kept.
    pub fn finish_plain(mut self) -> String {
        self.read_to_end();
        plain(&String::from_utf8_lossy(&self.output))
    }

    fn read_to_end(&mut self) {
        let rest = self.session.expect(expectrl::Eof).unwrap();
        self.output.extend_from_slice(rest.before());
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
