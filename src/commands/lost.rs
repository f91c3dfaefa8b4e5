//! `kapukulcs elveszett`: the phone was lost or stolen. Opens the bundle
//! for writing and hands it to the [lost-phone flow](crate::lost), with
//! the wizard's new registration for anyone who registers again at once.

use std::path::PathBuf;

use crate::{
    commands::options::{Context, HelpFlag, workspace},
    error::Error,
    family::Renewal,
    fl,
    lost::Lost,
    platform,
    prompter::Prompter,
    vault::{Access, Vault},
    wizard::{Answers, Wizard},
};

/// The command line of `elveszett`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// Only these people (all when empty).
    #[arg(long, value_name = fl!("help-value-name"), help = fl!("help-lost-only"))]
    pub only: Vec<String>,
    /// `--dir`: the working folder for the new registrations' screenshots.
    #[arg(
        long,
        value_name = fl!("help-value-folder"),
        help = fl!("help-lost-dir", dir = platform::default_workspace().display().to_string())
    )]
    pub dir: Option<PathBuf>,
}

/// Runs `elveszett`.
pub fn run(ctx: &Context, options: &Options, prompter: &mut impl Prompter) -> Result<(), Error> {
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Write)?;
    on_bundle(
        &mut vault,
        &options.only,
        workspace(options.dir.clone()),
        ctx,
        prompter,
    )
}

/// The lost-phone flow over a bundle already open for writing, for `only`
/// (everyone when empty), with new registrations' screenshots in
/// `workspace`. The main menu calls this with the bundle it opened.
pub fn on_bundle<P: Prompter>(
    vault: &mut Vault,
    only: &[String],
    workspace: PathBuf,
    ctx: &Context,
    prompter: &mut P,
) -> Result<(), Error> {
    let clock = &ctx.clock;
    let mut again = |vault: &mut Vault, prompter: &mut P, name: &str, how: Renewal| {
        Wizard::new(
            vault,
            prompter,
            clock,
            workspace.clone(),
            Answers::default(),
        )
        .renew(name, how)
    };
    Lost::new(vault, prompter, clock, &mut again).run(only)
}

/// A new deletion code for `name`, whose phone still works (the menu's
/// "Új törlőkód kell"): the lost-phone flow's online route, nothing
/// cancelled, over a bundle already open for writing.
pub fn new_deletion_code<P: Prompter>(
    vault: &mut Vault,
    name: &str,
    workspace: PathBuf,
    ctx: &Context,
    prompter: &mut P,
) -> Result<(), Error> {
    let clock = &ctx.clock;
    let mut again = |vault: &mut Vault, prompter: &mut P, name: &str, how: Renewal| {
        Wizard::new(
            vault,
            prompter,
            clock,
            workspace.clone(),
            Answers::default(),
        )
        .renew(name, how)
    };
    Lost::new(vault, prompter, clock, &mut again).renew(name)
}
