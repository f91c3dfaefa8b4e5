//! `kapukulcs nyomtatas`: writes the printable recovery sheet (PDF) of the
//! whole family.

use std::{io::Write, path::PathBuf};

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    family::{Family, PrintedSheet},
    fl,
    i18n::Explain,
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
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Read)?;
    print_and_record(&mut vault, output, ctx, prompter, out)
}

/// Writes the sheet as [`print_family`] does and records in the bundle
/// when it was made and what it printed, so that a later change names
/// the paper as out of date (`lista`, the menu, `elveszett`). A record
/// that cannot be saved (another run writing, a read-only folder) is said
/// and does not undo the sheet.
pub fn print_and_record(
    vault: &mut Vault,
    output: Option<PathBuf>,
    ctx: &Context,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if vault.family.members.is_empty() {
        return print_family(&vault.family, output, ctx, out);
    }
    let now = ctx.clock.now();
    print_family(&vault.family, output, ctx, out)?;
    let before = vault.printed.replace(PrintedSheet::of(&vault.family, now));
    if let Err(error) = vault.save(prompter, now) {
        vault.printed = before;
        let detail = error.message();
        let _ = writeln!(out, "{}", fl!("info-sheet-not-recorded", detail = detail));
    }
    Ok(())
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
