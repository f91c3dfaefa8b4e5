//! What several commands share, declared once: the bundle options every
//! command takes (flattened into the command line as global options), the
//! answers about a person that `hozzaadas` and `beallitas` both take, and
//! the [`Context`] a bundle command runs in.

use std::{io::Read, path::PathBuf};

use clap::Args;
use zeroize::Zeroizing;

use crate::{
    clock::Clock, error::Error, fl, flows::wizard::Answers, platform, secret::SecretString, vault,
    vault::Keys,
};

/// `-h`, `--help`: flattened first into the program and into every
/// command, so it is listed first and its heading comes before the
/// arguments'.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct HelpFlag {
    #[arg(
        short,
        long,
        action = clap::ArgAction::Help,
        global = true,
        help = fl!("help-help"),
        help_heading = fl!("help-options-heading")
    )]
    help: Option<bool>,
}

/// `--bundle`, `--passphrase-file`, `--recipient`, `--identity`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
pub struct BundleArgs {
    /// The bundle file; `None` is the default in the data folder.
    #[arg(long, global = true, value_name = fl!("help-value-file"), help = fl!("help-bundle"))]
    pub bundle: Option<PathBuf>,
    /// The passphrase is the first line of this file.
    #[arg(long, global = true, value_name = fl!("help-value-file"), help = fl!("help-passphrase-file"))]
    pub passphrase_file: Option<PathBuf>,
    /// Encrypt to these age public keys.
    #[arg(short, long = "recipient", global = true, value_name = "age1…", help = fl!("help-recipient"))]
    pub recipients: Vec<String>,
    /// Decrypt with these age identity files.
    #[arg(short, long = "identity", global = true, value_name = fl!("help-value-file"), help = fl!("help-identity"))]
    pub identities: Vec<PathBuf>,
}

/// The answers about a person, given up front as flags.
#[derive(Clone, Default, PartialEq, Eq, Args)]
pub struct PersonArgs {
    /// The family name: Én, Mama, Papa, …
    #[arg(long, value_name = fl!("help-value-name"), help = fl!("help-add-name"))]
    pub name: Option<String>,
    /// The Ügyfélkapu username.
    #[arg(long, value_name = fl!("help-value-username"), help = fl!("help-add-username"))]
    pub username: Option<String>,
    /// A screenshot or photo of the QR code.
    #[arg(long, value_name = fl!("help-value-image"), help = fl!("help-add-image"))]
    pub image: Option<PathBuf>,
    /// `--deletion-code -`: the deletion code on standard input. Anything
    /// else is wrapped at once and refused by [`PersonArgs::deletion_code_from_stdin`]:
    /// a code on the command line is seen by other processes and kept in
    /// the shell's history.
    #[arg(long, value_name = fl!("help-value-stdin"), value_parser = secret, help = fl!("help-add-deletion-code"))]
    pub deletion_code: Option<SecretString>,
}

/// A value from the command line that may be a secret, wrapped at once.
fn secret(text: &str) -> Result<SecretString, std::convert::Infallible> {
    Ok(SecretString::new(text.to_owned()))
}

/// Everything but the deletion code, which stays out of debug output.
impl std::fmt::Debug for PersonArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonArgs")
            .field("name", &self.name)
            .field("username", &self.username)
            .field("image", &self.image)
            .finish_non_exhaustive()
    }
}

impl PersonArgs {
    /// Whether the deletion code comes from standard input (`--deletion-code
    /// -`); a code written on the command line itself is refused, without
    /// repeating it.
    pub fn deletion_code_from_stdin(&self) -> Result<bool, Error> {
        match &self.deletion_code {
            None => Ok(false),
            Some(code) if code.expose() == "-" => Ok(true),
            Some(_) => Err(Error::DeletionCodeOnCommandLine),
        }
    }

    /// The same answers for the wizard, which asks for whatever is missing:
    /// the deletion code read from `input` for `--deletion-code -`.
    pub fn answers(self, input: &mut dyn Read) -> Result<Answers, Error> {
        let deletion_code = if self.deletion_code_from_stdin()? {
            let lines = stdin_lines(input)?;
            Some(
                lines
                    .into_iter()
                    .next()
                    .ok_or(Error::NoDeletionCodeOnStdin)?,
            )
        } else {
            None
        };
        Ok(Answers {
            name: self.name,
            username: self.username,
            image: self.image,
            deletion_code,
        })
    }
}

/// The non-empty lines of standard input, trimmed, each a secret (a key,
/// a URI or a deletion code may be among them). The buffer they were read
/// into is wiped.
pub fn stdin_lines(input: &mut dyn Read) -> Result<Vec<SecretString>, Error> {
    let mut text = Zeroizing::new(String::new());
    input.read_to_string(&mut text).map_err(Error::Stdin)?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| SecretString::new(line.to_owned()))
        .collect())
}

/// The bundle, the keys to it and the clock, checked and ready.
#[derive(Debug, Clone)]
pub struct Context {
    /// The bundle file (`--bundle`, or the default in the data folder).
    pub bundle: PathBuf,
    /// `--passphrase-file`, `--recipient`, `--identity`.
    pub keys: Keys,
    /// Where "now" comes from (tests pass a fixed moment).
    pub clock: Clock,
}

impl Context {
    /// The context for `args`, with the default bundle when none is given.
    pub fn new(args: BundleArgs, clock: Clock) -> Context {
        Context {
            bundle: args.bundle.unwrap_or_else(vault::default_path),
            keys: Keys {
                passphrase_file: args.passphrase_file,
                recipients: args.recipients,
                identities: args.identities,
                work_factor: None,
            },
            clock,
        }
    }
}

/// The wizard's folder unless `--dir` says otherwise.
pub fn workspace(dir: Option<PathBuf>) -> PathBuf {
    dir.unwrap_or_else(platform::default_workspace)
}
