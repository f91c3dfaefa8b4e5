//! `kapukulcs nyomtatas`: writes the printable recovery sheet (PDF) of the
//! whole family.

use std::{io::Write, path::PathBuf};

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    family::Family,
    fl,
    prompter::Prompter,
    sheet, store,
    vault::{Access, Vault},
};

/// The command line of `nyomtatas`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// `--output`.
    #[arg(short, long, value_name = fl!("help-value-file"), help = fl!("help-print-output"))]
    pub output: Option<PathBuf>,
}

/// The sheet's file name when `--output` is not given.
pub const DEFAULT_SHEET: &str = "kapukulcs-helyreallito-lap.pdf";

/// Runs `nyomtatas`.
pub fn run(
    ctx: &Context,
    output: Option<PathBuf>,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Read)?;
    print_family(&vault.family, output, ctx, out)
}

/// Writes the sheet for `family` (to `output` or the default name, or the
/// next free name beside it) and tells the user where it is, that it is
/// not encrypted and what to do with it.
pub fn print_family(
    family: &Family,
    output: Option<PathBuf>,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if family.members.is_empty() {
        let _ = writeln!(out, "{}", fl!("info-nobody-yet"));
        return Ok(());
    }
    let asked = output.unwrap_or_else(|| PathBuf::from(DEFAULT_SHEET));
    let path = sheet::write(family, &asked, ctx.clock.now())?;
    if let Some(note) = store::renamed_note(&asked, &path) {
        let _ = writeln!(out, "{note}");
    }
    let file = path.display().to_string();
    let _ = writeln!(
        out,
        "{}\n{}",
        fl!(
            "info-sheet-written",
            file = file.as_str(),
            count = family.members.len().to_string()
        ),
        fl!("warn-plaintext-sheet", file = file.as_str())
    );
    Ok(())
}
