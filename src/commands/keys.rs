//! `kapukulcs kulcsok`: which age public keys open the bundle. Without
//! options it lists them; `--add` and `--remove` set the exact list (a key
//! taken away no longer opens the next save), and `--add` on a passphrase
//! bundle switches it to keys after a confirmation (or `--yes`). Switching
//! back is `kapukulcs jelszo`. The previous file stays as `.bak`, as after
//! every save, and still opens with the old keys: the person is told so.

use std::io::Write;

use crate::{
    commands::options::{Context, HelpFlag},
    error::Error,
    fl,
    prompter::Prompter,
    store,
    vault::{Access, Vault, VaultError},
};

/// The command line of `kulcsok`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// `--add age1…`: keys to lock the bundle to as well.
    #[arg(long, value_name = "age1…", help = fl!("help-keys-add"))]
    pub add: Vec<String>,
    /// `--remove age1…`: keys that shall no longer open the bundle.
    #[arg(long, value_name = "age1…", help = fl!("help-keys-remove"))]
    pub remove: Vec<String>,
    /// `--yes`: no question when a passphrase bundle is switched to keys,
    /// or when no key given with `-i` will open the result.
    #[arg(long, short, help = fl!("help-keys-yes"))]
    pub yes: bool,
}

/// The keys, one a line, indented under their heading.
fn write_list(out: &mut dyn Write, heading: String, keys: &[String]) {
    let _ = writeln!(out, "{heading}");
    for key in keys {
        let _ = writeln!(out, "  {key}");
    }
}

/// The list after taking `remove` away from `current` and adding `add`;
/// a key to take away that is not there is an error, not a silent no-op,
/// so a mistyped key never looks revoked.
pub fn new_list(
    current: &[String],
    add: &[String],
    remove: &[String],
) -> Result<Vec<String>, VaultError> {
    let remove: Vec<&str> = remove.iter().map(|key| key.trim()).collect();
    if let Some(missing) = remove.iter().find(|key| !current.iter().any(|c| c == *key)) {
        return Err(VaultError::NotARecipient((*missing).to_owned()));
    }
    let mut list: Vec<String> = current
        .iter()
        .filter(|key| !remove.contains(&key.as_str()))
        .cloned()
        .chain(add.iter().map(|key| key.trim().to_owned()))
        .collect();
    list.sort();
    list.dedup();
    Ok(list)
}

/// Runs `kulcsok`.
pub fn run(
    ctx: &Context,
    options: &Options,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    // Listing only reads: it works while another run writes.
    let access = if options.add.is_empty() && options.remove.is_empty() {
        Access::Read
    } else {
        Access::Write
    };
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, access)?;
    let current = vault.recipients().to_vec();
    if options.add.is_empty() && options.remove.is_empty() {
        if vault.is_passphrase() {
            let _ = writeln!(out, "{}", fl!("info-keys-passphrase"));
        } else {
            let heading = fl!("info-keys-list", count = current.len().to_string());
            write_list(out, heading, &current);
        }
        return Ok(());
    }
    let list = new_list(&current, &options.add, &options.remove)?;
    let switching = vault.is_passphrase();
    if !switching && list == current {
        let _ = writeln!(out, "{}", fl!("info-keys-unchanged"));
        return Ok(());
    }
    // Checked before the question, so a bad key is reported first.
    vault.set_recipients(&list)?;
    if switching && !options.yes && !prompter.confirm(&fl!("prompt-switch-to-keys"), false)? {
        let _ = writeln!(out, "{}", fl!("info-keys-not-changed"));
        return Ok(());
    }
    // A bundle that no key given here can open is a lock-out waiting to
    // happen (a mistyped key, or the wrong one taken away): said, and asked.
    let at_hand = vault.keys_at_hand();
    if !list.iter().any(|key| at_hand.contains(key)) && !options.yes {
        prompter.say(&fl!(
            "warn-keys-none-at-hand",
            count = list.len().to_string(),
            keys = list.join(", ")
        ));
        if !prompter.confirm(&fl!("prompt-keys-none-at-hand"), false)? {
            let _ = writeln!(out, "{}", fl!("info-keys-not-changed"));
            return Ok(());
        }
    }
    vault.save(prompter, ctx.clock.now())?;
    let heading = fl!("info-keys-changed", count = list.len().to_string());
    write_list(out, heading, vault.recipients());
    // Beside the file really written: behind a link, next to its target.
    let backup = store::backup_of(&vault.path).display().to_string();
    let _ = writeln!(out, "{}", fl!("info-old-keys-in-backup", backup = backup));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|k| (*k).to_owned()).collect()
    }

    #[test]
    fn the_new_list_adds_removes_and_refuses_an_unknown_key() {
        let current = keys(&["age1b", "age1c"]);
        assert_eq!(
            new_list(&current, &keys(&[" age1a "]), &keys(&["age1c"])).unwrap(),
            keys(&["age1a", "age1b"])
        );
        assert_eq!(
            new_list(&current, &keys(&["age1b"]), &[]).unwrap(),
            current,
            "adding a key it has changes nothing"
        );
        assert!(matches!(
            new_list(&current, &[], &keys(&["age1x"])),
            Err(VaultError::NotARecipient(key)) if key == "age1x"
        ));
        assert!(new_list(&current, &[], &current).unwrap().is_empty());
    }
}
