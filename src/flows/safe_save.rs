//! A save that may fail without ending the run: when the disk is full, the
//! USB stick was pulled or something else is wrong with the file, the
//! person is asked what to do — try again, save to another place, or see
//! what would be lost (to write it down) before quitting. The wizard,
//! restore and import all save through here, so nothing a person typed is
//! lost because a disk failed.

use std::path::PathBuf;

use time::OffsetDateTime;

use crate::{
    error::{Error, report_to_string},
    family::Family,
    fl,
    platform::clean_typed_path,
    prompter::Prompter,
    vault::{DEFAULT_FILE_NAME, Vault, VaultError},
};

/// The choices after a failed save, in menu order.
const RETRY: usize = 0;
const ELSEWHERE: usize = 1;

/// Whether trying again or elsewhere can help: a file system failure can,
/// a picture that cannot be drawn or a key that cannot be used cannot.
fn worth_asking(error: &VaultError) -> bool {
    matches!(error, VaultError::Store(_))
}

/// Saves `vault`. When the save fails, shows why and asks: try again, save
/// to a path the person types, or show `at_risk(family)` — the lines that
/// would be lost — and end with the error. Without a terminal to ask on,
/// the error ends the run at once (the previous file is untouched).
pub fn save(
    vault: &mut Vault,
    prompter: &mut impl Prompter,
    now: OffsetDateTime,
    at_risk: &dyn Fn(&Family) -> Vec<String>,
) -> Result<(), Error> {
    loop {
        let error = match vault.save(prompter, now) {
            Ok(()) => return Ok(()),
            Err(error) if worth_asking(&error) => error,
            Err(error) => return Err(error.into()),
        };
        let error = Error::from(error);
        prompter.say(&report_to_string(&error));
        let choices = [
            fl!("save-failed-retry"),
            fl!("save-failed-elsewhere"),
            fl!("save-failed-show"),
        ];
        let Ok(choice) = prompter.select(&fl!("save-failed-title"), &choices, RETRY) else {
            return Err(error);
        };
        match choice {
            RETRY => {}
            ELSEWHERE => {
                if let Err(error) = choose_elsewhere(vault, prompter) {
                    prompter.say(&report_to_string(&error));
                }
            }
            _ => {
                let lines = at_risk(&vault.family);
                let mut text = fl!("save-failed-lost");
                for line in lines {
                    text.push_str("\n  ");
                    text.push_str(&line);
                }
                prompter.say(&text);
                return Err(error);
            }
        }
    }
}

/// Asks for another place and moves the vault there (a folder gets the
/// usual file name). The next save goes there.
fn choose_elsewhere(vault: &mut Vault, prompter: &mut impl Prompter) -> Result<(), Error> {
    let typed = prompter.input(&fl!("save-ask-path"), None, false)?;
    let mut path: PathBuf = clean_typed_path(&typed);
    if path.is_dir() {
        path.push(DEFAULT_FILE_NAME);
    }
    let old = vault.path.clone();
    vault.move_to(&path)?;
    prompter.say(&fl!(
        "save-moved",
        file = path.display().to_string(),
        flag = crate::platform::shell_quoted(&path),
        old = old.display().to_string(),
        surface = crate::i18n::surface()
    ));
    Ok(())
}

/// [`save`] for a flow that registers people (the wizard, the lost phone):
/// a failed save shows each person's name and deletion code.
pub fn save_family(
    vault: &mut Vault,
    prompter: &mut impl Prompter,
    now: OffsetDateTime,
) -> Result<(), Error> {
    save(vault, prompter, now, &names_and_deletion_codes)
}

/// The lines a person writes down when a save cannot be done: each
/// member's name, username and deletion code.
pub fn names_and_deletion_codes(family: &Family) -> Vec<String> {
    family
        .members
        .iter()
        .map(|member| {
            let username = member.username.as_deref().unwrap_or("-");
            match &member.deletion_code {
                Some(code) => fl!(
                    "save-lost-member-code",
                    name = member.name.as_str(),
                    username = username,
                    code = code.grouped()
                ),
                None => fl!(
                    "save-lost-member",
                    name = member.name.as_str(),
                    username = username
                ),
            }
        })
        .collect()
}
