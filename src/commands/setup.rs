//! `kapukulcs beallitas`: the guided registration. Opens (or starts) the
//! bundle and hands it to the [wizard](crate::flows::wizard) with the answers
//! given as flags.

use std::{io::Read, path::PathBuf};

use crate::{
    commands::options::{Context, HelpFlag, PersonArgs, workspace},
    error::Error,
    fl,
    flows::wizard::{Places, Wizard},
    platform,
    prompter::Prompter,
    vault::{Access, Vault},
};

/// The command line of `beallitas`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// `--dir`: the working folder for screenshots and the sheet.
    #[arg(
        long,
        value_name = fl!("help-value-folder"),
        help = fl!("help-setup-dir", dir = platform::default_workspace().display().to_string())
    )]
    pub dir: Option<PathBuf>,
    /// Answers given as flags.
    #[command(flatten)]
    pub person: PersonArgs,
}

/// Runs `beallitas`; `input` is standard input, read only for
/// `--deletion-code -`.
pub fn run(
    ctx: &Context,
    options: Options,
    input: &mut dyn Read,
    prompter: &mut impl Prompter,
) -> Result<(), Error> {
    // Checked before the bundle is opened: a refused code costs no passphrase.
    let answers = options.person.answers(input)?;
    let new = ctx.bundle.symlink_metadata().is_err();
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Create)?;
    // The passphrase just chosen is kept with the empty bundle: quitting
    // before anyone is registered does not ask for a new one next time.
    if new {
        vault.save(prompter, ctx.clock.now())?;
    }
    Wizard::new(
        &mut vault,
        prompter,
        &ctx.clock,
        Places::system(workspace(options.dir)),
        answers,
    )
    .run()
}
