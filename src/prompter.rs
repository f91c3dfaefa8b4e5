//! The one place that talks to the terminal. Program logic asks questions
//! and shows progress through the [`Prompter`] trait; [`Terminal`] answers
//! with dialoguer and indicatif, tests answer from a script. (cargo-generate
//! passes its prompts in the same way.)

use std::{
    io::{self, IsTerminal, Write},
    path::PathBuf,
    time::Duration,
};

use dialoguer::{Input, Password, Select, theme::ColorfulTheme};
use indicatif::{ProgressBar, ProgressStyle};

use crate::{fl, i18n::Explain, secret::SecretString};

/// Why a question got no answer.
#[derive(Debug)]
pub enum PromptError {
    /// A question needs a terminal and there is none.
    NoTerminal,
    /// The user pressed Ctrl-C or Esc at a question.
    Cancelled,
    /// The terminal failed.
    Terminal(std::io::Error),
    /// Standard output could not be written: a full disk, a closed file.
    /// (A closed pipe is not an error: [`Output::finish`] ends quietly.)
    Output(std::io::Error),
}

impl Explain for PromptError {
    fn message(&self) -> String {
        match self {
            PromptError::NoTerminal => fl!("err-no-terminal"),
            PromptError::Cancelled => fl!("err-cancelled"),
            PromptError::Terminal(error) => fl!("err-terminal", detail = error.to_string()),
            PromptError::Output(error) => fl!("err-output", detail = error.to_string()),
        }
    }

    fn recovery(&self) -> Option<String> {
        match self {
            PromptError::NoTerminal => Some(fl!("rec-no-terminal")),
            PromptError::Output(_) => Some(fl!("rec-output")),
            PromptError::Cancelled | PromptError::Terminal(_) => None,
        }
    }
}

crate::explained!(PromptError);

/// Standard output as every command writes to it: the one boundary where
/// a command's text reaches the terminal, a pipe or a file.
///
/// Everything written is made [`crate::i18n::argument`]-safe on the way
/// through (a name in a table, a URI read from a picture), so no text from
/// outside can carry a terminal sequence, whoever printed it. The first
/// write error is kept, and every later write fails with it too: a command
/// that ignores a failed write still cannot end as if it had written.
/// [`Output::finish`] says how the run ends, as ripgrep does: a closed pipe
/// (`| head`) quietly, any other failure (`> /dev/full`) as an error.
pub struct Output<W: Write> {
    inner: W,
    failed: Option<io::Error>,
}

impl<W: Write> Output<W> {
    /// Wraps `inner` (the process's standard output, or a buffer in tests).
    pub fn new(inner: W) -> Output<W> {
        Output {
            inner,
            failed: None,
        }
    }

    fn fail(&mut self, error: io::Error) -> io::Error {
        let again = io::Error::new(error.kind(), error.to_string());
        self.failed.get_or_insert(error);
        again
    }

    /// Flushes, then says how the run ends: `Ok` when everything was
    /// written or the reader closed the pipe, the first error otherwise.
    pub fn finish(mut self) -> Result<(), PromptError> {
        if self.failed.is_none()
            && let Err(error) = self.inner.flush()
        {
            self.failed = Some(error);
        }
        match self.failed {
            None => Ok(()),
            Some(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Some(error) => Err(PromptError::Output(error)),
        }
    }
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(error) = &self.failed {
            return Err(io::Error::new(error.kind(), error.to_string()));
        }
        // Formatting hands over whole `str`s; raw bytes keep their bytes
        // but for the ASCII controls.
        let shown = match std::str::from_utf8(buf) {
            Ok(text) => crate::i18n::argument(text).into_bytes(),
            Err(_) => buf
                .iter()
                .flat_map(|&byte| {
                    if byte != b'\n' && (byte < 0x20 || byte == 0x7f) {
                        format!("\\x{byte:02x}").into_bytes()
                    } else {
                        vec![byte]
                    }
                })
                .collect(),
        };
        match self.inner.write_all(&shown) {
            Ok(()) => Ok(buf.len()),
            Err(error) => Err(self.fail(error)),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(error) = &self.failed {
            return Err(io::Error::new(error.kind(), error.to_string()));
        }
        match self.inner.flush() {
            Ok(()) => Ok(()),
            Err(error) => Err(self.fail(error)),
        }
    }
}

/// Writes `text` and a line break to `out`, a command's standard output;
/// a failure is the command's error (see [`Output`]).
pub fn print(out: &mut dyn Write, text: &str) -> Result<(), PromptError> {
    writeln!(out, "{text}").map_err(PromptError::Output)
}

/// Writes `text` to standard error. Its own failure has nowhere to be
/// reported, so it is dropped rather than ending the run in a panic, as
/// `eprintln!` would.
fn to_stderr(text: &str) {
    let _ = writeln!(io::stderr(), "{text}");
}

/// Home, erase the screen (`ESC [2J`) and erase the scrollback (`ESC [3J`,
/// xterm's "erase saved lines", which VTE, Konsole, iTerm2, Windows
/// Terminal and the Linux console also follow). The one place the sequence
/// is written down.
pub const CLEAR_SCREEN: &str = "\x1b[H\x1b[2J\x1b[3J";

/// What ended a wait for a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Waited<T = PathBuf> {
    /// A watched place (a folder, the clipboard) got a new picture.
    Found(T),
    /// The user typed, pasted or dragged in a path (or pressed Enter: empty).
    Typed(String),
}

/// Questions and progress, whoever answers them.
pub trait Prompter {
    /// Asks for a line of text; `default` is offered, empty answers are
    /// allowed only when `allow_empty`.
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        allow_empty: bool,
    ) -> Result<String, PromptError>;
    /// Asks for a secret the user types or pastes and must see while doing
    /// so (a key); it is not left on the screen afterwards.
    fn typed_secret(&mut self, prompt: &str) -> Result<SecretString, PromptError>;
    /// Lets the user pick one of `items`; returns its index.
    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Result<usize, PromptError>;
    /// Shows `text` and waits for Enter.
    fn pause(&mut self, text: &str) -> Result<(), PromptError>;
    /// Shows a spinner with `message` until `check` finds a picture or the
    /// user types a line.
    fn wait_for<T>(
        &mut self,
        message: &str,
        check: &mut dyn FnMut() -> Option<T>,
    ) -> Result<Waited<T>, PromptError>;
    /// Counts `seconds` down with a progress bar labelled `message`.
    fn countdown(&mut self, message: &str, seconds: u64);
    /// Shows a line of information.
    fn say(&mut self, text: &str);
    /// Clears the screen and the terminal's scrollback ([`CLEAR_SCREEN`]):
    /// called when a screen that showed keys or codes is left, so they
    /// cannot be scrolled back to.
    fn clear_screen(&mut self);
    /// Asks for a secret without echoing it.
    fn secret(&mut self, prompt: &str) -> Result<SecretString, PromptError>;
    /// Asks a yes/no question.
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, PromptError>;
    /// Runs `work` while showing that something is happening (a spinner).
    fn busy<T>(&mut self, message: &str, work: impl FnOnce() -> T) -> T;
    /// Shows what `render` gives, drawn again every second on a clean
    /// screen, until the user presses Enter; then clears it, scrollback
    /// included (it showed codes).
    fn live(&mut self, render: &mut dyn FnMut() -> String) -> Result<(), PromptError>;
}

/// The real terminal: dialoguer prompts on standard error, indicatif spinners.
pub struct Terminal {
    theme: ColorfulTheme,
}

impl Terminal {
    /// A terminal prompter. It asks only when a question comes up, so a run
    /// whose answers all came from flags works without a terminal.
    pub fn new() -> Terminal {
        Terminal {
            theme: ColorfulTheme::default(),
        }
    }

    /// dialoguer needs a terminal on standard error and standard input;
    /// with piped input it would fail or hang, so we refuse up front.
    fn check(&self) -> Result<(), PromptError> {
        if std::io::stderr().is_terminal() && std::io::stdin().is_terminal() {
            Ok(())
        } else {
            Err(PromptError::NoTerminal)
        }
    }
}

impl Default for Terminal {
    fn default() -> Self {
        Terminal::new()
    }
}

fn prompt_error(error: dialoguer::Error) -> PromptError {
    match error {
        dialoguer::Error::IO(error) if error.kind() == std::io::ErrorKind::Interrupted => {
            PromptError::Cancelled
        }
        dialoguer::Error::IO(error) => PromptError::Terminal(error),
    }
}

impl Prompter for Terminal {
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        allow_empty: bool,
    ) -> Result<String, PromptError> {
        self.check()?;
        let mut input = Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(allow_empty);
        if let Some(default) = default {
            input = input.default(default.to_owned());
        }
        input.interact_text().map_err(prompt_error)
    }

    fn typed_secret(&mut self, prompt: &str) -> Result<SecretString, PromptError> {
        self.check()?;
        Input::<String>::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .report(false)
            .interact_text()
            .map(SecretString::new)
            .map_err(prompt_error)
    }

    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        default: usize,
    ) -> Result<usize, PromptError> {
        self.check()?;
        // Items may be names as they were typed or read (a message's
        // arguments are escaped by `fl!`; these are not messages).
        let items: Vec<String> = items.iter().map(crate::i18n::argument).collect();
        Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(&items)
            .default(default)
            .interact()
            .map_err(prompt_error)
    }

    fn pause(&mut self, text: &str) -> Result<(), PromptError> {
        self.check()?;
        // The last line ("Nyomj Entert…") becomes the prompt, so Enter is
        // read the same way as every other answer.
        let (body, last) = text.rsplit_once('\n').unwrap_or(("", text));
        if !body.is_empty() {
            to_stderr(body);
        }
        Input::<String>::with_theme(&self.theme)
            .with_prompt(last)
            .allow_empty(true)
            .report(false)
            .interact_text()
            .map(|_| ())
            .map_err(prompt_error)
    }

    fn wait_for<T>(
        &mut self,
        message: &str,
        check: &mut dyn FnMut() -> Option<T>,
    ) -> Result<Waited<T>, PromptError> {
        self.check()?;
        let spinner = ProgressBar::new_spinner().with_message(message.to_owned());
        spinner.enable_steady_tick(Duration::from_millis(120));
        let waited = loop {
            if let Some(found) = check() {
                break Waited::Found(found);
            }
            if crate::platform::input_ready(Duration::from_millis(250)) {
                spinner.finish_and_clear();
                let line = Input::<String>::with_theme(&self.theme)
                    .with_prompt(fl!("prompt-picture-path"))
                    .allow_empty(true)
                    .interact_text()
                    .map_err(prompt_error)?;
                break Waited::Typed(line.trim().to_owned());
            }
        };
        spinner.finish_and_clear();
        Ok(waited)
    }

    fn countdown(&mut self, message: &str, seconds: u64) {
        let bar = ProgressBar::new(seconds).with_message(message.to_owned());
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("█░ "),
        );
        for _ in 0..seconds {
            std::thread::sleep(Duration::from_secs(1));
            bar.inc(1);
        }
        bar.finish_and_clear();
    }

    fn say(&mut self, text: &str) {
        to_stderr(text);
    }

    fn live(&mut self, render: &mut dyn FnMut() -> String) -> Result<(), PromptError> {
        self.check()?;
        loop {
            let _ = write!(
                io::stderr(),
                "{CLEAR_SCREEN}{}\n{}\n",
                render(),
                fl!("live-quit")
            );
            if crate::platform::input_ready(Duration::from_secs(1)) {
                let mut line = String::new();
                std::io::stdin()
                    .read_line(&mut line)
                    .map_err(PromptError::Terminal)?;
                break;
            }
        }
        self.clear_screen();
        Ok(())
    }

    fn clear_screen(&mut self) {
        // Only a terminal understands it; a log file gets no escape codes.
        if std::io::stderr().is_terminal() {
            let mut err = std::io::stderr();
            let _ = err.write_all(CLEAR_SCREEN.as_bytes());
            let _ = err.flush();
        }
    }

    fn secret(&mut self, prompt: &str) -> Result<SecretString, PromptError> {
        self.check()?;
        Password::with_theme(&self.theme)
            .with_prompt(prompt)
            .interact()
            .map(SecretString::new)
            .map_err(prompt_error)
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, PromptError> {
        self.check()?;
        // A choice of "Igen" and "Nem" with the arrow keys, rather than
        // dialoguer's [y/n], which a Hungarian reader would not guess.
        let items = [fl!("answer-yes"), fl!("answer-no")];
        Select::with_theme(&self.theme)
            .with_prompt(prompt)
            .items(&items)
            .default(if default { 0 } else { 1 })
            .interact()
            .map(|choice| choice == 0)
            .map_err(prompt_error)
    }

    fn busy<T>(&mut self, message: &str, work: impl FnOnce() -> T) -> T {
        let spinner = ProgressBar::new_spinner().with_message(message.to_owned());
        spinner.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        spinner.enable_steady_tick(Duration::from_millis(100));
        let result = work();
        spinner.finish_and_clear();
        result
    }
}

/// Answers from a script, for unit tests (compiled only for them).
#[cfg(test)]
#[derive(Default)]
pub struct Scripted {
    /// Answers to [`Prompter::input`], in order.
    pub inputs: Vec<String>,
    /// Answers to [`Prompter::select`], in order.
    pub selections: Vec<usize>,
    /// Answers to [`Prompter::wait_for`] when the folder has nothing new:
    /// a typed line.
    pub typed: Vec<String>,
    /// Seconds counted down with [`Prompter::countdown`]; shared so a test
    /// clock can move on by as much.
    pub waited_seconds: std::rc::Rc<std::cell::Cell<u64>>,
    /// Files "saved by the user" into the watched folder, one per wait.
    pub drops: Vec<(PathBuf, Vec<u8>)>,
    /// Answers to [`Prompter::secret`], in order.
    pub secrets: Vec<String>,
    /// Answers to [`Prompter::confirm`], in order.
    pub confirms: Vec<bool>,
    /// Everything shown with [`Prompter::say`] and [`Prompter::busy`]
    /// ([`CLEAR_SCREEN`] where the screen was cleared).
    pub shown: Vec<String>,
    /// Every question asked, in order.
    pub asked: Vec<String>,
    /// The answer each [`Prompter::input`] offered, in order.
    pub defaults: Vec<Option<String>>,
}

#[cfg(test)]
impl Scripted {
    /// What [`Prompter::clear_screen`] leaves in [`Scripted::shown`]: the
    /// sequence itself.
    pub const CLEARED: &'static str = CLEAR_SCREEN;

    fn next<T>(list: &mut Vec<T>) -> Result<T, PromptError> {
        // An exhausted script stands for a user who pressed Ctrl-C.
        if list.is_empty() {
            Err(PromptError::Cancelled)
        } else {
            Ok(list.remove(0))
        }
    }
}

#[cfg(test)]
impl Prompter for Scripted {
    fn input(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        _allow_empty: bool,
    ) -> Result<String, PromptError> {
        self.asked.push(prompt.to_owned());
        self.defaults.push(default.map(str::to_owned));
        Self::next(&mut self.inputs)
    }

    fn typed_secret(&mut self, prompt: &str) -> Result<SecretString, PromptError> {
        self.asked.push(prompt.to_owned());
        Self::next(&mut self.inputs).map(SecretString::new)
    }

    fn select(
        &mut self,
        prompt: &str,
        items: &[String],
        _default: usize,
    ) -> Result<usize, PromptError> {
        self.asked.push(prompt.to_owned());
        let choice = Self::next(&mut self.selections)?;
        assert!(
            choice < items.len(),
            "scripted choice {choice} out of {items:?}"
        );
        Ok(choice)
    }

    fn pause(&mut self, text: &str) -> Result<(), PromptError> {
        self.shown.push(text.to_owned());
        Ok(())
    }

    fn wait_for<T>(
        &mut self,
        message: &str,
        check: &mut dyn FnMut() -> Option<T>,
    ) -> Result<Waited<T>, PromptError> {
        self.shown.push(message.to_owned());
        if !self.drops.is_empty() {
            let (path, bytes) = self.drops.remove(0);
            std::fs::write(&path, bytes).map_err(PromptError::Terminal)?;
        }
        // The watcher wants to see a file twice at the same size.
        for _ in 0..3 {
            if let Some(found) = check() {
                return Ok(Waited::Found(found));
            }
        }
        Self::next(&mut self.typed).map(Waited::Typed)
    }

    fn countdown(&mut self, message: &str, seconds: u64) {
        self.shown.push(message.to_owned());
        self.waited_seconds.set(self.waited_seconds.get() + seconds);
    }

    fn say(&mut self, text: &str) {
        self.shown.push(text.to_owned());
    }

    fn clear_screen(&mut self) {
        self.shown.push(Scripted::CLEARED.to_owned());
    }

    fn secret(&mut self, prompt: &str) -> Result<SecretString, PromptError> {
        self.asked.push(prompt.to_owned());
        Self::next(&mut self.secrets).map(SecretString::new)
    }

    fn confirm(&mut self, prompt: &str, _default: bool) -> Result<bool, PromptError> {
        self.asked.push(prompt.to_owned());
        Self::next(&mut self.confirms)
    }

    fn busy<T>(&mut self, message: &str, work: impl FnOnce() -> T) -> T {
        self.shown.push(message.to_owned());
        work()
    }

    fn live(&mut self, render: &mut dyn FnMut() -> String) -> Result<(), PromptError> {
        self.shown.push(render());
        Ok(())
    }
}
