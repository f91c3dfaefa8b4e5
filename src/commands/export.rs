//! `kapukulcs exportalas`: the family's accounts for another authenticator
//! app, as an Aegis plain JSON export or a list of otpauth URIs (Ente Auth,
//! 2FAS). These files are not encrypted: they are written 0600, never over
//! an existing file, and the user is warned.

use std::{io::Write, path::Path};

use crate::{
    aegis,
    commands::{context::Context, restore::labelled},
    error::Error,
    fl,
    prompter::Prompter,
    store, uri_list,
    vault::Vault,
};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aegis plain (unencrypted) JSON vault.
    Aegis,
    /// One otpauth URI per line.
    Uris,
}

/// Runs `exportalas`.
pub fn run(
    ctx: &Context,
    format: Format,
    output: &Path,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, false)?;
    let text = match format {
        Format::Aegis => {
            let entries: Vec<aegis::Entry> = vault
                .family
                .members
                .iter()
                .map(|m| aegis::Entry {
                    account: labelled(m),
                    note: m.name.clone(),
                })
                .collect();
            aegis::export(&entries, &mut rand::rng())
        }
        Format::Uris => {
            let accounts: Vec<_> = vault.family.members.iter().map(labelled).collect();
            uri_list::export(&accounts)
        }
    };
    // Never replaces anything: an export is new every time.
    store::write_atomic(output, text.expose().as_bytes(), &|_| false)?;
    let _ = writeln!(
        out,
        "{}",
        fl!(
            "export-done",
            file = output.display().to_string(),
            count = vault.family.members.len().to_string()
        )
    );
    prompter.say(&fl!("warn-export-unencrypted"));
    Ok(())
}
