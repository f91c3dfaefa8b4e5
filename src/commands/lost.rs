//! `kapukulcs elveszett`: the phone was lost or stolen. Opens the bundle
//! for writing and hands it to the [lost-phone flow](crate::flows::lost), with
//! the wizard's new registration for anyone who registers again at once.

use std::path::PathBuf;

use crate::{
    commands::options::{Context, HelpFlag, workspace},
    error::Error,
    family::Renewal,
    fl,
    flows::lost::Lost,
    flows::wizard::{Answers, Places, Wizard},
    platform,
    prompter::Prompter,
    vault::{Access, Vault},
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
        Places::system(workspace(options.dir.clone())),
        ctx,
        prompter,
    )
}

/// The lost-phone flow over a bundle already open for writing, for `only`
/// (everyone when empty), with new registrations' screenshots watched in
/// `places`. The main menu calls this with the bundle it opened.
pub fn on_bundle<P: Prompter>(
    vault: &mut Vault,
    only: &[String],
    places: Places,
    ctx: &Context,
    prompter: &mut P,
) -> Result<(), Error> {
    with_flow(vault, places, ctx, prompter, Way::Lost(only))
}

/// A new deletion code for `name`, whose phone still works (the menu's
/// "Új törlőkód kell"): the lost-phone flow's online route, nothing
/// cancelled, over a bundle already open for writing.
pub fn new_deletion_code<P: Prompter>(
    vault: &mut Vault,
    name: &str,
    places: Places,
    ctx: &Context,
    prompter: &mut P,
) -> Result<(), Error> {
    with_flow(vault, places, ctx, prompter, Way::NewDeletionCode(name))
}

/// The two ways into the lost-phone flow.
enum Way<'n> {
    /// The phone is gone: everyone in the list (all when empty).
    Lost(&'n [String]),
    /// One person needs a new deletion code.
    NewDeletionCode(&'n str),
}

/// The lost-phone flow, with the wizard's new registration handed in.
fn with_flow<P: Prompter>(
    vault: &mut Vault,
    places: Places,
    ctx: &Context,
    prompter: &mut P,
    way: Way<'_>,
) -> Result<(), Error> {
    let clock = &ctx.clock;
    let mut again = |vault: &mut Vault, prompter: &mut P, name: &str, how: Renewal| {
        Wizard::new(vault, prompter, clock, places.clone(), Answers::default()).renew(name, how)
    };
    let mut lost = Lost::new(vault, prompter, clock, &mut again);
    match way {
        Way::Lost(only) => lost.run(only),
        Way::NewDeletionCode(name) => lost.renew(name),
    }
}
