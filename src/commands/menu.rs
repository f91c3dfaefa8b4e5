//! The main menu: what people see when they start the program without a
//! command. The bundle is opened once, so the passphrase is asked once, and
//! held for writing until the menu closes; each item runs the same code as
//! its command.

use std::io::Write;

use crate::{
    commands::{check, demo, list, lost, options::Context, passphrase, print, restore},
    error::Error,
    family::who,
    fl,
    flows::wizard::{Places, Wizard},
    prompter::Prompter,
    qr::terminal,
    totp,
    vault::{Access, Vault},
};

/// The menu's items, in the order a person looks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Setup,
    Restore,
    Lost,
    NewDeletionCode,
    CodesLive,
    Check,
    Print,
    List,
    Person,
    Passphrase,
    Demo,
    Quit,
}

impl Item {
    const ALL: [Item; 12] = [
        Item::Setup,
        Item::Restore,
        Item::Lost,
        Item::NewDeletionCode,
        Item::CodesLive,
        Item::Check,
        Item::Print,
        Item::List,
        Item::Person,
        Item::Passphrase,
        Item::Demo,
        Item::Quit,
    ];

    fn label(self) -> String {
        match self {
            Item::Setup => fl!("menu-setup"),
            Item::Restore => fl!("menu-restore"),
            Item::Lost => fl!("menu-lost"),
            Item::NewDeletionCode => fl!("menu-new-deletion-code"),
            Item::CodesLive => fl!("menu-codes-live"),
            Item::Check => fl!("menu-check"),
            Item::Print => fl!("menu-print"),
            Item::List => fl!("menu-list"),
            Item::Person => fl!("menu-person"),
            Item::Passphrase => fl!("menu-passphrase"),
            Item::Demo => fl!("menu-demo"),
            Item::Quit => fl!("menu-quit"),
        }
    }
}

/// Runs the menu until the user quits.
pub fn run(ctx: &Context, prompter: &mut impl Prompter, out: &mut dyn Write) -> Result<(), Error> {
    // From here on, advice names what to choose in the menu.
    crate::i18n::started_as_menu();
    let new = ctx.bundle.symlink_metadata().is_err();
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, Access::Create)?;
    // A first start: the passphrase just chosen is saved with the empty
    // bundle, so quitting now does not ask for a new one next time.
    if new {
        vault.save(prompter, ctx.clock.now())?;
        prompter.say(&fl!(
            "info-empty-bundle-saved",
            file = vault.path.display().to_string()
        ));
    }
    let labels: Vec<String> = Item::ALL.iter().map(|item| item.label()).collect();
    let farewell = fl!(
        "interrupt-menu",
        file = crate::platform::plain_path(&vault.path)
            .display()
            .to_string()
    );
    let mut told = None;
    loop {
        // Ctrl-C here, or in an item that says nothing of its own.
        crate::interrupt::set_farewell(Some(farewell.clone()));
        // A printed sheet that is wrong for someone is said once, and
        // again whenever that changes, until a new sheet is printed.
        let note = vault
            .printed
            .as_ref()
            .and_then(|printed| printed.out_of_date_note(&vault.family));
        if note.is_some() && note != told {
            prompter.say(note.as_deref().unwrap_or_default());
        }
        told = note;
        let choice = prompter.select(&fl!("menu-title"), &labels, 0)?;
        match Item::ALL.get(choice).copied().unwrap_or(Item::Quit) {
            Item::Setup => Wizard::new(
                &mut vault,
                prompter,
                &ctx.clock,
                Places::system(crate::platform::default_workspace()),
                Default::default(),
            )
            .run()?,
            Item::Restore => {
                restore::on_phone(&mut vault, &Default::default(), &ctx.clock, prompter, out)?
            }
            Item::Lost => lost::on_bundle(
                &mut vault,
                &[],
                Places::system(crate::platform::default_workspace()),
                ctx,
                prompter,
            )?,
            Item::NewDeletionCode => new_deletion_code(&mut vault, ctx, prompter)?,
            Item::CodesLive => {
                // A Ctrl-C while the codes show wipes them too.
                let _showing = crate::interrupt::ShowingSecrets::start();
                let family = &vault.family;
                prompter.live(&mut || check::live_view(family, ctx.clock.unix()))?;
            }
            Item::Check => check::ask_codes(&vault.family, prompter, &ctx.clock)?,
            Item::Print => print::print_and_record(&mut vault, None, ctx, prompter, out)?,
            Item::List if vault.family.members.is_empty() => {
                prompter.say(&fl!("info-nobody-yet", surface = crate::i18n::surface()));
            }
            Item::List => {
                let _ = write!(out, "{}", list::table(&vault.family));
            }
            Item::Person => person(&mut vault, ctx, prompter)?,
            Item::Passphrase => {
                passphrase::change(&mut vault, &Default::default(), ctx, prompter, out)?
            }
            Item::Demo => tour(ctx, prompter, out)?,
            Item::Quit => return Ok(()),
        }
    }
}

/// The menu's demo: a guided tour inside the program on the made-up
/// family (Én, Mama, Papa), kept in memory: the list, a QR code as the
/// phone would scan it, and the check of a code. A person who
/// double-clicked has no terminal to type the `demo` command's hints into;
/// those stay with the command.
fn tour(ctx: &Context, prompter: &mut impl Prompter, out: &mut dyn Write) -> Result<(), Error> {
    let family = demo::family(&mut rand::rng(), ctx);
    prompter.say(&fl!("tour-intro"));
    // 1. Who is in the backup.
    let _ = write!(out, "{}", list::table(&family));
    let _ = out.flush();
    prompter.pause(&fl!("tour-list"))?;
    // 2. A QR code, as the phone scans it after a repair.
    let mama = &family.members[1];
    let entry = mama.entry_label();
    prompter.say(&fl!("tour-qr", entry = entry.as_str()));
    if let Ok(drawing) = terminal::render(&mama.labelled_account().to_uri()) {
        prompter.say(drawing.expose());
    }
    prompter.pause(&fl!("tour-qr-next"))?;
    prompter.clear_screen();
    // 3. Whose code is this?
    let now = ctx.clock.unix();
    prompter.say(&check::live_view(&family, now));
    prompter.say(&fl!(
        "tour-check",
        name = mama.name.as_str(),
        code = totp::generate(&mama.account, now)
    ));
    check::ask_codes(&family, prompter, &ctx.clock)?;
    prompter.say(&fl!("tour-end"));
    Ok(())
}

/// "Új törlőkód kell": whose, then the lost-phone flow's online route.
fn new_deletion_code(
    vault: &mut Vault,
    ctx: &Context,
    prompter: &mut impl Prompter,
) -> Result<(), Error> {
    match whom(vault, &fl!("lost-renew-which"), prompter)? {
        Some(name) => lost::new_deletion_code(
            vault,
            &name,
            Places::system(crate::platform::default_workspace()),
            ctx,
            prompter,
        ),
        None => Ok(()),
    }
}

/// Asks `question` with everyone's name and "Vissza": the name chosen, or
/// nothing for "Vissza" or a bundle with no one in it (which is said).
fn whom(
    vault: &Vault,
    question: &str,
    prompter: &mut impl Prompter,
) -> Result<Option<String>, Error> {
    if vault.family.members.is_empty() {
        prompter.say(&fl!("menu-person-empty"));
        return Ok(None);
    }
    let mut names: Vec<String> = vault
        .family
        .members
        .iter()
        .map(|m| m.name.clone())
        .collect();
    names.push(fl!("menu-back"));
    let choice = prompter.select(question, &names, 0)?;
    names.truncate(names.len() - 1);
    Ok((choice < names.len()).then(|| names.swap_remove(choice)))
}

/// One person redone or removed: whom, what, and the usual confirmation
/// (no by default). Redoing moves the current key, picture and deletion
/// code into the person's history; removing keeps the previous bundle as
/// `.bak`, and says so.
fn person(vault: &mut Vault, ctx: &Context, prompter: &mut impl Prompter) -> Result<(), Error> {
    let Some(name) = whom(vault, &fl!("menu-person-which"), prompter)? else {
        return Ok(());
    };
    let name = &name;
    let who = who(name);
    let actions = [
        fl!("menu-person-redo"),
        fl!("menu-person-remove"),
        fl!("menu-back"),
    ];
    let question = fl!("menu-person-what", name = name.as_str(), who = who);
    match prompter.select(&question, &actions, 0)? {
        0 if prompter.confirm(&fl!("prompt-redo", name = name.as_str(), who = who), false)? => {
            Wizard::new(
                vault,
                prompter,
                &ctx.clock,
                Places::system(crate::platform::default_workspace()),
                Default::default(),
            )
            .redo(name)?;
            prompter.say(&fl!("lost-again-done", name = name.as_str(), who = who));
        }
        1 if prompter.confirm(&fl!("prompt-remove", name = name.as_str()), false)? => {
            vault.family.remove(name)?;
            vault.save(prompter, ctx.clock.now())?;
            prompter.say(&fl!("info-removed", name = name.as_str()));
        }
        1 => prompter.say(&fl!("info-not-removed", name = name.as_str())),
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_its_own_label() {
        let mut labels: Vec<String> = Item::ALL.iter().map(|item| item.label()).collect();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), Item::ALL.len());
        assert_eq!(Item::ALL.last(), Some(&Item::Quit));
    }
}
