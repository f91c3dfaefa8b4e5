//! The end of a wizard run: the recovery sheet offered, written, opened
//! for printing and deleted once printed; a summary of who is done; every
//! picture a key was read from offered for deletion, wherever it was; the
//! clipboard offered for clearing.

use std::{
    fs, io,
    path::{Path, PathBuf},
};

use super::{ClipboardState, SHEET_NAME, Wizard, person_folder, summary, watch::pictures_in};
use crate::{
    error::{Error, report_to_string},
    family::{PrintedSheet, Stage},
    fl, platform,
    prompter::Prompter,
    sheet,
};

impl<P: Prompter> Wizard<'_, P> {
    /// The end: the sheet (asked for, printed, deleted), a summary of who
    /// is done, and every plaintext picture of a key.
    pub(super) fn finish(&mut self) -> Result<(), Error> {
        if self.vault.family.members.is_empty() {
            return Ok(());
        }
        self.offer_sheet()?;
        self.prompter.say(&summary(&self.vault.family));
        self.offer_picture_deletion()?;
        if self.clipboard_used
            && let ClipboardState::Open(clipboard) = &mut self.clipboard
            && self
                .prompter
                .confirm(&fl!("wizard-clipboard-clear-ask"), true)?
        {
            match clipboard.clear() {
                Ok(()) => self.prompter.say(&fl!("wizard-clipboard-cleared")),
                Err(detail) => self
                    .prompter
                    .say(&fl!("wizard-clipboard-clear-failed", detail = detail)),
            }
        }
        Ok(())
    }

    /// The printable sheet holds every key in the clear: it is written only
    /// when asked for, opened for printing when wanted, and deleted (with
    /// any backup copy) once it has been printed.
    fn offer_sheet(&mut self) -> Result<(), Error> {
        if !self.prompter.confirm(&fl!("wizard-sheet-ask"), true)? {
            self.prompter.say(&fl!(
                "wizard-sheet-skipped",
                surface = crate::i18n::surface()
            ));
            return Ok(());
        }
        let wanted = self.workspace.join(SHEET_NAME);
        // A sheet left from an earlier run is never replaced: the new one
        // may get a numbered name, and that is the one named from here on.
        let path = match sheet::write(&self.vault.family, &wanted, self.clock.now()) {
            Ok(written) => written,
            Err(error) => {
                let file = wanted.display().to_string();
                self.prompter
                    .say(&fl!("wizard-sheet-failed", file = file.as_str()));
                self.prompter.say(&report_to_string(&error.into()));
                return Ok(());
            }
        };
        // Recorded, so that a later change names this paper as out of date.
        self.vault.printed = Some(PrintedSheet::of(&self.vault.family, self.clock.now()));
        self.save()?;
        let file = path.display().to_string();
        self.prompter
            .say(&fl!("wizard-sheet", file = file.as_str()));
        if self.prompter.confirm(&fl!("wizard-sheet-open-ask"), true)?
            && let Err(error) = self.viewer.open(&path)
        {
            // The launcher's own words ("Launcher … failed with
            // ExitStatus(…)") mean nothing to a person: say what to do.
            drop(error);
            self.prompter
                .say(&fl!("wizard-sheet-open-failed", file = file.as_str()));
        }
        let delete = self
            .prompter
            .confirm(&fl!("wizard-sheet-printed-ask"), true)?
            && self
                .prompter
                .confirm(&fl!("wizard-sheet-delete-ask"), true)?;
        if !delete {
            self.prompter
                .say(&fl!("wizard-sheet-kept", file = file.as_str()));
            return Ok(());
        }
        // The sheet, and the copy an earlier run's sheet may have left.
        let mut backup = path.clone().into_os_string();
        backup.push(".bak");
        let backup = PathBuf::from(backup);
        let mut all_gone = true;
        for target in [&path, &backup] {
            if let Err(error) = remove(target) {
                all_gone = false;
                self.prompter.say(&fl!(
                    "wizard-delete-failed",
                    file = target.display().to_string(),
                    detail = crate::i18n::io_detail(&error)
                ));
            }
        }
        if all_gone {
            self.prompter
                .say(&fl!("wizard-sheet-deleted", file = file.as_str()));
        }
        Ok(())
    }

    /// Every picture of a key this run read, wherever it was, and every
    /// picture left in the people's folders, offered for deletion; each
    /// deletion is checked, and one that failed is named.
    pub(super) fn offer_picture_deletion(&mut self) -> Result<(), Error> {
        let mut pictures: Vec<PathBuf> = self
            .vault
            .family
            .members
            .iter()
            .flat_map(|m| pictures_in(&person_folder(&self.workspace, &m.name)))
            .collect();
        pictures.extend(self.read_files.iter().filter(|p| p.is_file()).cloned());
        // Pictures an earlier, interrupted run read for each person.
        let folders: Vec<(PathBuf, bool)> = self
            .vault
            .family
            .members
            .iter()
            .map(|m| {
                (
                    person_folder(&self.workspace, &m.name),
                    m.stage == Stage::Done,
                )
            })
            .collect();
        for (folder, _) in &folders {
            pictures.extend(remembered(folder).into_iter().filter(|p| p.is_file()));
        }
        // Once a person is finished, their pictures are offered now or
        // never again: the list is forgotten.
        for (folder, done) in &folders {
            if *done {
                let _ = remove(&folder.join(READ_LIST));
            }
        }
        let mut seen = std::collections::HashSet::new();
        pictures.retain(|p| seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
        if pictures.is_empty() {
            return Ok(());
        }
        let mut lines = vec![fl!("wizard-pictures-list")];
        lines.extend(pictures.iter().map(|p| format!("  {}", p.display())));
        self.prompter.say(&lines.join("\n"));
        if !self.prompter.confirm(
            &fl!("wizard-delete-pictures", count = pictures.len().to_string()),
            true,
        )? {
            return Ok(());
        }
        let mut deleted = 0;
        for picture in &pictures {
            match remove(picture) {
                Ok(()) => deleted += 1,
                Err(error) => self.prompter.say(&fl!(
                    "wizard-delete-failed",
                    file = picture.display().to_string(),
                    detail = crate::i18n::io_detail(&error)
                )),
            }
        }
        if deleted > 0 {
            self.prompter
                .say(&fl!("wizard-pictures-deleted", count = deleted.to_string()));
        }
        Ok(())
    }
}

/// The file in a person's folder listing, one path a line, every picture
/// a key was read from for them, wherever it was: a run killed after the
/// screenshot still offers it for deletion when the person is finished.
/// Paths only, never a key; it lives in the person's private folder.
const READ_LIST: &str = ".beolvasott-kepek.txt";

/// Adds `picture` to the list in `folder`. A list that cannot be written
/// loses only the offer after an interruption: this run offers the picture
/// all the same, so the failure is not worth stopping for.
pub(super) fn remember_read(folder: &Path, picture: &Path) {
    let picture = fs::canonicalize(picture)
        .map(|p| platform::plain_path(&p))
        .unwrap_or_else(|_| picture.to_path_buf());
    if remembered(folder).contains(&picture) {
        return;
    }
    let mut line = picture.into_os_string();
    line.push("\n");
    let _ = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(folder.join(READ_LIST))
        .and_then(|mut file| io::Write::write_all(&mut file, line.as_encoded_bytes()));
}

/// The pictures listed in `folder` by [`remember_read`].
fn remembered(folder: &Path) -> Vec<PathBuf> {
    fs::read_to_string(folder.join(READ_LIST))
        .map(|text| {
            text.lines()
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Deletes `path` and checks that it is gone; a file that was not there
/// is fine.
fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    if path.symlink_metadata().is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    Ok(())
}
