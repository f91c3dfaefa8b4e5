//! `kapukulcs visszaallitas`: puts the family's accounts back on a new or
//! repaired phone. One person at a time it shows a large QR code in the
//! terminal (both colours drawn, so any theme scans), the name and the key
//! for typing by hand, then asks for the phone's code and records the
//! confirmation. `--png`, `--pdf` and `--google` write or show the same
//! for scripts and for apps that import Google's transfer codes.
//!
//! The keys do not stay behind: when a person's step ends, and when the
//! run leaves the screen in any way (done, an error, Ctrl-C), the screen
//! and the terminal's scrollback are cleared. Pictures and the sheet are
//! plaintext: they never replace a file and each run warns about them.

use std::{io::Write, path::PathBuf};

use zeroize::Zeroizing;

use crate::{
    clock::Clock,
    commands::options::{Context, HelpFlag},
    error::Error,
    family::{Family, FamilyError, Member, who},
    fl,
    flows::phone_check::confirm_phone_code,
    flows::safe_save,
    formats::{google_transfer, otpauth::OtpAuth},
    interrupt::ShowingSecrets,
    prompter::Prompter,
    qr::{draw, terminal},
    secret::SecretString,
    sheet, store,
    vault::{Access, Vault, bundle},
};

/// The options of `visszaallitas`.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct Options {
    /// `-h`, `--help`.
    #[command(flatten)]
    pub help: HelpFlag,
    /// Only these people (all when empty).
    #[arg(long, value_name = fl!("help-value-name"), help = fl!("help-restore-only"))]
    pub only: Vec<String>,
    /// `--png DIR`: write pictures instead of asking.
    #[arg(long, value_name = fl!("help-value-folder"), help = fl!("help-restore-png"))]
    pub png: Option<PathBuf>,
    /// `--pdf FILE`: write the recovery sheet again.
    #[arg(long, value_name = fl!("help-value-file"), help = fl!("help-restore-pdf"))]
    pub pdf: Option<PathBuf>,
    /// `--google`: Google Authenticator transfer codes.
    #[arg(long, help = fl!("help-restore-google"))]
    pub google: bool,
}

/// The people named in `only`; everyone when empty, except keys cancelled
/// after a lost phone, which no longer log in.
fn chosen<'a>(family: &'a Family, only: &[String]) -> Result<Vec<&'a Member>, Error> {
    if only.is_empty() {
        return Ok(family
            .members
            .iter()
            .filter(|m| m.cancelled.is_none())
            .collect());
    }
    only.iter()
        .map(|name| {
            family
                .find(name)
                .ok_or_else(|| FamilyError::NoSuchMember(name.clone()).into())
        })
        .collect()
}

/// Says who is left out of a whole-family restore because their key was
/// cancelled, and how to register them again: nobody is skipped without
/// a word.
fn say_skipped(family: &Family, only: &[String], prompter: &mut impl Prompter) {
    if !only.is_empty() {
        return;
    }
    for member in &family.members {
        if let Some(date) = member.cancelled {
            prompter.say(&fl!(
                "restore-skipped-cancelled",
                name = member.name.as_str(),
                who = who(&member.name),
                date = bundle::human_date(date)
            ));
        }
    }
}

/// Writes the QR picture of `text` to `path`, or the next free name beside
/// it (saying so): a picture holds a key, so nothing is replaced.
fn write_picture(
    path: PathBuf,
    text: &SecretString,
    prompter: &mut impl Prompter,
) -> Result<PathBuf, Error> {
    let png = draw::png(text, 10).map_err(|too_long| too_long.named(path.display().to_string()))?;
    let written = store::write_plaintext(&path, png.expose())?;
    if let Some(note) = store::renamed_note(&path, &written) {
        prompter.say(&note);
    }
    Ok(written)
}

/// The Google transfer codes for `members`, warning about accounts the
/// format cannot carry (a period other than 30 seconds).
fn google_codes(members: &[&Member], prompter: &mut impl Prompter) -> Vec<SecretString> {
    let accounts: Vec<OtpAuth> = members
        .iter()
        .filter(|m| {
            let ok = google_transfer::representable(&m.account);
            if !ok {
                prompter.say(&fl!(
                    "warn-google-period",
                    name = m.name.as_str(),
                    who = who(&m.name)
                ));
            }
            ok
        })
        .map(|m| m.labelled_account())
        .collect();
    google_transfer::encode(&accounts, rand::random())
}

/// Runs `visszaallitas`.
pub fn run(
    ctx: &Context,
    args: &Options,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let clock = &ctx.clock;
    let to_files = args.png.is_some() || args.pdf.is_some();
    // Writing pictures or a sheet only reads the bundle: it works while
    // another run writes.
    let access = if to_files {
        Access::Read
    } else {
        Access::Write
    };
    let mut vault = Vault::open(&ctx.bundle, &ctx.keys, prompter, access)?;
    if vault.family.members.is_empty() {
        prompter.say(&fl!("info-nobody-yet", surface = crate::i18n::surface()));
        return Ok(());
    }
    if !to_files {
        return on_phone(&mut vault, args, clock, prompter, out);
    }
    let members = chosen(&vault.family, &args.only)?;
    say_skipped(&vault.family, &args.only, prompter);
    {
        if let Some(dir) = &args.png {
            let mut written = Vec::new();
            if args.google {
                for (i, code) in google_codes(&members, prompter).iter().enumerate() {
                    let path = dir.join(format!("google-atvitel-{}.png", i + 1));
                    written.push(write_picture(path, code, prompter)?);
                }
            } else {
                for (i, m) in members.iter().enumerate() {
                    let file = format!("{}.png", bundle::folder_name(i, &m.name));
                    let uri = m.labelled_account().to_uri();
                    written.push(write_picture(dir.join(file), &uri, prompter)?);
                }
            }
            for path in written {
                let _ = writeln!(out, "{}", path.display());
            }
            prompter.say(&fl!(
                "warn-plaintext-pictures",
                dir = dir.display().to_string()
            ));
        }
        if let Some(pdf) = &args.pdf {
            let mut family = Family::default();
            for member in &members {
                family.members.push((*member).clone());
            }
            let written = sheet::write(&family, pdf, clock.now())?;
            if let Some(note) = store::renamed_note(pdf, &written) {
                prompter.say(&note);
            }
            let _ = writeln!(out, "{}", written.display());
            prompter.say(&fl!(
                "warn-plaintext-sheet",
                file = written.display().to_string()
            ));
        }
    }
    Ok(())
}

/// Shows each chosen person's QR code (or Google transfer codes) for the
/// new phone and confirms each with a code from it, saving as it goes.
/// The menu calls this with the bundle it already opened. However it ends,
/// the screen and its scrollback are cleared.
pub fn on_phone(
    vault: &mut Vault,
    args: &Options,
    clock: &Clock,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if vault.family.members.is_empty() {
        prompter.say(&fl!("info-nobody-yet", surface = crate::i18n::surface()));
        return Ok(());
    }
    let showing = ShowingSecrets::start();
    let restored = show_and_confirm(vault, args, clock, prompter);
    prompter.clear_screen();
    drop(showing);
    let count = restored?;
    let _ = writeln!(out, "{}", fl!("restore-done", count = count.to_string()));
    Ok(())
}

/// The steps of [`on_phone`]; returns how many people were confirmed.
fn show_and_confirm(
    vault: &mut Vault,
    args: &Options,
    clock: &Clock,
    prompter: &mut impl Prompter,
) -> Result<usize, Error> {
    let members = chosen(&vault.family, &args.only)?;
    say_skipped(&vault.family, &args.only, prompter);
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    if args.google {
        let codes = google_codes(&members, prompter);
        let count = codes.len();
        for (index, code) in codes.iter().enumerate() {
            // A code too long to draw is that, not a cancellation.
            let picture = terminal::render(code)
                .map_err(|too_long| Error::Qr(too_long.named(names.join(", "))))?;
            prompter.clear_screen();
            prompter.say(&fl!(
                "restore-google",
                index = (index + 1).to_string(),
                count = count.to_string()
            ));
            prompter.say(picture.expose());
            prompter.pause(&fl!("restore-google-next"))?;
        }
        prompter.clear_screen();
    }
    for name in &names {
        let member = vault.family.find(name).expect("chosen from this family");
        if !args.google {
            let account = member.labelled_account();
            let picture = terminal::render(&account.to_uri())
                .map_err(|too_long| Error::Qr(too_long.named(name.as_str())))?;
            prompter.clear_screen();
            prompter.say(&fl!(
                "restore-person",
                name = name.as_str(),
                entry = account.account.as_str()
            ));
            prompter.say(picture.expose());
            let key = member.account.key.grouped();
            // The line holds the key: wiped once shown.
            let line = Zeroizing::new(fl!("restore-key", key = key.expose()));
            prompter.say(&line);
        }
        let ask = fl!("restore-ask-code", name = name.as_str(), who = who(name));
        confirm_phone_code(prompter, &vault.family, name, &ask, clock)?;
        // The step is over: its key leaves the screen and the scrollback.
        prompter.clear_screen();
        let now = clock.now();
        if let Some(member) = vault.family.find_mut(name) {
            member.confirmed = Some(now);
        }
        safe_save::save(vault, prompter, now, &|_| {
            vec![fl!("save-lost-confirmed", name = name.as_str())]
        })?;
        prompter.say(&fl!(
            "restore-confirmed",
            name = name.as_str(),
            who = who(name)
        ));
    }
    Ok(names.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        prompter::{PromptError, Scripted},
        totp,
        vault::{Keys, bundle::tests::demo_family},
    };
    use time::OffsetDateTime;

    const NOW: i64 = 1_700_000_000;

    /// A bundle of the demo family, saved with a low work factor.
    fn saved_family(dir: &std::path::Path) -> (Vault, Scripted) {
        let keys = Keys {
            work_factor: Some(4),
            ..Keys::default()
        };
        let strong = "kert-alma-hegy-tavasz-77".to_owned();
        let mut prompter = Scripted {
            secrets: vec![strong.clone(), strong.clone()],
            ..Scripted::default()
        };
        let path = dir.join("mentes.age");
        let mut vault = Vault::open(&path, &keys, &mut prompter, Access::Create).unwrap();
        vault.family = demo_family();
        vault
            .save(
                &mut prompter,
                OffsetDateTime::from_unix_timestamp(NOW).unwrap(),
            )
            .unwrap();
        (vault, Scripted::default())
    }

    /// Where `needle` is in what was shown.
    fn position(shown: &[String], needle: &str) -> usize {
        shown
            .iter()
            .position(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not shown"))
    }

    #[test]
    fn each_step_ends_by_clearing_the_screen_and_scrollback() {
        let dir = tempfile::tempdir().unwrap();
        let (mut vault, mut prompter) = saved_family(dir.path());
        let clock = Clock::fixed(OffsetDateTime::from_unix_timestamp(NOW).unwrap());
        prompter.inputs = vault
            .family
            .members
            .iter()
            .map(|m| totp::generate(&m.account, NOW as u64))
            .collect();
        let mut out = Vec::new();
        on_phone(
            &mut vault,
            &Options::default(),
            &clock,
            &mut prompter,
            &mut out,
        )
        .unwrap();
        let shown = &prompter.shown;
        for member in &vault.family.members {
            let key = member.account.key.grouped();
            let at = position(shown, key.expose());
            // The next clear comes before the person is confirmed.
            let cleared = at
                + shown[at..]
                    .iter()
                    .position(|line| line == Scripted::CLEARED)
                    .expect("the step's key is cleared");
            assert!(
                cleared
                    < position(
                        shown,
                        &fl!(
                            "restore-confirmed",
                            name = member.name.as_str(),
                            who = who(&member.name)
                        )
                    )
            );
        }
        assert_eq!(shown.last().unwrap(), Scripted::CLEARED);
    }

    #[test]
    fn a_code_too_long_to_draw_is_named_not_called_cancelled() {
        let dir = tempfile::tempdir().unwrap();
        let (mut vault, mut prompter) = saved_family(dir.path());
        let clock = Clock::fixed(OffsetDateTime::from_unix_timestamp(NOW).unwrap());
        // A username no QR code can hold (the audit used a long name).
        vault.family.members[0].username = Some("k".repeat(3000));
        let name = vault.family.members[0].name.clone();
        let error = on_phone(
            &mut vault,
            &Options::default(),
            &clock,
            &mut prompter,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(
            matches!(&error, Error::Qr(too_long) if too_long.name == name),
            "{error:?}"
        );
    }

    #[test]
    fn a_cancelled_person_is_left_out_with_a_word() {
        let dir = tempfile::tempdir().unwrap();
        let (mut vault, mut prompter) = saved_family(dir.path());
        let cancelled = time::macros::datetime!(2026-12-01 10:00 UTC);
        vault.family.members[1].cancelled = Some(cancelled);
        let clock = Clock::fixed(OffsetDateTime::from_unix_timestamp(NOW).unwrap());
        prompter.inputs = vault
            .family
            .members
            .iter()
            .filter(|m| m.cancelled.is_none())
            .map(|m| totp::generate(&m.account, NOW as u64))
            .collect();
        let mut out = Vec::new();
        on_phone(
            &mut vault,
            &Options::default(),
            &clock,
            &mut prompter,
            &mut out,
        )
        .unwrap();
        let name = vault.family.members[1].name.clone();
        let said = fl!(
            "restore-skipped-cancelled",
            name = name.as_str(),
            who = who(&name),
            date = "2026. 12. 01."
        );
        assert!(prompter.shown.contains(&said), "{:?}", prompter.shown);
    }

    #[test]
    fn a_restore_left_half_way_clears_the_key_it_showed() {
        let dir = tempfile::tempdir().unwrap();
        let (mut vault, mut prompter) = saved_family(dir.path());
        let clock = Clock::fixed(OffsetDateTime::from_unix_timestamp(NOW).unwrap());
        // No answer: the user pressed Ctrl-C at the first code.
        let error = on_phone(
            &mut vault,
            &Options::default(),
            &clock,
            &mut prompter,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(
            matches!(error, Error::Prompt(PromptError::Cancelled)),
            "{error:?}"
        );
        let first = vault.family.members[0].account.key.grouped();
        assert!(position(&prompter.shown, first.expose()) < prompter.shown.len() - 1);
        assert_eq!(prompter.shown.last().unwrap(), Scripted::CLEARED);
    }
}
