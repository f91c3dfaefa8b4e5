//! The error a command ends with: a small enum that wraps each domain's own
//! error (the vault, pictures and QR codes, other apps' formats, the sheet,
//! the prompter, files on disk, the family) plus the few that belong to the
//! command line itself. Each domain keeps its words, `err-…` and `rec-…`,
//! next to where it is raised (see [`Explain`]); this file only delegates,
//! prints them the same way and picks the exit code.

use std::io;

use crate::{
    family::{DeletionCodeError, FamilyError},
    fl,
    formats::{
        ImportError,
        otpauth::{KeyError, UriError},
    },
    i18n::Explain,
    prompter::PromptError,
    qr::{draw::QrTooLong, picture::PictureError},
    sheet::SheetError,
    store::StoreError,
    vault::VaultError,
};

/// An error the user sees.
#[derive(Debug)]
pub enum Error {
    /// Bad command line, with the detail in the user's language.
    Args(String),
    /// `--lang` with an unknown language.
    Lang(String),
    /// Standard input could not be read.
    Stdin(io::Error),
    /// Standard input held nothing.
    StdinEmpty,
    /// Several pictures failed; each was reported already.
    Reported,
    /// A typed or pasted key is not a key.
    Key(KeyError),
    /// A text is not a usable otpauth URI.
    Uri(UriError),
    /// A picture gave no otpauth URI.
    Picture(PictureError),
    /// A QR code cannot be drawn.
    Qr(QrTooLong),
    /// A file from another app could not be imported.
    Import(ImportError),
    /// The bundle could not be opened or saved.
    Vault(VaultError),
    /// The PDF sheet could not be made.
    Sheet(SheetError),
    /// A question got no answer.
    Prompt(PromptError),
    /// Reading or writing a file failed.
    Store(StoreError),
    /// Adding or removing a person failed.
    Family(FamilyError),
    /// A deletion code is not digits.
    DeletionCode(DeletionCodeError),
    /// `--deletion-code` with the code itself rather than `-`.
    DeletionCodeOnCommandLine,
    /// `--deletion-code -` and standard input held no line for it.
    NoDeletionCodeOnStdin,
}

/// `From` for each wrapped domain error, so `?` works across domains.
macro_rules! wraps {
    ($($variant:ident($error:ty)),+ $(,)?) => {$(
        impl From<$error> for Error {
            fn from(error: $error) -> Self {
                Error::$variant(error)
            }
        }
    )+};
}

wraps!(
    Key(KeyError),
    Uri(UriError),
    Picture(PictureError),
    Qr(QrTooLong),
    Import(ImportError),
    Sheet(SheetError),
    Prompt(PromptError),
    Store(StoreError),
    Family(FamilyError),
    DeletionCode(DeletionCodeError),
);

/// A vault error that is really a prompt or a file error is that error, so
/// callers see one shape for "the user pressed Ctrl-C" wherever it happened.
impl From<VaultError> for Error {
    fn from(error: VaultError) -> Self {
        match error {
            VaultError::Prompt(error) => Error::Prompt(error),
            VaultError::Store(error) => Error::Store(error),
            VaultError::Qr(error) => Error::Qr(error),
            error => Error::Vault(error),
        }
    }
}

impl Explain for Error {
    fn message(&self) -> String {
        match self {
            Error::Args(detail) => fl!("err-args", detail = detail.as_str()),
            // Never quoted: whatever was typed may be a key.
            Error::Lang(_) => fl!("err-lang"),
            Error::Stdin(error) => fl!("err-stdin-read", detail = crate::i18n::io_detail(error)),
            Error::StdinEmpty => fl!("err-stdin-empty"),
            Error::Reported => String::new(),
            Error::Key(error) => error.message(),
            Error::Uri(error) => error.message(),
            Error::Picture(error) => error.message(),
            Error::Qr(error) => error.message(),
            Error::Import(error) => error.message(),
            Error::Vault(error) => error.message(),
            Error::Sheet(error) => error.message(),
            Error::Prompt(error) => error.message(),
            Error::Store(error) => error.message(),
            Error::Family(error) => error.message(),
            Error::DeletionCode(error) => error.message(),
            Error::DeletionCodeOnCommandLine => fl!("err-deletion-code-on-command-line"),
            Error::NoDeletionCodeOnStdin => fl!("err-stdin-no-deletion-code"),
        }
    }

    fn recovery(&self) -> Option<String> {
        match self {
            Error::Args(_) | Error::Lang(_) => Some(fl!("rec-args")),
            Error::StdinEmpty => Some(fl!("rec-stdin-empty")),
            Error::Stdin(_) | Error::Reported => None,
            Error::Key(error) => error.recovery(),
            Error::Uri(error) => error.recovery(),
            Error::Picture(error) => error.recovery(),
            Error::Qr(error) => error.recovery(),
            Error::Import(error) => error.recovery(),
            Error::Vault(error) => error.recovery(),
            Error::Sheet(error) => error.recovery(),
            Error::Prompt(error) => error.recovery(),
            Error::Store(error) => error.recovery(),
            Error::Family(error) => error.recovery(),
            Error::DeletionCode(error) => error.recovery(),
            Error::DeletionCodeOnCommandLine => Some(fl!("rec-deletion-code-on-command-line")),
            Error::NoDeletionCodeOnStdin => Some(fl!("rec-stdin-no-deletion-code")),
        }
    }
}

crate::explained!(Error);

impl Error {
    /// The process exit code: 2 for a bad command line, 1 for anything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Args(_) | Error::Lang(_) | Error::DeletionCodeOnCommandLine => 2,
            _ => 1,
        }
    }
}

/// Writes `error` for the user: `Hiba: …`, then `Teendő: …` when there is
/// something to do. [`Error::Reported`] was written already and prints nothing.
pub fn report(out: &mut dyn std::io::Write, error: &Error) {
    if matches!(error, Error::Reported) {
        return;
    }
    // Ctrl-C at a question: the user's own choice, not a failure; said
    // with what was saved, when a flow has said it.
    if let Error::Prompt(PromptError::Cancelled) = error
        && let Some(farewell) = crate::interrupt::farewell()
    {
        let _ = writeln!(out, "\n{farewell}");
        return;
    }
    let _ = writeln!(out, "{}: {}", fl!("err-prefix"), error.message());
    if let Some(recovery) = error.recovery() {
        let _ = writeln!(out, "{}: {recovery}", fl!("rec-prefix"));
    }
}

/// The same as [`report`], as text for a prompter to show.
pub fn report_to_string(error: &Error) -> String {
    let mut buffer = Vec::new();
    report(&mut buffer, error);
    String::from_utf8_lossy(&buffer).trim_end().to_owned()
}
