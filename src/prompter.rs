//! The one place that talks to the terminal. Program logic asks questions
//! and shows progress through the [`Prompter`] trait; [`Terminal`] answers
//! with dialoguer and indicatif, tests answer from a script. (cargo-generate
//! passes its prompts in the same way.)

use std::{io::IsTerminal, time::Duration};

use dialoguer::{Confirm, Password, theme::ColorfulTheme};
use indicatif::{ProgressBar, ProgressStyle};

use crate::{error::Error, secret::SecretString};

/// Questions and progress, whoever answers them.
pub trait Prompter {
    /// Shows a line of information.
    fn say(&mut self, text: &str);
    /// Asks for a secret without echoing it.
    fn secret(&mut self, prompt: &str) -> Result<SecretString, Error>;
    /// Asks a yes/no question.
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Error>;
    /// Runs `work` while showing that something is happening (a spinner).
    fn busy<T>(&mut self, message: &str, work: impl FnOnce() -> T) -> T;
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
    fn check(&self) -> Result<(), Error> {
        if std::io::stderr().is_terminal() && std::io::stdin().is_terminal() {
            Ok(())
        } else {
            Err(Error::NoTerminal)
        }
    }
}

impl Default for Terminal {
    fn default() -> Self {
        Terminal::new()
    }
}

fn prompt_error(error: dialoguer::Error) -> Error {
    match error {
        dialoguer::Error::IO(error) if error.kind() == std::io::ErrorKind::Interrupted => {
            Error::Cancelled
        }
        dialoguer::Error::IO(error) => Error::Terminal(error),
    }
}

impl Prompter for Terminal {
    fn say(&mut self, text: &str) {
        eprintln!("{text}");
    }

    fn secret(&mut self, prompt: &str) -> Result<SecretString, Error> {
        self.check()?;
        Password::with_theme(&self.theme)
            .with_prompt(prompt)
            .interact()
            .map(SecretString::new)
            .map_err(prompt_error)
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Error> {
        self.check()?;
        Confirm::with_theme(&self.theme)
            .with_prompt(prompt)
            .default(default)
            .interact()
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

/// Answers from a script, for tests and for runs without a terminal where
/// every answer came from flags.
#[derive(Default)]
pub struct Scripted {
    /// Answers to [`Prompter::secret`], in order.
    pub secrets: Vec<String>,
    /// Answers to [`Prompter::confirm`], in order.
    pub confirms: Vec<bool>,
    /// Everything shown with [`Prompter::say`] and [`Prompter::busy`].
    pub shown: Vec<String>,
    /// Every question asked, in order.
    pub asked: Vec<String>,
}

impl Prompter for Scripted {
    fn say(&mut self, text: &str) {
        self.shown.push(text.to_owned());
    }

    fn secret(&mut self, prompt: &str) -> Result<SecretString, Error> {
        self.asked.push(prompt.to_owned());
        if self.secrets.is_empty() {
            return Err(Error::NoTerminal);
        }
        Ok(SecretString::new(self.secrets.remove(0)))
    }

    fn confirm(&mut self, prompt: &str, _default: bool) -> Result<bool, Error> {
        self.asked.push(prompt.to_owned());
        if self.confirms.is_empty() {
            return Err(Error::NoTerminal);
        }
        Ok(self.confirms.remove(0))
    }

    fn busy<T>(&mut self, message: &str, work: impl FnOnce() -> T) -> T {
        self.shown.push(message.to_owned());
        work()
    }
}
