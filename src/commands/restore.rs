//! `kapukulcs visszaallitas`: puts the family's accounts back on a new or
//! repaired phone. One person at a time it shows a large QR code in the
//! terminal (both colours drawn, so any theme scans), the name and the key
//! for typing by hand, then asks for the phone's code and records the
//! confirmation. `--png`, `--pdf` and `--google` write or show the same
//! for scripts and for apps that import Google's transfer codes.

use std::{io::Write, path::PathBuf};

use crate::{
    clock::Clock,
    commands::options::{Context, HelpFlag},
    error::Error,
    family::{Family, FamilyError, Member},
    fl,
    formats::{google_transfer, otpauth::OtpAuth},
    phone_check::{confirm_phone_code, who},
    prompter::{PromptError, Prompter},
    qr::{draw, terminal},
    safe_save,
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

fn chosen<'a>(family: &'a Family, only: &[String]) -> Result<Vec<&'a Member>, Error> {
    if only.is_empty() {
        return Ok(family.members.iter().collect());
    }
    only.iter()
        .map(|name| {
            family
                .find(name)
                .ok_or_else(|| FamilyError::NoSuchMember(name.clone()).into())
        })
        .collect()
}

fn write_picture(path: PathBuf, text: &SecretString) -> Result<PathBuf, Error> {
    let png = draw::png(text, 10).map_err(|too_long| too_long.named(path.display().to_string()))?;
    store::write_atomic(&path, png.expose(), &|start| start.starts_with(b"\x89PNG"))?;
    Ok(path)
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
    if !to_files {
        return on_phone(&mut vault, args, clock, prompter, out);
    }
    let members = chosen(&vault.family, &args.only)?;
    {
        if let Some(dir) = &args.png {
            let written: Vec<PathBuf> = if args.google {
                google_codes(&members, prompter)
                    .iter()
                    .enumerate()
                    .map(|(i, code)| {
                        write_picture(dir.join(format!("google-atvitel-{}.png", i + 1)), code)
                    })
                    .collect::<Result<_, _>>()?
            } else {
                members
                    .iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let file = format!("{}.png", bundle::folder_name(i, &m.name));
                        write_picture(dir.join(file), &m.labelled_account().to_uri())
                    })
                    .collect::<Result<_, _>>()?
            };
            for path in written {
                let _ = writeln!(out, "{}", path.display());
            }
        }
        if let Some(pdf) = &args.pdf {
            let mut family = Family::default();
            for member in &members {
                family.members.push((*member).clone());
            }
            sheet::write(&family, pdf, clock.now())?;
            let _ = writeln!(out, "{}", pdf.display());
        }
    }
    Ok(())
}

/// Shows each chosen person's QR code (or Google transfer codes) for the
/// new phone and confirms each with a code from it, saving as it goes.
/// The menu calls this with the bundle it already opened.
pub fn on_phone(
    vault: &mut Vault,
    args: &Options,
    clock: &Clock,
    prompter: &mut impl Prompter,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let members = chosen(&vault.family, &args.only)?;
    let names: Vec<String> = members.iter().map(|m| m.name.clone()).collect();
    if args.google {
        let codes = google_codes(&members, prompter);
        let count = codes.len();
        for (index, code) in codes.iter().enumerate() {
            let picture = terminal::render(code).map_err(|_| PromptError::Cancelled)?;
            prompter.say(&format!(
                "\x1b[2J\x1b[H{}",
                fl!(
                    "restore-google",
                    index = (index + 1).to_string(),
                    count = count.to_string()
                )
            ));
            prompter.say(picture.expose());
            prompter.pause(&fl!("restore-google-next"))?;
        }
    }
    for name in &names {
        let member = vault.family.find(name).expect("chosen from this family");
        if !args.google {
            let account = member.labelled_account();
            let picture =
                terminal::render(&account.to_uri()).map_err(|_| PromptError::Cancelled)?;
            prompter.say(&format!(
                "\x1b[2J\x1b[H{}",
                fl!(
                    "restore-person",
                    name = name.as_str(),
                    entry = account.account.as_str()
                )
            ));
            prompter.say(picture.expose());
            let key = member.account.key.grouped();
            prompter.say(&fl!("restore-key", key = key.expose()));
        }
        let ask = fl!("restore-ask-code", name = name.as_str(), who = who(name));
        confirm_phone_code(prompter, &vault.family, name, &ask, clock)?;
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
    let _ = writeln!(
        out,
        "{}",
        fl!("restore-done", count = names.len().to_string())
    );
    Ok(())
}
