//! `kapukulcs nyomtatas`: writes the printable recovery sheet (PDF) of the
//! whole family.

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use crate::{
    commands::context::Context, error::Error, family::Family, fl, prompter::Prompter, sheet, store,
    vault::Vault,
};

/// The sheet's file name when `--output` is not given.
pub const DEFAULT_SHEET: &str = "kapukulcs-helyreallito-lap.pdf";

/// Writes the sheet for `family` to `path` atomically, 0600, keeping a
/// previous sheet as `.bak` and refusing to replace anything but a PDF.
pub fn write_sheet(family: &Family, path: &Path, ctx: &Context) -> Result<(), Error> {
    let pdf = sheet::render(family, ctx.now).map_err(Error::Sheet)?;
    store::write_atomic(path, &pdf, &|start| start.starts_with(b"%PDF"))?;
    Ok(())
}

/// Runs `nyomtatas`.
pub fn run(
    ctx: &Context,
    output: Option<PathBuf>,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, false)?;
    print_family(&vault.family, output, ctx, out)
}

/// Writes the sheet for `family` (to `output` or the default name) and
/// tells the user where it is and what to do with it.
pub fn print_family(
    family: &Family,
    output: Option<PathBuf>,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let path = output.unwrap_or_else(|| PathBuf::from(DEFAULT_SHEET));
    write_sheet(family, &path, ctx)?;
    let _ = writeln!(
        out,
        "{}",
        fl!(
            "info-sheet-written",
            file = path.display().to_string(),
            count = family.members.len().to_string()
        )
    );
    Ok(())
}
