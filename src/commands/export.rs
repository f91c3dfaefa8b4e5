//! `kapukulcs exportalas`: the family's accounts for another authenticator
//! app, as an Aegis plain JSON export or a list of otpauth URIs (Ente Auth,
//! 2FAS). These files are not encrypted: they are written 0600, never over
//! an existing file (a taken name gives `NAME (2).txt`, and the user is
//! told), without a backup, and the user is warned.

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    family::Member,
    fl,
    formats::{aegis, uri_list},
    prompter::{Prompter, print},
    store,
    vault::{Access, Vault},
};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aegis plain (unencrypted) JSON vault.
    Aegis,
    /// One otpauth URI per line.
    #[value(name = "uri")]
    Uris,
}

/// The command line of `exportalas`.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// `--format`.
    #[arg(long, value_name = "aegis|uri", hide_possible_values = true, help = fl!("help-export-format"))]
    pub format: Format,
    /// `--output`.
    #[arg(short, long, value_name = fl!("help-value-file"), help = fl!("help-export-output"))]
    pub output: PathBuf,
}

/// Runs `exportalas`.
pub fn run(
    ctx: &Context,
    format: Format,
    output: &Path,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Read)?;
    let text = match format {
        Format::Aegis => {
            let entries: Vec<aegis::Entry> = vault
                .family
                .members
                .iter()
                .map(|m| aegis::Entry {
                    account: m.labelled_account(),
                    note: m.name.clone(),
                })
                .collect();
            aegis::export(&entries, &mut rand::rng())
        }
        Format::Uris => {
            let accounts: Vec<_> = vault
                .family
                .members
                .iter()
                .map(Member::labelled_account)
                .collect();
            uri_list::export(&accounts)
        }
    };
    // Never replaces anything: an export is new every time.
    let written = store::write_plaintext(output, text.expose().as_bytes())?;
    if let Some(note) = store::renamed_note(output, &written) {
        prompter.say(&note);
    }
    print(
        out,
        &fl!(
            "export-done",
            file = written.display().to_string(),
            count = vault.family.members.len().to_string()
        ),
    )?;
    prompter.say(&fl!("warn-export-unencrypted"));
    Ok(())
}
