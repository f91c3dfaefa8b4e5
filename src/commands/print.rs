//! `kapukulcs nyomtatas`: writes the printable recovery sheet (PDF) of the
//! whole family where the wizard writes it (`~/kapukulcs/`), says where in
//! full and offers to open it for printing.

use std::{io::Write, path::PathBuf};

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    family::{Family, PrintedSheet},
    fl,
    flows::wizard::SHEET_NAME,
    i18n::Explain,
    platform,
    prompter::{PromptError, Prompter},
    sheet,
    store::{self, StoreError},
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
        return print_family(&vault.family, output, ctx, prompter, out);
    }
    let now = ctx.clock.now();
    print_family(&vault.family, output, ctx, prompter, out)?;
    let before = vault.printed.replace(PrintedSheet::of(&vault.family, now));
    if let Err(error) = vault.save(prompter, now) {
        vault.printed = before;
        let detail = error.message();
        let _ = writeln!(out, "{}", fl!("info-sheet-not-recorded", detail = detail));
    }
    Ok(())
}

/// Writes the sheet for `family` (to `output`, or into the wizard's folder
/// under the wizard's name, or the next free name beside it), tells the
/// user where it is in full, that it is not encrypted and what to do with
/// it, and offers to open it (when there is a terminal to ask on).
pub fn print_family(
    family: &Family,
    output: Option<PathBuf>,
    ctx: &Context,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if family.members.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            fl!("info-nobody-yet", surface = crate::i18n::surface())
        );
        return Ok(());
    }
    let asked = match output {
        Some(output) => output,
        None => {
            // The one place the wizard writes its sheet too; private, as
            // the screenshots beside it hold keys.
            let workspace = platform::default_workspace();
            store::create_private_dir(&workspace).map_err(|error| {
                Error::Store(StoreError::Write {
                    path: workspace.clone(),
                    error,
                })
            })?;
            workspace.join(SHEET_NAME)
        }
    };
    let path = sheet::write(family, &asked, ctx.clock.now())?;
    if let Some(note) = store::renamed_note(&asked, &path) {
        let _ = writeln!(out, "{note}");
    }
    let path = std::path::absolute(&path).unwrap_or(path);
    let file = platform::plain_path(&path).display().to_string();
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
    let _ = out.flush();
    // Only asked where someone can answer: a script gets the file alone.
    match prompter.confirm(&fl!("wizard-sheet-open-ask"), true) {
        Ok(true) => {
            // The launcher's own words are English and name its command
            // line: the person is told where the file is instead.
            if platform::open_in_viewer(&path).is_err() {
                prompter.say(&fl!("wizard-sheet-open-failed", file = file.as_str()));
            }
        }
        Ok(false) | Err(PromptError::NoTerminal) => {}
        Err(error) => return Err(error.into()),
    }
    Ok(())
}
