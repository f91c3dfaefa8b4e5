//! `kapukulcs torles NÉV`: takes a person out of the bundle after a
//! confirmation (or `--yes`). The previous bundle stays as `.bak`.

use std::io::Write;

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    family::FamilyError,
    fl,
    prompter::Prompter,
    vault::{Access, Vault},
};

/// The command line of `torles`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// Whom.
    #[arg(value_name = fl!("help-value-name"), required = true, help_heading = fl!("help-arguments-heading"), help = fl!("help-remove-name"))]
    pub name: String,
    /// `--yes`: no confirmation question.
    #[arg(long, short, help = fl!("help-remove-yes"))]
    pub yes: bool,
}

/// Runs `torles`.
pub fn run(
    ctx: &Context,
    name: &str,
    yes: bool,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Write)?;
    let name = vault
        .family
        .find(name)
        .map(|m| m.name.clone())
        .ok_or_else(|| FamilyError::NoSuchMember(name.to_owned()))?;
    if !yes && !prompter.confirm(&fl!("prompt-remove", name = name.as_str()), false)? {
        let _ = writeln!(out, "{}", fl!("info-not-removed", name = name.as_str()));
        return Ok(());
    }
    vault.family.remove(&name)?;
    vault.save(prompter, ctx.clock.now())?;
    let _ = writeln!(out, "{}", fl!("info-removed", name = name.as_str()));
    Ok(())
}
