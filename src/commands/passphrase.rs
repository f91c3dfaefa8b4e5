//! `kapukulcs jelszo`: gives the bundle a new passphrase, asked twice with
//! the same advice about a weak one as when a bundle is made, or read from
//! `--new-passphrase-file` for scripts. A bundle locked to age keys is
//! switched to the passphrase after a confirmation (or `--yes`). The
//! previous file stays as `.bak`, as after every save, and still opens
//! with the old key: the person is told so.

use std::{io::Write, path::PathBuf};

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    fl,
    prompter::Prompter,
    store,
    vault::{self, Access, Vault},
};

/// The command line of `jelszo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// `--new-passphrase-file`: the new passphrase is its first line.
    #[arg(long, value_name = fl!("help-value-file"), help = fl!("help-new-passphrase-file"))]
    pub new_passphrase_file: Option<PathBuf>,
    /// `--yes`: no question when a bundle locked to keys is switched.
    #[arg(long, short, help = fl!("help-keys-yes"))]
    pub yes: bool,
}

/// Runs `jelszo`.
pub fn run(
    ctx: &Context,
    options: &Options,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Write)?;
    change(&mut vault, options, ctx, prompter, out)
}

/// Puts the open `vault` under a new passphrase and saves it: `jelszo`,
/// and the main menu's item.
pub fn change(
    vault: &mut Vault,
    options: &Options,
    ctx: &Context,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let switching = !vault.is_passphrase();
    if switching
        && !options.yes
        && !prompter.confirm(
            &fl!(
                "prompt-switch-to-passphrase",
                count = vault.recipients().len().to_string()
            ),
            false,
        )?
    {
        let _ = writeln!(out, "{}", fl!("info-keys-not-changed"));
        return Ok(());
    }
    // The questions are the ones a new bundle asks; this line says that
    // the passphrase asked for now is the new one, the old one is done.
    if options.new_passphrase_file.is_none() {
        prompter.say(&fl!("info-new-passphrase-next"));
    }
    let passphrase = vault::ask_new_passphrase(options.new_passphrase_file.as_deref(), prompter)?;
    vault.set_passphrase(passphrase, ctx.keys.work_factor);
    vault.save(prompter, ctx.clock.now())?;
    let file = vault.path.display().to_string();
    let done = if switching {
        fl!("info-switched-to-passphrase", file = file)
    } else {
        fl!("info-passphrase-changed", file = file)
    };
    // Beside the file really written: behind a link, next to its target.
    let backup = store::backup_of(&vault.path).display().to_string();
    let _ = writeln!(out, "{done}");
    let _ = writeln!(out, "{}", fl!("info-old-keys-in-backup", backup = backup));
    Ok(())
}
