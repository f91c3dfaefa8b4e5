//! `kapukulcs hozzaadas`: adds a person without questions, from a picture
//! of the QR code, an otpauth URI or a key on standard input. Everything is
//! checked before the bundle is touched.

use std::{
    io::{Read, Write},
    path::{Path, PathBuf},
};

use clap::ArgGroup;

use crate::{
    commands::options::{Context, HelpFlag, PersonArgs, stdin_lines},
    error::Error,
    family::{DeletionCode, FamilyError, Member, Picture, UGYFELKAPU_ISSUER},
    fl,
    formats::otpauth::{Key, OtpAuth},
    prompter::{Prompter, print},
    qr::picture,
    secret::SecretString,
    vault::{Access, Vault},
};

/// The command line of `hozzaadas`: a person, and exactly one source.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
#[command(
    group(ArgGroup::new("source").args(["image", "uri", "key"]).required(true)),
    mut_arg("name", |arg| arg.required(true))
)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// Name, username, picture and deletion code.
    #[command(flatten)]
    pub person: PersonArgs,
    /// `--uri -`: the otpauth URI on standard input.
    #[arg(long, value_name = fl!("help-value-stdin"), value_parser = stdin_only, help = fl!("help-add-uri"))]
    pub uri: Option<String>,
    /// `--key -`: the key on standard input.
    #[arg(long, value_name = fl!("help-value-stdin"), value_parser = stdin_only, help = fl!("help-add-key"))]
    pub key: Option<String>,
    /// A free note.
    #[arg(long, value_name = fl!("help-value-text"), help = fl!("help-add-note"))]
    pub note: Option<String>,
}

/// A key or URI written on the command line instead of `-`: refused
/// without repeating it (other processes see a command line, and the
/// shell keeps it in its history).
#[derive(Debug)]
pub struct OnCommandLine;

impl std::fmt::Display for OnCommandLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("-")
    }
}

impl std::error::Error for OnCommandLine {}

/// The value of `--key` and `--uri`: only `-`, standard input. Anything
/// else is dropped unread and refused as [`OnCommandLine`].
fn stdin_only(value: &str) -> Result<String, OnCommandLine> {
    if value == "-" {
        Ok(value.to_owned())
    } else {
        Err(OnCommandLine)
    }
}

impl Options {
    /// The options checked into [`AddArgs`]: clap already made sure that
    /// the name and exactly one source are there; a deletion code written
    /// on the command line is refused here.
    pub fn checked(self) -> Result<AddArgs, Error> {
        let deletion_code_from_stdin = self.person.deletion_code_from_stdin()?;
        let source = if let Some(image) = self.person.image {
            Source::Image(image)
        } else if self.uri.is_some() {
            Source::Uri
        } else {
            Source::Key
        };
        Ok(AddArgs {
            name: self.person.name.unwrap_or_default(),
            username: self.person.username,
            source,
            deletion_code_from_stdin,
            note: self.note,
        })
    }
}

/// Where the key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--image FILE`: a screenshot or photo of the QR code.
    Image(PathBuf),
    /// `--uri -`: an otpauth URI on standard input.
    Uri,
    /// `--key -`: the characters under "Nem tudom beolvasni a kódot".
    Key,
}

/// The options of `hozzaadas`. The deletion code itself is never here (it
/// is read from standard input later), so the derived `Debug` shows no
/// secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddArgs {
    /// The family name: Én, Mama, Papa, …
    pub name: String,
    /// The Ügyfélkapu username.
    pub username: Option<String>,
    /// Where the key comes from.
    pub source: Source,
    /// `--deletion-code -`: the deletion code is on standard input, on the
    /// line after the key or URI when those are there too.
    pub deletion_code_from_stdin: bool,
    /// A free note.
    pub note: Option<String>,
}

fn from_picture(path: &Path) -> Result<(SecretString, OtpAuth, Picture), Error> {
    let bytes = picture::read_file(path)?;
    let (uri, account) = picture::account_in_picture(bytes.expose(), path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((uri, account, Picture { file_name, bytes }))
}

/// Builds the new member from the arguments, checking everything.
pub fn member(args: &AddArgs, input: &mut dyn Read, ctx: &Context) -> Result<Member, Error> {
    let from_stdin = matches!(args.source, Source::Uri | Source::Key);
    // Standard input is read once: the key or URI first, then the
    // deletion code, each on a line of its own.
    let mut lines = if from_stdin || args.deletion_code_from_stdin {
        stdin_lines(input)?.into_iter()
    } else {
        Vec::new().into_iter()
    };
    let (uri, account, picture) = match &args.source {
        Source::Image(path) => {
            let (uri, account, picture) = from_picture(path)?;
            (uri, account, Some(picture))
        }
        Source::Uri => {
            let uri = lines.next().ok_or(Error::StdinEmpty)?;
            let account = OtpAuth::parse(uri.expose())?;
            (uri, account, None)
        }
        Source::Key => {
            let key = Key::parse(lines.next().ok_or(Error::StdinEmpty)?.expose())?;
            let label = args.username.clone().unwrap_or_else(|| args.name.clone());
            let account = OtpAuth::new(Some(UGYFELKAPU_ISSUER.to_owned()), label, key);
            (account.to_uri(), account, None)
        }
    };
    let deletion_code = if args.deletion_code_from_stdin {
        let typed = lines.next().ok_or(Error::NoDeletionCodeOnStdin)?;
        Some(DeletionCode::parse(typed.expose())?)
    } else {
        None
    };
    let mut member = Member::new(args.name.trim().to_owned(), account, ctx.clock.now());
    member.original_uri = uri;
    member.picture = picture;
    member.deletion_code = deletion_code;
    member.username = args.username.clone().filter(|u| !u.trim().is_empty());
    member.note = args.note.clone().unwrap_or_default();
    Ok(member)
}

/// Runs `hozzaadas`.
pub fn run(
    ctx: &Context,
    args: &AddArgs,
    input: &mut dyn Read,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let member = member(args, input, ctx)?;
    if member.name.is_empty() {
        return Err(FamilyError::EmptyName.into());
    }
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Create)?;
    if let Some(code) = member
        .deletion_code
        .as_ref()
        .filter(|c| !c.has_usual_length())
    {
        prompter.say(&fl!(
            "warn-deletion-code-length",
            length = code.digits().expose().len().to_string()
        ));
    }
    let said = added(&member, &ctx.bundle);
    vault.family.add(member)?;
    vault.save(prompter, ctx.clock.now())?;
    print(out, &said)?;
    Ok(())
}

/// What `hozzaadas` says once `member` is saved in `bundle`.
pub fn added(member: &Member, bundle: &Path) -> String {
    fl!(
        "info-added",
        name = member.name.as_str(),
        issuer = member.account.issuer.as_deref().unwrap_or_default(),
        file = bundle.display().to_string()
    )
}
