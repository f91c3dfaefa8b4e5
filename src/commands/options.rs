//! What several commands share, declared once: the bundle options every
//! command takes (flattened into the command line as global options), the
//! answers about a person that `hozzaadas` and `beallitas` both take, and
//! the [`Context`] a bundle command runs in.

use std::path::PathBuf;

use clap::Args;

use crate::{
    clock::Clock, fl, platform, secret::SecretString, vault, vault::Keys, wizard::Answers,
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
    /// The deletion code as typed; kept secret from the moment it is parsed.
    #[arg(long, value_name = "12345678", value_parser = secret, help = fl!("help-add-deletion-code"))]
    pub deletion_code: Option<SecretString>,
}

/// A deletion code from the command line, wrapped at once.
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
    /// The same answers for the wizard, which asks for whatever is missing.
    pub fn answers(self) -> Answers {
        Answers {
            name: self.name,
            username: self.username,
            image: self.image,
            deletion_code: self.deletion_code,
        }
    }
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
