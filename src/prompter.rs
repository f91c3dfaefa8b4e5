//! The one place that talks to the terminal. Program logic asks questions
//! and shows progress through the [`Prompter`] trait; [`Terminal`] answers
//! with dialoguer and spinners of its own, tests answer from a script. (cargo-generate
//! passes its prompts in the same way.)

use std::{
    io::{self, IsTerminal, Write},
    path::PathBuf,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    thread::JoinHandle,
    time::Duration,
};

use dialoguer::{Input, Password, Select, theme::ColorfulTheme};

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
            PromptError::Terminal(error) => {
                fl!("err-terminal", detail = crate::i18n::io_detail(error))
            }
            PromptError::Output(error) => fl!("err-output", detail = crate::i18n::io_detail(error)),
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

/// What takes the cursor back over the last `lines` lines a view drew and
/// erases them (carriage return, cursor up, erase below), so the view's
/// next frame is drawn in their place: a view redrawn every second leaves
/// one copy on the screen and none in the scrollback, where clearing the
/// screen (`ESC [2J`) would push a copy up each time. Nothing when no line
/// was drawn yet. A line longer than the terminal is wide takes two rows,
/// so views keep their lines short.
pub fn erase_lines(lines: usize) -> String {
    if lines == 0 {
        String::new()
    } else {
        format!("\r\x1b[{lines}A\x1b[J")
    }
}

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
    /// Erases the last `lines` lines written, so a view is redrawn in
    /// place ([`erase_lines`]); only on a terminal.
    fn erase_lines(&mut self, lines: usize);
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
    /// Shows what `render` gives, drawn again in place every second, until
    /// the user presses Enter; then clears the screen, scrollback included
    /// (it showed codes).
    fn live(&mut self, render: &mut dyn FnMut() -> String) -> Result<(), PromptError>;
}

/// A spinner's frames. Braille dots where terminals have them; on Windows
/// the characters every console font has (a font without "⠋" shows a
/// box, and a console that counts it as two cells wraps the line).
const FRAMES: &[&str] = if cfg!(windows) {
    &ASCII_FRAMES
} else {
    &["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
};

/// The spinner's frames on Windows: ASCII only.
const ASCII_FRAMES: [&str; 4] = ["|", "/", "-", "\\"];

/// One frame of a spinner: back to the line's start, the frame and the
/// message. Nothing pads it to the terminal's width (indicatif does, and
/// where a console counts "⠉" or "…" as two cells, every padded frame
/// wrapped onto a new line); a frame is as long as the one before, so it
/// covers it.
fn spinner_frame(tick: usize, message: &str) -> String {
    format!("\r{} {message}", FRAMES[tick % FRAMES.len()])
}

/// What erases a frame of `message`: spaces over it, then back to the
/// line's start. A character outside ASCII counts as two cells, as some
/// consoles draw it; erase sequences are not used, as an old Windows
/// console prints them.
fn spinner_erase(message: &str) -> String {
    let cells = 2 + message
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum::<usize>();
    format!("\r{}\r", " ".repeat(cells))
}

/// A line redrawn in place on standard error by a thread of its own, until
/// [`Spinner::finish`] (or drop) erases it. Nothing is drawn when standard
/// error is not a terminal.
struct Spinner {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Spinner {
    /// Starts drawing `line(tick)` every `every`, `erase` at the end.
    fn start(
        every: Duration,
        line: impl Fn(usize) -> String + Send + 'static,
        erase: String,
    ) -> Spinner {
        let stop = Arc::new(AtomicBool::new(false));
        let thread = io::stderr().is_terminal().then(|| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut tick = 0;
                while !stop.load(Ordering::SeqCst) {
                    let mut err = io::stderr().lock();
                    let _ = err.write_all(line(tick).as_bytes());
                    let _ = err.flush();
                    drop(err);
                    tick += 1;
                    // Short naps, so stopping is quick.
                    let mut slept = Duration::ZERO;
                    while slept < every && !stop.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(20));
                        slept += Duration::from_millis(20);
                    }
                }
                let mut err = io::stderr().lock();
                let _ = err.write_all(erase.as_bytes());
                let _ = err.flush();
            })
        });
        Spinner { stop, thread }
    }

    /// A spinner with `message`.
    fn message(message: &str) -> Spinner {
        let owned = message.to_owned();
        Spinner::start(
            Duration::from_millis(120),
            move |tick| spinner_frame(tick, &owned),
            spinner_erase(message),
        )
    }

    /// Stops and erases the line.
    fn finish(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.halt();
    }
}

/// The real terminal: dialoguer prompts and spinners on standard error.
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
        let mut spinner = Some(Spinner::message(message));
        let waited = loop {
            if let Some(found) = check() {
                break Waited::Found(found);
            }
            if crate::platform::input_ready(Duration::from_millis(250)) {
                if let Some(spinner) = spinner.take() {
                    spinner.finish();
                }
                let line = Input::<String>::with_theme(&self.theme)
                    .with_prompt(fl!("prompt-picture-path"))
                    .allow_empty(true)
                    .interact_text()
                    .map_err(prompt_error)?;
                break Waited::Typed(line.trim().to_owned());
            }
        };
        if let Some(spinner) = spinner {
            spinner.finish();
        }
        Ok(waited)
    }

    fn countdown(&mut self, message: &str, seconds: u64) {
        let (done, left) = if cfg!(windows) {
            ("#", "-")
        } else {
            ("█", "░")
        };
        let owned = message.to_owned();
        let total = seconds.max(1);
        let bar = move |second: u64| {
            let filled = (30 * second / total) as usize;
            format!(
                "\r{owned} [{}{}] {second}/{seconds}",
                done.repeat(filled),
                left.repeat(30 - filled)
            )
        };
        let last = bar(seconds);
        let erase = spinner_erase(&last[1..]);
        let started = std::time::Instant::now();
        let spinner = Spinner::start(
            Duration::from_millis(200),
            move |_| bar(started.elapsed().as_secs().min(seconds)),
            erase,
        );
        std::thread::sleep(Duration::from_secs(seconds));
        spinner.finish();
    }

    fn say(&mut self, text: &str) {
        to_stderr(text);
    }

    fn live(&mut self, render: &mut dyn FnMut() -> String) -> Result<(), PromptError> {
        self.check()?;
        let mut drawn = 0;
        loop {
            let frame = format!("{}\n{}\n", render(), fl!("live-quit"));
            let _ = write!(io::stderr(), "{}{frame}", erase_lines(drawn));
            let _ = io::stderr().flush();
            drawn = frame.lines().count();
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

    fn erase_lines(&mut self, lines: usize) {
        // Only a terminal understands it; a log file gets no escape codes.
        if lines > 0 && std::io::stderr().is_terminal() {
            let mut err = std::io::stderr();
            let _ = err.write_all(erase_lines(lines).as_bytes());
            let _ = err.flush();
        }
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
        let spinner = Spinner::message(message);
        let result = work();
        spinner.finish();
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

    fn erase_lines(&mut self, _lines: usize) {}

    fn live(&mut self, render: &mut dyn FnMut() -> String) -> Result<(), PromptError> {
        self.shown.push(render());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 18, item 15: a frame is the frame and the message, never
    /// padded to the terminal's width; on Windows every frame is ASCII,
    /// which every console font has and counts as one cell.
    #[test]
    fn spinner_frames_are_short_and_ascii_on_windows() {
        for tick in 0..20 {
            let frame = spinner_frame(tick, "Várom a képet…");
            assert!(frame.starts_with('\r'), "{frame:?}");
            assert!(frame.ends_with("Várom a képet…"), "{frame:?}");
            assert_eq!(frame.chars().count(), 1 + 2 + 14, "{frame:?}");
        }
        assert!(ASCII_FRAMES.iter().all(|frame| frame.is_ascii()));
        if cfg!(windows) {
            assert_eq!(FRAMES, ASCII_FRAMES);
        }
        // The erase covers a frame even where "…" and "á" take two cells.
        let erase = spinner_erase("Várom a képet…");
        assert_eq!(erase.matches(' ').count(), 2 + 14 + 3);
        assert!(erase.starts_with('\r') && erase.ends_with('\r'));
    }
}
